"""Provides column widths from the texts the columns hold: a wide table's text columns share
the page so that rows come out about as tall in every column, without a header growing taller
than a few lines or a word breaking in the middle.

Estimates only (character counts times an average character width measured in LibreOffice's
rendering of Arial); Word and LibreOffice do the real line breaking.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

FORM_SHARE = 0.1
"""How much of a text column's width follows the form's `width`; the rest follows its text."""
LINE_MIN_CHARS = 12
"""A line of an answer counts as at least this many characters (a short line still takes a
whole line)."""


@dataclass(frozen=True)
class TextColumn:
    """A column whose width may follow its content."""

    title: str
    """Bold title of the header cell ('' if none)."""
    help: str
    """Regular text under the title."""
    weight: float
    """The form's relative width."""
    chars: int
    """How much text the column holds in this table (see `text_amount`)."""


def text_amount(lines: Sequence[str]) -> int:
    """How much room a cell's lines take, in characters."""
    total = 0
    for line in lines:
        for part in line.split("\n"):
            total += max(len(part), LINE_MIN_CHARS)
    return total


_ARIAL = {
    **dict.fromkeys("ijlI.,;:!'|", 0.25),
    **dict.fromkeys("ftr()/-[] ", 0.31),
    **dict.fromkeys("cksvxyzJ", 0.5),
    **dict.fromkeys("mM", 0.833),
    **dict.fromkeys("wCDHNRUÅÄ", 0.722),
    **dict.fromkeys("GOQÖ", 0.778),
    "W": 0.944,
}
"""Widths of Arial's characters in ems (Liberation Sans has the same metrics); the others
are about 0.556 (lower case, digits) or 0.667 (most capitals)."""
BOLD = 1.08
"""Bold Arial is about this much wider."""


def text_width(text: str, size_pt: float, *, bold: bool = False) -> float:
    """How wide `text` is in cm, set in Arial at `size_pt`."""
    ems = sum(_ARIAL.get(ch, 0.667 if ch.isupper() else 0.556) for ch in text)
    return ems * size_pt / 72 * 2.54 * (BOLD if bold else 1.0)


def wrapped_lines(text: str, usable_cm: float, size_pt: float, *, bold: bool = False) -> int:
    """How many lines `text` takes in a cell `usable_cm` wide when words are wrapped (a word
    wider than the cell takes as many lines as it needs; a slash is a place to wrap)."""
    space = text_width(" ", size_pt, bold=bold)
    lines = 0
    for paragraph in text.split("\n"):
        used = 0.0
        lines += 1
        for word in paragraph.replace("/", "/ ").split():
            width = text_width(word, size_pt, bold=bold)
            need = width if used == 0 else width + space
            if used + need <= usable_cm:
                used += need
                continue
            if used:
                lines += 1
            extra = int(width // max(usable_cm, 0.1))
            lines += extra
            used = width - extra * usable_cm
    return lines


def header_lines(column: TextColumn, width_cm: float, size_pt: float, margin_cm: float) -> int:
    """Lines the header cell takes at `width_cm` (the title bold, the help text regular)."""
    usable = max(width_cm - 2 * margin_cm, 0.1)
    lines = 0
    if column.title:
        lines += wrapped_lines(column.title, usable, size_pt, bold=True)
    if column.help:
        lines += wrapped_lines(column.help, usable, size_pt)
    return lines


def min_width(column: TextColumn, size_pt: float, margin_cm: float, max_header_lines: int) -> float:
    """The narrowest width (cm, in steps of 0.1) at which the header fits in
    `max_header_lines` and its longest word fits on a line."""
    return _min_width(column.title, column.help, size_pt, margin_cm, max_header_lines)


@lru_cache(maxsize=256)
def _min_width(
    title: str, help_text: str, size_pt: float, margin_cm: float, max_header_lines: int
) -> float:
    # Cached: every område's insatser table has the same headers, and finding the width
    # wraps the header at every 0.1 cm step (about a third of the export's own time in
    # laying out the example's tables).
    column = TextColumn(title, help_text, 1.0, 0)
    words = (column.title + " " + column.help).replace("/", " ").split() or [""]
    width = max(text_width(w, size_pt, bold=True) for w in words) + 2 * margin_cm
    width = max(round(width + 0.05, 1), 1.0)
    while header_lines(column, width, size_pt, margin_cm) > max_header_lines and width < 12:
        width += 0.1
    return width


def share_widths(
    columns: Sequence[TextColumn],
    available_cm: float,
    *,
    size_pt: float,
    char_cm: float,
    margin_cm: float,
    max_header_lines: int,
    rows: Sequence[Sequence[int]] = (),
) -> list[float]:
    """Widths (cm) for `columns` that add up to `available_cm`: a blend of the form's weights
    and the amount of text, each at least its `min_width` (when the minimums do not fit, the
    widths follow the minimums' proportions); then, given each row's `text_amount` per column
    in `rows`, `balance`d so that the rows come out low."""
    if not columns:
        return []
    weights = sum(c.weight for c in columns) or 1.0
    chars = sum(c.chars for c in columns)
    wanted = []
    for c in columns:
        share = c.weight / weights
        if chars:
            share = FORM_SHARE * share + (1 - FORM_SHARE) * c.chars / chars
        wanted.append(share * available_cm)
    floors = [min_width(c, size_pt, margin_cm, max_header_lines) for c in columns]
    if sum(floors) >= available_cm:
        return [f * available_cm / sum(floors) for f in floors]
    # Water-filling: columns below their floor get it; the others share what is left.
    fixed: dict[int, float] = {}
    while True:
        free = [i for i in range(len(columns)) if i not in fixed]
        rest = available_cm - sum(fixed.values())
        total = sum(wanted[i] for i in free) or 1.0
        scaled = {i: wanted[i] * rest / total for i in free}
        below = [i for i in free if scaled[i] < floors[i]]
        if not below:
            widths = [fixed[i] if i in fixed else scaled[i] for i in range(len(columns))]
            return balance(widths, rows, floors, char_cm=char_cm, margin_cm=margin_cm)
        for i in below:
            fixed[i] = floors[i]


def balance(
    widths: list[float],
    rows: Sequence[Sequence[int]],
    floors: Sequence[float],
    *,
    char_cm: float,
    margin_cm: float,
    step_cm: float = 0.1,
    rounds: int = 120,
) -> list[float]:
    """Move width, `step_cm` at a time, from the column that costs the table's rows least to
    the one that makes them tallest, while that lowers the estimated height of the table.

    `rows` holds each row's `text_amount` per column; a row is as tall as its fullest cell.
    Every column stays at or above its floor; the total stays the same.
    """
    widths = list(widths)

    def height(ws: Sequence[float]) -> float:
        per_line = [max((w - 2 * margin_cm) / char_cm, 1.0) for w in ws]
        return sum(max(a / p for a, p in zip(row, per_line, strict=True)) for row in rows)

    if not rows or len(widths) < 2:
        return widths
    best = height(widths)
    for _ in range(rounds):
        per_line = [max((w - 2 * margin_cm) / char_cm, 1.0) for w in widths]
        need = [0.0] * len(widths)
        for row in rows:
            lines = [a / p for a, p in zip(row, per_line, strict=True)]
            top = max(range(len(lines)), key=lines.__getitem__)
            need[top] += lines[top]
        taker = max(range(len(widths)), key=lambda i: need[i] / widths[i])
        givers = sorted(
            (i for i in range(len(widths)) if i != taker and widths[i] - step_cm >= floors[i]),
            key=lambda i: need[i] / widths[i],
        )
        moved = False
        for giver in givers[:3]:
            trial = list(widths)
            trial[taker] += step_cm
            trial[giver] -= step_cm
            h = height(trial)
            if h < best:
                widths, best, moved = trial, h, True
                break
        if not moved:
            break
    return widths
