"""Typed access to a form's parts for tests: asserts the kind instead of silencing mypy."""

from __future__ import annotations

from typing import TypeVar

from rsp_tui.forms.schema import FormDefinition

T = TypeVar("T")


def question_of(form: FormDefinition, question_id: str, kind: type[T]) -> T:
    """The question with this id, which must be of this kind."""
    return of_kind(form.question(question_id), kind)


def of_kind(value: object, kind: type[T]) -> T:
    """`value`, which must be of this kind (a failed assertion names both)."""
    assert isinstance(value, kind), f"{value!r:.80} is a {type(value).__name__}, not {kind.__name__}"
    return value
