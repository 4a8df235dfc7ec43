"""Provides the one table from field kind to the box that edits it in the app.

A new field kind gets its editor by one `register_box` call (or one entry below); a kind
without an entry is edited as a single line of text, which is what most kinds are typed as.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rsp_tui.drafts.paths import AnswerPath
from rsp_tui.forms.programme import Goal
from rsp_tui.forms.schema import LeafField
from rsp_tui.tui.widgets.fields import AreaBox, ChoiceBox, FieldBox, GoalsBox, MarksBox, TextBox

BoxFactory = Callable[..., FieldBox]
"""`factory(field_def, path, value, goals=[...], **kwargs)` → the box."""


def _without_goals(box: BoxFactory) -> BoxFactory:
    def make(
        field_def: LeafField, path: AnswerPath | None, value: Any, *, goals: Any, **kwargs: Any
    ) -> FieldBox:
        return box(field_def, path, value, **kwargs)

    return make


BOXES: dict[str, BoxFactory] = {
    "text": _without_goals(TextBox),
    "date": _without_goals(TextBox),
    "decimal": _without_goals(TextBox),
    "textarea": _without_goals(AreaBox),
    "emails": _without_goals(AreaBox),
    "choice": _without_goals(ChoiceBox),
    "marks": _without_goals(MarksBox),
    "goals": GoalsBox,
}
"""The editor of each field kind."""


def register_box(kind: str, box: BoxFactory, *, goals: bool = False) -> None:
    """Edit fields of `kind` with `box` (a FieldBox subclass, or a factory that takes
    `goals=` when `goals` is true)."""
    BOXES[kind] = box if goals else _without_goals(box)


def field_box(
    field_def: LeafField,
    path: AnswerPath | None,
    value: Any,
    *,
    goals: list[Goal | None] | None = None,
    **kwargs: Any,
) -> FieldBox:
    """The box that edits `field_def`, showing `value` (stored at `path`; None until the
    box is given one by `FieldBox.load`)."""
    factory = BOXES.get(field_def.kind) or BOXES["text"]
    return factory(field_def, path, value, goals=goals or [], **kwargs)
