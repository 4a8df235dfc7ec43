"""The insatser tables of Part B read back: a landscape section, three repeated header rows,
the column groups with the report's years, each insats value in its column, shading and
widths from the form; the example draft, also read back by the importer of official reports."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.oxml.table import CT_TcPr
from docx.shared import Cm
from docx.text.paragraph import Paragraph

from rsp_tui.drafts import Draft, new_draft
from rsp_tui.drafts.model import ID_KEY
from rsp_tui.export import export_report
from rsp_tui.forms import FormDefinition, programme_for_region
from rsp_tui.forms.schema import LeafField, MarksField, StaticQuestion
from rsp_tui.structure import parts
from rsp_tui.textutil import plain
from tests.narrow import of_kind
from tests.unit.test_export import (
    REGION,
    all_text,
    blocks,
    bold_text,
    export,
    filled_draft,
    paragraph,
    rows_question,
    table_after,
    table_questions,
    tcs,
)


@pytest.fixture
def filled(form: FormDefinition) -> Draft:
    return filled_draft(form)


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
        # Column titles bold, helper texts regular; the marks options in the third row,
        # abbreviated and horizontal, explained in the legend line above the table.
        for cell, f in zip(titles, q.fields, strict=True):
            assert cell.text == "\n".join(x for x in (f.label, f.help) if x)
            assert bold_text(cell) == f.label
        option_cells = [c for c in options if c._tc.vMerge != "continue"]
        marks = next(f for f in q.fields if isinstance(f, MarksField))
        assert marks.short_options and [c.text for c in option_cells] == marks.short_options
        for cell in option_cells:
            assert of_kind(cell._tc.tcPr, CT_TcPr).find(qn("w:textDirection")) is None
        legend = items[items.index(table) - 1]
        assert isinstance(legend, Paragraph)
        for short, full in zip(marks.short_options, marks.options, strict=True):
            assert f"{short} = {full}" in legend.text
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
                shd = of_kind(cell._tc.tcPr, CT_TcPr).find(qn("w:shd"))
                assert (shd is not None) == f.shaded


def test_insatser_column_widths_follow_the_text_they_hold(
    form: FormDefinition, tmp_path: Path
) -> None:
    """An empty table follows the form's widths; a column full of text in one område is wider
    there than in another; every column keeps room for its header and the page is filled."""
    from rsp_tui.export.columns import header_lines, text_width
    from rsp_tui.export.insatser import HORIZONTAL_MARGIN, MAX_HEADER_LINES
    from rsp_tui.export.package import INSATS_HEADER_FONT, LANDSCAPE_MARGINS

    draft = new_draft(form, REGION, 2023, programme_for_region(REGION))
    long_text = "Vi tar med oss erfarenheterna från dialogerna med handlarna. " * 12
    for _ in range(3):
        draft.add_item("insatser", "o1", {"planerade": "Kort", "vidare": long_text})
    items = blocks(export(form, draft, tmp_path, draft_mode=True))
    q = rows_question(form)
    areas = [p for p in parts(form, draft) if p.area is not None]
    full, empty = (
        [int(c.w or 0) / Cm(1) for c in table_after(items, p.heading)._tbl.tblGrid.gridCol_lst]
        for p in areas[:2]
    )
    page = 29.7 - 2 * LANDSCAPE_MARGINS[1] / Cm(1)
    columns: list[tuple[LeafField, str | None]] = []
    for f in q.fields:
        columns += [(f, o) for o in f.options] if isinstance(f, MarksField) else [(f, None)]
    vidare = next(n for n, (f, _) in enumerate(columns) if f.id == "vidare")
    assert full[vidare] > empty[vidare] + 1.5
    for widths in (full, empty):
        assert sum(widths) == pytest.approx(page, abs=0.05)
        marks = [w for w, (_, o) in zip(widths, columns, strict=True) if o is not None]
        assert len(set(round(w, 3) for w in marks)) == 1
        for width, (f, option) in zip(widths, columns, strict=True):
            if option is not None:
                continue
            margin = HORIZONTAL_MARGIN / Cm(1)
            words = (f.label + " " + f.help).replace("/", " ").split()
            longest = max(text_width(w, INSATS_HEADER_FONT.pt, bold=True) for w in words)
            assert width >= longest + 2 * margin
            from rsp_tui.export.columns import TextColumn

            lines = header_lines(TextColumn(f.label, f.help, 0, 0), width, INSATS_HEADER_FONT.pt, margin)
            assert lines <= MAX_HEADER_LINES, f.id
    # With nothing written, the text columns share the page by the form's widths.
    text = [(w, f) for w, (f, o) in zip(empty, columns, strict=True) if o is None]
    planerade, resurser = (next(w for w, f in text if f.id == i) for i in ("planerade", "resurser"))
    assert planerade > resurser  # 2.9 against 2.5 in the form


def test_years_follow_the_report(form: FormDefinition, tmp_path: Path) -> None:
    draft = new_draft(form, REGION, 2026, programme_for_region(REGION))
    items = blocks(export(form, draft, tmp_path, draft_mode=True))
    q = rows_question(form)
    for part in parts(form, draft):
        if part.area is not None:
            groups = tcs(table_after(items, part.heading))[0]
            assert [c.text for c in groups] == [g.render(2026) for g in q.groups]
            assert groups[-1].text.endswith("2027")


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
    reports finds every answer of the example in its text alone, without the embedded draft
    (e-mail lists come back one per line)."""
    from rsp_tui.drafts import load_draft
    from rsp_tui.importer import import_docx
    from rsp_tui.textutil import split_emails
    from tests.unit.handmade import strip_payload

    original = load_draft(Path(__file__).resolve().parents[2] / "examples" / "exempel-2023.toml")
    out = tmp_path / "exempel.docx"
    export_report(original.form, original.draft, out)
    result = import_docx(strip_payload(out))
    assert not result.exact and result.notes == []
    back = result.draft

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
