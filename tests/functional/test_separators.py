"""Showing a question never changes its answer: a TextArea turns vertical tab, form feed,
U+2028 and other separators into line breaks, but an answer that is only looked at is kept
exactly as stored."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from rsp_tui.drafts import load_draft, save_draft
from rsp_tui.tui.app import RspApp
from rsp_tui.tui.screens.report import ReportScreen

from .driving import settle

ODD = "rad ett\x0brad två\x0csida\u2028stycke\u2029slut\x1cfält\x85nästa"


async def test_looking_at_an_answer_keeps_it(
    app_factory: Callable[..., RspApp], example_draft: Path
) -> None:
    loaded = load_draft(example_draft)
    loaded.draft.answers["q2"] = ODD
    save_draft(loaded.draft, example_draft)
    app = app_factory(example_draft)
    async with app.run_test(size=(100, 30)) as pilot:
        report = app.screen
        assert isinstance(report, ReportScreen)
        await report.show_part("q2")
        await pilot.press("down", "up", "end")  # moving around is not editing
        await report.show_part("q3")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert report.session.draft.answers["q2"] == ODD
        await report.show_part("q2")
        await pilot.press("ctrl+end", "x")  # an edit stores what the field shows
        await report.show_part("q3")
        await settle(pilot)
        edited = report.session.draft.answers["q2"]
        assert edited.endswith("x") and "\x0b" not in edited
        await pilot.press("ctrl+q")
    assert load_draft(example_draft).draft.answers["q2"] == edited
