"""The fast TOML writer of draft files writes exactly what tomlkit writes for the same draft
(tomlkit is the reference), and falls back to tomlkit for values it does not handle."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rsp_tui.drafts import Draft, dumps, load_draft
from rsp_tui.drafts.store import _body_fast, _body_tomlkit
from rsp_tui.drafts.tomlwrite import Unsupported
from rsp_tui.forms import FormDefinition
from rsp_tui.rollover import rollover
from tests.fill import fill_all
from tests.unit.test_store import TEXT

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "exempel-2023.toml"

KEY = st.one_of(
    st.from_regex(r"[a-z_][a-z0-9_]{0,8}", fullmatch=True),
    st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=12),
    st.sampled_from(["q4/rsp/namn", "a b", "å", '"', "\\", "", "-", "1", "\n"]),
)
SCALAR = st.one_of(TEXT, st.integers(), st.booleans())
LEAF = st.one_of(SCALAR, st.lists(SCALAR, max_size=4))


def _tables(children: Any) -> Any:
    table = st.dictionaries(KEY, children, max_size=4)
    return st.one_of(table, st.lists(table, min_size=1, max_size=3))


VALUE = st.recursive(LEAF, _tables, max_leaves=25)
MAPPING = st.dictionaries(KEY, VALUE, max_size=5)


def _same(draft: Draft) -> None:
    data = draft.model_dump(mode="python")
    assert _body_fast(data) == _body_tomlkit(data)


def test_the_example_and_a_filled_draft_are_written_as_tomlkit_writes_them(
    form: FormDefinition, draft: Draft
) -> None:
    _same(load_draft(EXAMPLE).draft)
    _same(draft)  # new: empty answers
    _same(fill_all(form, draft, insatser_per_area=3))


def test_a_rolled_over_draft_with_previous_values(form: FormDefinition, draft: Draft) -> None:
    fill_all(form, draft)
    new = rollover(form, draft, draft.year + 1).draft
    assert new.previous  # quoted keys such as "q4/rsp/namn"
    _same(new)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(answers=MAPPING, previous=MAPPING, region=TEXT, utc=st.booleans())
def test_any_answers_are_written_as_tomlkit_writes_them(
    draft: Draft, answers: dict[str, Any], previous: dict[str, Any], region: str, utc: bool
) -> None:
    draft.answers = answers
    draft.previous = previous
    draft.region = region
    draft.previous_year = 2022 if previous else None
    draft.updated = datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC if utc else None)
    draft.created = datetime(2024, 1, 2, 3, 4, 5, 678, tzinfo=timezone(timedelta(hours=1)))
    _same(draft)


@pytest.mark.parametrize("odd", [1.5, None, [[1, 2]], [{"a": 1}, "b"], datetime(2024, 1, 1).date()])
def test_values_it_does_not_handle_go_to_tomlkit(draft: Draft, odd: Any) -> None:
    draft.answers["x"] = {"y": odd}
    data = draft.model_dump(mode="python")
    with pytest.raises(Unsupported):
        _body_fast(data)
    if odd is None:
        with pytest.raises(Exception):  # noqa: B017 (tomlkit cannot write None either)
            dumps(draft)
    else:
        assert dumps(draft).startswith("# rsp-tui")
