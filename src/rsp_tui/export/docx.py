"""Provides `write_docx`: the report as a Word document that reads like the official form.

The document is written by walking the form definition (`structure.parts`), so every
question, instruction, row label and column header comes from the form file:

- Part A in portrait A4: title, intro, `Region: …`, Datum / Upprättad av, questions 1–6;
- Part B in a landscape A4 section: its introduction and guidance, then `Region: …` and one
  insatser table per prioriterat område of the draft's programme.

The draft itself travels in the package as a part of its own (`rsp_tui.export.payload`), so
that `rsp-tui import` can give it back exactly.

Imported only when exporting (python-docx is slow to import).
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docx.enum.section import WD_SECTION
from docx.shared import Pt
from docx.text.paragraph import Paragraph

from rsp_tui.drafts.fileformat import dumps
from rsp_tui.drafts.model import Draft
from rsp_tui.errors import ExportError
from rsp_tui.export import ExportResult
from rsp_tui.export.a11y import check_accessibility
from rsp_tui.export.insatser import insatser_table
from rsp_tui.export.package import (
    add_footnotes,
    header_and_footer,
    new_document,
    page_setup,
    set_properties,
)
from rsp_tui.export.payload import embed
from rsp_tui.export.questions import report_fields, table_question, text_question
from rsp_tui.export.writer import Writer
from rsp_tui.forms.schema import (
    LEAF_TYPES,
    FormDefinition,
    LeafField,
    ProgrammeQuestion,
    RowsQuestion,
    StaticQuestion,
    TableQuestion,
)
from rsp_tui.safefile import atomic_write, os_reason
from rsp_tui.structure import Part, parts

HEADING_LEVELS = {"heading": 1, "subheading": 2}
"""Part B's subheadings are level 2 under its level-1 headings: no level is skipped."""
_SURROGATE = re.compile("[\ud800-\udfff]")


def _static(w: Writer, q: StaticQuestion) -> None:
    for n, block in enumerate(q.blocks):
        page_break = q.page_break_before and n == 0
        if block.style in HEADING_LEVELS:
            w.heading(block.text, HEADING_LEVELS[block.style], page_break=page_break)
            continue
        p = w.paragraph(block.text, centered=block.style == "centered")
        if page_break:
            p.paragraph_format.page_break_before = True


def _region_line(w: Writer, *, page_break: bool = False) -> Paragraph:
    p = w.paragraph(f"{w.form.region_label} {w.region}", bold=True, markup=False)
    p.paragraph_format.space_before = Pt(6)
    if page_break:
        p.paragraph_format.page_break_before = True
    return p


def _part(w: Writer, part: Part, first_area: bool) -> None:
    pending: list[LeafField] = []

    def flush() -> None:
        if pending:
            report_fields(w, part, list(pending))
            pending.clear()

    if part.area is not None:
        if first_area:
            # The introduction fills a landscape page of its own (it took two before): the
            # Region line and the first table begin on the next.
            _region_line(w, page_break=True).paragraph_format.keep_with_next = True
        w.heading(w.clean(part.heading, part.title), 2, page_break=not first_area, markup=False)
    for q in part.section.questions:
        # Structural dispatch: the question's shape (table, rows, static text, programme)
        # decides what happens; a leaf field of any kind goes through its kind.
        if isinstance(q, LEAF_TYPES) and not q.number:
            pending.append(q)
            continue
        flush()
        if isinstance(q, StaticQuestion):
            _static(w, q)
        elif isinstance(q, ProgrammeQuestion):
            continue  # the programme shows as the område headings and in the Mål column
        elif isinstance(q, TableQuestion):
            table_question(w, part, q)
        elif isinstance(q, RowsQuestion):
            if part.area is not None:
                insatser_table(w, part, q)
        else:
            text_question(w, part, q)
    flush()


def compose(form: FormDefinition, draft: Draft, *, draft_mode: bool) -> Writer:
    """The document's pages: body, header and footer (no footnotes, properties or payload).

    The body depends on nothing but the form and the draft (no dates, no random ids): the
    importer composes it again from an embedded draft to check that a document is unchanged.
    """
    doc = new_document()
    section = doc.sections[0]
    w = Writer(doc, form, draft, width=page_setup(section, landscape=False))
    w.region = w.clean(draft.region, form.region_label.rstrip(":"))
    header_and_footer(section, draft_mode=draft_mode)

    w.heading(form.title, 1)
    for paragraph in form.intro:
        w.paragraph(paragraph)
    _region_line(w)

    landscape = False
    first_area = True
    for part in parts(form, draft):
        if part.section.part == "B" and not landscape:
            new = doc.add_section(WD_SECTION.NEW_PAGE)
            w.width = page_setup(new, landscape=True)
            landscape = True
        _part(w, part, first_area and part.area is not None)
        if part.area is not None:
            first_area = False
    return w


@dataclass
class Built:
    """An exported document in memory."""

    data: bytes
    notes: list[str]
    author: str


def build(
    form: FormDefinition, draft: Draft, *, draft_mode: bool, embed_draft: bool = True
) -> tuple[bytes, list[str]]:
    """The document as bytes, and the notes for the user."""
    built = build_document(form, draft, draft_mode=draft_mode, embed_draft=embed_draft)
    return built.data, built.notes


def build_document(
    form: FormDefinition,
    draft: Draft,
    *,
    draft_mode: bool,
    embed_draft: bool = True,
    author_region: bool = False,
) -> Built:
    """The document as bytes, the notes for the user and the author property written."""
    w = compose(form, draft, draft_mode=draft_mode)
    doc = w.doc
    add_footnotes(doc, w.footnotes)
    author = ""
    author_id = form.role("author")
    if author_id:
        label = form.question(author_id)
        author = w.clean(draft.answers.get(author_id, ""), getattr(label, "display_label", ""))
    region = w.region
    if author_region:
        author = f"{form.region_label} {region}".strip()
    set_properties(
        doc,
        title=form.title,
        author=author,
        subject=f"{form.region_label} {region}, {form.years.label} {draft.year}",
        keywords=f"{form.id}; version {form.version}",
        custom={
            "rsp-tui form": form.id,
            "rsp-tui form version": form.version,
            "rsp-tui region": region,
            "rsp-tui year": draft.year,
        },
        draft_mode=draft_mode,
    )
    if embed_draft:
        embed(doc, payload_text(draft))
    buffer = io.BytesIO()
    doc.save(buffer)
    return Built(buffer.getvalue(), w.clean.notes(), author)


def payload_text(draft: Draft) -> str:
    """The draft file's text to embed. A lone surrogate cannot be written to any file (it can
    only reach a draft around `Draft.set`); it is left out, as it is in the document."""
    try:
        return dumps(draft)
    except UnicodeEncodeError:
        data = _without_surrogates(draft.model_dump())
        return dumps(Draft.model_validate(data))


def _without_surrogates(value: Any) -> Any:
    if isinstance(value, str):
        return _SURROGATE.sub("", value)
    if isinstance(value, list):
        return [_without_surrogates(v) for v in value]
    if isinstance(value, dict):
        return {_without_surrogates(k): _without_surrogates(v) for k, v in value.items()}
    return value


def write_docx(
    form: FormDefinition,
    draft: Draft,
    out: Path,
    *,
    draft_mode: bool,
    embed_draft: bool = True,
    author_region: bool = False,
) -> ExportResult:
    """Write the report to `out` atomically (a failure leaves any earlier file untouched).

    Raises:
        ExportError: the folder is missing, `out` is a folder, or the file cannot be written.
    """
    folder = out.parent
    if not folder.is_dir():
        raise ExportError(
            "mappen som dokumentet ska sparas i finns inte; skapa den eller välj en annan"
            " plats (inget har sparats)",
            folder,
        )
    if out.is_dir():
        raise ExportError("det finns redan en mapp med det namnet; välj ett filnamn", out)
    built = build_document(
        form, draft, draft_mode=draft_mode, embed_draft=embed_draft, author_region=author_region
    )
    try:
        atomic_write(out, built.data)
    except OSError as exc:
        raise ExportError(
            f"kunde inte spara dokumentet: {os_reason(exc)} (en tidigare fil med samma namn är"
            " oförändrad)",
            out,
        ) from exc
    return ExportResult(
        path=out,
        notes=built.notes,
        accessibility=check_accessibility(built.data),
        author=built.author,
    )
