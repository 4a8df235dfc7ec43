"""Autosave, Ctrl+S, quitting and failed saves, driven through the app."""

from __future__ import annotations

import asyncio
import errno
from collections.abc import Callable
from pathlib import Path

import pytest
from textual import events
from textual.pilot import Pilot

from rsp_tui.drafts import load_draft
from rsp_tui.tui.app import RspApp
from rsp_tui.tui.dialogs.save_failed import SaveFailedDialog
from rsp_tui.tui.screens.report import ReportScreen
from rsp_tui.tui.widgets.status import StatusLine

from .driving import settle, spy_notifications, type_text

NEVER = 3600.0
"""An autosave delay that never fires during a test: whatever is saved was saved otherwise."""


async def open_q2(pilot: Pilot[None]) -> ReportScreen:
    """Go to part 3 (question 2, one text area) with F4."""
    await pilot.press("f4", "f4")
    report = pilot.app.screen
    assert isinstance(report, ReportScreen)
    assert report.current_key == "q2"
    return report


def saved_q2(path: Path) -> str:
    return str(load_draft(path).draft.answers.get("q2", ""))


async def test_quit_right_after_typing_saves_the_last_keystrokes(
    app_factory: Callable[..., RspApp], example_draft: Path
) -> None:
    app = app_factory(example_draft, autosave_delay=NEVER)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_q2(pilot)
        await pilot.press("ctrl+end")
        # A burst, as from a fast typist or a paste: no waiting between the keys, so Ctrl+Q
        # arrives while the text area's change messages are still queued.
        for char in " Sista orden":
            app.post_message(events.Key("space" if char == " " else char, char))
        app.post_message(events.Key("ctrl+q", None))
        await pilot.pause()
    assert app.return_code == 0
    assert saved_q2(example_draft).endswith(" Sista orden")


async def test_autosave_after_a_pause_without_leaving_the_field(
    app_factory: Callable[..., RspApp], example_draft: Path
) -> None:
    # The delay (and with it the longest wait while typing) is long enough that typing seven
    # keys never reaches it, even on a busy machine (2 s did, at a load of 6): the save comes
    # from the pause.
    app = app_factory(example_draft, autosave_delay=5.0)
    async with app.run_test(size=(100, 30)) as pilot:
        report = await open_q2(pilot)
        await pilot.press("ctrl+end")
        await type_text(pilot, " pausat")
        assert not saved_q2(example_draft).endswith(" pausat")
        await pilot.pause(5.3)  # the user pauses; the debounce timer fires
        await settle(pilot)
        assert saved_q2(example_draft).endswith(" pausat")
        assert not report.session.dirty
        assert report.query_one(StatusLine).render().plain.count("Senast sparad 10:15:30") == 1


async def test_leaving_a_part_and_ctrl_s_save(
    app_factory: Callable[..., RspApp], example_draft: Path
) -> None:
    app = app_factory(example_draft, autosave_delay=NEVER)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_q2(pilot)
        await pilot.press("ctrl+end")
        await type_text(pilot, " lämnad")
        await pilot.press("f4")
        await settle(pilot)
        assert saved_q2(example_draft).endswith(" lämnad")

        await pilot.press("f3", "ctrl+end")
        await type_text(pilot, " sparad")
        await pilot.press("ctrl+s")
        assert saved_q2(example_draft).endswith(" lämnad sparad")


async def test_failed_saves_warn_keep_the_answers_and_recover(
    app_factory: Callable[..., RspApp], example_draft: Path
) -> None:
    folder = example_draft.parent
    app = app_factory(example_draft, autosave_delay=0.05)
    notes = spy_notifications(app)
    async with app.run_test(size=(100, 30)) as pilot:
        report = await open_q2(pilot)
        moved = folder.with_name("flyttad")
        folder.rename(moved)  # the folder disappears (a network drive drops, …)
        await pilot.press("ctrl+end")
        await type_text(pilot, " utan mapp")
        await pilot.pause(0.2)
        await settle(pilot)
        status = report.query_one(StatusLine)
        assert "Kunde inte spara" in status.render().plain
        assert report.session.dirty
        warnings = [m for m, severity in notes if severity == "warning"]
        assert len(warnings) == 1 and "kunde inte sparas" in warnings[0]

        # The user keeps typing; nothing is lost and no second warning piles up.
        await type_text(pilot, " och mer")
        await pilot.pause(0.2)
        await settle(pilot)
        assert len([m for m, severity in notes if severity == "warning"]) == 1
        assert report.session.draft.answers["q2"].endswith(" utan mapp och mer")

        moved.rename(folder)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Kunde inte spara" not in status.render().plain
        assert not report.session.dirty
        assert any("sparat" in m and severity == "information" for m, severity in notes)
    assert saved_q2(example_draft).endswith(" utan mapp och mer")


async def test_disk_full_is_named_and_quitting_offers_another_folder(
    app_factory: Callable[..., RspApp], example_draft: Path, tmp_path: Path
) -> None:
    import rsp_tui.drafts.diskfile as diskfile

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    elsewhere = tmp_path / "usb"
    elsewhere.mkdir()
    app = app_factory(example_draft, autosave_delay=NEVER)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_q2(pilot)
        await pilot.press("ctrl+end")
        with pytest.MonkeyPatch.context() as patch:
            # The disk is full before the typing starts: on a busy machine the save that runs
            # at least every 1.2 s while typing may come before Ctrl+Q, and must fail too.
            patch.setattr(diskfile, "atomic_write", full)
            await type_text(pilot, " full disk")
            await pilot.press("ctrl+q")
            for _ in range(100):  # the save on quit runs in a worker: slow on a busy machine
                if isinstance(app.screen, SaveFailedDialog):
                    break
                await pilot.pause(0.05)
            dialog = app.screen
            assert isinstance(dialog, SaveFailedDialog)  # quitting would lose the answers
            assert "disken är full" in dialog.error
            await pilot.press("enter")  # Försök igen: still full
            await settle(pilot)
            assert isinstance(app.screen, SaveFailedDialog)
        await pilot.press("shift+tab")  # from the buttons back to the folder field
        await pilot.press("ctrl+u")
        await type_text(pilot, str(elsewhere))
        await pilot.press("enter")
        for _ in range(400):  # saved elsewhere in a worker, then the app quits by itself
            if app.return_code is not None:
                break
            await asyncio.sleep(0.05)
    assert app.return_code == 0
    saved = elsewhere / example_draft.name
    assert saved_q2(saved).endswith(" full disk")
    assert not saved_q2(example_draft).endswith(" full disk")


async def test_new_report_is_saved_at_once(
    app_factory: Callable[..., RspApp], drafts_folder: Path
) -> None:
    app = app_factory(autosave_delay=NEVER)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await type_text(pilot, "skåne")
        await pilot.press("enter")
        await pilot.press("ctrl+u")
        await type_text(pilot, "2024")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReportScreen)
        path = drafts_folder / "skane-2024.toml"
        draft = load_draft(path).draft
        assert (draft.region, draft.year) == ("Skåne", 2024)
        assert draft.programme.omraden == []  # Skåne's programme is not in the forms
        assert draft.answers.get("datum", "") == ""  # blank: the day of the export (D.2)
