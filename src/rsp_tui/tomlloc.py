"""Provides line numbers for key paths in a TOML text, for error messages.

Neither tomllib nor tomlkit reports where a key stands, so this module reads the text line by
line, tracking `[table]` and `[[array.of.tables]]` headers (with their indices) and `key =`
lines. It understands the layout our own files use; for anything it cannot follow it returns
the line of the nearest enclosing table it found, or None.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(r"""^\s*("(?:[^"\\]|\\.)*"|'[^']*'|[A-Za-z0-9_.-]+)\s*=""")
_INLINE_ITEM = re.compile(r"^\s*\{")

PathPart = str | int


def _split_dotted(name: str) -> list[str]:
    parts: list[str] = []
    for raw in re.findall(r'"(?:[^"\\]|\\.)*"|\'[^\']*\'|[^.]+', name):
        raw = raw.strip()
        if raw[:1] in "\"'":
            raw = raw[1:-1]
        parts.append(raw)
    return parts


def locate(text: str, path: Sequence[PathPart]) -> int | None:
    """Return the 1-based line where `path` (e.g. `("sections", 2, "questions", 0, "kind")`)
    is written in `text`, or the closest enclosing line found, or None."""
    want = list(path)
    counters: dict[tuple[PathPart, ...], int] = {}
    current: list[PathPart] = []
    best_line: int | None = None
    best_len = -1
    in_multiline: str | None = None
    inline_key: list[PathPart] | None = None
    inline_index = -1

    def consider(candidate: list[PathPart], line_no: int) -> None:
        nonlocal best_line, best_len
        n = len(candidate)
        if n > len(want) or want[:n] != candidate:
            return
        if n > best_len:
            best_line, best_len = line_no, n

    for line_no, line in enumerate(text.splitlines(), start=1):
        if in_multiline is not None:
            if line.count(in_multiline) % 2 == 1:
                in_multiline = None
            continue
        header = _HEADER.match(line)
        if header and not line.lstrip().startswith("#"):
            inline_key = None
            names = _split_dotted(header.group(2))
            is_array = header.group(1) == "[["
            resolved: list[PathPart] = []
            for i, name in enumerate(names):
                resolved.append(name)
                prefix = tuple(resolved)
                last = i == len(names) - 1
                if last and is_array:
                    counters[prefix] = counters.get(prefix, -1) + 1
                    resolved.append(counters[prefix])
                elif prefix in counters:
                    resolved.append(counters[prefix])
            current = resolved
            if is_array and resolved[-1] == 0:
                consider(resolved[:-1], line_no)  # the array itself starts here
            consider(current, line_no)
            continue
        if inline_key is not None and _INLINE_ITEM.match(line):
            inline_index += 1
            consider(inline_key + [inline_index], line_no)
            for key in re.findall(r"([A-Za-z0-9_-]+)\s*=", line):
                consider(inline_key + [inline_index, key], line_no)
            continue
        key = _KEY.match(line)
        if key and not line.lstrip().startswith("#"):
            names = _split_dotted(key.group(1))
            full = current + names
            consider(full, line_no)
            rest = line[key.end() :]
            for quote in ('"""', "'''"):
                if rest.count(quote) == 1:
                    in_multiline = quote
            stripped = rest.strip()
            if stripped.startswith("[") and not stripped.endswith("]"):
                inline_key, inline_index = full, -1
            elif stripped.startswith("[{") or stripped.startswith("[ {"):
                for index, _item in enumerate(re.findall(r"\{[^}]*\}", stripped)):
                    consider(full + [index], line_no)
            continue
        if line.strip().startswith("]"):
            inline_key = None
    return best_line
