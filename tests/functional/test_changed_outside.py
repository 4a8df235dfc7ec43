"""A draft changed on disk by another program while rsp-tui has it open, in a real terminal
(a pty): the outside version is written, the user types, two autosaves follow. The outside
version must still be there, untouched, ours must be in the copy beside it, and the user must
have been told (the dialog) with the choice to load theirs or keep ours."""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from rsp_tui.drafts import load_draft, save_draft
from rsp_tui.drafts.paths import QuestionPath
from rsp_tui.drafts.store import backup_path
from rsp_tui.tui.app import RspApp
from rsp_tui.tui.dialogs.changed_outside import ChangedOutsideDialog
from rsp_tui.tui.screens.report import ReportScreen

from .driving import settle, spy_notifications
from .terminal import Terminal

pytestmark = pytest.mark.skipif(os.name != "posix", reason="needs a pty")

F4 = "\x1bOS"
CTRL_END = "\x1b[1;5F"
ESCAPE = "\x1b"


def _saved_in(path: Path, ending: str, timeout: float = 20.0) -> None:
    end = time.monotonic() + timeout
    while True:
        try:
            if str(load_draft(path).draft.answers.get("q2", "")).endswith(ending):
                return
        except Exception:  # not there yet, or being replaced
            pass
        assert time.monotonic() < end, f"{ending!r} was never saved in {path.name}"
        time.sleep(0.05)


@pytest.mark.slow
def test_an_outside_change_survives_typing_and_two_autosaves(example_draft: Path) -> None:
    term = Terminal(example_draft)
    try:
        term.wait_for("Kommandon")
        mark = len(term.output)
        term.send(F4 + F4)
        term.wait_for("Framtidsspaning", after=mark)
        time.sleep(0.3)  # the part is mounted and focused
        term.send(CTRL_END)

        outside = load_draft(example_draft).draft  # another program's version
        outside.answers["q2"] = "Deras version, skriven i en texteditor."
        other = example_draft.with_name("deras.tmp")
        save_draft(outside, other, backup=False)
        theirs = other.read_bytes()
        os.replace(other, example_draft)

        copy = example_draft.with_name(f"{example_draft.stem}-din-version.toml")
        mark = len(term.output)
        term.send(" Forsta")
        _saved_in(copy, " Forsta")  # autosave 1: into the copy
        term.wait_for("har ändrats utanför rsp-tui", after=mark)  # the dialog says so
        term.wait_for("Behåll min version", after=mark)
        assert example_draft.read_bytes() == theirs

        term.send(ESCAPE)  # decide later: go on typing
        term.wait_for("tills du bestämmer dig", after=mark)
        time.sleep(0.3)
        term.send(" Andra")
        _saved_in(copy, " Forsta Andra")  # autosave 2: into the copy again
        assert example_draft.read_bytes() == theirs  # the outside version is still there
        assert load_draft(example_draft).draft.answers["q2"] == outside.answers["q2"]

        term.proc.send_signal(signal.SIGTERM)
        code, _ = term.finish()
        assert code == 128 + signal.SIGTERM
        assert example_draft.read_bytes() == theirs  # nor did the save on exit touch it
    finally:
        term.kill()


def _write_theirs(path: Path, text: str) -> bytes:
    outside = load_draft(path).draft
    outside.answers["q2"] = text
    other = path.with_name("deras.tmp")
    save_draft(outside, other, backup=False)
    data = other.read_bytes()
    os.replace(other, path)
    return data


@pytest.mark.parametrize("choice", ["ours", "theirs"])
async def test_the_dialog_keeps_ours_or_loads_theirs(
    app_factory: Callable[..., RspApp], example_draft: Path, choice: str
) -> None:
    app = app_factory(example_draft)
    async with app.run_test(size=(100, 30)) as pilot:
        told = spy_notifications(app)
        await settle(pilot)
        report = app.screen
        assert isinstance(report, ReportScreen)
        theirs = _write_theirs(example_draft, "Deras text.")
        report.session.set(QuestionPath("q2"), "Vår text.")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ChangedOutsideDialog)
        copy = example_draft.with_name(f"{example_draft.stem}-din-version.toml")
        assert load_draft(copy).draft.answers["q2"] == "Vår text."
        assert example_draft.read_bytes() == theirs
        await pilot.click(f"#{choice}")
        await settle(pilot)
        if choice == "ours":
            assert load_draft(example_draft).draft.answers["q2"] == "Vår text."
            assert backup_path(example_draft).read_bytes() == theirs
            assert not copy.exists()
            assert any("den andra finns som" in message for message, _ in told)
        else:
            fresh = app.screen
            assert isinstance(fresh, ReportScreen) and fresh is not report
            assert fresh.session.draft.answers["q2"] == "Deras text."
            assert example_draft.read_bytes() == theirs
            assert load_draft(copy).draft.answers["q2"] == "Vår text."
        await pilot.press("ctrl+q")
