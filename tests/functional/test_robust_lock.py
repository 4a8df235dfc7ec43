"""One writer per draft, in the app: a draft open in another process (a real one) is not
opened for editing; the user is told who has it since when and may open it read-only, which
changes and writes nothing but still exports; the lock goes when the report is closed."""

from __future__ import annotations

import os
import signal
import stat
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Static, TextArea

from rsp_tui.drafts.lock import DraftLock
from rsp_tui.errors import DraftLockedError
from rsp_tui.tui import readonly
from rsp_tui.tui.app import RspApp
from rsp_tui.tui.dialogs.locked import DraftLockedDialog
from rsp_tui.tui.dialogs.open_draft import OpenDraftDialog
from rsp_tui.tui.screens.report import ReportScreen
from rsp_tui.tui.screens.start import StartScreen
from rsp_tui.tui.widgets.choice import InlineChoice
from rsp_tui.tui.widgets.inputs import RspInput, RspTextArea
from rsp_tui.tui.widgets.insatser import InsatserView
from rsp_tui.tui.widgets.status import StatusLine
from tests.holders import session_holder
from tests.narrow import of_kind

from .driving import settle, spy_notifications, type_text

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX locks and signals")

class Holder:
    """Another process with the draft open for editing."""

    def __init__(self, path: Path) -> None:
        self.proc = session_holder(path)

    def readline(self) -> str:
        assert self.proc.stdout is not None
        return self.proc.stdout.readline().strip()

    def close(self) -> None:
        """Close the draft over there (the process lives on)."""
        assert self.proc.stdin is not None
        self.proc.stdin.write("\n")
        self.proc.stdin.flush()
        assert self.readline() == "stängd"

    def kill(self) -> None:
        if self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait(10)


@pytest.fixture
def holder(example_draft: Path) -> Iterator[Holder]:
    held = Holder(example_draft)
    yield held
    held.kill()


def listing(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


async def click(pilot: Pilot[None], selector: str) -> None:
    """Click as the terminal does: button down and up through the app (Pilot.click goes
    straight to the screen, past the app's handling of mouse events)."""
    app = pilot.app
    await pilot.pause()
    widget = app.screen.query_one(selector)
    x, y = (int(v) for v in widget.region.center)  # a terminal reports whole cells
    assert app.get_widget_at(x, y)[0] is widget
    for cls in (events.MouseDown, events.MouseUp):
        app.post_message(cls(None, x, y, 0, 0, 1, False, False, False, screen_x=x, screen_y=y))
        await pilot.pause()


async def open_first_draft(pilot: Pilot[None]) -> None:
    await settle(pilot)
    assert isinstance(pilot.app.screen, StartScreen)
    await pilot.press("enter")
    await pilot.pause()


async def test_read_only_when_another_process_has_the_draft(
    app_factory: Callable[..., RspApp], example_draft: Path, holder: Holder
) -> None:
    folder = example_draft.parent
    before = listing(folder)
    app = app_factory(autosave_delay=0.05)
    notes = spy_notifications(app)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        # The start screen says so before the draft is picked.
        start = app.screen
        assert isinstance(start, StartScreen)
        table = start.query_one("#drafts", DataTable)
        assert str(table.get_row_at(0)[0]) == "Jämtland Härjedalen (öppet)"
        detail = str(start.query_one("#draft-detail", Static).render())
        assert (
            "Öppet för redigering i ett annat fönster på den här datorn"
            f" (process {holder.proc.pid}) sedan " in detail
        )
        await open_first_draft(pilot)
        dialog = app.screen
        assert isinstance(dialog, DraftLockedDialog)
        message = str(dialog.query_one("#locked-message").render())
        assert (
            f"Utkastet {example_draft.name} är redan öppet för redigering i ett annat fönster"
            " på den här datorn" in message
        )
        assert f"(process {holder.proc.pid}) sedan " in message
        await pilot.press("enter")  # Öppna skrivskyddat (focused)
        await pilot.pause()
        report = app.screen
        assert isinstance(report, ReportScreen)
        assert report.session.read_only is not None and report.session.lock is None
        assert report.title is not None and report.title.startswith("SKRIVSKYDDAT · ")
        assert "SKRIVSKYDDAT: inget sparas här" in report.query_one(StatusLine).render().plain
        assert any(m.startswith("Utkastet är redan öppet för redigering") for m, _ in notes)

        # Typing, pasting, deleting and saving change nothing.
        await pilot.press("f4", "f4")
        assert report.current_key == "q2"
        area = app.focused
        assert isinstance(area, TextArea)
        text = area.text
        await pilot.press("ctrl+end")
        await type_text(pilot, "skrivet i fel fönster")
        await pilot.press("backspace", "delete", "enter", "ctrl+u", "ctrl+k", "ctrl+w", "ctrl+z")
        app.post_message(events.Paste("inklistrat"))
        await pilot.press("ctrl+s")  # dimmed in the key bar: does nothing
        await report.action_save()  # the palette's Spara: says why not
        await pilot.pause(0.2)
        await settle(pilot)
        assert area.text == text
        assert not report.session.dirty
        assert any(
            m.startswith("Utkastet är öppet skrivskyddat och kan inte ändras") for m, _ in notes
        )
        assert any(m == "Utkastet är öppet skrivskyddat; inget sparas." for m, _ in notes)

        # Export is allowed: the document is written next to the draft, owner-only.
        await pilot.press("f9")
        await click(pilot, "#export-draft")
        await settle(pilot)
        document = folder / f"{example_draft.stem}-utkast.docx"
        assert document.is_file()
        assert stat.S_IMODE(document.stat().st_mode) == 0o600
        await pilot.press("ctrl+q")
    assert app.return_code == 0
    after = listing(folder)
    del after[document.name]
    assert after == before  # not a byte written: no save, no .bak, no rescue copy


async def test_choices_and_buttons_that_change_the_draft_are_held_back(
    app_factory: Callable[..., RspApp], example_draft: Path, holder: Holder
) -> None:
    before = example_draft.read_bytes()
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_first_draft(pilot)
        await pilot.press("enter")
        await pilot.pause()
        report = of_kind(app.screen, ReportScreen)
        await pilot.press("f4")  # q1: choices, chosen inline
        for _ in range(40):
            if isinstance(app.focused, InlineChoice):
                break
            await pilot.press("tab")
        choice = app.focused
        assert isinstance(choice, InlineChoice)
        value = choice.value
        await pilot.press("right", "1", "3", "delete", "left")
        assert choice.value == value

        while report.current_key != "omrade:o1":
            await pilot.press("f4")
        view = report.host.query_one(InsatserView)
        count = len(view.items)
        active = {b.binding.id: b.enabled for b in report.active_bindings.values()}
        assert "insats-add" not in active and active["save"] is False
        await pilot.press("ctrl+n", "alt+d", "alt+down", "delete")
        await click(pilot, "#insats-add")
        await click(pilot, "#insats-delete")
        await pilot.pause()
        assert app.screen is report  # no "Ta bort?" question either
        assert len(view.items) == count
        assert not report.session.dirty
        await pilot.press("ctrl+q")
    assert example_draft.read_bytes() == before


async def test_try_again_once_the_other_window_has_closed(
    app_factory: Callable[..., RspApp], example_draft: Path, holder: Holder
) -> None:
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_first_draft(pilot)
        assert isinstance(app.screen, DraftLockedDialog)
        await click(pilot, "#retry")  # still open over there: asked again
        await pilot.pause()
        assert isinstance(app.screen, DraftLockedDialog)
        holder.close()
        await click(pilot, "#retry")
        await pilot.pause()
        report = app.screen
        assert isinstance(report, ReportScreen)
        assert report.session.read_only is None and report.session.lock is not None
        with pytest.raises(DraftLockedError):
            DraftLock(example_draft).acquire()
        await pilot.press("ctrl+q")
    DraftLock(example_draft).acquire()  # given back on quitting


async def test_draft_of_a_killed_process_opens_normally(
    app_factory: Callable[..., RspApp], example_draft: Path, holder: Holder
) -> None:
    holder.kill()
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_first_draft(pilot)
        report = app.screen
        assert isinstance(report, ReportScreen)
        assert report.session.read_only is None
        await pilot.press("ctrl+q")


async def test_command_line_and_open_by_path_are_asked_too(
    app_factory: Callable[..., RspApp], example_draft: Path, holder: Holder
) -> None:
    app = app_factory(example_draft)  # rsp-tui FILE
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, DraftLockedDialog)
        await pilot.press("escape")  # Avbryt: the start screen
        assert isinstance(app.screen, StartScreen)

        await pilot.press("o")
        assert isinstance(app.screen, OpenDraftDialog)
        await type_text(pilot, str(example_draft))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DraftLockedDialog)
        await pilot.press("enter")
        await pilot.pause()
        report = app.screen
        assert isinstance(report, ReportScreen) and report.session.read_only is not None
        await pilot.press("ctrl+q")


async def test_the_lock_is_given_back_when_the_report_is_closed(
    app_factory: Callable[..., RspApp], example_draft: Path
) -> None:
    app = app_factory(example_draft)
    async with app.run_test(size=(100, 30)) as pilot:
        assert isinstance(app.screen, ReportScreen)
        with pytest.raises(DraftLockedError):
            DraftLock(example_draft).acquire()
        await app.action_to_start()
        await settle(pilot)
        assert isinstance(app.screen, StartScreen)
        lock = DraftLock(example_draft)
        lock.acquire()  # another rsp-tui may edit it now
        lock.release()
        await pilot.press("enter")  # and this one again
        await pilot.pause()
        assert isinstance(app.screen, ReportScreen)
        assert app.screen.session.read_only is None


def test_every_text_editing_key_is_held_back() -> None:
    """A Textual upgrade that adds an editing key to the text widgets fails here."""
    from textual.binding import Binding

    for cls in (Input, RspInput, TextArea, RspTextArea):
        for klass in cls.__mro__:
            for binding in klass.__dict__.get("BINDINGS", []):
                if isinstance(binding, tuple):
                    binding = Binding(*binding)
                if binding.action.startswith(readonly.EDIT_ACTIONS):
                    for key in binding.key.split(","):
                        assert key.strip() in readonly.TEXT_EDIT_KEYS, (cls, binding)
