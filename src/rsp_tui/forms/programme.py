"""Provides the region's own programme (prioriterade områden and their mål) and the region list.

A programme comes from forms/programmes/<name>.toml and is copied into each new draft, where the
user may edit it; the draft's copy is what the app and the document use.
"""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict, Field, model_validator


class Goal(BaseModel):
    """One mål of the programme, e.g. code `1.1` with its text."""

    model_config = ConfigDict(extra="forbid")

    code: str
    """As printed before the goal text, e.g. `1.1`."""
    text: str
    """The goal's wording, exactly as in the programme."""

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
    mal: list[Goal] = Field(default_factory=list)


class Programme(BaseModel):
    """The region's prioriterade områden and mål."""

    model_config = ConfigDict(extra="forbid")

    region: str = ""
    omraden: list[Area] = Field(default_factory=list)

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
        """The goal with this code, in any område."""
        for a in self.omraden:
            for g in a.mal:
                if g.code == code:
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
