"""Provides how the plain mode shows an answer and reads one: text as typed, a choice by its
number, marks and mål as numbers separated by spaces. Headless; Swedish messages."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rsp_tui.drafts.model import is_empty
from rsp_tui.forms.programme import Goal
from rsp_tui.forms.schema import (
    ChoiceField,
    DateField,
    DecimalField,
    EmailsField,
    GoalsField,
    LeafField,
    MarksField,
    TextAreaField,
)

EMPTY = "(tomt)"


@dataclass(frozen=True)
class Parsed:
    """What a line of input meant for a field."""

    value: Any = None
    error: str = ""
    """Why the input was not understood (nothing is stored then)."""


def shown(f: LeafField, value: Any, sub: str = "", goals: list[Goal] | None = None) -> str:
    """The answer as read aloud: `(tomt)`, the text, the choice, the marks in words."""
    if is_empty(value):
        return EMPTY
    if isinstance(f, MarksField):
        return ", ".join(value)
    if isinstance(f, GoalsField) and sub == "codes":
        return ", ".join(value)  # the codes: their texts were just listed
    return str(value)


def options_of(f: LeafField, sub: str, goals: list[Goal]) -> list[str]:
    """The numbered alternatives of a choice, marks or mål question (empty for text)."""
    if isinstance(f, ChoiceField | MarksField):
        return list(f.options)
    if isinstance(f, GoalsField) and sub == "codes":
        return [g.printed for g in goals]
    return []


def hint(f: LeafField, sub: str, brief: bool = False) -> str:
    """How to answer, in words, said before the prompt; `brief` once the user has heard it."""
    if isinstance(f, ChoiceField):
        other = " eller skriv ett eget svar" if f.allow_other else ""
        return f"Skriv numret på ett alternativ{other}."
    if isinstance(f, GoalsField) and sub == "codes":
        return "Skriv koderna för de mål som gäller, med mellanslag mellan, till exempel 1.1 2.3."
    if isinstance(f, MarksField):
        return "Skriv numren på de alternativ som gäller, med mellanslag mellan."
    if isinstance(f, TextAreaField):
        if brief:
            return "Avsluta med en punkt på egen rad."
        return "Skriv svaret på en eller flera rader. Avsluta med en rad med bara en punkt."
    if isinstance(f, DateField):
        return "Skriv datumet som år, månad och dag med bindestreck, till exempel 2024-01-31."
    if isinstance(f, DecimalField):
        return "Skriv ett tal, till exempel 0,85."
    if isinstance(f, EmailsField):
        return "Skriv en eller flera e-postadresser med kommatecken mellan."
    return ""


def parse(f: LeafField, line: str, sub: str = "", goals: list[Goal] | None = None) -> Parsed:
    """Turn a non-empty input line into the value to store."""
    text = line.strip()
    if isinstance(f, ChoiceField):
        return _parse_choice(f, text)
    if isinstance(f, MarksField):
        return _parse_numbers(text, list(f.options), list(f.options))
    if isinstance(f, GoalsField) and sub == "codes":
        codes = [g.code for g in goals or []]
        return _parse_numbers(text, codes, codes, allow_codes=True)
    if isinstance(f, TextAreaField):
        return Parsed(line)
    return Parsed(text)


def _parse_choice(f: ChoiceField, text: str) -> Parsed:
    if text.isdigit():
        n = int(text)
        if 1 <= n <= len(f.options):
            return Parsed(f.options[n - 1])
        if not f.allow_other:
            return Parsed(error=f"Det finns inget alternativ {n}. Välj 1 till {len(f.options)}.")
    for option in f.options:
        if option.casefold() == text.casefold():
            return Parsed(option)
    if f.allow_other:
        return Parsed(text)
    listed = ", ".join(f"{n} {o}" for n, o in enumerate(f.options, 1))
    return Parsed(error=f"Förstod inte {text!r}. Skriv ett av numren: {listed}.")


def _parse_numbers(
    text: str, values: list[str], codes: list[str], *, allow_codes: bool = False
) -> Parsed:
    chosen: list[str] = []
    for token in text.replace(",", " ").split():
        if allow_codes and token in codes:
            value = token
        elif token.isdigit() and 1 <= int(token) <= len(values):
            value = values[int(token) - 1]
        elif allow_codes:
            return Parsed(
                error=f"Programmet har inget mål {token}. Målen har koderna"
                f" {', '.join(codes)}."
            )
        else:
            return Parsed(
                error=f"Det finns inget alternativ {token}. Skriv nummer från 1 till"
                f" {len(values)}, med mellanslag mellan."
            )
        if value not in chosen:
            chosen.append(value)
    return Parsed(chosen)
