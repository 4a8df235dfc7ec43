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
from docx.oxml.ns import qn
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from rsp_tui.drafts import Draft, new_draft
from rsp_tui.drafts.model import NAME_KEY
from rsp_tui.drafts.paths import CellPath
from rsp_tui.export import export_report
from rsp_tui.forms import FormDefinition, programme_for_region
from rsp_tui.forms.schema import (
    ChoiceField,
    DecimalField,
    FieldBase,
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
    return filled_draft(form)


def filled_draft(form: FormDefinition) -> Draft:
    """Every question answered with recognisable values; Q1 choices differ per row."""
    draft = new_draft(form, REGION, 2023, programme_for_region(REGION))
    fill_all(form, draft, insatser_per_area=3)
    q1 = next(q for q in table_questions(form) if any(_options(c) for c in q.columns))
    choice = next(c for c in q1.columns if isinstance(c, ChoiceField))
    for n, row in enumerate(q1.rows):
        draft.set(CellPath(q1.id, row.id, choice.id), choice.options[n % len(choice.options)])
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
    draft.set(CellPath(q3.id, q3.rows[0].id, desc.id), "Två personer\npå deltid")
    draft.set(CellPath(q3.id, q3.rows[0].id, total.id), "0.85")
    q4 = next(q for q in table_questions(form) if any(c.kind == "emails" for c in q.columns))
    email = next(c for c in q4.columns if c.kind == "emails")
    draft.set(CellPath(q4.id, q4.rows[0].id, email.id), "a@example.org, b@example.org;c@example.org")
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
    fields = [q for q in form.sections[0].questions if isinstance(q, FieldBase) and not q.number]
    assert [c.text for c in header] == [f.display_label for f in fields]
    assert [c.text for c in values] == [filled.answers[f.id] for f in fields]


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
