"""The Word export read back with python-docx: every text of the form, every answer in its
cell, the landscape section, the insatser tables' header rows, footnote, footer and properties.

The expected texts are taken from the loaded form, never copied into the test.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Cm
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from rsp_tui.drafts import Draft, new_draft
from rsp_tui.drafts.model import ID_KEY, NAME_KEY
from rsp_tui.export import export_report
from rsp_tui.forms import FormDefinition, programme_for_region
from rsp_tui.forms.schema import (
    ChoiceField,
    DecimalField,
    LeafField,
    MarksField,
    RowsQuestion,
    StaticQuestion,
    TableQuestion,
)
from rsp_tui.structure import parts
from rsp_tui.textutil import markup_runs, plain
from tests.fill import fill_all

REGION = "Jämtland Härjedalen"

# -- reading a document back ------------------------------------------------------------------


def tcs(table: Table) -> list[list[_Cell]]:
    """The cells of each row as stored (a merged cell once), walking the XML once."""
    return [[_Cell(tc, table) for tc in tr.tc_lst] for tr in table._tbl.tr_lst]


def blocks(document: Any) -> list[Paragraph | Table]:
    return list(document.iter_inner_content())


def all_text(document: Any) -> str:
    """Every paragraph and cell text of the body, headers and footers, one per line."""
    out: list[str] = []

    def walk(items: Iterator[Paragraph | Table]) -> None:
        for item in items:
            if isinstance(item, Paragraph):
                out.append(item.text)
            else:
                for row in tcs(item):
                    for cell in row:
                        walk(cell.iter_inner_content())

    walk(document.iter_inner_content())
    for section in document.sections:
        walk(section.header.iter_inner_content())
        walk(section.footer.iter_inner_content())
    return "\n".join(out)


def table_after(items: list[Paragraph | Table], starts: str) -> Table:
    """The first table after the paragraph that starts with `starts`."""
    for n, item in enumerate(items):
        if isinstance(item, Paragraph) and item.text.startswith(starts):
            for later in items[n + 1 :]:
                if isinstance(later, Table):
                    return later
    raise AssertionError(f"ingen tabell efter {starts!r}")


def paragraph(items: list[Paragraph | Table], starts: str) -> Paragraph:
    for item in items:
        if isinstance(item, Paragraph) and item.text.startswith(starts):
            return item
    raise AssertionError(f"inget stycke som börjar med {starts!r}")


def bold_text(p: Paragraph | _Cell) -> str:
    """The text of the bold runs (style Heading/Tabellrubrik counts as bold)."""
    paragraphs = p.paragraphs if isinstance(p, _Cell) else [p]
    out = []
    for para in paragraphs:
        style_bold = bool(para.style is not None and para.style.font.bold)
        for run in para.runs:
            if run.bold or (run.bold is None and style_bold):
                out.append(run.text)
    return "".join(out)


def footnotes_xml(document: Any) -> str:
    for part in document.part.package.iter_parts():
        if part.partname == "/word/footnotes.xml":
            return str(part.blob.decode("utf-8"))
    raise AssertionError("dokumentet har inga fotnoter")


# -- fixtures ---------------------------------------------------------------------------------


def table_questions(form: FormDefinition) -> list[TableQuestion]:
    return [q for s in form.sections for q in s.questions if isinstance(q, TableQuestion)]


def rows_question(form: FormDefinition) -> RowsQuestion:
    section = form.repeat_section
    assert section is not None
    return next(q for q in section.questions if isinstance(q, RowsQuestion))


@pytest.fixture
def filled(form: FormDefinition) -> Draft:
    """Every question answered with recognisable values; Q1 choices differ per row."""
    draft = new_draft(form, REGION, 2023, programme_for_region(REGION))
    fill_all(form, draft, insatser_per_area=3)
    q1 = next(q for q in table_questions(form) if any(_options(c) for c in q.columns))
    choice = next(c for c in q1.columns if isinstance(c, ChoiceField))
    for n, row in enumerate(q1.rows):
        draft.set((q1.id, row.id, choice.id), choice.options[n % len(choice.options)])
    rows = rows_question(form)
    marks = next(f for f in rows.fields if isinstance(f, MarksField))
    for area in draft.programme.omraden:
        for n, item in enumerate(draft.items(rows.id, area.id)):
            item[marks.id] = marks.options[n % len(marks.options) :][:2]
    return draft


def _options(column: LeafField) -> list[str]:
    if isinstance(column, ChoiceField) and column.as_columns:
        return column.options
    if isinstance(column, MarksField):
        return column.options
    return []


def export(form: FormDefinition, draft: Draft, tmp_path: Path, **kw: Any) -> Any:
    out = tmp_path / "rapport.docx"
    result = export_report(form, draft, out, **kw)
    assert result.path == out
    return docx.Document(str(out))


# -- tests ------------------------------------------------------------------------------------


def test_every_text_of_the_form_is_in_the_document(
    form: FormDefinition, filled: Draft, tmp_path: Path
) -> None:
    document = export(form, filled, tmp_path)
    text = all_text(document)
    expected: list[str] = [form.title, f"{form.region_label} {REGION}"]
    expected += [plain(p) for p in form.intro]
    for section in form.sections:
        for q in section.questions:
            if isinstance(q, StaticQuestion):
                expected += [plain(b.text) for b in q.blocks]
                continue
            if isinstance(q, RowsQuestion):
                expected += [g.render(filled.year) for g in q.groups]
                for f in q.fields:
                    expected += [f.label, f.help] + _options(f)
                continue
            title = getattr(q, "title", "")
            expected += [title, getattr(q, "instruction", "")] + list(getattr(q, "guidance", []))
            if isinstance(q, TableQuestion):
                expected += [q.row_header] + [r.label for r in q.rows]
                for column in q.printed_columns():
                    expected += _options(column) or [column.label]
    for part in parts(form, filled):
        expected.append(part.heading)
    missing = [e for e in expected if e and e not in text]
    assert missing == []


def test_bold_where_the_form_is_bold(form: FormDefinition, filled: Draft, tmp_path: Path) -> None:
    items = blocks(export(form, filled, tmp_path))
    assert bold_text(paragraph(items, form.title)) == form.title
    second_intro = form.intro[1]
    bold_in_form = "".join(t for t, b in markup_runs(second_intro) if b)
    assert bold_text(paragraph(items, plain(second_intro)[:30])) == bold_in_form
    assert bold_text(paragraph(items, form.region_label)).startswith(form.region_label)
    for q in table_questions(form):
        p = paragraph(items, q.title)
        assert bold_text(p).strip() == q.title
        if q.instruction:  # the instruction stays regular, inline or in its own paragraph
            holder = p if q.instruction_inline else paragraph(items, q.instruction)
            assert q.instruction in holder.text and q.instruction not in bold_text(holder)
        header = tcs(table_after(items, q.title))[0]
        for cell in header:
            assert bold_text(cell) == cell.text.replace("\n", "")


def test_question_tables_hold_each_answer_in_its_cell(
    form: FormDefinition, filled: Draft, tmp_path: Path
) -> None:
    items = blocks(export(form, filled, tmp_path))
    for q in table_questions(form):
        rows = tcs(table_after(items, q.title))
        header, body = rows[0], rows[1:]
        assert len(body) == len(q.rows)
        titles = [c.text for c in header]
        for row, cells in zip(q.rows, body, strict=True):
            answers = filled.answers[q.id][row.id]
            label = row.label
            if row.name_label:
                label = row.name_format.format(label=row.label, name=answers[NAME_KEY])
            assert cells[0].text == label
            column_at = 1
            for column in q.printed_columns():
                options = _options(column)
                if options:
                    for option in options:
                        assert titles[column_at] == option
                        marked = cells[column_at].text
                        assert marked == (form.mark if answers[column.id] == option else "")
                        column_at += 1
                    continue
                assert titles[column_at] == column.label
                expected = answers[column.id]
                if column.kind == "emails":
                    expected = expected.replace(", ", "\n")
                lines = [expected]
                for extra in q.rendered_into(column.id):
                    value = answers[extra.id]
                    if isinstance(extra, DecimalField):
                        value = value.replace(".", ",")
                    lines.append(extra.render_format.format(value=value))
                assert cells[column_at].text == "\n".join(lines)
                column_at += 1
            assert column_at == len(cells)


def test_specific_renderings(form: FormDefinition, tmp_path: Path) -> None:
    """Q3's total, Q4's addresses one per line, Q6's step and the Annan row's name."""
    draft = new_draft(form, REGION, 2023, programme_for_region(REGION))
    q3 = next(q for q in table_questions(form) if any(c.render_into for c in q.columns if isinstance(c, DecimalField)))
    desc = next(c for c in q3.columns if not c.render_into)
    total = next(c for c in q3.columns if c.render_into)
    draft.set((q3.id, q3.rows[0].id, desc.id), "Två personer\npå deltid")
    draft.set((q3.id, q3.rows[0].id, total.id), "0.85")
    q4 = next(q for q in table_questions(form) if any(c.kind == "emails" for c in q.columns))
    email = next(c for c in q4.columns if c.kind == "emails")
    draft.set((q4.id, q4.rows[0].id, email.id), "a@example.org, b@example.org;c@example.org")
    items = blocks(export(form, draft, tmp_path, draft_mode=True))
    q3_row = tcs(table_after(items, q3.title))[1]
    assert q3_row[1].text == "Två personer\npå deltid\n" + total.render_format.format(value="0,85")
    assert "Totalt: 0,85 årsarbetskrafter" in q3_row[1].text
    q4_row = tcs(table_after(items, q4.title))[1]
    assert q4_row[2].text == "a@example.org\nb@example.org\nc@example.org"


def test_report_fields_table_follows_the_region_line(
    form: FormDefinition, filled: Draft, tmp_path: Path
) -> None:
    items = blocks(export(form, filled, tmp_path))
    region_at = items.index(paragraph(items, form.region_label))
    table = items[region_at + 1]
    assert isinstance(table, Table)
    header, values = tcs(table)
    fields = [q for q in form.sections[0].questions if not getattr(q, "number", "x")]
    assert [c.text for c in header] == [f.display_label for f in fields]
    assert [c.text for c in values] == [filled.answers[f.id] for f in fields]


def test_part_b_is_a_landscape_a4_section(
    form: FormDefinition, filled: Draft, tmp_path: Path
) -> None:
    document = export(form, filled, tmp_path)
    portrait, landscape = document.sections
    assert portrait.orientation == WD_ORIENT.PORTRAIT
    assert (round(portrait.page_width / Cm(1), 1), round(portrait.page_height / Cm(1), 1)) == (21.0, 29.7)
    assert landscape.orientation == WD_ORIENT.LANDSCAPE
    assert (round(landscape.page_width / Cm(1), 1), round(landscape.page_height / Cm(1), 1)) == (29.7, 21.0)
    # The landscape section starts with Part B's heading: the last paragraph of section 1
    # carries the portrait sectPr, and Part B's first heading comes right after it.
    items = blocks(document)
    first_b = next(
        q for s in form.sections if s.part == "B" for q in s.questions if isinstance(q, StaticQuestion)
    )
    heading = paragraph(items, plain(first_b.blocks[0].text))
    before = items[items.index(heading) - 1]
    assert isinstance(before, Paragraph) and before._p.find(".//" + qn("w:sectPr")) is not None
    # Every question table comes before the break; every insatser table after it.
    break_at = items.index(before)
    for q in table_questions(form):
        assert items.index(table_after(items, q.title)) < break_at
    for part in parts(form, filled):
        if part.area is not None:
            assert items.index(table_after(items, part.heading)) > break_at


def test_insatser_tables(form: FormDefinition, filled: Draft, tmp_path: Path) -> None:
    items = blocks(export(form, filled, tmp_path))
    q = rows_question(form)
    printed: list[tuple[LeafField, str | None]] = []
    for f in q.fields:
        printed += [(f, o) for o in f.options] if isinstance(f, MarksField) else [(f, None)]
    areas = [p for p in parts(form, filled) if p.area is not None]
    assert len(areas) == 3
    for part in areas:
        assert part.area is not None
        table = table_after(items, part.heading)
        rows = tcs(table)
        groups, titles, options = rows[0], rows[1], rows[2]
        # Three header rows, repeated on every page.
        trs = table._tbl.tr_lst
        assert [tr.trPr is not None and tr.trPr.find(qn("w:tblHeader")) is not None for tr in trs] == [True] * 3 + [False] * (len(trs) - 3)
        # Group headers with the report's years, merged over their columns.
        assert [c.text for c in groups] == [g.render(2023) for g in q.groups]
        assert [c.text for c in groups] == ["Handlingsplan för verksamhetsår 2023", "Uppföljning av verksamhetsår 2023", "Till nästa år, 2024"]
        spans = [c._tc.grid_span for c in groups]
        assert spans == [sum(len(f.options) if isinstance(f, MarksField) else 1 for f in q.fields_in(g.id)) for g in q.groups]
        # Column titles bold, helper texts regular; marks options in the third row, rotated.
        for cell, f in zip(titles, q.fields, strict=True):
            assert cell.text == "\n".join(x for x in (f.label, f.help) if x)
            assert bold_text(cell) == f.label
        option_cells = [c for c in options if c._tc.vMerge != "continue"]
        marks = next(f for f in q.fields if isinstance(f, MarksField))
        assert [c.text for c in option_cells] == marks.options
        for cell in option_cells:
            direction = cell._tc.tcPr.find(qn("w:textDirection"))
            assert direction is not None and direction.get(qn("w:val")) == "btLr"
        # One row per insats, each value in its column.
        body = rows[3:]
        insatser = filled.items(q.id, part.area.id)
        assert len(body) == len(insatser) == 3
        for cells, item in zip(body, insatser, strict=True):
            assert len(cells) == len(printed)
            for cell, (f, option) in zip(cells, printed, strict=True):
                value = item[f.id]
                if option is not None:
                    assert cell.text == (form.mark if option in value else "")
                elif f.kind == "goals":
                    goals = [filled.programme.goal(c) for c in value["codes"]]
                    expected = [f"{g.code} {g.text}" for g in goals if g] + [value["other"]]
                    assert cell.text == "\n".join(expected)
                else:
                    assert cell.text == value
                    if f.kind == "textarea":
                        assert "\n" in cell.text  # the line break inside the answer is kept
                shd = cell._tc.tcPr.find(qn("w:shd"))
                assert (shd is not None) == f.shaded


def test_insatser_column_widths_follow_the_form(
    form: FormDefinition, filled: Draft, tmp_path: Path
) -> None:
    items = blocks(export(form, filled, tmp_path))
    q = rows_question(form)
    weights = []
    for f in q.fields:
        weights += [f.width] * (len(f.options) if isinstance(f, MarksField) else 1)
    table = table_after(items, parts(form, filled)[-1].heading)
    grid = [int(c.w) for c in table._tbl.tblGrid.gridCol_lst]
    assert len(grid) == len(weights)
    for width, weight in zip(grid, weights, strict=True):
        assert width / sum(grid) == pytest.approx(weight / sum(weights), rel=0.01)
    assert sum(grid) / Cm(1) == pytest.approx(29.7 - 2 * 1.5, abs=0.05)


def test_years_follow_the_report(form: FormDefinition, tmp_path: Path) -> None:
    draft = new_draft(form, REGION, 2026, programme_for_region(REGION))
    items = blocks(export(form, draft, tmp_path, draft_mode=True))
    q = rows_question(form)
    for part in parts(form, draft):
        if part.area is not None:
            groups = tcs(table_after(items, part.heading))[0]
            assert [c.text for c in groups] == [g.render(2026) for g in q.groups]
            assert groups[-1].text.endswith("2027")


def test_footnote_is_a_word_footnote(form: FormDefinition, filled: Draft, tmp_path: Path) -> None:
    document = export(form, filled, tmp_path)
    q = next(q for q in table_questions(form) if q.footnote)
    xml = footnotes_xml(document)
    assert q.footnote in xml and 'w:id="1"' in xml
    p = paragraph(blocks(document), q.instruction)
    refs = p._p.findall(".//" + qn("w:footnoteReference"))
    assert [r.get(qn("w:id")) for r in refs] == ["1"]


def test_footer_page_numbers_and_draft_mark(
    form: FormDefinition, filled: Draft, tmp_path: Path
) -> None:
    final = export(form, filled, tmp_path)
    footer = final.sections[0].footer
    instructions = [i.text.strip() for i in footer._element.iter(qn("w:instrText"))]
    assert instructions == ["PAGE", "NUMPAGES"]
    assert footer.paragraphs[0].text.startswith("Sida ") and " av " in footer.paragraphs[0].text
    assert final.sections[1].footer.is_linked_to_previous
    assert "UTKAST" not in all_text(final)

    draft = export(form, filled, tmp_path, draft_mode=True)
    assert draft.sections[0].header.paragraphs[0].text == "UTKAST"
    assert draft.sections[1].header.is_linked_to_previous  # so every page has it
    assert draft.core_properties.content_status == "Utkast"


def test_document_properties(form: FormDefinition, filled: Draft, tmp_path: Path) -> None:
    document = export(form, filled, tmp_path)
    props = document.core_properties
    assert props.title == form.title
    assert props.author == filled.answers["upprattad_av"]
    assert REGION in props.subject and "2023" in props.subject
    assert form.id in props.keywords and f"version {form.version}" in props.keywords
    assert props.language == "sv-SE"
    custom = next(
        p for p in document.part.package.iter_parts() if p.partname == "/docProps/custom.xml"
    )
    blob = custom.blob.decode()
    assert f"<vt:i4>{form.version}</vt:i4>" in blob and REGION in blob
    assert not any("thumbnail" in str(p.partname) for p in document.part.package.iter_parts())


def test_example_draft_exports_with_all_its_answers(form: FormDefinition, tmp_path: Path) -> None:
    from rsp_tui.drafts import load_draft

    loaded = load_draft(Path(__file__).resolve().parents[2] / "examples" / "exempel-2023.toml")
    document = export(loaded.form, loaded.draft, tmp_path)
    text = all_text(document)
    q = rows_question(form)
    count = 0
    for area in loaded.draft.programme.omraden:
        for item in loaded.draft.items(q.id, area.id):
            assert item[ID_KEY]
            for f in q.fields:
                value = item.get(f.id)
                if isinstance(value, str) and value:
                    assert value in text
            count += 1
    assert count >= 12


def test_the_importer_reads_the_exported_example_back(tmp_path: Path) -> None:
    """The document is laid out as the official form: rsp-tui's own importer of official
    reports finds every answer of the example in it (e-mail lists come back one per line)."""
    from rsp_tui.drafts import load_draft
    from rsp_tui.importer import import_docx
    from rsp_tui.textutil import split_emails

    original = load_draft(Path(__file__).resolve().parents[2] / "examples" / "exempel-2023.toml")
    out = tmp_path / "exempel.docx"
    export_report(original.form, original.draft, out)
    back = import_docx(out).draft

    def normalised(draft: Draft) -> dict[str, Any]:
        answers = draft.model_dump()["answers"]
        for rows in answers["q4"].values():
            rows["epost"] = split_emails(rows["epost"])
        for items in answers["insatser"].values():
            for item in items:
                item.pop(ID_KEY)
        return dict(answers)

    assert (back.region, back.year) == (original.draft.region, original.draft.year)
    assert back.programme.model_dump(exclude={"omraden": {"__all__": {"id"}}}) == (
        original.draft.programme.model_dump(exclude={"omraden": {"__all__": {"id"}}})
    )
    assert normalised(back) == normalised(original.draft)
