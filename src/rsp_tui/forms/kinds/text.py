"""Provides the text kinds: `text` (one line), `textarea` (several lines) and `emails`."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from rsp_tui.forms.kinds.base import FieldKind, Parsed, SummaryRole
from rsp_tui.textutil import split_emails

if TYPE_CHECKING:
    from rsp_tui.forms.programme import Goal, Programme

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


class TextField(FieldKind):
    """Single-line text."""

    kind: Literal["text"]

    COMPACT: ClassVar[bool] = True


class TextAreaField(FieldKind):
    """Multi-line text; line breaks are kept in the document."""

    kind: Literal["textarea"]

    def plain_multiline(self, sub: str) -> bool:
        return True

    def plain_hint(self, sub: str, brief: bool = False) -> str:
        if brief:
            return "Avsluta med en punkt på egen rad."
        return "Skriv svaret på en eller flera rader. Avsluta med en rad med bara en punkt."

    def plain_parse(self, line: str, sub: str = "", goals: list[Goal] | None = None) -> Parsed:
        return Parsed(line)


class EmailsField(FieldKind):
    """One or more e-mail addresses, one per line or separated by commas."""

    kind: Literal["emails"]

    FOUND_IN_TEXT: ClassVar[bool] = True

    def check(self, value: Any, goal_codes: set[str] | None = None) -> str | None:
        bad = [a for a in split_emails(str(value)) if not is_valid_email(a)]
        if not bad:
            return None
        listed = "; ".join(f'"{b}" {email_problem(b)}' for b in bad)
        if len(bad) == 1:
            return f"ogiltig e-postadress {listed}"
        return f"ogiltiga e-postadresser {listed}"

    def document_lines(self, value: Any, programme: Programme) -> list[str]:
        if value is None or not str(value).strip():
            return []
        return ["\n".join(split_emails(str(value)))]

    def summary_value(self, value: Any, programme: Programme) -> str:
        if value is None or not str(value).strip():
            return ""
        return ", ".join(split_emails(str(value)))

    def summary_role(self) -> SummaryRole:
        return "contact"

    def find_in_text(self, lines: list[str]) -> tuple[Any, list[str]] | None:
        text = "\n".join(lines)
        found = _EMAIL.findall(text)
        if not found:
            return None
        text = _EMAIL.sub("", text)
        rest = [re.sub(r"^[\s,;:/–-]+|[\s,;:/–(-]+$", "", line) for line in text.split("\n")]
        return "\n".join(found), rest

    def plain_hint(self, sub: str, brief: bool = False) -> str:
        return "Skriv en eller flera e-postadresser med kommatecken mellan."


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
    address); this spares that import for the plain case. `tests/unit/test_email_check.py`
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
