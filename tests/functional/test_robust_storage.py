"""Failing storage in the app: a read-only folder, a full disk, a rename that fails. The user is
warned once, keeps typing, the answers stay in memory, the draft on disk stays the last good
one (no temp files left), and saving works again by itself once the problem is gone."""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

import pytest

from rsp_tui.drafts import load_draft
from rsp_tui.safefile import TMP_SUFFIX
from rsp_tui.tui.app import RspApp
from rsp_tui.tui.screens.report import ReportScreen
from rsp_tui.tui.widgets.status import StatusLine

from .driving import settle, spy_notifications, type_text

Failure = Callable[[Path], AbstractContextManager[None]]


@contextmanager
def read_only_folder(folder: Path) -> Iterator[None]:
    """The folder cannot be written: really (chmod) unless we are root, who may write
    anyway; then as the kernel would answer an ordinary user (EACCES on creating a file)."""
    if os.geteuid() != 0:
        folder.chmod(0o500)
        try:
            yield
        finally:
            folder.chmod(0o700)
        return
    real = tempfile.mkstemp

    def refuse(
        suffix: str | None = None,
        prefix: str | None = None,
        dir: str | os.PathLike[str] | None = None,  # noqa: A002 (mkstemp's own name)
        text: bool = False,
    ) -> tuple[int, str]:
        if Path(str(dir or "")) == folder:
            raise PermissionError(errno.EACCES, "Permission denied")
        return real(suffix, prefix, dir, text)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(tempfile, "mkstemp", refuse)
        yield


@contextmanager
def read_only_file_system(folder: Path) -> Iterator[None]:
    """The drive was remounted read-only (a network share, a USB stick pulled half-way)."""
    real = tempfile.mkstemp

    def refuse(
        suffix: str | None = None,
        prefix: str | None = None,
        dir: str | os.PathLike[str] | None = None,  # noqa: A002 (mkstemp's own name)
        text: bool = False,
    ) -> tuple[int, str]:
        if Path(str(dir or "")) == folder:
            raise OSError(errno.EROFS, "Read-only file system")
        return real(suffix, prefix, dir, text)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(tempfile, "mkstemp", refuse)
        yield


@contextmanager
def disk_full(folder: Path) -> Iterator[None]:
    """ENOSPC when the data is flushed to disk (where a full disk shows up)."""

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(os, "fsync", full)
        yield


@contextmanager
def rename_fails(folder: Path) -> Iterator[None]:
    """The temp file is written but cannot replace the draft (a network drive, a file held by
    another program)."""
    real = os.replace

    def failing(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        if Path(dst).parent == folder and Path(dst).suffix == ".toml":
            raise OSError(errno.EIO, "Input/output error")
        real(src, dst)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(os, "replace", failing)
        yield


FAILURES = {
    "read-only folder": (read_only_folder, "saknar behörighet att skriva i mappen"),
    "read-only file system": (read_only_file_system, "mappen är skrivskyddad"),
    "disk full": (disk_full, "disken är full"),
    "rename fails": (rename_fails, "läs- eller skrivfel på disken"),
}


@pytest.mark.parametrize("name", sorted(FAILURES))
async def test_saving_fails_then_recovers_by_itself(
    app_factory: Callable[..., RspApp], example_draft: Path, name: str
) -> None:
    failure, reason = FAILURES[name]
    folder = example_draft.parent
    app = app_factory(example_draft, autosave_delay=0.05)
    notes = spy_notifications(app)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f4", "f4", "ctrl+end")
        report = app.screen
        assert isinstance(report, ReportScreen)
        report.autosaver.retry = 0.3  # the app retries every 5 s; the test is in a hurry
        await type_text(pilot, " sparat")
        await pilot.pause(0.2)
        await settle(pilot)
        good = example_draft.read_bytes()
        assert load_draft(example_draft).draft.answers["q2"].endswith(" sparat")
        status = report.query_one(StatusLine)

        with failure(folder):
            await type_text(pilot, " under felet")
            await pilot.pause(0.2)
            await settle(pilot)
            assert f"Kunde inte spara: {reason}. Svaren finns kvar i appen" in status.render().plain
            warnings = [m for m, severity in notes if severity == "warning"]
            assert warnings == [
                f"Utkastet kunde inte sparas: {reason}. Du kan fortsätta arbeta; svaren finns"
                " kvar i appen och sparas så snart det går igen."
            ]
            await type_text(pilot, " och mer")  # keeps typing; no second warning piles up
            await pilot.pause(0.5)  # a retry or two, failing too
            await settle(pilot)
            assert len([m for m, severity in notes if severity == "warning"]) == 1
            assert report.session.dirty
            assert report.session.draft.answers["q2"].endswith(" sparat under felet och mer")
            assert example_draft.read_bytes() == good  # the last good draft, untouched
            assert not list(folder.glob(f".*{TMP_SUFFIX}"))

        await pilot.pause(0.6)  # the problem is gone: the next retry saves, no key needed
        await settle(pilot)
        assert not report.session.dirty
        assert "Kunde inte spara" not in status.render().plain
        assert ("Det går att spara igen: utkastet är sparat.", "information") in notes
        await pilot.press("ctrl+q")
    assert app.return_code == 0
    loaded = load_draft(example_draft)
    assert loaded.draft.answers["q2"].endswith(" sparat under felet och mer")
    assert not loaded.notices
    assert not list(folder.glob(f".*{TMP_SUFFIX}"))


async def test_quitting_while_the_disk_is_full_keeps_the_answers(
    app_factory: Callable[..., RspApp], example_draft: Path
) -> None:
    """Ctrl+Q cannot save: the user is asked, and Fortsätt arbeta keeps everything."""
    from rsp_tui.tui.dialogs.save_failed import SaveFailedDialog

    app = app_factory(example_draft, autosave_delay=3600)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f4", "f4", "ctrl+end")
        await type_text(pilot, " full disk")
        with disk_full(example_draft.parent):
            await pilot.press("ctrl+q")
            await pilot.pause()
            dialog = app.screen
            assert isinstance(dialog, SaveFailedDialog)
            shown = str(dialog.query_one("#save-error").render())
            assert shown.startswith("Orsak: disken är full.\nDina senaste ändringar")
            await pilot.press("escape")  # Fortsätt arbeta
            assert isinstance(app.screen, ReportScreen)
        await pilot.press("ctrl+q")  # the disk has room again
    assert app.return_code == 0
    assert load_draft(example_draft).draft.answers["q2"].endswith(" full disk")
