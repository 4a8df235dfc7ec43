"""Provides the one rule for a report's verksamhetsår: which years a form allows, how a typed
year is read, what the user is told when it is outside the range, and the default year of a
new report (form-spec D.15).

The range comes from the form (`[years]` in the form file: `min`, `max`). The report for year
Y is written in December Y and January Y+1, so from July to December the default is the
current year and from January to June the year before. Every place that takes or checks a year
(`rsp-tui new` and `rollover`, the new-report dialogs of the app and the plain mode, the year
field of the report, validation, the importer) uses these functions.
"""

from __future__ import annotations

from datetime import date
from typing import Protocol


class YearRange(Protocol):
    """The form's allowed range (`FormDefinition.years`)."""

    @property
    def min(self) -> int: ...

    @property
    def max(self) -> int: ...


FIRST_MONTH_OF_NEW_REPORT = 7
"""From this month on, the report being written is for the current year."""


def in_range(year: int, years: YearRange) -> bool:
    """Whether the form allows `year`."""
    return years.min <= year <= years.max


def parse_year(text: object, years: YearRange) -> int | None:
    """The year typed as `text` when it is a year the form allows, else None."""
    value = str(text).strip()
    if not value.isdigit():
        return None
    year = int(value)
    return year if in_range(year, years) else None


def range_error(years: YearRange) -> str:
    """`verksamhetsåret måste vara mellan 2022 och 2030` (without a full stop)."""
    return f"verksamhetsåret måste vara mellan {years.min} och {years.max}"


def default_year(today: date, years: YearRange | None = None) -> int:
    """The verksamhetsår a report written on `today` is most likely for, kept within the
    form's range when given."""
    year = today.year if today.month >= FIRST_MONTH_OF_NEW_REPORT else today.year - 1
    if years is not None:
        year = min(max(year, years.min), years.max)
    return year
