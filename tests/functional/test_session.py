"""The headless editing session under the app: change counting, saving with the error kept,
snapshots written off the UI thread in order, and the rescue copy."""

from __future__ import annotations

from pathlib import Path

import pytest

from rsp_tui.drafts import load_draft
from rsp_tui.drafts.paths import QuestionPath
from rsp_tui.drafts.session import DraftSession
from rsp_tui.forms import load_form, programme_for_region

from .conftest import fixed_clock


def new_session(folder: Path) -> DraftSession:
    region = "Jämtland Härjedalen"
    return DraftSession.create(
        load_form(), region, 2023, folder, programme_for_region(region), clock=fixed_clock
    )


def test_create_saves_at_once_under_a_free_name(drafts_folder: Path) -> None:
    first = new_session(drafts_folder)
    second = new_session(drafts_folder)
    assert first.path.name == "jamtland-harjedalen-2023.toml"
    assert second.path.name == "jamtland-harjedalen-2023-2.toml"
    draft = load_draft(first.path).draft
    assert draft.answers.get("datum", "") == ""  # blank: the day of the export (D.2)
    assert len(draft.programme.omraden) == 3
    assert not first.dirty and first.last_saved == fixed_clock()


def test_nothing_written_when_nothing_changed(drafts_folder: Path) -> None:
    session = new_session(drafts_folder)
    before = session.path.read_bytes()
    assert session.set(QuestionPath("q2"), "") is False  # same as before: not a change
    result = session.save()
    assert result.ok and result.skipped
    assert session.path.read_bytes() == before


def test_an_older_snapshot_never_overwrites_a_newer_one(drafts_folder: Path) -> None:
    session = new_session(drafts_folder)
    session.set(QuestionPath("q2"), "först")
    old = session.snapshot()
    session.set(QuestionPath("q2"), "sedan")
    new = session.snapshot()
    assert session.write(new).ok
    assert session.write(old).skipped  # e.g. a slow autosave thread finishing late
    assert load_draft(session.path).draft.answers["q2"] == "sedan"
    assert not session.dirty


def test_a_failed_save_is_reported_and_retried(drafts_folder: Path) -> None:
    session = new_session(drafts_folder)
    session.set(QuestionPath("q2"), "svar")
    moved = drafts_folder.rename(drafts_folder.with_name("borta"))
    result = session.save()
    assert not result.ok and result.error == "mappen som utkastet ska sparas i finns inte"
    assert session.dirty and session.last_error == result.error
    moved.rename(drafts_folder)
    assert session.save().ok
    assert session.last_error is None and not session.dirty
    assert load_draft(session.path).draft.answers["q2"] == "svar"


def test_rescue_copy_when_the_folder_is_gone(
    drafts_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "hem"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    session = new_session(drafts_folder)
    session.set(QuestionPath("q2"), "räddat svar")
    drafts_folder.rename(drafts_folder.with_name("borta"))
    where = session.rescue()
    assert where == home / "jamtland-harjedalen-2023-räddad.toml"
    assert load_draft(where).draft.answers["q2"] == "räddat svar"


def test_two_windows_creating_the_same_report_get_two_files(drafts_folder: Path) -> None:
    """Another process holds the lock of the name a new draft would get (it is creating that
    draft this very moment, its file not written yet): the new draft takes the next name."""
    from tests.holders import lock_holder

    drafts_folder.mkdir(parents=True)
    taken = drafts_folder / "jamtland-harjedalen-2023.toml"
    proc = lock_holder(taken)
    try:
        session = new_session(drafts_folder)
        assert session.path.name == "jamtland-harjedalen-2023-2.toml"
        assert not taken.exists()
        session.close()
    finally:
        proc.communicate("\n", timeout=10)


def test_a_draft_created_in_between_is_never_overwritten(
    drafts_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The name was free when chosen, but another window created (and closed) that draft
    before the lock was taken: the new draft takes the next name."""
    from rsp_tui.drafts import lock as lock_module

    drafts_folder.mkdir(parents=True)
    other = drafts_folder / "jamtland-harjedalen-2023.toml"
    plain_acquire = lock_module.DraftLock.acquire

    def acquire_after_the_other_window(self: lock_module.DraftLock) -> None:
        if self.draft_path == other and not other.exists():
            other.write_text("det andra fönstrets utkast", encoding="utf-8")
        plain_acquire(self)

    monkeypatch.setattr(lock_module.DraftLock, "acquire", acquire_after_the_other_window)
    session = new_session(drafts_folder)
    assert session.path.name == "jamtland-harjedalen-2023-2.toml"
    assert other.read_text(encoding="utf-8") == "det andra fönstrets utkast"
    session.close()
