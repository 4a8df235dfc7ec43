"""The importer of hand-filled reports: places said in words a person can find in Word, Part A
answers written as paragraphs under their question, clean names of extra columns, and "Ja"
as a mark."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.table import Table

from rsp_tui.drafts.paths import CellPath
from rsp_tui.importer import import_docx
from tests.unit.handmade import FORM_TITLE, fill_row, insats_table, mark_header

Q1 = (
    "1. Hur bedömer regionen att efterfrågan av respektive stödtyp kommer att utvecklas de "
    "kommande två åren? Lämna kommentar:"
)
Q3 = (
    "3. Hur mycket personalresurser har regionen avsatt för arbetet med regionalt "
    "serviceprogram under året?"
)
Q4 = "4. Vem eller vilka personer inom regionen ska vara kontaktpersoner gentemot Tillväxtverket?"
Q6 = "6. Vilka aktörer ingår i samverkan kring det regionala serviceprogrammet?"


def _insats(planerade: str, marks: list[str], status: str = "Fortsätter") -> list[str]:
    return [planerade, "1.1", "Regionen", *marks, "", "", status, ""]


@pytest.fixture
def written(tmp_path: Path) -> Path:
    """Part A answered in paragraphs rather than the tables, and an insatser table with marks
    written Ja, a doubtful mark, and an extra column inside the first column group."""
    doc = docx.Document()
    doc.add_paragraph(FORM_TITLE)
    doc.add_paragraph("Region: Västerbotten")
    doc.add_paragraph("Datum: 2025-01-20")
    doc.add_paragraph("Upprättad av: Karin Ek")
    doc.add_paragraph(Q1)
    q1 = doc.add_table(rows=2, cols=6)
    fill_row(q1.rows[0], ["Stödtyp", "Minskar", "Oförändrat", "Ökar", "Kommentar", "Egen not"])
    fill_row(q1.rows[1], ["Servicebidrag", "", "", "X", "", "Vår egen anteckning"])
    doc.add_paragraph(Q3)
    doc.add_paragraph("Processledning/koordinering: Anna 50 %, Bo 25 %")
    doc.add_paragraph("Totalt: 0,75 årsarbetskrafter")
    doc.add_paragraph("Stödhandläggning: Cecilia, en fjärdedel av sin tid")
    doc.add_paragraph(Q4)
    doc.add_paragraph("Kontaktperson för RSP: Anna Al, anna.al@regionvb.se")
    doc.add_paragraph("Kontaktperson för stödärenden")
    doc.add_paragraph("Cecilia Ceder")
    doc.add_paragraph("cecilia@regionvb.se")
    doc.add_paragraph(Q6)
    doc.add_paragraph("En rad som inte hör till någon fråga.")
    doc.add_paragraph("Prioriterat område 1. Service i hela länet")
    table = insats_table(
        doc,
        2024,
        [
            _insats("Butiksstöd", ["Ja", "", "", ""]),
            _insats("Ombudsträffar", ["", "kanske", "ja", ""], status="Klar"),
        ],
    )
    _add_column_inside_the_first_group(table, "Ansvarig", ["Kommunen", "Regionen"])
    doc.save(str(tmp_path / "skriven.docx"))
    return tmp_path / "skriven.docx"


def _add_column_inside_the_first_group(table: Table, title: str, values: list[str]) -> None:
    """A column the region added after Resurser, under the first group heading: the group
    cell spans it, and its title is merged down over a second header row, as in the export."""
    from copy import deepcopy

    from docx.oxml.ns import qn

    tbl = table._tbl
    grid = tbl.tblGrid
    grid.insert(3, deepcopy(grid.gridCol_lst[2]))
    rows = tbl.tr_lst
    group = rows[0].tc_lst[0]
    span = group.get_or_add_tcPr().find(qn("w:gridSpan"))
    span.set(qn("w:val"), str(int(span.get(qn("w:val"))) + 1))
    # A third header row: the new title continues down (vMerge), the rest empty.
    titles = rows[1]
    new_title = deepcopy(titles.tc_lst[2])
    titles.insert(titles.index(titles.tc_lst[2]) + 1, new_title)
    for p in new_title.findall(qn("w:p"))[1:]:
        new_title.remove(p)
    new_title.findall(qn("w:p"))[0].clear()
    from docx.table import _Cell

    cell = _Cell(new_title, table)
    cell.paragraphs[0].add_run(title)
    cell._tc.get_or_add_tcPr().append(_vmerge("restart"))
    third = deepcopy(titles)
    titles.addnext(third)
    for tc in third.tc_lst:
        for p in tc.findall(qn("w:p")):
            for r in p.findall(qn("w:r")):
                p.remove(r)
    third.tc_lst[3].get_or_add_tcPr().append(_vmerge(None))
    mark_header(_Row(third))
    for tr, value in zip(rows[2:], values, strict=True):
        new = deepcopy(tr.tc_lst[2])
        tr.insert(tr.index(tr.tc_lst[2]) + 1, new)
        _Cell(new, table).paragraphs[0].text = value


class _Row:
    def __init__(self, tr: object):
        self._tr = tr


def _vmerge(value: str | None) -> object:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    el = OxmlElement("w:vMerge")
    if value:
        el.set(qn("w:val"), value)
    return el


def test_datum_and_upprattad_av_written_as_paragraphs(written: Path) -> None:
    draft = import_docx(written).draft
    assert draft.answers["upprattad_av"] == "Karin Ek"
    assert draft.year == 2024  # from the tables' headers


def test_question_3_and_4_written_as_text_are_read_into_their_rows(written: Path) -> None:
    result = import_docx(written)
    draft = result.draft
    assert draft.get(CellPath("q3", "processledning", "beskrivning")) == "Anna 50 %, Bo 25 %"
    assert draft.get(CellPath("q3", "processledning", "totalt")) == "0,75"
    assert (
        draft.get(CellPath("q3", "stodhandlaggning", "beskrivning")) == "Cecilia, en fjärdedel av sin tid"
    )
    assert draft.get(CellPath("q4", "rsp", "namn")) == "Anna Al"
    assert draft.get(CellPath("q4", "rsp", "epost")) == "anna.al@regionvb.se"
    assert draft.get(CellPath("q4", "stodarenden", "namn")) == "Cecilia Ceder"
    assert draft.get(CellPath("q4", "stodarenden", "epost")) == "cecilia@regionvb.se"
    placed = {"Anna 50 %", "Totalt", "Cecilia", "Kontaktperson"}
    assert not [n for n in result.notes if any(p in n.text for p in placed)], result.notes


def test_places_are_said_in_words(written: Path) -> None:
    notes = {n.where: n.text for n in import_docx(written).notes}
    assert notes["efter Fråga 6"] == "En rad som inte hör till någon fråga."
    assert (
        notes['Fråga 1, tabellen, rad 2 ("Servicebidrag"), okänd kolumn "Egen not"']
        == "Vår egen anteckning"
    )
    assert notes['Område 1, insats 2, kolumn "Drivmedel"'] == "väntade X men fann: kanske"
    assert not [w for w in notes if "stycke" in w.lower() or "tabell " in w.lower()]


def test_an_extra_column_is_named_by_its_own_header(written: Path) -> None:
    notes = {n.where: n.text for n in import_docx(written).notes}
    assert notes['Område 1, insats 1, okänd kolumn "Ansvarig"'] == "Kommunen"
    assert notes['Område 1, insats 2, okänd kolumn "Ansvarig"'] == "Regionen"


def test_ja_is_a_mark(written: Path) -> None:
    draft = import_docx(written).draft
    area = draft.programme.omraden[0].id
    first, second = draft.items("insatser", area)
    assert first["serviceslag"] == ["Dagligvaror"]
    assert second["serviceslag"] == ["Ombud för posttjänst, betaltjänst eller apotek"]
    assert draft.get(CellPath("q1", "servicebidrag", "bedomning")) == "Ökar"
