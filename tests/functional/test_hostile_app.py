"""Hostile files in the app: a FIFO and a deeply nested file in the drafts folder are listed as
unreadable and the start screen works (it used to wait for ever on "Läser utkasten …", or not
start at all); a FIFO named on the command line is explained, and the app quits with status 2
(it used to show a blank screen that ignored Ctrl+Q and SIGTERM)."""

from __future__ import annotations

import os
import stat
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import DataTable

from rsp_tui.tui.app import RspApp
from rsp_tui.tui.screens.report import ReportScreen
from rsp_tui.tui.screens.start import StartScreen
from tests.hostile_files import with_checksum

from .driving import settle
from .terminal import LEAVE_ALT_SCREEN, Terminal

pytestmark = pytest.mark.skipif(os.name != "posix", reason="FIFOs")


async def test_start_screen_lists_a_fifo_and_deep_nesting_as_unreadable(
    app_factory: Callable[..., RspApp], example_draft: Path, drafts_folder: Path
) -> None:
    os.mkfifo(drafts_folder / "ror.toml")
    deep = drafts_folder / "djup.toml"
    deep.write_text(with_checksum("x = " + "{ a = " * 5000 + "1" + " }" * 5000))
    deep_bytes = deep.read_bytes()
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        start = app.screen
        assert isinstance(start, StartScreen)
        table = start.query_one("#drafts", DataTable)
        rows = {str(table.get_row_at(i)[-1]): [str(c) for c in table.get_row_at(i)] for i in range(table.row_count)}
        assert rows["ror.toml"][0] == "kan inte läsas"
        assert rows["djup.toml"][0] == "kan inte läsas"
        assert rows[example_draft.name][0] == "Jämtland Härjedalen"
        for _ in range(table.row_count):  # every row can be highlighted; the reasons show
            await pilot.press("down")
        await pilot.press("home")
        names = [str(table.get_row_at(i)[-1]) for i in range(table.row_count)]
        await pilot.press(*["down"] * names.index(example_draft.name), "enter")
        await pilot.pause()
        assert isinstance(app.screen, ReportScreen)  # the readable draft opens as usual
        await pilot.press("ctrl+q")
    assert stat.S_ISFIFO(os.stat(drafts_folder / "ror.toml").st_mode)
    assert deep.read_bytes() == deep_bytes


@pytest.mark.slow
def test_a_fifo_on_the_command_line_is_explained(drafts_folder: Path) -> None:
    drafts_folder.mkdir(parents=True, exist_ok=True)
    fifo = drafts_folder / "ror.toml"
    os.mkfifo(fifo)
    term = Terminal(fifo)
    try:
        term.wait_for("Utkastet kan inte öppnas")
        term.wait_for("FIFO")
        term.send("\t")  # from Till startskärmen to Avsluta
        time.sleep(0.3)
        term.send("\r")
        code, _ = term.finish()
    finally:
        term.kill()
    assert code == 2
    assert "Traceback" not in term.output.decode("utf-8", "replace")
    assert LEAVE_ALT_SCREEN in term.output
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert sorted(p.name for p in drafts_folder.iterdir()) == ["ror.toml"]
