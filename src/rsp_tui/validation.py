"""Provides validation of a draft against its form.

Every answer is checked against its field (dates, decimals and their range, e-mail syntax
without any network look-up, valid choices, known goal codes). The result is a list of
`Problem`s naming section, question, row and column with a Swedish message.

Three kinds of problem (form-spec D.14):

- `fel`: a wrong value (a bad date, decimal or e-mail address, an unknown goal code), and
  for a final export an unanswered *required* answer: these block a final export;
- `varning`: an unanswered required answer while drafting;
- `tomt`: an optional answer left blank (`inte besvarad`): listed before a final export, the
  cell stays blank in the document, never a blocker.

Progress counts every answer the form asks for (required ones and optional ones that are
listed when blank) over the parts that exist; an område without insatser is one unanswered
answer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from rsp_tui.drafts.model import ID_KEY, NAME_KEY, Draft, is_empty
from rsp_tui.drafts.paths import AnswerPath, CellPath, InsatsPath, QuestionPath, RowNamePath
from rsp_tui.forms.schema import (
    FieldKind,
    FormDefinition,
    LeafField,
    ProgrammeQuestion,
    RowsQuestion,
    StaticQuestion,
    TableQuestion,
)
from rsp_tui.structure import Part, parts
from rsp_tui.values import check_value as check_value
from rsp_tui.values import is_valid_email as is_valid_email
from rsp_tui.years import in_range, range_error

Severity = Literal["fel", "varning", "tomt"]
ERROR: Severity = "fel"
WARNING: Severity = "varning"
BLANK: Severity = "tomt"
"""An optional answer left blank: listed, never a blocker."""
BLANK_MESSAGE = "inte besvarad"


@dataclass(frozen=True)
class Problem:
    """One thing to fix, with where it is."""

    severity: Severity
    message: str
    """Swedish, e.g. `ogiltigt datum, skriv ÅÅÅÅ-MM-DD`."""
    part_key: str
    """The report part (`Part.key`) the field is on: where the app jumps to."""
    part_title: str
    question: str = ""
    """The question as shown, e.g. `Fråga 1` or `Datum`."""
    row: str = ""
    """The row label, or e.g. `Insats 2`."""
    column: str = ""
    """The column or field label."""
    path: AnswerPath | None = None
    """Where the answer is stored in the draft; None for report-level problems."""
    missing: bool = False
    """True when the problem is only that a required answer is not given yet."""

    @property
    def blank(self) -> bool:
        """An optional answer left blank (severity `tomt`)."""
        return self.severity == BLANK

    @property
    def location(self) -> str:
        """`1 Efterfrågan › Fråga 1 › Servicebidrag › Bedömning`."""
        return " › ".join(p for p in (self.part_title, self.question, self.row, self.column) if p)

    def describe(self) -> str:
        """One line for the terminal: `fel: <location>: <message>`."""
        return f"{self.severity}: {self.location}: {self.message}"


@dataclass
class PartProgress:
    """How far one part has come."""

    required: int = 0
    """Required answers in the part."""
    answered: int = 0
    """Of those, how many are answered."""
    total: int = 0
    """Answers the part asks for: required ones and optional ones listed when blank."""
    filled: int = 0
    """Of those, how many are answered."""
    touched: bool = False
    """Anything at all is answered."""
    errors: int = 0
    warnings: int = 0
    blanks: int = 0
    """Optional answers left blank."""

    @property
    def state(self) -> str:
        """`tom`, `påbörjad`, `klar` or `har fel`, as the app's sidebar shows it."""
        if self.errors:
            return "har fel"
        if not self.touched:
            return "tom" if self.required or self.total else "klar"
        if self.answered >= self.required and self.filled >= self.total:
            return "klar"
        return "påbörjad"


@dataclass
class Report:
    """The result of validating a draft."""

    problems: list[Problem] = field(default_factory=list)
    progress: dict[str, PartProgress] = field(default_factory=dict)
    """By part key."""

    @property
    def errors(self) -> list[Problem]:
        """The problems that block a final export."""
        return [p for p in self.problems if p.severity == ERROR]

    @property
    def warnings(self) -> list[Problem]:
        """Required answers not given yet, while drafting."""
        return [p for p in self.problems if p.severity == WARNING]

    @property
    def blanks(self) -> list[Problem]:
        """Optional answers left blank: they stay blank in the document."""
        return [p for p in self.problems if p.severity == BLANK]

    @property
    def filled(self) -> int:
        """Answers given, of `total`."""
        return sum(p.filled for p in self.progress.values())

    @property
    def total(self) -> int:
        """Answers the report asks for in the parts that exist (an område without insatser
        counts as one)."""
        return sum(p.total for p in self.progress.values())

    @property
    def completeness(self) -> float:
        """Share of the answers given, 0.0–1.0 (`filled` / `total`)."""
        total = self.total
        return self.filled / total if total else 1.0

    def progress_text(self) -> str:
        """`Ifyllt 64 % (120 av 188)`."""
        return f"Ifyllt {percent(self.completeness)} % ({self.filled} av {self.total})"


def refusal_sentence(errors: int) -> str:
    """`3 fel hindrar en slutlig export`: the words `check`, `export` and Granska share."""
    return f"{errors} fel hindrar en slutlig export"


def blanks_sentence(blanks: int) -> str:
    """`7 frivilliga svar är tomma (tomt) och lämnas tomma i dokumentet`: the words `check`,
    `export` and Granska share."""
    if blanks == 1:
        return "1 frivilligt svar är tomt (tomt) och lämnas tomt i dokumentet"
    return f"{blanks} frivilliga svar är tomma (tomt) och lämnas tomma i dokumentet"


def percent(share: float) -> int:
    """A share as a whole percentage that never says 100 before everything is given and
    never 0 once something is."""
    value = round(share * 100)
    if value == 100 and share < 1:
        return 99
    if value == 0 and share > 0:
        return 1
    return value


class _Walker:
    def __init__(self, form: FormDefinition, draft: Draft, final: bool):
        self.form = form
        self.draft = draft
        self.final = final
        self.report = Report()
        self.goal_codes = {g.key for g in draft.programme.all_goals()}

    def progress(self, part: Part) -> PartProgress:
        return self.report.progress.setdefault(part.key, PartProgress())

    def add(self, part: Part, severity: Severity, message: str, **where: Any) -> None:
        self.report.problems.append(Problem(severity, message, part.key, part.title, **where))
        prog = self.progress(part)
        if severity == ERROR and not where.get("missing"):
            prog.errors += 1
        elif severity == WARNING:
            prog.warnings += 1
        elif severity == BLANK:
            prog.blanks += 1

    def missing(self, part: Part, message: str, **where: Any) -> None:
        """A required answer is not given: a warning while drafting, an error when final."""
        self.add(part, ERROR if self.final else WARNING, message, missing=True, **where)

    def slot(
        self,
        part: Part,
        answered: bool,
        required: bool,
        listed: bool,
        where: dict[str, Any],
        missing: str = BLANK_MESSAGE,
    ) -> bool:
        """Count one answer the report asks for; report it when blank: a missing required
        answer, or an optional one left blank (when `listed`). Returns `answered`."""
        prog = self.progress(part)
        if answered:
            prog.touched = True
        if required or listed:
            prog.total += 1
            if answered:
                prog.filled += 1
        if required:
            prog.required += 1
            if answered:
                prog.answered += 1
            else:
                self.missing(part, missing, **where)
        elif listed and not answered:
            self.add(part, BLANK, missing, **where)
        return answered

    def leaf(
        self,
        part: Part,
        f: LeafField,
        value: Any,
        required: bool,
        where: dict[str, Any],
        listed: bool = True,
    ) -> None:
        if follows_export(f) and is_empty(value):
            # Datum left blank is the day of the export (form-spec D.2): it is given.
            self.slot(part, True, required, listed, where)
            return
        if self.slot(part, not is_empty(value), required, listed and f.list_blank, where):
            message = check_value(f, value, self.goal_codes)
            if message:
                self.add(part, ERROR, message, **where)

    def run(self) -> Report:
        self.report_fields()
        for part in parts(self.form, self.draft):
            self.progress(part)
            for question in part.section.questions:
                # Structural dispatch: the question's shape (table, rows, static text, programme)
                # decides what happens; a leaf field of any kind goes through its kind.
                if isinstance(question, ProgrammeQuestion):
                    self.programme(part)
                elif isinstance(question, TableQuestion):
                    self.table(part, question)
                elif isinstance(question, RowsQuestion):
                    if part.area is not None:
                        self.rows(part, question, part.area.id)
                elif not isinstance(question, StaticQuestion):
                    self.leaf(
                        part,
                        question,
                        self.draft.answers.get(question.id),
                        question.required,
                        {
                            "question": self.form.question_name(question),
                            "path": QuestionPath(question.id),
                        },
                    )
        return self.report

    def report_fields(self) -> None:
        first = parts(self.form, self.draft)[0]
        d = self.draft
        if not d.region.strip():
            self.add(first, ERROR, "regionen saknas", question="Region")
        if not in_range(d.year, self.form.years):
            self.add(
                first,
                ERROR,
                range_error(self.form.years),
                question=self.form.years.label,
            )

    def programme(self, part: Part) -> None:
        prog = self.draft.programme
        where = {"question": "Prioriterade områden"}
        if not self.slot(
            part, bool(prog.omraden), True, True, where, "programmet har inga prioriterade områden"
        ):
            return
        self.programme_region(part)
        seen: dict[str, str] = {}
        for area in prog.omraden:
            name = self.form.area_name(area)
            if not area.whole and not area.number.strip():
                self.add(part, ERROR, "området saknar nummer", **where, row=name)
            if not area.whole and not area.title.strip():
                self.add(part, ERROR, "området saknar rubrik", **where, row=name)
            for goal in area.mal:
                # A goal without a code is named by its text (programmes that do not number
                # their goals); a goal needs its text.
                if not goal.text.strip():
                    self.add(
                        part,
                        ERROR,
                        "ett mål saknar text",
                        **where,
                        row=name,
                        column=goal.code or "Mål",
                    )
                elif goal.key in seen:
                    what = f"målkoden {goal.code}" if goal.code.strip() else "målet"
                    self.add(
                        part,
                        ERROR,
                        f"{what} förekommer två gånger",
                        **where,
                        row=name,
                        column=goal.code or goal.text[:30],
                    )
                seen[goal.key] = area.id

    def programme_region(self, part: Part) -> None:
        """A warning when the programme is another region's (the region was changed and the
        old programme kept)."""
        own, report = self.draft.programme.region.strip(), self.draft.region.strip()
        if own and report and own != report:
            self.add(
                part,
                WARNING,
                f"programmet är Region {own}s, men rapporten gäller Region {report}",
                question="Prioriterade områden",
            )

    def table(self, part: Part, q: TableQuestion) -> None:
        answers = self.draft.answers.get(q.id) or {}
        question = self.form.question_name(q)
        any_row = False
        for row in q.rows:
            cells = answers.get(row.id) or {}
            started = not is_empty(cells)
            any_row = any_row or started
            # With rows_required false only the rows that are started count.
            asked = q.rows_required or started
            row_required = q.row_required(row)
            for col in q.columns:
                self.leaf(
                    part,
                    col,
                    cells.get(col.id),
                    asked and row_required and col.required,
                    {
                        "question": question,
                        "row": row.label,
                        "column": col.display_label,
                        "path": CellPath(q.id, row.id, col.id),
                    },
                    listed=asked,
                )
            if row.name_label:
                self.leaf_name(part, q, row.id, row.label, row.name_label, cells, started)
        if not q.rows_required and not any_row:
            self.slot(
                part,
                False,
                q.required,
                True,
                {
                    "question": question,
                    "path": CellPath(q.id, q.rows[0].id, q.columns[0].id),
                },
                f"{BLANK_MESSAGE}; fyll i minst en rad",
            )

    def leaf_name(
        self,
        part: Part,
        q: TableQuestion,
        row_id: str,
        label: str,
        name_label: str,
        cells: dict[str, Any],
        started: bool,
    ) -> None:
        other = {k: v for k, v in cells.items() if k != NAME_KEY}
        if started and not is_empty(other) and is_empty(cells.get(NAME_KEY)):
            self.add(
                part,
                BLANK,
                f"ange aktören ({name_label})",
                question=self.form.question_name(q),
                row=label,
                column=name_label,
                path=RowNamePath(q.id, row_id),
            )

    def rows(self, part: Part, q: RowsQuestion, area_id: str) -> None:
        items = (self.draft.answers.get(q.id) or {}).get(area_id) or []
        if not items:
            # An område without insatser is one unanswered part of the report.
            self.slot(
                part,
                False,
                q.required,
                True,
                {"question": q.label},
                f"området har inga {q.label.lower() or 'rader'}",
            )
        prog = self.progress(part)
        for n, item in enumerate(items, start=1):
            prog.touched = True
            row = f"{q.item_label} {n}"
            for f in q.fields:
                self.leaf(
                    part,
                    f,
                    item.get(f.id),
                    f.required,
                    {
                        "question": q.label,
                        "row": row,
                        "column": f.display_label,
                        "path": (
                            InsatsPath(q.id, area_id, str(item[ID_KEY]), f.id)
                            if item.get(ID_KEY)
                            else None
                        ),
                    },
                )


def follows_export(f: object) -> bool:
    """A field that, left blank, is given a value on export, such as a date that is the day
    of the export (form-spec D.2). Any date will do to ask the kind."""
    return isinstance(f, FieldKind) and f.export_value(date.min) is not None


def validate(form: FormDefinition, draft: Draft, *, final: bool = False) -> Report:
    """Check every answer of `draft`.

    Args:
        final: True for a final export: unanswered required answers are errors (optional
            ones left blank are `tomt` either way).
    """
    return _Walker(form, draft, final).run()
