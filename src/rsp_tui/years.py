"""Provides the default verksamhetsår of a new report (form-spec D.15).

The report for year Y is written in December Y and January Y+1, so from July to December the
default is the current year and from January to June the year before. The new-report dialog,
`rsp-tui new` and the importer (a document without years in its headings) all use
`default_year`.
"""

from __future__ import annotations

from datetime import date

FIRST_MONTH_OF_NEW_REPORT = 7
"""From this month on, the report being written is for the current year."""


def default_year(today: date, low: int | None = None, high: int | None = None) -> int:
    """The verksamhetsår a report written on `today` is most likely for, kept within
    `low`–`high` (the form's range) when given."""
    year = today.year if today.month >= FIRST_MONTH_OF_NEW_REPORT else today.year - 1
    if low is not None:
        year = max(year, low)
    if high is not None:
        year = min(year, high)
    return year
