"""Provides the parts of one report: the form's sections, with the repeated section expanded
into one part per prioriterat område of the draft's programme. The app shows one screen per
part; validation and the document walk the same list."""

from __future__ import annotations

from dataclasses import dataclass

from rsp_tui.drafts.model import Draft
from rsp_tui.forms.programme import Area
from rsp_tui.forms.schema import FormDefinition, Section


@dataclass(frozen=True)
class Part:
    """A section of the form as it appears in one report."""

    section: Section
    area: Area | None = None
    """The prioriterat område, for the repeated section."""

    @property
    def key(self) -> str:
        """Stable key: the section id, plus `:<område id>` for a repeated section."""
        return f"{self.section.id}:{self.area.id}" if self.area else self.section.id

    @property
    def title(self) -> str:
        """Title for the sidebar, e.g. `1 Efterfrågan` or `Område 2`."""
        if self.area is not None:
            return self.section.title.format(number=self.area.number, title=self.area.title)
        return self.section.title

    @property
    def heading(self) -> str:
        """Heading printed before the part, e.g. `Prioriterat område 2. Stärka …`."""
        template = self.section.heading
        if not template:
            return ""
        if self.area is not None:
            return template.format(number=self.area.number, title=self.area.title)
        return template


def parts(form: FormDefinition, draft: Draft) -> list[Part]:
    """Every part of the report, in the form's order."""
    out: list[Part] = []
    for section in form.sections:
        if section.repeat == "omrade":
            out.extend(Part(section, area) for area in draft.programme.omraden)
        else:
            out.append(Part(section))
    return out
