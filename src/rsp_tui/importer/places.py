"""Provides places in a report said in words a reader can find: `Fråga 3, tabellen, rad 3
("Stödhandläggning")`, `Område 2, insats 4, kolumn "Budget"`, `efter Fråga 6` — never
"stycke 17" (nobody counts paragraphs in Word).

Each block of the document is placed under the last question or prioriterat område heading
before it.
"""

from __future__ import annotations

import re

from rsp_tui.forms.schema import FormDefinition, RowsQuestion, StaticQuestion
from rsp_tui.importer.reader import Block, Paragraph, Table, norm
from rsp_tui.textutil import plain

DEFAULT_AREA_PREFIX = "Prioriterat område"
"""The words before the number in an område heading, when the form's heading has none."""


def area_heading_re(form: FormDefinition) -> re.Pattern[str]:
    """An område heading as the form prints it (the repeated section's `heading`, e.g.
    `Prioriterat område {number}. {title}`): group 1 is the number, group 2 the title."""
    section = form.repeat_section
    template = section.heading if section is not None else ""
    prefix = template.split("{number}", 1)[0].strip() if "{number}" in template else ""
    words = r"\s+".join(re.escape(w) for w in (prefix or DEFAULT_AREA_PREFIX).split())
    return re.compile(rf"^\s*{words}\s+(\S+?)\.?(?:\s+(\S.*))?$", re.IGNORECASE)
START = "i början av dokumentet"


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class Places:
    """The heading each block of one document comes under."""

    def __init__(self, form: FormDefinition, blocks: list[Block]):
        titles: list[tuple[str, str]] = []
        part_b: list[str] = []
        self.item_label = "insats"
        for section in form.sections:
            for q in section.questions:
                if isinstance(q, StaticQuestion):
                    if section.part == "B":
                        part_b += [norm(plain(b.text)) for b in q.blocks if b.style == "heading"]
                    continue
                if isinstance(q, RowsQuestion):
                    self.item_label = q.item_label.lower() or self.item_label
                number = getattr(q, "number", None)
                title = getattr(q, "title", "")
                if number and title:
                    titles.append((norm(plain(title)), form.labels.question_label(number)))
        self.under: dict[int, str] = {}
        """Block index → `Fråga 3`, `Område 2`, `Del B` or `i början av dokumentet`."""
        self.areas: set[int] = set()
        """Blocks under an område heading."""
        current, in_area = START, False
        area_re = area_heading_re(form)
        for block in blocks:
            if isinstance(block, Paragraph) and block.text.strip():
                n = norm(block.text)
                area = area_re.match(block.text.strip())
                named = next((name for t, name in titles if t and n.startswith(t)), None)
                if area:
                    current, in_area = form.labels.area_label(area.group(1)), True
                elif named:
                    current, in_area = named, False
                elif any(h and n == h for h in part_b):
                    current, in_area = "Del B", False
            self.under[block.index] = current
            if in_area:
                self.areas.add(block.index)

    def heading(self, block: Block) -> str:
        return self.under.get(block.index, START)

    def paragraph(self, block: Block) -> str:
        """Where a paragraph is: `efter Fråga 6` (or `i början av dokumentet`)."""
        under = self.heading(block)
        return under if under == START else f"efter {under}"

    def cell(
        self,
        table: Table,
        row: int,
        column: str | None = None,
        *,
        header_rows: int = 1,
        items: bool | None = None,
    ) -> str:
        """A table row (0-based `row`), and column if given: in an insatser table (`items`;
        by default one under an område heading) `Område 2, insats 4`, in a question's
        `Fråga 3, tabellen, rad 3 ("Stödhandläggning")`."""
        under = self.heading(table)
        if items is None:
            items = table.index in self.areas
        if items:
            if row < header_rows:
                where = f"{under}, tabellens rubrikrader"
            else:
                where = f"{under}, {self.item_label} {row - header_rows + 1}"
        else:
            label = table.text(row, 0).strip() if row < len(table.rows) else ""
            named = f' ("{_short(label)}")' if label else ""
            where = f"{under}, tabellen, rad {row + 1}{named}"
        if column:
            where += f', kolumn "{_short(column)}"'
        return where

    def describe(self, block: Block, row: int | None = None, col: int | None = None) -> str:
        """Any block, or a cell of a table, in words (for "första ändringen: …")."""
        if isinstance(block, Paragraph):
            return f'{self.paragraph(block)}, stycket som börjar "{_short(block.text, 30)}"'
        if row is None:
            return f"{self.heading(block)}, tabellen"
        header_rows = max(1, block.header_rows)
        column = self.column_name(block, col, header_rows) if col is not None else None
        return self.cell(block, row, column, header_rows=header_rows)

    def column_name(self, table: Table, col: int, header_rows: int) -> str:
        """A column's name from the header rows: each distinct text once, top to bottom,
        without the column group above it (`Ansvarig`, not `Handlingsplan för verksamhetsår
        2023 Ansvarig Ansvarig`)."""
        parts: list[str] = []
        for r in range(min(header_rows, len(table.rows))):
            cells = table.rows[r]
            if col >= len(cells):
                continue
            cell = cells[col]
            text = " ".join(cell.text.split())
            spans = sum(1 for c in cells if c.origin == cell.origin)
            if not text or cell.continued or text in parts:
                continue
            if spans > 1 and r + 1 < header_rows:
                continue  # a group heading over several columns
            parts.append(text)
        return " ".join(parts) or str(col + 1)
