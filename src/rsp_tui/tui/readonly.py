"""Provides what keeps a report opened read-only from being changed: the keys, pastes and clicks
that would change an answer are held back before they reach the widget.

The app asks `refuses(widget, …)` for every key, paste and mouse button press while a
read-only report is on screen. Moving around (Tab, arrows, the part keys, scrolling, the lists)
and exporting stay possible. The session itself writes nothing either way; this is so that the
user is not left typing into a draft whose changes would be lost.
"""

from __future__ import annotations

from typing import Literal

from textual.widget import Widget
from textual.widgets import (
    Button,
    Checkbox,
    Input,
    RadioButton,
    RadioSet,
    Select,
    SelectionList,
    Switch,
    TextArea,
)

TEXT_EDIT_KEYS = frozenset(
    {
        "enter",
        "backspace",
        "delete",
        "ctrl+backspace",
        "alt+backspace",
        "super+backspace",
        "alt+delete",
        "ctrl+d",
        "ctrl+h",
        "ctrl+k",
        "ctrl+shift+k",
        "ctrl+u",
        "ctrl+w",
        "ctrl+x",
        "super+x",
        "ctrl+v",
        "super+v",
        "ctrl+z",
        "super+z",
        "ctrl+y",
        "super+y",
    }
)
"""Keys that change the text of an `Input` or a `TextArea` (besides printable characters)."""

EDIT_ACTIONS = ("delete", "cut", "paste", "undo", "redo")
"""Prefixes of the text widgets' actions that change the text (a test checks that each of
their keys is in `TEXT_EDIT_KEYS`, so that a new Textual key binding is not missed)."""

ALLOWED_BUTTONS = frozenset({"export-final", "export-draft", "back"})
"""Buttons of the report that do not change the draft: exporting, and back to the list."""

ANYWHERE_EDIT_KEYS = frozenset({"delete", "backspace"})
"""Keys that change the draft wherever the focus is (Delete removes an insats)."""


Kind = Literal["key", "paste", "click"]


def refuses(widget: Widget | None, kind: Kind, key: str = "", printable: bool = False) -> bool:
    """Whether a read-only report holds back an event aimed at `widget`.

    Args:
        widget: the focused widget (keys, pastes) or the one under the mouse (clicks).
        kind: what happened.
        key: the key pressed (for `key`).
        printable: the key types a character.
    """
    from rsp_tui.tui.widgets.choice import InlineChoice  # widgets import this module's users

    for node in widget.ancestors_with_self if widget is not None else ():
        if isinstance(node, InlineChoice):  # a number, ←/→ or Delete picks or clears
            if kind == "key":
                return printable or key in {"left", "right", "delete", "backspace", "enter"}
            return True
        if isinstance(node, Input | TextArea):
            if kind == "key":
                return printable or key in TEXT_EDIT_KEYS
            return kind == "paste"  # a click only places the cursor
        if isinstance(node, Select):
            if kind == "key":
                return printable or key in {"enter", "space", "up", "down"}
            return True
        if isinstance(node, SelectionList | Checkbox | RadioButton | RadioSet | Switch):
            if kind == "key":
                return printable or key in {"enter", "space"}
            return True
        if isinstance(node, Button):
            if node.id in ALLOWED_BUTTONS:
                return False
            return kind != "key" or key in {"enter", "space"}
    return kind == "key" and key in ANYWHERE_EDIT_KEYS
