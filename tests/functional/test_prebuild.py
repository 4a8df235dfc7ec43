"""Parts not visited yet are built, hidden, while the user pauses (tui/prebuild.py), so that a
first visit only shows them; what the user sees and where the focus goes stay as on a first
visit built then."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input

from rsp_tui.drafts.paths import QuestionPath, YearPath
from rsp_tui.tui.app import RspApp
from rsp_tui.tui.screens.report import ReportScreen
from rsp_tui.tui.widgets.part_view import PartView

from .driving import focused_box, type_text


async def _wait_until_built(pilot: Pilot[None], report: ReportScreen) -> None:
    """Poll (no fixed sleep) until every part is mounted."""
    for _ in range(2000):
        if all(p.key in report._slots for p in report.parts):
            return
        await pilot.pause(0.01)
    raise AssertionError(f"parts never built: {sorted(report._slots)}")


async def test_parts_are_built_hidden_while_the_user_pauses(
    app_factory: Callable[..., RspApp], example_draft: Path
) -> None:
    app = app_factory(example_draft, prebuild_pause=0.05)
    async with app.run_test(size=(100, 30)) as pilot:
        report = app.screen
        assert isinstance(report, ReportScreen)
        shown, focused = report.current_key, app.focused
        assert focused is not None
        await _wait_until_built(pilot, report)
        assert report.current_key == shown  # building never moves the user
        assert app.focused is focused  # nor the focus
        hidden = [k for k, slot in report._slots.items() if k != shown]
        assert hidden and all(not report._slots[k].display for k in hidden)

        await report.show_part("q2")
        built = report._slots["q2"].query_one(PartView)
        assert report.host.query_one(PartView) is built  # shown, not built again
        box = focused_box(app.focused)
        assert box is not None and box.path == QuestionPath("q2")  # focus as on a first visit
        await pilot.press("ctrl+end")
        await type_text(pilot, " Tillägg.")
        assert report.session.draft.answers["q2"].endswith(" Tillägg.")


async def test_built_parts_are_dropped_when_the_year_changes(
    app_factory: Callable[..., RspApp], example_draft: Path
) -> None:
    app = app_factory(example_draft, prebuild_pause=0.05)
    async with app.run_test(size=(100, 30)) as pilot:
        report = app.screen
        assert isinstance(report, ReportScreen)
        await report.show_part(report.parts[0].key, YearPath())
        await _wait_until_built(pilot, report)
        old = report._slots["omrade:o1"].query_one(PartView)
        year = app.focused
        assert isinstance(year, Input)
        await pilot.press("backspace")
        await type_text(pilot, "4")
        await report.show_part("omrade:o1")
        view = report.host.query_one(PartView)
        assert view is not old  # built again, with the new year
        headings = " ".join(str(s.render()) for s in report.host.query(".group-heading"))
        assert "verksamhetsår 2024" in headings


async def test_no_building_without_a_pause_setting(
    app_factory: Callable[..., RspApp], example_draft: Path
) -> None:
    app = app_factory(example_draft)
    async with app.run_test(size=(100, 30)) as pilot:
        report = app.screen
        assert isinstance(report, ReportScreen)
        await pilot.pause(0.3)
        assert list(report._slots) == [report.current_key]
