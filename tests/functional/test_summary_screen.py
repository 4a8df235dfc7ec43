"""The start screen's Sammanställning: the reports in the drafts folder read in, the intake list
and the Fråga 1 counts shown, the summary exported; Escape goes back."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.widgets import DataTable, Input, Static

from rsp_tui.forms import region_names
from rsp_tui.tui.app import RspApp
from rsp_tui.tui.screens.start import StartScreen
from rsp_tui.tui.screens.summary import SummaryScreen
from tests.summarygen import write_reports

from .driving import settle


async def test_summary_screen_lists_reports_counts_and_exports(
    app_factory: Callable[..., RspApp], drafts_folder: Path, tmp_path: Path
) -> None:
    _, expected = write_reports(drafts_folder, regions=region_names()[:5])
    (drafts_folder / "trasig.toml").write_text("inte ett utkast")
    app = app_factory()
    async with app.run_test(size=(120, 50)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, StartScreen)
        await pilot.press("s")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SummaryScreen)
        intake = screen.query_one("#summary-intake", DataTable)
        rows = [[str(c) for c in intake.get_row_at(i)] for i in range(intake.row_count)]
        assert [r[0] for r in rows[:5]] == region_names()[:5]
        assert rows[-1][0] == "kan inte läsas" and rows[-1][7] == "trasig.toml"
        assert "kontrollsumman" in rows[-1][8]
        status = str(screen.query_one("#summary-status", Static).render())
        assert "2023: 5 av 21 regioner." in status and "Saknas: " in status
        q1 = screen.query_one("#summary-q1", DataTable)
        labels = [str(c.label) for c in q1.columns.values()]
        assert labels[1:] == ["Minskar", "Oförändrat", "Ökar", "Ej besvarat"]
        for i, row_id in enumerate(expected.q1):
            counts = [int(str(c)) for c in q1.get_row_at(i)[1:]]
            wanted = expected.q1[row_id]
            assert counts == [wanted["Minskar"], wanted["Oförändrat"], wanted["Ökar"], wanted[""]]
        out = screen.query_one("#summary-out", Input)
        target = tmp_path / "nationell.docx"
        out.value = str(target)
        out.focus()
        await pilot.press("enter")
        await settle(pilot)
        assert target.exists()
        assert str(target) in str(screen.query_one("#summary-result", Static).render())
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, StartScreen)
