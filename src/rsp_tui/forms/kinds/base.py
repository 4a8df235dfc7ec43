"""Provides the base of every field kind and the registry of kinds.

A field kind is one pydantic model (so form files are validated with line numbers and Swedish
messages) that also owns the pure behaviour of its answers: what empty means, the check of a
value, the lines printed in the document, reading a document cell back, the value in the
national summary and the plain mode's prompts. Defining a subclass of `FieldKind` with
`kind: Literal["…"]` registers it; the form schema looks `kind` up in the registry when a form
file is validated, so a kind defined anywhere (a module in `forms/kinds/`, a test) is accepted.
"""

from __future__ import annotations

import typing
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, PlainValidator, SerializeAsAny
from pydantic_core import PydanticCustomError

from rsp_tui.defaults import empty_list

if TYPE_CHECKING:
    from rsp_tui.forms.programme import Goal, Programme

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
    guidance: list[str] = Field(default_factory=empty_list)
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


@dataclass(frozen=True)
class Parsed:
    """What a line the user typed meant for a field (the plain mode)."""

    value: Any = None
    error: str = ""
    """Why the input was not understood (nothing is stored then)."""


def blank(value: Any) -> bool:
    """True for an unanswered value: None, blank text, empty list or all-empty mapping."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, list):
        return all(blank(v) for v in value)
    if isinstance(value, dict):
        return all(blank(v) for v in value.values())
    return False


SummaryRole = Literal["text", "choice", "marks", "sum", "contact", ""]
"""How the national summary uses a field (see `FieldKind.summary_role`)."""

KINDS: dict[str, type[FieldKind]] = {}
"""Every registered field kind, by its `kind` key."""


class FieldKind(FieldBase):
    """A field that holds one value: a question of its own, a table column or an insats field.

    Subclasses declare `kind: Literal["name"]` and override the behaviour that differs; the
    defaults here are those of a single-line text stored as typed."""

    kind: str

    COMPACT: ClassVar[bool] = False
    """Narrow enough to stand side by side with others in a table row in the app."""
    FOUND_IN_TEXT: ClassVar[bool] = False
    """Its answer can be picked out of free text (`find_in_text`): a table written as
    paragraphs gives such a column what it recognises and the rest to the first text column."""
    DOCUMENT_WIDTH: ClassVar[float] = 8.0
    """Relative column width in the document's generated tables (a date needs less)."""
    SUMMARY_WIDTH: ClassVar[float] = 3.0
    """Column width in cm in the national summary's list of reports (a date needs less)."""

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        if "kind" not in cls.__dict__.get("__annotations__", {}):
            return  # a subclass that keeps its parent's kind is not a kind of its own
        field = cls.model_fields.get("kind")
        args = typing.get_args(field.annotation) if field is not None else ()
        if len(args) != 1 or not isinstance(args[0], str):
            return  # an intermediate base without a kind name of its own
        kind = args[0]
        known = KINDS.get(kind)
        if known is not None and (known.__module__, known.__qualname__) != (
            cls.__module__,
            cls.__qualname__,
        ):
            raise TypeError(
                f'kind "{kind}" is already {known.__module__}.{known.__qualname__};'
                f" {cls.__module__}.{cls.__qualname__} needs another name"
            )
        KINDS[kind] = cls

    # --- the value ------------------------------------------------------------------------

    def empty_value(self) -> Any:
        """The unanswered value."""
        return ""

    def initial_value(self, today: date) -> Any:
        """The answer a new report starts with; None: unanswered."""
        return None

    def export_value(self, today: date) -> Any:
        """The answer a blank field is given when the report is exported (and so counts as
        answered while drafting); None: it stays blank."""
        return None

    def is_empty(self, value: Any) -> bool:
        """Whether `value` is unanswered."""
        return blank(value)

    def shape_problem(self, value: Any) -> str | None:
        """Why `value` cannot be stored for this kind at all (a hand-edited draft), or None."""
        if not isinstance(value, str):
            return "ska vara en text inom citattecken"
        return None

    def goal_codes_of(self, value: Any) -> list[str]:
        """The codes of the programme's goals the answer names (none for most kinds)."""
        return []

    def check(self, value: Any, goal_codes: set[str] | None = None) -> str | None:
        """The Swedish error message for a non-empty value, or None when it is valid."""
        return None

    # --- the document ---------------------------------------------------------------------

    def document_lines(self, value: Any, programme: Programme) -> list[str]:
        """The lines printed for the answer (empty when unanswered)."""
        if value is None:
            return []
        text = str(value)
        return [text] if text.strip() else []

    def mark_columns(self) -> list[str] | None:
        """The options printed as marked columns of their own in a document table (the chosen
        ones get the form's mark), or None for one column with the answer's lines."""
        return None

    def short_marks(self) -> list[str]:
        """Abbreviations printed over those columns (explained in a legend); empty: the
        options themselves, rotated."""
        return []

    def find_in_text(self, lines: list[str]) -> tuple[Any, list[str]] | None:
        """With `FOUND_IN_TEXT`: (the answer, the lines left) when `lines` (a table row
        written as paragraphs) hold this kind's answer, else None."""
        return None

    def from_marks(self, chosen: list[str]) -> Any:
        """The answer read back from its marked columns (`mark_columns`): the options marked,
        in column order; None when they make no answer (two marked for one choice)."""
        return None

    def from_cell(self, text: str) -> Any:
        """The answer read back from the text of a document cell."""
        return text

    # --- the national summary -------------------------------------------------------------

    def summary_value(self, value: Any, programme: Programme) -> str:
        """The answer as one text in the national summary and its CSV ("" when blank)."""
        if value is None or not str(value).strip():
            return ""
        return str(value).strip("\n")

    def summary_role(self) -> SummaryRole:
        """What the summary does with this field as a column of a table question (Del A) or an
        insats field (Del B): `text` lists the answers per row by report; `choice` counts the
        reports per option (`summary_options`), and is an insats's status; `marks` counts each
        marked option, an insats's serviceslag; `sum` sums the numbers (`summary_number`) per
        row; `contact` makes the table one of contact persons (personal data, left out with
        --no-contacts); "" leaves it to the CSV only."""
        return "text"

    def summary_options(self) -> list[str]:
        """The options the summary counts (`choice`, `marks`), in order."""
        return []

    def summary_other(self) -> bool:
        """Any other text is an answer too, counted as `Annat`."""
        return False

    def summary_number(self, value: Any) -> Decimal | None:
        """The number a `sum` field adds (None: unanswered or no number)."""
        return None

    def summary_sum_label(self) -> str:
        """The label of the row of sums ("" for `Summa`)."""
        return ""

    # --- the app ----------------------------------------------------------------------------

    def placeholder(self) -> str:
        """What an empty input shows in the app."""
        return ""

    def list_cell(self, value: Any, width: int) -> str:
        """A short text for a list (the insatser list): first line, cut at `width`."""
        if value is None:
            return ""
        first = str(value).strip().split("\n", 1)[0]
        return first if len(first) <= width else first[: width - 1] + "…"

    # --- the plain mode -------------------------------------------------------------------

    def plain_parts(self) -> list[tuple[str, str]]:
        """The parts the answer is asked in, as (sub, label); one part "" for most kinds."""
        return [("", self.display_label)]

    def part_empty(self, sub: str) -> Any:
        """The unanswered value of one part (`plain_parts`)."""
        return self.empty_value()

    def with_part(self, whole: Any, sub: str, value: Any) -> Any:
        """The whole answer with part `sub` set to `value` (the part is the whole for most
        kinds)."""
        return value

    def plain_multiline(self, sub: str) -> bool:
        """The answer is typed on several lines, ended by a line with only a dot."""
        return False

    def plain_shown(self, value: Any, sub: str = "") -> str:
        """The (non-empty) answer as read aloud."""
        return str(value)

    def plain_brief(self, value: Any) -> str:
        """The answer in a spoken list of rows (the first line is used)."""
        return str(value or "")

    def plain_options(self, sub: str, goals: list[Goal]) -> list[str]:
        """The numbered alternatives (empty for text)."""
        return []

    def plain_hint(self, sub: str, brief: bool = False) -> str:
        """How to answer, in words, said before the prompt."""
        return ""

    def plain_parse(self, line: str, sub: str = "", goals: list[Goal] | None = None) -> Parsed:
        """Turn a non-empty input line into the value to store."""
        return Parsed(line.strip())


def known_kinds() -> str:
    """The registered kinds, for messages."""
    return ", ".join(KINDS)


def dispatch(value: Any, extra: dict[str, type[BaseModel]] | None = None) -> BaseModel:
    """Validate `value` (a table from a form file) as the class its `kind` names: a registered
    field kind, or one of `extra` (the question structures)."""
    if isinstance(value, BaseModel):
        return value
    if not isinstance(value, dict):
        raise PydanticCustomError("model_type", "ska vara en tabell")
    kind = value.get("kind")
    cls = (KINDS.get(kind) or (extra or {}).get(kind)) if isinstance(kind, str) else None
    if cls is not None:
        return cls.model_validate(value)
    expected = ", ".join([*KINDS, *(extra or {})])
    if kind is None:
        raise PydanticCustomError("union_tag_not_found", "kind saknas", {"expected_tags": expected})
    raise PydanticCustomError(
        "union_tag_invalid", "okänd typ {tag}", {"tag": str(kind), "expected_tags": expected}
    )


def _leaf(value: Any) -> FieldKind:
    result = dispatch(value)
    assert isinstance(result, FieldKind)
    return result


LeafField = Annotated[SerializeAsAny[FieldKind], PlainValidator(_leaf)]
"""A field that holds one value, of any registered kind (validated via the registry)."""
