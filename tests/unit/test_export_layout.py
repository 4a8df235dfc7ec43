"""The document's layout and accessibility, read from the package: captions and marked header
rows on every table, Swedish hyphenation, the accessibility check, answer space in a blank
draft, short tables kept on one page, the author property, and column widths from the text."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from rsp_tui.cli import main
from rsp_tui.drafts import Draft, load_draft, new_draft
from rsp_tui.export import export_report
from rsp_tui.export.a11y import check_accessibility
from rsp_tui.export.columns import TextColumn, balance, share_widths, wrapped_lines
from rsp_tui.forms import FormDefinition, programme_for_region
from rsp_tui.forms.schema import FieldBase
from tests.narrow import question_of
from tests.unit.test_export import REGION, blocks, export, filled_draft, paragraph, table_after

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def filled(form: FormDefinition) -> Draft:
    return filled_draft(form)


def test_every_table_has_a_caption_a_description_and_a_marked_header_row(
    form: FormDefinition, filled: Draft, tmp_path: Path
) -> None:
    document = export(form, filled, tmp_path)
    tables = document.element.body.findall(qn("w:tbl"))
    assert len(tables) == 1 + 4 + 3  # Datum/Upprättad av, questions 1, 3, 4, 6, three områden
    captions = []
    for tbl in tables:
        caption = tbl.find(f"{qn('w:tblPr')}/{qn('w:tblCaption')}")
        description = tbl.find(f"{qn('w:tblPr')}/{qn('w:tblDescription')}")
        assert caption is not None and description is not None
        assert description.get(qn("w:val")).strip()
        captions.append(caption.get(qn("w:val")))
        first = tbl.find(qn("w:tr"))
        assert first.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
    assert captions[1] == "Fråga 1: Efterfrågan"
    assert captions[-1].startswith("Prioriterat område 3.")
    q1 = tables[1].find(f"{qn('w:tblPr')}/{qn('w:tblDescription')}").get(qn("w:val"))
    assert "Servicebidrag" in q1 and "Kommentar" in q1


def test_hyphenation_is_on_and_the_language_is_swedish(
    form: FormDefinition, filled: Draft, tmp_path: Path
) -> None:
    export(form, filled, tmp_path)
    with zipfile.ZipFile(tmp_path / "rapport.docx") as package:
        settings = package.read("word/settings.xml").decode()
        styles = package.read("word/styles.xml").decode()
    assert "<w:autoHyphenation/>" in settings
    # schema order: autoHyphenation follows defaultTabStop
    assert settings.index("<w:defaultTabStop") < settings.index("<w:autoHyphenation/>")
    assert 'w:themeFontLang w:val="sv-SE"' in settings
    assert 'w:lang w:val="sv-SE"' in styles


def test_the_accessibility_check_finds_nothing_in_our_documents(
    form: FormDefinition, filled: Draft, tmp_path: Path
) -> None:
    out = tmp_path / "rapport.docx"
    assert export_report(form, filled, out).accessibility == []
    blank = new_draft(form, REGION, 2023, programme_for_region(REGION))
    assert export_report(form, blank, out, draft_mode=True).accessibility == []


def test_the_accessibility_check_flags_what_a_checker_would(
    form: FormDefinition, filled: Draft, tmp_path: Path
) -> None:
    """A document without title, captions, header rows and with a skipped heading level."""
    document = docx.Document()
    document.add_heading("Rubrik", 1)
    document.add_heading("Underrubrik", 3)
    table = document.add_table(rows=2, cols=2)
    table.rows[0].cells[0].text = "Namn"
    buffer = io.BytesIO()
    document.save(buffer)
    findings = check_accessibility(buffer.getvalue())
    assert "Dokumentet saknar titel i dokumentegenskaperna." in findings
    assert 'Rubriknivå hoppar från 1 till 3 vid "Underrubrik".' in findings
    assert 'Tabell 1 ("Namn") saknar rubrik och beskrivning (alternativtext).' in findings
    assert 'Tabell 1 ("Namn") har ingen rubrikrad markerad som rubrikrad.' in findings


def test_a_blank_draft_has_lines_to_write_on_under_questions_2_and_5(
    form: FormDefinition, tmp_path: Path
) -> None:
    from rsp_tui.export.questions import ANSWER_LINES

    blank = new_draft(form, REGION, 2023, programme_for_region(REGION))
    items = blocks(export(form, blank, tmp_path, draft_mode=True))
    for q in (question_of(form, "q2", FieldBase), question_of(form, "q5", FieldBase)):
        start = items.index(paragraph(items, q.title))
        after = items[start + 1 : start + 1 + ANSWER_LINES + len(q.guidance) + 1]
        ruled = [
            p
            for p in after
            if not hasattr(p, "rows")
            and p.text == ""
            and p._p.find(f".//{qn('w:pBdr')}") is not None
        ]
        assert len(ruled) == ANSWER_LINES, q.id
    # an answered question gets its answer, no lines
    filled = filled_draft(form)
    items = blocks(export(form, filled, tmp_path))
    assert not [
        p for p in items if not hasattr(p, "rows") and p._p.find(f".//{qn('w:pBdr')}") is not None
    ]


def test_question_4_is_kept_on_one_page_with_its_question(
    form: FormDefinition, filled: Draft, tmp_path: Path
) -> None:
    items = blocks(export(form, filled, tmp_path))
    q4 = question_of(form, "q4", FieldBase)
    table = table_after(items, q4.title)
    rows = table._tbl.tr_lst
    for tr in rows[:-1]:
        for p in tr.iter(qn("w:p")):
            assert p.pPr is not None and p.pPr.keepNext_val, (
                "every row but the last keeps with next"
            )
    for p in rows[-1].iter(qn("w:p")):
        assert not (p.pPr is not None and p.pPr.keepNext_val)


@pytest.mark.parametrize("by_region", [False, True])
def test_the_author_property_and_the_personal_data_note(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], by_region: bool
) -> None:
    example = REPO / "examples" / "exempel-2023.toml"
    name = load_draft(example).draft.answers["upprattad_av"]
    out = tmp_path / "x.docx"
    args = ["export", str(example), "-o", str(out)] + (
        ["--author-region", "--no-embed"] if by_region else []
    )
    assert main(args) == 0
    err = capsys.readouterr().err
    author = docx.Document(str(out)).core_properties.author
    assert "Tillgänglighetskontroll: inga anmärkningar" in err
    if by_region:
        assert author == "Region: Jämtland Härjedalen"
        assert "Personuppgifter" not in err
    else:
        assert author == name
        assert f'Författare är "{name}"' in err
        assert "--author-region" in err and "--no-embed" in err


def test_wrapped_lines_and_widths_from_the_text() -> None:
    assert wrapped_lines("", 3.0, 8) == 1
    assert wrapped_lines("ett två tre", 30.0, 8) == 1
    assert wrapped_lines("ett två tre", 0.6, 8) == 3
    assert wrapped_lines("a\nb", 5.0, 8) == 2
    columns = [
        TextColumn("Kort", "", 1.0, 100),
        TextColumn("Lång", "Med en hjälptext som tar plats.", 1.0, 900),
    ]
    widths = share_widths(columns, 10.0, size_pt=8, char_cm=0.15, margin_cm=0.1, max_header_lines=5)
    assert sum(widths) == pytest.approx(10.0)
    assert widths[1] > widths[0] * 3
    # a column may never be narrower than its header needs
    cramped = share_widths(
        [TextColumn("Resultat/förväntade resultat i form av effekter", "", 1.0, 0), columns[1]],
        10.0,
        size_pt=8,
        char_cm=0.15,
        margin_cm=0.1,
        max_header_lines=2,
    )
    assert cramped[0] > 2.5


def test_balance_lowers_the_estimated_height() -> None:
    rows = [[100, 10], [100, 20], [90, 10]]

    def height(ws: list[float]) -> float:
        return sum(max(a / ((w - 0.2) / 0.15) for a, w in zip(r, ws, strict=True)) for r in rows)

    start = [5.0, 5.0]
    better = balance(start, rows, [1.0, 1.0], char_cm=0.15, margin_cm=0.1)
    assert sum(better) == pytest.approx(10.0)
    assert height(better) < height(start)
    assert better[0] > better[1]
