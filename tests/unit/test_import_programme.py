"""Reading a report from its text never corrupts the programme: the programme comes from the
draft embedded in the document or from the region's programme known to rsp-tui, Mål cells are
matched to its goals by code, and codes it does not have are reported, not added."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.table import Table

from rsp_tui.drafts import Draft, new_draft
from rsp_tui.export import export_report
from rsp_tui.forms import FormDefinition, programme_for_region
from rsp_tui.forms.programme import Area, Goal, Programme
from rsp_tui.importer import import_docx

JH = "Jämtland Härjedalen"


def _known() -> Programme:
    programme = programme_for_region(JH)
    assert programme is not None
    return programme


def _goals(programme: Programme) -> list[tuple[str, str]]:
    return [(g.code, g.text) for g in programme.all_goals()]


def _insats_tables(document: DocxDocument) -> list[Table]:
    return [
        t
        for t in document.tables
        if len(t.columns) >= 10 and t.rows[1].cells[0].text.startswith("Planerade")
    ]


def _fill_blank_row(table: Table, planerade: str, mal: str) -> None:
    """Type into the table's empty row as a person would in Word."""
    row = table.rows[-1]
    row.cells[0].text = planerade
    row.cells[1].text = mal


def _export(form: FormDefinition, draft: Draft, path: Path, *, embed: bool) -> Path:
    export_report(form, draft, path, draft_mode=True, embed_draft=embed)
    return path


def test_blank_form_filled_in_by_hand_keeps_every_goal(form: FormDefinition, tmp_path: Path) -> None:
    """The blank exported form, filled in in Word: short forms of goals and a goal named by
    code only; every goal of the programme keeps its own text, every område its goals."""
    empty = new_draft(form, JH, 2023, _known())
    path = _export(form, empty, tmp_path / "blank.docx", embed=False)
    document = docx.Document(str(path))
    one, two, three = _insats_tables(document)
    _fill_blank_row(one, "Servicedialoger", "1.1 Ökad tillgänglighet\nAgenda 2030 mål 11")
    _fill_blank_row(two, "Rådgivning", "2.2")
    _fill_blank_row(three, "Nätverk", "3.1 samverkan\n3.3 Tjänstemän")
    document.save(str(path))

    result = import_docx(path)
    back = result.draft
    assert _goals(back.programme) == _goals(_known())
    assert [len(a.mal) for a in back.programme.omraden] == [3, 2, 3]
    (first,) = back.items("insatser", "o1")
    assert first["mal"] == {"codes": ["1.1"], "other": "Agenda 2030 mål 11"}
    assert back.items("insatser", "o2")[0]["mal"] == {"codes": ["2.2"], "other": ""}
    assert back.items("insatser", "o3")[0]["mal"] == {"codes": ["3.1", "3.3"], "other": ""}
    assert not [n for n in result.notes if "mål" in n.text.lower()], result.notes


def test_no_embed_export_comes_back_with_the_known_programme(
    form: FormDefinition, draft: Draft, tmp_path: Path
) -> None:
    draft.add_item("insatser", "o2", {"planerade": "Stöd", "mal": {"codes": ["2.1"], "other": ""}})
    result = import_docx(_export(form, draft, tmp_path / "utan.docx", embed=False))
    assert not result.exact
    assert result.draft.programme.model_dump() == draft.programme.model_dump()
    assert result.draft.items("insatser", "o2")[0]["mal"] == {"codes": ["2.1"], "other": ""}


def test_empty_draft_exported_without_embedding_keeps_all_goals(
    form: FormDefinition, draft: Draft, tmp_path: Path
) -> None:
    result = import_docx(_export(form, draft, tmp_path / "tom.docx", embed=False))
    assert len(result.draft.programme.all_goals()) == 8
    assert result.draft.programme.model_dump() == draft.programme.model_dump()


def test_unknown_code_is_a_warning_and_not_added(form: FormDefinition, tmp_path: Path) -> None:
    empty = new_draft(form, JH, 2023, _known())
    path = _export(form, empty, tmp_path / "okand.docx", embed=False)
    document = docx.Document(str(path))
    _fill_blank_row(_insats_tables(document)[0], "Ombud", "1.2\n9.9 Ett mål som inte finns")
    document.save(str(path))

    result = import_docx(path)
    assert result.draft.programme.goal("9.9") is None
    assert _goals(result.draft.programme) == _goals(_known())
    (item,) = result.draft.items("insatser", "o1")
    assert item["mal"] == {"codes": ["1.2"], "other": "9.9 Ett mål som inte finns"}
    (note,) = [n for n in result.notes if "9.9" in n.text]
    assert note.where.startswith("Område 1, tabell") and "rad 4" in note.where
    assert "finns inte i programmet" in note.text


def _custom(region: str) -> Programme:
    return Programme(
        region=region,
        omraden=[
            Area(number="1", title="Dagligvaror", mal=[Goal(code="1.1", text="Butiker kvar")]),
            Area(number="2", title="Drivmedel", mal=[Goal(code="2.1", text="Pumpar i länet")]),
        ],
    )


def test_document_edited_after_export_uses_its_embedded_programme(
    form: FormDefinition, tmp_path: Path
) -> None:
    """A region rsp-tui has no programme for: the document's embedded draft still holds it,
    also when the document was changed in Word (and so is read from its text)."""
    draft = new_draft(form, "Örebro län", 2024, _custom("Örebro län"))
    path = _export(form, draft, tmp_path / "orebro.docx", embed=True)
    document = docx.Document(str(path))
    _fill_blank_row(_insats_tables(document)[1], "Ny insats", "2.1 pumpar")
    document.save(str(path))

    result = import_docx(path)
    assert not result.exact
    assert result.draft.programme.model_dump() == draft.programme.model_dump()
    (item,) = result.draft.items("insatser", "o2")
    assert item["mal"] == {"codes": ["2.1"], "other": ""}


def test_unknown_programme_without_embedding_is_said(form: FormDefinition, tmp_path: Path) -> None:
    """Neither the document nor rsp-tui has the programme: what the text shows is used, and
    the user is told how to put the real programme in."""
    draft = new_draft(form, "Örebro län", 2024, _custom("Örebro län"))
    result = import_docx(_export(form, draft, tmp_path / "x.docx", embed=False))
    (note,) = [n for n in result.notes if n.where == "Programmet"]
    assert "rsp-tui programme import" in note.text
    assert [a.number for a in result.draft.programme.omraden] == ["1", "2"]


def test_a_programme_given_on_the_command_line_is_used(
    form: FormDefinition, tmp_path: Path, capsys: object
) -> None:
    """`rsp-tui import X.docx --programme P`: the region's programme from a file of its own."""
    from rsp_tui.cli import main
    from rsp_tui.drafts import load_draft
    from rsp_tui.forms.programme_file import write_programme

    programme = _custom("Örebro län")
    draft = new_draft(form, "Örebro län", 2024, programme)
    path = _export(form, draft, tmp_path / "x.docx", embed=False)
    document = docx.Document(str(path))
    _fill_blank_row(_insats_tables(document)[0], "Butiker", "1.1 butiker\n2.1")
    document.save(str(path))
    shared = tmp_path / "program.toml"
    write_programme(programme, shared)
    out = tmp_path / "tillbaka.toml"
    assert main(["import", str(path), "--programme", str(shared), "-o", str(out)]) == 0
    back = load_draft(out).draft
    assert back.programme.model_dump() == draft.programme.model_dump()
    (item,) = back.items("insatser", "o1")
    assert item["mal"] == {"codes": ["1.1", "2.1"], "other": ""}
