"""Provides the programme of a report read from its text, and the matching of its tables and
Mål cells to that programme.

A document's visible text shows the områden as headings and, in the Mål column, only the goals
some insats names, often in the user's own short form. So the programme is never rebuilt from
the text when a better source exists: the draft embedded in the document (even when the
document was edited after the export), else the region's programme known to rsp-tui. The
tables are matched to its områden by number, the Mål lines to its goals by code (or, for a goal
without a code, by its text); a code the programme does not have is reported, and its line is
kept as free text so nothing is lost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from rsp_tui.forms.programme import Area, Goal, Programme, new_area_id
from rsp_tui.importer.reader import norm
from rsp_tui.textutil import strip_blank_lines

_CODE = re.compile(r"^\s*(\d+(?:\.\d+)+)\.?(?:\s+(\S.*))?$")
"""A Mål line: a goal code (`1.2`, `1.2.`), then maybe its text."""


def embedded_programme(payload_text: str) -> Programme | None:
    """The programme of the draft embedded in a document, also when the draft as a whole
    cannot be used (the document was edited after the export); None when it cannot be read or
    was altered (its checksum does not match)."""
    import tomllib
    from pathlib import Path

    from rsp_tui.drafts.fileformat import split_checksum

    try:
        body, intact = split_checksum(payload_text, Path("payload"))
        if not intact:
            return None
        data = tomllib.loads(body)
        raw = data.get("programme")
        if not isinstance(raw, dict):
            return None
        return Programme.model_validate(raw)
    except Exception:  # any damage to the payload: the programme is simply not available
        return None


@dataclass
class GoalMatch:
    """What the Mål cell of one insats said, matched to the programme."""

    codes: list[str] = field(default_factory=list)
    """Keys of the programme's goals that the cell names, in its order."""
    unknown: list[str] = field(default_factory=list)
    """Codes the cell names that the programme does not have."""
    other: str = ""
    """The rest of the cell: other goals (RUS, Agenda 2030) and the lines of unknown codes."""


class ProgrammeMatcher:
    """Matches a document's område headings and Mål cells to a known programme."""

    def __init__(self, programme: Programme, source: str) -> None:
        self.programme = programme.model_copy(deep=True)
        self.source = source
        """Where the programme came from, in Swedish: `dokumentets inbäddade utkast`."""
        self.added: list[str] = []
        """Headings of områden the document has and the programme had not (added to it)."""

    def area(self, number: str, title: str) -> Area:
        """The programme's område for a heading `Prioriterat område <number>. <title>`: by
        number, else by title; one the programme lacks is added (and listed in `added`)."""
        for a in self.programme.omraden:
            if number and a.number.strip() == number.strip():
                return a
        for a in self.programme.omraden:
            if title and norm(a.title) == norm(title):
                return a
        used = {a.id for a in self.programme.omraden}
        added = Area(id=new_area_id(number or "x", used), number=number, title=title)
        self.programme.omraden.append(added)
        self.added.append(f"{number}. {title}".strip(". "))
        return added

    def whole(self) -> Area | None:
        """The table of the programme's own goals (a programme without områden), if any."""
        return next((a for a in self.programme.omraden if getattr(a, "whole", False)), None)

    def goals(self, text: str) -> GoalMatch:
        """Match each line of a Mål cell: `1.2 text` or `1.2` by code, a line equal to a goal
        without a code by its text; everything else stays free text."""
        by_code = {g.code.strip(): g for g in self.programme.all_goals() if g.code.strip()}
        by_text = {norm(g.text): g for g in self.programme.all_goals() if g.text.strip()}
        out = GoalMatch()
        other: list[str] = []
        for line in text.split("\n"):
            goal, code = self._goal_of(line, by_code, by_text)
            if goal is not None:
                key = goal_key(goal)
                if key not in out.codes:
                    out.codes.append(key)
            elif code:
                out.unknown.append(code)
                other.append(line)
            else:
                other.append(line)
        out.other = strip_blank_lines("\n".join(other))
        return out

    @staticmethod
    def _goal_of(
        line: str, by_code: dict[str, Goal], by_text: dict[str, Goal]
    ) -> tuple[Goal | None, str]:
        m = _CODE.match(line)
        if m:
            return by_code.get(m.group(1)), m.group(1)
        return by_text.get(norm(line)) if line.strip() else None, ""


def goal_key(goal: Goal) -> str:
    """How an insats names a goal: its code, or its text when it has no code."""
    return goal.code.strip() or goal.text.strip()


def goal_cell(match: GoalMatch) -> dict[str, Any]:
    """The stored value of a Mål answer."""
    return {"codes": list(match.codes), "other": match.other}
