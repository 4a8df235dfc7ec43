"""Provides the sidebar: every part of the report with its state, to jump there."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from rsp_tui.tui.messages import PartRequested

STATE_MARKS: dict[str, tuple[str, str]] = {
    "tom": ("○", "dim"),
    "påbörjad": ("◐", "yellow"),
    "klar": ("✓", "green"),
    "har fel": ("✗", "bold red"),
}
"""The mark and colour of each state, as validation names it."""

LEGEND = "○ tom  ◐ påbörjad\n✓ klar  ✗ har fel\nF2: gå till listan\nEnter: öppna delen"


class PartList(OptionList):
    """The parts of the report; Enter or a click goes there."""

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 (Textual's name)
        super().__init__(id=id)
        self._titles: dict[str, str] = {}
        self._states: dict[str, str] = {}

    def set_parts(self, parts: list[tuple[str, str]], current: str) -> None:
        """Show these (key, title) parts, with `current` highlighted."""
        self._titles = dict(parts)
        self.clear_options()
        self.add_options([Option(self._prompt(key), id=key) for key, _ in parts])
        self.mark_current(current)

    def set_states(self, states: dict[str, str]) -> None:
        """Update the state marks (`tom`, `påbörjad`, `klar`, `har fel`) by part key."""
        for key, state in states.items():
            if key in self._titles and self._states.get(key) != state:
                self._states[key] = state
                self.replace_option_prompt(key, self._prompt(key))

    def mark_current(self, key: str) -> None:
        """Highlight the part being shown."""
        try:
            self.highlighted = self.get_option_index(key)
        except Exception:  # the part is gone (an område was removed)
            self.highlighted = 0 if self.option_count else None

    def state(self, key: str) -> str:
        return self._states.get(key, "")

    def _prompt(self, key: str) -> Text:
        state = self._states.get(key)
        mark, style = STATE_MARKS.get(state or "", (" ", ""))
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(f"{mark} ", style=style)
        text.append(self._titles[key])
        return text

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_id:
            self.post_message(PartRequested(event.option_id))
