"""Provides messages that cross widget and screen boundaries."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from rsp_tui.drafts.paths import AnswerPath
from rsp_tui.drafts.session import SaveResult


@dataclass
class PartRequested(Message):
    """The user asked to go to a part of the report (sidebar, review list, palette)."""

    key: str
    """`Part.key`, or `REVIEW_KEY`."""
    path: AnswerPath | None = None
    """Focus the field with this answer path once there."""
    from_review: bool = False
    """Came from the list in Granska och exportera: offer the way back."""


@dataclass
class DraftChanged(Message):
    """A view changed the draft directly (insatser, programme)."""

    structure: bool = False
    """The parts of the report changed (områden added, removed or renamed)."""


@dataclass
class DraftSaved(Message):
    """An autosave finished (successfully or not)."""

    result: SaveResult
