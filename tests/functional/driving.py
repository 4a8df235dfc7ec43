"""Drive the app with key presses only, as a person at the keyboard would, and remember what
was answered (by answer path) so that a test can check it after the draft is reopened.

The helpers look at the screen (which widget has focus, which options a list shows) only to
decide which keys to press; every change is made by a key press.
"""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.notifications import SeverityLevel
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Input, Select, SelectionList, TextArea

from rsp_tui.drafts.paths import AnswerPath, RegionPath, YearPath
from rsp_tui.forms.schema import ChoiceField, DateField, DecimalField, EmailsField, GoalsField
from rsp_tui.tui.widgets.choice import InlineChoice
from rsp_tui.tui.widgets.fields import FieldBox, GoalsBox


def spy_notifications(app: App[Any]) -> list[tuple[str, str]]:
    """Record (message, severity) of every notification the app shows."""
    notes: list[tuple[str, str]] = []
    show = app.notify

    def notify(
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        notes.append((message, severity))
        show(message, title=title, severity=severity, timeout=timeout, markup=markup)

    # method-assign: the spy replaces notify on this one app object, as a test double does.
    app.notify = notify  # type: ignore[method-assign]
    return notes


async def settle(pilot: Pilot[Any]) -> None:
    """Let workers (reading the drafts folder, autosave) finish and the screen catch up."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def type_text(pilot: Pilot[Any], text: str) -> None:
    """Type `text`; a newline is the Enter key."""
    for char in text:
        await pilot.press("enter" if char == "\n" else char)


def focused_box(widget: Widget | None) -> FieldBox | None:
    """The field box around `widget`, if any."""
    for node in widget.ancestors_with_self if widget is not None else ():
        if isinstance(node, FieldBox):
            return node
    return None


def inside(widget: Widget | None, container: Widget) -> bool:
    return widget is not None and container in widget.ancestors_with_self


async def choose_option(pilot: Pilot[Any], index: int) -> None:
    """In a focused Select: open it, move to option `index` (0 = no choice), choose it."""
    select = pilot.app.focused
    assert isinstance(select, Select)
    await pilot.press("enter")
    await pilot.pause()
    for _ in range(index):
        await pilot.press("down")
    await pilot.press("enter")
    await pilot.pause()


class Answerer:
    """Answers fields in Tab order and records the expected value of each answer path."""

    def __init__(self, pilot: Pilot[Any]) -> None:
        self.pilot = pilot
        self.expected: dict[AnswerPath | None, Any] = {}
        self.count = 0

    def token(self) -> str:
        self.count += 1
        return f"S{self.count}"

    async def answer_all(self, container: Widget, max_steps: int = 400) -> int:
        """Answer every field inside `container`, pressing Tab until focus leaves it."""
        app = self.pilot.app
        answered = 0
        for _ in range(max_steps):
            widget = app.focused
            if not inside(widget, container):
                break
            box = focused_box(widget)
            if box is not None and not isinstance(box.path, RegionPath | YearPath):
                await self.answer(box, widget)
                answered += 1
            await self.pilot.press("tab")
        return answered

    async def answer(self, box: FieldBox, widget: Widget | None) -> None:
        """Answer the part of `box` that has focus."""
        pilot, f = self.pilot, box.field_def
        if isinstance(widget, InlineChoice):
            assert isinstance(f, ChoiceField)
            options = list(f.options) + (["annat"] if f.allow_other else [])
            await pilot.press(str(len(options)))  # the last option's number chooses it
            if not f.allow_other:
                self.expected[box.path] = f.options[-1]
        elif isinstance(widget, Select):
            assert isinstance(f, ChoiceField)
            options = list(f.options) + (["annat"] if f.allow_other else [])
            await choose_option(pilot, len(options))
            if not f.allow_other:
                self.expected[box.path] = f.options[-1]
        elif isinstance(widget, SelectionList):
            await pilot.press("home", "space", "down", "space")
            if isinstance(box, GoalsBox):
                codes = [g.code for g in box.goals][:2]
                self.expected[box.path] = {"codes": codes, "other": ""}
            else:
                self.expected[box.path] = list(getattr(f, "options", []))[:2]
        elif isinstance(widget, Input):
            await pilot.press("end", "ctrl+u")
            if isinstance(f, DateField):
                text = "2024-01-15"
            elif isinstance(f, DecimalField):
                text = "0,5"
            else:
                text = f"{self.token()}å"
            await type_text(pilot, text)
            if isinstance(f, GoalsField):
                self.expected[box.path] = {**self.expected[box.path], "other": text}
            else:
                self.expected[box.path] = text
        elif isinstance(widget, TextArea):
            await pilot.press("f7")  # select all, so typing replaces it
            if isinstance(f, EmailsField):
                text = f"{self.token().lower()}@ex.se"
            else:
                text = f"{self.token()}\nä"
            await type_text(pilot, text)
            self.expected[box.path] = text
