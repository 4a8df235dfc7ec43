"""Provides `rsp-tui import`: a report in Word format read back into a draft. Headless.

A document exported by rsp-tui carries the draft it was made from (see
`rsp_tui.export.payload`); when the document's visible text still says what that draft says,
the draft comes back exactly. Any other document in the official layout, filled in by hand, is
read from its text as far as it can be, and whatever cannot be placed is listed.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rsp_tui.drafts.model import Draft
from rsp_tui.errors import RspError
from rsp_tui.forms import load_form, region_names
from rsp_tui.forms.programme import Programme
from rsp_tui.forms.schema import FormDefinition
from rsp_tui.importer.official import ImportNote, OfficialReader
from rsp_tui.importer.programme_match import ProgrammeMatcher, embedded_programme
from rsp_tui.importer.reader import DocumentRefused, read_blocks


class ImportFailed(RspError):
    """The file cannot be read as a Word document."""


@dataclass
class ImportResult:
    """The draft read from a document, and what could not be placed."""

    draft: Draft
    notes: list[ImportNote] = field(default_factory=list)
    exact: bool = False
    """True when the draft came back exactly as it was exported by rsp-tui."""


def read_checked(path: Path) -> io.BytesIO:
    """The package's bytes, checked (`importer.bounds`).

    Raises:
        ImportFailed: not a regular file, or a package that would unpack to too much.
    """
    from rsp_tui.importer.bounds import PackageRefused, read_package

    try:
        return read_package(path)
    except PackageRefused as exc:
        raise ImportFailed(exc.message, path) from None


def read_document(path: Path, package: io.BytesIO | None = None) -> object:
    """Open a .docx with python-docx; Swedish errors for the usual mistakes, and for packages
    that are not regular files or would unpack to too much (see `importer.bounds`)."""
    import docx

    if package is None:
        package = read_checked(path)
    try:
        return docx.Document(package)
    except Exception as exc:  # python-docx raises several kinds for broken packages
        kind = type(exc).__name__
        why = {
            "XMLSyntaxError": "dess XML är trasig eller för djupt nästlad",
            "KeyError": "en del som ska finnas i paketet saknas",
            "BadZipFile": "zip-paketet är trasigt",
            "PackageNotFoundError": "det är inget Word-paket",
        }.get(kind, f"fel av typen {kind}")
        raise ImportFailed(f"Word-dokumentet går inte att läsa: {why}", path) from None


def import_unchanged(
    path: Path, form: FormDefinition, package: io.BytesIO | None = None
) -> ImportResult | None:
    """The exact import of a document exported by rsp-tui and not changed since, checked the
    cheap way (`importer.exact.read_unchanged`: no python-docx, nothing composed); None for
    any other document, which `import_docx` then reads the full way.

    Raises:
        ImportFailed: the file is not a package rsp-tui will read (`importer.bounds`).
    """
    from rsp_tui.importer.exact import read_unchanged

    outcome = read_unchanged(package or read_checked(path), form, path)
    if outcome is None or outcome.draft is None:
        return None
    return ImportResult(draft=outcome.draft, notes=outcome.notices, exact=True)


def import_docx(
    path: Path, form: FormDefinition | None = None, programme: Programme | None = None
) -> ImportResult:
    """Read the report in `path` into a new draft (nothing is written).

    A document exported by rsp-tui and not changed since gives back the exported draft
    exactly (`exact`); any other document is read from its visible text, with `programme`
    when given (else the programme embedded in it, else the region's known one).
    """
    from rsp_tui.export.payload import PayloadError, extract
    from rsp_tui.importer.exact import WHERE, check_payload

    form = form or load_form()
    package = read_checked(path)
    unchanged = import_unchanged(path, form, package)
    if unchanged is not None:
        return unchanged
    document: Any = read_document(path, package)
    try:
        blocks = read_blocks(document.element.body)
    except DocumentRefused as exc:
        raise ImportFailed(str(exc), path) from None
    notes: list[ImportNote] = []
    try:
        payload = extract(document)
    except PayloadError as exc:
        payload = None
        notes.append(ImportNote(WHERE, f"{exc}; svaren är lästa från dokumentets text"))
    if payload is not None:
        outcome = check_payload(form, payload.text, payload.app_version, blocks, path)
        if outcome.draft is not None:
            return ImportResult(draft=outcome.draft, notes=outcome.notices, exact=True)
        if outcome.note is not None:
            notes.append(outcome.note)
    matcher = ProgrammeMatcher(programme, "det angivna programmet") if programme else None
    if matcher is None and payload is not None:
        embedded = embedded_programme(payload.text)
        if embedded is not None:
            matcher = ProgrammeMatcher(embedded, "dokumentets inbäddade utkast")
    reader = OfficialReader(form, blocks, region_names(), matcher)
    reader.run()
    visible = reader.draft()
    return ImportResult(draft=visible, notes=notes + reader.notes)
