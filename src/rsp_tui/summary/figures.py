"""Provides the figures of the national summary, computed from the reports by walking the form
definition (which questions exist, their rows, columns and options all come from the form):

- a table question with a choice column (Fråga 1, Fråga 6): how many reports chose each option,
  per row (`choice_counts`);
- a table question with a summed decimal column (Fråga 3): the value per report and row, the sum
  per row and in total (`decimal_sums`);
- the insatser (Del B): per report and prioriterat område the number of insatser, per status and
  per serviceslag (`insats_counts`).

Also `text_of`, the printed text of any answer (decimal comma, marks and goals as text), shared by
the document and the CSV. Headless and free of python-docx.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from rsp_tui.drafts.model import NAME_KEY, Draft
from rsp_tui.forms.programme import Area
from rsp_tui.forms.schema import FieldKind, LeafField, RowsQuestion, TableQuestion

NOT_ANSWERED = "Ej besvarat"
OTHER = "Annat"
NOT_GIVEN = "Ej angiven"


def text_of(f: LeafField, value: Any, draft: Draft) -> str:
    """The answer as printed: decimals with a comma, marks and e-mail lists joined, goals as
    `<kod> <text>` lines (unknown codes as written). Empty when unanswered (the kind says)."""
    return f.summary_value(value, draft.programme)


def cell(draft: Draft, q: TableQuestion, row_id: str, column_id: str) -> Any:
    """The raw answer in one cell of a table question."""
    rows = draft.answers.get(q.id)
    if not isinstance(rows, dict):
        return None
    row = rows.get(row_id)
    return row.get(column_id) if isinstance(row, dict) else None


def row_name(draft: Draft, q: TableQuestion, row_id: str) -> str:
    """The name this report gave a row that asks for one (`Energikontoret`), else ""."""
    row = next(r for r in q.rows if r.id == row_id)
    name = cell(draft, q, row_id, NAME_KEY)
    return name.strip() if row.name_label and isinstance(name, str) else ""


def row_label(draft: Draft, q: TableQuestion, row_id: str) -> str:
    """The row's label as this report prints it (`Annan: Energikontoret`)."""
    row = next(r for r in q.rows if r.id == row_id)
    name = row_name(draft, q, row_id)
    return row.name_format.format(label=row.label, name=name) if name else row.label


def choice_column(q: TableQuestion) -> FieldKind | None:
    """The table's (first) column counted per option (a choice), if it has one."""
    return next((c for c in q.columns if c.summary_role() == "choice"), None)


def sum_column(q: TableQuestion) -> FieldKind | None:
    """The table's summed column (a decimal with `sum`), if it has one."""
    return next((c for c in q.columns if c.summary_role() == "sum"), None)


def is_contacts(q: TableQuestion) -> bool:
    """A table of contact persons (personal data): it asks for e-mail addresses."""
    return any(c.summary_role() == "contact" for c in q.columns)


@dataclass
class ChoiceCounts:
    """How many reports chose each option, per row of a table question."""

    column: FieldKind
    categories: list[str]
    """The options, then `Annat` (when other text is allowed) and `Ej besvarat`."""
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    """By row id, then category."""
    other_texts: dict[str, list[str]] = field(default_factory=dict)
    """By row id: the other texts given (e.g. `Samtal via kommunerna`)."""


def classify(column: FieldKind, value: Any) -> str:
    """The category of one answer: an option, `Annat` or `Ej besvarat`."""
    text = str(value).strip() if value is not None else ""
    if not text:
        return NOT_ANSWERED
    if text in column.summary_options():
        return text
    return OTHER


def choice_counts(q: TableQuestion, drafts: list[Draft]) -> ChoiceCounts | None:
    """Counts over `drafts` for the table's choice column (None without one)."""
    column = choice_column(q)
    if column is None:
        return None
    options = column.summary_options()
    categories = options + ([OTHER] if column.summary_other() else []) + [NOT_ANSWERED]
    result = ChoiceCounts(column=column, categories=categories)
    for row in q.rows:
        counts = dict.fromkeys(categories, 0)
        for d in drafts:
            value = cell(d, q, row.id, column.id)
            category = classify(column, value)
            if category not in counts:  # an other text where the form allows none
                counts.setdefault(OTHER, 0)
                if OTHER not in result.categories:
                    result.categories.insert(len(options), OTHER)
            counts[category] += 1
            if category == OTHER:
                result.other_texts.setdefault(row.id, []).append(str(value).strip())
        result.counts[row.id] = counts
    for counts in result.counts.values():
        for c in result.categories:
            counts.setdefault(c, 0)
    return result


@dataclass
class DecimalSums:
    """A summed decimal column: values per report and row, sums per row and in total."""

    column: FieldKind
    values: list[dict[str, Decimal | None]]
    """Per report (in the order given), by row id; None when unanswered or not a number."""
    row_sums: dict[str, Decimal]
    total: Decimal

    def report_total(self, index: int) -> Decimal | None:
        """One report's sum over its rows (None when it answered none)."""
        numbers = [v for v in self.values[index].values() if v is not None]
        return sum(numbers, Decimal(0)) if numbers else None


def decimal_sums(q: TableQuestion, drafts: list[Draft]) -> DecimalSums | None:
    """Sums over `drafts` for the table's summed decimal column (None without one)."""
    column = sum_column(q)
    if column is None:
        return None
    values: list[dict[str, Decimal | None]] = []
    for d in drafts:
        per_row: dict[str, Decimal | None] = {}
        for row in q.rows:
            raw = cell(d, q, row.id, column.id)
            per_row[row.id] = column.summary_number(raw)
        values.append(per_row)
    row_sums: dict[str, Decimal] = {}
    for row in q.rows:
        numbers = [x for v in values if (x := v[row.id]) is not None]
        row_sums[row.id] = sum(numbers, Decimal(0))
    return DecimalSums(column, values, row_sums, sum(row_sums.values(), Decimal(0)))


@dataclass
class AreaCount:
    """The insatser of one prioriterat område of one report."""

    number: str
    title: str
    insatser: int = 0
    status: dict[str, int] = field(default_factory=dict)
    """By status option, plus `Ej angiven`."""
    marks: dict[str, int] = field(default_factory=dict)
    """By serviceslag option (an insats may mark several), plus `Ej angiven`."""
    names: list[str] = field(default_factory=list)
    """The first line of each insats's first field (its name)."""


@dataclass
class InsatsCounts:
    """Del B for one report."""

    status_labels: list[str]
    mark_labels: list[str]
    areas: list[AreaCount]

    def total(self) -> AreaCount:
        """The report's totals over its områden."""
        out = AreaCount("", "", status=dict.fromkeys(self.status_labels, 0))
        out.marks = dict.fromkeys(self.mark_labels, 0)
        for a in self.areas:
            out.insatser += a.insatser
            for k, v in a.status.items():
                out.status[k] = out.status.get(k, 0) + v
            for k, v in a.marks.items():
                out.marks[k] = out.marks.get(k, 0) + v
        return out


def status_field(q: RowsQuestion) -> FieldKind | None:
    """The insats field that says Klar / Fortsätter (a choice)."""
    f = q.field(q.status_field) if q.status_field else None
    if f is not None and f.summary_role() == "choice":
        return f
    return next((x for x in q.fields if x.summary_role() == "choice"), None)


def marks_field(q: RowsQuestion) -> FieldKind | None:
    """The insats field with the serviceslag marks."""
    return next((x for x in q.fields if x.summary_role() == "marks"), None)


def area_insatser(
    q: RowsQuestion, draft: Draft
) -> Iterator[tuple[Area, list[tuple[int, dict[str, Any]]]]]:
    """Per område of the report's programme, in order: its insatser with their place in it
    (from 1). An item that is no table (a hand-edited draft) is skipped but keeps its place."""
    by_area = draft.answers.get(q.id)
    by_area = by_area if isinstance(by_area, dict) else {}
    for area in draft.programme.omraden:
        items = by_area.get(area.id) or []
        yield area, [(n, item) for n, item in enumerate(items, start=1) if isinstance(item, dict)]


def insats_counts(q: RowsQuestion, draft: Draft) -> InsatsCounts:
    """Counts of one report's insatser per område, status and serviceslag."""
    sf, mf = status_field(q), marks_field(q)
    status_options = sf.summary_options() if sf else []
    mark_options = mf.summary_options() if mf else []
    status_labels = [*status_options, NOT_GIVEN]
    mark_labels = [*mark_options, NOT_GIVEN]
    name_field = q.fields[0]
    areas: list[AreaCount] = []
    for area, items in area_insatser(q, draft):
        count = AreaCount(area.number, area.title, status=dict.fromkeys(status_labels, 0))
        count.marks = dict.fromkeys(mark_labels, 0)
        for _, item in items:
            count.insatser += 1
            status = str(item.get(sf.id, "") if sf else "").strip()
            key = status if status in status_options else NOT_GIVEN
            count.status[key] += 1
            marked = item.get(mf.id) if mf else None
            chosen = [m for m in (marked or []) if m in mark_options]
            for m in chosen:
                count.marks[m] += 1
            if not chosen:
                count.marks[NOT_GIVEN] += 1
            name = str(item.get(name_field.id) or "").strip().split("\n")[0]
            count.names.append(name)
        areas.append(count)
    return InsatsCounts(status_labels, mark_labels, areas)
