"""Provides Del A of the summary: every numbered question of the form, in the form's order,
written according to its shape (never according to its number):

- a table with a choice column (Fråga 1, Fråga 6): the number of reports per option and row as a
  table and a chart, a matrix report × row with each report's choice, then the texts per row;
- a table with a summed decimal column (Fråga 3): the value per report and row, the sum per row
  and in total (decimal comma), then the descriptions per row;
- a table asking for e-mail addresses (Fråga 4, contact persons): per row the names and
  addresses by report, or a sentence that they were left out;
- a free-text question (Fråga 2, Fråga 5): every answer, by report.

Comparing one region's years, the reports are its years: counts and charts are left out, and
what changed from the year before is marked.
"""

from __future__ import annotations

from collections import Counter

from rsp_tui.forms.schema import LEAF_TYPES, FieldKind, LeafField, TableQuestion
from rsp_tui.summary.figures import (
    OTHER,
    ChoiceCounts,
    cell,
    choice_column,
    choice_counts,
    decimal_sums,
    is_contacts,
    row_label,
    row_name,
    sum_column,
    text_of,
)
from rsp_tui.summary.layout import Sheet, header_width
from rsp_tui.textutil import format_decimal, plain

PORTRAIT_MAX_COLUMNS = 5
"""A matrix with more columns than this goes on a landscape page."""


def part_a(s: Sheet) -> None:
    """Every numbered question of part A."""
    for section in s.form.sections:
        if section.part != "A":
            continue
        for q in section.questions:
            # Structure, not kind: a table has rows and columns, a leaf question one answer.
            if isinstance(q, TableQuestion):
                table_question(s, q)
            elif isinstance(q, LEAF_TYPES) and q.number:
                text_question(s, q)


def _same_as(s: Sheet, index: int, text: str, previous: str) -> str:
    """Comparing years: a text equal to the year before's is not repeated."""
    if s.comparison and index > 0 and text and text == previous:
        return f"(oförändrat sedan {s.subjects[index - 1].label})"
    return text


def text_question(s: Sheet, q: LeafField) -> None:
    s.orientation(False)
    s.heading(q.title, 2)
    rows: list[list[str]] = []
    unanswered: list[str] = []
    previous = ""
    for n, subject in enumerate(s.subjects):
        text = text_of(q, subject.draft.answers.get(q.id), subject.draft)
        if text.strip():
            rows.append([subject.label, _same_as(s, n, text, previous)])
        else:
            unanswered.append(subject.label)
        previous = text
    if rows:
        s.table([s.key_label, "Svar"], rows, [1, 4])
    if unanswered:
        s.text(f"Ej besvarat: {', '.join(unanswered)}.", italic=True)


def _text_columns(q: TableQuestion) -> list[LeafField]:
    return [c for c in q.columns if c.summary_role() == "text"]


def _wide(q: TableQuestion) -> bool:
    return len(q.rows) + 1 > PORTRAIT_MAX_COLUMNS


def table_question(s: Sheet, q: TableQuestion) -> None:
    choice = choice_column(q)
    # Comparing years the matrix comes first: the question goes on its page, never alone.
    s.orientation(choice is not None and s.comparison and _wide(q))
    s.heading(q.title, 2)
    if is_contacts(q):
        contacts(s, q)
        return
    if choice is not None:
        if not s.comparison:
            counts = choice_counts(q, s.drafts)
            assert counts is not None
            counts_table(s, q, counts)
        matrix(s, q, choice)
    if sum_column(q) is not None:
        sums(s, q)
    texts(s, q)


def counts_table(s: Sheet, q: TableQuestion, counts: ChoiceCounts) -> None:
    """Reports per option and row, as a table and as a chart."""
    from rsp_tui.summary.charts import alt_text

    labels = [r.label for r in q.rows]
    row_ids = [r.id for r in q.rows]
    title = f"Antal rapporter per svar: {counts.column.display_label}"
    s.heading(title, 3, markup=False)
    rows = [[r.label, *(str(counts.counts[r.id][c]) for c in counts.categories)] for r in q.rows]
    s.table(
        [q.row_header, *counts.categories],
        rows,
        [5.0, *(header_width(c, 1.5) for c in counts.categories)],
        numeric_from=1,
    )
    per = plain(q.row_header or "rad").lower()
    chart_title = f"{s.form.question_name(q)}: {counts.column.display_label} per {per}"
    png = s.drawer.draw(labels, counts, row_ids)
    s.ensure()
    s.picture(png, 16.0, chart_title, alt_text(chart_title, labels, counts, row_ids))
    for row in q.rows:
        others = counts.other_texts.get(row.id)
        if others:
            grouped = Counter(others)
            listed = "; ".join(f"{text} ({n})" for text, n in grouped.items())
            s.text(f"{row.label}, {OTHER.lower()}: {listed}.", italic=True)


def matrix(s: Sheet, q: TableQuestion, choice: FieldKind) -> None:
    """Each report's choice per row; comparing years, a change from the year before is bold."""
    wide = _wide(q)
    if wide:
        s.orientation(True)
    s.heading(f"{choice.display_label} per {s.key_label.lower()}", 3, markup=False)
    rows: list[list[str]] = []
    changed: list[tuple[int, int]] = []
    for n, subject in enumerate(s.subjects):
        values = [subject.label]
        for c, row in enumerate(q.rows, start=1):
            value = text_of(choice, cell(subject.draft, q, row.id, choice.id), subject.draft)
            name = row_name(subject.draft, q, row.id)
            if name:
                value = f"{value}\n({name})" if value else f"({name})"
            values.append(value)
            if s.comparison and n > 0 and rows[n - 1][c] != value:
                changed.append((n, c))
        rows.append(values)
    s.table(
        [s.key_label, *(r.label for r in q.rows)],
        rows,
        [2.2, *([1.6] * len(q.rows))],
        bold_cells=changed,
    )
    if s.comparison:
        s.text("Fetstil: ändrat sedan året innan.", italic=True)
    if wide:
        s.orientation(False)


def sums(s: Sheet, q: TableQuestion) -> None:
    """The summed column per report and row, with the sums (decimal comma)."""
    result = decimal_sums(q, s.drafts)
    assert result is not None
    column = result.column
    s.heading(column.display_label, 3, markup=False)

    def fmt(value: object) -> str:
        return format_decimal(value) if value is not None else ""  # type: ignore[arg-type]

    rows = []
    for n, subject in enumerate(s.subjects):
        values = result.values[n]
        rows.append(
            [subject.label, *(fmt(values[r.id]) for r in q.rows), fmt(result.report_total(n))]
        )
    bold: list[int] = []
    if not s.comparison:
        label = column.summary_sum_label() or "Summa"
        rows.append([label, *(fmt(result.row_sums[r.id]) for r in q.rows), fmt(result.total)])
        bold.append(len(rows) - 1)
    s.table(
        [s.key_label, *(r.label for r in q.rows), "Totalt"],
        rows,
        [2.5, *([2.0] * len(q.rows)), 1.6],
        bold_rows=bold,
        numeric_from=1,
    )


def texts(s: Sheet, q: TableQuestion) -> None:
    """The text columns per row, by report (only the reports that wrote something)."""
    columns = _text_columns(q)
    if not columns:
        return
    for row in q.rows:
        lines: list[list[str]] = []
        previous = [""] * len(columns)
        for n, subject in enumerate(s.subjects):
            values = [
                text_of(c, cell(subject.draft, q, row.id, c.id), subject.draft) for c in columns
            ]
            if any(v.strip() for v in values):
                label = subject.label
                printed = row_label(subject.draft, q, row.id)
                if printed != row.label:
                    label += f"\n({printed})"
                shown = [_same_as(s, n, v, p) for v, p in zip(values, previous, strict=True)]
                lines.append([label, *shown])
            previous = values
        if not lines:
            continue
        s.heading(row.label, 3, markup=False)
        s.table(
            [s.key_label, *(c.display_label for c in columns)],
            lines,
            [1.2, *([4.0 / len(columns)] * len(columns))],
        )


def contacts(s: Sheet, q: TableQuestion) -> None:
    """The contact persons per role (row), by report; left out with --no-contacts."""
    if s.options.no_contacts:
        s.text(
            "Kontaktpersonerna är utelämnade ur den här sammanställningen (den skapades med"
            " --no-contacts).",
            italic=True,
        )
        return
    for row in q.rows:
        lines = []
        for subject in s.subjects:
            values = [
                text_of(c, cell(subject.draft, q, row.id, c.id), subject.draft) for c in q.columns
            ]
            if any(v.strip() for v in values):
                lines.append([subject.label, *values])
        s.heading(row.label, 3, markup=False)
        if lines:
            s.table(
                [s.key_label, *(c.display_label for c in q.columns)],
                lines,
                [1.3, *([4.5 / len(q.columns)] * len(q.columns))],
            )
        else:
            s.text("Inga kontaktpersoner angivna.", italic=True)
