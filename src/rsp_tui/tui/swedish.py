"""Provides Swedish for the few texts Textual itself shows: the key that closes an open list
("Dismiss menu") and the command palette's "No matches found"."""

from __future__ import annotations

from rich.align import Align
from rich.text import Text
from textual.binding import Binding
from textual.command import CommandList, CommandPalette
from textual.widgets._select import SelectOverlay
from textual.widgets.option_list import Option

NO_MATCHES = "Inga träffar"
CLOSE_LIST = "Stäng listan"


def install() -> None:
    """Give Select's open list a Swedish key description (once; Textual merges a class's
    bindings when the class is created, so they are merged again here)."""
    if getattr(SelectOverlay, "_rsp_swedish", False):
        return
    SelectOverlay.BINDINGS = [Binding("escape", "dismiss", CLOSE_LIST)]
    SelectOverlay._merged_bindings = SelectOverlay._merge_bindings()
    SelectOverlay._rsp_swedish = True  # type: ignore[attr-defined]


class SwedishCommandPalette(CommandPalette):
    """The command palette, saying "Inga träffar" when nothing matches."""

    def _start_no_matches_countdown(self, search_value: str) -> None:
        self._stop_no_matches_countdown()

        def show() -> None:
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(
                        Align.center(Text(NO_MATCHES, style="not bold")),
                        disabled=True,
                        id=self._NO_MATCHES,
                    )
                )
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show)
