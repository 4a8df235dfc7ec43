"""Provides the exact import of a document exported by rsp-tui: the draft embedded in it
(`rsp_tui.export.payload`) is returned as it is, provided the document still says what that
draft says.

The check: the embedded draft is read as a draft file (checksum, form, shapes), its document
body is composed again in memory, and the visible text of that body (paragraphs and table
cells, block by block) must equal the document's. Only the body is compared: the document
properties, the header and the footer carry dates, page numbers and the UTKAST mark, which say
nothing about the answers. A document edited after the export, or one whose payload cannot be
read, is read from its visible text instead, with a note that says why.

Composing the document again takes most of an import's time, so a document exported by a
version that writes the payload's `body-digest` is first checked the cheap way
(`read_unchanged`): the zip package is opened with `zipfile` alone, and when the document part
is byte for byte the one exported with that draft, the draft is used without composing
anything. Any difference, even one that changes no text (Word saving the file again), sends the
document the full way, which decides as before.
"""

from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from rsp_tui import __version__
from rsp_tui.drafts.model import Draft
from rsp_tui.errors import DraftError
from rsp_tui.forms.schema import FormDefinition
from rsp_tui.importer.official import ImportNote
from rsp_tui.importer.reader import Block, first_difference, read_blocks, visible

WHERE = "Inbäddat utkast"
"""Where notes about the embedded draft point."""
CHANGED = "Dokumentet"
FALLBACK = "svaren är lästa från dokumentets text; kontrollera dem"


@dataclass
class Outcome:
    """The embedded draft when it can be used as it is, else why not."""

    draft: Draft | None = None
    note: ImportNote | None = None
    notices: list[ImportNote] = field(default_factory=list)
    """With the draft: what reading it as a draft file said (e.g. migrated to a newer form)."""


def _refused(reason: str) -> Outcome:
    return Outcome(note=ImportNote(WHERE, f"{reason}; {FALLBACK}"))


def check_payload(
    form: FormDefinition, text: str, app_version: str, blocks: list[Block], path: Path
) -> Outcome:
    """Use the embedded draft file `text` if it matches the document's body `blocks`."""
    loaded = _load(form, text, path)
    if isinstance(loaded, Outcome):
        return loaded
    draft = loaded.draft
    try:
        expected = _composed_body(form, draft)
    except Exception as exc:  # a draft that loads but cannot be exported: never trust it
        return _refused(f"går inte att återskapa som dokument ({type(exc).__name__})")
    if visible(expected) == visible(blocks):
        return Outcome(draft=draft, notices=[ImportNote(WHERE, n) for n in loaded.notices])
    from rsp_tui.importer.places import Places

    where = first_difference(expected, blocks, Places(form, blocks).describe)
    if app_version and app_version != __version__:
        reason = (
            f"exporterades av rsp-tui {app_version}, och texten skiljer sig från den som"
            f" rsp-tui {__version__} skriver (första skillnaden: {where})"
        )
    elif loaded.notices:  # e.g. migrated to a newer version of the form
        reason = (
            "exporterades för en äldre version av formuläret, och texten skiljer sig från den"
            f" som formulärets nuvarande version ger (första skillnaden: {where})"
        )
    else:
        reason = (
            "har ändrats i Word (eller ett annat program) efter exporten från rsp-tui"
            f" (första ändringen: {where})"
        )
    return Outcome(note=ImportNote(CHANGED, f"{reason}; {FALLBACK}"))


def _load(form: FormDefinition, text: str, path: Path) -> Any:
    """The embedded draft file read (a `LoadedDraft`), or the `Outcome` that refuses it."""
    from rsp_tui.drafts.fileformat import loads, split_checksum

    try:
        _, intact = split_checksum(text, path)
        if not intact:
            return _refused("har ändrats efter exporten (kontrollsumman stämmer inte)")
        loaded = loads(text, path)
    except DraftError as exc:
        line = f"rad {exc.line}: " if exc.line is not None else ""
        return _refused(f"går inte att läsa ({line}{exc.message})")
    if loaded.form.id != form.id:
        return _refused(f'hör till ett annat formulär ("{loaded.form.id}")')
    return loaded


_RELS_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_OFFICE_DOCUMENT = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
)
_CUSTOM_XML = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml"


def _targets(z: zipfile.ZipFile, rels_name: str, base: str, reltype: str) -> list[str]:
    """The zip names of the internal parts `rels_name` relates with `reltype`."""
    from lxml import etree  # type: ignore[import-untyped]

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    root = etree.fromstring(z.read(rels_name), parser=parser)
    out: list[str] = []
    for rel in root.iter(f"{_RELS_NS}Relationship"):
        if rel.get("Type") != reltype or rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target") or ""
        name = target.lstrip("/") if target.startswith("/") else posixpath.join(base, target)
        out.append(posixpath.normpath(name))
    return out


def read_unchanged(package: IO[bytes], form: FormDefinition, path: Path) -> Outcome | None:
    """The embedded draft when the document part is exactly the one exported with it (its
    `body-digest` matches) and the draft can be used; None in every other case, which the
    full check (`check_payload`) then decides and explains. Never raises; `package` is the
    checked package (`importer.bounds.read_package`), left at its start."""
    from rsp_tui.export.payload import NAMESPACE, body_digest, parse_payload_xml

    try:
        with zipfile.ZipFile(package) as z:
            main = _targets(z, "_rels/.rels", "", _OFFICE_DOCUMENT)
            if len(main) != 1:
                return None
            folder, name = posixpath.split(main[0])
            rels = posixpath.join(folder, "_rels", name + ".rels")
            found = [
                t
                for t in _targets(z, rels, folder, _CUSTOM_XML)
                if NAMESPACE.encode() in z.read(t)[:512]
            ]
            if len(found) != 1:
                return None
            payload = parse_payload_xml(z.read(found[0]))
            if not payload.digest:
                return None
            digest = body_digest(z.read(main[0]), payload.text)
    except Exception:  # anything unusual: the full way reads it and says what is wrong
        return None
    finally:
        package.seek(0)
    if digest != payload.digest:  # (no secret here: anyone can compute it)
        return None
    loaded = _load(form, payload.text, path)
    if isinstance(loaded, Outcome):
        return None
    return Outcome(draft=loaded.draft, notices=[ImportNote(WHERE, n) for n in loaded.notices])


def _composed_body(form: FormDefinition, draft: Draft) -> list[Block]:
    from rsp_tui.export.docx import compose

    body: Any = compose(form, draft, draft_mode=False).doc.element.body
    return read_blocks(body)
