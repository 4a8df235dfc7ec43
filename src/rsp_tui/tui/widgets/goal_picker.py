"""Provides the list of goals in an insats: the område's own goals first, the programme's other
goals after a divider, each goal's whole text (wrapped), and typing a code (`2.1`) ticks it."""

from __future__ import annotations

from typing import Any

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.strip import Strip
from textual.widgets import OptionList
from textual.widgets.selection_list import Selection

from rsp_tui.forms.programme import Area, Goal, Programme
from rsp_tui.tui.widgets.inputs import RspSelectionList
from rsp_tui.tui.widgets.marklist import CHOSEN, NOT_CHOSEN

DIVIDER = "\x00divider"
"""Value of the divider line (disabled, never selected)."""


def ordered_goals(programme: Programme, area: Area | None) -> list[Goal | None]:
    """The område's goals, then None (the divider) and every other goal of the programme; with
    no område, or one without goals, simply every goal."""
    own = list(area.mal) if area is not None else []
    others = [g for a in programme.omraden if a is not area for g in a.mal]
    if own and others:
        return [*own, None, *others]
    return [*own, *others]


class GoalList(RspSelectionList):
    """A selection list of goals that ticks a goal when its code is typed."""

    DEFAULT_CSS = """
    GoalList { text-wrap: wrap; text-overflow: fold; }
    """

    def __init__(self, goals: list[Goal | None], chosen: set[str], **kwargs: Any) -> None:
        self.codes = {g.code.strip(): g.key for g in goals if g is not None and g.code.strip()}
        self.typed = ""
        """The code typed so far."""
        selections = [
            Selection("── Programmets övriga mål ──", DIVIDER, False, disabled=True)
            if g is None
            else Selection(g.printed, g.key, g.key in chosen)
            for g in goals
        ]
        super().__init__(*selections, **kwargs)

    def on_key(self, event: events.Key) -> None:
        char = event.character or ""
        if not char or char not in "0123456789.":
            self.typed = ""
            return
        event.stop()
        event.prevent_default()
        typed = self.typed + char
        if not any(code.startswith(typed) for code in self.codes):
            typed = char if any(code.startswith(char) for code in self.codes) else ""
        self.typed = typed
        if typed in self.codes and not any(
            c != typed and c.startswith(typed) for c in self.codes
        ):
            self.tick(typed)

    def tick(self, code: str) -> None:
        """Toggle the goal with this code and move the highlight to it."""
        key = self.codes[code]
        self.typed = ""
        self.toggle(key)
        for index in range(self.option_count):
            if self.get_option_at_index(index).value == key:
                self.highlighted = index
                break

    def render_line(self, y: int) -> Strip:
        """SelectionList takes each line for an option of its own; here a goal wrapped over
        several lines has its check box on its first line and the rest indented under its
        text. The divider has no box.

        Private Textual hooks (checked against Textual 8.2.8): which option and which of its
        lines a screen line shows is only in OptionList's `_lines`, and the box's width only
        in `_get_left_gutter_width`; no public API gives either. tests/functional/
        test_textual_internals.py fails if they change."""
        line = OptionList.render_line(self, y)
        try:
            index, offset = self._lines[self.scroll_offset.y + y]  # line → (option, its line)
        except IndexError:
            return line
        base = next(iter(line)).style if line.cell_length else None
        base = base or self.rich_style
        selection = self.get_option_at_index(index)
        gutter = self._get_left_gutter_width()
        if offset or selection.value == DIVIDER:
            return Strip([Segment(" " * gutter, base), *line])
        component = "selection-list--button"
        if selection.value in self.selected:
            component += "-selected"
        if self.highlighted == index:
            component += "-highlighted"
        meta = Style(meta={"option": index})
        button = self.get_component_rich_style(component) + meta
        # `[x]` / `[ ]` as in MarkList, so a ticked goal reads without colour too.
        box = CHOSEN if selection.value in self._selected else NOT_CHOSEN
        return Strip([Segment(box, button), Segment(" ", base), *line])
