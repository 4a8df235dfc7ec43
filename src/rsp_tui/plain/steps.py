"""Provides the questions of one report part as a list of steps, one answer each, in the
order the plain mode asks them: a question of its own is one step, a table one step per row
and column, an insats one step per field. Every text comes from the form definition."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rsp_tui.drafts.model import Draft
from rsp_tui.drafts.paths import (
    AnswerPath,
    CellPath,
    InsatsPath,
    QuestionPath,
    RowNamePath,
    row_name_field,
)
from rsp_tui.forms.schema import (
    FieldBase,
    LeafField,
    ProgrammeQuestion,
    RowsQuestion,
    StaticQuestion,
    TableQuestion,
    TableRow,
)
from rsp_tui.structure import Part
from rsp_tui.textutil import plain


@dataclass
class Step:
    """One prompt: an answer to give, a row to open or skip, or the insatser menu."""

    kind: str
    """`answer`, `gate` (open an optional table row?) or `menu` (the insatser of an område)."""
    intro: list[str] = field(default_factory=list)
    """Lines printed before the prompt: the question, its instruction, the row."""
    path: AnswerPath | None = None
    """For `answer`: where the answer is stored."""
    field: LeafField | None = None
    label: str = ""
    """What is asked, e.g. `Bedömning` or `Planerade insatser`."""
    sub: str = ""
    """For a goals field: `codes` (the programme's mål) or `other` (free text)."""
    row: str = ""
    """Table row id; a gate skips every following step of the same row."""
    question: RowsQuestion | None = None
    """For `menu`: the insatser question."""
    brief: bool = False
    """Asked before in the same table (a later row): the field's help is not repeated."""


def question_intro(q: FieldBase) -> list[str]:
    """The question as printed in the form: number and sentence, instruction, guidance."""
    lines: list[str] = []
    title = q.title
    if q.instruction and q.instruction_inline:
        lines.append(plain(f"{title} {q.instruction}"))
    else:
        lines.append(plain(title))
        if q.instruction:
            lines.append(plain(q.instruction))
    lines.extend(f"– {plain(g)}" for g in q.guidance)
    return lines


def static_lines(q: StaticQuestion) -> list[str]:
    """The paragraphs of a static text, without markup."""
    return [plain(b.text) for b in q.blocks]


def part_steps(part: Part, draft: Draft) -> list[Step]:
    """The steps of one part, in order (an insats's own fields come from `item_steps`)."""
    steps: list[Step] = []
    for q in part.section.questions:
        # Structural dispatch: the question's shape (table, rows, static text, programme)
        # decides what happens; a leaf field of any kind goes through its kind.
        if isinstance(q, StaticQuestion | ProgrammeQuestion):
            continue
        if isinstance(q, TableQuestion):
            steps.extend(_table_steps(q, draft))
        elif isinstance(q, RowsQuestion):
            if part.area is not None:
                steps.append(Step("menu", label=q.label, question=q))
        else:
            steps.extend(_answer_steps(q, QuestionPath(q.id), question_intro(q) if q.text else []))
    return steps


def _table_steps(q: TableQuestion, draft: Draft) -> list[Step]:
    steps: list[Step] = []
    head = question_intro(q)
    for n, row in enumerate(q.rows):
        row_intro = [*head] if n == 0 else []
        row_intro.append(_row_title(q, row))
        if not q.rows_required:
            steps.append(Step("gate", row_intro, label=row.label, row=row.id))
            row_intro = []
        for m, column in enumerate(q.columns):
            steps.append(
                Step("answer", row_intro if m == 0 else [], CellPath(q.id, row.id, column.id),
                     column, column.display_label, row=row.id, brief=n > 0)
            )
        if row.name_label:
            name = row_name_field(row)
            steps.append(
                Step("answer", [], RowNamePath(q.id, row.id), name, row.name_label, row=row.id)
            )
    return steps


def _row_title(q: TableQuestion, row: TableRow) -> str:
    return f"{q.row_header}: {row.label}" if q.row_header else row.label


def item_steps(q: RowsQuestion, area_id: str, item_id: str, number: int, year: int) -> list[Step]:
    """The fields of one insats, group by group, then back to the insatser menu."""
    steps: list[Step] = []
    group_labels = {g.id: g.render(year) for g in q.groups}
    seen_group = ""
    for n, f in enumerate(q.fields):
        intro: list[str] = [f"{q.item_label} {number}"] if n == 0 else []
        if f.group and f.group != seen_group:
            intro.append(group_labels.get(f.group, ""))
            seen_group = f.group
        path = InsatsPath(q.id, area_id, item_id, f.id)
        steps.extend(_answer_steps(f, path, intro))
    steps.append(Step("menu", label=q.label, question=q))
    return steps


def _answer_steps(f: LeafField, path: AnswerPath, intro: list[str]) -> list[Step]:
    """One step per part the kind is asked in (goals: the codes, then other goals)."""
    return [
        Step("answer", intro if n == 0 else [], path, f, label, sub=sub)
        for n, (sub, label) in enumerate(f.plain_parts())
    ]


def step_value(step: Step, draft: Draft) -> Any:
    """The answer stored for this step (for goals: the codes or the other text)."""
    value = draft.get(step.path) if step.path is not None else None
    if step.sub and isinstance(value, dict):
        return value.get(step.sub)
    if step.sub == "codes":
        return []
    if step.sub == "other":
        return ""
    return value
