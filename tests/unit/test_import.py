"""Import of reports in the official Word layout, filled in by hand (built here with
python-docx, with the irregularities real documents have)."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from rsp_tui.cli import main
from rsp_tui.drafts import load_draft
from rsp_tui.drafts.paths import CellPath, RowNamePath
from rsp_tui.forms import FormDefinition
from rsp_tui.forms.schema import MarksField, RowsQuestion
from rsp_tui.importer import ImportFailed, import_docx
from tests.narrow import of_kind
from tests.unit.handmade import (
    boxed_answers_report,
    fill_row,
    insats_table,
    jamtland_report,
    merge_right,
    strip_payload,
)


@pytest.fixture
def report(tmp_path: Path) -> Path:
    return jamtland_report(tmp_path / "rapport.docx")


def test_question_tables_are_found_by_row_labels_in_any_order(report: Path) -> None:
    draft = import_docx(report).draft
    assert draft.region == "Jämtland Härjedalen" and draft.year == 2023
    q1 = draft.answers["q1"]
    assert q1["servicebidrag"] == {
        "bedomning": "Ökar",
        "kommentar": "Fler butiker söker.\nBudgeten räcker inte.",
    }
    assert q1["drivmedel"] == {"bedomning": "Oförändrat"}  # wrapped label, header "Oför ändr"
    assert q1["dagligvarubutiker"] == {"bedomning": "Minskar", "kommentar": "Stabilt"}
    assert draft.get(CellPath("q3", "processledning", "beskrivning")) == "Anna 50 %, Bo 25 %"
    assert draft.get(CellPath("q3", "processledning", "totalt")) == "0,75"
    assert draft.get(CellPath("q4", "stodarenden", "epost")) == "cecilia@regionjh.se\nstod@regionjh.se"
    assert draft.answers["q6"].get("kommuner") == {
        "beskriv": "Träffar varje kvartal.",
        "steg": "Samtal via kommunerna",
        "utmaningar": "Tid",
    }
    assert draft.get(RowNamePath("q6", "annan")) == "Energikontoret"


def test_free_text_answers_and_report_fields(report: Path) -> None:
    draft = import_docx(report).draft
    assert draft.answers["q2"] == "Fler obemannade butiker.\n\nOmbud flyttar in i butiker."
    assert "q5" not in draft.answers
    assert draft.answers["datum"] == "2024-01-25"
    assert draft.answers["upprattad_av"] == "Karin Ek"


def test_the_regions_known_programme_is_used_not_the_goal_cells(report: Path) -> None:
    """Jämtland Härjedalen's programme is known: all its områden and eight goals come back
    whole, although the document names only four goals and shows only two områden."""
    from rsp_tui.forms import programme_for_region

    programme = import_docx(report).draft.programme
    known = programme_for_region("Jämtland Härjedalen")
    assert known is not None
    assert [(a.number, a.title) for a in programme.omraden] == [
        (a.number, a.title) for a in known.omraden
    ]
    assert [(g.code, g.text) for g in programme.all_goals()] == [
        (g.code, g.text) for g in known.all_goals()
    ]


def test_insatser_with_marks_goals_and_status(report: Path) -> None:
    draft = import_docx(report).draft
    first, second = draft.items("insatser", "o1")
    assert first["planerade"] == "Servicedialoger\nI alla kommuner"
    assert first["mal"] == {"codes": ["1.2"], "other": ""}
    assert first["serviceslag"] == ["Dagligvaror", "Bredare sammanhang"]
    assert (first["status"], first["vidare"]) == ("Fortsätter", "Fler kommuner")
    assert second["mal"] == {"codes": ["1.3"], "other": "Agenda 2030 mål 11"}
    assert second["status"] == "Klar" and "serviceslag" not in second
    (third,) = draft.items("insatser", "o2")
    assert third["serviceslag"] == [
        "Dagligvaror",
        "Drivmedel",
        "Ombud för posttjänst, betaltjänst eller apotek",
    ]


def test_what_cannot_be_placed_is_listed(report: Path) -> None:
    notes = [n.describe() for n in import_docx(report).notes]
    assert any("Ett stycke som inte hör till formuläret." in n for n in notes)
    assert any("olika år i rubrikerna (2023 och 2022)" in n for n in notes)


def test_extra_unknown_column_is_listed_not_dropped(tmp_path: Path) -> None:
    result = import_docx(jamtland_report(tmp_path / "r.docx", extra_column=True))
    assert any(
        'okänd kolumn "Budget"' in n.where and n.text == "Budget 300 tkr" for n in result.notes
    )
    assert result.draft.items("insatser", "o2")[0]["prestationer"] == "12 besök"


def test_long_tables_over_several_pages(tmp_path: Path) -> None:
    draft = import_docx(jamtland_report(tmp_path / "r.docx", many_rows=60)).draft
    items = draft.items("insatser", "o1")
    assert len(items) == 62
    assert items[-1]["prestationer"] == "Prestation 59"


def test_table_split_with_repeated_header_rows(tmp_path: Path) -> None:
    """A table continued after a page break as a second table that repeats the headers."""
    path = tmp_path / "delad.docx"
    doc = docx.Document()
    doc.add_paragraph("Region: Gotland")
    doc.add_paragraph("Prioriterat område 1. Service i hela länet")
    row = ["Insats A", "1.1 Mål ett", "Regionen", "", "", "", "x", "", "", "Fortsätter", ""]
    insats_table(doc, 2024, [row])
    doc.add_paragraph("")
    insats_table(doc, 2024, [["Insats B", *row[1:]]])
    doc.save(str(path))
    draft = import_docx(path).draft
    assert [i["planerade"] for i in draft.items("insatser", "o1")] == ["Insats A", "Insats B"]
    assert draft.region == "Gotland" and draft.year == 2024


def test_merged_cells_and_three_header_rows(tmp_path: Path) -> None:
    """Serviceslag as a parent header over four sub-columns in a third header row, other
    titles merged vertically; a data cell merged across two columns."""
    path = tmp_path / "tre.docx"
    doc = docx.Document()
    doc.add_paragraph("Prioriterat område 3. Samordning")
    table = doc.add_table(rows=3, cols=11)
    top, mid, low = table.rows
    for start, end, text in [
        (0, 6, "Handlingsplan för verksamhetsår 2025"),
        (7, 8, "Uppföljning av verksamhetsår 2025"),
        (9, 10, "Till nästa år, 2026"),
    ]:
        merge_right(top, start, end).text = text
    titles = ["Planerade insatser", "Mål", "Resurser"]
    for c, t in enumerate(titles):
        mid.cells[c].merge(low.cells[c]).text = t
    merge_right(mid, 3, 6).text = "Huvudsakligt serviceslag\nMarkera med X."
    for c, t in enumerate(
        [
            "Dagligvaror",
            "Drivmedel",
            "Ombud för posttjänst, betaltjänst eller apotek",
            "Bredare sammanhang",
        ],
        start=3,
    ):
        low.cells[c].text = t
    for c, t in [
        (7, "Resultat i form av prestationer"),
        (8, "Resultat/förväntade resultat i form av effekter på kort, medellång och lång sikt"),
        (9, "Status"),
        (10, "Vad tar vi med oss?"),
    ]:
        mid.cells[c].merge(low.cells[c]).text = t
    data = table.add_row()
    fill_row(
        data,
        [
            "Nätverk",
            "3.1 Ökad samverkan",
            "Lst",
            "",
            "",
            "",
            "X",
            "Fyra möten",
            "",
            "fortsätter",
            "Mer",
        ],
    )
    merge_right(data, 7, 8)
    doc.save(str(path))
    draft = import_docx(path).draft
    (item,) = draft.items("insatser", "o3")
    assert item["serviceslag"] == ["Bredare sammanhang"]
    assert item["prestationer"] == "Fyra möten"
    assert "effekter" not in item
    assert item["status"] == "Fortsätter"
    assert draft.year == 2025


def test_cli_import_writes_a_draft_and_lists_notes(
    report: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "importerad.toml"
    assert main(["import", str(report), "-o", str(out)]) == 0
    captured = capsys.readouterr()
    assert captured.out.strip() == str(out)
    assert "Ett stycke som inte hör till formuläret." in captured.err
    assert load_draft(out).draft.answers["q2"].startswith("Fler obemannade")


def test_not_a_word_document(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "rapport.doc"
    bad.write_bytes(b"\xd0\xcf\x11\xe0 old word")
    with pytest.raises(ImportFailed, match="spara om den som .docx"):
        import_docx(bad)
    assert main(["import", str(bad)]) == 2
    assert "inte ett Word-dokument" in capsys.readouterr().err


def test_answers_in_one_cell_boxes_and_a_datum_table(tmp_path: Path) -> None:
    result = import_docx(boxed_answers_report(tmp_path / "rutor.docx"))
    draft = result.draft
    assert (draft.region, draft.year) == ("Gävleborg", 2024)
    assert draft.answers["datum"] == "2025-01-20"
    assert draft.answers["upprattad_av"] == "Eva Ek\nRegionens serviceenhet"
    # the box's blank lines at the ends go, the ones inside stay
    assert draft.answers["q2"] == (
        "Region: Gävleborg ser fler ombud.\n\nDatum för nästa möte är satt."
    )
    # Gävleborg's programme is not known: the only note says so (and how to add it)
    assert [n.where for n in result.notes] == ["Programmet"]
    assert "rsp-tui programme import" in result.notes[0].text


def test_text_that_looks_like_the_form_inside_answers_is_answer_text(tmp_path: Path) -> None:
    """"Region: …", a label such as Status or Datum, a sentence that begins like a heading,
    a comment that begins "Planerade insatser", a result that begins "Status": all are the
    region's own words where they stand."""
    draft = import_docx(boxed_answers_report(tmp_path / "rutor.docx")).draft
    assert draft.answers["q5"] == "Status\nHandlingsplan för verksamhetsår 2024 följdes.\nDatum"
    assert draft.get(CellPath("q6", "kommuner", "beskriv")) == "Planerade insatser i varje kommun"
    (item,) = draft.items("insatser", "o1")
    assert item["planerade"] == "Ombud" and item["prestationer"] == "Status: pågår"


def test_goals_named_before_their_omrade_and_codes_without_text(tmp_path: Path) -> None:
    draft = import_docx(boxed_answers_report(tmp_path / "rutor.docx")).draft
    one, two = draft.programme.omraden
    assert (two.number, two.title) == ("2", "")  # a heading without a title
    assert [(g.code, g.text) for g in one.mal] == [("1.1", "")]
    assert [(g.code, g.text) for g in two.mal] == [("2.1", "Mål i område två")]
    (item,) = draft.items("insatser", one.id)
    assert item["mal"] == {"codes": ["2.1", "1.1"], "other": "Agenda 2030\n\nmål 11"}
    assert draft.items("insatser", two.id)[0]["mal"] == {"codes": ["2.1"], "other": ""}


def test_datum_and_upprattad_av_as_label_and_value_rows(tmp_path: Path) -> None:
    path = tmp_path / "lodrat.docx"
    doc = docx.Document()
    doc.add_paragraph("Region: Kronoberg")
    meta = doc.add_table(rows=2, cols=2)
    fill_row(meta.rows[0], ["Datum", "2025-01-31"])
    fill_row(meta.rows[1], ["Upprättad av", "Olle Ros"])
    doc.save(str(path))
    draft = import_docx(path).draft
    assert (draft.answers["datum"], draft.answers["upprattad_av"]) == ("2025-01-31", "Olle Ros")


def test_the_exporters_own_three_header_rows_with_abbreviated_options(
    form: FormDefinition, tmp_path: Path
) -> None:
    """The exported layout read from its text alone: group row, titles merged down over the
    options row, the serviceslag options abbreviated in narrow columns (explained in a legend
    line, which is the form's own text, not an answer), X in the chosen ones."""
    from docx.oxml.ns import qn

    from rsp_tui.drafts import new_draft
    from rsp_tui.export import export_report
    from rsp_tui.forms import programme_for_region

    draft = new_draft(form, "Jämtland Härjedalen", 2026, programme_for_region("Jämtland Härjedalen"))
    draft.add_item(
        "insatser",
        "o2",
        {
            "planerade": "Rådgivning",
            "mal": {"codes": ["2.2"], "other": ""},
            "serviceslag": ["Drivmedel", "Bredare sammanhang"],
            "status": "Klar",
        },
    )
    out = tmp_path / "export.docx"
    export_report(form, draft, out, draft_mode=True)
    strip_payload(out)
    table = docx.Document(str(out)).tables[-2]  # område 2 of 3
    rows_question = of_kind(form.sections[-1].questions[0], RowsQuestion)
    marks = next(f for f in rows_question.fields if isinstance(f, MarksField))
    assert [c.text for c in table.rows[2].cells[3:7]] == marks.short_options
    assert table._tbl.find(".//" + qn("w:textDirection")) is None
    result = import_docx(out)
    assert not result.exact
    assert result.notes == []
    back = result.draft
    assert back.year == 2026
    (item,) = back.items("insatser", "o2")
    assert item["serviceslag"] == ["Drivmedel", "Bredare sammanhang"]
    assert (item["planerade"], item["status"], item["mal"]["codes"]) == ("Rådgivning", "Klar", ["2.2"])
    assert back.items("insatser", "o1") == [] and back.items("insatser", "o3") == []
