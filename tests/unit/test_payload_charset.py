"""The payload's test for text XML cannot hold (or that XML tools rewrite) is the set its
docstring names, over every code point."""

from __future__ import annotations

from rsp_tui.export.payload import _XML_UNSAFE


def _kept(code: int) -> bool:
    return (
        code in (0x09, 0x0A)
        or 0x20 <= code <= 0x7E
        or 0xA0 <= code <= 0xD7FF
        or 0xE000 <= code <= 0xFFFD
        or 0x10000 <= code <= 0x10FFFF
    )


def test_unsafe_characters_are_exactly_those_outside_the_kept_ranges() -> None:
    text = "".join(chr(code) for code in range(0x110000))
    unsafe = [m.start() for m in _XML_UNSAFE.finditer(text)]
    assert unsafe == [code for code in range(0x110000) if not _kept(code)]
    assert {0x0D, 0x7F, 0x85, 0xD800, 0xFFFE} <= set(unsafe)
