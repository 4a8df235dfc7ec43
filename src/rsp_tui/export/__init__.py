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
from rsp_tui.forms.schema import FieldKind, FormDefinition
from rsp_tui.validation import Problem, validate


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
    accessibility: list[str] = field(default_factory=list)
    """What an accessibility checker would flag in the file (`export.a11y`); none expected."""
    author: str = ""
    """The document's author property as written (a name, or the region)."""
    blanks: list[Problem] = field(default_factory=list)
    """Optional answers left blank: their cells are blank in the document."""


def export_path(draft_path: Path, draft_mode: bool) -> Path:
    """Where the document goes by default: next to the draft, `-utkast` added for a draft
    export so that a draft never looks like the final version."""
    stem = draft_path.stem + ("-utkast" if draft_mode else "")
    return draft_path.with_name(stem + ".docx")


def with_export_date(form: FormDefinition, draft: Draft, today: date) -> Draft:
    """`draft`, or a copy of it with each blank answer that follows the export (a date: the
    day of the export) given its value for `today`."""
    blank = {
        q.id: q.export_value(today)
        for s in form.sections
        for q in s.answer_questions()
        if isinstance(q, FieldKind) and is_empty(draft.answers.get(q.id))
    }
    given = {k: v for k, v in blank.items() if v is not None}
    if not given:
        return draft
    copy = draft.model_copy(deep=True)
    copy.answers.update(given)
    return copy


def personal_data_note(
    result: ExportResult,
    *,
    embed_draft: bool,
    author_region: bool,
    author_hint: str = "regionen som författare (--author-region)",
    embed_hint: str = "utan inbäddat utkast (--no-embed)",
) -> str:
    """What the file carries of names and contacts beyond the text, and how to leave it out
    ('' when it carries nothing of the kind). Said where the user exports; the hints name
    the command line's options unless the app gives its own words."""
    carried = []
    if not author_region and result.author:
        carried.append(f'dokumentets egenskap Författare är "{result.author}"')
    if embed_draft:
        carried.append(
            "det inbäddade utkastet innehåller alla kontaktpersoners namn och e-postadresser,"
            " också sådant som inte syns i dokumentet"
        )
    if not carried:
        return ""
    advice = []
    if not author_region and result.author:
        advice.append(author_hint)
    if embed_draft:
        advice.append(embed_hint)
    return (
        f"Personuppgifter: {' och '.join(carried)}. Ska dokumentet publiceras, exportera med"
        f" {' och '.join(advice)}."
    )


def accessibility_summary(result: ExportResult) -> list[str]:
    """The accessibility check's outcome as lines for the user."""
    from rsp_tui.export.a11y import CHECKED

    if not result.accessibility:
        return [f"Tillgänglighetskontroll: inga anmärkningar ({CHECKED})."]
    return [f"Tillgänglighetskontroll: {finding}" for finding in result.accessibility]


def export_report(
    form: FormDefinition,
    draft: Draft,
    out: Path,
    *,
    draft_mode: bool = False,
    embed_draft: bool = True,
    author_region: bool = False,
    today: date | None = None,
) -> ExportResult:
    """Write the report as a .docx to `out`.

    Args:
        draft_mode: export even with errors, marking every page UTKAST.
        embed_draft: put the draft in the package, so that `rsp-tui import` gives it back
            exactly (last year's answers that the draft shows as "Förra året" included);
            without it, the file holds only what the document shows.
        author_region: the document's author property is the region, not the name of the
            person who drew the report up (for a document that is published).
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
    result = write_docx(
        form,
        dated,
        out,
        draft_mode=draft_mode,
        embed_draft=embed_draft,
        author_region=author_region,
    )
    result.blanks = report.blanks
    return result
