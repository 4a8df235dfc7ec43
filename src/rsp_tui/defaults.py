"""Provides default factories for pydantic fields, as Python functions.

pydantic looks at a field's default factory (`inspect.signature`) when it builds the class. For a
builtin such as `list` or `dict` that means parsing its text signature with the tokenizer, whose
regular expressions take about 8 ms to compile the first time, on every start of rsp-tui; a
Python function's signature costs nothing.
"""

from __future__ import annotations

from typing import Any


def empty_list() -> list[Any]:
    """A new empty list (`Field(default_factory=empty_list)` instead of `list`)."""
    return []


def empty_dict() -> dict[str, Any]:
    """A new empty dict (`Field(default_factory=empty_dict)` instead of `dict`)."""
    return {}
