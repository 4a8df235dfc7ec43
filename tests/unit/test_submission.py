"""Submission policy (form-spec D.2, D.4, D.14, D.15): a report with the blanks real submitted
reports have is checked without blockers and exported as final with its blank cells blank;
the default verksamhetsår; a blank Datum is the day of the export; honest progress."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import docx
import pytest

from rsp_tui.cli import main
from rsp_tui.drafts import Draft, load_draft, new_draft, save_draft
from rsp_tui.drafts.model import ID_KEY
from rsp_tui.drafts.paths import CellPath, QuestionPath
from rsp_tui.export import export_report
from rsp_tui.forms import FormDefinition, load_form, programme_for_region
from rsp_tui.forms.schema import TableQuestion
from rsp_tui.validation import validate
from rsp_tui.years import default_year
from tests.narrow import question_of
from tests.unit.test_export import all_text, blocks, table_after, tcs

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "exempel-2023.toml"
EFFEKTER = "Resultat/förväntade resultat i form av effekter på kort, medellång och lång sikt"


def _insatser(draft: Draft) -> list[tuple[str, dict[str, Any]]]:
    return [
        (area.id, item)
        for area in draft.programme.omraden
        for item in draft.answers["insatser"].get(area.id, [])
    ]


@pytest.fixture
def with_blanks(tmp_path: Path) -> tuple[Path, Draft]:
    """The example report with exactly the blanks of issue 13: Fråga 5 empty, two insatser
    without effekter, two without status, Fråga 3 without its totals."""
    draft = load_draft(EXAMPLE).draft
    draft.set(QuestionPath("q5"), "")
    insatser = _insatser(draft)
    for _, item in insatser[:2]:
        item["effekter"] = ""
    for _, item in insatser[2:4]:
        item["status"] = ""
    for row in ("processledning", "stodhandlaggning"):
        draft.set(CellPath("q3", row, "totalt"), "")
    path = tmp_path / "med-tomma.toml"
    save_draft(draft, path)
    return path, draft


def _row_of(table: Any, first_text: str) -> list[str]:
    for row in tcs(table):
        texts = [c.text for c in row]
        if texts and texts[0] == first_text:
            return texts
    raise AssertionError(f"ingen rad som börjar med {first_text!r}")


def test_check_lists_the_blanks_and_passes(
    with_blanks: tuple[Path, Draft], capsys: pytest.CaptureFixture[str]
) -> None:
    path, _ = with_blanks
    assert main(["check", str(path)]) == 0
    out = capsys.readouterr().out
    listed = [line for line in out.splitlines() if line.startswith(("tomt:", "fel:", "varning:"))]
    assert sorted(listed) == sorted(
        [
            "tomt: 3 Personalresurser › Fråga 3 › Processledning/koordinering › Årsarbetskrafter"
            " totalt: inte besvarad",
            "tomt: 3 Personalresurser › Fråga 3 › Stödhandläggning › Årsarbetskrafter totalt:"
            " inte besvarad",
            "tomt: 5 Serviceglesa områden › Fråga 5: inte besvarad",
            f"tomt: Område 1 › Insatser › Insats 1 › {EFFEKTER}: inte besvarad",
            f"tomt: Område 1 › Insatser › Insats 2 › {EFFEKTER}: inte besvarad",
            "tomt: Område 1 › Insatser › Insats 3 › Status: inte besvarad",
            "tomt: Område 1 › Insatser › Insats 4 › Status: inte besvarad",
        ]
    )
    assert "7 frivilliga svar är tomma (tomt) och lämnas tomma i dokumentet" in out
    assert "Inget hindrar en slutlig export." in out
    assert "fel" not in out


def test_final_export_with_blanks_leaves_the_cells_blank(
    form: FormDefinition,
    with_blanks: tuple[Path, Draft],
    capsys: pytest.CaptureFixture[str],
) -> None:
    path, draft = with_blanks
    assert main(["export", str(path)]) == 0
    captured = capsys.readouterr()
    out = Path(captured.out.strip())
    assert out == path.with_suffix(".docx")  # a final export: no -utkast in the name
    assert "7 frivilliga svar är tomma (tomt) och lämnas tomma i dokumentet." in captured.err
    assert captured.err.count("tomt: ") == 7

    document = docx.Document(str(out))
    text = all_text(document)
    assert "UTKAST" not in text
    assert "Totalt:" not in text  # Fråga 3's description alone, as the form has it
    items = blocks(document)
    q3 = table_after(items, "3. ")
    original = load_draft(EXAMPLE).draft
    for row in ("processledning", "stodhandlaggning"):
        label = next(r.label for r in question_of(form, "q3", TableQuestion).rows if r.id == row)
        cells = _row_of(q3, label)
        assert cells[1] == draft.get(CellPath("q3", row, "beskrivning"))
    assert original.answers["q5"] not in text
    # Fråga 5 has no answer: what follows it is blank or Fråga 6 itself.
    texts = [b.text for b in items if hasattr(b, "text")]
    q5 = next(n for n, t in enumerate(texts) if t.startswith("5. "))
    following = next(t for t in texts[q5 + 1 :] if t.strip())
    assert following.startswith("6. ")

    insatser = _insatser(draft)
    table = table_after(items, "Prioriterat område 1.")
    for n, (_, item) in enumerate(insatser[:4]):
        cells = _row_of(table, item["planerade"])
        prest = cells.index(item["prestationer"])
        effekter, status = cells[prest + 1], cells[prest + 2]
        if n < 2:
            assert effekter == "" and status == item["status"]
            assert original.items("insatser", "o1")[n]["effekter"] not in text
        else:
            assert effekter == item["effekter"] and status == ""


def test_required_answers_still_block(
    with_blanks: tuple[Path, Draft], capsys: pytest.CaptureFixture[str]
) -> None:
    path, draft = with_blanks
    draft.set(QuestionPath("upprattad_av"), "")
    draft.set(CellPath("q4", "rsp", "epost"), "anna@")
    save_draft(draft, path)
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    assert "fel: Uppgifter om rapporten › Upprättad av: inte besvarad" in out
    assert 'fel: 4 Kontaktpersoner › Fråga 4 › Kontaktperson för RSP › E-post: ogiltig' in out
    assert "2 fel hindrar en slutlig export" in out
    assert main(["export", str(path)]) == 1
    err = capsys.readouterr().err
    assert "rsp-tui: 2 fel hindrar en slutlig export." in err
    assert not path.with_suffix(".docx").exists()
    assert main(["export", str(path), "--draft"]) == 0
    assert Path(capsys.readouterr().out.strip()) == path.with_name("med-tomma-utkast.docx")


@pytest.mark.parametrize(
    ("today", "year"),
    [
        (date(2024, 7, 1), 2024),
        (date(2024, 12, 31), 2024),
        (date(2025, 1, 1), 2024),
        (date(2025, 6, 30), 2024),
    ],
)
def test_default_year(today: date, year: int) -> None:
    assert default_year(today) == year


def test_default_year_stays_in_the_programme_period(form: FormDefinition) -> None:
    assert default_year(date(2031, 12, 1), form.years) == 2030
    assert default_year(date(2022, 3, 1), form.years) == 2022


def test_new_without_year_uses_the_default(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new", "--region", "Gotland", "--dir", str(tmp_path)]) == 0
    made = load_draft(Path(capsys.readouterr().out.strip())).draft
    assert made.year == default_year(date.today(), load_form().years)


def test_blank_datum_is_the_day_of_the_export(form: FormDefinition, tmp_path: Path) -> None:
    draft = load_draft(EXAMPLE).draft
    draft.set(QuestionPath("datum"), "")
    assert not [p for p in validate(form, draft, final=True).problems if p.path == QuestionPath("datum")]
    first = export_report(form, draft, tmp_path / "a.docx", today=date(2024, 12, 20))
    second = export_report(form, draft, tmp_path / "b.docx", today=date(2025, 1, 28))
    assert "2024-12-20" in all_text(docx.Document(str(first.path)))
    text = all_text(docx.Document(str(second.path)))
    assert "2025-01-28" in text and "2024-12-20" not in text
    assert draft.answers["datum"] == ""  # the draft itself still follows the export
    # A date the user typed stays, whenever the export is.
    draft.set(QuestionPath("datum"), "2025-01-15")
    typed = export_report(form, draft, tmp_path / "c.docx", today=date(2025, 1, 28))
    text = all_text(docx.Document(str(typed.path)))
    assert "2025-01-15" in text and "2025-01-28" not in text


def test_a_new_report_leaves_datum_blank(form: FormDefinition) -> None:
    draft = new_draft(form, "Gotland", 2024)
    assert draft.answers.get("datum", "") == ""


def test_progress_of_a_report_with_one_insats(form: FormDefinition) -> None:
    """One fully answered insats is not 92 %: every answer the report asks for counts, and
    each område without insatser counts as one unanswered answer."""
    draft = new_draft(form, "Jämtland Härjedalen", 2023, programme_for_region("Jämtland Härjedalen"))
    example = load_draft(EXAMPLE).draft
    first = example.items("insatser", "o1")[0]
    draft.add_item("insatser", "o1", {k: v for k, v in first.items() if k != ID_KEY})
    report = validate(form, draft)
    # Given: Datum (blank: the export day), the programme, and the insats's six listed
    # fields: planerade, mål, resurser, prestationer, effekter, status (serviceslag and the
    # note are details, not counted).
    # Region part: datum, upprättad av (2); Fråga 1: 5 rows × bedömning (5); Fråga 2 (1);
    # Fråga 3: 2 rows × 2 (4); Fråga 4: 3 rows × 2 (6); Fråga 5 (1); Fråga 6: no row yet (1);
    # the programme (1, given); område 1: one insats (6); områdena 2 and 3: none (1 + 1).
    assert report.total == 2 + 5 + 1 + 4 + 6 + 1 + 1 + 1 + 6 + 2
    assert report.filled == 1 + 1 + 6
    assert report.progress_text() == "Ifyllt 28 % (8 av 29)"
    assert report.progress["omrade:o1"].state == "klar"
    assert report.progress["omrade:o2"].state == "tom"


@pytest.mark.parametrize(
    ("datum", "after"),
    [
        ("2024-01-25", ""),  # the day the draft was created: version 1's default, cleared
        ("2024-01-31", "2024-01-31"),  # any other day was typed: kept
    ],
)
def test_a_version_1_draft_is_migrated(tmp_path: Path, datum: str, after: str) -> None:
    draft = load_draft(EXAMPLE).draft  # created 2024-01-25
    draft.form_version = 1
    draft.set(QuestionPath("datum"), datum)
    draft.set(CellPath("q3", "processledning", "totalt"), "0,5")
    path = tmp_path / "v1.toml"
    save_draft(draft, path)
    before = path.read_bytes()
    loaded = load_draft(path)
    assert loaded.draft.form_version == 2
    assert loaded.draft.answers["datum"] == after
    assert loaded.draft.get(CellPath("q3", "processledning", "totalt")) == "0,5"  # numbers stay
    assert any("uppgraderats till version 2" in n for n in loaded.notices)
    assert path.read_bytes() == before  # loading never writes


def test_example_command_copies_the_example_and_never_overwrites(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "ex.toml"
    assert main(["example", "-o", str(out)]) == 0
    assert capsys.readouterr().out.strip() == str(out)
    assert out.read_bytes() == EXAMPLE.read_bytes()
    out.write_text("mitt eget", "utf-8")
    assert main(["example", "-o", str(out)]) == 2
    assert "finns redan" in capsys.readouterr().err
    assert out.read_text("utf-8") == "mitt eget"
