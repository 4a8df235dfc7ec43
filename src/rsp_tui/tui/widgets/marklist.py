"""Provides the list of marks (serviceslag, mål) with boxes that read without colour:
`[x]` for a chosen option and `[ ]` for the others, in the three columns where Textual draws
the same `▐X▌` for both and tells them apart by colour alone (with 16 colours or NO_COLOR a
ticked and an unticked box looked the same)."""

from __future__ import annotations

from typing import TypeVar

from rich.segment import Segment
from textual.content import Content
from textual.strip import Strip
from textual.widgets import Checkbox, SelectionList
from textual.widgets.option_list import OptionDoesNotExist

T = TypeVar("T")

CHOSEN = "[x]"
NOT_CHOSEN = "[ ]"


class MarkList(SelectionList[T]):
    """A SelectionList whose boxes say `[x]` or `[ ]`."""

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        segments = list(strip)
        _, scroll_y = self.scroll_offset
        try:
            selection = self.get_option_at_index(scroll_y + y)
        except OptionDoesNotExist:
            return strip
        if len(segments) < 4:
            return strip
        inner = segments[1]
        text = CHOSEN if selection.value in self._selected else NOT_CHOSEN
        return Strip([Segment(text, inner.style), *segments[3:]], strip.cell_length)


class RspCheckbox(Checkbox):
    """A Checkbox whose box says `[x]` or `[ ]`: Textual draws `▐X▌` both ways and tells
    them apart by colour alone."""

    BUTTON_LEFT = "["
    BUTTON_RIGHT = "]"

    def render(self) -> Content:
        self.BUTTON_INNER = "x" if self.value else " "
        return super().render()
