"""Provides validation of a draft against its form.

Every answer is checked against its field (dates, decimals and their range, e-mail syntax
without any network look-up, valid choices, known goal codes). The result is a list of
`Problem`s naming section, question, row and column with a Swedish message. An unanswered
required question is a warning while drafting and an error for a final export.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any, Literal

from rsp_tui.drafts.model import ID_KEY, NAME_KEY, AnswerPath, Draft, is_empty
from rsp_tui.forms.schema import (
    ChoiceField,
    DateField,
    DecimalField,
    EmailsField,
    FormDefinition,
    GoalsField,
    LeafField,
    MarksField,
    ProgrammeQuestion,
    RowsQuestion,
    StaticQuestion,
    TableQuestion,
)
from rsp_tui.structure import Part, parts
from rsp_tui.textutil import format_decimal, parse_decimal, split_emails

Severity = Literal["fel", "varning"]
ERROR: Severity = "fel"
WARNING: Severity = "varning"

PROGRAMME_KEY = "programmet"
"""Problem.part_key of problems with the programme itself."""
REPORT_KEY = "rapport"
"""Problem.part_key of problems with region and verksamhetsår."""

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


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
    path: AnswerPath = ()
    """Where the answer is stored in the draft; empty for report-level problems."""
    missing: bool = False
    """True when the problem is only that a required answer is not given yet."""

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
    touched: bool = False
    """Anything at all is answered."""
    errors: int = 0
    warnings: int = 0

    @property
    def state(self) -> str:
        """`tom`, `påbörjad`, `klar` or `har fel`, as the app's sidebar shows it."""
        if self.errors:
            return "har fel"
        if not self.touched:
            return "tom" if self.required else "klar"
        if self.answered >= self.required:
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
        """The others."""
        return [p for p in self.problems if p.severity == WARNING]

    @property
    def completeness(self) -> float:
        """Share of required answers given, 0.0–1.0."""
        required = sum(p.required for p in self.progress.values())
        answered = sum(p.answered for p in self.progress.values())
        return answered / required if required else 1.0


def check_value(field_def: LeafField, value: Any, goal_codes: set[str] | None = None) -> str | None:
    """The Swedish error message for one non-empty value, or None when it is valid."""
    if is_empty(value):
        return None
    if isinstance(field_def, DateField):
        text = str(value).strip()
        if not _ISO_DATE.match(text):
            return "ogiltigt datum, skriv ÅÅÅÅ-MM-DD (till exempel 2024-01-31)"
        try:
            date.fromisoformat(text)
        except ValueError:
            return f"datumet {text} finns inte"
        return None
    if isinstance(field_def, DecimalField):
        number = parse_decimal(str(value))
        if number is None:
            return f'"{str(value).strip()}" är inte ett tal; skriv till exempel 0,85'
        low = Decimal(str(field_def.min)) if field_def.min is not None else None
        high = Decimal(str(field_def.max)) if field_def.max is not None else None
        if (low is not None and number < low) or (high is not None and number > high):
            lo = format_decimal(low.normalize()) if low is not None else "…"
            hi = format_decimal(high.normalize()) if high is not None else "…"
            return f"måste vara mellan {lo} och {hi}"
        return None
    if isinstance(field_def, EmailsField):
        bad = [a for a in split_emails(str(value)) if not is_valid_email(a)]
        if bad:
            listed = ", ".join(f'"{b}"' for b in bad)
            return (
                f"ogiltig e-postadress {listed}"
                if len(bad) == 1
                else f"ogiltiga e-postadresser {listed}"
            )
        return None
    if isinstance(field_def, ChoiceField):
        if not isinstance(value, str):
            return "ska vara en text"
        if value not in field_def.options and not field_def.allow_other:
            return f'"{value}" är inget giltigt val; välj {" eller ".join(field_def.options)}'
        return None
    if isinstance(field_def, MarksField):
        unknown = [v for v in value if v not in field_def.options]
        if unknown:
            return f'okänt alternativ "{unknown[0]}"; tillåtna är {", ".join(field_def.options)}'
        return None
    if isinstance(field_def, GoalsField):
        if goal_codes is not None:
            unknown = [c for c in value.get("codes", []) if c not in goal_codes]
            if unknown:
                return f"målet {unknown[0]} finns inte i programmet"
        return None
    return None


def is_valid_email(address: str) -> bool:
    """E-mail syntax check, no network (email-validator via pydantic)."""
    from email_validator import EmailNotValidError, validate_email

    try:
        validate_email(address, check_deliverability=False)
    except EmailNotValidError:
        return False
    return True


class _Walker:
    def __init__(self, form: FormDefinition, draft: Draft, final: bool):
        self.form = form
        self.draft = draft
        self.final = final
        self.report = Report()
        self.goal_codes = {g.code for g in draft.programme.all_goals()}

    def progress(self, part: Part) -> PartProgress:
        return self.report.progress.setdefault(part.key, PartProgress())

    def add(self, part: Part, severity: Severity, message: str, **where: Any) -> None:
        self.report.problems.append(Problem(severity, message, part.key, part.title, **where))
        prog = self.progress(part)
        if severity == ERROR and not where.get("missing"):
            prog.errors += 1
        elif severity == WARNING:
            prog.warnings += 1

    def missing(self, part: Part, message: str, **where: Any) -> None:
        """A required answer is not given: a warning while drafting, an error when final."""
        self.add(part, ERROR if self.final else WARNING, message, missing=True, **where)

    def slot(
        self, part: Part, value: Any, required: bool, where: dict[str, Any], missing: str
    ) -> bool:
        """Count a required answer; report it when missing. True if answered."""
        prog = self.progress(part)
        answered = not is_empty(value)
        if answered:
            prog.touched = True
        if required:
            prog.required += 1
            if answered:
                prog.answered += 1
            else:
                self.missing(part, missing, **where)
        return answered

    def leaf(
        self,
        part: Part,
        f: LeafField,
        value: Any,
        required: bool,
        where: dict[str, Any],
        missing: str = "inte besvarad",
    ) -> None:
        if self.slot(part, value, required, where, missing):
            message = check_value(f, value, self.goal_codes)
            if message:
                self.add(part, ERROR, message, **where)

    def run(self) -> Report:
        self.report_fields()
        for part in parts(self.form, self.draft):
            self.progress(part)
            for question in part.section.questions:
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
                        {"question": _question_name(question), "path": (question.id,)},
                    )
        return self.report

    def report_fields(self) -> None:
        first = parts(self.form, self.draft)[0]
        d = self.draft
        if not d.region.strip():
            self.add(first, ERROR, "regionen saknas", question="Region")
        lo, hi = self.form.years.min, self.form.years.max
        if not lo <= d.year <= hi:
            self.add(
                first,
                ERROR,
                f"verksamhetsåret måste vara mellan {lo} och {hi}",
                question=self.form.years.label,
            )

    def programme(self, part: Part) -> None:
        prog = self.draft.programme
        where = {"question": "Prioriterade områden"}
        prog_state = self.progress(part)
        prog_state.required += 1
        if not prog.omraden:
            self.missing(part, "programmet har inga prioriterade områden", **where)
            return
        prog_state.answered += 1
        prog_state.touched = True
        self.programme_region(part)
        seen: dict[str, str] = {}
        for area in prog.omraden:
            name = f"Område {area.number or '?'}"
            if not area.number.strip():
                self.add(part, ERROR, "området saknar nummer", **where, row=name)
            if not area.title.strip():
                self.add(part, ERROR, "området saknar rubrik", **where, row=name)
            for goal in area.mal:
                if not goal.code.strip() or not goal.text.strip():
                    self.add(
                        part,
                        ERROR,
                        "ett mål saknar kod eller text",
                        **where,
                        row=name,
                        column=goal.code or "Mål",
                    )
                elif goal.code in seen:
                    self.add(
                        part,
                        ERROR,
                        f"målkoden {goal.code} förekommer två gånger",
                        **where,
                        row=name,
                        column=goal.code,
                    )
                seen[goal.code] = area.id

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
        question = _question_name(q)
        any_row = False
        for row in q.rows:
            cells = answers.get(row.id) or {}
            started = not is_empty(cells)
            any_row = any_row or started
            must = q.required and (q.rows_required or started)
            for col in q.columns:
                self.leaf(
                    part,
                    col,
                    cells.get(col.id),
                    must and col.required,
                    {
                        "question": question,
                        "row": row.label,
                        "column": col.display_label,
                        "path": (q.id, row.id, col.id),
                    },
                )
            if row.name_label:
                self.leaf_name(part, q, row.id, row.label, row.name_label, cells, started)
        if q.required and not q.rows_required:
            prog = self.progress(part)
            prog.required += 1
            if any_row:
                prog.answered += 1
            else:
                self.missing(
                    part,
                    "inte besvarad; fyll i minst en rad",
                    question=question,
                    path=(q.id, q.rows[0].id, q.columns[0].id),
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
            self.missing(
                part,
                f"ange aktören ({name_label})",
                question=_question_name(q),
                row=label,
                column=name_label,
                path=(q.id, row_id, NAME_KEY),
            )

    def rows(self, part: Part, q: RowsQuestion, area_id: str) -> None:
        items = (self.draft.answers.get(q.id) or {}).get(area_id) or []
        prog = self.progress(part)
        if q.required:
            prog.required += 1
            if items:
                prog.answered += 1
            else:
                self.missing(
                    part, f"området har inga {q.label.lower() or 'rader'}", question=q.label
                )
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
                        "path": (q.id, area_id, str(item.get(ID_KEY, "")), f.id),
                    },
                )


def _question_name(q: Any) -> str:
    if getattr(q, "number", ""):
        return f"Fråga {q.number}"
    return str(q.display_label)


def validate(form: FormDefinition, draft: Draft, *, final: bool = False) -> Report:
    """Check every answer of `draft`.

    Args:
        final: True for a final export: unanswered required questions are errors.
    """
    return _Walker(form, draft, final).run()
