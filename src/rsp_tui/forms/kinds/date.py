"""Provides the `date` kind: an ISO date, ÅÅÅÅ-MM-DD."""

from __future__ import annotations

import re
from datetime import date
from typing import Any, ClassVar, Literal

from rsp_tui.forms.kinds.base import FieldKind, SummaryRole

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class DateField(FieldKind):
    """An ISO date, ÅÅÅÅ-MM-DD."""

    kind: Literal["date"]
    default: Literal["today", "export"] | None = None
    """`today`: a new report gets the day it was created. `export`: left blank, the date is
    the day of the export (form-spec D.2); a date the user types is kept."""

    COMPACT: ClassVar[bool] = True
    DOCUMENT_WIDTH: ClassVar[float] = 3.5
    SUMMARY_WIDTH: ClassVar[float] = 2.2

    def initial_value(self, today: date) -> Any:
        return today.isoformat() if self.default == "today" else None

    def export_value(self, today: date) -> Any:
        return today.isoformat() if self.default == "export" else None

    def check(self, value: Any, goal_codes: set[str] | None = None) -> str | None:
        text = str(value).strip()
        if not _ISO_DATE.match(text):
            return "ogiltigt datum, skriv ÅÅÅÅ-MM-DD (till exempel 2024-01-31)"
        try:
            date.fromisoformat(text)
        except ValueError:
            return f"datumet {text} finns inte"
        return None

    def summary_role(self) -> SummaryRole:
        return ""

    def placeholder(self) -> str:
        # Blank: the day of the export (the help text says so).
        return "exportdagen" if self.default == "export" else "ÅÅÅÅ-MM-DD"

    def plain_hint(self, sub: str, brief: bool = False) -> str:
        return "Skriv datumet som år, månad och dag med bindestreck, till exempel 2024-01-31."
