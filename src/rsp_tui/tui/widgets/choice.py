"""Provides an inline choice for short option lists (Fråga 1's three, status, samverkan): every
option on screen at once, chosen with a key, no menu to open.

An overlay menu (Select) has to open before the keys that choose in it arrive; on a busy
machine ↓ and Enter typed right after the Enter that opens it went to the closed list and the
choice was lost. Here every key acts on the value at once, in the key's own handler, so a key
can never arrive "too early".
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Static

CHOICE_KEYS_HELP = (
    "Välj med ← och → (eller siffran framför alternativet); Delete tar bort valet. Tab går"
    " vidare."
)


class InlineChoice(Static, can_focus=True):
    """One of a few options, all shown on one line; `value` is the chosen option or None."""

    DEFAULT_CSS = """
    InlineChoice { height: auto; width: 1fr; padding: 0 1; }
    InlineChoice:focus { background: $boost; }
    """

    BINDINGS = [
        Binding("right", "step(1)", "Nästa alternativ", show=False),
        Binding("left", "step(-1)", "Föregående alternativ", show=False),
        Binding("delete,backspace", "clear", "Ta bort valet", show=False),
        *(Binding(str(n), f"pick({n - 1})", show=False) for n in range(1, 10)),
    ]

    @dataclass
    class Changed(Message):
        """The user chose another option (or none)."""

        choice: InlineChoice
        value: str | None

        @property
        def control(self) -> InlineChoice:
            return self.choice

    def __init__(
        self, options: list[tuple[str, str]], value: str | None = None, **kwargs: str
    ) -> None:
        super().__init__("", markup=False, **kwargs)
        self.options = options
        """(label, value) pairs, in order."""
        self.value = value if value in self.values else None

    @property
    def values(self) -> list[str]:
        return [v for _, v in self.options]

    def on_mount(self) -> None:
        self._draw()

    def on_focus(self) -> None:
        self._draw()

    def on_blur(self) -> None:
        self._draw()

    def _draw(self) -> None:
        text = Text()
        for n, (label, value) in enumerate(self.options, start=1):
            if n > 1:
                text.append("   ")
            chosen = value == self.value
            mark = "(•)" if chosen else "( )"
            style = "bold reverse" if chosen and self.has_focus else "bold" if chosen else ""
            text.append(f"{n} {mark} {label}", style=style)
        self.update(text)

    def load(self, value: str | None) -> None:
        """Show `value` as chosen, without posting `Changed`."""
        self.value = value if value in self.values else None
        self._draw()

    def choose(self, value: str | None) -> None:
        """Choose `value` (None: no choice) as the user would."""
        if value is not None and value not in self.values:
            return
        if value == self.value:
            return
        self.value = value
        self._draw()
        self.post_message(self.Changed(self, value))

    def action_step(self, offset: int) -> None:
        values = self.values
        if not values:
            return
        if self.value is None:
            index = 0 if offset > 0 else len(values) - 1
        else:
            index = max(0, min(len(values) - 1, values.index(self.value) + offset))
        self.choose(values[index])

    def action_pick(self, index: int) -> None:
        if 0 <= index < len(self.options):
            self.choose(self.options[index][1])

    def action_clear(self) -> None:
        self.choose(None)

    def on_click(self) -> None:
        self.focus()
