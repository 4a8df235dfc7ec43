"""Provides the exact import of a document exported by rsp-tui: the draft embedded in it
(`rsp_tui.export.payload`) is returned as it is, provided the document still says what that
draft says.

The check: the embedded draft is read as a draft file (checksum, form, shapes), its document
body is composed again in memory, and the visible text of that body (paragraphs and table
cells, block by block) must equal the document's. Only the body is compared: the document
properties, the header and the footer carry dates, page numbers and the UTKAST mark, which say
nothing about the answers. A document edited after the export, or one whose payload cannot be
read, is read from its visible text instead, with a note that says why.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

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
    from rsp_tui.drafts.store import loads, split_checksum

    try:
        _, intact = split_checksum(text, path)
        if not intact:
            return _refused("har ändrats efter exporten (kontrollsumman stämmer inte)")
        loaded = loads(text, path)
    except DraftError as exc:
        line = f"rad {exc.line}: " if exc.line is not None else ""
        return _refused(f"går inte att läsa ({line}{exc.message})")
    draft = loaded.draft
    if loaded.form.id != form.id:
        return _refused(f'hör till ett annat formulär ("{loaded.form.id}")')
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


def _composed_body(form: FormDefinition, draft: Draft) -> list[Block]:
    from rsp_tui.export.docx import compose

    body: Any = compose(form, draft, draft_mode=False).doc.element.body
    return read_blocks(body)
