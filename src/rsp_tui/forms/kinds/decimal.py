"""Provides the `decimal` kind: a number, Swedish decimal comma accepted, optional range."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from pydantic import model_validator

from rsp_tui.forms.kinds.base import FieldKind, SummaryRole
from rsp_tui.textutil import format_decimal, parse_decimal

if TYPE_CHECKING:
    from rsp_tui.forms.programme import Programme


def display_number(text: str) -> str:
    """A decimal as the document prints it: Swedish comma and the precision as typed
    (`0.85` → `0,85`); text that is no number is printed as typed."""
    number = parse_decimal(text)
    return text.strip() if number is None else format_decimal(number)


def range_problem(number: Decimal, low: float | None, high: float | None) -> str | None:
    """`måste vara mellan 0 och 100` when `number` is outside [low, high], else None."""
    lo = Decimal(str(low)) if low is not None else None
    hi = Decimal(str(high)) if high is not None else None
    if (lo is not None and number < lo) or (hi is not None and number > hi):
        lo_text = format_decimal(lo.normalize()) if lo is not None else "…"
        hi_text = format_decimal(hi.normalize()) if hi is not None else "…"
        return f"måste vara mellan {lo_text} och {hi_text}"
    return None


class DecimalField(FieldKind):
    """A decimal number; `0,85` and `0.85` are both accepted."""

    kind: Literal["decimal"]
    min: float | None = None
    max: float | None = None
    sum: bool = False
    """In a table: the app shows the sum of this column."""
    sum_label: str = ""

    COMPACT: ClassVar[bool] = True

    @model_validator(mode="after")
    def _range(self) -> DecimalField:
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError(f"min ({self.min}) är större än max ({self.max})")
        return self

    def check(self, value: Any, goal_codes: set[str] | None = None) -> str | None:
        number = parse_decimal(str(value))
        if number is None:
            return f'"{str(value).strip()}" är inte ett tal; skriv till exempel 0,85'
        return range_problem(number, self.min, self.max)

    def document_lines(self, value: Any, programme: Programme) -> list[str]:
        if value is None or not str(value).strip():
            return []
        return [display_number(str(value))]

    def summary_value(self, value: Any, programme: Programme) -> str:
        if value is None or not str(value).strip():
            return ""
        return display_number(str(value))

    def summary_role(self) -> SummaryRole:
        return "sum" if self.sum else ""

    def summary_number(self, value: Any) -> Decimal | None:
        return parse_decimal(str(value)) if value is not None else None

    def summary_sum_label(self) -> str:
        return self.sum_label

    def placeholder(self) -> str:
        return "till exempel 0,5"

    def plain_hint(self, sub: str, brief: bool = False) -> str:
        return "Skriv ett tal, till exempel 0,85."
