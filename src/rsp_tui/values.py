"""Provides the check of one answer against its field: dates, decimals and their range,
e-mail syntax (no network look-up), valid choices, known goal codes. A wrong value is a
`fel` that blocks a final export (form-spec D.14); `rsp_tui.validation` walks the report.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Any

from rsp_tui.drafts.model import is_empty
from rsp_tui.forms.schema import (
    ChoiceField,
    DateField,
    DecimalField,
    EmailsField,
    GoalsField,
    LeafField,
    MarksField,
)
from rsp_tui.textutil import format_decimal, parse_decimal, split_emails

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def check_value(field_def: LeafField, value: Any, goal_codes: set[str] | None = None) -> str | None:
    """The Swedish error message for one non-empty value, or None when it is valid."""
    if is_empty(value):
        return None
    if isinstance(field_def, DateField):
        text = str(value).strip()
        if not _ISO_DATE.match(text):
            return "ogiltigt datum, skriv ÅÅÅÅ-MM-DD (till exempel 2024-01-31)"
        try:
            date.fromisoformat(text)
        except ValueError:
            return f"datumet {text} finns inte"
        return None
    if isinstance(field_def, DecimalField):
        number = parse_decimal(str(value))
        if number is None:
            return f'"{str(value).strip()}" är inte ett tal; skriv till exempel 0,85'
        low = Decimal(str(field_def.min)) if field_def.min is not None else None
        high = Decimal(str(field_def.max)) if field_def.max is not None else None
        if (low is not None and number < low) or (high is not None and number > high):
            lo = format_decimal(low.normalize()) if low is not None else "…"
            hi = format_decimal(high.normalize()) if high is not None else "…"
            return f"måste vara mellan {lo} och {hi}"
        return None
    if isinstance(field_def, EmailsField):
        bad = [a for a in split_emails(str(value)) if not is_valid_email(a)]
        if bad:
            listed = "; ".join(f'"{b}" {email_problem(b)}' for b in bad)
            return (
                f"ogiltig e-postadress {listed}"
                if len(bad) == 1
                else f"ogiltiga e-postadresser {listed}"
            )
        return None
    if isinstance(field_def, ChoiceField):
        if not isinstance(value, str):
            return "ska vara en text"
        if value not in field_def.options and not field_def.allow_other:
            return f'"{value}" är inget giltigt val; välj {" eller ".join(field_def.options)}'
        return None
    if isinstance(field_def, MarksField):
        unknown = [v for v in value if v not in field_def.options]
        if unknown:
            return f'okänt alternativ "{unknown[0]}"; tillåtna är {", ".join(field_def.options)}'
        return None
    if isinstance(field_def, GoalsField):
        if goal_codes is not None:
            unknown = [c for c in value.get("codes", []) if c not in goal_codes]
            if unknown:
                return f"målet {unknown[0]} finns inte i programmet"
        return None
    return None


_PLAIN_EMAIL = re.compile(
    r"[A-Za-z0-9_%+-]+(?:\.[A-Za-z0-9_%+-]+)*"  # local part: dot-atom of plain characters
    r"@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+"  # domain labels (lower case, no IDN)
    r"(?:se|nu|com|org|net|eu|info)"  # a top-level domain that is surely not special-use
)


def _plainly_valid(address: str) -> bool:
    """True for the addresses almost every answer holds (`fornamn.efternamn@region.se`),
    which email-validator accepts too; False means "ask email-validator", not "invalid".

    email-validator compiles its regular expressions on import (about 20 ms on a quiet
    machine, on every start of the app and every `check` and export of a report with an
    address); this spares that import for the plain case. `tests/unit/test_values.py`
    compares the two on generated addresses."""
    if len(address) > 254 or not _PLAIN_EMAIL.fullmatch(address):
        return False
    local, domain = address.split("@")
    return len(local) <= 64 and len(domain) <= 253 and "--" not in domain


def is_valid_email(address: str) -> bool:
    """E-mail syntax check, no network (email-validator, except for plain addresses)."""
    if _plainly_valid(address):
        return True
    from email_validator import EmailNotValidError, validate_email

    try:
        validate_email(address, check_deliverability=False)
    except EmailNotValidError:
        return False
    return True


def email_problem(address: str) -> str:
    """What is wrong with an address `is_valid_email` rejects, in words a user can act on."""
    if any(ch.isspace() for ch in address):
        return "innehåller mellanslag"
    if "@" not in address:
        return "saknar @, t.ex. namn@region.se"
    if address.count("@") > 1:
        return "har mer än ett @"
    local, domain = address.split("@")
    if not local:
        return "saknar namnet före @"
    if not domain:
        return "saknar domänen efter @, t.ex. @region.se"
    if domain.endswith("."):
        return "slutar med en punkt; skriv toppdomänen efter den, t.ex. .se"
    if "." not in domain:
        return "saknar toppdomän, t.ex. .se"
    if ".." in address or local.startswith(".") or local.endswith("."):
        return "har punkter i fel ordning (två i rad, eller först eller sist i namnet)"
    return "är ingen giltig e-postadress (kontrollera tecknen)"
