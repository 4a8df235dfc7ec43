"""Provides a plain view of a .docx body for the importer: paragraphs and tables in document
order, tables as grids of cells with merged cells resolved.

python-docx's own `Table.cell` is quadratic and repeats merged cells; this reads the XML once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from rsp_tui.textutil import norm as norm

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@dataclass
class Paragraph:
    """A body paragraph."""

    text: str
    index: int
    """Position among the body's blocks (for messages)."""
    style: str = ""


@dataclass
class Cell:
    """One grid position of a table row."""

    text: str
    origin: int
    """Identifies the underlying w:tc: equal for the grid positions one merged cell covers."""
    continued: bool = False
    """True for the lower parts of a vertically merged cell (their text is the top part's)."""


@dataclass
class Table:
    """A body table as rows of grid cells."""

    rows: list[list[Cell]]
    index: int
    number: int
    """1-based number among the document's tables (for messages)."""
    header_rows: int = 0
    """Rows marked as repeating header rows in Word (w:tblHeader)."""
    width: int = field(init=False)

    def __post_init__(self) -> None:
        self.width = max((len(r) for r in self.rows), default=0)

    def text(self, row: int, col: int) -> str:
        """The text at a grid position ('' outside the row)."""
        cells = self.rows[row]
        return cells[col].text if col < len(cells) else ""


Block = Paragraph | Table


def _paragraph_text(p: Any) -> str:
    parts: list[str] = []
    for el in p.iter():
        tag = el.tag
        if tag == f"{W}t":
            parts.append(el.text or "")
        elif tag in (f"{W}br", f"{W}cr"):
            if el.get(f"{W}type") not in ("page", "column"):
                parts.append("\n")
        elif tag == f"{W}tab":
            parts.append("\t")
        elif tag == f"{W}noBreakHyphen":
            parts.append("-")
    return "".join(parts)


def _cell_text(tc: Any) -> str:
    lines = [_paragraph_text(p) for p in tc.iter(f"{W}p")]
    return "\n".join(lines)


class DocumentRefused(ValueError):
    """A body that cannot be read: a table span that is no number, or far more paragraphs,
    tables or cells than any report has (the message is Swedish and says what)."""


MAX_BLOCKS = 5000
"""Paragraphs and tables in a body; a filled-in report has a few hundred."""

MAX_COLUMNS = 1000
"""No table is wider (Word stops at 63 columns); a wider grid is read as this wide."""

MAX_CELLS = 200_000
"""Grid cells in all tables together; a report with 100 insatser has about 2 000."""


def _grid_number(el: Any, default: int, table: int, row: int, what: str) -> int:
    """A `w:val` that counts grid columns; a value that is no number refuses the document."""
    raw = el.get(f"{W}val")
    if raw is None:
        return default
    try:
        return int(raw.strip())
    except ValueError:
        raise DocumentRefused(
            f"tabell {table}, rad {row}: {what} är inget heltal ({raw[:20]!r}); dokumentet"
            " läses inte in"
        ) from None


def _read_table(tbl: Any, index: int, number: int, room: int = MAX_CELLS) -> Table:
    rows: list[list[Cell]] = []
    header_rows = 0
    above: dict[int, Cell] = {}
    origin = 0
    trs = tbl.findall(f"{W}tr")
    # A row never reaches past the table's real columns: spans are bounded by them (a span
    # of 200 000 000 would otherwise make that many cells).
    columns = min(
        max(
            len(tbl.findall(f"{W}tblGrid/{W}gridCol")),
            max((len(tr.findall(f"{W}tc")) for tr in trs), default=0),
            1,
        ),
        MAX_COLUMNS,
    )
    for tr in trs:
        trpr = tr.find(f"{W}trPr")
        if trpr is not None and trpr.find(f"{W}tblHeader") is not None and len(rows) == header_rows:
            header_rows += 1
        row: list[Cell] = []
        grid_before = tr.find(f"{W}trPr/{W}gridBefore")
        if grid_before is not None:
            before = _grid_number(grid_before, 0, number, len(rows) + 1, "gridBefore")
            for _ in range(max(0, min(before, columns - 1))):
                row.append(Cell("", -1))
        for tc in tr.findall(f"{W}tc"):
            tcpr = tc.find(f"{W}tcPr")
            span = 1
            vmerge = None
            if tcpr is not None:
                gs = tcpr.find(f"{W}gridSpan")
                if gs is not None:
                    span = _grid_number(gs, 1, number, len(rows) + 1, "gridSpan")
                    span = max(1, min(span, columns - len(row)))
                vm = tcpr.find(f"{W}vMerge")
                if vm is not None:
                    vmerge = vm.get(f"{W}val", "continue")
            start = len(row)
            if vmerge == "continue" and start in above:
                top = above[start]
                cell = Cell(top.text, top.origin, continued=True)
            else:
                origin += 1
                cell = Cell(_cell_text(tc), origin)
            for k in range(span):
                row.append(cell)
                above[start + k] = cell
        rows.append(row)
        room -= len(row)
        if room < 0:
            raise DocumentRefused(
                f"tabellerna har fler än {MAX_CELLS} celler (tabell {number}); dokumentet läses"
                " inte in"
            )
    return Table(rows=rows, index=index, number=number, header_rows=header_rows)


def read_blocks(body: Any) -> list[Block]:
    """The paragraphs and tables of a document body (`document.element.body`), in order.
    Content controls (w:sdt) are looked into."""
    blocks: list[Block] = []
    tables = 0
    cells = 0

    def walk(parent: Any) -> None:
        nonlocal tables, cells
        for child in parent:
            if len(blocks) >= MAX_BLOCKS:
                raise DocumentRefused(
                    f"dokumentet har fler än {MAX_BLOCKS} stycken och tabeller (en rapport har"
                    " några hundra); det läses inte in"
                )
            if child.tag == f"{W}p":
                style = child.find(f"{W}pPr/{W}pStyle")
                blocks.append(
                    Paragraph(
                        _paragraph_text(child),
                        len(blocks),
                        style.get(f"{W}val", "") if style is not None else "",
                    )
                )
            elif child.tag == f"{W}tbl":
                tables += 1
                table = _read_table(child, len(blocks), tables, MAX_CELLS - cells)
                cells += sum(len(row) for row in table.rows)
                blocks.append(table)
            elif child.tag == f"{W}sdt":
                content = child.find(f"{W}sdtContent")
                if content is not None:
                    walk(content)

    walk(body)
    return blocks


Visible = tuple[str, ...] | tuple[tuple[str, ...], ...]
"""What a block shows: a paragraph's text, or a table's cell texts row by row."""


def _shown(blocks: list[Block]) -> list[Block]:
    """The blocks without empty paragraphs: they hold no answer (an exported answer is one
    paragraph, its blank lines are line breaks), and Word and LibreOffice add or merge them
    when they save (LibreOffice folds the empty paragraph of a section break into the one
    before it)."""
    return [b for b in blocks if not (isinstance(b, Paragraph) and b.text == "")]


def visible(blocks: list[Block]) -> list[Visible]:
    """The visible text of a body, block by block: what must be equal for two documents to say
    the same thing. Formatting, properties, headers and footers are not part of it, nor are
    empty paragraphs."""
    out: list[Visible] = []
    for block in _shown(blocks):
        if isinstance(block, Paragraph):
            out.append((block.text,))
        else:
            out.append(tuple(tuple(cell.text for cell in row) for row in block.rows))
    return out


Describe = Callable[[Block, "int | None", "int | None"], str]
"""Says where a block, or a cell (row, column) of a table, is: `places.Places.describe`."""


def _numbered(block: Block, row: int | None = None, col: int | None = None) -> str:
    """A place by numbers, for when the form is not at hand (`tabell 3, rad 2, kolumn 4`)."""
    if isinstance(block, Paragraph):
        return f"stycke {block.index + 1}"
    where = f"tabell {block.number}"
    if row is not None:
        where += f", rad {row + 1}"
    if col is not None:
        where += f", kolumn {col + 1}"
    return where


def first_difference(
    expected: list[Block], actual: list[Block], describe: Describe = _numbered
) -> str:
    """Where `actual` first differs from `expected`, in Swedish, as `describe` says it (in
    words, e.g. `Fråga 1, tabellen, rad 4 ("Servicebidrag"), kolumn "Kommentar"`); '' when
    their visible text is the same."""
    expected, actual = _shown(expected), _shown(actual)
    for want, have in zip(expected, actual, strict=False):
        if isinstance(want, Table) and isinstance(have, Table):
            for r, (row_w, row_h) in enumerate(zip(want.rows, have.rows, strict=False)):
                for c, (cell_w, cell_h) in enumerate(zip(row_w, row_h, strict=False)):
                    if cell_w.text != cell_h.text:
                        return describe(have, r, c)
                if len(row_w) != len(row_h):
                    return describe(have, r, None)
            if len(want.rows) != len(have.rows):
                return describe(have, min(len(want.rows), len(have.rows)), None)
            continue
        if visible([want]) != visible([have]):
            return describe(have, None, None)
    if len(expected) == len(actual):
        return ""
    if len(actual) > len(expected):
        return describe(actual[len(expected)], None, None)
    return "slutet av dokumentet"
