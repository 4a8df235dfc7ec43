"""Provides the `goals` kind: codes of the region's programme goals plus free text."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from rsp_tui.forms.kinds.base import FieldKind, Parsed, SummaryRole
from rsp_tui.forms.kinds.choice import parse_numbers

if TYPE_CHECKING:
    from rsp_tui.forms.programme import Goal, Programme


class GoalsField(FieldKind):
    """Goal codes from the region's programme, plus free text for other goals.

    The value is `{codes = [...], other = "..."}`; the plain mode asks for the two parts
    separately (`sub` is "codes" or "other")."""

    kind: Literal["goals"]
    other_label: str = "Andra mål"

    def empty_value(self) -> Any:
        return {"codes": [], "other": ""}

    def shape_problem(self, value: Any) -> str | None:
        if not isinstance(value, dict):
            return 'ska vara en tabell { codes = [ … ], other = "…" }'
        unknown = set(value) - {"codes", "other"}
        if unknown:
            return f"okänd nyckel {sorted(unknown)[0]}"
        codes = value.get("codes", [])
        if not isinstance(codes, list) or not all(isinstance(c, str) for c in codes):
            return "codes ska vara en lista med texter"
        if not isinstance(value.get("other", ""), str):
            return "other ska vara en text"
        return None

    def goal_codes_of(self, value: Any) -> list[str]:
        codes = value.get("codes", []) if isinstance(value, dict) else []
        return [str(c) for c in codes] if isinstance(codes, list) else []

    def check(self, value: Any, goal_codes: set[str] | None = None) -> str | None:
        if goal_codes is not None:
            unknown = [c for c in value.get("codes", []) if c not in goal_codes]
            if unknown:
                return f"målet {unknown[0]} finns inte i programmet"
        return None

    def document_lines(self, value: Any, programme: Programme) -> list[str]:
        if value is None:
            return []
        if not isinstance(value, dict):
            return [str(value)] if str(value).strip() else []
        lines = []
        for code in value.get("codes") or []:
            goal = programme.goal(str(code))
            lines.append(goal.printed if goal is not None else str(code))
        other = str(value.get("other") or "")
        if other.strip():
            lines.append(other)
        return lines

    def from_cell(self, text: str) -> Any:
        return {"codes": [], "other": text}

    def summary_value(self, value: Any, programme: Programme) -> str:
        if value is None:
            return ""
        if not isinstance(value, dict):
            return str(value).strip()
        lines = []
        for code in value.get("codes") or []:
            goal = programme.goal(str(code))
            lines.append(goal.printed if goal is not None else str(code))
        other = str(value.get("other") or "").strip()
        if other:
            lines.append(other)
        return "\n".join(lines)

    def summary_role(self) -> SummaryRole:
        return ""

    def list_cell(self, value: Any, width: int) -> str:
        if value is None:
            return ""
        codes = ", ".join(value.get("codes", []))
        other = "annat" if str(value.get("other", "")).strip() else ""
        return " + ".join(p for p in (codes, other) if p)

    def plain_parts(self) -> list[tuple[str, str]]:
        return [("codes", self.display_label), ("other", self.other_label)]

    def part_empty(self, sub: str) -> Any:
        return [] if sub == "codes" else ""

    def with_part(self, whole: Any, sub: str, value: Any) -> Any:
        if not sub:
            return value
        merged = dict(whole or self.empty_value())
        merged[sub] = value
        return merged

    def plain_brief(self, value: Any) -> str:
        if isinstance(value, dict):
            return ", ".join(value.get("codes", []))
        return str(value or "")

    def plain_shown(self, value: Any, sub: str = "") -> str:
        if sub == "codes":
            return ", ".join(value)  # the codes: their texts were just listed
        return str(value)

    def plain_options(self, sub: str, goals: list[Goal]) -> list[str]:
        return [g.printed for g in goals] if sub == "codes" else []

    def plain_hint(self, sub: str, brief: bool = False) -> str:
        if sub == "codes":
            return (
                "Skriv koderna för de mål som gäller, med mellanslag mellan, till exempel 1.1 2.3."
            )
        return ""

    def plain_parse(self, line: str, sub: str = "", goals: list[Goal] | None = None) -> Parsed:
        if sub == "codes":
            codes = [g.code for g in goals or []]
            return parse_numbers(line.strip(), codes, codes, allow_codes=True)
        return Parsed(line.strip())
