"""Provides the choice kinds: `choice` (one of the options) and `marks` (0..n of them)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, Literal

from pydantic import model_validator

from rsp_tui.forms.kinds.base import FieldKind, Parsed, SummaryRole
from rsp_tui.textutil import norm

if TYPE_CHECKING:
    from rsp_tui.forms.programme import Goal, Programme


def _check_options(options: list[str]) -> None:
    if not options:
        raise ValueError("options får inte vara tom")
    duplicates = sorted({o for o in options if options.count(o) > 1})
    if duplicates:
        raise ValueError(f"options har dubbletter: {', '.join(duplicates)}")


class ChoiceField(FieldKind):
    """One of `options`, or not yet answered."""

    kind: Literal["choice"]
    options: list[str]
    allow_other: bool = False
    """Any other text is accepted too."""
    as_columns: bool = False
    """In a table in the document: one column per option, the chosen one marked."""

    COMPACT: ClassVar[bool] = True
    FOUND_IN_TEXT: ClassVar[bool] = True

    @model_validator(mode="after")
    def _options(self) -> ChoiceField:
        _check_options(self.options)
        return self

    def check(self, value: Any, goal_codes: set[str] | None = None) -> str | None:
        if not isinstance(value, str):
            return "ska vara en text"
        if value not in self.options and not self.allow_other:
            return f'"{value}" är inget giltigt val; välj {" eller ".join(self.options)}'
        return None

    def mark_columns(self) -> list[str] | None:
        return list(self.options) if self.as_columns else None

    def summary_role(self) -> SummaryRole:
        return "choice"

    def summary_options(self) -> list[str]:
        return list(self.options)

    def summary_other(self) -> bool:
        return self.allow_other

    def from_marks(self, chosen: list[str]) -> Any:
        return chosen[0] if len(chosen) == 1 else None

    def find_in_text(self, lines: list[str]) -> tuple[Any, list[str]] | None:
        for n, line in enumerate(lines):
            picked = next((o for o in self.options if norm(o) == norm(line)), None)
            if picked is not None:
                return picked, lines[:n] + lines[n + 1 :]
        return None

    def from_cell(self, text: str) -> Any:
        for option in self.options:
            if norm(option) == norm(text):
                return option
        return text.strip()

    def list_cell(self, value: Any, width: int) -> str:
        return "" if value is None else str(value)

    def plain_options(self, sub: str, goals: list[Goal]) -> list[str]:
        return list(self.options)

    def plain_hint(self, sub: str, brief: bool = False) -> str:
        other = " eller skriv ett eget svar" if self.allow_other else ""
        return f"Skriv numret på ett alternativ{other}."

    def plain_parse(self, line: str, sub: str = "", goals: list[Goal] | None = None) -> Parsed:
        text = line.strip()
        if text.isdigit():
            n = int(text)
            if 1 <= n <= len(self.options):
                return Parsed(self.options[n - 1])
            if not self.allow_other:
                return Parsed(
                    error=f"Det finns inget alternativ {n}. Välj 1 till {len(self.options)}."
                )
        for option in self.options:
            if option.casefold() == text.casefold():
                return Parsed(option)
        if self.allow_other:
            return Parsed(text)
        listed = ", ".join(f"{n} {o}" for n, o in enumerate(self.options, 1))
        return Parsed(error=f"Förstod inte {text!r}. Skriv ett av numren: {listed}.")


class MarksField(FieldKind):
    """Zero or more of `options`; printed as one marked column per option."""

    kind: Literal["marks"]
    options: list[str]
    short_options: list[str] = []
    """Abbreviations the document prints as column headers, one per option, explained in a
    legend above the table (empty: the options themselves, rotated)."""

    @model_validator(mode="after")
    def _options(self) -> MarksField:
        _check_options(self.options)
        if self.short_options and len(self.short_options) != len(self.options):
            raise ValueError(
                f"short_options: {len(self.short_options)} förkortningar för"
                f" {len(self.options)} alternativ; ange en per alternativ"
            )
        return self

    def empty_value(self) -> Any:
        return []

    def shape_problem(self, value: Any) -> str | None:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            return "ska vara en lista med texter"
        return None

    def check(self, value: Any, goal_codes: set[str] | None = None) -> str | None:
        unknown = [v for v in value if v not in self.options]
        if unknown:
            return f'okänt alternativ "{unknown[0]}"; tillåtna är {", ".join(self.options)}'
        return None

    def document_lines(self, value: Any, programme: Programme) -> list[str]:
        if value is None:
            return []
        return [str(v) for v in value] if isinstance(value, list) else [str(value)]

    def mark_columns(self) -> list[str] | None:
        return list(self.options)

    def short_marks(self) -> list[str]:
        return list(self.short_options)

    def from_marks(self, chosen: list[str]) -> Any:
        return list(chosen)

    def from_cell(self, text: str) -> Any:
        wanted = {norm(t) for t in text.split("\n")}
        return [o for o in self.options if norm(o) in wanted]

    def summary_value(self, value: Any, programme: Programme) -> str:
        if value is None:
            return ""
        items = value if isinstance(value, list) else [value]
        return "; ".join(str(v) for v in items if str(v).strip())

    def summary_role(self) -> SummaryRole:
        return "marks"

    def summary_options(self) -> list[str]:
        return list(self.options)

    def list_cell(self, value: Any, width: int) -> str:
        return "" if value is None else ", ".join(value)

    def plain_shown(self, value: Any, sub: str = "") -> str:
        return ", ".join(value)

    def plain_options(self, sub: str, goals: list[Goal]) -> list[str]:
        return list(self.options)

    def plain_hint(self, sub: str, brief: bool = False) -> str:
        return "Skriv numren på de alternativ som gäller, med mellanslag mellan."

    def plain_parse(self, line: str, sub: str = "", goals: list[Goal] | None = None) -> Parsed:
        return parse_numbers(line.strip(), list(self.options), list(self.options))


def parse_numbers(
    text: str, values: list[str], codes: list[str], *, allow_codes: bool = False
) -> Parsed:
    """Numbers (or, with `allow_codes`, codes) separated by spaces → the chosen values."""
    chosen: list[str] = []
    for token in text.replace(",", " ").split():
        if allow_codes and token in codes:
            value = token
        elif token.isdigit() and 1 <= int(token) <= len(values):
            value = values[int(token) - 1]
        elif allow_codes:
            return Parsed(
                error=f"Programmet har inget mål {token}. Målen har koderna {', '.join(codes)}."
            )
        else:
            return Parsed(
                error=f"Det finns inget alternativ {token}. Skriv nummer från 1 till"
                f" {len(values)}, med mellanslag mellan."
            )
        if value not in chosen:
            chosen.append(value)
    return Parsed(chosen)
