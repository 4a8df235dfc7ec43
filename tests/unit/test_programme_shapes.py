"""Every programme shape through the commands: `new --programme`, `check`, `export`, `import`,
sharing with `programme export` / `programme import`, and rollover to a new programme."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from rsp_tui.cli import main
from rsp_tui.drafts import load_draft, save_draft
from rsp_tui.drafts.programme_change import replace_programme
from rsp_tui.export import export_report
from rsp_tui.forms import FormDefinition, programme_for_region
from rsp_tui.forms.programme import WHOLE_ID
from rsp_tui.forms.programme_file import programme_toml, read_programme
from rsp_tui.importer import import_docx
from rsp_tui.rollover import rollover
from rsp_tui.validation import validate

OSTERGOTLAND = """Regionalt serviceprogram för Östergötland 2023–2030
Mål
Alla invånare har tillgång till dagligvaror, drivmedel och ombudstjänster inom 20 km.
Alla 13 kommuner har en aktuell kommunal serviceplan.
"""
GOAL_1 = "Alla invånare har tillgång till dagligvaror, drivmedel och ombudstjänster inom 20 km."


@pytest.fixture
def ost(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    outline = tmp_path / "program.txt"
    outline.write_text(OSTERGOTLAND, encoding="utf-8")
    out = tmp_path / "ost.toml"
    args = ["new", "--region", "Östergötland", "--year", "2024", "--programme", str(outline)]
    assert main([*args, "-o", str(out)]) == 0
    capsys.readouterr()
    return out


def test_new_with_an_outline_gives_a_goals_only_programme(ost: Path) -> None:
    draft = load_draft(ost).draft
    programme = draft.programme
    assert programme.period == "2023–2030"
    assert [a.id for a in programme.omraden] == [WHOLE_ID]
    assert [g.text for g in programme.all_goals()] == [
        GOAL_1,
        "Alla 13 kommuner har en aktuell kommunal serviceplan.",
    ]


def test_goals_only_programme_through_check_export_and_import(
    ost: Path, tmp_path: Path, form: FormDefinition
) -> None:
    loaded = load_draft(ost)
    draft = loaded.draft
    draft.add_item(
        "insatser", WHOLE_ID, {"planerade": "Butiksstöd", "mal": {"codes": [GOAL_1], "other": ""}}
    )
    save_draft(draft, ost)
    report = validate(form, draft, final=True)
    assert not [p for p in report.errors if "mål" in p.message or "område" in p.message]

    out = export_report(form, draft, tmp_path / "ost.docx", draft_mode=True, embed_draft=False)
    document = docx.Document(str(out.path))
    texts = [p.text for p in document.paragraphs]
    assert "Programmets mål" in texts
    assert not any(t.startswith("Prioriterat område") for t in texts)
    cells = {c.text for t in document.tables for r in t.rows for c in r.cells}
    assert GOAL_1 in cells

    # read from its text: Östergötland's programme is not known to rsp-tui, and not embedded
    back = import_docx(out.path).draft
    (item,) = back.items("insatser", WHOLE_ID)
    assert item["planerade"] == "Butiksstöd"
    assert back.programme.whole() is not None

    embedded = export_report(form, draft, tmp_path / "inb.docx", draft_mode=True)
    document = docx.Document(str(embedded.path))
    document.add_paragraph("Tillagt i Word.")
    document.save(str(embedded.path))
    result = import_docx(embedded.path)
    assert not result.exact
    assert result.draft.programme.model_dump() == draft.programme.model_dump()
    (item,) = result.draft.items("insatser", WHOLE_ID)
    assert item["mal"] == {"codes": [GOAL_1], "other": ""}


def test_programme_export_and_import_share_it(
    ost: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shared = tmp_path / "delat.toml"
    assert main(["programme", "export", str(ost), "-o", str(shared)]) == 0
    assert main(["programme", "export", str(ost), "-o", str(shared)]) == 2  # never overwritten
    assert "finns redan" in capsys.readouterr().err
    text = shared.read_text(encoding="utf-8")
    assert "first_year = 2023" in text and "mal = [" in text and "[[omraden]]" not in text
    assert read_programme(shared).programme == load_draft(ost).draft.programme

    colleague = tmp_path / "kollega.toml"
    assert main(["new", "--region", "Östergötland", "--year", "2025", "-o", str(colleague)]) == 0
    assert load_draft(colleague).draft.programme.omraden == []
    assert main(["programme", "import", str(shared), str(colleague)]) == 0
    assert load_draft(colleague).draft.programme == load_draft(ost).draft.programme


def test_the_shipped_programme_file_round_trips(tmp_path: Path) -> None:
    known = programme_for_region("Jämtland Härjedalen")
    assert known is not None
    path = tmp_path / "jh.toml"
    path.write_text(programme_toml(known), encoding="utf-8")
    assert read_programme(path).programme == known


def test_new_with_a_word_document_and_a_bad_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = docx.Document()
    doc.add_paragraph("Prioriterade områden", style="Heading 1")
    for n in range(1, 6):
        doc.add_paragraph(f"Område nummer {n}", style="Heading 2")
        doc.add_paragraph(f"Mål för område {n}", style="List Bullet")
    word = tmp_path / "program.docx"
    doc.save(str(word))
    out = tmp_path / "orebro.toml"
    args = ["new", "--region", "Örebro län", "--year", "2024", "-o", str(out)]
    assert main([*args, "--programme", str(word)]) == 0
    programme = load_draft(out).draft.programme
    assert [a.number for a in programme.omraden] == ["1", "2", "3", "4", "5"]
    assert [len(a.mal) for a in programme.omraden] == [1] * 5

    empty = tmp_path / "tom.txt"
    empty.write_text("\n\n", encoding="utf-8")
    other = tmp_path / "annan.toml"
    capsys.readouterr()
    assert main([*args[:-1], str(other), "--programme", str(empty)]) == 2
    err = capsys.readouterr().err
    assert "tom.txt" in err and "inga prioriterade områden eller mål" in err
    assert not other.exists()


def test_importing_a_programme_keeps_every_insats(
    form: FormDefinition, draft: object, tmp_path: Path
) -> None:
    """A new programme into a draft with insatser: they follow their område by number; goals
    the new programme lacks move to the other goals' text; an old område with insatser stays."""
    from rsp_tui.drafts import Draft

    assert isinstance(draft, Draft)
    draft.add_item("insatser", "o1", {"planerade": "A", "mal": {"codes": ["1.1", "1.3"]}})
    draft.add_item("insatser", "o3", {"planerade": "C", "mal": {"codes": ["3.1"], "other": "x"}})
    outline = _text(tmp_path, "1 Tillgänglighet\n1.1 Service kvar\n2 Stöd\n")
    new = read_programme(outline).programme
    change = replace_programme(form, draft, new)
    (one,) = draft.items("insatser", "o1")
    assert one["mal"]["codes"] == ["1.1"]
    assert one["mal"]["other"].startswith("1.3 Ökad samverkan gällande krisberedskap")
    assert [a.title for a in draft.programme.omraden] == [
        "Tillgänglighet",
        "Stöd",
        "Stärka samordningen mellan offentliga intressenter",
    ]
    (three,) = draft.items("insatser", "o3")
    assert three["mal"] == {"codes": ["3.1"], "other": "x"}
    lines = change.lines()
    assert any("Område 3." in line and "ligger kvar" in line for line in lines)
    assert any("målet 1.3" in line for line in lines)


def _text(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "nytt.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_rollover_to_a_new_programme(
    form: FormDefinition, draft: object, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from rsp_tui.drafts import Draft

    assert isinstance(draft, Draft)
    draft.add_item(
        "insatser",
        "o1",
        {"planerade": "Dialoger", "mal": {"codes": ["1.1", "1.2"]}, "status": "Fortsätter"},
    )
    new = read_programme(_text(tmp_path, "1 Service\n1.1 Kvar\n1.4 Nytt\n")).programme
    result = rollover(form, draft, 2024, new)
    (item,) = result.draft.items("insatser", "o1")
    assert item["mal"]["codes"] == ["1.1"]
    assert "1.2 Öka allmänhetens medvetenhet" in item["mal"]["other"]
    assert any("målet 1.2" in line for line in result.summary())

    old = tmp_path / "2023.toml"
    save_draft(draft, old)
    outline = _text(tmp_path, "1 Service\n1.1 Kvar\n")
    out = tmp_path / "2024.toml"
    code = main(["rollover", str(old), "--programme", str(outline), "-o", str(out)])
    assert code == 0
    assert "Det nya programmet:" in capsys.readouterr().err
    assert [g.code for g in load_draft(out).draft.programme.all_goals()] == ["1.1"]


def test_goals_without_codes_are_checked_by_their_text(form: FormDefinition) -> None:
    from rsp_tui.drafts import new_draft
    from rsp_tui.forms.programme import Area, Goal, Programme

    programme = Programme(
        omraden=[
            Area(id=WHOLE_ID, number="", title="", mal=[Goal(text="Service nära"), Goal(text="")]),
            Area(number="1", title="Butiker", mal=[Goal(text="Service nära")]),
        ]
    )
    draft = new_draft(form, "Östergötland", 2024, programme)
    draft.add_item("insatser", WHOLE_ID, {"mal": {"codes": ["Service nära", "Okänt mål"]}})
    messages = {p.message for p in validate(form, draft, final=False).errors}
    assert "ett mål saknar text" in messages
    assert "målet förekommer två gånger" in messages
    assert "målet Okänt mål finns inte i programmet" in messages
    assert not any("saknar nummer" in m or "saknar rubrik" in m for m in messages)
