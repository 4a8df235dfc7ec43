"""A test-only form in which every id and section is renamed (tests/renamed.py) works like the
real one: `check` finds the same problems, the document says the same words, and the document
reads back into the same draft. No id of the form is written in the code."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import docx
import pytest

from rsp_tui.cli import main
from rsp_tui.drafts import Draft, load_draft, save_draft
from rsp_tui.drafts.model import ID_KEY
from rsp_tui.drafts.paths import CellPath, QuestionPath
from rsp_tui.export import export_report
from rsp_tui.forms import FormDefinition, load_form
from rsp_tui.importer import import_docx
from rsp_tui.validation import validate
from tests.conftest import REPO
from tests.renamed import field_id, rename_draft, section_id, write_renamed_form
from tests.unit.test_export import all_text

EXAMPLE = REPO / "examples" / "exempel-2023.toml"
DAY = date(2024, 1, 26)


def without_item_ids(draft: Draft) -> dict[str, Any]:
    """The answers, with the random ids of the insatser left out."""
    return {
        key: (
            {
                area: [{k: v for k, v in i.items() if k != ID_KEY} for i in items]
                for area, items in value.items()
            }
            if isinstance(value, dict) and all(isinstance(v, list) for v in value.values())
            else value
        )
        for key, value in draft.answers.items()
    }


@pytest.fixture
def renamed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> FormDefinition:
    """The renamed form, found first by load_form (and by load_draft)."""
    write_renamed_form(tmp_path / "formular")
    monkeypatch.setenv("RSP_TUI_FORMS_DIR", str(tmp_path / "formular"))
    return load_form()


@pytest.fixture
def example(form: FormDefinition) -> Draft:
    return load_draft(EXAMPLE).draft


def test_every_id_is_renamed(form: FormDefinition, renamed: FormDefinition) -> None:
    assert [s.id for s in renamed.sections] == [section_id(s.id) for s in form.sections]
    old = {q.id for s in form.sections for q in s.questions}
    new = {q.id for s in renamed.sections for q in s.questions}
    assert new == {field_id(i) for i in old} and not old & new
    assert renamed.role("author") == field_id(form.role("author")) != ""
    assert renamed.role("date") == field_id(form.role("date")) != ""
    section = renamed.repeat_section
    assert section is not None and section.id != (form.repeat_section or section).id
    assert renamed.is_repeated(f"{section.id}:o1") and not form.is_repeated(f"{section.id}:o1")


def test_a_role_must_name_a_question_of_a_suitable_kind(tmp_path: Path) -> None:
    from rsp_tui.errors import FormDefinitionError
    from rsp_tui.forms.loader import load_form_file
    from tests.renamed import renamed_form_text

    text = renamed_form_text()
    for bad, message in (
        ('author = "x_finns_inte"', 'det finns ingen fråga med id "x_finns_inte"'),
        ('author = "x_datum"', 'frågan "x_datum" är av typen date, inte text'),
    ):
        path = tmp_path / "rsp-uppfoljning.toml"
        path.write_text(text.replace('author = "x_upprattad_av"', bad), encoding="utf-8")
        with pytest.raises(FormDefinitionError, match=message):
            load_form_file(path)


def test_check_finds_the_same_problems(
    form: FormDefinition, example: Draft, renamed: FormDefinition, tmp_path: Path
) -> None:
    example.set(CellPath("q4", "rsp", "epost"), "inte en adress")
    example.set(QuestionPath(form.role("author")), "")
    draft = rename_draft(form, example)
    before = validate(form, example, final=True)
    after = validate(renamed, draft, final=True)
    assert [p.describe() for p in after.problems] == [p.describe() for p in before.problems]
    assert len(after.errors) == 2
    assert after.progress_text() == before.progress_text()

    path = tmp_path / "omdopt.toml"
    save_draft(draft, path)
    assert main(["check", str(path)]) == 1


def test_the_document_says_the_same_and_reads_back(
    form: FormDefinition, example: Draft, renamed: FormDefinition, tmp_path: Path
) -> None:
    draft = rename_draft(form, example)
    real = export_report(form, example, tmp_path / "real.docx", embed_draft=False, today=DAY)
    monkey = tmp_path / "omdopt.docx"
    export_report(renamed, draft, monkey, embed_draft=False, today=DAY)
    assert all_text(docx.Document(str(monkey))) == all_text(docx.Document(str(real.path)))
    props = docx.Document(str(monkey)).core_properties
    assert props.author == example.answers[form.role("author")] != ""

    read_real = import_docx(real.path, form)
    read_renamed = import_docx(monkey, renamed)
    assert not read_renamed.exact
    assert without_item_ids(read_renamed.draft) == without_item_ids(
        rename_draft(form, read_real.draft)
    )
    assert read_renamed.draft.answers[renamed.role("author")] == example.answers["upprattad_av"]
    assert [n.describe() for n in read_renamed.notes] == [n.describe() for n in read_real.notes]

    embedded = tmp_path / "inbaddat.docx"
    export_report(renamed, draft, embedded, today=DAY)
    exact = import_docx(embedded, renamed)
    assert exact.exact and exact.draft.answers == draft.answers


def test_the_plain_mode_answers_a_whole_report(
    renamed: FormDefinition, _isolated_drafts: Path
) -> None:
    from tests.unit.test_plain import run_piped, whole_report

    result = run_piped(whole_report(), "--plain")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr
    assert "Granskning: inget saknas och inget är fel (100 procent ifyllt)" in result.stdout
    path = _isolated_drafts / "jamtland-harjedalen-2023.toml"
    draft = load_draft(path).draft
    assert draft.answers[renamed.role("author")] == "Anna Andersson"
    assert draft.answers[field_id("q1")][field_id("drivmedel")][field_id("bedomning")] == (
        "Oförändrat"
    )
    items = draft.answers[field_id("insatser")][draft.programme.omraden[0].id]
    assert [i[field_id("planerade")] for i in items] == [
        "Kampanj om ombud",
        "Laddstolpar vid butiker",
    ]
    assert main(["check", str(path)]) == 0
