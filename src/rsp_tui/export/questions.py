"""Provides the questions of the form as the document prints them: the report fields
(Datum / Upprättad av) as a small two-column table, questions with a free-text answer, and
questions answered in a table with fixed rows (questions 1, 3, 4 and 6).

Every text printed comes from the form definition or the draft.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm

from rsp_tui.drafts.model import NAME_KEY, is_empty
from rsp_tui.export.package import TABLE_FONT
from rsp_tui.export.writer import Writer, fill, header_cell, value_lines
from rsp_tui.forms.schema import (
    LeafField,
    TableQuestion,
)
from rsp_tui.structure import Part

CM_PER_CHAR = 0.15
"""About how wide an average character of 10 pt Arial is, to size label columns."""
CM_PER_WORD_CHAR = 0.18
"""The same, generous enough for bold text: a column never breaks a word in two."""
KEEP_TABLE_BELOW = Cm(9)
"""A question's table estimated lower than this is kept on one page with its question."""
ANSWER_LINES = 6
"""Ruled lines under an unanswered free-text question."""


def where(*parts: str) -> str:
    """A field's location for notes: `1 Efterfrågan › Fråga 1 › Servicebidrag`."""
    return " › ".join(p for p in parts if p)


def report_fields(w: Writer, part: Part, fields: Sequence[LeafField]) -> None:
    """Unnumbered fields (Datum, Upprättad av) as a table: labels over values (decision D.2)."""
    widths = [f.DOCUMENT_WIDTH for f in fields]
    grid = w.table(widths, cm=True)
    labels = [f.display_label for f in fields]
    grid.describe(
        part.section.title,
        f"{_and(labels)}: en rubrikrad med fältens namn och en rad med svaren.",
    )
    for cell, f in zip(grid.row(header=True), fields, strict=True):
        header_cell(cell, f.display_label)
    for cell, f in zip(grid.row(), fields, strict=True):
        lines = value_lines(f, w.draft.answers.get(f.id), w.draft)
        fill(cell, [w.clean(x, where(part.title, f.display_label)) for x in lines])
    w.paragraph()


def text_question(w: Writer, part: Part, q: LeafField) -> None:
    """A numbered question answered in the body text (questions 2 and 5). Unanswered, it
    gets ruled lines to write the answer on by hand (a printed draft is filled in on paper)."""
    w.question(q)
    lines = value_lines(q, w.draft.answers.get(q.id), w.draft)
    if not lines:
        w.answer_space(ANSWER_LINES)
        return
    w.answer([w.clean(x, where(part.title, w.form.question_name(q))) for x in lines])


def _and(items: Sequence[str]) -> str:
    """`a, b och c`."""
    items = [x for x in items if x]
    if len(items) < 2:
        return "".join(items)
    return ", ".join(items[:-1]) + " och " + items[-1]


def _caption(w: Writer, part: Part, q: TableQuestion) -> str:
    """`Fråga 1: Efterfrågan` (the section title without its number)."""
    title = part.section.title.lstrip("0123456789. ").strip()
    name = w.form.question_name(q)
    return f"{name}: {title}" if title else name


def _description(q: TableQuestion, headers: Sequence[str]) -> str:
    rows = _and([r.label for r in q.rows])
    return (
        f"En rubrikrad ({_and(list(headers))}) och en rad per"
        f" {q.row_header.lower() or 'rad'}: {rows}."
    )


def _mark_options(column: LeafField) -> list[str] | None:
    """The options printed as columns of their own, or None for a one-column field."""
    return column.mark_columns()


def _label_width(q: TableQuestion, text_width_cm: float) -> float:
    """Room for the row labels: two lines of the longest label, at least its longest word."""
    labels = [q.row_header] + [r.label for r in q.rows]
    longest = max(len(x) for x in labels)
    longest_word = max(len(word) for x in labels for word in x.split() or [""])
    width = max(longest / 2 * CM_PER_CHAR, longest_word * CM_PER_WORD_CHAR) + 0.4
    return min(max(width, 3.0), 0.32 * text_width_cm)


def _widths(q: TableQuestion, text_width_cm: float) -> list[float]:
    """Column widths in cm: labels, narrow mark columns, text columns by their `width`."""
    label = _label_width(q, text_width_cm)
    fixed: list[float | None] = [label]
    weights: list[float] = [0.0]
    for column in q.printed_columns():
        options = _mark_options(column)
        if options is None:
            fixed.append(None)
            weights.append(column.width)
            continue
        for option in options:
            word = max(len(x) for x in option.split())
            fixed.append(max(1.3, word * CM_PER_WORD_CHAR + 0.4))
            weights.append(0.0)
    rest = text_width_cm - sum(x for x in fixed if x is not None)
    total_weight = sum(weights) or 1.0
    return [
        x if x is not None else rest * wt / total_weight
        for x, wt in zip(fixed, weights, strict=True)
    ]


def _cell_lines(w: Writer, q: TableQuestion, column: LeafField, cells: dict[str, Any]) -> list[str]:
    """A column's answer, followed by the lines of the columns printed into it (Q3's total,
    Q6's step in the samverkanstrappa)."""
    lines = value_lines(column, cells.get(column.id), w.draft)
    for extra in q.rendered_into(column.id):
        values = value_lines(extra, cells.get(extra.id), w.draft)
        if values:
            lines.append(extra.render_format.format(value=values[0]))
    return lines


def table_question(w: Writer, part: Part, q: TableQuestion) -> None:
    """The question, then its table: a bold header row, the fixed row labels, and the answers
    (the chosen option marked with the form's mark in its own column)."""
    heading = w.question(q)
    heading.paragraph_format.keep_with_next = True
    width_cm = w.width / Cm(1)
    grid = w.table(_widths(q, width_cm))
    columns = q.printed_columns()
    header = iter(grid.row(header=True))
    header_cell(next(header), q.row_header)
    headers = [q.row_header]
    for column in columns:
        options = _mark_options(column)
        if options is None:
            header_cell(next(header), column.label)
            headers.append(column.label)
            continue
        for option in options:
            cell = next(header)
            header_cell(cell, option)
            headers.append(option)
            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    grid.describe(_caption(w, part, q), _description(q, headers))
    height = 0
    answers = w.draft.answers.get(q.id) or {}
    name = w.form.question_name(q)
    for row in q.rows:
        values = answers.get(row.id) or {}
        row_cells = grid.row()
        cells = iter(row_cells)
        label = row.label
        given = values.get(NAME_KEY) if row.name_label else None
        if not is_empty(given):
            given_name = w.clean(given, where(part.title, name, row.label, row.name_label))
            label = row.name_format.format(label=row.label, name=given_name)
        fill(next(cells), [label])
        contents: list[list[str]] = [[label]]
        for column in columns:
            here = where(part.title, name, label, column.display_label)
            options = _mark_options(column)
            if options is None:
                lines = [w.clean(x, here) for x in _cell_lines(w, q, column, values)]
                fill(next(cells), lines)
                contents.append(lines)
                continue
            chosen = set(value_lines(column, values.get(column.id), w.draft))
            for option in options:
                cell = next(cells)
                cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
                fill(cell, [w.form.mark] if option in chosen else [], center=True)
                contents.append([w.form.mark])
        height += grid.keep_if_short(row_cells, contents, TABLE_FONT)
    if height < KEEP_TABLE_BELOW:
        grid.keep_on_one_page()  # with its question: a short table is not split
    w.paragraph()
