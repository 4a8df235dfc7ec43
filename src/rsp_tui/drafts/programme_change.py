"""Provides `replace_programme`: a new programme put into a draft (pasted in the app, read
from a colleague's programme file, or taken at the rollover to a new programme period) without
losing any insats.

The insatser follow their område: by number, else by title; an område of the old programme
that has insatser and no counterpart in the new one stays, with its goals, and is listed. Each
insats keeps the goals whose code (or, for a goal without a code, text) the new programme has;
any other goal is written, code and text, into the insats's other goals and listed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rsp_tui.drafts.model import Draft
from rsp_tui.forms.programme import Area, Programme, new_area_id
from rsp_tui.forms.schema import FormDefinition, GoalsField, RowsQuestion


@dataclass
class ProgrammeChange:
    """What replacing the programme did to the insatser."""

    kept_areas: list[str] = field(default_factory=list)
    """Områden of the old programme kept because they have insatser: `Område 4. Titel`."""
    moved_goals: list[str] = field(default_factory=list)
    """`Område 1, insats 2: målet 1.4 finns inte i det nya programmet; …`."""

    def lines(self) -> list[str]:
        """Swedish lines for the user (empty when nothing needs a look)."""
        out = [
            f"{name} finns inte i det nya programmet; området ligger kvar med sina insatser"
            for name in self.kept_areas
        ]
        return out + self.moved_goals


def _counterpart(old: Area, new: Programme) -> Area | None:
    if old.whole:
        return new.whole()
    for area in new.omraden:
        if not area.whole and old.number.strip() and area.number.strip() == old.number.strip():
            return area
    for area in new.omraden:
        if not area.whole and old.title.strip() and area.title.strip() == old.title.strip():
            return area
    return None


def _rows_questions(form: FormDefinition) -> list[RowsQuestion]:
    return [
        q for s in form.sections for q in s.answer_questions() if isinstance(q, RowsQuestion)
    ]


def replace_programme(form: FormDefinition, draft: Draft, new: Programme) -> ProgrammeChange:
    """Put a copy of `new` in place of the draft's programme; the insatser follow (see the
    module docstring). The draft's region stays the draft's."""
    change = ProgrammeChange()
    programme = new.model_copy(deep=True)
    programme.region = draft.region or programme.region
    old = draft.programme
    questions = _rows_questions(form)

    def has_items(area: Area) -> bool:
        return any((draft.answers.get(q.id) or {}).get(area.id) for q in questions)

    target: dict[str, str] = {}
    for area in old.omraden:
        match = _counterpart(area, programme)
        if match is None and has_items(area):
            used = {a.id for a in programme.omraden}
            kept = area.model_copy(deep=True)
            if kept.id in used:
                kept.id = new_area_id(kept.number, used)
            programme.omraden.append(kept)
            change.kept_areas.append(form.area_name(area, with_title=True))
            match = kept
        if match is not None:
            target[area.id] = match.id

    names = {a.id: form.area_name(a, with_title=True) for a in programme.omraden}
    for q in questions:
        by_area: dict[str, Any] = draft.answers.get(q.id) or {}
        moved: dict[str, list[dict[str, Any]]] = {}
        for old_id, items in by_area.items():
            new_id = target.get(old_id, old_id)
            moved.setdefault(new_id, []).extend(items)
        # The goals kind's value is rewritten here (codes kept, the others' texts moved to
        # its free text), so this stays a switch on that one kind.
        goal_fields = [f.id for f in q.fields if isinstance(f, GoalsField)]
        for area_id, items in moved.items():
            for n, item in enumerate(items, 1):
                for fid in goal_fields:
                    where = f"{names.get(area_id, area_id)}, {q.item_label.lower()} {n}"
                    _keep_known_goals(item, fid, old, programme, where, change)
        if q.id in draft.answers:
            draft.answers[q.id] = moved
    rows = {q.id for q in questions}
    previous: dict[str, Any] = {}
    for key, value in draft.previous.items():  # last year's values follow their insats
        parts = key.split("/")
        if len(parts) >= 3 and parts[0] in rows:
            parts[1] = target.get(parts[1], parts[1])
        previous["/".join(parts)] = value
    draft.previous = previous
    draft.programme = programme
    return change


def _keep_known_goals(
    item: dict[str, Any],
    fid: str,
    old: Programme,
    new: Programme,
    where: str,
    change: ProgrammeChange,
) -> None:
    value = item.get(fid)
    if not isinstance(value, dict):
        return
    codes = [str(c) for c in value.get("codes") or []]
    kept = [c for c in codes if new.goal(c) is not None]
    gone = [c for c in codes if new.goal(c) is None]
    if not gone:
        return
    lines = []
    for code in gone:
        goal = old.goal(code)
        lines.append(goal.printed if goal is not None else code)
        change.moved_goals.append(
            f"{where}: målet {code} finns inte i det nya programmet; det står nu under andra mål"
        )
    other = str(value.get("other") or "")
    value["codes"] = kept
    value["other"] = "\n".join([*lines, other] if other.strip() else lines)
