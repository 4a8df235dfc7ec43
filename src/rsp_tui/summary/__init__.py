"""Provides the national summary (`rsp-tui summary`): up to 21 regions' reports, as drafts or
Word files, become one overview for Tillväxtverket (a Word document, and a CSV for analysts).
Headless: never imports Textual.

- `intake`: reading the inputs, duplicates, missing regions (no python-docx needed to list them);
- `figures`: counts and sums, computed by walking the form definition;
- `build`, `parta`, `layout`, `charts`: the document (python-docx, matplotlib);
- `csvout`: the tidy CSV.

`make_summary` is what the command line and the app call.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from rsp_tui.errors import ExportError
from rsp_tui.forms.schema import FormDefinition
from rsp_tui.summary.intake import Entry, Intake, collect

if TYPE_CHECKING:
    from rsp_tui.summary.charts import Drawer

__all__ = ["Entry", "Intake", "SummaryResult", "collect", "make_summary", "plan"]


@dataclass
class SummaryResult:
    """What `make_summary` wrote."""

    documents: list[Path] = field(default_factory=list)
    csv: Path | None = None
    charts: int = 0
    notes: list[str] = field(default_factory=list)
    """Swedish notes for the user (missing regions, duplicates, unreadable files)."""


def plan(intake: Intake, year: int | None) -> list[tuple[int | None, str | None]]:
    """The documents to write, as (year, region): one per year over the regions, or, when all
    the reports are one region's over several years, one comparison across them (year None)."""
    years = intake.years()
    if year is not None:
        return [(year, None)]
    regions = {e.region for e in intake.used()}
    if len(regions) == 1 and len(years) > 1:
        return [(None, next(iter(regions)))]
    return [(y, None) for y in years]


def _out_path(out: Path, year: int | None, several: bool) -> Path:
    if not several or year is None:
        return out
    return out.with_name(f"{out.stem}-{year}{out.suffix}")


def make_summary(
    inputs: Sequence[Path],
    out: Path,
    *,
    csv: Path | None = None,
    year: int | None = None,
    no_contacts: bool = False,
    insatser: bool = False,
    form: FormDefinition | None = None,
    intake: Intake | None = None,
) -> SummaryResult:
    """Read `inputs` (or use `intake`), write the summary document(s) and the CSV.

    Several years without `year`: one document per year, `OUT-<år>.docx`.

    Reading the inputs itself (no `intake`: the command line), the work is spread over
    processes: the charts are drawn in one started first (`rsp_tui.summary.charts.Drawer`),
    and Word files that need the full check are read in several. Given an `intake` (the app,
    which runs threads), everything happens in this process.

    Raises:
        ExportError: nothing to summarise, or a file cannot be written.
    """
    from rsp_tui.summary.charts import Drawer

    drawer = Drawer.start() if intake is None else Drawer()
    try:
        return _make(inputs, out, csv, year, no_contacts, insatser, form, intake, drawer)
    finally:
        drawer.close()


def _make(
    inputs: Sequence[Path],
    out: Path,
    csv: Path | None,
    year: int | None,
    no_contacts: bool,
    insatser: bool,
    form: FormDefinition | None,
    intake: Intake | None,
    drawer: Drawer,
) -> SummaryResult:
    from rsp_tui.forms import load_form
    from rsp_tui.safefile import atomic_write
    from rsp_tui.summary.build import Options, build_summary
    from rsp_tui.summary.csvout import csv_bytes

    form = form or load_form()
    intake = intake if intake is not None else collect(inputs, form)
    targets = plan(intake, year)
    if not targets or (year is not None and not intake.used(year)):
        what = f" för {year}" if year is not None else ""
        raise ExportError(f"det finns inga läsbara rapporter{what} att sammanställa")
    for target in [out] + ([csv] if csv else []):
        if not target.parent.is_dir():
            raise ExportError(
                "mappen finns inte; skapa den eller välj en annan plats", target.parent
            )
        if target.is_dir():
            raise ExportError("det finns redan en mapp med det namnet; välj ett filnamn", target)
    result = SummaryResult()
    options = Options(no_contacts=no_contacts, insatser=insatser)
    several = len(targets) > 1
    for y, region in targets:
        data, charts = build_summary(form, intake, y, options, region=region, drawer=drawer)
        path = _out_path(out, y, several)
        _write(atomic_write, path, data)
        result.documents.append(path)
        result.charts += charts
        if y is not None:
            missing = intake.missing(y)
            if missing:
                result.notes.append(
                    f"{y}: rapport saknas från {len(missing)} regioner: {', '.join(missing)}."
                )
    if csv is not None:
        years = [y for y, _ in targets if y is not None] or None
        _write(atomic_write, csv, csv_bytes(form, intake, years, no_contacts=no_contacts))
        result.csv = csv
    for e in intake.entries:
        if e.draft is None:
            result.notes.append(f"{e.path}: kan inte läsas: {e.error}")
        elif e.superseded_by is not None:
            result.notes.append(
                f"{e.path}: används inte, {e.superseded_by} är nyare ({e.region} {e.year})."
            )
        elif e.error:
            result.notes.append(f"{e.path}: används inte: {e.error}")
    return result


def _write(atomic_write: object, path: Path, data: bytes) -> None:
    try:
        atomic_write(path, data)  # type: ignore[operator]
    except OSError as exc:
        raise ExportError(
            f"kunde inte spara filen ({exc.strerror or exc}); en tidigare fil med samma namn är"
            " oförändrad",
            path,
        ) from exc
