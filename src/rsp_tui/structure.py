"""Provides the parts of one report: the form's sections, with the repeated section expanded
into one part per prioriterat område of the draft's programme. The app shows one screen per
part; validation and the document walk the same list."""

from __future__ import annotations

from dataclasses import dataclass

from rsp_tui.drafts.model import Draft
from rsp_tui.drafts.paths import CellPath, FormPath, InsatsPath, QuestionPath, RowNamePath
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
        if self.area is not None and self.area.whole and self.section.whole_title:
            return self.section.whole_title
        if self.area is not None:
            return self.section.title.format(number=self.area.number, title=self.area.title)
        return self.section.title

    @property
    def heading(self) -> str:
        """Heading printed before the part, e.g. `Prioriterat område 2. Stärka …`."""
        template = self.section.heading
        if not template:
            return ""
        if self.area is not None and self.area.whole and self.section.whole_heading:
            return self.section.whole_heading
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


def locate_path(form: FormDefinition, draft: Draft, path: FormPath) -> tuple[str, str]:
    """The part key and a Swedish description of where the answer at `path` is asked, e.g.
    `("q4", "4 Kontaktpersoner › Kontaktperson för RSP › Namn")`."""
    from rsp_tui.forms.schema import RowsQuestion, TableQuestion

    question = form.question(path.question)
    section = form.section_of(path.question)
    if isinstance(question, RowsQuestion) and isinstance(path, InsatsPath):
        area = next((a for a in draft.programme.omraden if a.id == path.area), None)
        part = Part(section, area)
        items = (draft.answers.get(question.id) or {}).get(path.area, [])
        index = next((n for n, i in enumerate(items, 1) if i.get("_id") == path.item), 0)
        field = question.field(path.field).display_label
        return part.key, f"{part.title} › {question.item_label} {index} › {field}"
    part = Part(section)
    bits = [part.title]
    if isinstance(question, TableQuestion) and isinstance(path, CellPath | RowNamePath):
        row = next((r for r in question.rows if r.id == path.row), None)
        bits.append(row.label if row else path.row)
        if isinstance(path, RowNamePath):
            bits.append(row.name_label if row is not None else "")
        else:
            column = next((c for c in question.columns if c.id == path.column), None)
            bits.append(column.display_label if column else path.column)
    else:
        bits.append(form.question_name(question) or path.question)
    return part.key, " › ".join(b for b in bits if b)


def _group(path: FormPath) -> tuple[str, ...]:
    """Answers shown together: a question's own, a table row's, an insats's."""
    if isinstance(path, QuestionPath):
        return (path.question,)
    if isinstance(path, InsatsPath):
        return (path.question, path.area, path.item)
    return (path.question, path.row)


def unchanged_groups(form: FormDefinition, draft: Draft) -> list[tuple[str, str, FormPath]]:
    """The answers still identical to last year's, grouped by table row or insats:
    `(part key, "Område 1 › Insats 2: Planerade insatser, Mål", first path)`."""
    groups: dict[tuple[str, ...], list[FormPath]] = {}
    for path in draft.unchanged_from_previous():
        groups.setdefault(_group(path), []).append(path)
    out: list[tuple[str, str, FormPath]] = []
    for paths in groups.values():
        key, where = locate_path(form, draft, paths[0])
        if len(paths) > 1 or not isinstance(paths[0], QuestionPath):
            head, _, _ = where.rpartition(" › ")
            names = [locate_path(form, draft, p)[1].rpartition(" › ")[2] for p in paths]
            where = f"{head}: {', '.join(names)}"
        out.append((key, where, paths[0]))
    return out
