"""Provides an inline choice for short option lists (Fråga 1's three, status, samverkan): every
option on screen at once, chosen with a key, no menu to open.

An overlay menu (Select) has to open before the keys that choose in it arrive; on a busy
machine ↓ and Enter typed right after the Enter that opens it went to the closed list and the
choice was lost. Here every key acts on the value at once, in the key's own handler, so a key
can never arrive "too early".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Select, Static

# Private module (checked against Textual 8.2.8): Textual exports neither the menu nor the
# current-value line of a Select publicly (textual.widgets.select lists only its errors and
# NULL), and RspSelect composes its own menu from them. tests/functional/
# test_textual_internals.py fails if they move.
from textual.widgets._select import SelectCurrent, SelectOverlay

from rsp_tui.tui.swedish import CLOSE_LIST
from rsp_tui.tui.widgets.inputs import OwnKeys

CHOICE_KEYS_HELP = (
    "Välj med ← och → (eller siffran framför alternativet); Delete tar bort valet. Tab går vidare."
)


class InlineChoice(OwnKeys, Static, can_focus=True):
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
        self,
        options: list[tuple[str, str]],
        value: str | None = None,
        *,
        on_choose: Callable[[str | None], None] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__("", markup=False, **kwargs)
        self.options = options
        """(label, value) pairs, in order."""
        self.value = value if value in self.values else None
        self.on_choose = on_choose
        """Called at once when the user chooses, before `Changed` is posted: what the choice
        shows or hides (the box for Annat) must be in place before a Tab typed right after the
        number is handled, and `Changed` arrives a turn later (the robot user's Tab skipped the
        Annat box and the text landed in the next field)."""

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
        if self.on_choose is not None:
            self.on_choose(value)
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


class RspSelectOverlay(OwnKeys, SelectOverlay):
    """The Select's menu: its keys act at once (see `OwnKeys`), and Enter chooses in the same
    handler (Textual's menu chose through two messages, after a Tab typed next had moved on).
    Its Escape says what it does in Swedish (a subclass's binding replaces Textual's)."""

    BINDINGS = [Binding("escape", "dismiss", CLOSE_LIST)]

    def action_select(self) -> None:
        select = self.parent
        if isinstance(select, RspSelect) and self.highlighted is not None:
            select.choose_index(self.highlighted)


class RspSelect(OwnKeys, Select[str]):
    """A Select (for long lists: the regions) that never loses a key typed quickly.

    Textual's Select focuses its menu a turn after Enter: ↓ and Enter typed before that went
    to the closed Select (and only asked again for the menu), so the choice was lost; after a
    choice, it gave focus back a turn late too, and text typed at once went to the hidden menu.
    Here keys that reach the Select while its menu is open act on the menu, the menu takes and
    gives back focus in the same handler, and a choice is made at once.

    Private Textual hooks (checked against Textual 8.2.8): `_watch_expanded` replaces
    Select's own watcher (a public `watch_expanded` would run after it, not instead);
    `_options` and `_type_to_search` are Select's state, with no public getter; `_on_key`
    goes on to OwnKeys. tests/functional/test_textual_internals.py fails if they change."""

    def compose(self) -> ComposeResult:
        yield SelectCurrent(self.prompt)
        yield RspSelectOverlay(type_to_search=self._type_to_search).data_bind(
            compact=Select.compact
        )

    def choose_index(self, index: int) -> None:
        """Choose the option at `index` and close the menu."""
        value = self._options[index][1]
        if value != self.value:
            self.value = value
        self.expanded = False

    async def _on_key(self, event: events.Key) -> None:
        # Keys that reached the Select while its menu was opening act on the menu at once.
        overlay = self.query(RspSelectOverlay)
        if self.expanded and overlay:
            menu = overlay.first()
            if event.key in _MENU_MOVES:
                getattr(menu, f"action_{_MENU_MOVES[event.key]}")()
            elif event.key in ("enter", "space") and menu.highlighted is not None:
                self.choose_index(menu.highlighted)
            elif event.key == "escape":
                self.expanded = False
            else:
                return
            event.stop()
            event.prevent_default()
            return
        await super()._on_key(event)

    def _watch_expanded(self, expanded: bool) -> None:
        # As Textual's, but focus moves now (Textual's `focus()` waits a turn, and then took
        # focus into a menu already closed again).
        overlays = self.query(SelectOverlay)
        if not overlays or not self.is_attached:
            return
        overlay = overlays.first()
        self.set_class(expanded, "-expanded")
        if not expanded:
            if self.screen.focused is overlay:
                self.screen.set_focus(self, scroll_visible=False)
            return
        self.screen.set_focus(overlay, scroll_visible=False)
        current = self.query_one(SelectCurrent)
        if self.value is self.NULL:
            overlay.select(None)
            current.has_value = False
            return
        for index, (_prompt, value) in enumerate(self._options):
            if value == self.value:
                overlay.select(index)
                break
        current.has_value = True


_MENU_MOVES = {
    "down": "cursor_down",
    "up": "cursor_up",
    "home": "first",
    "end": "last",
    "pagedown": "page_down",
    "pageup": "page_up",
}
