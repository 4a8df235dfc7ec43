"""The national summary (`rsp-tui summary`) over 21 generated reports with known values
(tests/summarygen.py): counts and sums, the CSV from drafts and from their Word files, duplicates,
missing regions, mixed years, one region's years, a hand-filled document and unreadable files."""

from __future__ import annotations

import csv
import io
import shutil
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import docx
import pytest

from rsp_tui.cli import main
from rsp_tui.drafts import load_draft, save_draft
from rsp_tui.forms import load_form, region_names
from rsp_tui.forms.schema import ChoiceField, RowsQuestion, TableQuestion
from rsp_tui.summary import collect, make_summary, plan
from rsp_tui.summary.charts import Drawer, choice_chart, legend_order
from rsp_tui.summary.csvout import COLUMNS, csv_bytes
from rsp_tui.summary.figures import (
    NOT_ANSWERED,
    NOT_GIVEN,
    OTHER,
    ChoiceCounts,
    choice_counts,
    decimal_sums,
    insats_counts,
)
from rsp_tui.summary.intake import MARKED, READ_DRAFT, READ_EXACT, READ_TEXT
from tests.narrow import of_kind
from tests.summarygen import Expected, report, write_reports
from tests.unit.handmade import jamtland_report

FORM = load_form()
YEAR = 2023
WORD_FILES = 7


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Expected]:
    """21 draft files, and the first seven of the same reports exported to Word (made once per
    module: exporting takes a while)."""
    base = tmp_path_factory.mktemp("summary")
    _, expected = write_reports(base / "toml", year=YEAR)
    write_reports(base / "docx", year=YEAR, docx=True, regions=region_names()[:WORD_FILES])
    return base / "toml", base / "docx", expected


def _text(path: Path) -> str:
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" | ".join(c.text for c in row.cells))
    return "\n".join(parts)


def test_counts_and_sums_match_the_generated_values(generated: tuple[Path, Path, Expected]) -> None:
    toml, _, expected = generated
    intake = collect([toml])
    drafts = [e.draft for e in intake.used(YEAR) if e.draft is not None]
    assert len(drafts) == 21 and intake.missing(YEAR) == []
    q1 = FORM.question("q1")
    assert isinstance(q1, TableQuestion)
    counts = choice_counts(q1, drafts)
    assert counts is not None
    for row_id, wanted in expected.q1.items():
        got = {k: v for k, v in counts.counts[row_id].items() if v}
        assert got == {(k or NOT_ANSWERED): v for k, v in wanted.items()}
    q6 = FORM.question("q6")
    assert isinstance(q6, TableQuestion)
    steps = choice_counts(q6, drafts)
    assert steps is not None
    for row_id, wanted in expected.q6.items():
        options = of_kind(q6.columns[1], ChoiceField).options
        folded: dict[str, int] = {}
        for k, v in wanted.items():
            key = NOT_ANSWERED if not k else k if k in options else OTHER
            folded[key] = folded.get(key, 0) + v
        assert {k: v for k, v in steps.counts[row_id].items() if v} == folded
    q3 = FORM.question("q3")
    assert isinstance(q3, TableQuestion)
    sums = decimal_sums(q3, drafts)
    assert sums is not None
    assert sums.row_sums == expected.q3
    assert sums.total == sum(expected.q3.values(), Decimal(0))
    rows_q = FORM.question("insatser")
    assert isinstance(rows_q, RowsQuestion)
    status: dict[str, int] = {}
    marks: dict[str, int] = {}
    for d in drafts:
        total = insats_counts(rows_q, d).total()
        assert total.insatser == expected.insatser[d.region]
        for k, v in total.status.items():
            status[k] = status.get(k, 0) + v
        for k, v in total.marks.items():
            marks[k] = marks.get(k, 0) + v
    assert {k: v for k, v in status.items() if v} == {
        (k or NOT_GIVEN): v for k, v in expected.status.items()
    }
    assert {k: v for k, v in marks.items() if v} == {
        (k or NOT_GIVEN): v for k, v in expected.marks.items()
    }


def test_document_has_every_part_with_sums_chart_and_alt_text(
    generated: tuple[Path, Path, Expected], tmp_path: Path
) -> None:
    toml, _, expected = generated
    out = tmp_path / "sammanstallning.docx"
    result = make_summary([toml], out, insatser=True)
    assert result.documents == [out] and result.charts == 2
    text = _text(out)
    assert "Alla 21 regioner har lämnat rapport." in text
    for heading in ("Inkomna rapporter", "1. Hur bedömer", "2. Har ni", "5. Beskriv", "Del B"):
        assert heading in text
    total = sum(expected.q3.values(), Decimal(0))
    summa = next(line for line in text.splitlines() if line.startswith("Summa årsarbetskrafter"))
    assert summa.split(" | ")[-1] == str(total).replace(".", ",")
    assert "p3.rsp@region3.se" in text  # contacts included by default
    assert "Insats 1 i område 1, Sörmland" in text  # --insatser lists names
    document = docx.Document(str(out))
    described = [
        el.get("descr") for el in document.element.body.iter("{*}docPr") if el.get("descr")
    ]
    assert len(described) == 2
    assert described[0].startswith("Stapeldiagram: Fråga 1")
    assert "Servicebidrag: Minskar" in described[0]
    landscape = [s for s in document.sections if (s.page_width or 0) > (s.page_height or 0)]
    assert landscape, "wide tables are on landscape pages"


def test_no_contacts_leaves_them_out_and_says_so(
    generated: tuple[Path, Path, Expected], tmp_path: Path
) -> None:
    toml, _, _ = generated
    out, table = tmp_path / "s.docx", tmp_path / "s.csv"
    make_summary([toml], out, csv=table, no_contacts=True)
    text = _text(out)
    assert "@region" not in text and "Person 3" not in text
    assert "Kontaktpersonerna är utelämnade" in text
    assert "@region" not in table.read_text(encoding="utf-8-sig")


def test_csv_is_the_same_from_drafts_and_from_their_word_files(
    generated: tuple[Path, Path, Expected],
) -> None:
    toml, word, expected = generated
    from_drafts = collect(sorted(toml.glob("*.toml"))[:WORD_FILES])
    from_word = collect([word])
    assert {e.how for e in from_drafts.entries} == {READ_DRAFT}
    assert {e.how for e in from_word.entries} == {READ_EXACT}
    # Every generated report leaves something blank, so each was exported with --draft.
    assert {e.status for e in from_word.entries} == {MARKED}
    assert {e.status for e in from_drafts.entries} == {"Utkast"}
    a = csv_bytes(FORM, from_drafts, None, no_contacts=False)
    b = csv_bytes(FORM, from_word, None, no_contacts=False)
    assert a == b
    assert a.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(a.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == COLUMNS
    regions = region_names()[:WORD_FILES]
    assert [r[0] for r in rows[1:]] == sorted((r[0] for r in rows[1:]), key=regions.index), (
        "regions in the list's order"
    )
    assert {r[0] for r in rows[1:]} == set(regions)
    q3 = [r for r in rows if r[2] == "q3" and r[4] == "totalt"]
    assert len(q3) == 2 * WORD_FILES
    assert all("," in r[5] for r in q3)  # decimal comma
    insats_rows = {(r[0], r[3]) for r in rows if r[2] == "insatser"}
    assert len(insats_rows) == sum(expected.insatser[r] for r in regions)
    everything = csv_bytes(FORM, collect([toml]), None, no_contacts=False).decode("utf-8-sig")
    all_q3 = [r for r in csv.reader(io.StringIO(everything), delimiter=";") if r[4] == "totalt"]
    total = sum(Decimal(r[5].replace(",", ".")) for r in all_q3)
    assert total == sum(expected.q3.values(), Decimal(0))


def test_same_region_and_year_twice_uses_the_newest(
    generated: tuple[Path, Path, Expected], tmp_path: Path
) -> None:
    toml, _, _ = generated
    older = load_draft(toml / "r05-2023.toml").draft
    older.updated = older.updated - timedelta(days=3)
    older.answers["q5"] = "Den gamla versionen."
    save_draft(older, tmp_path / "kronoberg-gammal.toml", touch=False)
    intake = collect([toml, tmp_path / "kronoberg-gammal.toml"])
    old = next(e for e in intake.entries if e.path.name == "kronoberg-gammal.toml")
    assert old.superseded_by == toml / "r05-2023.toml"
    assert len(intake.used(YEAR)) == 21
    out = tmp_path / "s.docx"
    result = make_summary([], out, intake=intake)
    assert any("kronoberg-gammal.toml: används inte" in n for n in result.notes)
    text = _text(out)
    assert "Den gamla versionen." not in text
    assert "en nyare rapport för samma region och år finns i r05-2023.toml" in text


def test_missing_regions_are_listed(generated: tuple[Path, Path, Expected], tmp_path: Path) -> None:
    toml, _, _ = generated
    inputs = sorted(toml.glob("*.toml"))[3:]
    out = tmp_path / "s.docx"
    result = make_summary(inputs, out)
    missing = region_names()[:3]
    assert f"Rapport saknas från 3 av 21 regioner: {', '.join(missing)}." in _text(out)
    assert any(", ".join(missing) in n for n in result.notes)


def test_mixed_years_give_one_summary_per_year_or_the_year_asked_for(
    generated: tuple[Path, Path, Expected], tmp_path: Path
) -> None:
    toml, _, _ = generated
    later = tmp_path / "2024"
    write_reports(later, year=2024, regions=region_names()[:4])
    out = tmp_path / "s.docx"
    result = make_summary([toml, later], out)
    assert result.documents == [tmp_path / "s-2023.docx", tmp_path / "s-2024.docx"]
    assert "Rapport saknas från 17 av 21" in _text(tmp_path / "s-2024.docx")
    only = make_summary([toml, later], tmp_path / "bara.docx", year=2024)
    assert only.documents == [tmp_path / "bara.docx"]
    assert "verksamhetsår 2024" in _text(tmp_path / "bara.docx")


def test_one_region_over_several_years_is_compared_across_the_years(tmp_path: Path) -> None:
    region = region_names()[7]
    for year in (2022, 2023, 2024):
        draft = report(7 + (year == 2024), region, year)  # 2024 answers differently
        draft.region = region
        save_draft(draft, tmp_path / f"{year}.toml", touch=False)
    intake = collect([tmp_path])
    assert plan(intake, None) == [(None, region)]
    out = tmp_path / "jamforelse.docx"
    make_summary([], out, intake=intake)
    text = _text(out)
    assert f"{region}, 2022, 2023, 2024" in text
    assert "(oförändrat sedan 2022)" in text  # 2023 says what 2022 said
    document = docx.Document(str(out))
    bold = {
        run.text
        for table in document.tables
        for row in table.rows[1:]
        for c in row.cells[1:]
        for p in c.paragraphs
        for run in p.runs
        if run.bold
    }
    assert bold, "changes from the year before are marked"


def test_a_hand_filled_document_is_read_from_its_text(
    generated: tuple[Path, Path, Expected], tmp_path: Path
) -> None:
    toml, _, _ = generated
    others = [p for p in toml.glob("*.toml") if load_draft(p).draft.region != "Jämtland Härjedalen"]
    hand = jamtland_report(tmp_path / "jamtland.docx")
    intake = collect([*others, hand])
    entry = next(e for e in intake.entries if e.path == hand)
    assert entry.how == READ_TEXT and entry.region == "Jämtland Härjedalen" and entry.used
    assert len(intake.used(YEAR)) == 21
    table = csv_bytes(FORM, intake, None, no_contacts=False).decode("utf-8-sig")
    assert "Jämtland Härjedalen;2023;q1;servicebidrag;bedomning;Ökar;" in table
    assert "Jämtland Härjedalen;2023;q3;processledning;totalt;0,75;" in table
    out = tmp_path / "s.docx"
    make_summary([], out, intake=intake)
    assert f"| {READ_TEXT} |" in _text(out)


def test_a_word_file_edited_after_the_export_is_read_from_its_text(
    generated: tuple[Path, Path, Expected], tmp_path: Path
) -> None:
    """The untouched Word files are read exactly (the cheap way); the one changed after the
    export is read from its text, with the importer's note, and counted as it now reads."""
    _, word, _ = generated
    folder = tmp_path / "in"
    shutil.copytree(word, folder)
    edited = sorted(folder.glob("*.docx"))[2]
    document = docx.Document(str(edited))
    row = next(r for r in document.tables[1].rows if r.cells[0].text == "Servicebidrag")
    row.cells[-1].paragraphs[0].text = "Ändrat efter exporten."
    for extra in row.cells[-1].paragraphs[1:]:
        extra._p.getparent().remove(extra._p)
    document.save(str(edited))
    intake = collect([folder])
    assert [e.path for e in intake.entries] == sorted(folder.glob("*.docx"))
    entry = next(e for e in intake.entries if e.path == edited)
    assert entry.how == READ_TEXT and entry.used
    assert entry.notes[0].startswith("Dokumentet: har ändrats i Word")
    assert {e.how for e in intake.entries if e.path != edited} == {READ_EXACT}
    table = csv_bytes(FORM, intake, None, no_contacts=False).decode("utf-8-sig")
    assert f"{entry.region};2023;q1;servicebidrag;kommentar;Ändrat efter exporten." in table


def test_unreadable_files_are_listed_and_the_rest_summarised(
    generated: tuple[Path, Path, Expected], tmp_path: Path
) -> None:
    toml, _, _ = generated
    folder = tmp_path / "in"
    shutil.copytree(toml, folder)
    (folder / "trasig.docx").write_bytes(b"PK\x03\x04 inte ett dokument")
    (folder / "avkortad.toml").write_text('format = 1\nform_id = "rsp-uppfoljning"\n')
    (folder / "anteckning.txt").write_text("inte en rapport")  # not a report: skipped
    out, table = folder / "s.docx", tmp_path / "s.csv"  # saved among the reports
    status = main(["summary", str(folder), "-o", str(out), "--csv", str(table)])
    assert status == 0
    intake = collect([folder])  # read again: now with the summary in the folder
    bad = {e.path.name: e.error for e in intake.unreadable()}
    assert set(bad) == {"trasig.docx", "avkortad.toml", "s.docx"}
    assert "kontrollsumman" in bad["avkortad.toml"]
    assert bad["s.docx"] == "är en sammanställning, inte en regions rapport"
    assert len(intake.used(YEAR)) == 21
    text = _text(out)
    assert "Filer som inte kunde läsas" in text
    assert "trasig.docx" in text and "avkortad.toml" in text
    assert "Alla 21 regioner har lämnat rapport." in text


def test_command_line_refuses_a_year_without_reports(
    generated: tuple[Path, Path, Expected], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    toml, _, _ = generated
    out = tmp_path / "s.docx"
    assert main(["summary", str(toml), "-o", str(out), "--year", "2029"]) == 2
    assert "inga läsbara rapporter för 2029" in capsys.readouterr().err
    assert not out.exists()


def test_csv_never_hands_a_spreadsheet_a_formula(tmp_path: Path) -> None:
    draft = report(2, region_names()[2], YEAR)
    draft.answers["q2"] = '=HYPERLINK("http://example.invalid","klicka")'
    draft.answers["q5"] = "-tecken först"
    save_draft(draft, tmp_path / "r.toml", touch=False)
    rows = list(
        csv.reader(
            io.StringIO(
                csv_bytes(FORM, collect([tmp_path]), None, no_contacts=False).decode("utf-8-sig")
            ),
            delimiter=";",
        )
    )
    values = {r[2]: r[5] for r in rows if r[2] in ("q2", "q5")}
    assert values == {
        "q2": '\'=HYPERLINK("http://example.invalid","klicka")',
        "q5": "'-tecken först",
    }
    decimals = [r[5] for r in rows if r[4] == "totalt"]
    assert decimals and all(not v.startswith("'") for v in decimals)


def _chart_args() -> tuple[list[str], ChoiceCounts, list[str]]:
    q1 = FORM.question("q1")
    assert isinstance(q1, TableQuestion)
    drafts = [report(n, region, YEAR) for n, region in enumerate(region_names()[:5])]
    counts = choice_counts(q1, drafts)
    assert counts is not None
    return [r.label for r in q1.rows], counts, [r.id for r in q1.rows]


def test_charts_drawn_in_their_own_process_are_the_ones_drawn_here() -> None:
    args = _chart_args()
    drawer = Drawer.start()
    try:
        first, second = drawer.draw(*args), drawer.draw(*args)
        assert drawer._process is not None, "a process of its own where fork exists"
        assert first() == second() == choice_chart(*args)
    finally:
        drawer.close()
    assert drawer._process is None


def test_a_chart_is_drawn_here_when_its_process_is_gone() -> None:
    args = _chart_args()
    drawer = Drawer.start()
    try:
        assert drawer._process is not None
        drawer._process.kill()
        drawer._process.join()
        png = drawer.draw(*args)()
    finally:
        drawer.close()
    assert png == choice_chart(*args)


@pytest.mark.parametrize("n", [2, 4, 5, 6, 7, 8])
def test_the_legend_reads_row_by_row(n: int) -> None:
    """matplotlib fills legend columns top to bottom (numpy's array_split of the entries);
    handed in `legend_order`, the entries read left to right, row by row."""
    import numpy as np

    columns = min(n, 4)
    placed = np.array_split(np.array(legend_order(n, columns)), columns)
    rows = -(-n // columns)
    grid = [[int(col[r]) for col in placed if r < len(col)] for r in range(rows)]
    assert [k for row in grid for k in row] == list(range(n))
