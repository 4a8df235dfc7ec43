"""Provides the `Writer`: the document being written, with the building blocks the parts of
the report are made of (headings, paragraphs with `**bold**` markup, question sentences,
guidance bullets, footnotes and fixed-width tables).

Tables are built row by row, keeping references to the new cells: python-docx's
`Table.cell(r, c)` re-walks the table on every call and is quadratic (PITFALLS.md).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.table import CT_Tbl
from docx.shared import Cm, Emu, Length, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from lxml.etree import SubElement  # type: ignore[import-untyped]

from rsp_tui.drafts.model import Draft
from rsp_tui.export.clean import Cleaner
from rsp_tui.export.ooxml import (
    W_P,
    add_body_paragraph,
    add_footnote_reference,
    add_row,
    add_run,
    cell_width,
    describe_table,
    fixed_layout,
    header_row,
    insert_in_body,
    keep_together,
    rule_below,
    set_keep_next,
    style_new_paragraph,
)
from rsp_tui.export.package import TABLE_HEADER, TABLE_TEXT, StyleTable
from rsp_tui.forms.kinds.decimal import display_number as display_number
from rsp_tui.forms.schema import (
    FieldBase,
    FormDefinition,
    LeafField,
)
from rsp_tui.textutil import markup_runs

TABLE_STYLE = "Table Grid"
CELL_MARGINS = (Cm(0.06), Cm(0.15))
"""(top/bottom, left/right) inside table cells."""
CHAR_EM = 0.5
"""Average width of a character of Arial, in ems (to estimate row heights)."""
LINE_EM = 1.15
KEEP_TOGETHER_BELOW = Cm(7)
"""Rows estimated shorter than this are never split over two pages."""


@dataclass
class Writer:
    """The document being written and what has been collected on the way."""

    doc: Document
    form: FormDefinition
    draft: Draft
    clean: Cleaner = field(default_factory=Cleaner)
    footnotes: list[str] = field(default_factory=list)
    """Footnote texts, numbered from 1 in this order."""
    width: Emu = Emu(0)
    """Width between the margins of the current section."""
    region: str = ""
    """The region's name, cleaned once for the whole document."""
    _style_ids: dict[str, str] = field(default_factory=dict)
    _styles: StyleTable | None = None

    def style_id(self, name: str) -> str:
        """The id of the style named `name`, looked up once per document."""
        style_id = self._style_ids.get(name)
        if style_id is None:
            if self._styles is None:
                self._styles = StyleTable(self.doc)
            style_id = self._style_ids[name] = self._styles[name].style_id
        return style_id

    def add_paragraph(self, style: str | None = None) -> Paragraph:
        """A new body paragraph in the style named `style`. The style id is looked up once per
        document: python-docx looks a style name up on every call, by walking every style of
        the document twice (a third of the export's time went there)."""
        element = add_body_paragraph(self.doc.element.body)
        if style is not None:
            style_new_paragraph(element, self.style_id(style))
        return Paragraph(element, self.doc._body)

    # -- paragraphs ---------------------------------------------------------------------

    def heading(
        self, text: str, level: int, *, page_break: bool = False, markup: bool = True
    ) -> Paragraph:
        """A heading paragraph (`**bold**` markup allowed, though headings are bold). Text that
        holds the user's words is written with `markup` off: `**` in it is text."""
        p = self.add_paragraph(f"Heading {level}")
        if markup:
            add_markup(p, text)
        else:
            add_run(p._p, text)
        if page_break:
            p.paragraph_format.page_break_before = True
        return p

    def paragraph(
        self,
        text: str = "",
        *,
        bold: bool = False,
        centered: bool = False,
        style: str | None = None,
        markup: bool = True,
    ) -> Paragraph:
        """A paragraph of form text with `**bold**` markup (with `markup` off: plain text,
        for the user's words)."""
        p = self.add_paragraph(style)
        if markup:
            add_markup(p, text, bold=bold)
        else:
            add_run(p._p, text, True if bold else None)
        if centered:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        return p

    def answer(self, lines: Sequence[str]) -> None:
        """An answer in the body text: each entry a paragraph, line breaks kept."""
        for line in lines:
            add_run(add_body_paragraph(self.doc.element.body), line)

    def answer_space(self, lines: int) -> None:
        """Empty ruled lines to write an answer on by hand."""
        for _ in range(lines):
            p = self.add_paragraph()
            p.paragraph_format.space_before = Pt(14)
            p.paragraph_format.space_after = Pt(0)
            rule_below(p)

    def question(self, q: FieldBase) -> Paragraph:
        """`1. Hur bedömer …` in bold, the instruction (same line or its own) in the regular
        font with the question's footnote, then the guidance bullets."""
        p = self.add_paragraph("Heading 2")
        add_markup(p, q.title)
        target = p
        if q.instruction:
            if q.instruction_inline:
                add_run(p._p, " ")
            else:
                target = self.add_paragraph()
                target.paragraph_format.keep_with_next = True
            add_markup(target, q.instruction, bold=False)
        if q.footnote:
            self.footnote(target, q.footnote)
        for bullet in q.guidance:
            item = self.add_paragraph("List Bullet")
            item.paragraph_format.keep_with_next = True
            add_markup(item, bullet)
        return p

    def footnote(self, paragraph: Paragraph, text: str) -> None:
        """A real Word footnote at the end of `paragraph`."""
        self.footnotes.append(text)
        add_footnote_reference(paragraph, len(self.footnotes))

    # -- tables -------------------------------------------------------------------------

    def table(
        self,
        widths: Sequence[float],
        *,
        cm: bool = False,
        margins: tuple[Length, Length] = CELL_MARGINS,
    ) -> Grid:
        """A new table whose columns share the text width in proportion to `widths`, or,
        with `cm`, are exactly `widths` centimetres wide."""
        if cm:
            emus = [Emu(int(Cm(x))) for x in widths]
        else:
            total = sum(widths) or 1.0
            emus = [Emu(int(self.width * x / total)) for x in widths]
        return Grid.new(self.doc, emus, margins, self.style_id(TABLE_STYLE))


@dataclass
class Grid:
    """A fixed-layout table being built row by row."""

    table: Table
    widths: list[Emu]
    margins: tuple[Length, Length]

    @classmethod
    def new(
        cls, doc: Document, widths: list[Emu], margins: tuple[Length, Length], style_id: str
    ) -> Grid:
        """A new table at the end of the document in the style `style_id` (by id: `table.style
        = name` walks every style of the document twice)."""
        # Not `doc.add_table`: it reads the last section's page size for a width that
        # `fixed_layout` replaces, and finds the body's end by searching all of the body.
        tbl: Any = CT_Tbl.new_tbl(0, len(widths), Emu(sum(widths)))
        tbl.tblStyle_val = None  # as `add_table(style=None)`, then the style by id
        tbl.tblPr.style = style_id
        insert_in_body(doc.element.body, tbl)
        table = Table(tbl, doc._body)
        fixed_layout(table._tbl, widths, margins)
        return cls(table, widths, margins)

    def row(self, spans: Sequence[int] | None = None, *, header: bool = False) -> list[_Cell]:
        """Append a row; `spans` gives how many columns each cell covers (default: one
        cell per column). Returns the new cells."""
        spans = list(spans) if spans is not None else [1] * len(self.widths)
        tr, tcs = add_row(self.table._tbl, self.widths, spans)
        cells = [_Cell(tc, self.table) for tc in tcs]
        if header:
            header_row(tr)
        return cells

    def keep_if_short(
        self,
        cells: Sequence[_Cell],
        contents: Sequence[Sequence[str]],
        font: Length,
        *,
        below: Length = KEEP_TOGETHER_BELOW,
    ) -> int:
        """Keep the row on one page when it is estimated shorter than `below`; a longer row
        may break over pages, as it must when it is taller than a page. Returns the row's
        estimated height (EMU)."""
        height = 0
        for cell, lines in zip(cells, contents, strict=True):
            usable = max(1, cell_width(cell._tc) - 2 * int(self.margins[1]))
            per_line = max(1, usable // int(font * CHAR_EM))
            rows = sum(
                math.ceil(len(x) / per_line) or 1 for line in lines for x in line.split("\n")
            )
            height = max(height, rows * int(font * LINE_EM))
        if height < below:
            keep_together(cells[0]._tc.getparent())
        return height

    def keep_on_one_page(self) -> None:
        """Keep the whole table on one page (with the paragraph before it, if that is kept
        with its next): every paragraph but those of the last row is kept with the next."""
        rows = self.table._tbl.tr_lst
        for tr in rows[:-1]:
            keep_together(tr)
            for p in tr.iter(W_P):
                set_keep_next(p)

    def describe(self, caption: str, description: str) -> None:
        """The table's title and description for screen readers (`w:tblCaption`,
        `w:tblDescription`)."""
        describe_table(self.table._tbl, caption, description)


def add_markup(paragraph: Paragraph, text: str, *, bold: bool | None = None) -> None:
    """Append `text` to `paragraph`; `**…**` runs bold. With `bold` set, every run takes that
    weight unless the markup says bold."""
    _markup(paragraph._p, text, bold)


def _markup(p: Any, text: str, bold: bool | None) -> None:
    for part, is_bold in markup_runs(text):
        add_run(p, part, True if is_bold else bold)


def fill(
    cell: _Cell,
    lines: Sequence[str],
    *,
    style: str = TABLE_TEXT,
    center: bool = False,
) -> Paragraph:
    """Write `lines` into the (empty) cell, one paragraph each; line breaks inside a line
    stay line breaks. Returns the last paragraph."""
    tc = cell._tc
    p = tc.find(W_P)
    for n, line in enumerate(lines or [""]):
        if n:
            p = SubElement(tc, W_P)
        style_new_paragraph(p, style, center=center)
        if line:
            add_run(p, line)
    return Paragraph(p, cell)


def header_cell(cell: _Cell, title: str, help_text: str = "", *, style: str = TABLE_HEADER) -> None:
    """A column header: the title in bold, the helper text under it in the regular font."""
    tc = cell._tc
    p = tc.find(W_P)
    style_new_paragraph(p, style)
    if title:
        _markup(p, title, None)
    if help_text:
        if title:
            p = SubElement(tc, W_P)
            style_new_paragraph(p, style)
        _markup(p, help_text, False)


def value_lines(f: LeafField, value: Any, draft: Draft) -> list[str]:
    """The printed lines of one answer (empty list when unanswered); the kind says which."""
    return f.document_lines(value, draft.programme)
