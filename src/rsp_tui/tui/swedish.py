"""Provides Swedish for the few texts Textual itself shows: the key that closes an open list
("Dismiss menu", replaced by `CLOSE_LIST` in the app's own list, `RspSelectOverlay`) and the
command palette's "No matches found"."""

from __future__ import annotations

from rich.align import Align
from rich.text import Text
from textual.command import CommandList, CommandPalette
from textual.widgets.option_list import Option

NO_MATCHES = "Inga träffar"
CLOSE_LIST = "Stäng listan"


class SwedishCommandPalette(CommandPalette):
    """The command palette, saying "Inga träffar" when nothing matches.

    Private Textual hook (checked against Textual 8.2.8): the English text is written inside
    `CommandPalette._start_no_matches_countdown`, with no class variable, message or provider
    hook to change it, so the method is replaced as a whole, using the palette's private
    `_stop_no_matches_countdown`, `_NO_MATCHES`, `_NO_MATCHES_COUNTDOWN`, `_no_matches_timer`
    and `_list_visible`. tests/functional/test_textual_internals.py fails if any of them goes.
    """

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
