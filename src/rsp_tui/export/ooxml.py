"""Provides the WordprocessingML details python-docx has no API for: cell shading, rotated
text, repeated header rows, fixed table layout, fields and footnote references.

Every function takes python-docx objects (or their XML elements) and edits the XML in place;
element order follows the OOXML schema so that Word accepts the file.
"""

from __future__ import annotations

import re
from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Length
from lxml.etree import SubElement  # type: ignore[import-untyped]

TWIPS_PER_EMU = 1 / 635
"""Word measures table widths in twentieths of a point; python-docx lengths are EMU."""

# Children of w:tcPr in schema order (CT_TcPr).
_TCPR_ORDER = (
    "w:cnfStyle",
    "w:tcW",
    "w:gridSpan",
    "w:hMerge",
    "w:vMerge",
    "w:tcBorders",
    "w:shd",
    "w:noWrap",
    "w:tcMar",
    "w:textDirection",
    "w:tcFitText",
    "w:vAlign",
    "w:hideMark",
)
# Children of w:trPr (CT_TrPr) that we set.
_TRPR_ORDER = ("w:cantSplit", "w:trHeight", "w:tblHeader")
# Children of w:tblPr in schema order (CT_TblPr).
_TBLPR_ORDER = (
    "w:tblStyle",
    "w:tblpPr",
    "w:tblOverlap",
    "w:bidiVisual",
    "w:tblStyleRowBandSize",
    "w:tblStyleColBandSize",
    "w:tblW",
    "w:jc",
    "w:tblCellSpacing",
    "w:tblInd",
    "w:tblBorders",
    "w:shd",
    "w:tblLayout",
    "w:tblCellMar",
    "w:tblLook",
    "w:tblCaption",
    "w:tblDescription",
)


def twips(length: int) -> str:
    """A python-docx length (EMU) as whole twips, for XML attributes."""
    return str(round(int(length) * TWIPS_PER_EMU))


def _set_ordered(parent: Any, child: Any, order: tuple[str, ...]) -> None:
    """Put `child` into `parent` at its schema position, replacing one of the same tag."""
    tag = child.tag
    for old in parent.findall(tag):
        parent.remove(old)
    ranks = _RANKS.get(order)
    if ranks is None:
        ranks = _RANKS[order] = {qn(n): i for i, n in enumerate(order)}
    rank = ranks[tag]
    for n, existing in enumerate(parent):
        if ranks.get(existing.tag, -1) > rank:
            parent.insert(n, child)
            return
    parent.append(child)


_RANKS: dict[tuple[str, ...], dict[str, int]] = {}


def _el(tag: str, **attrs: str) -> Any:
    element = OxmlElement(tag)
    for key, value in attrs.items():
        element.set(qn(f"w:{key}"), value)
    return element


def set_tc(tc: Any, tag: str, **attrs: str) -> None:
    """Set a `w:tcPr` child, e.g. `set_tc(tc, "w:vAlign", val="center")`."""
    _set_ordered(_tcPr(tc), _el(tag, **attrs), _TCPR_ORDER)


def _tcPr(tc: Any) -> Any:
    tcPr = tc.find(W_TCPR)
    return tcPr if tcPr is not None else tc.get_or_add_tcPr()


def shade(tc: Any, fill: str) -> None:
    """Give the cell a background colour (hex RGB, e.g. `D9D9D9`)."""
    set_tc(tc, "w:shd", val="clear", color="auto", fill=fill)


def rotate_up(tc: Any) -> None:
    """Text runs bottom to top, for narrow columns with long headers."""
    set_tc(tc, "w:textDirection", val="btLr")


def narrow_margins(tc: Any, side: int) -> None:
    """Left and right cell margins of `side` (EMU) instead of the table's."""
    mar = _el("w:tcMar")
    for edge in ("left", "right"):
        mar.append(_el(f"w:{edge}", w=twips(side), type="dxa"))
    _set_ordered(_tcPr(tc), mar, _TCPR_ORDER)


def v_merge(tc: Any, *, restart: bool) -> None:
    """Merge the cell with the one below (`restart`) or the one above."""
    if restart:
        set_tc(tc, "w:vMerge", val="restart")
    else:
        set_tc(tc, "w:vMerge")


def _set_tr(tr: Any, tag: str, **attrs: str) -> None:
    trPr = tr.find(W_TRPR)
    if trPr is None:  # first in w:tr (python-docx's get_or_add_trPr, without its search)
        trPr = SubElement(tr, W_TRPR)
        if len(tr) > 1:
            tr.insert(0, trPr)
    _set_ordered(trPr, _el(tag, **attrs), _TRPR_ORDER)


def keep_together(tr: Any) -> None:
    """Never split the row over two pages."""
    _set_tr(tr, "w:cantSplit")


def header_row(tr: Any) -> None:
    """Repeat the row at the top of every page and never split it."""
    _set_tr(tr, "w:cantSplit")
    _set_tr(tr, "w:tblHeader")


def min_height(tr: Any, height: Emu) -> None:
    """The row is at least `height` tall."""
    _set_tr(tr, "w:trHeight", val=twips(height), hRule="atLeast")


def fixed_layout(tbl: Any, widths: list[Emu], margins: tuple[Length, Length]) -> None:
    """Column widths exactly as given (grid, table width, fixed layout) and the cells'
    (top/bottom, left/right) margins."""
    tblPr = tbl.tblPr
    for old in tblPr.findall(qn("w:tblW")):
        tblPr.remove(old)
    tblW = _el("w:tblW", w=twips(Emu(sum(widths))), type="dxa")
    layout = _el("w:tblLayout", type="fixed")
    cell_margins = _el("w:tblCellMar")
    vertical, horizontal = (twips(m) for m in margins)
    for edge, size in (("top", vertical), ("left", horizontal), ("bottom", vertical)):
        cell_margins.append(_el(f"w:{edge}", w=size, type="dxa"))
    cell_margins.append(_el("w:right", w=horizontal, type="dxa"))
    _set_ordered(tblPr, tblW, _TBLPR_ORDER)
    _set_ordered(tblPr, layout, _TBLPR_ORDER)
    _set_ordered(tblPr, cell_margins, _TBLPR_ORDER)
    for gridCol, width in zip(tbl.tblGrid.gridCol_lst, widths, strict=True):
        gridCol.w = width


_AFTER_PBDR = (
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)
"""What follows w:pBdr in w:pPr (CT_PPr schema order)."""


def rule_below(paragraph: Any) -> None:
    """A thin grey line under the paragraph (a line to write on)."""
    pPr = paragraph._p.get_or_add_pPr()
    for old in pPr.findall(qn("w:pBdr")):
        pPr.remove(old)
    border = _el("w:pBdr")
    border.append(_el("w:bottom", val="single", sz="4", space="1", color="A6A6A6"))
    pPr.insert_element_before(border, *_AFTER_PBDR)


def describe_table(tbl: Any, caption: str, description: str) -> None:
    """The table's title and description (Word: Table Properties › Alt Text), which screen
    readers announce and accessibility checkers look for."""
    tblPr = tbl.tblPr
    if caption:
        _set_ordered(tblPr, _el("w:tblCaption", val=caption), _TBLPR_ORDER)
    if description:
        _set_ordered(tblPr, _el("w:tblDescription", val=description), _TBLPR_ORDER)


def add_field(paragraph: Any, instruction: str, placeholder: str = "1") -> None:
    """Append a field (e.g. `PAGE`, `NUMPAGES`) that Word and LibreOffice fill in."""
    p = paragraph._p
    for kind, body in (("begin", None), ("instr", instruction), ("separate", None)):
        r = OxmlElement("w:r")
        if kind == "instr":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = f" {body} "
            r.append(instr)
        else:
            r.append(_el("w:fldChar", fldCharType=kind))
        p.append(r)
    shown = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = placeholder
    shown.append(text)
    p.append(shown)
    end = OxmlElement("w:r")
    end.append(_el("w:fldChar", fldCharType="end"))
    p.append(end)


def add_footnote_reference(paragraph: Any, footnote_id: int) -> None:
    """Append the superscript reference to footnote `footnote_id`."""
    r = OxmlElement("w:r")
    rPr = OxmlElement("w:rPr")
    rPr.append(_el("w:rStyle", val="FootnoteReference"))
    r.append(rPr)
    r.append(_el("w:footnoteReference", id=str(footnote_id)))
    paragraph._p.append(r)


def keep_with_next(paragraph: Any) -> None:
    """Keep the paragraph on the same page as the next one (headings before tables)."""
    paragraph.paragraph_format.keep_with_next = True


# -- Fast building (the export's hot paths) -------------------------------------------------
#
# python-docx's proxies insert every new element at its schema position by searching the
# parent's children for each possible successor tag (`insert_element_before`), and build each
# element through its tag registry: most of the export's time went there (docs/benchmarks.md,
# Round 4). The functions below build the same elements straight with lxml, in the order and
# with the attributes python-docx writes (the document stays byte for byte the same), for new
# elements only; anything already there is left to python-docx.

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
W_P = _W + "p"
W_PPR = _W + "pPr"
W_PSTYLE = _W + "pStyle"
W_JC = _W + "jc"
W_KEEPNEXT = _W + "keepNext"
W_R = _W + "r"
W_RPR = _W + "rPr"
W_B = _W + "b"
W_T = _W + "t"
W_BR = _W + "br"
W_TAB = _W + "tab"
W_TR = _W + "tr"
W_TRPR = _W + "trPr"
W_TC = _W + "tc"
W_TCPR = _W + "tcPr"
W_TCW = _W + "tcW"
W_GRIDSPAN = _W + "gridSpan"
W_SECTPR = _W + "sectPr"
W_VAL = _W + "val"
W_W = _W + "w"
W_TYPE = _W + "type"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_BREAKS = re.compile(r"([\t\r\n])")


def add_run(p: Any, text: str, bold: bool | None = None) -> Any:
    """Append a run of `text` to the `w:p` element `p`, as `Paragraph.add_run(text)` then
    `run.bold = bold` would: tabs as `w:tab`, line breaks as `w:br`, text with space at either
    end kept (`xml:space`)."""
    r = SubElement(p, W_R)
    if bold is not None:
        b = SubElement(SubElement(r, W_RPR), W_B)
        if not bold:
            b.set(W_VAL, "0")
    if not text:
        return r
    pieces = _BREAKS.split(text) if ("\n" in text or "\t" in text or "\r" in text) else [text]
    for piece in pieces:
        if not piece:
            continue
        if piece == "\t":
            SubElement(r, W_TAB)
        elif piece in ("\n", "\r"):
            SubElement(r, W_BR)
        else:
            t = SubElement(r, W_T)
            t.text = piece
            if len(piece.strip()) < len(piece):
                t.set(XML_SPACE, "preserve")
    return r


def style_new_paragraph(p: Any, style_id: str | None, *, center: bool = False) -> None:
    """Give a `w:p` that has no properties yet its style (by id) and centring."""
    if style_id is None and not center:
        return
    if len(p) and p[0].tag == W_PPR:  # not new: python-docx puts each at its place
        if style_id is not None:
            p.style = style_id
        if center:
            p.get_or_add_pPr().jc_val = "center"
        return
    pPr = SubElement(p, W_PPR)
    if len(p) > 1:
        p.insert(0, pPr)
    if style_id is not None:
        SubElement(pPr, W_PSTYLE).set(W_VAL, style_id)
    if center:
        SubElement(pPr, W_JC).set(W_VAL, "center")


def add_body_paragraph(body: Any) -> Any:
    """A new empty `w:p` at the end of the document body (before its `w:sectPr`)."""
    last = body[-1] if len(body) else None
    p = SubElement(body, W_P)
    if last is not None and last.tag == W_SECTPR:
        last.addprevious(p)
    return p


def insert_in_body(body: Any, element: Any) -> None:
    """Put `element` at the end of the document body, before its `w:sectPr`."""
    last = body[-1] if len(body) else None
    if last is not None and last.tag == W_SECTPR:
        last.addprevious(element)
    else:
        body.append(element)


def cell_width(tc: Any) -> int:
    """The cell's width in EMU from `w:tcPr/w:tcW` (0 unless given in twips), as python-docx's
    `CT_Tc.width`."""
    tcPr = tc.find(W_TCPR)
    tcW = tcPr.find(W_TCW) if tcPr is not None else None
    if tcW is None or tcW.get(W_TYPE) != "dxa":
        return 0
    return int(tcW.get(W_W, "0")) * 635


def set_keep_next(p: Any) -> None:
    """Keep the `w:p` with the next paragraph (`<w:keepNext/>`), as python-docx's
    `keepNext_val = True`: only `w:pStyle` comes before it in `w:pPr`."""
    pPr = p.find(W_PPR)
    if pPr is None:
        pPr = SubElement(p, W_PPR)
        if len(p) > 1:
            p.insert(0, pPr)
    keep = pPr.find(W_KEEPNEXT)
    if keep is not None:
        keep.attrib.pop(W_VAL, None)
        return
    keep = SubElement(pPr, W_KEEPNEXT)
    pPr.insert(1 if pPr[0].tag == W_PSTYLE else 0, keep)


def add_row(tbl: Any, widths: list[Emu], spans: list[int]) -> tuple[Any, list[Any]]:
    """Append a `w:tr` whose cells cover `spans` grid columns each (widths from `widths`), each
    cell with its width and an empty paragraph, as python-docx's `add_tr`/`add_tc` would."""
    tr = SubElement(tbl, W_TR)
    cells = []
    column = 0
    for span in spans:
        tc = SubElement(tr, W_TC)
        tcPr = SubElement(tc, W_TCPR)
        tcW = SubElement(tcPr, W_TCW)
        tcW.set(W_TYPE, "dxa")
        tcW.set(W_W, str(round(sum(widths[column : column + span]) / 635.0)))
        if span > 1:
            SubElement(tcPr, W_GRIDSPAN).set(W_VAL, str(span))
        SubElement(tc, W_P)
        cells.append(tc)
        column += span
    return tr, cells
