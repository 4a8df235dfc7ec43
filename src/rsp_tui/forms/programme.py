"""Provides the region's own programme (prioriterade områden and their mål) and the region list.

A programme comes from forms/programmes/<name>.toml and is copied into each new draft, where the
user may edit it; the draft's copy is what the app and the document use.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from rsp_tui.defaults import empty_list

WHOLE_ID = "programmet"
"""Id of the område that holds the programme's own goals (a programme with goals but no
områden, or goals beside its områden). Its insatser go in one table, named by the form
(`whole_title` / `whole_heading` of the repeated section); a programme file writes its goals
as a top-level `mal` list."""


class Goal(BaseModel):
    """One mål of the programme, e.g. code `1.1` with its text."""

    model_config = ConfigDict(extra="forbid")

    code: str = ""
    """As printed before the goal text, e.g. `1.1`; empty for a programme whose goals have
    no codes."""
    text: str
    """The goal's wording, exactly as in the programme."""

    @property
    def key(self) -> str:
        """How an insats names the goal: its code, or its text when it has no code."""
        return self.code.strip() or self.text.strip()

    @property
    def printed(self) -> str:
        """`<kod> <text>`, as the document prints it (decision D.8)."""
        return f"{self.code} {self.text}".strip()


class Area(BaseModel):
    """A prioriterat område with its mål."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(default="", pattern=r"^$|^[a-z][a-z0-9_-]*$")
    """Stable id of the område in the draft; the insatser are stored under it. Assigned when
    the programme is copied into a draft and never changed afterwards."""
    number: str
    """As printed in `Prioriterat område <number>. <title>`."""
    title: str
    mal: list[Goal] = Field(default_factory=empty_list)

    @property
    def whole(self) -> bool:
        """The programme's own goals, not an område (see `WHOLE_ID`)."""
        return self.id == WHOLE_ID


class Programme(BaseModel):
    """The region's prioriterade områden and mål."""

    model_config = ConfigDict(extra="forbid")

    region: str = ""
    first_year: int = 0
    """The first year of the programme's period, e.g. 2023 (0: not given)."""
    last_year: int = 0
    """The last year of the programme's period, e.g. 2030 (0: not given)."""
    omraden: list[Area] = Field(default_factory=empty_list)

    @model_validator(mode="before")
    @classmethod
    def _programme_goals(cls, data: Any) -> Any:
        """A programme file's top-level `mal` (goals of the programme itself) become the
        område `WHOLE_ID`, first."""
        if isinstance(data, dict) and "mal" in data:
            data = dict(data)
            goals = data.pop("mal")
            areas = list(data.get("omraden") or [])
            areas.insert(0, {"id": WHOLE_ID, "number": "", "title": "", "mal": goals})
            data["omraden"] = areas
        return data

    @property
    def period(self) -> str:
        """`2023–2030`, `från 2023`, or empty."""
        if self.first_year and self.last_year:
            return f"{self.first_year}–{self.last_year}"
        if self.first_year:
            return f"från {self.first_year}"
        if self.last_year:
            return f"till {self.last_year}"
        return ""

    def whole(self) -> Area | None:
        """The område of the programme's own goals, if it has any."""
        return next((a for a in self.omraden if a.whole), None)

    @model_validator(mode="after")
    def _assign_ids(self) -> Programme:
        used = {a.id for a in self.omraden if a.id}
        for area in self.omraden:
            if not area.id:
                area.id = new_area_id(area.number, used)
                used.add(area.id)
        ids = [a.id for a in self.omraden]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"områdenas id förekommer mer än en gång: {', '.join(dupes)}")
        return self

    def area(self, area_id: str) -> Area:
        """The område with this id."""
        for a in self.omraden:
            if a.id == area_id:
                return a
        raise KeyError(area_id)

    def goal(self, code: str) -> Goal | None:
        """The goal with this code (or, for a goal without a code, this text), anywhere."""
        for a in self.omraden:
            for g in a.mal:
                if g.key == code:
                    return g
        return None

    def all_goals(self) -> list[Goal]:
        """Every goal, in programme order."""
        return [g for a in self.omraden for g in a.mal]


def new_area_id(number: str, used: set[str]) -> str:
    """A fresh område id based on its number, e.g. `o1`, unique among `used`."""
    base = "o" + (re.sub(r"[^a-z0-9]+", "_", number.lower()).strip("_") or "x")
    candidate, n = base, 2
    while candidate in used:
        candidate = f"{base}_{n}"
        n += 1
    return candidate


class Region(BaseModel):
    """One of the 21 regions."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    """As printed in `Region: <name>`."""
    programme: str = ""
    """Name of its programme file in forms/programmes/, if the programme is known."""


class RegionList(BaseModel):
    """The contents of forms/regions.toml."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    regions: list[Region]
