"""Provides the draft: one region's report for one verksamhetsår, with its answers.

Answers are stored under the form's stable ids. Their shapes, by field kind:

- text, textarea, date, decimal, emails, choice: a string, exactly as the user typed it
  (a decimal keeps its comma: "0,85"); the empty string means unanswered;
- marks: a list of the chosen options;
- goals: `{"codes": [...], "other": "..."}`;
- table: `{row_id: {column_id: value, "_name": "..."}}` (`_name` for rows that ask for one);
- rows (insatser): `{område_id: [{"_id": "...", field_id: value, ...}, ...]}`.

Keys that start with `_` are rsp-tui's own (ids, carried-over notes); form ids never do.
Answers are read and written through typed paths (`rsp_tui.drafts.paths`).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from rsp_tui import __version__
from rsp_tui.defaults import empty_dict
from rsp_tui.drafts.paths import (
    NAME_KEY,
    AnswerPath,
    CellPath,
    FormPath,
    InsatsPath,
    PathError,
    QuestionPath,
    RegionPath,
    YearPath,
    path_from_key,
    path_key,
)
from rsp_tui.forms.programme import Programme
from rsp_tui.forms.schema import (
    FieldKind,
    FormDefinition,
)
from rsp_tui.textutil import clean_text

FORMAT_VERSION = 1
"""Version of the draft file's own layout (not the form's version)."""

ID_KEY = "_id"

__all__ = ["ID_KEY", "NAME_KEY", "AnswerPath", "Draft", "is_empty", "new_draft", "path_key"]


def now() -> datetime:
    """The current local time, with its UTC offset, to the second."""
    return datetime.now().astimezone().replace(microsecond=0)


def new_item_id() -> str:
    """A short random id for a new insats."""
    import secrets  # hmac, hashlib, random: only when an id is made

    return secrets.token_hex(4)


class Draft(BaseModel):
    """A report being filled in. Self-contained: it carries its own copy of the programme."""

    model_config = ConfigDict(extra="forbid", validate_assignment=False)

    format: int = FORMAT_VERSION
    """Layout version of the draft file."""
    form_id: str
    """Which form the answers belong to."""
    form_version: int
    """The form's version when the draft was last saved; older ones are migrated on load."""
    app_version: str = __version__
    """The rsp-tui version that last wrote the file."""
    region: str
    """As printed in `Region: <name>`."""
    year: int
    """The verksamhetsår the report covers."""
    created: datetime = Field(default_factory=now)
    updated: datetime = Field(default_factory=now)
    programme: Programme = Field(default_factory=Programme)
    """The region's prioriterade områden and mål, copied in when the report was created."""
    answers: dict[str, Any] = Field(default_factory=empty_dict)
    """Answers keyed by question id; see the module docstring for their shapes."""
    previous_year: int | None = None
    """The verksamhetsår of the report this one was rolled over from, if any."""
    previous: dict[str, Any] = Field(default_factory=empty_dict)
    """Last year's values of the answers carried over, keyed by `path_key(path)`. The app
    shows them beside the field ("Förra året: …") until the answer differs."""

    # -- reading -------------------------------------------------------------------------

    def get(self, path: AnswerPath) -> Any:
        """The value at `path`, or None when nothing is stored there."""
        if isinstance(path, RegionPath):
            return self.region
        if isinstance(path, YearPath):
            return self.year
        if isinstance(path, QuestionPath):
            return self.answers.get(path.question)
        if isinstance(path, InsatsPath):
            item = self.find_item(path.question, path.area, path.item)
            return None if item is None else item.get(path.field)
        table = self.answers.get(path.question)
        cells = table.get(path.row) if isinstance(table, dict) else None
        if not isinstance(cells, dict):
            return None
        return cells.get(path.column if isinstance(path, CellPath) else NAME_KEY)

    def items(self, question_id: str, area_id: str) -> list[dict[str, Any]]:
        """The insatser (rows) of one område, for reading: looking never changes the draft (an
        område nobody added an insats to stays absent from the file, not `[]`)."""
        by_area = self.answers.get(question_id)
        items = by_area.get(area_id) if isinstance(by_area, dict) else None
        return items if isinstance(items, list) else []

    def _live_items(self, question_id: str, area_id: str) -> list[dict[str, Any]]:
        """The stored list of one område's insatser, created when missing (for changes)."""
        by_area = self.answers.setdefault(question_id, {})
        return by_area.setdefault(area_id, [])  # type: ignore[no-any-return]

    def find_item(self, question_id: str, area_id: str, item_id: str) -> dict[str, Any] | None:
        """The insats with this id, or None."""
        for item in self.answers.get(question_id, {}).get(area_id, []):
            if item.get(ID_KEY) == item_id:
                return item  # type: ignore[no-any-return]
        return None

    # -- writing -------------------------------------------------------------------------

    def set(self, path: AnswerPath, value: Any) -> None:
        """Store `value` at `path` (text is cleaned: CRLF → LF, lone surrogates replaced).
        `KeyError` when the insats of an `InsatsPath` does not exist."""
        value = clean_value(value)
        if isinstance(path, RegionPath):
            self.region = str(value)
        elif isinstance(path, YearPath):
            self.year = int(value)
        elif isinstance(path, QuestionPath):
            self.answers[path.question] = value
        elif isinstance(path, InsatsPath):
            item = self.find_item(path.question, path.area, path.item)
            if item is None:
                raise KeyError(f"insatsen {path.item} finns inte i {path.area}")
            item[path.field] = value
        else:
            table = self.answers.get(path.question)
            if not isinstance(table, dict):
                table = self.answers[path.question] = {}
            cells = table.get(path.row)
            if not isinstance(cells, dict):
                cells = table[path.row] = {}
            cells[path.column if isinstance(path, CellPath) else NAME_KEY] = value

    def add_item(
        self,
        question_id: str,
        area_id: str,
        values: dict[str, Any] | None = None,
        index: int | None = None,
    ) -> dict[str, Any]:
        """Add an insats to an område (at `index`, default last) and return it."""
        items = self._live_items(question_id, area_id)
        used = {i.get(ID_KEY) for lst in self.answers.get(question_id, {}).values() for i in lst}
        item_id = new_item_id()
        while item_id in used:
            item_id = new_item_id()
        item: dict[str, Any] = {ID_KEY: item_id}
        for key, value in (values or {}).items():
            if key != ID_KEY:
                item[key] = clean_value(value)
        items.insert(len(items) if index is None else index, item)
        return item

    def remove_item(self, question_id: str, area_id: str, item_id: str) -> dict[str, Any]:
        """Remove an insats and return it."""
        items = self._live_items(question_id, area_id)
        for n, item in enumerate(items):
            if item.get(ID_KEY) == item_id:
                return items.pop(n)
        raise KeyError(item_id)

    def move_item(self, question_id: str, area_id: str, item_id: str, offset: int) -> int:
        """Move an insats up (-1) or down (+1); return its new index."""
        items = self._live_items(question_id, area_id)
        index = next(n for n, i in enumerate(items) if i.get(ID_KEY) == item_id)
        target = max(0, min(len(items) - 1, index + offset))
        items.insert(target, items.pop(index))
        return target

    def previous_value(self, path: AnswerPath) -> Any:
        """Last year's value at `path` when it was carried over, else None."""
        return self.previous.get(path_key(path))

    def unchanged_from_previous(self) -> list[FormPath]:
        """Carried-over answers that still equal last year's value."""
        out: list[FormPath] = []
        for key, old in self.previous.items():
            try:
                path = path_from_key(key)
            except PathError:
                continue  # not a path (a hand-edited file): nothing to show
            if isinstance(path, RegionPath | YearPath):
                continue
            if self.get(path) == old and not is_empty(old):
                out.append(path)
        return out

    def touch(self) -> None:
        """Record that the draft changed now."""
        self.updated = now()


def clean_value(value: Any) -> Any:
    """Clean every string inside `value` (see `clean_text`)."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, list):
        return [clean_value(v) for v in value]
    if isinstance(value, dict):
        return {k: clean_value(v) for k, v in value.items()}
    return value


def is_empty(value: Any) -> bool:
    """True for an unanswered value: None, blank text, empty list or all-empty mapping."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, list):
        return all(is_empty(v) for v in value)
    if isinstance(value, dict):
        return all(is_empty(v) for k, v in value.items() if k != ID_KEY)
    return False


def new_draft(
    form: FormDefinition,
    region: str,
    year: int,
    programme: Programme | None = None,
    *,
    today: date | None = None,
) -> Draft:
    """A new, empty report for `region` and `year`, with a copy of `programme`: the one place
    a new draft is made (the app, the plain mode, `rsp-tui new`, rollover and the importer).
    A date question with `default = "today"` gets `today` (default: the clock's date); one
    with `default = "export"` stays blank until the export fills it in."""
    prog = programme.model_copy(deep=True) if programme is not None else Programme(region=region)
    draft = Draft(
        form_id=form.id,
        form_version=form.version,
        region=region,
        year=year,
        programme=prog,
    )
    for section in form.sections:
        for question in section.answer_questions():
            # A leaf question of its own (tables and rows start empty).
            if isinstance(question, FieldKind):
                value = question.initial_value(today or date.today())
                if value is not None:
                    draft.answers[question.id] = value
    return draft
