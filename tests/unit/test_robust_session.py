"""One writer per draft, in the headless session: opening for editing takes the draft's lock,
a second opener is told who has it since when, read-only sessions never write, the lock dies
with its holder (even SIGKILL), and opening leaves no litter next to a broken draft."""

from __future__ import annotations

import os
import signal
import stat
import sys
from pathlib import Path

import pytest

from rsp_tui.drafts import backup_path, load_draft, save_draft
from rsp_tui.drafts.lock import DraftLock, lock_paths
from rsp_tui.drafts.model import Draft
from rsp_tui.drafts.paths import QuestionPath
from rsp_tui.drafts.session import DraftSession
from rsp_tui.errors import DraftError, DraftLockedError
from rsp_tui.forms import FormDefinition
from rsp_tui.safefile import TMP_SUFFIX
from tests.holders import session_holder

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX locks and signals")

@pytest.fixture
def saved(draft: Draft, tmp_path: Path) -> Path:
    path = tmp_path / "utkast.toml"
    draft.set(QuestionPath("q2"), "svaret som det var")
    save_draft(draft, path)
    return path


holder = session_holder
"""Another process with the draft open for editing."""


def test_a_second_process_is_refused_and_told_who_since_when(saved: Path) -> None:
    proc = holder(saved)
    try:
        with pytest.raises(DraftLockedError) as info:
            DraftSession.open(saved)
        message = info.value.message
        # The same user on the same computer: two terminals.
        assert message.startswith("utkastet är redan öppet för redigering i ett annat fönster")
        assert f"(process {proc.pid}) sedan " in message
        assert info.value.path == saved
        assert proc.stdin is not None and proc.stdout is not None
        proc.stdin.write("\n")
        proc.stdin.flush()
        assert proc.stdout.readline().strip() == "stängd"
        session = DraftSession.open(saved)  # closed over there: open here
        session.close()
    finally:
        proc.kill()
        proc.wait(10)


def test_the_lock_dies_with_a_killed_holder(saved: Path) -> None:
    proc = holder(saved)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(10)
    session = DraftSession.open(saved)  # no dialog, no stale lock
    assert session.lock is not None and session.lock.held
    session.close()


def test_another_user_elsewhere_is_named(saved: Path) -> None:
    import json

    proc = holder(saved)
    try:
        _, owner = lock_paths(saved)
        record = json.loads(owner.read_text())
        owner.write_text(json.dumps({**record, "user": "anna", "host": "rsp01"}))
        with pytest.raises(DraftLockedError, match="hos användaren anna på datorn rsp01"):
            DraftSession.open(saved)
    finally:
        proc.kill()
        proc.wait(10)


def test_close_gives_the_lock_back_and_is_idempotent(saved: Path) -> None:
    first = DraftSession.open(saved)
    with pytest.raises(DraftLockedError):
        DraftSession.open(saved)  # another open file description, even in this process
    first.close()
    first.close()
    second = DraftSession.open(saved)
    second.close()


def test_read_only_never_writes(
    saved: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "hem"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    proc = holder(saved)
    try:
        before = saved.read_bytes()
        listing = sorted(p.name for p in saved.parent.iterdir())
        session = DraftSession.open(saved, read_only="öppet i ett annat fönster")
        assert session.lock is None
        session.set(QuestionPath("q2"), "ändrat i det skrivskyddade")
        result = session.save()
        assert result.ok and result.skipped
        assert session.rescue() is None
        session.close()
        assert saved.read_bytes() == before
        assert sorted(p.name for p in saved.parent.iterdir()) == listing
        assert not list(home.iterdir()) and not list((tmp_path / "tmp").iterdir())
    finally:
        proc.kill()
        proc.wait(10)


def test_a_broken_draft_gets_no_lock_file(tmp_path: Path) -> None:
    path = tmp_path / "trasig.toml"
    path.write_bytes(b"format = 1\n")
    with pytest.raises(DraftError):
        DraftSession.open(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["trasig.toml"]
    assert path.read_bytes() == b"format = 1\n"


def test_a_version_saved_while_the_lock_was_taken_is_read(
    draft: Draft, saved: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The previous holder's last save lands between reading and locking: the session must
    edit that version, not the one read before it."""
    real_acquire = DraftLock.acquire

    def acquire_after_a_save(self: DraftLock) -> None:
        draft.set(QuestionPath("q2"), "sparat av det andra fönstret i sista stund")
        save_draft(draft, saved)
        real_acquire(self)

    monkeypatch.setattr(DraftLock, "acquire", acquire_after_a_save)
    session = DraftSession.open(saved)
    assert session.draft.answers["q2"] == "sparat av det andra fönstret i sista stund"
    session.close()


def test_a_folder_without_locks_still_opens_with_a_warning(
    saved: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def cannot(self: DraftLock) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(DraftLock, "acquire", cannot)
    session = DraftSession.open(saved)
    assert session.lock is None and session.read_only is None
    assert any(
        n.startswith("Utkastet kunde inte låsas (saknar behörighet att skriva i mappen), så ett")
        for n in session.notices
    )


def test_opening_removes_temp_files_of_killed_saves(saved: Path) -> None:
    old = saved.with_name(f".{saved.name}.abc{TMP_SUFFIX}")
    old.write_text("halv")
    os.utime(old, (1, 1))
    fresh = saved.with_name(f".{saved.name}.def{TMP_SUFFIX}")
    fresh.write_text("ett annat fönster sparar just nu")
    read_only = DraftSession.open(saved, read_only="öppet i ett annat fönster")
    assert old.exists()  # read-only touches nothing
    session = DraftSession.open(saved)
    assert not old.exists() and fresh.exists()
    session.close()
    read_only.close()


def test_new_drafts_are_locked_from_the_start(form: FormDefinition, tmp_path: Path) -> None:
    session = DraftSession.create(form, "Skåne", 2023, tmp_path)
    with pytest.raises(DraftLockedError):
        DraftSession.open(session.path)
    session.close()
    DraftSession.open(session.path).close()


def test_lock_and_owner_files_are_owner_only_whatever_the_umask(saved: Path) -> None:
    old = os.umask(0)
    try:
        session = DraftSession.open(saved)
        lock_file, owner_file = lock_paths(saved)
        assert stat.S_IMODE(lock_file.stat().st_mode) == 0o600
        assert stat.S_IMODE(owner_file.stat().st_mode) == 0o600
        session.set(QuestionPath("q2"), "nytt")
        assert session.save().ok
        for path in (saved, backup_path(saved)):
            assert stat.S_IMODE(path.stat().st_mode) == 0o600
        session.close()
        assert not owner_file.exists()  # gone with the lock; the empty lock file stays
    finally:
        os.umask(old)
    assert load_draft(saved).draft.answers["q2"] == "nytt"
