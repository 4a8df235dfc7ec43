"""Provides typed answer paths: where an answer lives in a draft, checked against the form.

One small frozen dataclass per place an answer can live:

- `QuestionPath("q2")`: a question's own answer;
- `CellPath("q1", row, column)`: a table cell;
- `RowNamePath("q6", "annan")`: the name typed for a table row that asks for one;
- `InsatsPath("insatser", område_id, insats_id, field_id)`: a field of one insats;
- `RegionPath()`, `YearPath()`: the draft's own region and verksamhetsår.

`resolve` checks a path against the form and returns the field kind that holds the answer,
so a wrong path is an error at once. Each path has a stable string form (`key`, e.g.
`"q1/rad/kolumn"`), used for `Draft.previous`; `parse_path` reads it back against the form.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeAlias

from rsp_tui.forms.kinds import TextField
from rsp_tui.forms.schema import (
    FieldKind,
    FormDefinition,
    LeafField,
    RowsQuestion,
    TableQuestion,
    TableRow,
)

NAME_KEY = "_name"
"""The key of a table row's name among its cells (see `rsp_tui.drafts.model`)."""


@dataclass(frozen=True, slots=True)
class QuestionPath:
    """A question's own answer (a leaf question: text, choice, date, …)."""

    question: str

    @property
    def key(self) -> str:
        return self.question


@dataclass(frozen=True, slots=True)
class CellPath:
    """One cell of a table question."""

    question: str
    row: str
    column: str

    @property
    def key(self) -> str:
        return f"{self.question}/{self.row}/{self.column}"


@dataclass(frozen=True, slots=True)
class RowNamePath:
    """The name of a table row that asks for one (`name_label`), e.g. "Annan aktör"."""

    question: str
    row: str

    @property
    def key(self) -> str:
        return f"{self.question}/{self.row}/{NAME_KEY}"


@dataclass(frozen=True, slots=True)
class InsatsPath:
    """One field of one insats (a row of a rows question) in one prioriterat område."""

    question: str
    area: str
    item: str
    field: str

    @property
    def key(self) -> str:
        return f"{self.question}/{self.area}/{self.item}/{self.field}"


@dataclass(frozen=True, slots=True)
class RegionPath:
    """The draft's region (not an answer of the form)."""

    @property
    def key(self) -> str:
        return "@region"


@dataclass(frozen=True, slots=True)
class YearPath:
    """The draft's verksamhetsår (not an answer of the form)."""

    @property
    def key(self) -> str:
        return "@year"


FormPath: TypeAlias = QuestionPath | CellPath | RowNamePath | InsatsPath
"""A path to an answer of the form's questions."""

AnswerPath: TypeAlias = FormPath | RegionPath | YearPath
"""Anything a field of the report edits: an answer of the form, or the region or year."""


class PathError(ValueError):
    """A path that does not fit the form; the message is Swedish."""


def row_name_field(row: TableRow) -> LeafField:
    """The text field that holds the name of a row with `name_label`."""
    return TextField(kind="text", id="name", label=row.name_label, required=False)


def resolve(form: FormDefinition, path: FormPath) -> LeafField:
    """The field kind that holds the answer at `path`; `PathError` for a path that does not
    fit the form (unknown question, row, column or field, or the wrong kind of path)."""
    try:
        question = form.question(path.question)
    except KeyError:
        raise PathError(
            f'okänd fråga "{path.question}" (finns inte i formuläret {form.id})'
        ) from None

    def name() -> str:  # for a message only
        return form.question_name(question) or path.question

    if isinstance(path, QuestionPath):
        if isinstance(question, FieldKind):
            return question
        if isinstance(question, TableQuestion):
            raise PathError(f"{name()} är en tabell: ange rad och kolumn")
        if isinstance(question, RowsQuestion):
            raise PathError(f"{name()} har rader: ange område, rad och fält")
        raise PathError(f"{name()} har inget svar")
    if isinstance(path, (CellPath, RowNamePath)):
        if not isinstance(question, TableQuestion):
            raise PathError(f"{name()} är ingen tabell")
        row = next((r for r in question.rows if r.id == path.row), None)
        if row is None:
            raise PathError(f'okänd rad "{path.row}" i {name()}')
        if isinstance(path, RowNamePath):
            if not row.name_label:
                raise PathError(f"raden {row.label} i {name()} har inget namn att fylla i")
            return row_name_field(row)
        column = next((c for c in question.columns if c.id == path.column), None)
        if column is None:
            raise PathError(f'okänd kolumn "{path.column}" i {name()}')
        return column
    if not isinstance(question, RowsQuestion):
        raise PathError(f"{name()} har inga rader")
    if not path.area or not path.item:
        raise PathError(f"{name()}: område och rad måste anges")
    field = next((f for f in question.fields if f.id == path.field), None)
    if field is None:
        raise PathError(f'okänt fält "{path.field}" i {name()}')
    return field


def path_from_key(key: str) -> AnswerPath:
    """The path whose `key` is `key`, by its shape alone (`PathError` if it has none)."""
    if key == "@region":
        return RegionPath()
    if key == "@year":
        return YearPath()
    parts = key.split("/")
    if any(not p for p in parts):
        raise PathError(f'ogiltig sökväg "{key}"')
    if len(parts) == 1:
        return QuestionPath(parts[0])
    if len(parts) == 3:
        if parts[2] == NAME_KEY:
            return RowNamePath(parts[0], parts[1])
        return CellPath(parts[0], parts[1], parts[2])
    if len(parts) == 4:
        return InsatsPath(parts[0], parts[1], parts[2], parts[3])
    raise PathError(f'ogiltig sökväg "{key}"')


def parse_path(form: FormDefinition, key: str) -> AnswerPath:
    """Read a path's `key` back, checked against the form (`PathError` if it does not fit)."""
    path = path_from_key(key)
    if not isinstance(path, (RegionPath, YearPath)):
        resolve(form, path)
    return path


def path_key(path: AnswerPath) -> str:
    """The stable string form of `path` (ids never contain `/`)."""
    return path.key
