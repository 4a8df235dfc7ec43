"""Provides the changes to a draft that are more than one answer: insatser added, duplicated,
removed and moved; the programme's områden and mål; the region and the year. Headless: never
imports Textual.

`DraftEdits` is mixed into `DraftSession`, so that every change the app makes goes through the
session and is counted there (`changed()`): a widget never changes the draft itself. Each
method changes the draft only when the result differs, and then counts exactly one change.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rsp_tui.drafts.model import ID_KEY, Draft
from rsp_tui.forms.programme import WHOLE_ID, Area, Goal, Programme, new_area_id
from rsp_tui.forms.schema import FormDefinition, RowsQuestion

if TYPE_CHECKING:
    from rsp_tui.drafts.programme_change import ProgrammeChange

PROGRAMME_ATTRS = {"area": ("number", "title"), "goal": ("code", "text")}
"""The attributes of an område and of a mål that the user edits."""


class DraftEdits:
    """Changes to the draft's structure, each counted as one change of the session."""

    form: FormDefinition
    draft: Draft

    def changed(self) -> None:  # provided by DraftSession
        raise NotImplementedError

    # -- insatser ------------------------------------------------------------------------

    def add_item(
        self,
        question_id: str,
        area_id: str,
        values: dict[str, Any] | None = None,
        index: int | None = None,
    ) -> str:
        """Add an insats to an område (at `index`, default last); its id."""
        item = self.draft.add_item(question_id, area_id, values, index)
        self.changed()
        return str(item[ID_KEY])

    def duplicate_item(self, question_id: str, area_id: str, item_id: str) -> str:
        """Copy an insats to a new one right below it; the copy's id.

        Raises:
            KeyError: no such insats.
        """
        original = self.draft.find_item(question_id, area_id, item_id)
        if original is None:
            raise KeyError(item_id)
        index = self._index(question_id, area_id, item_id)
        values = {k: v for k, v in original.items() if k != ID_KEY}
        return self.add_item(question_id, area_id, values, index=index + 1)

    def remove_item(self, question_id: str, area_id: str, item_id: str) -> dict[str, Any]:
        """Remove an insats; the insats removed.

        Raises:
            KeyError: no such insats.
        """
        item = self.draft.remove_item(question_id, area_id, item_id)
        self.changed()
        return item

    def move_item(self, question_id: str, area_id: str, item_id: str, offset: int) -> int:
        """Move an insats up (-1) or down (+1); its new index (unchanged at either end).

        Raises:
            KeyError: no such insats.
        """
        before = self._index(question_id, area_id, item_id)
        after = self.draft.move_item(question_id, area_id, item_id, offset)
        if after != before:
            self.changed()
        return after

    def _index(self, question_id: str, area_id: str, item_id: str) -> int:
        for n, item in enumerate(self.draft.items(question_id, area_id)):
            if item.get(ID_KEY) == item_id:
                return n
        raise KeyError(item_id)

    # -- the programme -------------------------------------------------------------------

    @property
    def areas(self) -> list[Area]:
        return self.draft.programme.omraden

    def add_area(self, number: str | None = None, title: str = "") -> Area:
        """Add a prioriterat område at the end (numbered after the last); the new område."""
        number = str(len(self.areas) + 1) if number is None else number
        used = {a.id for a in self.areas}
        area = Area(id=new_area_id(number, used), number=number, title=title)
        self.areas.append(area)
        self.changed()
        return area

    def add_whole_area(self) -> Area:
        """Add the programme's own goals (goals without an område), first, with one empty
        goal; the område that holds them."""
        area = Area(id=WHOLE_ID, number="", title="", mal=[Goal(text="")])
        self.areas.insert(0, area)
        self.changed()
        return area

    def replace_programme(self, programme: Programme) -> ProgrammeChange:
        """Put `programme` in the draft's place (a pasted or imported programme): the
        insatser follow their områden, goals the new programme lacks are kept as text and
        listed (see `replace_programme` in drafts.programme_change)."""
        from rsp_tui.drafts.programme_change import replace_programme

        change = replace_programme(self.form, self.draft, programme)
        self.changed()
        return change

    def set_period(self, attr: str, year: int) -> bool:
        """Change the programme's first or last year (0: not known); True if it differs."""
        if attr not in ("first_year", "last_year"):
            raise ValueError(attr)
        programme = self.draft.programme
        if getattr(programme, attr) == year:
            return False
        setattr(programme, attr, year)
        self.changed()
        return True

    def remove_area(self, area_id: str) -> int:
        """Remove an område together with its insatser; how many insatser went with it.

        Raises:
            KeyError: no such område.
        """
        area = self.draft.programme.area(area_id)
        self.areas.remove(area)
        removed = 0
        for question in self.rows_questions():
            by_area = self.draft.answers.get(question.id)
            if isinstance(by_area, dict):
                removed += len(by_area.pop(area_id, None) or [])
        self.changed()
        return removed

    def add_goal(self, area_id: str, code: str | None = None, text: str = "") -> int:
        """Add a mål at the end of an område (code `<number>.<n>` unless given); its index.

        Raises:
            KeyError: no such område.
        """
        area = self.draft.programme.area(area_id)
        if code is None:  # the programme's own goals (no område) have no number to follow
            code = "" if area.whole else f"{area.number}.{len(area.mal) + 1}"
        area.mal.append(Goal(code=code, text=text))
        self.changed()
        return len(area.mal) - 1

    def remove_goal(self, area_id: str, index: int) -> Goal:
        """Remove the mål at `index` of an område; the mål removed (insatser that chose it
        keep its code, and validation names it).

        Raises:
            KeyError: no such område.
            IndexError: no such mål.
        """
        goal = self.draft.programme.area(area_id).mal.pop(index)
        self.changed()
        return goal

    def set_area(self, area_id: str, attr: str, value: str) -> bool:
        """Change an område's number or title; True if it differs.

        Raises:
            KeyError: no such område.
            ValueError: not an attribute the user edits.
        """
        if attr not in PROGRAMME_ATTRS["area"]:
            raise ValueError(attr)
        return self._set_attr(self.draft.programme.area(area_id), attr, value)

    def set_goal(self, area_id: str, index: int, attr: str, value: str) -> bool:
        """Change a mål's code or text; True if it differs.

        Raises:
            KeyError: no such område.
            IndexError: no such mål.
            ValueError: not an attribute the user edits.
        """
        if attr not in PROGRAMME_ATTRS["goal"]:
            raise ValueError(attr)
        return self._set_attr(self.draft.programme.area(area_id).mal[index], attr, value)

    def _set_attr(self, target: Area | Goal, attr: str, value: str) -> bool:
        if getattr(target, attr) == value:
            return False
        setattr(target, attr, value)
        self.changed()
        return True

    def rows_questions(self) -> list[RowsQuestion]:
        """The insatser questions (one list of insatser per område)."""
        section = self.form.repeat_section
        if section is None:
            return []
        return [q for q in section.questions if isinstance(q, RowsQuestion)]

    def goal_uses(self, code: str) -> int:
        """How many insatser have chosen the mål `code`."""
        used = 0
        for question in self.rows_questions():
            for items in (self.draft.answers.get(question.id) or {}).values():
                for item in items:
                    if any(code in f.goal_codes_of(item.get(f.id)) for f in question.fields):
                        used += 1
        return used

    def item_count(self, area_id: str) -> int:
        """How many insatser an område has."""
        return sum(
            len((self.draft.answers.get(q.id) or {}).get(area_id, []))
            for q in self.rows_questions()
        )

    # -- region and year -----------------------------------------------------------------

    def set_region(self, region: str, programme: Programme | None = None) -> bool:
        """Change the report's region; with `programme`, replace the programme too (the new
        region's) by the one rule of `replace_programme`: no insats is lost (they follow
        their områden by number, else title; an old område with insatser and no counterpart
        stays). True if anything changed; one change is counted.
        """
        from rsp_tui.drafts.programme_change import replace_programme

        changed = False
        if region and region != self.draft.region:
            self.draft.region = region
            changed = True
        if programme is not None:
            trial = self.draft.model_copy(deep=True)
            replace_programme(self.form, trial, programme)
            if (trial.programme, trial.answers) != (self.draft.programme, self.draft.answers):
                replace_programme(self.form, self.draft, programme)
                changed = True
        if changed:
            self.changed()
        return changed

    def preview_programme(self, programme: Programme) -> ProgrammeChange:
        """What `replace_programme(programme)` would do, without changing the draft."""
        from rsp_tui.drafts.programme_change import replace_programme

        return replace_programme(self.form, self.draft.model_copy(deep=True), programme)

    def set_year(self, year: int) -> bool:
        """Change the verksamhetsår; True if it differs."""
        if year == self.draft.year:
            return False
        self.draft.year = year
        self.changed()
        return True
