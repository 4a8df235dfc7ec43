"""Property tests: a report exported by rsp-tui and imported again gives its draft back.

1. With the draft embedded in the document: any draft at all comes back exactly, whatever its
   text holds (newlines, quotes, control characters, emoji, right-to-left text, blank lines).
2. From the document's visible text alone (the embedded draft removed, as after a copy into a
   new document): drafts within what the text can carry come back with the same answers. This
   keeps the reader of the official layout in step with the exporter.

What the text can carry: no control characters; no blank lines at the ends of an answer;
single-line område titles, goal texts and names; choices and marks among their options
(marks come back in the form's order); goal codes `<område>.<n>` (the text shows only the
goals some insats names, in code order); at least one område (its table header holds the
year); and, where the text is ambiguous by nature, no line in a free-text answer that is an
område heading or a question, no "Totalt: …" or "Steg i samverkanstrappan: …" line in the cell
those values are printed into, no "1.1 …" line among the other goals. Compared: e-mails as
lists, numbers as printed, empty answers and empty insatser left out, insats ids ignored.
"""

from __future__ import annotations

import io
import os
import re
from pathlib import Path
from typing import Any

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rsp_tui.drafts import Draft, is_empty, new_draft
from rsp_tui.drafts.model import ID_KEY
from rsp_tui.drafts.paths import CellPath, QuestionPath, RowNamePath
from rsp_tui.export.docx import build
from rsp_tui.export.payload import remove
from rsp_tui.forms import FormDefinition, load_form, region_names
from rsp_tui.forms.programme import Area, Goal, Programme
from rsp_tui.forms.schema import (
    ChoiceField,
    DateField,
    DecimalField,
    EmailsField,
    GoalsField,
    LeafField,
    MarksField,
    RowsQuestion,
    TableQuestion,
)
from rsp_tui.importer import ImportResult, import_docx
from rsp_tui.textutil import format_decimal, split_emails

FORM = load_form()
SETTINGS = settings(
    # RSP_ROUNDTRIP_EXAMPLES=1000 for a deeper search than the 40 of an ordinary test run.
    max_examples=int(os.environ.get("RSP_ROUNDTRIP_EXAMPLES", "40")),
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,
    ],
)

CONTROL = list("\x00\x01\x07\x08\x0b\x0c\x0e\x1b\x1f\x7f\x85\x9f\ufffe\uffff\r")
"""Characters Word cannot hold (or that files rewrite): the document drops them."""
UNICODE = [
    "🏪",
    "👩🏽‍💼",
    "🇸🇪",
    "\u202eJämtland\u202c",
    "שלום",
    "مرحبا",
    "\u200b",
    "\ufeff",
    "\u00ad",
    "\u2028",
    "ÅÄÖ åäö",
    "\U0001d54f",
]
SYNTAX = ['"""', "'''", "\\", "\\u0000", '"', "'", "#", "[answers]", " = ", "**", "<w:t>", "&amp;"]
"""Text that means something to TOML, XML or the form's markup."""
FORM_LIKE = [
    "X",
    "x",
    "Totalt: 1,5 årsarbetskrafter",
    "Steg i samverkanstrappan: Samråd",
    "1.1 Ett mål",
    "Region: Skåne",
    "Datum",
    "Upprättad av",
    "Status",
    "Kommuner",
    "Planerade insatser",
    "Handlingsplan för verksamhetsår 2023",
]
"""Text that looks like the form's own text in the document."""
STRUCTURE = [
    "Prioriterat område 9. Fel område",
    "2. Har ni någon annan framtidsspaning som ni vill dela med er av?",
]
"""Lines that end a free-text answer in the document (an område heading, a question): the
visible text cannot tell them from the layout's own, so the visible property leaves them out."""
SPACING = ["\n", "\n\n", " ", "  ", "\t", "\u00a0", " \n"]


def text_from(fragments: list[str], max_parts: int = 6) -> st.SearchStrategy[str]:
    part = st.one_of(st.text(max_size=12), st.sampled_from(fragments))
    return st.lists(part, max_size=max_parts).map("".join)


ANY_TEXT = text_from(CONTROL + UNICODE + SYNTAX + FORM_LIKE + STRUCTURE + SPACING)


_GOAL_LIKE = re.compile(r"^\s*\d+(?:\.\d+)+\.?(\s|$)")


def _without_lines(text: str, pattern: re.Pattern[str]) -> str:
    return "\n".join(x for x in text.split("\n") if not pattern.match(x))


def _value(
    draw: Any,
    field: LeafField,
    text: st.SearchStrategy[str],
    codes: list[str],
    exact: bool,
    line: st.SearchStrategy[str] | None = None,
) -> Any:
    """A value of the kind `field` stores (shape-valid, not necessarily valid for the form).
    Outside `exact`, only values the visible text can carry; `line` is single-line text."""
    if isinstance(field, MarksField):
        options = st.sampled_from(field.options)
        if exact:
            return draw(st.lists(st.one_of(options, text), max_size=5))
        chosen = set(draw(st.lists(options, max_size=4)))
        return [o for o in field.options if o in chosen]
    if isinstance(field, GoalsField):
        code: st.SearchStrategy[str] = st.sampled_from(codes) if codes else text
        if exact:
            code = st.one_of(code, text)
        other = draw(text)
        if not exact:  # a line "1.1 Text" is a goal of the programme in the document
            other = _no_blank_end_lines(_without_lines(other, _GOAL_LIKE))
        chosen = draw(st.lists(code, max_size=3, unique=not exact)) if codes or exact else []
        return {"codes": chosen, "other": other}
    if isinstance(field, ChoiceField):
        if exact:
            return draw(st.one_of(st.sampled_from(field.options), text))
        if field.allow_other and not field.as_columns and line is not None:
            return draw(st.one_of(st.sampled_from(field.options), line))
        return draw(st.sampled_from(field.options))
    if isinstance(field, DecimalField) and not exact:
        number = draw(st.decimals(min_value=0, max_value=1000, places=2, allow_nan=False))
        return draw(st.sampled_from([format_decimal(number), str(number)]))
    if isinstance(field, DateField) and not exact:
        return draw(st.dates()).isoformat()
    if isinstance(field, EmailsField) and not exact:
        address = st.from_regex(r"[a-z0-9._%+-]{1,10}@[a-z0-9-]{1,8}\.se", fullmatch=True)
        addresses = draw(st.lists(address, min_size=1, max_size=3))
        return draw(st.sampled_from(["\n", ", ", "; ", ","])).join(addresses)
    return draw(text)


def _known(region: str) -> bool:
    from rsp_tui.forms import programme_for_region

    return programme_for_region(region) is not None


@st.composite
def drafts(
    draw: Any,
    text: st.SearchStrategy[str],
    line: st.SearchStrategy[str],
    exact: bool,
) -> Draft:
    """A draft with random answers in every kind of field, insatser in random områden and a
    programme with random områden and mål. `line` is single-line text (titles, goal texts).
    With `exact` false, only what the visible text can carry: at least one område (its table
    header holds the year), numbers as områden numbers and goal codes `<område>.<n>`."""
    form = FORM
    # From the visible text, a region whose programme rsp-tui knows gets that programme (see
    # test_import_programme.py); here the programme is read from the document itself.
    names = region_names() if exact else [r for r in region_names() if not _known(r)]
    region = draw(st.one_of(st.sampled_from(names), text if exact else st.nothing()))
    year = draw(st.integers(2022, 2030))
    areas: list[Area] = []
    numbers: set[str] = set()
    for n in range(draw(st.integers(0 if exact else 1, 3))):
        number = draw(st.one_of(st.text(max_size=4), st.sampled_from(["1", "2", "10"])))
        if not exact:
            number = str(draw(st.integers(1, 12)))
        if number in numbers and not exact:
            continue
        numbers.add(number)
        goals = []
        for g in draw(st.lists(st.integers(1, 9), unique=True, max_size=3)):
            code = (
                f"{number}.{g}" if not exact or draw(st.booleans()) else draw(st.text(max_size=5))
            )
            goals.append(Goal(code=code, text=draw(line)))
        areas.append(Area(number=number, title=draw(line), mal=goals))
        del n
    programme = Programme(region=region, omraden=areas)
    draft = new_draft(form, region, year, programme)
    codes = [g.code for g in programme.all_goals()]
    if draw(st.booleans()):
        draft.answers.pop("datum", None)

    for section in form.sections:
        for q in section.answer_questions():
            if isinstance(q, TableQuestion):
                for row in q.rows:
                    if not draw(st.booleans()):
                        continue
                    for col in q.columns:
                        if draw(st.booleans()):
                            value = _value(draw, col, text, codes, exact, line)
                            for extra in q.rendered_into(col.id):
                                if not exact:  # "Totalt: … årsarbetskrafter" is the total's line
                                    value = _no_blank_end_lines(
                                        _without_lines(value, _rendered(extra.render_format))
                                    )
                            draft.set(CellPath(q.id, row.id, col.id), value)
                    if row.name_label and draw(st.booleans()):
                        draft.set(RowNamePath(q.id, row.id), draw(line))
            elif isinstance(q, RowsQuestion):
                for area in programme.omraden:
                    for _ in range(draw(st.integers(0, 3))):
                        values = {
                            f.id: _value(draw, f, text, codes, exact)
                            for f in q.fields
                            if draw(st.booleans())
                        }
                        item = draft.add_item(q.id, area.id, values)
                        if exact and draw(st.booleans()):
                            item["_carried"] = {"year": year - 1, "note": draw(text)}
            elif draw(st.booleans()):
                draft.set(QuestionPath(q.id), _value(draw, q, text, codes, exact))
    if exact and draw(st.booleans()):
        draft.previous_year = year - 1
        draft.previous["q2"] = draw(text)
    return draft


def export_import(form: FormDefinition, draft: Draft, path: Path, *, payload: bool) -> ImportResult:
    data, _ = build(form, draft, draft_mode=True)
    if not payload:
        document = docx.Document(io.BytesIO(data))
        assert remove(document) == 1
        buffer = io.BytesIO()
        document.save(buffer)
        data = buffer.getvalue()
    path.write_bytes(data)
    return import_docx(path, form)


@pytest.fixture
def docx_path(tmp_path: Path) -> Path:
    return tmp_path / "rapport.docx"


# -- 1. exactly, with the embedded draft -----------------------------------------------------


@SETTINGS
@given(draft=drafts(ANY_TEXT, ANY_TEXT, exact=True))
def test_any_draft_comes_back_exactly(docx_path: Path, draft: Draft) -> None:
    result = export_import(FORM, draft, docx_path, payload=True)
    assert result.exact, [n.describe() for n in result.notes]
    assert result.notes == []
    back = result.draft
    assert back.answers == draft.answers
    assert back.programme == draft.programme
    assert (back.region, back.year) == (draft.region, draft.year)
    assert back.model_dump() == draft.model_dump()  # ids, carried notes and dates as well


# -- 2. from the visible text alone ----------------------------------------------------------


def _rendered(template: str) -> re.Pattern[str]:
    head = template.split("{")[0].strip()
    return re.compile(rf"^\s*{re.escape(head)}", re.IGNORECASE)


_WORD_CANNOT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\r]")
CLEAN_TEXT = text_from(UNICODE + SYNTAX + FORM_LIKE + SPACING).map(
    lambda t: _WORD_CANNOT.sub("", t)
)


def _no_blank_end_lines(text: str) -> str:
    lines = text.split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    return "\n".join(lines)


SHOWN_TEXT = CLEAN_TEXT.map(_no_blank_end_lines)
"""What the document's text can carry: no control characters, no blank lines at the ends."""
SHOWN_LINE = SHOWN_TEXT.map(lambda t: t.replace("\n", " ").strip())


def _normalised(draft: Draft) -> dict[str, Any]:
    """The answers as the visible text carries them: empty answers left out, e-mails as lists,
    numbers as printed, insats ids ignored."""
    from rsp_tui.export.writer import display_number

    def walk(value: Any, field: LeafField | None) -> Any:
        if isinstance(field, EmailsField):
            return split_emails(value)
        if isinstance(field, DecimalField):
            return display_number(value)
        return value

    out: dict[str, Any] = {}
    for section in FORM.sections:
        for q in section.answer_questions():
            value = draft.answers.get(q.id)
            if is_empty(value):
                continue
            assert value is not None
            if isinstance(q, TableQuestion):
                columns = {c.id: c for c in q.columns}
                rows = {}
                for row_id, cells in value.items():
                    kept = {k: walk(v, columns.get(k)) for k, v in cells.items() if not is_empty(v)}
                    if kept:
                        rows[row_id] = kept
                out[q.id] = rows
            elif isinstance(q, RowsQuestion):
                fields = {f.id: f for f in q.fields}
                out[q.id] = {
                    area.number: [
                        {
                            k: walk(v, fields.get(k))
                            for k, v in item.items()
                            if k != ID_KEY and not is_empty(v)
                        }
                        for item in value.get(area.id, [])
                        if not is_empty(item)  # an empty insats is an empty row
                    ]
                    for area in draft.programme.omraden
                }
            else:
                out[q.id] = walk(value, q)
    return out


def _programme(draft: Draft) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """The områden, with the mål that some insats names (the text shows no others), in the
    order of their codes (the text shows no other order)."""
    used = {
        code
        for items in (draft.answers.get("insatser") or {}).values()
        for item in items
        for code in (item.get("mal") or {}).get("codes", [])
    }

    def key(goal: Goal) -> tuple[int, ...]:
        return tuple(int(x) for x in goal.code.split("."))

    return [
        (a.number, a.title, [(g.code, g.text) for g in sorted(a.mal, key=key) if g.code in used])
        for a in draft.programme.omraden
    ]


@SETTINGS
@given(draft=drafts(SHOWN_TEXT, SHOWN_LINE, exact=False))
def test_the_visible_text_alone_gives_the_same_answers(docx_path: Path, draft: Draft) -> None:
    result = export_import(FORM, draft, docx_path, payload=False)
    assert not result.exact
    back = result.draft
    assert (back.region, back.year) == (draft.region, draft.year)
    assert _programme(back) == _programme(draft)
    assert _normalised(back) == _normalised(draft)
