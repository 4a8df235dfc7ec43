"""Provides the one writer of the TOML text of a draft file (see `store.dumps`).

It writes, character for character, what tomlkit writes for the document of a draft (tests/
unit/test_tomlwrite.py keeps tomlkit as the reference), in a fraction of the time: tomlkit
builds an item object per value and escapes strings one character at a time, about 100 ms on
every autosave of a draft of 90 insatser (benchmarks/run.py). It writes every value TOML can
hold (text, integers, floats, booleans, dates and times, lists, tables and arrays of tables)
and raises `Unsupported` for anything else (None).

The layout: `key = value` lines; plain values of a table before its sub-tables; a table with
plain values (or none at all) gets a `[dotted.header]`, a table of only tables gets none;
every header but the first is preceded by a blank line; multi-line text (with `\\n` and
without `\\r`) as a `\"\"\"` string.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime, time
from typing import Any

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_BASIC_ESCAPES = re.compile(r'[\x00-\x1f\x7f"\\]')
_MULTILINE_ESCAPES = re.compile(r'"""|[\x00-\x09\x0b\x0c\x0e-\x1f\x7f\\]')
_COMPACT = {
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\f": "\\f",
    "\r": "\\r",
    '"': '\\"',
    "\\": "\\\\",
    '"""': '""\\"',
}


class Unsupported(TypeError):
    """A value TOML cannot hold (None, an object): the draft cannot be written."""


def _escape(match: re.Match[str]) -> str:
    text = match.group()
    return _COMPACT.get(text) or f"\\u{ord(text):04x}"


def key(name: str) -> str:
    """A key: bare when it can be, else a quoted basic string."""
    if _BARE_KEY.fullmatch(name):
        return name
    return f'"{_BASIC_ESCAPES.sub(_escape, name)}"'


def string(text: str) -> str:
    """Multi-line text as a `\"\"\"` string, other text as a basic string (as `store` asks
    tomlkit for: a lone CR cannot be kept in a multi-line string)."""
    if "\n" in text and "\r" not in text:
        body = _MULTILINE_ESCAPES.sub(_escape, text)
        if body.startswith("\n"):
            body = "\n" + body  # the newline right after the opening quotes is dropped
        return f'"""{body}"""'
    return f'"{_BASIC_ESCAPES.sub(_escape, text)}"'


def value(item: Any) -> str:
    """An inline value."""
    if isinstance(item, str):
        return string(item)
    if isinstance(item, bool):
        return "true" if item else "false"
    if isinstance(item, int):
        return str(item)
    if isinstance(item, datetime):
        return item.isoformat().replace("+00:00", "Z")
    if isinstance(item, date | time):  # not written by the app; kept if a person wrote one
        return item.isoformat()
    if isinstance(item, float):
        if math.isnan(item):
            return "nan"
        return repr(item) if math.isfinite(item) else ("inf" if item > 0 else "-inf")
    if isinstance(item, list):
        return "[" + ", ".join(value(v) for v in item) + "]"
    if isinstance(item, dict):  # a table inside an array that also holds other values
        return "{" + ", ".join(f"{key(k)} = {value(v)}" for k, v in item.items()) + "}"
    raise Unsupported(type(item).__name__)


def is_array_of_tables(item: Any) -> bool:
    return isinstance(item, list) and bool(item) and all(isinstance(v, dict) for v in item)


def _is_table(item: Any) -> bool:
    return isinstance(item, dict) or is_array_of_tables(item)


class Writer:
    """Collects the text of a document.

    Blank lines follow tomlkit's rules for a document built item by item: a table added to a
    table that already holds something starts with a blank line (for a table of only tables,
    which has no header, the blank line stands alone), and so does the first table of an
    array of tables; a later table of the array only when the one before it is not empty.
    """

    def __init__(self) -> None:
        self.parts: list[str] = []
        self._tables = 0

    def pair(self, name: str, item: Any) -> None:
        self.parts.append(f"{key(name)} = {value(item)}\n")

    def blank(self) -> None:
        """A blank line (the one between the top-level values and the first table)."""
        self.parts.append("\n")

    def table(self, name: str, mapping: dict[str, Any]) -> None:
        """A top-level table (after `blank`, the first one needs no blank line of its own)."""
        self._table(key(name), mapping, indent=self._tables > 0)
        self._tables += 1

    def _table(self, path: str, mapping: dict[str, Any], indent: bool) -> None:
        plain = [(k, v) for k, v in mapping.items() if not _is_table(v)]
        nested = [(k, v) for k, v in mapping.items() if _is_table(v)]
        if plain or not nested:
            self.parts.append(f"\n[{path}]\n" if indent else f"[{path}]\n")
        elif indent:
            self.parts.append("\n")
        self._body(path, plain, nested)

    def _element(self, path: str, mapping: dict[str, Any], indent: bool) -> None:
        plain = [(k, v) for k, v in mapping.items() if not _is_table(v)]
        nested = [(k, v) for k, v in mapping.items() if _is_table(v)]
        self.parts.append(f"\n[[{path}]]\n" if indent else f"[[{path}]]\n")
        self._body(path, plain, nested)

    def _body(self, path: str, plain: list[tuple[str, Any]], nested: list[tuple[str, Any]]) -> None:
        for k, v in plain:
            self.pair(k, v)
        for n, (k, v) in enumerate(nested):
            sub = f"{path}.{key(k)}"
            follows = bool(plain) or n > 0
            if isinstance(v, dict):
                self._table(sub, v, indent=follows)
            else:
                for m, entry in enumerate(v):
                    self._element(sub, entry, indent=follows if m == 0 else bool(v[m - 1]))

    def text(self) -> str:
        return "".join(self.parts)
