"""The one TOML writer of draft files writes exactly what tomlkit writes for the same draft
(tomlkit, driven as a person would build the document, is the reference kept here), and any
other value TOML can hold reads back the same; a value TOML cannot hold is refused."""

from __future__ import annotations

import tomllib
from datetime import UTC, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rsp_tui.drafts import Draft, dumps, load_draft
from rsp_tui.drafts.fileformat import TOP_KEYS, split_checksum
from rsp_tui.drafts.fileformat import body as writer_body
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
    assert writer_body(data) == tomlkit_body(data)


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


@pytest.mark.parametrize(
    "odd",
    [1.5, -0.25, 1e300, [[1, 2]], [{"a": 1}, "b"], datetime(2024, 1, 1).date(), time(8, 30)],
)
def test_other_values_toml_can_hold_read_back_the_same(draft: Draft, odd: Any) -> None:
    draft.answers["x"] = {"y": odd}
    text = dumps(draft)
    body, intact = split_checksum(text, Path("x.toml"))
    assert intact and tomllib.loads(body)["answers"]["x"]["y"] == odd


def test_a_value_toml_cannot_hold_is_refused(draft: Draft) -> None:
    draft.answers["x"] = {"y": None}
    with pytest.raises(Unsupported):
        dumps(draft)


def _toml_value(value: Any) -> Any:
    import tomlkit

    if isinstance(value, str):
        # Multi-line answers as """ strings (PITFALLS: much faster for long text, and readable).
        # A lone CR cannot be kept by a multi-line string, so such text stays on one line.
        if "\n" in value and "\r" not in value:
            return tomlkit.string(value, multiline=True)
        return tomlkit.string(value)
    if isinstance(value, list):
        if value and all(isinstance(v, dict) for v in value):
            aot = tomlkit.aot()
            for item in value:
                aot.append(_toml_table(item))
            return aot
        arr = tomlkit.array()
        for v in value:
            arr.append(_toml_value(v))
        return arr
    if isinstance(value, dict):
        return _toml_table(value)
    return value


def _toml_table(mapping: dict[str, Any]) -> Any:
    import tomlkit

    table = tomlkit.table()
    # Plain values first, then sub-tables, so the file reads top-down.
    for key, val in mapping.items():
        if not isinstance(val, dict) and not _is_aot(val):
            table.add(key, _toml_value(val))
    for key, val in mapping.items():
        if isinstance(val, dict) or _is_aot(val):
            table.add(key, _toml_value(val))
    return table


def _is_aot(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)


def tomlkit_body(data: dict[str, Any]) -> str:
    """The TOML of a dumped draft, written by tomlkit: the reference for the writer."""
    import tomlkit

    doc = tomlkit.document()
    for key in TOP_KEYS:
        doc.add(key, _toml_value(data[key]))
    doc.add("created", data["created"])
    doc.add("updated", data["updated"])
    if data["previous_year"] is not None:
        doc.add("previous_year", data["previous_year"])
    doc.add(tomlkit.nl())
    doc.add("programme", _toml_table(data["programme"]))
    doc.add("answers", _toml_table(data["answers"]))
    if data["previous"]:
        doc.add("previous", _toml_table(data["previous"]))
    return str(tomlkit.dumps(doc))
