"""Provides fast table rows for the summary: each row is written as one piece of
WordprocessingML and parsed once, instead of cell by cell and run by run through python-docx
(a summary of 21 reports has some 3,000 cells; python-docx's per-element calls took about
two thirds of the document's time).

The XML is what `rsp_tui.export.writer.Grid.row` plus `fill` and `header_cell` produce: fixed
cell widths, our table paragraph styles, centred or bold where asked, header rows repeated on
every page, short rows kept on one page.
"""

from __future__ import annotations

from collections.abc import Sequence

from docx.oxml import parse_xml
from docx.shared import Emu

from rsp_tui.export.ooxml import twips
from rsp_tui.export.package import TABLE_HEADER, TABLE_TEXT
from rsp_tui.export.xmltext import escape

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
KEEP_LINES = 12
"""A row of at most this many (estimated) lines is never split over two pages."""
CHARS_PER_CM = 5.0
"""About how many characters of 10 pt Arial fit in a centimetre (to estimate row heights)."""


def _paragraph(text: str, style: str, *, center: bool, bold: bool) -> str:
    jc = '<w:jc w:val="center"/>' if center else ""
    run = ""
    if text:
        rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
        run = f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{jc}</w:pPr>{run}</w:p>'


def row_xml(
    widths: Sequence[Emu],
    cells: Sequence[Sequence[str]],
    *,
    spans: Sequence[int] | None = None,
    header: bool = False,
    center: Sequence[bool] = (),
    bold: Sequence[bool] = (),
) -> str:
    """One `w:tr`: `cells` are each cell's lines (one paragraph each), `spans` how many grid
    columns each cell covers."""
    spans = list(spans) if spans is not None else [1] * len(cells)
    style = TABLE_HEADER if header else TABLE_TEXT
    parts: list[str] = []
    column = 0
    height = 0
    for n, (lines, span) in enumerate(zip(cells, spans, strict=True)):
        width = sum(int(w) for w in widths[column : column + span])
        column += span
        grid_span = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
        is_center = center[n] if n < len(center) else False
        is_bold = bold[n] if n < len(bold) else False
        body = "".join(
            _paragraph(line, style, center=is_center, bold=is_bold) for line in (lines or [""])
        )
        parts.append(
            f'<w:tc><w:tcPr><w:tcW w:w="{twips(width)}" w:type="dxa"/>{grid_span}</w:tcPr>'
            f"{body}</w:tc>"
        )
        per_line = max(1, int(width / 360000 * CHARS_PER_CM))
        height = max(height, sum(len(x) // per_line + 1 for x in lines or [""]))
    tr_pr = ""
    if header:
        tr_pr = "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
    elif height <= KEEP_LINES:
        tr_pr = "<w:trPr><w:cantSplit/></w:trPr>"
    return f'<w:tr xmlns:w="{W_NS}">{tr_pr}{"".join(parts)}</w:tr>'


def append_row(tbl: object, xml: str) -> None:
    """Parse the row and append it to the table element."""
    tbl.append(parse_xml(xml))  # type: ignore[attr-defined]
