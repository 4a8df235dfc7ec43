"""Fill a draft with a valid answer for every field, walking the form (test helper)."""

from __future__ import annotations

from typing import Any

from rsp_tui.drafts import Draft
from rsp_tui.drafts.paths import CellPath, QuestionPath, RowNamePath
from rsp_tui.forms import FormDefinition
from rsp_tui.forms.schema import (
    ChoiceField,
    DateField,
    DecimalField,
    EmailsField,
    GoalsField,
    LeafField,
    MarksField,
    ProgrammeQuestion,
    RowsQuestion,
    StaticQuestion,
    TableQuestion,
)


def value_for(field: LeafField, draft: Draft, tag: str) -> Any:
    """A valid, recognisable answer for `field`; `tag` makes it unique."""
    if isinstance(field, DateField):
        return "2024-01-15"
    if isinstance(field, DecimalField):
        return "0,5"
    if isinstance(field, EmailsField):
        return f"{tag.replace(' ', '.').replace('/', '.')}@example.se"
    if isinstance(field, ChoiceField):
        return field.options[-1]
    if isinstance(field, MarksField):
        return field.options[:2]
    if isinstance(field, GoalsField):
        codes = [g.code for g in draft.programme.all_goals()][:2]
        return {"codes": codes, "other": f"RUS {tag}"}
    return f"Svar {tag}\nandra raden"


def fill_all(form: FormDefinition, draft: Draft, insatser_per_area: int = 2) -> Draft:
    """Answer every question, every table cell and `insatser_per_area` insatser per område."""
    for section in form.sections:
        for q in section.questions:
            if isinstance(q, StaticQuestion | ProgrammeQuestion):
                continue
            if isinstance(q, TableQuestion):
                for row in q.rows:
                    for col in q.columns:
                        draft.set(
                            CellPath(q.id, row.id, col.id),
                            value_for(col, draft, f"{q.id} {row.id} {col.id}"),
                        )
                    if row.name_label:
                        draft.set(RowNamePath(q.id, row.id), f"Namn {row.id}")
            elif isinstance(q, RowsQuestion):
                for area in draft.programme.omraden:
                    for n in range(insatser_per_area):
                        draft.add_item(
                            q.id,
                            area.id,
                            {f.id: value_for(f, draft, f"{area.id} {n} {f.id}") for f in q.fields},
                        )
            else:
                draft.set(QuestionPath(q.id), value_for(q, draft, q.id))
    return draft
