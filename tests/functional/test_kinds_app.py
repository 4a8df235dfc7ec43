"""Issue 11's proof in the app: a field kind the code does not know (`percent`, defined in
tests/kinds_percent.py) is shown and edited with one entry in the table of editors."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from rsp_tui.drafts import load_draft
from rsp_tui.drafts.paths import CellPath, QuestionPath
from rsp_tui.tui.app import RspApp
from rsp_tui.tui.screens.report import ReportScreen
from rsp_tui.tui.widgets.fields import FieldBox, TextBox
from rsp_tui.tui.widgets.registry import register_box
from tests.kinds_percent import PercentField

from .driving import settle, type_text

register_box("percent", TextBox)  # the one widget entry: typed into a line, like a decimal

PERCENT_FORMS = Path(__file__).parent.parent / "data" / "percent-form"


@pytest.fixture
def percent_forms(drafts_folder: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("RSP_TUI_FORMS_DIR", str(PERCENT_FORMS))
    return PERCENT_FORMS


async def test_a_percent_question_shows_checks_and_lands_in_the_draft(
    percent_forms: Path, app_factory: Callable[..., RspApp], drafts_folder: Path
) -> None:
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await type_text(pilot, "gotland")
        await pilot.press("enter", "enter")
        await settle(pilot)
        report = app.screen
        assert isinstance(report, ReportScreen)
        for _ in range(5):
            if report.current_key == "andel":
                break
            await pilot.press("f4")
            await settle(pilot)
        assert report.current_key == "andel"
        shown = " ".join(str(s.render()) for s in report.host.query(".question-heading"))
        assert "1. Hur stor andel av butikerna tar emot digitala betalningar?" in shown

        box = next(b for b in report.host.query(FieldBox) if b.path == QuestionPath("andel_digitalt"))
        assert isinstance(box.field_def, PercentField)
        box.focus_input()
        await pilot.pause()
        await type_text(pilot, "120")
        assert "måste vara mellan 0 och 100 %" in str(box.query_one(".field-message").render())
        await pilot.press("backspace", "backspace", "backspace")
        await type_text(pilot, "45 %")
        assert not box.has_class("-invalid")

        cell = next(
            b
            for b in report.host.query(FieldBox)
            if b.path == CellPath("andel_per_typ", "drivmedel", "andel")
        )
        cell.focus_input()
        await pilot.pause()
        await type_text(pilot, "45,5")
        await pilot.press("ctrl+q")
    answers = load_draft(drafts_folder / "gotland-2023.toml").draft.answers
    assert answers["andel_digitalt"] == "45 %"
    assert answers["andel_per_typ"]["drivmedel"]["andel"] == "45,5"
