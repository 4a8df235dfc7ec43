"""Provides the intake of the national summary: every input file read into a report (drafts
through `rsp_tui.drafts.load_draft`, Word files through `rsp_tui.importer.import_docx`), with
what Tillväxtverket needs to know about each one before its answers are counted.

An input that cannot be read is listed with the reason and left out; the rest are summarised.
The same region and year twice: the newest is used and the other is named. "Newest" is the
time the report was last saved by rsp-tui (a draft file, or the draft embedded in an exported
document); a document read from its text has no such time, so the file's modification time is
used instead.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from rsp_tui.drafts.model import Draft
from rsp_tui.forms.schema import LEAF_TYPES, FormDefinition, LeafField

if TYPE_CHECKING:
    from rsp_tui.importer import ImportResult

READ_DRAFT = "utkastfil"
READ_EXACT = "exakt"
"""A Word file from rsp-tui: its embedded draft, checked against the text."""
READ_TEXT = "från texten"
"""A Word file read from its visible text (filled in by hand, or changed after the export)."""
MARKED = "Utkast (märkt)"
"""The status of a document exported as a draft (every page says UTKAST)."""
SUFFIXES = (".toml", ".docx")
SUMMARY_KEYWORD = "rsp-tui sammanställning"
"""In the keywords of the summary document itself, so that a summary saved among the reports
is not read as one."""
"""What a folder is searched for; other files in it are not reports."""
_DRAFT_STATUS = re.compile(r"<cp:contentStatus>\s*Utkast\s*</cp:contentStatus>", re.IGNORECASE)


@dataclass
class Entry:
    """One input file and what became of it."""

    path: Path
    draft: Draft | None = None
    """The report's answers; None when the file could not be read."""
    error: str = ""
    """Why the file could not be read (Swedish)."""
    how: str = ""
    """How it was read: `READ_DRAFT`, `READ_EXACT` or `READ_TEXT`."""
    notes: list[str] = field(default_factory=list)
    """The loader's notices or the importer's warnings."""
    marked_draft: bool = False
    """The document is marked UTKAST (exported with --draft)."""
    errors: list[str] = field(default_factory=list)
    """Problems that block a final export (invalid answers), as `rsp-tui check` lists them."""
    blanks: list[str] = field(default_factory=list)
    """Required answers not given."""
    saved: datetime | None = None
    """When the report was last saved (see the module docstring)."""
    superseded_by: Path | None = None
    """Another input with the same region and year that is newer; this one is not used."""
    unknown_region: bool = False
    """The region is not one of the 21 in forms/regions.toml."""

    @property
    def used(self) -> bool:
        """Counted in the summary."""
        return self.draft is not None and self.superseded_by is None and bool(self.draft.region)

    @property
    def final(self) -> bool:
        """A final report: not marked UTKAST and nothing blocks a final export."""
        blocked = self.marked_draft or self.errors or self.blanks
        return self.draft is not None and not blocked

    @property
    def status(self) -> str:
        """`Slutlig` or `Utkast`, as the intake list says it."""
        if self.draft is None:
            return "Kan inte läsas"
        if self.marked_draft:
            return MARKED
        return "Slutlig" if self.final else "Utkast"

    @property
    def region(self) -> str:
        return self.draft.region if self.draft is not None else ""

    @property
    def year(self) -> int | None:
        return self.draft.year if self.draft is not None else None


@dataclass
class Intake:
    """Every input, in the order given, and the regions expected."""

    entries: list[Entry]
    regions: list[str]
    """The 21 regions, in forms/regions.toml's order."""

    def used(self, year: int | None = None) -> list[Entry]:
        """The reports counted (for one year), in the regions' order."""
        out = [e for e in self.entries if e.used and (year is None or e.year == year)]
        return sorted(out, key=lambda e: (self.region_order(e.region), e.year or 0))

    def years(self) -> list[int]:
        """The verksamhetsår of the reports counted."""
        return sorted({e.year for e in self.entries if e.used and e.year is not None})

    def missing(self, year: int) -> list[str]:
        """Regions of the 21 without a report for `year`."""
        present = {e.region for e in self.used(year)}
        return [r for r in self.regions if r not in present]

    def unreadable(self) -> list[Entry]:
        return [e for e in self.entries if e.draft is None]

    def region_order(self, region: str) -> tuple[int, str]:
        try:
            return (self.regions.index(region), region)
        except ValueError:
            return (len(self.regions), region)


def report_fields(form: FormDefinition) -> list[LeafField]:
    """The report's own fields (Datum, Upprättad av): single fields without a question number."""
    return [
        q for s in form.sections for q in s.questions if isinstance(q, LEAF_TYPES) and not q.number
    ]


def expand(inputs: Iterable[Path]) -> list[Path]:
    """Files named directly, and the .toml and .docx files inside folders (with subfolders;
    Word's lock files `~$…` and hidden files left out), each once."""
    out: list[Path] = []
    seen: set[Path] = set()

    def add(p: Path) -> None:
        key = p.resolve() if p.exists() else p
        if key not in seen:
            seen.add(key)
            out.append(p)

    for path in inputs:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                name = child.name
                if name.startswith(("~$", ".")) or child.suffix.lower() not in SUFFIXES:
                    continue
                if child.is_file():
                    add(child)
        else:
            add(path)
    return out


def read_entry(path: Path, form: FormDefinition) -> Entry:
    """Read one input; never raises for a bad file (the entry then carries the error)."""
    from rsp_tui.errors import RspError

    entry = Entry(path=path)
    suffix = path.suffix.lower()
    try:
        if suffix == ".toml":
            _read_draft(entry, form)
        elif suffix in (".docx", ".doc"):  # .doc: the importer says to save it as .docx
            _read_docx(entry, form)
        elif path.is_dir():
            entry.error = "är en mapp utan rapporter"
        else:
            entry.error = "okänd filtyp: ange utkast (.toml) eller Word-rapporter (.docx)"
    except RspError as exc:
        entry.error = exc.message
        entry.draft = None
    except Exception as exc:  # a broken file must not stop the other 20 from being summarised
        entry.error = f"kunde inte läsas ({type(exc).__name__})"
        entry.draft = None
    if entry.draft is not None:
        _check(entry, form)
    return entry


def _read_draft(entry: Entry, form: FormDefinition) -> None:
    from rsp_tui.drafts.diskfile import load_draft

    loaded = load_draft(entry.path)
    if loaded.form.id != form.id:
        entry.error = f'hör till ett annat formulär ("{loaded.form.id}")'
        return
    entry.draft = loaded.draft
    entry.how = READ_DRAFT
    entry.notes = list(loaded.notices)
    entry.saved = loaded.draft.updated


def _read_docx(entry: Entry, form: FormDefinition) -> None:
    from rsp_tui.importer import import_docx

    core = _core_properties(entry.path)
    if SUMMARY_KEYWORD in core:
        entry.error = "är en sammanställning, inte en regions rapport"
        return
    _docx_read(entry, import_docx(entry.path, form), core)


def read_unchanged_entry(path: Path, form: FormDefinition) -> Entry | None:
    """A Word file exported by rsp-tui and unchanged since, read exactly the cheap way (see
    `rsp_tui.importer.import_unchanged`); None for any other input, or on any trouble (then
    `read_entry` reads it, and says what is wrong)."""
    if path.suffix.lower() != ".docx":
        return None
    from rsp_tui.importer import import_unchanged

    try:
        core = _core_properties(path)
        if SUMMARY_KEYWORD in core:
            return None
        result = import_unchanged(path, form)
        if result is None:
            return None
        entry = Entry(path=path)
        _docx_read(entry, result, core)
        _check(entry, form)
    except Exception:
        return None
    return entry


def _docx_read(entry: Entry, result: ImportResult, core: str) -> None:
    entry.draft = result.draft
    entry.how = READ_EXACT if result.exact else READ_TEXT
    entry.notes = [n.describe() for n in result.notes]
    entry.marked_draft = bool(_DRAFT_STATUS.search(core))
    if result.exact:
        entry.saved = result.draft.updated
    else:
        entry.saved = datetime.fromtimestamp(entry.path.stat().st_mtime).astimezone()


def _core_properties(path: Path) -> str:
    """The start of the document's docProps/core.xml ("" when it has none). A document
    exported with --draft says Utkast there; our summaries name themselves in the keywords."""
    try:
        with zipfile.ZipFile(path) as z, z.open("docProps/core.xml") as f:
            return f.read(200_000).decode("utf-8", "replace")
    except (KeyError, OSError, zipfile.BadZipFile, RuntimeError):
        return ""


def _check(entry: Entry, form: FormDefinition) -> None:
    from rsp_tui.validation import validate

    assert entry.draft is not None
    report = validate(form, entry.draft, final=True)
    for problem in report.errors:
        (entry.blanks if problem.missing else entry.errors).append(problem.location)


def _mark_duplicates(entries: Sequence[Entry]) -> None:
    groups: dict[tuple[str, int], list[Entry]] = {}
    for e in entries:
        if e.draft is not None and e.draft.region:
            groups.setdefault((e.draft.region, e.draft.year), []).append(e)
    for group in groups.values():
        if len(group) < 2:
            continue
        # The newest wins; at equal times the one read exactly, then the one given last.
        ranked = sorted(
            enumerate(group),
            key=lambda ne: (
                ne[1].saved.timestamp() if ne[1].saved else 0.0,
                ne[1].how != READ_TEXT,
                ne[0],
            ),
        )
        newest = ranked[-1][1]
        for _, e in ranked[:-1]:
            e.superseded_by = newest.path


PARALLEL_FROM = 4
"""Read Word files in parallel processes when at least this many need the full way: checking
that a changed document still says what its embedded draft says means composing the document
again, about a quarter of a second each."""


def read_entries(paths: list[Path], form: FormDefinition, *, parallel: bool = True) -> list[Entry]:
    """`read_entry` for every path, in order. Word files exported by rsp-tui and unchanged
    since are read first, the cheap way, here; the other Word files on all processors when
    there are many (forked workers, on systems that have fork; otherwise, or if that fails,
    one by one)."""
    quick = [read_unchanged_entry(p, form) for p in paths]
    rest = [p for p, e in zip(paths, quick, strict=True) if e is None]
    done = iter(_read_all(rest, form, parallel=parallel))
    return [e if e is not None else next(done) for e in quick]


def _read_all(paths: list[Path], form: FormDefinition, *, parallel: bool) -> list[Entry]:
    import multiprocessing
    import os

    docx_count = sum(1 for p in paths if p.suffix.lower() == ".docx")
    workers = min(os.cpu_count() or 1, 4, docx_count)
    if (
        parallel
        and docx_count >= PARALLEL_FROM
        and workers > 1
        and "fork" in multiprocessing.get_all_start_methods()
    ):
        from concurrent.futures import ProcessPoolExecutor
        from functools import partial

        try:
            context = multiprocessing.get_context("fork")
            with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
                return list(pool.map(partial(read_entry, form=form), paths, chunksize=2))
        except Exception:  # e.g. no processes allowed: read them here instead
            pass
    return [read_entry(p, form) for p in paths]


def collect(
    inputs: Iterable[Path], form: FormDefinition | None = None, *, parallel: bool = True
) -> Intake:
    """Read every input (folders searched), mark duplicates and unknown regions. `parallel`
    off: everything in this process (the app, which runs threads, reads that way)."""
    from rsp_tui.forms import load_form, region_names

    form = form or load_form()
    regions = region_names()
    entries = read_entries(expand(inputs), form, parallel=parallel)
    _mark_duplicates(entries)
    for e in entries:
        if e.draft is not None:
            if not e.draft.region:
                e.error = "regionen framgår inte av rapporten (raden Region: saknas)"
            elif e.draft.region not in regions:
                e.unknown_region = True
    return Intake(entries=entries, regions=regions)
