"""Provides the Word export of a report. Headless: never imports Textual.

`export_report` is what the command line and the app call: it refuses a final export while
the draft has errors (`ExportRefused`), and otherwise writes the .docx atomically. Optional
answers left blank never stop an export; their cells stay blank. A Datum left blank is the
day of the export (form-spec D.2).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from rsp_tui.drafts.model import Draft, is_empty
from rsp_tui.errors import RspError
from rsp_tui.forms.schema import FormDefinition
from rsp_tui.validation import Problem, follows_export, validate


class ExportRefused(RspError):
    """A final export was asked for, but the draft has errors."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(f"{len(problems)} fel hindrar en slutlig export")


@dataclass
class ExportResult:
    """What an export produced."""

    path: Path
    notes: list[str] = field(default_factory=list)
    """Swedish notes for the user, e.g. which fields had characters Word cannot hold."""
    blanks: list[Problem] = field(default_factory=list)
    """Optional answers left blank: their cells are blank in the document."""


def export_path(draft_path: Path, draft_mode: bool) -> Path:
    """Where the document goes by default: next to the draft, `-utkast` added for a draft
    export so that a draft never looks like the final version."""
    stem = draft_path.stem + ("-utkast" if draft_mode else "")
    return draft_path.with_name(stem + ".docx")


def with_export_date(form: FormDefinition, draft: Draft, today: date) -> Draft:
    """`draft`, or a copy of it with each blank date that follows the export set to `today`."""
    blank = [
        q.id
        for s in form.sections
        for q in s.answer_questions()
        if follows_export(q) and is_empty(draft.answers.get(q.id))
    ]
    if not blank:
        return draft
    copy = draft.model_copy(deep=True)
    for question_id in blank:
        copy.answers[question_id] = today.isoformat()
    return copy


def export_report(
    form: FormDefinition,
    draft: Draft,
    out: Path,
    *,
    draft_mode: bool = False,
    embed_draft: bool = True,
    today: date | None = None,
) -> ExportResult:
    """Write the report as a .docx to `out`.

    Args:
        draft_mode: export even with errors, marking every page UTKAST.
        embed_draft: put the draft in the package, so that `rsp-tui import` gives it back
            exactly (last year's answers that the draft shows as "Förra året" included);
            without it, the file holds only what the document shows.
        today: the day of the export (default: today), for a Datum left blank.

    Raises:
        ExportRefused: a final export while the draft has errors.
        ExportError: the file cannot be written, or `out` is a draft, a folder, a FIFO or a
            device node (the previous file at `out` is untouched).
    """
    from rsp_tui.outputs import check_export_target

    check_export_target(out)  # never over a draft, a folder, a FIFO or a device node
    report = validate(form, draft, final=True)
    if not draft_mode and report.errors:
        raise ExportRefused(report.errors)
    from rsp_tui.export.docx import write_docx

    dated = with_export_date(form, draft, today or date.today())
    result = write_docx(form, dated, out, draft_mode=draft_mode, embed_draft=embed_draft)
    result.blanks = report.blanks
    return result
