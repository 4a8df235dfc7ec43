"""Typed answer paths: resolved against the form, read and written on the example draft, kept
as strings in `Draft.previous`, and refused by the session when they do not fit the form."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from rsp_tui.drafts import load_draft
from rsp_tui.drafts.model import Draft
from rsp_tui.drafts.paths import (
    AnswerPath,
    CellPath,
    FormPath,
    InsatsPath,
    PathError,
    QuestionPath,
    RegionPath,
    RowNamePath,
    YearPath,
    parse_path,
    path_from_key,
    resolve,
)
from rsp_tui.drafts.session import DraftSession
from rsp_tui.forms import FormDefinition
from rsp_tui.forms.schema import ChoiceField, GoalsField, TextField
from rsp_tui.rollover import rollover

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "exempel-2023.toml"


@pytest.fixture
def example() -> Draft:
    return load_draft(EXAMPLE).draft


def first_item(draft: Draft) -> str:
    return str(draft.items("insatser", "o1")[0]["_id"])


def test_good_paths_resolve_to_their_field_kind(form: FormDefinition, example: Draft) -> None:
    assert resolve(form, QuestionPath("q2")).id == "q2"
    bedomning = resolve(form, CellPath("q1", "servicebidrag", "bedomning"))
    assert isinstance(bedomning, ChoiceField) and bedomning.id == "bedomning"
    name = resolve(form, RowNamePath("q6", "annan"))
    assert isinstance(name, TextField) and name.label == "Vilken aktör?"
    goals = resolve(form, InsatsPath("insatser", "o1", first_item(example), "mal"))
    assert isinstance(goals, GoalsField)


@pytest.mark.parametrize(
    ("path", "message"),
    [
        (QuestionPath("q99"), 'okänd fråga "q99" (finns inte i formuläret rsp-uppfoljning)'),
        (QuestionPath("q1"), "Fråga 1 är en tabell: ange rad och kolumn"),
        (QuestionPath("insatser"), "har rader: ange område, rad och fält"),
        (QuestionPath("programmet"), "har inget svar"),
        (CellPath("q2", "servicebidrag", "bedomning"), "Fråga 2 är ingen tabell"),
        (CellPath("q1", "finns_inte", "bedomning"), 'okänd rad "finns_inte" i Fråga 1'),
        (CellPath("q1", "servicebidrag", "finns_inte"), 'okänd kolumn "finns_inte" i Fråga 1'),
        (RowNamePath("q1", "servicebidrag"), "har inget namn att fylla i"),
        (RowNamePath("q2", "annan"), "Fråga 2 är ingen tabell"),
        (InsatsPath("q1", "o1", "abcd", "mal"), "Fråga 1 har inga rader"),
        (InsatsPath("insatser", "o1", "abcd", "finns_inte"), 'okänt fält "finns_inte"'),
        (InsatsPath("insatser", "o1", "", "mal"), "område och rad måste anges"),
    ],
)
def test_wrong_paths_are_refused_with_a_swedish_message(
    form: FormDefinition, path: FormPath, message: str
) -> None:
    with pytest.raises(PathError) as excinfo:
        resolve(form, path)
    assert message in str(excinfo.value)


def _paths(example: Draft) -> list[tuple[AnswerPath, object]]:
    """One path of each type with a new value for it."""
    return [
        (QuestionPath("q2"), "Ny text"),
        (CellPath("q1", "servicebidrag", "kommentar"), "Ny kommentar"),
        (RowNamePath("q6", "annan"), "Ny aktör"),
        (InsatsPath("insatser", "o1", first_item(example), "resurser"), "Regionen, 10 tkr"),
        (RegionPath(), "Västerbotten"),
        (YearPath(), 2024),
    ]


def test_get_and_set_round_trip_for_every_path_type(example: Draft) -> None:
    assert example.get(RowNamePath("q6", "annan")) == "Energibolaget i länet"
    assert example.get(CellPath("q1", "servicebidrag", "bedomning")) == (
        example.answers["q1"]["servicebidrag"]["bedomning"]
    )
    assert example.get(RegionPath()) == "Jämtland Härjedalen" and example.get(YearPath()) == 2023
    for path, value in _paths(example):
        before = example.get(path)
        assert before is not None and before != value
        example.set(path, value)
        assert example.get(path) == value
    assert example.answers["q6"]["annan"]["_name"] == "Ny aktör"
    assert example.region == "Västerbotten" and example.year == 2024


def test_a_missing_answer_reads_as_none_and_is_created_on_set(form: FormDefinition) -> None:
    from rsp_tui.drafts import new_draft

    draft = new_draft(form, "Jämtland Härjedalen", 2023)
    cell = CellPath("q3", "processledning", "totalt")
    assert draft.get(cell) is None and draft.get(RowNamePath("q6", "annan")) is None
    draft.set(cell, "0,5")
    assert draft.answers["q3"] == {"processledning": {"totalt": "0,5"}}
    with pytest.raises(KeyError):
        draft.set(InsatsPath("insatser", "o1", "saknas", "resurser"), "x")


def test_keys_round_trip_against_the_form(form: FormDefinition, example: Draft) -> None:
    for path, _ in _paths(example):
        assert parse_path(form, path.key) == path
        assert path_from_key(path.key) == path
    assert CellPath("q1", "servicebidrag", "kommentar").key == "q1/servicebidrag/kommentar"
    assert RowNamePath("q6", "annan").key == "q6/annan/_name"
    for key in ("", "q1/servicebidrag", "a/b/c/d/e", "q1//kommentar"):
        with pytest.raises(PathError, match="ogiltig sökväg"):
            path_from_key(key)
    with pytest.raises(PathError, match='okänd kolumn "x"'):
        parse_path(form, "q1/servicebidrag/x")


def test_previous_keys_round_trip(form: FormDefinition, example: Draft) -> None:
    """Rollover keys `previous` by the paths' strings; every key reads back to a path that
    fits the form and finds last year's value."""
    new = rollover(form, example).draft
    assert new.previous
    for key, old in new.previous.items():
        path = parse_path(form, key)
        assert path.key == key
        assert new.previous_value(path) == old == new.get(path)
    assert set(new.unchanged_from_previous()) == {path_from_key(k) for k in new.previous}


def test_the_session_refuses_a_wrong_path_and_leaves_the_draft_unchanged(
    form: FormDefinition, example: Draft, tmp_path: Path
) -> None:
    session = DraftSession(form, example, tmp_path / "utkast.toml")
    before = copy.deepcopy(example.model_dump())
    wrong: list[AnswerPath] = [
        QuestionPath("q99"),
        QuestionPath("q1"),
        CellPath("q1", "servicebidrag", "finns_inte"),
        RowNamePath("q1", "servicebidrag"),
        InsatsPath("insatser", "o1", first_item(example), "finns_inte"),
    ]
    for path in wrong:
        with pytest.raises(PathError):
            session.set(path, "svar")
    with pytest.raises(KeyError):
        session.set(InsatsPath("insatser", "o1", "saknas", "resurser"), "svar")
    with pytest.raises(PathError):
        session.set(YearPath(), "2024")
    assert example.model_dump() == before
    assert not session.dirty
    assert session.set(QuestionPath("q2"), "Nytt svar") and session.dirty
    assert session.set(YearPath(), 2024) and example.year == 2024
