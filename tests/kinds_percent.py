"""A field kind defined outside the code: a percentage, `kind = "percent"`.

The proof of issue 11: this class, and one entry in the app's table of editors, is all a new
kind needs. It subclasses `FieldKind` and imports nothing but the public helpers, so the same
file can be dropped into `src/rsp_tui/forms/kinds/` unchanged.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from rsp_tui.forms.kinds.base import FieldKind, Parsed
from rsp_tui.textutil import format_decimal, parse_decimal

if TYPE_CHECKING:
    from rsp_tui.forms.programme import Goal, Programme


def parse_percent(text: str) -> Decimal | None:
    """`45`, `45 %`, `45,5`, `45.5%` → the number; None when it is no percentage."""
    return parse_decimal(text.strip().removesuffix("%").rstrip())


class PercentField(FieldKind):
    """A percentage from 0 to 100, typed as `45`, `45 %` or `45,5`; printed `45 %`."""

    kind: Literal["percent"]

    COMPACT: ClassVar[bool] = True

    def check(self, value: Any, goal_codes: set[str] | None = None) -> str | None:
        number = parse_percent(str(value))
        if number is None:
            return f'"{str(value).strip()}" är ingen procentsats; skriv till exempel 45 %'
        if not Decimal(0) <= number <= Decimal(100):
            return "måste vara mellan 0 och 100 %"
        return None

    def document_lines(self, value: Any, programme: Programme) -> list[str]:
        text = self.summary_value(value, programme)
        return [text] if text else []

    def from_cell(self, text: str) -> Any:
        number = parse_percent(text)
        return text.strip() if number is None else format_decimal(number)

    def summary_value(self, value: Any, programme: Programme) -> str:
        if value is None or not str(value).strip():
            return ""
        number = parse_percent(str(value))
        return str(value).strip() if number is None else f"{format_decimal(number)} %"

    def placeholder(self) -> str:
        return "till exempel 45 %"

    def plain_hint(self, sub: str, brief: bool = False) -> str:
        return "Skriv en procentsats från 0 till 100, till exempel 45."

    def plain_parse(self, line: str, sub: str = "", goals: list[Goal] | None = None) -> Parsed:
        return Parsed(line.strip())
