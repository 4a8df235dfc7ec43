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

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

Id = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]
"""A stable identifier: answers in drafts are stored under it. Lower case, digits and _."""


class Strict(BaseModel):
    """Base of every form-file model: unknown keys are an error, values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class FieldBase(Strict):
    """What every field, column and question has."""

    id: Id
    """Stable id; answers are stored under it."""
    label: str = ""
    """Short label (column header in the document, field label in the app)."""
    app_label: str = ""
    """Label used in the app when `label` is empty in the official form."""
    help: str = ""
    """Help text (in tables: the helper text under the column title)."""
    app_help: str = ""
    """Help shown in the app instead of `help`, where the document's text (printed in the
    column header) does not say what to do in the app, e.g. "Markera med X."."""
    required: bool = False
    """Required (form-spec D.14): unanswered is a warning while drafting and blocks a final
    export. Not required: left blank it is listed as `inte besvarad` (see `list_blank`) and
    the cell stays blank in the document; it never blocks an export."""
    list_blank: bool = True
    """For a field that is not required: list it as `inte besvarad` before a final export
    and count it in the progress figure when blank. False for details a region often leaves
    blank on purpose (a comment, a step, a note); those count once answered."""
    number: str = ""
    """Question number as printed, e.g. "1"."""
    text: str = ""
    """The question sentence as printed (without its number)."""
    instruction: str = ""
    """Instruction printed after the question sentence, in the regular font."""
    instruction_inline: bool = False
    """Print the instruction on the same line as the question sentence."""
    guidance: list[str] = Field(default_factory=list)
    """Guidance bullets printed under the question."""
    footnote: str = ""
    """Footnote attached to the end of the instruction."""
    group: str = ""
    """In a `rows` question: the id of the column group this field belongs to."""
    shaded: bool = False
    """Shade this column in the document."""
    width: float = 1.0
    """Relative column width in the document."""
    render_into: str = ""
    """In a `table`: print this column's value inside another column's cell instead."""
    render_format: str = ""
    """With `render_into`: the line printed, `{value}` is the answer."""
    carry: bool = False
    """Next year's report starts from this year's answer (rollover)."""

    @property
    def title(self) -> str:
        """The question as printed: `1. Hur bedömer …`, or the label."""
        if self.text:
            return f"{self.number}. {self.text}" if self.number else self.text
        return self.label or self.app_label or self.id

    @property
    def display_label(self) -> str:
        """The label shown in the app."""
        return self.label or self.app_label or self.text or self.id


class TextField(FieldBase):
    """Single-line text."""

    kind: Literal["text"]


class TextAreaField(FieldBase):
    """Multi-line text; line breaks are kept in the document."""

    kind: Literal["textarea"]


class DateField(FieldBase):
    """An ISO date, ÅÅÅÅ-MM-DD."""

    kind: Literal["date"]
    default: Literal["today", "export"] | None = None
    """`today`: a new report gets the day it was created. `export`: left blank, the date is
    the day of the export (form-spec D.2); a date the user types is kept."""


class DecimalField(FieldBase):
    """A decimal number; `0,85` and `0.85` are both accepted."""

    kind: Literal["decimal"]
    min: float | None = None
    max: float | None = None
    sum: bool = False
    """In a table: the app shows the sum of this column."""
    sum_label: str = ""

    @model_validator(mode="after")
    def _range(self) -> DecimalField:
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError(f"min ({self.min}) är större än max ({self.max})")
        return self


class EmailsField(FieldBase):
    """One or more e-mail addresses, one per line or separated by commas."""

    kind: Literal["emails"]


def _check_options(options: list[str]) -> None:
    if not options:
        raise ValueError("options får inte vara tom")
    duplicates = sorted({o for o in options if options.count(o) > 1})
    if duplicates:
        raise ValueError(f"options har dubbletter: {', '.join(duplicates)}")


class ChoiceField(FieldBase):
    """One of `options`, or not yet answered."""

    kind: Literal["choice"]
    options: list[str]
    allow_other: bool = False
    """Any other text is accepted too."""
    as_columns: bool = False
    """In a table in the document: one column per option, the chosen one marked."""

    @model_validator(mode="after")
    def _options(self) -> ChoiceField:
        _check_options(self.options)
        return self


class MarksField(FieldBase):
    """Zero or more of `options`; printed as one marked column per option."""

    kind: Literal["marks"]
    options: list[str]
    short_options: list[str] = []
    """Abbreviations the document prints as column headers, one per option, explained in a
    legend above the table (empty: the options themselves, rotated)."""

    @model_validator(mode="after")
    def _options(self) -> MarksField:
        _check_options(self.options)
        if self.short_options and len(self.short_options) != len(self.options):
            raise ValueError(
                f"short_options: {len(self.short_options)} förkortningar för"
                f" {len(self.options)} alternativ; ange en per alternativ"
            )
        return self


class GoalsField(FieldBase):
    """Goal codes from the region's programme, plus free text for other goals."""

    kind: Literal["goals"]
    other_label: str = "Andra mål"


LeafField = Annotated[
    TextField
    | TextAreaField
    | DateField
    | DecimalField
    | EmailsField
    | ChoiceField
    | MarksField
    | GoalsField,
    Field(discriminator="kind"),
]
"""A field that holds one value: a question of its own, a table column or an insats field."""


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
    groups: list[ColumnGroup] = Field(default_factory=list)
    fields: list[LeafField]
    summary_fields: list[str] = Field(default_factory=list)
    """Fields shown in the app's list of rows."""
    status_field: str = ""
    """The field that says whether a row goes on next year (rollover)."""
    carry_statuses: list[str] = Field(default_factory=list)
    """Rows with one of these statuses are carried into next year's report."""
    drop_statuses: list[str] = Field(default_factory=list)
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


Question = Annotated[
    TextField
    | TextAreaField
    | DateField
    | DecimalField
    | EmailsField
    | ChoiceField
    | MarksField
    | GoalsField
    | TableQuestion
    | RowsQuestion
    | StaticQuestion
    | ProgrammeQuestion,
    Field(discriminator="kind"),
]

AnswerQuestion = (
    TextField
    | TextAreaField
    | DateField
    | DecimalField
    | EmailsField
    | ChoiceField
    | MarksField
    | GoalsField
    | TableQuestion
    | RowsQuestion
)
"""Questions that hold an answer (not static text, not the programme)."""

LEAF_TYPES = (
    TextField,
    TextAreaField,
    DateField,
    DecimalField,
    EmailsField,
    ChoiceField,
    MarksField,
    GoalsField,
)


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


class FormDefinition(Strict):
    """A whole form: Tillväxtverket's questionnaire and the insatser tables."""

    id: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_-]*$")]
    """The form's id; drafts record it. Lower case, digits, - and _."""
    version: int = Field(ge=1)
    """Raise when the structure changes so that old drafts need a migration."""
    title: str
    short_title: str = ""
    intro: list[str] = Field(default_factory=list)
    """Paragraphs under the title; `**bold**` marks bold runs."""
    region_label: str = "Region:"
    mark: str = "X"
    """What the document prints in a marked column."""
    years: YearSetting = Field(default_factory=YearSetting)
    sections: list[Section]

    @model_validator(mode="after")
    def _unique_ids(self) -> FormDefinition:
        _unique("sections", [s.id for s in self.sections])
        _unique("questions", [q.id for s in self.sections for q in s.questions])
        if sum(1 for s in self.sections if s.repeat) > 1:
            raise ValueError("högst en sektion får ha repeat")
        return self

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
