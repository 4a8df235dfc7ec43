"""Provides the rollover: next year's report started from this year's.

What is carried is data in the form file: fields and table columns with `carry = true`, and the
rows of a `rows` question according to its `status_field`, `carry_statuses`, `drop_statuses`
and `note_field`. Carried values are also recorded in `Draft.previous`, so the app can show
"Förra året: …" beside a field until the user changes it. The old draft is never changed.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from rsp_tui.drafts.model import ID_KEY, Draft, is_empty, new_draft
from rsp_tui.drafts.paths import AnswerPath, CellPath, InsatsPath, QuestionPath, RowNamePath
from rsp_tui.forms.programme import Programme
from rsp_tui.forms.schema import FormDefinition, RowsQuestion, TableQuestion
from rsp_tui.textutil import plain

CARRIED_KEY = "_carried"
"""In a carried insats: `{"year": <last year>, "note": <last year's note field>}`."""


@dataclass
class RolledItem:
    """One insats of last year's report and what became of it."""

    area: str
    """`Område 1`."""
    title: str
    """The first line of its planerade insats."""
    status: str
    carried: bool


@dataclass
class RolloverResult:
    """The new draft and a list of what was carried and what was left."""

    draft: Draft
    items: list[RolledItem] = field(default_factory=list)
    carried_fields: int = 0
    """Answers (outside the insatser) carried as a starting point."""
    programme_notes: list[str] = field(default_factory=list)
    """With a new programme: what of the carried insatser does not fit it (see
    `rsp_tui.drafts.programme_change`)."""

    def summary(self) -> list[str]:
        """Swedish lines for the user."""
        carried = [i for i in self.items if i.carried]
        left = [i for i in self.items if not i.carried]
        lines = [f"{len(carried)} insatser följer med, {len(left)} lämnas kvar."]
        for item in carried:
            why = f"status {item.status}" if item.status else "ingen status angiven"
            lines.append(f"  följer med: {item.area}: {item.title} ({why})")
        for item in left:
            lines.append(f"  lämnas:     {item.area}: {item.title} (status {item.status})")
        if self.programme_notes:
            lines.append("Det nya programmet:")
            lines.extend(f"  {note}" for note in self.programme_notes)
        return lines


def _first_line(text: Any, limit: int = 70) -> str:
    line = str(text or "").strip().split("\n", 1)[0]
    line = plain(line)
    return line if len(line) <= limit else line[: limit - 1] + "…"


def rollover(
    form: FormDefinition, old: Draft, year: int | None = None, programme: Programme | None = None
) -> RolloverResult:
    """A new draft for `year` (default: the year after) started from `old`; with `programme`,
    the new draft has that programme (a new programme period) and the carried insatser keep
    the goals it still has (the others are listed in `programme_notes`)."""
    new_year = old.year + 1 if year is None else year
    draft = new_draft(form, old.region, new_year, old.programme)
    draft.previous_year = old.year
    result = RolloverResult(draft=draft)

    def carry(path: AnswerPath, value: Any) -> None:
        if is_empty(value):
            return
        draft.set(path, copy.deepcopy(value))
        draft.previous[path.key] = copy.deepcopy(draft.get(path))
        result.carried_fields += 1

    for section in form.sections:
        for q in section.answer_questions():
            # Structural dispatch: the question's shape (table, rows, static text, programme)
            # decides what happens; a leaf field of any kind goes through its kind.
            if isinstance(q, TableQuestion):
                _carry_table(q, old, carry)
            elif isinstance(q, RowsQuestion):
                _carry_rows(form, q, old, draft, result)
            elif q.carry:
                carry(QuestionPath(q.id), old.answers.get(q.id))
    if programme is not None:
        from rsp_tui.drafts.programme_change import replace_programme

        result.programme_notes = replace_programme(form, draft, programme).lines()
    return result


def _carry_table(
    q: TableQuestion, old: Draft, carry: Callable[[AnswerPath, Any], None]
) -> None:
    columns = [c for c in q.columns if c.carry]
    if not columns:
        return
    cells_by_row = old.answers.get(q.id) or {}
    for row in q.rows:
        cells = cells_by_row.get(row.id) or {}
        for column in columns:
            carry(CellPath(q.id, row.id, column.id), cells.get(column.id))
        if row.name_label:
            carry(RowNamePath(q.id, row.id), old.get(RowNamePath(q.id, row.id)))


def _carry_rows(
    form: FormDefinition, q: RowsQuestion, old: Draft, draft: Draft, result: RolloverResult
) -> None:
    fields = [f for f in q.fields if f.carry]
    by_area = old.answers.get(q.id) or {}
    for area in old.programme.omraden:
        for item in by_area.get(area.id, []):
            status = str(item.get(q.status_field, "") or "") if q.status_field else ""
            title = _first_line(item.get(fields[0].id) if fields else "") or "(utan namn)"
            name = form.area_name(area)
            if status in q.drop_statuses:
                result.items.append(RolledItem(name, title, status, carried=False))
                continue
            values = {
                f.id: copy.deepcopy(item[f.id]) for f in fields if not is_empty(item.get(f.id))
            }
            new_item = draft.add_item(q.id, area.id, values)
            carried: dict[str, Any] = {"year": old.year}
            if q.note_field and not is_empty(item.get(q.note_field)):
                carried["note"] = item[q.note_field]
            new_item[CARRIED_KEY] = carried
            for key, value in values.items():
                path = InsatsPath(q.id, area.id, new_item[ID_KEY], key)
                draft.previous[path.key] = copy.deepcopy(value)
            result.items.append(RolledItem(name, title, status, carried=True))
