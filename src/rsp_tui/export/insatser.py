"""Provides the insatser table of one prioriterat område (Part B).

Header rows, all repeated at the top of every page:

1. the column groups with the report's years, each merged over its columns;
2. each column's bold title with its helper text under it; a `marks` field (Huvudsakligt
   serviceslag) spans its option columns, the other titles are merged down over row 3;
3. the options of the `marks` field, rotated so that long labels fit narrow columns.

Then one row per insats. Widths come from the fields' `width` (for a `marks` field: per
option column), shading from `shaded`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from docx.shared import Cm, Emu, Pt

from rsp_tui.export.ooxml import min_height, narrow_margins, rotate_up, shade, v_merge
from rsp_tui.export.package import INSATS_FONT, INSATS_HEADER, INSATS_TEXT
from rsp_tui.export.questions import where
from rsp_tui.export.writer import Writer, fill, header_cell, value_lines
from rsp_tui.forms.schema import LeafField, MarksField, RowsQuestion
from rsp_tui.structure import Part

SHADE = "E2E2E2"
"""Background of the shaded columns (light grey: black text stays easy to read)."""
MARK_MARGIN = Cm(0.06)
"""Left/right margin inside the narrow mark columns."""
CHAR_WIDTH = Cm(0.11)
"""Average width of a character of 8.5 pt Arial (measured in LibreOffice's rendering)."""
LINE_HEIGHT = Pt(10.5)


@dataclass(frozen=True)
class Column:
    """One printed column: a field, or one option of a `marks` field."""

    field: LeafField
    option: str | None = None


def columns_of(q: RowsQuestion) -> list[Column]:
    """The printed columns, in order: one per field, one per option of a `marks` field."""
    out: list[Column] = []
    for f in q.fields:
        if isinstance(f, MarksField):
            out.extend(Column(f, option) for option in f.options)
        else:
            out.append(Column(f))
    return out


def group_spans(q: RowsQuestion) -> list[tuple[str, int, bool]]:
    """(group id, printed columns, all shaded) for each run of fields in the same group."""
    runs: list[tuple[str, int, bool]] = []
    for f in q.fields:
        count = len(f.options) if isinstance(f, MarksField) else 1
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


def insatser_table(w: Writer, part: Part, q: RowsQuestion) -> None:
    """The table of the insatser of `part`'s område."""
    assert part.area is not None
    columns = columns_of(q)
    grid = w.table([c.field.width for c in columns], margins=(Cm(0.05), Cm(0.12)))
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

    title_spans = [len(f.options) if isinstance(f, MarksField) else 1 for f in q.fields]
    for cell, f in zip(grid.row(title_spans, header=True), q.fields, strict=True):
        header_cell(cell, f.label, f.help, style=INSATS_HEADER)
        if has_marks and not isinstance(f, MarksField):
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
                header_cell(cell, "", column.option, style=INSATS_HEADER)
                rotate_up(tc)
                narrow_margins(tc, MARK_MARGIN)
                rotated.append(column.option)
                mark_width = width
            if column.field.shaded:
                shade(tc, SHADE)
        min_height(options_row[0]._tc.getparent(), _rotated_height(rotated, mark_width))

    items = (w.draft.answers.get(q.id) or {}).get(part.area.id) or []
    for n, item in enumerate(items or [{}], start=1):
        row_name = f"{q.item_label} {n}"
        cells = grid.row()
        contents: list[list[str]] = []
        shown: dict[str, set[str]] = {}
        for cell, column in zip(cells, columns, strict=True):
            f = column.field
            if column.option is None:
                here = where(part.title, row_name, f.display_label)
                lines = [w.clean(x, here) for x in value_lines(f, item.get(f.id), w.draft)]
            else:
                if f.id not in shown:
                    shown[f.id] = set(value_lines(f, item.get(f.id), w.draft))
                lines = [w.form.mark] if column.option in shown[f.id] else []
            fill(cell, lines, style=INSATS_TEXT, center=column.option is not None)
            contents.append(lines)
            if f.shaded:
                shade(cell._tc, SHADE)
        grid.keep_if_short(cells, contents, INSATS_FONT)
