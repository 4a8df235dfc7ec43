"""Provides the small pieces every editor shares: compact inputs that follow the app's cursor
setting, focusing without delay, and what the help pane shows for a field."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from textual import events
from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import Input, TextArea

from rsp_tui.tui.widgets.marklist import MarkList


@dataclass(frozen=True)
class HelpTopic:
    """What the help pane shows while a field has focus."""

    heading: str
    """Where the field is, e.g. `Fråga 1 › Servicebidrag › Bedömning`."""
    help: str = ""
    """The field's own help text."""
    guidance: tuple[str, ...] = ()
    """The question's guidance bullets."""
    lead: str = ""
    """The line before the bullets (the question's instruction, when printed inline)."""
    footnote: str = ""
    extra: tuple[str, ...] = field(default_factory=tuple)
    """Further lines, e.g. how to use the list of goals."""


def focus_now(widget: Widget, scroll_visible: bool = True) -> None:
    """Focus `widget` before the next key is handled (`Widget.focus` waits a turn, and keys
    typed right after a part opens would go to the widget that had focus before).

    `scroll_visible=False` for a widget known to be on screen: in a part just mounted,
    Textual's check whether it is in view can run before the layout is final and then
    scrolls it to the centre for nothing (seen on a busy machine)."""
    widget.screen.set_focus(widget, scroll_visible=scroll_visible)


def reveal_focus(widget: Widget) -> None:
    """Scroll the focused widget of `widget`'s screen into view once the layout has settled
    (after an insats was added or moved, a part shown again, a dialog closed, a resize):
    what the user types must land where the user looks."""

    def reveal(again: bool) -> None:
        focused = widget.screen.focused if widget.is_attached else None
        if focused is not None and focused.is_attached:
            focused.scroll_visible(animate=False, immediate=True)
            if again:  # a layout that grew in the refresh just done (a recompose)
                widget.call_after_refresh(reveal, False)

    widget.call_after_refresh(reveal, True)


class OwnKeys:
    """Mixin: the widget's own (non-priority) key bindings run in the widget's handler of the
    key, not later at the app.

    Textual resolves a non-priority binding when the key has bubbled up to the app, against
    the widget that has focus *then*. A key typed just before Tab (Space in a list of marks,
    a number in a choice) was resolved after Tab had already moved focus (Tab acts when it
    arrives), so it was looked up in the next field's bindings and dropped: the mark was
    never set. Handled here, a key acts on the widget it was sent to, in the order typed.

    Private Textual hooks (checked against Textual 8.2.8): the handler is `_on_key`, which
    Textual's dispatch calls per class before the default key handling, and a widget's own
    bindings are read from `_bindings` (the instance's merged map). The public
    `Screen.active_bindings` answers for the widget focused *now*, which is exactly the wrong
    one here. tests/functional/test_textual_internals.py fails if either changes.
    """

    async def _on_key(self, event: events.Key) -> None:
        widget = self
        assert isinstance(widget, Widget), "OwnKeys is a mixin for widgets"
        for binding in widget._bindings.key_to_bindings.get(event.key, ()):
            if binding.priority:
                continue
            if await widget.app.run_action(binding.action, widget):
                event.stop()
                event.prevent_default()
                return


EMPTY = "(tomt)"
"""What an empty field shows: without colour (16 colours, NO_COLOR) a compact field has no
background to show where it is, so it says so in letters."""


class RspInput(Input):
    """A compact Input whose cursor blink follows the app's setting (off in snapshots).

    Focus puts the cursor at the end instead of selecting the text, so that the first key
    typed in a field reached by Tab or by a link never replaces an answer."""

    def __init__(self, value: str | None = None, **kwargs: Any) -> None:
        kwargs.setdefault("compact", True)
        kwargs.setdefault("placeholder", EMPTY)
        kwargs.setdefault("select_on_focus", False)
        super().__init__(value, **kwargs)

    def on_mount(self) -> None:
        self.cursor_blink = getattr(self.app, "cursor_blink", True)


class RspSelectionList(OwnKeys, MarkList[str]):
    """A list of marks (serviceslag, goals) whose boxes read `[x]` / `[ ]` without colour and
    whose keys act on it even when Tab follows at once."""

    def action_select(self) -> None:
        """Space: toggle the option highlighted now. Textual toggles through a message, and
        then the option highlighted when the message is handled: Space ↓ Space typed quickly
        toggled the second option twice and the marks the user saw set were lost."""
        index = self.highlighted
        if index is not None and not self.get_option_at_index(index).disabled:
            self.toggle(self.get_option_at_index(index))


class RspTextArea(TextArea):
    """A TextArea for answers: wraps, moves focus with Tab, follows the app's cursor blink."""

    BINDINGS = [
        Binding("ctrl+home", "document_start", "Början av texten", show=False),
        Binding("ctrl+end", "document_end", "Slutet av texten", show=False),
    ]

    def action_document_start(self) -> None:
        self.move_cursor((0, 0))

    def action_document_end(self) -> None:
        self.move_cursor(self.document.end)

    def __init__(self, text: str = "", **kwargs: Any) -> None:
        kwargs.setdefault("compact", True)
        kwargs.setdefault("placeholder", EMPTY)
        super().__init__(text, soft_wrap=True, tab_behavior="focus", **kwargs)

    def on_mount(self) -> None:
        self.cursor_blink = getattr(self.app, "cursor_blink", True)
