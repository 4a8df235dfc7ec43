"""Granska och exportera: every problem listed, Enter jumps to the field, Escape comes back;
a final export is refused while errors remain and a draft export is offered instead."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.widgets import Button, Checkbox, OptionList

from rsp_tui.drafts import load_draft, save_draft
from rsp_tui.drafts.paths import CellPath, QuestionPath
from rsp_tui.tui.app import RspApp
from rsp_tui.tui.screens.report import ReportScreen
from rsp_tui.tui.widgets.fields import FieldBox
from rsp_tui.tui.widgets.review import REVIEW_KEY, ReviewView
from rsp_tui.validation import validate

from .driving import focused_box, settle, type_text


def break_draft(path: Path) -> None:
    """One invalid e-mail address and one unanswered Bedömning."""
    loaded = load_draft(path)
    loaded.draft.set(CellPath("q4", "rsp", "epost"), "anna@@example")
    loaded.draft.set(CellPath("q1", "servicebidrag", "bedomning"), "")
    save_draft(loaded.draft, path)


async def test_problems_link_to_their_fields_and_back(
    app_factory: Callable[..., RspApp], example_draft: Path
) -> None:
    break_draft(example_draft)
    app = app_factory(example_draft)
    async with app.run_test(size=(100, 30)) as pilot:
        report = app.screen
        assert isinstance(report, ReportScreen)
        await pilot.press("f9")
        review = report.host.query_one(ReviewView)
        problems = review.query_one("#problems", OptionList)
        assert app.focused is problems
        listed = [p.path for p in review.problems.values()]
        assert listed == [
            CellPath("q1", "servicebidrag", "bedomning"),
            CellPath("q4", "rsp", "epost"),
        ]
        summary = str(review.query_one("#review-summary").render())
        assert "2 fel hindrar en slutlig export" in summary

        # The second problem: the e-mail address. Enter goes to the field itself.
        await pilot.press("down", "enter")
        assert report.current_key == "q4"
        box = focused_box(app.focused)
        assert box is not None and box.path == CellPath("q4", "rsp", "epost")
        assert "ogiltig e-postadress" in str(box.query_one(".field-message").render())

        await pilot.press("f7")
        await type_text(pilot, "anna@example.se")
        assert not box.has_class("-invalid")
        await pilot.press("escape")  # back to the list, which is now shorter
        assert report.current_key == REVIEW_KEY
        review = report.host.query_one(ReviewView)
        assert [p.path for p in review.problems.values()] == [CellPath("q1", "servicebidrag", "bedomning")]


async def test_final_export_refused_with_errors_then_draft_export(
    app_factory: Callable[..., RspApp], example_draft: Path
) -> None:
    break_draft(example_draft)
    app = app_factory(example_draft)
    async with app.run_test(size=(100, 30)) as pilot:
        report = app.screen
        assert isinstance(report, ReportScreen)
        await pilot.press("f9")
        review = report.host.query_one(ReviewView)
        review.query_one("#export-final", Button).press()
        await settle(pilot)
        result = str(review.query_one("#export-result").render())
        assert "Slutversionen kan inte exporteras: 2 fel" in result
        assert "Exportera utkast" in result
        assert app.focused is review.query_one("#export-draft")
        assert not example_draft.with_suffix(".docx").exists()

        await pilot.press("enter")  # Exportera utkast
        await settle(pilot)
        out = example_draft.with_name("jamtland-harjedalen-2023-utkast.docx")
        assert out.is_file() and out.stat().st_size > 0
        assert str(out) in str(review.query_one("#export-result").render())


async def test_final_export_of_a_complete_report(
    app_factory: Callable[..., RspApp], example_draft: Path
) -> None:
    loaded = load_draft(example_draft)
    assert not validate(loaded.form, loaded.draft, final=True).errors
    app = app_factory(example_draft)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p")
        await type_text(pilot, "exportera")
        await pilot.press("enter")
        await settle(pilot)
        report = app.screen
        assert isinstance(report, ReportScreen) and report.current_key == REVIEW_KEY
        out = example_draft.with_suffix(".docx")
        assert out.is_file()
        result = str(report.host.query_one("#export-result").render())
        assert "Dokumentet är sparat som" in result and str(out) in result


async def test_export_with_and_without_the_embedded_draft(
    app_factory: Callable[..., RspApp], example_draft: Path
) -> None:
    """The box under the export buttons decides whether the draft travels in the file."""
    import docx

    from rsp_tui.export.payload import extract

    out = example_draft.with_suffix(".docx")
    app = app_factory(example_draft)
    async with app.run_test(size=(100, 30)) as pilot:
        report = app.screen
        assert isinstance(report, ReportScreen)
        await pilot.press("f9")
        review = report.host.query_one(ReviewView)
        box = review.query_one("#export-embed", Checkbox)
        assert box.value  # on unless the user says otherwise
        review.query_one("#export-final", Button).press()
        await settle(pilot)
        assert extract(docx.Document(str(out))) is not None

        box.focus()
        await pilot.press("space")
        assert not box.value
        review.query_one("#export-final", Button).press()
        await settle(pilot)
        assert "Dokumentet är sparat som" in str(review.query_one("#export-result").render())
        assert extract(docx.Document(str(out))) is None


async def test_export_says_what_personal_data_the_file_carries_and_offers_the_region(
    app_factory: Callable[..., RspApp], example_draft: Path
) -> None:
    """The export result names the author property and the embedded draft's contacts, and
    the accessibility check; with Regionen som författare ticked the author is the region."""
    import docx

    out = example_draft.with_suffix(".docx")
    name = load_draft(example_draft).draft.answers["upprattad_av"]
    app = app_factory(example_draft)
    async with app.run_test(size=(100, 30)) as pilot:
        report = app.screen
        assert isinstance(report, ReportScreen)
        await pilot.press("f9")
        review = report.host.query_one(ReviewView)
        review.query_one("#export-final", Button).press()
        await settle(pilot)
        said = str(review.query_one("#export-result").render())
        assert f'Författare är "{name}"' in said and "Regionen som författare" in said
        assert "Tillgänglighetskontroll: inga anmärkningar" in said
        assert docx.Document(str(out)).core_properties.author == name

        box = review.query_one("#export-author-region", Checkbox)
        assert not box.value
        box.focus()
        await pilot.press("space")
        review.query_one("#export-final", Button).press()
        await settle(pilot)
        assert docx.Document(str(out)).core_properties.author.endswith("Jämtland Härjedalen")
        assert "Författare är" not in str(review.query_one("#export-result").render())


async def test_validation_as_you_type(
    app_factory: Callable[..., RspApp], example_draft: Path
) -> None:
    app = app_factory(example_draft)
    async with app.run_test(size=(100, 30)) as pilot:
        report = app.screen
        assert isinstance(report, ReportScreen)
        await pilot.press("tab", "tab")  # Region → Verksamhetsår → Datum
        box = focused_box(app.focused)
        assert box is not None and box.path == QuestionPath("datum")
        await pilot.press("ctrl+u")
        await type_text(pilot, "2024-02-30")
        message = box.query_one(".field-message")
        assert str(message.render()) == "datumet 2024-02-30 finns inte"
        await pilot.pause(0.4)
        assert report.part_list.state("rapport") == "har fel"
        await pilot.press("backspace", "backspace")
        await type_text(pilot, "29")
        assert str(message.render()) == ""
        assert not box.has_class("-invalid")
        boxes = {b.path: b for b in report.host.query(FieldBox)}
        assert boxes[QuestionPath("datum")].value == "2024-02-29"


async def test_back_to_the_list_where_it_was(
    app_factory: Callable[..., RspApp], example_draft: Path
) -> None:
    break_draft(example_draft)
    app = app_factory(example_draft)
    async with app.run_test(size=(100, 30)) as pilot:
        report = app.screen
        assert isinstance(report, ReportScreen)
        await pilot.press("f9", "down", "enter")  # to the e-mail field, not fixing it
        assert report.current_key == "q4"
        await pilot.press("escape")
        review = report.host.query_one(ReviewView)
        problems = review.query_one("#problems", OptionList)
        assert problems.highlighted is not None
        chosen = review.problems[problems.get_option_at_index(problems.highlighted).id or ""]
        assert chosen.path == CellPath("q4", "rsp", "epost")


async def test_final_export_with_blanks_asks_once(
    app_factory: Callable[..., RspApp], example_draft: Path
) -> None:
    """Optional answers left blank: Granska lists them as tomt, the final export asks once
    (naming them), and the document is final (no UTKAST), its blank cells blank."""
    import docx

    from rsp_tui.tui.dialogs.confirm import ConfirmDialog

    loaded = load_draft(example_draft)
    loaded.draft.set(QuestionPath("q5"), "")
    loaded.draft.set(CellPath("q3", "processledning", "totalt"), "")
    save_draft(loaded.draft, example_draft)
    out = example_draft.with_suffix(".docx")
    app = app_factory(example_draft)
    async with app.run_test(size=(100, 30)) as pilot:
        report = app.screen
        assert isinstance(report, ReportScreen)
        await pilot.press("f9")
        review = report.host.query_one(ReviewView)
        summary = str(review.query_one("#review-summary").render())
        assert "Inget hindrar en slutlig export" in summary
        assert "2 frivilliga svar är tomma (tomt)" in summary
        assert {p.path for p in review.problems.values() if p.blank} == {
            QuestionPath("q5"),
            CellPath("q3", "processledning", "totalt"),
        }

        review.query_one("#export-final", Button).press()
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ConfirmDialog)
        assert "5 Serviceglesa områden › Fråga 5" in dialog.message
        await pilot.press("escape")  # Tillbaka: nothing is written
        await settle(pilot)
        assert not out.exists()

        review.query_one("#export-final", Button).press()
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.click("#confirm")
        await settle(pilot)
        assert out.is_file()
        result = str(review.query_one("#export-result").render())
        assert "Dokumentet är sparat som" in result and "2 frivilliga svar" in result
        first = out.stat().st_mtime_ns

        # Asked once: the same blanks do not ask again.
        await pilot.press("ctrl+p")
        await type_text(pilot, "exportera")
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, ConfirmDialog)
        assert out.stat().st_mtime_ns != first
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "UTKAST" not in text and loaded.draft.answers["q2"].splitlines()[0] in text
