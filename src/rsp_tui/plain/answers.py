"""Provides how the plain mode shows an answer and reads one: text as typed, a choice by its
number, marks and mål as numbers separated by spaces. Headless; Swedish messages."""

from __future__ import annotations

from typing import Any

from rsp_tui.drafts.model import is_empty
from rsp_tui.forms.kinds import Parsed as Parsed
from rsp_tui.forms.programme import Goal
from rsp_tui.forms.schema import LeafField

EMPTY = "(tomt)"


def shown(f: LeafField, value: Any, sub: str = "", goals: list[Goal] | None = None) -> str:
    """The answer as read aloud: `(tomt)`, the text, the choice, the marks in words."""
    if is_empty(value):
        return EMPTY
    return f.plain_shown(value, sub)


def options_of(f: LeafField, sub: str, goals: list[Goal]) -> list[str]:
    """The numbered alternatives of a choice, marks or mål question (empty for text)."""
    return f.plain_options(sub, goals)


def hint(f: LeafField, sub: str, brief: bool = False) -> str:
    """How to answer, in words, said before the prompt; `brief` once the user has heard it."""
    return f.plain_hint(sub, brief)


def parse(f: LeafField, line: str, sub: str = "", goals: list[Goal] | None = None) -> Parsed:
    """Turn a non-empty input line into the value to store."""
    return f.plain_parse(line, sub, goals)
