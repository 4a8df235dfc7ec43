"""Parts visited before are kept (hidden) so that coming back is quick; they are built again
when the programme, the region or the year changed, because those shape what other parts
show (område headings, the goals to pick, the years over the insatser groups)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.widgets import Input

from rsp_tui.drafts.paths import QuestionPath, YearPath
from rsp_tui.tui.app import RspApp
from rsp_tui.tui.screens.report import ReportScreen
from rsp_tui.tui.widgets.part_view import PartView

from .driving import focused_box, type_text


async def test_a_part_shown_again_is_the_same_and_still_current(
    app_factory: Callable[..., RspApp], example_draft: Path
) -> None:
    app = app_factory(example_draft)
    async with app.run_test(size=(100, 30)) as pilot:
        report = app.screen
        assert isinstance(report, ReportScreen)
        await report.show_part("q2")
        first_view = report.host.query_one(PartView)
        await pilot.press("ctrl+end")
        await type_text(pilot, " Tillägg.")
        await report.show_part("q3")
        await report.show_part("q2")
        assert report.host.query_one(PartView) is first_view  # kept, not built again
        assert report.session.draft.answers["q2"].endswith(" Tillägg.")
        box = focused_box(app.focused)
        assert box is not None and box.path == QuestionPath("q2")
        help_text = str(report.help_pane.query_one("#help-text").render())
        assert help_text.startswith("Har ni någon annan framtidsspaning")  # follows focus


async def test_programme_and_year_changes_rebuild_other_parts(
    app_factory: Callable[..., RspApp], example_draft: Path
) -> None:
    app = app_factory(example_draft)
    async with app.run_test(size=(100, 30)) as pilot:
        report = app.screen
        assert isinstance(report, ReportScreen)
        await report.show_part("omrade:o1")
        old_view = report.host.query_one(PartView)
        assert "verksamhetsår 2023" in " ".join(
            str(s.render()) for s in report.host.query(".group-heading"))

        # the year, on the first part
        await report.show_part(report.parts[0].key, YearPath())
        year = app.focused
        assert isinstance(year, Input)
        await pilot.press("backspace")
        await type_text(pilot, "4")
        await report.show_part("omrade:o1")
        view = report.host.query_one(PartView)
        assert view is not old_view
        headings = " ".join(str(s.render()) for s in report.host.query(".group-heading"))
        assert "Handlingsplan för verksamhetsår 2024" in headings
        assert "Till nästa år, 2025" in headings

        # an område's title, in the programme
        await report.show_part("programmet")
        title = report.host.query_one("#a0-title", Input)
        title.focus()
        await pilot.pause()
        await pilot.press("end")
        await type_text(pilot, " i länet")
        await report.show_part("omrade:o1")
        heading = str(report.host.query_one(".part-heading").render())
        assert heading.endswith("för medborgare i länet")
        await pilot.press("ctrl+q")
