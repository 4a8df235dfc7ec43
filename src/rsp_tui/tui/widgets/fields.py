"""Provides one editor per field kind of the form, each wrapped in a `FieldBox` with its label,
the form's helper text and the validation message shown under it as the user types.

A box knows where its answer lives (`path`). When the user changes it, the box hands the new
value to its screen's `store_answer` at once, in the handler of the change (there is no message
in flight that a later change could overtake), and then posts `FieldBox.Edited` for the views
that show something about it (sums, the list of insatser). Loading a value (`load`) stores and
posts nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.dom import NoScreen
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, Label, Select, SelectionList, Static, TextArea
from textual.widgets.selection_list import Selection

from rsp_tui.drafts.paths import AnswerPath
from rsp_tui.forms.programme import Goal
from rsp_tui.forms.schema import ChoiceField, GoalsField, LeafField, MarksField
from rsp_tui.tui.widgets.choice import CHOICE_KEYS_HELP, InlineChoice, RspSelect
from rsp_tui.tui.widgets.inputs import (
    HelpTopic,
    RspInput,
    RspSelectionList,
    RspTextArea,
    focus_now,
)
from rsp_tui.validation import check_value

INLINE_MAX = 6
"""Choice fields with at most this many options (Annat included) are chosen inline."""
OTHER = "\x00annat"
"""The Select value that stands for "another answer, typed below"."""


class FieldBox(Vertical, can_focus=False):
    """One answer: label, helper text, editor widget(s) and the message under them."""

    @dataclass
    class Edited(Message):
        """The user changed the answer in `box`."""

        box: FieldBox
        path: AnswerPath
        value: Any

        @property
        def control(self) -> FieldBox:
            return self.box

    @dataclass
    class HelpChanged(Message):
        """The help for `box` changed while it has focus (e.g. another goal highlighted)."""

        box: FieldBox
        topic: HelpTopic

    def __init__(
        self,
        field_def: LeafField,
        path: AnswerPath | None,
        value: Any,
        *,
        label: str | None = None,
        topic: HelpTopic | None = None,
        check: Callable[[Any], str | None] | None = None,
        id: str | None = None,  # noqa: A002 (Textual's name)
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.add_class(f"-kind-{field_def.kind}")
        self.field_def = field_def
        self.path = path
        self.value: Any = field_def.empty_value() if value is None else value
        self.label_text = field_def.display_label if label is None else label
        self.help_text = field_def.app_help or field_def.help
        self.topic = topic or HelpTopic(heading=self.label_text, help=self.help_text)
        self._check = check
        self._message: str | None = None

    def compose(self) -> ComposeResult:
        if self.label_text:
            yield Label(self.label_text, classes="field-label")
        if self.help_text and self.help_text != self.label_text:
            yield Static(self.help_text, classes="field-help", markup=False)
        yield from self.compose_editor()
        yield Static("", classes="field-message", markup=False)
        yield Static("", classes="field-previous", markup=False)

    def on_mount(self) -> None:
        self.show_message(self.problem(self.value))
        self.show_previous()

    # -- for subclasses ------------------------------------------------------------------

    def compose_editor(self) -> ComposeResult:
        raise NotImplementedError

    def read(self) -> Any:
        """The answer as the widgets hold it now."""
        raise NotImplementedError

    def fill(self, value: Any) -> None:
        """Put `value` into the widgets."""
        raise NotImplementedError

    def goal_codes(self) -> set[str] | None:
        return None

    # -- shared --------------------------------------------------------------------------

    def problem(self, value: Any) -> str | None:
        """The message to show for `value`, or None."""
        if self._check is not None:
            return self._check(value)
        return check_value(self.field_def, value, self.goal_codes())

    def load(self, value: Any, path: AnswerPath | None = None) -> None:
        """Show `value` (and move the box to `path`) without posting `Edited`."""
        if path is not None:
            self.path = path
        self.value = self.field_def.empty_value() if value is None else value
        self.fill(self.value)
        self.show_message(self.problem(self.value))
        self.show_previous()

    def show_message(self, message: str | None) -> None:
        """Show a validation message under the field, or hide it."""
        if (message or "") == self._message:
            return  # called on every keystroke: touch the layout only when it changes
        self._message = message or ""
        widget = self.query_one(".field-message", Static)
        widget.update(self._message)
        widget.set_class(bool(message), "-shown")
        self.set_class(bool(message), "-invalid")

    def previous(self) -> tuple[int | None, Any]:
        """Last year's value of this answer when it was carried over (rollover), else None."""
        draft = getattr(getattr(self.screen, "session", None), "draft", None)
        if draft is None or not draft.previous or self.path is None:
            return None, None
        return draft.previous_year, draft.previous_value(self.path)

    def show_previous(self) -> None:
        """Show "Förra året: …" while the answer is still last year's (until it is changed)."""
        try:
            year, old = self.previous()
        except NoScreen:  # not mounted yet
            return
        shown = old is not None and self.value == old
        widget = self.query_one(".field-previous", Static)
        if shown != widget.has_class("-shown"):
            widget.set_class(shown, "-shown")
        if shown:
            label = f"Förra året ({year})" if year else "Förra året"
            widget.update(f"{label}: {previous_text(old)} – ändra det som inte gäller i år.")

    def focus_input(self) -> None:
        """Focus the first editor widget (in a text, at its end: go on writing)."""
        for widget in self.query("*"):
            if widget.focusable:
                if isinstance(widget, TextArea):
                    widget.move_cursor(widget.document.end)
                focus_now(widget)
                return

    def key_hint(self) -> str:
        """How to use the focused editor, for the help pane ("" when it is plain typing)."""
        return ""

    def next_focus(self, focused: Widget, forward: bool) -> Widget | None:
        """Where Tab (`forward`) or Shift+Tab goes from `focused`, a widget of this box, when
        the box knows better than the screen's focus chain; None: the chain decides."""
        return None

    def changed(self) -> None:
        """Called when a widget changed: validate, and store and post `Edited` if the answer
        differs from the one the box last stored or loaded."""
        value = self.read()
        self.show_message(self.problem(value))
        if value != self.value:
            self.value = value
            self.show_previous()
            if self.path is None:
                return  # not bound to an answer yet (an insats editor before `load`)
            store = getattr(self.screen, "store_answer", None)
            if store is not None:
                store(self.path, value)
            self.post_message(self.Edited(self, self.path, value))


class TextBox(FieldBox):
    """Single-line text, dates and decimals: typed into one line, stored as typed."""

    def compose_editor(self) -> ComposeResult:
        placeholder = self.field_def.placeholder()
        yield RspInput(str(self.value), placeholder=placeholder, classes="field-input")

    def read(self) -> Any:
        return self.query_one(RspInput).value

    def fill(self, value: Any) -> None:
        self.query_one(RspInput).value = str(value)

    @on(Input.Changed)
    def _input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.changed()


class AreaBox(FieldBox):
    """Multi-line text and e-mail addresses.

    A TextArea shows vertical tab, form feed, U+2028 and a few other separators as line
    breaks and gives them back as "\\n". Until the user edits such a text, `read` returns the
    answer as stored, so that merely showing a question never changes its answer."""

    def compose_editor(self) -> ComposeResult:
        yield RspTextArea(str(self.value), classes="field-area")

    def read(self) -> Any:
        text: str = self.query_one(RspTextArea).text
        stored = self.value if isinstance(self.value, str) else str(self.value)
        if text != stored and _LINE_SEPARATORS.search(stored) and text == _as_shown(stored):
            return stored
        return text

    def fill(self, value: Any) -> None:
        area = self.query_one(RspTextArea)
        if area.text != value:
            area.load_text(str(value))

    @on(TextArea.Changed)
    def _area_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        self.changed()


class ChoiceBox(FieldBox):
    """One of the options; with `allow_other`, any other text typed below.

    A short list (up to `INLINE_MAX` options) is an `InlineChoice`: all options on screen,
    chosen with a key. A long one (the regions) stays a Select menu."""

    field_def: ChoiceField

    def _options(self) -> list[tuple[str, str]]:
        options = [(o, o) for o in self.field_def.options]
        if self.field_def.allow_other:
            options.append(("Annat (skriv nedan)", OTHER))
        return options

    @property
    def inline(self) -> bool:
        return len(self._options()) <= INLINE_MAX

    def _split(self, value: str) -> tuple[Any, str]:
        if not value:
            return Select.NULL, ""
        if value in self.field_def.options:
            return value, ""
        if self.field_def.allow_other:
            return OTHER, value
        return Select.NULL, ""

    def compose_editor(self) -> ComposeResult:
        choice, other = self._split(str(self.value))
        if self.inline:
            yield InlineChoice(
                self._options(),
                None if choice is Select.NULL else choice,
                on_choose=self._reveal_other,
                classes="field-choice",
            )
        else:
            yield RspSelect(
                self._options(),
                prompt="(inget valt)",
                value=choice,
                allow_blank=True,
                compact=True,
                classes="field-select",
            )
        if self.field_def.allow_other:
            other_input = RspInput(other, placeholder="Skriv här", classes="field-other")
            other_input.display = choice == OTHER
            yield other_input

    def _choice(self) -> Any:
        """The option chosen in the widget (Select.NULL for none)."""
        if self.inline:
            value = self.query_one(InlineChoice).value
            return Select.NULL if value is None else value
        return self.query_one(Select).value

    def fill(self, value: Any) -> None:
        choice, other = self._split(str(value))
        if self.inline:
            self.query_one(InlineChoice).load(None if choice is Select.NULL else choice)
        else:
            self.query_one(Select).value = choice
        if self.field_def.allow_other:
            other_input = self.query_one(".field-other", RspInput)
            other_input.value = other
            other_input.display = choice == OTHER

    def _unknown(self) -> bool:
        """The stored value is not an option (typed by hand in the file) and cannot be shown."""
        return (
            bool(self.value)
            and not self.field_def.allow_other
            and (self.value not in self.field_def.options)
        )

    def read(self) -> Any:
        choice = self._choice()
        if choice is Select.NULL and self._unknown():
            return self.value  # kept until the user picks an option
        if choice == OTHER:
            return self.query_one(".field-other", RspInput).value
        return "" if choice is Select.NULL else str(choice)

    def key_hint(self) -> str:
        hint = CHOICE_KEYS_HELP if self.inline else ""
        if self.field_def.allow_other and self._choice() == OTHER:
            hint += " Du valde Annat: skriv vad det är i rutan Skriv här under valet (Tab)."
        return hint.strip()

    def next_focus(self, focused: Widget, forward: bool) -> Widget | None:
        """From the choice to the box for Annat just shown, and back. Textual orders the focus
        chain by position on screen, and a box shown a moment ago has none until the next
        layout (it sorts first): a Tab typed right after the number skipped it, and the text
        meant for it landed in the next field (found by the robot user)."""
        if not self.field_def.allow_other:
            return None
        other = self.query_one(".field-other", RspInput)
        if not other.display:
            return None
        if forward and focused is not other:
            return other
        if not forward and focused is other:
            chooser = self.query(".field-choice, .field-select")
            return chooser.first() if chooser else None
        return None

    def _reveal_other(self, value: Any) -> None:
        """Show the box for another answer while Annat is chosen. Focus stays on the choice
        (a silent move made the next Tab skip the box); the help pane says where to write."""
        if self.field_def.allow_other:
            other_input = self.query_one(".field-other", RspInput)
            other_input.display = value == OTHER
            focused = self.app.focused
            if focused is not None and self in focused.ancestors:
                self.post_message(self.HelpChanged(self, self.topic))

    @on(InlineChoice.Changed)
    def _inline_changed(self, event: InlineChoice.Changed) -> None:
        event.stop()
        self._reveal_other(OTHER if event.value == OTHER else event.value)
        self.changed()

    @on(Select.Changed)
    def _select_changed(self, event: Select.Changed) -> None:
        event.stop()
        self._reveal_other(event.value)
        self.changed()

    @on(Input.Changed)
    def _other_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.changed()


class MarksBox(FieldBox):
    """Zero or more of the options (printed as X)."""

    field_def: MarksField

    def compose_editor(self) -> ComposeResult:
        chosen = set(self.value or [])
        yield RspSelectionList(
            *(Selection(o, o, o in chosen) for o in self.field_def.options),
            compact=True,
            classes="field-marks",
        )

    def read(self) -> Any:
        chosen = set(self.query_one(SelectionList).selected)
        return [o for o in self.field_def.options if o in chosen]

    def fill(self, value: Any) -> None:
        marks: SelectionList[str] = self.query_one(SelectionList)
        chosen = set(value or [])
        marks.deselect_all()
        for option in self.field_def.options:
            if option in chosen:
                marks.select(option)
        marks.highlighted = 0

    @on(SelectionList.SelectedChanged)
    def _marks_changed(self, event: SelectionList.SelectedChanged[str]) -> None:
        event.stop()
        self.changed()


class GoalsBox(FieldBox):
    """Goals of the region's programme (several allowed) plus free text for other goals."""

    field_def: GoalsField

    def __init__(self, *args: Any, goals: list[Goal | None], **kwargs: Any) -> None:
        self.listed = goals
        """As listed: the område's own goals, None for the divider, the others."""
        self.goals = [g for g in goals if g is not None]
        super().__init__(*args, **kwargs)

    def compose_editor(self) -> ComposeResult:
        from rsp_tui.tui.widgets.goal_picker import GoalList

        chosen = set(self.value.get("codes", []))
        if self.goals:
            yield GoalList(self.listed, chosen, compact=True, classes="field-goals")
        else:
            yield Static(
                "Programmet har inga mål ännu. Skriv in dem under Programmet.",
                classes="field-help",
            )
        yield Label(self.field_def.other_label, classes="field-sublabel")
        yield RspInput(str(self.value.get("other", "")), classes="field-other")

    def goal_codes(self) -> set[str]:
        return {g.key for g in self.goals}

    def read(self) -> Any:
        lists = self.query(SelectionList)
        chosen = set(lists.first().selected) if lists else set()
        codes = [g.key for g in self.goals if g.key in chosen]
        # Codes no longer in the programme are kept, so that the message can name them.
        known = self.goal_codes()
        kept = [c for c in self.value.get("codes", []) if c not in known]
        return {"codes": codes + kept, "other": self.query_one(".field-other", RspInput).value}

    def fill(self, value: Any) -> None:
        chosen = set(value.get("codes", []))
        for goals in self.query(SelectionList):
            goals.deselect_all()
            for goal in self.goals:
                if goal.key in chosen:
                    goals.select(goal.key)
            goals.highlighted = 0
        self.query_one(".field-other", RspInput).value = str(value.get("other", ""))

    @on(SelectionList.SelectedChanged)
    def _goals_changed(self, event: SelectionList.SelectedChanged[str]) -> None:
        event.stop()
        self.changed()

    @on(SelectionList.SelectionHighlighted)
    def _goal_highlighted(self, event: SelectionList.SelectionHighlighted[str]) -> None:
        # The list cuts long goals short; the help pane shows the highlighted one whole.
        event.stop()
        goal = next((g for g in self.goals if g.key == event.selection.value), None)
        if goal is not None and event.selection_list.has_focus:
            topic = replace(self.topic, extra=(f"Markerat mål: {goal.printed}", *self.topic.extra))
            self.post_message(self.HelpChanged(self, topic))

    @on(Input.Changed)
    def _other_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.changed()


_LINE_SEPARATORS = re.compile("[\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
"""Characters a TextArea turns into line breaks (str.splitlines splits on them)."""


def _as_shown(text: str) -> str:
    """`text` as a TextArea gives it back."""
    from textual.widgets.text_area import Document

    return Document(text).text


def previous_text(value: Any, limit: int = 160) -> str:
    """Last year's value, short, on one line."""
    if isinstance(value, dict):
        parts = [*value.get("codes", []), str(value.get("other", "")).strip()]
        text = ", ".join(p for p in parts if p)
    elif isinstance(value, list):
        text = ", ".join(str(v) for v in value)
    else:
        text = " / ".join(line.strip() for line in str(value).splitlines() if line.strip())
    return text if len(text) <= limit else text[: limit - 1] + "…"
