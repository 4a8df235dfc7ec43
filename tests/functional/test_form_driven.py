"""Everything the app shows comes from the form file: a question added to a test-only copy of
the form appears, can be answered and is saved, without any change to the code."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from rsp_tui.drafts import load_draft
from rsp_tui.drafts.paths import QuestionPath
from rsp_tui.paths import builtin_forms_dir
from rsp_tui.tui.app import RspApp
from rsp_tui.tui.screens.report import ReportScreen
from rsp_tui.tui.widgets.fields import FieldBox

from .driving import settle, type_text

EXTRA_QUESTION = """
[[sections.questions]]
id = "q2_test"
kind = "decimal"
number = "2b"
text = "Hur många butiker besökte regionen under året (testfråga)?"
instruction = "Ange antalet butiker."
help = "Finns bara i testformuläret."
min = 0
max = 1000
"""


@pytest.fixture
def extended_form(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the form with one more question in section q2, in RSP_TUI_FORMS_DIR."""
    folder = tmp_path / "formular"
    folder.mkdir()
    text = (builtin_forms_dir() / "rsp-uppfoljning.toml").read_text(encoding="utf-8")
    marker = '[[sections]]\nid = "q3"'
    assert text.count(marker) == 1
    text = text.replace(marker, EXTRA_QUESTION.lstrip() + "\n" + marker)
    (folder / "rsp-uppfoljning.toml").write_text(text, encoding="utf-8")
    monkeypatch.setenv("RSP_TUI_FORMS_DIR", str(folder))
    return folder


async def test_a_question_added_to_the_form_file_appears_and_is_saved(
    extended_form: Path, app_factory: Callable[..., RspApp], drafts_folder: Path
) -> None:
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await type_text(pilot, "gotland")
        await pilot.press("enter", "enter")
        await pilot.pause()
        report = app.screen
        assert isinstance(report, ReportScreen)
        await pilot.press("f4", "f4")
        assert report.current_key == "q2"
        shown = " ".join(str(s.render()) for s in report.host.query(".question-heading"))
        assert "2b. Hur många butiker besökte regionen under året (testfråga)?" in shown
        assert "Ange antalet butiker." in shown

        await pilot.press("tab")  # from question 2 to the new question
        box = next(b for b in report.host.query(FieldBox) if b.path == QuestionPath("q2_test"))
        assert app.focused in box.query("*").nodes
        await type_text(pilot, "12,5x")
        assert "inte ett tal" in str(box.query_one(".field-message").render())
        await pilot.press("backspace")
        assert not box.has_class("-invalid")
        await pilot.press("ctrl+q")
    draft = load_draft(drafts_folder / "gotland-2023.toml").draft
    assert draft.answers["q2_test"] == "12,5"
