"""Provides the structural check of a draft's answers against its form: every key is a known
question, row, column or field, and every value has the type its field kind stores.

This is about whether the file can be used at all (a hand-edited draft with `year = "två"` or
an unknown key); whether the answers are complete and valid is `rsp_tui.validation`.
"""

from __future__ import annotations

from typing import Any

from rsp_tui.drafts.model import ID_KEY, NAME_KEY
from rsp_tui.drafts.paths import row_name_field
from rsp_tui.forms.programme import Programme
from rsp_tui.forms.schema import (
    FormDefinition,
    LeafField,
    RowsQuestion,
    TableQuestion,
)

ITEM_META_KEYS = {ID_KEY, "_carried"}
"""rsp-tui's own keys inside an insats: its id and the note a rollover brought along."""

Problem = tuple[tuple[str | int, ...], str]


def _value_problem(field: LeafField, value: Any) -> str | None:
    return field.shape_problem(value)


def check_shapes(form: FormDefinition, programme: Programme, answers: Any) -> list[Problem]:
    """Every structural problem, as (key path under the draft, Swedish message)."""
    base: tuple[str | int, ...] = ("answers",)
    if not isinstance(answers, dict):
        return [(base, "ska vara en tabell")]
    problems: list[Problem] = []
    questions = {q.id: q for s in form.sections for q in s.answer_questions()}
    area_ids = {a.id for a in programme.omraden}
    for qid, value in answers.items():
        where = (*base, qid)
        question = questions.get(qid)
        if question is None:
            problems.append((where, f'okänd fråga "{qid}" (finns inte i formuläret {form.id})'))
            continue
        # Structural dispatch: a table or rows question has its own shape; a leaf field of
        # any kind is checked by its kind (`_value_problem`).
        if isinstance(question, TableQuestion):
            problems.extend(_check_table(question, value, where))
        elif isinstance(question, RowsQuestion):
            problems.extend(_check_rows(question, value, where, area_ids))
        else:
            msg = _value_problem(question, value)
            if msg:
                problems.append((where, msg))
    return problems


def _check_table(
    question: TableQuestion, value: Any, where: tuple[str | int, ...]
) -> list[Problem]:
    if not isinstance(value, dict):
        return [(where, "ska vara en tabell")]
    problems: list[Problem] = []
    rows = {r.id: r for r in question.rows}
    columns = {c.id: c for c in question.columns}
    for row_id, cells in value.items():
        row = rows.get(row_id)
        if row is None:
            problems.append(((*where, row_id), f'okänd rad "{row_id}"'))
            continue
        if not isinstance(cells, dict):
            problems.append(((*where, row_id), "ska vara en tabell"))
            continue
        for col_id, cell in cells.items():
            at = (*where, row_id, col_id)
            if col_id == NAME_KEY and row.name_label:
                msg = row_name_field(row).shape_problem(cell)  # the name is a text field
                if msg:
                    problems.append((at, msg))
                continue
            column = columns.get(col_id)
            if column is None:
                problems.append((at, f'okänd kolumn "{col_id}"'))
                continue
            msg = _value_problem(column, cell)
            if msg:
                problems.append((at, msg))
    return problems


def _check_rows(
    question: RowsQuestion, value: Any, where: tuple[str | int, ...], area_ids: set[str]
) -> list[Problem]:
    if not isinstance(value, dict):
        return [(where, "ska vara en tabell med ett område per nyckel")]
    problems: list[Problem] = []
    fields = {f.id: f for f in question.fields}
    seen_ids: set[str] = set()
    for area_id, items in value.items():
        at_area = (*where, area_id)
        if area_id not in area_ids:
            problems.append((at_area, f'området "{area_id}" finns inte i programmet'))
            continue
        if not isinstance(items, list):
            problems.append((at_area, "ska vara en lista av insatser [[…]]"))
            continue
        for n, item in enumerate(items):
            at = (*at_area, n)
            if not isinstance(item, dict):
                problems.append((at, "ska vara en tabell"))
                continue
            item_id = item.get(ID_KEY)
            if not isinstance(item_id, str) or not item_id:
                problems.append(((*at, ID_KEY), "insatsens id saknas"))
            elif item_id in seen_ids:
                problems.append(((*at, ID_KEY), f'id "{item_id}" förekommer mer än en gång'))
            else:
                seen_ids.add(item_id)
            for key, cell in item.items():
                if key in ITEM_META_KEYS:
                    continue
                field = fields.get(key)
                if field is None:
                    problems.append(((*at, key), f'okänt fält "{key}"'))
                    continue
                msg = _value_problem(field, cell)
                if msg:
                    problems.append(((*at, key), msg))
    return problems
