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


def export_report(
    form: FormDefinition,
    draft: Draft,
    out: Path,
    *,
    draft_mode: bool = False,
    embed_draft: bool = True,
) -> ExportResult:
    """Write the report as a .docx to `out`.

    Args:
        draft_mode: export even with errors, marking every page UTKAST.
        embed_draft: put the draft in the package, so that `rsp-tui import` gives it back
            exactly (last year's answers that the draft shows as "Förra året" included);
            without it, the file holds only what the document shows.

    Raises:
        ExportRefused: a final export while the draft has errors.
        ExportError: the file cannot be written, or `out` is a draft, a folder, a FIFO or a
            device node (the previous file at `out` is untouched).
    """
    from rsp_tui.outputs import check_export_target

    check_export_target(out)  # never over a draft, a folder, a FIFO or a device node
    if not draft_mode:
        errors = validate(form, draft, final=True).errors
        if errors:
            raise ExportRefused(errors)
    from rsp_tui.export.docx import write_docx

    return write_docx(form, draft, out, draft_mode=draft_mode, embed_draft=embed_draft)
