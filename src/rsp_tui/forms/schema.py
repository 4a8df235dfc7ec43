"""Provides the schema of form definitions (forms/*.toml): sections, questions and field kinds.

Everything the user reads (question texts, help texts, column headers, row labels, choices) is
data in the form file; this module only says which shapes are allowed. Unknown keys are
rejected so that a misspelt key in a form file is reported instead of silently ignored.

Field kinds (the `kind` key):

- `text`: single-line text; `textarea`: multi-line text;
- `date`: an ISO date (ÅÅÅÅ-MM-DD);
- `decimal`: a number, Swedish decimal comma accepted, with an optional range;
- `emails`: one or more e-mail addresses;
- `choice`: one of `options` (optionally any other text, `allow_other`);
- `marks`: 0..n of `options` (printed as X in the document);
- `goals`: codes of the region's programme goals plus free text;
- `table`: fixed rows × typed columns; `rows`: repeatable rows with typed fields (insatser);
- `static`: text only; `programme`: the region's prioriterade områden and mål.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field, PlainValidator, SerializeAsAny, model_validator

from rsp_tui.defaults import empty_list
from rsp_tui.forms.kinds import (
    KINDS,
    ChoiceField,
    DateField,
    DecimalField,
    EmailsField,
    FieldBase,
    FieldKind,
    GoalsField,
    Id,
    LeafField,
    MarksField,
    Strict,
    TextAreaField,
    TextField,
    dispatch,
)

__all__ = [
    "KINDS",
    "LEAF_TYPES",
    "AnswerQuestion",
    "ChoiceField",
    "ColumnGroup",
    "DateField",
    "DecimalField",
    "EmailsField",
    "FieldBase",
    "FieldKind",
    "FormDefinition",
    "GoalsField",
    "Id",
    "LeafField",
    "MarksField",
    "ProgrammeQuestion",
    "Question",
    "RowsQuestion",
    "Section",
    "StaticBlock",
    "StaticQuestion",
    "Strict",
    "TableQuestion",
    "TableRow",
    "TextAreaField",
    "TextField",
    "YearSetting",
]


class TableRow(Strict):
    """A fixed row of a `table` question."""

    id: Id
    label: str
    """The row label, printed in the first column."""
    name_label: str = ""
    """If set, the row also asks for a name (e.g. which other actor); this is its label."""
    name_format: str = "{label}: {name}"
    """How the row label is printed when a name is given."""
    required: bool | None = None
    """The row's required columns must be answered; None: as the table's `required`."""


class TableQuestion(FieldBase):
    """A question answered in a table with fixed rows and typed columns."""

    kind: Literal["table"]
    row_header: str = ""
    """Header of the row-label column (may be empty)."""
    rows: list[TableRow]
    columns: list[LeafField]
    rows_required: bool = True
    """True: every row must be answered. False: answer the rows that apply (at least one);
    a row that is started must have its required columns."""

    @model_validator(mode="after")
    def _consistent(self) -> TableQuestion:
        _unique("rows", [r.id for r in self.rows])
        _unique("columns", [c.id for c in self.columns])
        ids = {c.id: c for c in self.columns}
        for column in self.columns:
            if column.render_into:
                target = ids.get(column.render_into)
                if target is None:
                    raise ValueError(
                        f'kolumnen "{column.id}": render_into pekar på "{column.render_into}",'
                        " som inte finns"
                    )
                if target.render_into:
                    raise ValueError(
                        f'kolumnen "{column.id}": render_into pekar på "{target.id}",'
                        " som själv skrivs in i en annan kolumn"
                    )
        return self

    def row_required(self, row: TableRow) -> bool:
        """Whether the row's required columns must be answered (form-spec D.14)."""
        return self.required if row.required is None else row.required

    def printed_columns(self) -> list[LeafField]:
        """Columns that get a column of their own in the document."""
        return [c for c in self.columns if not c.render_into]

    def rendered_into(self, column_id: str) -> list[LeafField]:
        """Columns whose values are printed inside `column_id`'s cell."""
        return [c for c in self.columns if c.render_into == column_id]


class ColumnGroup(Strict):
    """A column group of a `rows` table, e.g. `Handlingsplan för verksamhetsår {year}`."""

    id: Id
    label: str
    """`{year}` is the report's verksamhetsår and `{next_year}` the year after."""

    def render(self, year: int) -> str:
        """The label with the report's years filled in."""
        return self.label.format(year=year, next_year=year + 1)


class RowsQuestion(FieldBase):
    """Repeatable rows with typed fields: the insatser of a prioriterat område."""

    kind: Literal["rows"]
    item_label: str = "Rad"
    """What one row is called in the app, e.g. Insats."""
    groups: list[ColumnGroup] = Field(default_factory=empty_list)
    fields: list[LeafField]
    summary_fields: list[str] = Field(default_factory=empty_list)
    """Fields shown in the app's list of rows."""
    status_field: str = ""
    """The field that says whether a row goes on next year (rollover)."""
    carry_statuses: list[str] = Field(default_factory=empty_list)
    """Rows with one of these statuses are carried into next year's report."""
    drop_statuses: list[str] = Field(default_factory=empty_list)
    """Rows with one of these statuses are not carried; rows with any other (or no) status
    are carried with a remark, so that nothing is lost by mistake."""
    note_field: str = ""
    """The field whose text travels with a carried row as a note for next year."""

    @model_validator(mode="after")
    def _consistent(self) -> RowsQuestion:
        _unique("fields", [f.id for f in self.fields])
        _unique("groups", [g.id for g in self.groups])
        group_ids = {g.id for g in self.groups}
        for field in self.fields:
            if self.groups and field.group not in group_ids:
                raise ValueError(f'fältet "{field.id}": okänd grupp "{field.group}"')
        field_ids = {f.id for f in self.fields}
        for name in self.summary_fields:
            if name not in field_ids:
                raise ValueError(f'summary_fields: okänt fält "{name}"')
        for key in ("status_field", "note_field"):
            name = getattr(self, key)
            if name and name not in field_ids:
                raise ValueError(f'{key}: okänt fält "{name}"')
        return self

    def field(self, field_id: str) -> LeafField:
        """The field with this id."""
        for f in self.fields:
            if f.id == field_id:
                return f
        raise KeyError(field_id)

    def fields_in(self, group_id: str) -> list[LeafField]:
        """The fields of one column group, in order."""
        return [f for f in self.fields if f.group == group_id]


class StaticBlock(Strict):
    """One paragraph of static text; `**bold**` marks bold runs."""

    text: str
    style: Literal["body", "heading", "subheading", "centered"] = "body"


class StaticQuestion(Strict):
    """Text only: introductions and guidance."""

    kind: Literal["static"]
    id: Id
    blocks: list[StaticBlock]
    page_break_before: bool = False
    """Start this text on a new page in the document."""


class ProgrammeQuestion(Strict):
    """Where the app edits the region's programme (prioriterade områden and mål)."""

    kind: Literal["programme"]
    id: Id
    label: str = ""
    help: str = ""


_STRUCTURES: dict[str, type[BaseModel]] = {}
"""The question kinds that are structures rather than one value (filled in below)."""


def _question(value: Any) -> BaseModel:
    return dispatch(value, _STRUCTURES)


_STRUCTURES.update(
    table=TableQuestion, rows=RowsQuestion, static=StaticQuestion, programme=ProgrammeQuestion
)

Question = Annotated[
    SerializeAsAny[FieldKind | TableQuestion | RowsQuestion | StaticQuestion | ProgrammeQuestion],
    PlainValidator(_question),
]
"""A question of a section: any registered field kind, or one of the structures. The kind is
looked up when a form file is validated, so kinds registered later are accepted too."""

AnswerQuestion = FieldKind | TableQuestion | RowsQuestion
"""Questions that hold an answer (not static text, not the programme)."""

LEAF_TYPES = (FieldKind,)
"""The classes of questions that hold one value (every registered kind subclasses FieldKind)."""


class Section(Strict):
    """One part of the report: one screen in the app."""

    id: Id
    title: str
    """Title in the app's sidebar; in a repeated section `{number}` and `{title}` of the
    prioriterat område are filled in."""
    part: Literal["A", "B"]
    """A: the question form (portrait); B: the insatser (landscape)."""
    description: str = ""
    """A short explanation shown at the top of the screen."""
    repeat: Literal["omrade"] | None = None
    """`omrade`: one copy of this section per prioriterat område of the programme."""
    heading: str = ""
    """Heading printed before a repeated section, e.g. `Prioriterat område {number}. {title}`."""
    whole_title: str = ""
    """In a repeated section: sidebar title of the table of the programme's own goals (a
    programme with goals but no områden), e.g. `Programmets mål`."""
    whole_heading: str = ""
    """Heading printed before that table, e.g. `Programmets mål`."""
    questions: list[Question]

    def answer_questions(self) -> list[AnswerQuestion]:
        """The questions that hold answers, in order."""
        return [q for q in self.questions if not isinstance(q, StaticQuestion | ProgrammeQuestion)]


class YearSetting(Strict):
    """The report's verksamhetsår: allowed range and label."""

    label: str = "Verksamhetsår"
    min: int = 2022
    max: int = 2030


class Roles(Strict):
    """Which question plays a part the app relies on, by id, so that no id is written in the
    code (renaming a question in the form file keeps these working)."""

    author: str = ""
    """A `text` question: the name under Upprättad av, the document's author."""
    date: str = ""
    """A `date` question: the report's date (filled in on export when left blank)."""


ROLE_KINDS: dict[str, tuple[str, ...]] = {"author": ("text",), "date": ("date",)}
"""The field kinds each role accepts."""


class Labels(Strict):
    """How the app and the notes name the form's parts; `{number}` is filled in."""

    question: str = "Fråga {number}"
    """A numbered question, e.g. `Fråga 1`."""
    area: str = "Område {number}"
    """A prioriterat område in notes and lists, e.g. `Område 2`."""
    area_heading: str = "Prioriterat område {number}"
    """A prioriterat område as a heading in the app, e.g. `Prioriterat område 2`."""
    whole: str = "Programmets mål"
    """The programme's own goals (a programme without områden)."""

    def question_label(self, number: str) -> str:
        """`Fråga 1`."""
        return self.question.format(number=number)

    def area_label(self, number: str) -> str:
        """`Område 2`."""
        return self.area.format(number=number)

    def area_title(self, number: str, title: str = "") -> str:
        """`Prioriterat område 2. Titel` (without the title when it is empty)."""
        head = self.area_heading.format(number=number)
        return f"{head}. {title}".strip(". ") if title.strip() else head


class FormDefinition(Strict):
    """A whole form: Tillväxtverket's questionnaire and the insatser tables."""

    id: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_-]*$")]
    """The form's id; drafts record it. Lower case, digits, - and _."""
    version: int = Field(ge=1)
    """Raise when the structure changes so that old drafts need a migration."""
    title: str
    short_title: str = ""
    intro: list[str] = Field(default_factory=empty_list)
    """Paragraphs under the title; `**bold**` marks bold runs."""
    region_label: str = "Region:"
    mark: str = "X"
    """What the document prints in a marked column."""
    years: YearSetting = Field(default_factory=YearSetting)
    roles: Roles = Field(default_factory=Roles)
    """The questions the app relies on (author, date), by id."""
    labels: Labels = Field(default_factory=Labels)
    """How parts are named in the app and in notes (`Fråga {number}`, …)."""
    sections: list[Section]

    @model_validator(mode="after")
    def _unique_ids(self) -> FormDefinition:
        _unique("sections", [s.id for s in self.sections])
        _unique("questions", [q.id for s in self.sections for q in s.questions])
        if sum(1 for s in self.sections if s.repeat) > 1:
            raise ValueError("högst en sektion får ha repeat")
        kinds = {q.id: getattr(q, "kind", "") for s in self.sections for q in s.questions}
        for role, allowed in ROLE_KINDS.items():
            qid = getattr(self.roles, role)
            if not qid:
                continue
            if qid not in kinds:
                raise ValueError(f'roles.{role}: det finns ingen fråga med id "{qid}"')
            if kinds[qid] not in allowed:
                raise ValueError(
                    f'roles.{role}: frågan "{qid}" är av typen {kinds[qid]}, inte'
                    f" {' eller '.join(allowed)}"
                )
        return self

    def question_name(self, question: object) -> str:
        """How the app and notes name a question: `Fråga 1` (the form's label pattern) for a
        numbered question, else its label."""
        number = str(getattr(question, "number", "") or "")
        if number:
            return self.labels.question_label(number)
        return str(getattr(question, "display_label", ""))

    def area_name(self, area: object, *, with_title: bool = False) -> str:
        """How notes name a prioriterat område: `Område 2` (`Område 2. Titel` with the
        title), or `Programmets mål` for the programme's own goals."""
        if getattr(area, "whole", False):
            return self.labels.whole
        number = str(getattr(area, "number", "") or "") or "?"
        name = self.labels.area_label(number)
        title = str(getattr(area, "title", "") or "").strip()
        return f"{name}. {title}" if with_title and title else name

    def role(self, name: str) -> str:
        """The id of the question with this role (`author`, `date`); '' when the form has none."""
        return str(getattr(self.roles, name))

    def is_repeated(self, part_key: str) -> bool:
        """Whether a part key (`<section id>` or `<section id>:<område id>`) belongs to the
        repeated section; found by `repeat`, never by the section's id."""
        section = self.repeat_section
        return section is not None and part_key.startswith(f"{section.id}:")

    def section(self, section_id: str) -> Section:
        """The section with this id."""
        for s in self.sections:
            if s.id == section_id:
                return s
        raise KeyError(section_id)

    def question(self, question_id: str) -> Question:
        """The question with this id, in any section."""
        for s in self.sections:
            for q in s.questions:
                if q.id == question_id:
                    return q
        raise KeyError(question_id)

    def section_of(self, question_id: str) -> Section:
        """The section that holds the question."""
        for s in self.sections:
            if any(q.id == question_id for q in s.questions):
                return s
        raise KeyError(question_id)

    @property
    def repeat_section(self) -> Section | None:
        """The section repeated per prioriterat område, if any."""
        for s in self.sections:
            if s.repeat:
                return s
        return None


def _unique(what: str, ids: list[str]) -> None:
    seen: set[str] = set()
    for i in ids:
        if i in seen:
            raise ValueError(f'id "{i}" förekommer mer än en gång i {what}')
        seen.add(i)
