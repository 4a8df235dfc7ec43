"""Provides the insatser table of one prioriterat område (Part B).

Header rows, all repeated at the top of every page:

1. the column groups with the report's years, each merged over its columns;
2. each column's bold title with its helper text under it; a `marks` field (Huvudsakligt
   serviceslag) spans its option columns, the other titles are merged down over row 3;
3. the options of the `marks` field: their abbreviations (`short_options`), horizontal and
   explained in a legend line above the table; without abbreviations the options themselves,
   rotated so that long labels fit narrow columns.

The header stays low (about 2.5 cm) because it repeats on every page. Then one row per insats;
a row may break over pages unless it is short. The mark columns take their form `width`
share; the text columns share the rest by the fields' `width` blended with how much text each
holds in this table, each at least wide enough for its header (`columns.py`). Shading comes
from `shaded`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Emu, Pt

from rsp_tui.export.clean import word_safe
from rsp_tui.export.columns import (
    TextColumn,
    header_lines,
    share_widths,
    text_amount,
    text_width,
)
from rsp_tui.export.ooxml import (
    describe_table,
    min_height,
    narrow_margins,
    rotate_up,
    shade,
    v_merge,
)
from rsp_tui.export.package import INSATS_FONT, INSATS_HEADER, INSATS_HEADER_FONT, INSATS_TEXT
from rsp_tui.export.questions import where
from rsp_tui.export.writer import Writer, fill, header_cell, value_lines
from rsp_tui.forms.schema import LeafField, RowsQuestion
from rsp_tui.structure import Part

SHADE = "E2E2E2"
"""Background of the shaded columns (light grey: black text stays easy to read)."""
MARK_MARGIN = Cm(0.04)
"""Left/right margin inside the narrow mark columns."""
CHAR_WIDTH = Cm(0.11)
"""Average width of a character of 8.5 pt Arial (measured in LibreOffice's rendering)."""
LINE_HEIGHT = Pt(10.5)
HEADER_LINE = Pt(9.5)
"""Height of a line of the header rows (8 pt Arial, single spacing, with room to spare)."""
HORIZONTAL_MARGIN = Cm(0.07)
"""Left/right margin inside the text cells."""
MAX_HEADER_LINES = 5
"""A column title with its helper text takes at most this many lines: with the group row,
the repeated header stays at about 2.5 cm."""
KEEP_TOGETHER_BELOW = Cm(2.5)
"""An insats row estimated shorter than this never breaks over two pages; a taller one may,
so that a page is not left half empty before it."""


@dataclass(frozen=True)
class Column:
    """One printed column: a field, or one option of a `marks` field."""

    field: LeafField
    option: str | None = None


def columns_of(q: RowsQuestion) -> list[Column]:
    """The printed columns, in order: one per field, one per option of a `marks` field (a
    kind whose options are printed as marked columns)."""
    out: list[Column] = []
    for f in q.fields:
        options = f.mark_columns()
        if options is not None:
            out.extend(Column(f, option) for option in options)
        else:
            out.append(Column(f))
    return out


def _span(f: LeafField) -> int:
    """Printed columns of one field."""
    options = f.mark_columns()
    return 1 if options is None else len(options)


def group_spans(q: RowsQuestion) -> list[tuple[str, int, bool]]:
    """(group id, printed columns, all shaded) for each run of fields in the same group."""
    runs: list[tuple[str, int, bool]] = []
    for f in q.fields:
        count = _span(f)
        if runs and runs[-1][0] == f.group:
            group, n, shaded = runs[-1]
            runs[-1] = (group, n + count, shaded and f.shaded)
        else:
            runs.append((f.group, count, f.shaded))
    return runs


def _rotated_height(labels: list[str], width: Emu) -> Emu:
    """How tall a row must be for `labels` rotated in columns `width` wide."""
    usable = int(width) - 2 * int(MARK_MARGIN)
    lines = max(1, usable // int(LINE_HEIGHT))
    longest = 0
    for label in labels:
        words = label.split()
        # Lines break between words, so allow a fifth more than an even split.
        per_line = max(math.ceil(1.2 * len(label) / lines), max(len(x) for x in words))
        longest = max(longest, per_line)
    return Emu(longest * int(CHAR_WIDTH) + int(Cm(0.3)))


def legend(q: RowsQuestion) -> list[str]:
    """The legend lines explaining the abbreviated option columns, e.g. `Huvudsakligt
    serviceslag: Dagl. = Dagligvaror, …`."""
    out = []
    for f in q.fields:
        shorts, options = f.short_marks(), f.mark_columns()
        if shorts and options:
            pairs = ", ".join(
                f"{short} = {option}" for short, option in zip(shorts, options, strict=True)
            )
            out.append(f"{f.display_label}: {pairs}.")
    return out


def _mark_width(q: RowsQuestion) -> float:
    """Room (cm) for the widest horizontal abbreviation (e.g. `Bredare`): every mark column
    is this wide."""
    shorts = [s for f in q.fields for s in f.short_marks()]
    if not shorts:
        return 0.0
    widest = max(text_width(s, INSATS_HEADER_FONT.pt) for s in shorts)
    return widest + 2 * MARK_MARGIN / Cm(1) + 0.05


def _widths(
    w: Writer, q: RowsQuestion, columns: list[Column], rows: list[list[list[str]]]
) -> list[float]:
    """Column widths in cm: each mark column its form share of the page, the text columns the
    rest, by their form width blended with the text they hold (`columns.share_widths`)."""
    page = w.width / Cm(1)
    weights = sum(c.field.width for c in columns) or 1.0
    widths: list[float | None] = []
    text_columns: list[TextColumn] = []
    for n, column in enumerate(columns):
        if column.option is not None:
            widths.append(max(page * column.field.width / weights, _mark_width(q)))
            continue
        widths.append(None)
        f = column.field
        amount = sum(text_amount(row[n]) for row in rows)
        text_columns.append(TextColumn(f.label, f.help, f.width, amount))
    rest = page - sum(x for x in widths if x is not None)
    text_at = [n for n, x in enumerate(widths) if x is None]
    amounts = [[text_amount(row[n]) for n in text_at] for row in rows]
    shared = iter(
        share_widths(
            text_columns,
            rest,
            size_pt=INSATS_HEADER_FONT.pt,
            char_cm=CHAR_WIDTH / Cm(1),
            margin_cm=HORIZONTAL_MARGIN / Cm(1),
            max_header_lines=MAX_HEADER_LINES,
            rows=amounts,
        )
    )
    return [x if x is not None else next(shared) for x in widths]


def insatser_table(w: Writer, part: Part, q: RowsQuestion) -> None:
    """The table of the insatser of `part`'s område."""
    assert part.area is not None
    columns = columns_of(q)
    items = (w.draft.answers.get(q.id) or {}).get(part.area.id) or []
    rows = [_row_lines(w, part, q, columns, n, item) for n, item in enumerate(items or [{}], 1)]

    for line in legend(q):
        p = w.paragraph(line, style=INSATS_TEXT, markup=False)
        p.paragraph_format.space_after = Pt(3)
        p.paragraph_format.keep_with_next = True
    grid = w.table(_widths(w, q, columns, rows), cm=True, margins=(Cm(0.04), HORIZONTAL_MARGIN))
    caption = word_safe(part.heading or part.title)[0]  # noted once already, for the heading
    describe_table(grid.table._tbl, caption, word_safe(_description(w, q, part, len(items)))[0])
    has_marks = any(c.option is not None for c in columns)

    if q.groups:
        labels = {g.id: g.render(w.draft.year) for g in q.groups}
        spans = group_spans(q)
        for cell, (group, _, shaded) in zip(
            grid.row([n for _, n, _ in spans], header=True), spans, strict=True
        ):
            header_cell(cell, "", labels.get(group, ""), style=INSATS_HEADER)
            if shaded:
                shade(cell._tc, SHADE)

    title_spans = [_span(f) for f in q.fields]
    title_cells = grid.row(title_spans, header=True)
    for cell, f in zip(title_cells, q.fields, strict=True):
        header_cell(cell, f.label, f.help, style=INSATS_HEADER)
        if has_marks and f.mark_columns() is None:
            v_merge(cell._tc, restart=True)
        if f.shaded:
            shade(cell._tc, SHADE)

    if has_marks:
        options_row = grid.row(header=True)
        rotated: list[str] = []
        mark_width = grid.widths[0]
        for cell, column, width in zip(options_row, columns, grid.widths, strict=True):
            tc: Any = cell._tc
            if column.option is None:
                v_merge(tc, restart=False)
                cell.paragraphs[0]._p.style = INSATS_HEADER
            else:
                narrow_margins(tc, MARK_MARGIN)
                f = column.field
                shorts, options = f.short_marks(), f.mark_columns() or []
                if shorts:
                    short = shorts[options.index(column.option)]
                    header_cell(cell, "", short, style=INSATS_HEADER)
                    cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
                else:
                    header_cell(cell, "", column.option, style=INSATS_HEADER)
                    rotate_up(tc)
                    rotated.append(column.option)
                    mark_width = width
            if column.field.shaded:
                shade(tc, SHADE)
        if rotated:
            min_height(options_row[0]._tc.getparent(), _rotated_height(rotated, mark_width))
        else:
            # The titles are merged down over the options row; LibreOffice clips a merged
            # cell in a repeated header instead of growing the rows, so the rows are given
            # the titles' height.
            tallest = max(
                header_lines(
                    TextColumn(c.field.label, c.field.help, 0, 0),
                    width / Cm(1),
                    INSATS_HEADER_FONT.pt,
                    HORIZONTAL_MARGIN / Cm(1),
                )
                for c, width in zip(columns, grid.widths, strict=True)
                if c.option is None
            )
            title_row = title_cells[0]._tc.getparent()
            min_height(title_row, Emu(max(tallest - 1, 2) * int(HEADER_LINE) + int(Cm(0.1))))

    for contents in rows:
        cells = grid.row()
        for cell, column, lines in zip(cells, columns, contents, strict=True):
            fill(cell, lines, style=INSATS_TEXT, center=column.option is not None)
            if column.field.shaded:
                shade(cell._tc, SHADE)
        grid.keep_if_short(cells, contents, INSATS_FONT, below=KEEP_TOGETHER_BELOW)


def _row_lines(
    w: Writer, part: Part, q: RowsQuestion, columns: list[Column], n: int, item: dict[str, Any]
) -> list[list[str]]:
    """The printed lines of each column of insats number `n`."""
    row_name = f"{q.item_label} {n}"
    out: list[list[str]] = []
    shown: dict[str, set[str]] = {}
    for column in columns:
        f = column.field
        if column.option is None:
            here = where(part.title, row_name, f.display_label)
            out.append([w.clean(x, here) for x in value_lines(f, item.get(f.id), w.draft)])
            continue
        if f.id not in shown:
            shown[f.id] = set(value_lines(f, item.get(f.id), w.draft))
        out.append([w.form.mark] if column.option in shown[f.id] else [])
    return out


def _description(w: Writer, q: RowsQuestion, part: Part, count: int) -> str:
    """The table's description for screen readers."""
    item = q.item_label.lower()
    what = f"en rad per {item}" if count else f"en tom rad för en {item}"
    groups = ", ".join(g.render(w.draft.year) for g in q.groups)
    return (
        f"{q.label} för {part.title}: {what} ({count} st). Kolumngrupper: {groups}."
        " Tre rubrikrader upprepas på varje sida."
    )
