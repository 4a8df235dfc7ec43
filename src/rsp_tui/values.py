"""Provides the check of one answer against its field; each field kind owns its check (dates,
decimals and their range, e-mail syntax without a network look-up, valid choices, known goal
codes). A wrong value is a `fel` that blocks a final export (form-spec D.14);
`rsp_tui.validation` walks the report.
"""

from __future__ import annotations

from typing import Any

from rsp_tui.forms.kinds.text import email_problem as email_problem
from rsp_tui.forms.kinds.text import is_valid_email as is_valid_email
from rsp_tui.forms.schema import LeafField


def check_value(field_def: LeafField, value: Any, goal_codes: set[str] | None = None) -> str | None:
    """The Swedish error message for one non-empty value, or None when it is valid (the kind
    checks it)."""
    if field_def.is_empty(value):
        return None
    return field_def.check(value, goal_codes)
