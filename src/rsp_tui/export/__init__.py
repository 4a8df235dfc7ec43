"""Provides the Word export of a report. Headless: never imports Textual.

`export_report` is what the command line and the app call: it refuses a final export while
the draft has errors (`ExportRefused`), and otherwise writes the .docx atomically.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rsp_tui.drafts.model import Draft
from rsp_tui.errors import RspError
from rsp_tui.forms.schema import FormDefinition
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
) -> ExportResult:
    """Write the report as a .docx to `out`.

    Args:
        draft_mode: export even with errors, marking every page UTKAST.
        embed_draft: put the draft in the package, so that `rsp-tui import` gives it back
            exactly (last year's answers that the draft shows as "Förra året" included);
            without it, the file holds only what the document shows.
        author_region: the document's author property is the region, not the name of the
            person who drew the report up (for a document that is published).

    Raises:
        ExportRefused: a final export while the draft has errors.
        ExportError: the file cannot be written (the previous file at `out` is untouched).
    """
    if not draft_mode:
        errors = validate(form, draft, final=True).errors
        if errors:
            raise ExportRefused(errors)
    from rsp_tui.export.docx import write_docx

    return write_docx(
        form,
        draft,
        out,
        draft_mode=draft_mode,
        embed_draft=embed_draft,
        author_region=author_region,
    )
