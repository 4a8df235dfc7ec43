"""Every change to a draft's structure goes through the session and counts as one change:
insatser added, duplicated, removed and moved; the programme's områden and mål; region and
year. A change that changes nothing counts as none."""

from __future__ import annotations

from pathlib import Path

import pytest

from rsp_tui.drafts.model import Draft
from rsp_tui.drafts.session import DraftSession
from rsp_tui.forms import FormDefinition
from rsp_tui.forms.programme import Area, Goal, Programme

Q = "insatser"


@pytest.fixture
def session(form: FormDefinition, draft: Draft, tmp_path: Path) -> DraftSession:
    return DraftSession(form, draft, tmp_path / "utkast.toml")


def planned(session: DraftSession, area: str = "o1") -> list[str]:
    return [i.get("planerade", "") for i in session.draft.items(Q, area)]


def test_insatser_added_duplicated_moved_and_removed(session: DraftSession) -> None:
    first = session.add_item(Q, "o1", {"planerade": "A", "serviceslag": ["Dagligvaror"]})
    assert session.change_count == 1 and session.dirty
    second = session.add_item(Q, "o1", {"planerade": "B"})
    copy = session.duplicate_item(Q, "o1", first)
    assert session.change_count == 3
    assert planned(session) == ["A", "A", "B"]
    assert copy != first
    items = session.draft.items(Q, "o1")
    assert items[1]["serviceslag"] == ["Dagligvaror"]
    assert items[1]["serviceslag"] is not items[0]["serviceslag"]  # a copy, not shared

    assert session.move_item(Q, "o1", second, -1) == 1
    assert planned(session) == ["A", "B", "A"]
    assert session.change_count == 4
    assert session.move_item(Q, "o1", first, -1) == 0  # already first: no change
    assert session.change_count == 4

    removed = session.remove_item(Q, "o1", second)
    assert removed["planerade"] == "B"
    assert planned(session) == ["A", "A"]
    assert session.change_count == 5
    with pytest.raises(KeyError):
        session.remove_item(Q, "o1", second)
    with pytest.raises(KeyError):
        session.duplicate_item(Q, "o1", "finnsinte")
    assert session.change_count == 5


def test_programme_edits(session: DraftSession) -> None:
    areas = session.draft.programme.omraden
    count = len(areas)
    area = session.add_area()
    assert area.number == str(count + 1) and area.id not in {a.id for a in areas[:-1]}
    assert session.change_count == 1

    assert session.set_area(area.id, "title", "Ny rubrik")
    assert not session.set_area(area.id, "title", "Ny rubrik")  # the same: no change
    assert session.change_count == 2
    assert session.draft.programme.area(area.id).title == "Ny rubrik"

    index = session.add_goal(area.id)
    assert session.draft.programme.area(area.id).mal[index].code == f"{area.number}.1"
    assert session.set_goal(area.id, index, "text", "Ett mål")
    assert session.change_count == 4
    with pytest.raises(ValueError):
        session.set_goal(area.id, index, "id", "x")  # only code and text are edited

    goal = session.remove_goal(area.id, index)
    assert goal.text == "Ett mål" and session.draft.programme.area(area.id).mal == []
    assert session.change_count == 5


def test_removing_an_omrade_takes_its_insatser(session: DraftSession) -> None:
    session.add_item(Q, "o1", {"planerade": "A"})
    session.add_item(Q, "o1", {"planerade": "B"})
    session.add_item(Q, "o2", {"planerade": "C"})
    assert session.item_count("o1") == 2
    before = session.change_count
    assert session.remove_area("o1") == 2
    assert session.change_count == before + 1
    assert "o1" not in session.draft.answers[Q]
    assert planned(session, "o2") == ["C"]
    assert [a.id for a in session.draft.programme.omraden][0] != "o1"
    with pytest.raises(KeyError):
        session.remove_area("o1")


def test_goal_uses_counts_insatser(session: DraftSession) -> None:
    code = session.draft.programme.omraden[0].mal[0].code
    session.add_item(Q, "o1", {"mal": {"codes": [code], "other": ""}})
    session.add_item(Q, "o2", {"mal": {"codes": [code], "other": ""}})
    session.add_item(Q, "o2", {"mal": {"codes": [], "other": "x"}})
    assert session.goal_uses(code) == 2


def test_region_change_keeps_or_replaces_the_programme(session: DraftSession) -> None:
    old = session.draft.programme.model_copy(deep=True)
    session.add_item(Q, "o1", {"planerade": "A"})
    before = session.change_count

    assert session.set_region("Västernorrland")  # the programme stays, explicitly
    assert session.draft.region == "Västernorrland"
    assert session.draft.programme == old
    assert session.change_count == before + 1
    assert not session.set_region("Västernorrland")
    assert session.change_count == before + 1

    other = Programme(
        region="Västernorrland",
        omraden=[Area(id="o1", number="1", title="Ett", mal=[Goal(code="1.1", text="m")])],
    )
    assert session.set_region("Västernorrland", other)
    assert session.draft.programme.region == "Västernorrland"
    assert [a.id for a in session.draft.programme.omraden] == ["o1"]
    assert planned(session) == ["A"]  # the same område id: its insatser stay
    assert session.change_count == before + 2
    other.omraden[0].title = "ändrat efteråt"  # the draft has its own copy
    assert session.draft.programme.omraden[0].title == "Ett"


def test_region_change_with_a_programme_keeps_every_insats(session: DraftSession) -> None:
    """The one rule of replace_programme: insatser follow their område by number (the new
    programme's ids differ), and an old område with insatser and no counterpart stays."""
    areas = session.draft.programme.omraden
    first, last = areas[0], areas[-1]
    session.add_item(Q, first.id, {"planerade": "A"})
    session.add_item(Q, last.id, {"planerade": "Z"})
    before = session.change_count
    other = Programme(
        region="Västernorrland",
        omraden=[Area(id="nytt1", number=first.number, title="Ny rubrik", mal=[])],
    )
    preview = session.preview_programme(other)
    assert session.change_count == before and session.draft.programme.omraden[0] == first

    assert session.set_region("Västernorrland", other)
    assert session.change_count == before + 1
    new_areas = session.draft.programme.omraden
    assert new_areas[0].id == "nytt1" and planned(session, "nytt1") == ["A"]
    kept = [a for a in new_areas if a.title == last.title]
    assert len(kept) == 1 and planned(session, kept[0].id) == ["Z"]
    assert preview.kept_areas and preview.kept_areas[0].startswith(f"Område {last.number}")
    assert not session.set_region("Västernorrland", other)  # the same again: no change
    assert session.change_count == before + 1


def test_year_change(session: DraftSession) -> None:
    year = session.draft.year
    assert not session.set_year(year)
    assert session.change_count == 0
    assert session.set_year(year + 1)
    assert session.draft.year == year + 1 and session.change_count == 1
