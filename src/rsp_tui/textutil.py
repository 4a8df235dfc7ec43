"""Provides small text helpers shared by the core: cleaning input, `**bold**` markup, Swedish
decimals, e-mail lists and file-name slugs."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation
from functools import lru_cache

_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_text(text: str) -> str:
    """Normalise text as typed or pasted: CRLF and CR become LF, lone surrogates (which no
    file can hold) become U+FFFD. Everything else is kept exactly."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _SURROGATE.search(text):
        text = _SURROGATE.sub("\ufffd", text)
    return text


def markup_runs(text: str) -> list[tuple[str, bool]]:
    """Split `**bold**` markup into (text, bold) runs: `"a **b** c"` →
    `[("a ", False), ("b", True), (" c", False)]`."""
    runs: list[tuple[str, bool]] = []
    for n, part in enumerate(text.split("**")):
        if part:
            runs.append((part, n % 2 == 1))
    return runs


def plain(text: str) -> str:
    """The text without `**` markup."""
    return text.replace("**", "")


_DECIMAL = re.compile(r"^[+-]?(\d{1,3}([  ]\d{3})+|\d+)([.,]\d+)?$")


def parse_decimal(text: str) -> Decimal | None:
    """Parse `0,85`, `0.85`, `1 000,5`; None when it is not a number."""
    s = text.strip()
    if not _DECIMAL.match(s):
        return None
    s = s.replace(" ", "").replace("\u00a0", "").replace(",", ".")
    try:
        return Decimal(s)
    except InvalidOperation:
        return None


def format_decimal(value: Decimal) -> str:
    """Swedish form: `0,85`, `1,0` stays `1,0`."""
    text = format(value, "f")
    return text.replace(".", ",")


def split_emails(text: str) -> list[str]:
    """The addresses in an e-mail field: one per line, or separated by commas or semicolons."""
    return [p.strip() for p in re.split(r"[\n,;]+", text) if p.strip()]


def slug(text: str) -> str:
    """`Jämtland Härjedalen` → `jamtland-harjedalen`, for file names."""
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_only = decomposed.encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_only).strip("-") or "rapport"


_SPACES = re.compile(r"[ \t\u00a0\u2007\u202f]+")
_WRAP = re.compile(r"(\w)[-\u00ad]\s+(\w)")


@lru_cache(maxsize=8192)
def norm(text: str) -> str:
    """Text for matching labels: case-folded, spaces collapsed, soft hyphens and words broken
    by a hyphen and a space (`drivmedels- försäljning`) joined."""
    text = text.replace("\u00ad", "").replace("\u2011", "-")
    text = _WRAP.sub(r"\1\2", text)
    text = _SPACES.sub(" ", text.replace("\n", " "))
    return text.strip().casefold()


def strip_blank_lines(text: str) -> str:
    """`text` without its leading and trailing blank lines (the lines between are kept)."""
    lines = text.split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    return "\n".join(lines)
