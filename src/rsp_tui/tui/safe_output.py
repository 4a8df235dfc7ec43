"""Provides a guard that keeps control characters in the text on screen from reaching the
terminal as commands.

Textual writes the text of every widget to the terminal as it is. An answer, a region name
or a file name holding `ESC ] 2 ; … BEL` or `ESC [ 8 m` (pasted from a terminal log, typed
into a draft by hand, read from a crafted document) would then retitle the window, hide the
rest of the screen or leave the terminal waiting for the end of a command that never comes.

`ControlFilter` (a Textual line filter, which the app adds to its own in
`RspApp.get_line_filters`) leaves out C0 and C1 control characters (and DEL) from the text of
every line a widget draws. They take no cells on screen (Rich counts them as zero wide), so the
layout and the cursor stay exactly where Textual put them; the draft itself keeps every
character.
"""

from __future__ import annotations

import re

from rich.segment import Segment
from textual.color import Color
from textual.filter import LineFilter

UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f]")
"""C0 controls (TAB and newline too: inside a line of the screen they move the cursor), DEL
and C1 controls (`\\x9b` is CSI on some terminals)."""


def clean(text: str) -> str:
    """`text` without the characters a terminal would act on."""
    return UNSAFE.sub("", text)


class ControlFilter(LineFilter):
    """Takes the control characters out of the text of a line on screen. Segments marked as
    control (Rich's cursor moves, meant for the terminal) are kept as they are."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        # One search over the whole line first: nearly every line has nothing to remove.
        if UNSAFE.search("".join([segment.text for segment in segments])) and any(
            not control and UNSAFE.search(text) for text, _, control in segments
        ):
            # Same cells (the characters removed are zero wide), so every cached length and
            # division of the strip stays true.
            return [
                Segment(text if control else clean(text), style, control)
                for text, style, control in segments
            ]
        return segments


CONTROL_FILTER = ControlFilter()
"""The one instance (Textual caches filtered lines per filter object)."""


def clean_lines(text: str) -> str:
    """`text` without control characters, line breaks kept (for printing to the terminal)."""
    return "\n".join(clean(line) for line in text.split("\n"))
