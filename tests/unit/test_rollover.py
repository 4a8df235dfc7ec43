"""Rollover: next year's report from this year's; what is carried, how, and the old file kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from rsp_tui.cli import main
from rsp_tui.drafts import Draft, load_draft, save_draft
from rsp_tui.drafts.paths import CellPath, InsatsPath, RowNamePath
from rsp_tui.forms import FormDefinition
from rsp_tui.rollover import CARRIED_KEY, rollover
from tests.fill import fill_all


@pytest.fixture
def old(form: FormDefinition, draft: Draft) -> Draft:
    fill_all(form, draft, insatser_per_area=0)
    draft.add_item("insatser", "o1", {
        "planerade": "Servicedialog i kommunerna\nFyra träffar", "mal": {"codes": ["1.2"], "other": "RUS 3"},
        "resurser": "Regionen, 200 tkr", "serviceslag": ["Dagligvaror", "Drivmedel"],
        "prestationer": "Fyra träffar hölls", "effekter": "Bättre kunskap", "status": "Fortsätter",
        "vidare": "Bjud in fler handlare",
    })
    draft.add_item("insatser", "o1", {"planerade": "Kartläggning", "status": "Klar", "vidare": "Klar 2023"})
    draft.add_item("insatser", "o3", {"planerade": "Länsnätverk", "resurser": "Lst"})
    return draft


def test_continuing_insatser_are_carried_without_results(form: FormDefinition, old: Draft) -> None:
    result = rollover(form, old)
    new = result.draft
    assert (new.year, new.region, new.previous_year) == (2024, old.region, 2023)
    (carried,) = new.items("insatser", "o1")
    assert carried["planerade"] == "Servicedialog i kommunerna\nFyra träffar"
    assert carried["mal"] == {"codes": ["1.2"], "other": "RUS 3"}
    assert carried["resurser"] == "Regionen, 200 tkr"
    assert carried["serviceslag"] == ["Dagligvaror", "Drivmedel"]
    for emptied in ("prestationer", "effekter", "status", "vidare"):
        assert emptied not in carried
    assert carried[CARRIED_KEY] == {"year": 2023, "note": "Bjud in fler handlare"}
    assert carried["_id"] != old.items("insatser", "o1")[0]["_id"]
    # no status given: carried, so that nothing is lost by mistake
    (unsure,) = new.items("insatser", "o3")
    assert unsure["planerade"] == "Länsnätverk"
    assert new.items("insatser", "o2") == []


def test_summary_lists_what_was_carried_and_left(form: FormDefinition, old: Draft) -> None:
    lines = rollover(form, old).summary()
    assert lines[0] == "2 insatser följer med, 1 lämnas kvar."
    assert "  följer med: Område 1: Servicedialog i kommunerna (status Fortsätter)" in lines
    assert "  följer med: Område 3: Länsnätverk (ingen status angiven)" in lines
    assert "  lämnas:     Område 1: Kartläggning (status Klar)" in lines


def test_answers_carried_as_a_starting_point(form: FormDefinition, old: Draft) -> None:
    new = rollover(form, old).draft
    assert new.programme == old.programme
    assert new.programme is not old.programme
    assert new.answers["q4"] == old.answers["q4"]  # contact persons
    assert new.get(CellPath("q3", "processledning", "beskrivning")) == old.get(CellPath("q3", "processledning", "beskrivning"))
    assert new.get(CellPath("q3", "processledning", "totalt")) is None  # this year's figure is new
    assert new.get(CellPath("q6", "kommuner", "beskriv")) == old.get(CellPath("q6", "kommuner", "beskriv"))
    assert new.get(CellPath("q6", "kommuner", "steg")) == old.get(CellPath("q6", "kommuner", "steg"))
    assert new.get(RowNamePath("q6", "annan")) == "Namn annan"
    for question in ("q1", "q2", "q5", "upprattad_av"):
        assert question not in new.answers


def test_previous_values_until_changed(form: FormDefinition, old: Draft) -> None:
    new = rollover(form, old).draft
    path = CellPath("q4", "rsp", "namn")
    assert new.previous_value(path) == old.get(path)
    assert path in new.unchanged_from_previous()
    item = new.items("insatser", "o1")[0]
    item_path = InsatsPath("insatser", "o1", item["_id"], "resurser")
    assert item_path in new.unchanged_from_previous()
    new.set(path, "Ny person")
    new.set(item_path, "Regionen, 250 tkr")
    unchanged = new.unchanged_from_previous()
    assert path not in unchanged and item_path not in unchanged
    assert new.previous_value(path) == old.get(path)


def test_cli_rollover_leaves_the_old_file_unchanged(form: FormDefinition, old: Draft, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "jamtland-2023.toml"
    save_draft(old, source)
    before = source.read_bytes()
    assert main(["rollover", str(source)]) == 0
    captured = capsys.readouterr()
    out = Path(captured.out.strip())
    assert out == tmp_path / "jamtland-harjedalen-2024.toml"
    assert "2 insatser följer med, 1 lämnas kvar." in captured.err
    assert source.read_bytes() == before
    assert not (tmp_path / "jamtland-2023.toml.bak").exists()
    loaded = load_draft(out).draft
    assert loaded.year == 2024 and loaded.previous_year == 2023
    expected = rollover(form, old).draft.previous
    fixed = {k: v for k, v in expected.items() if not k.startswith("insatser/")}
    assert {k: v for k, v in loaded.previous.items() if not k.startswith("insatser/")} == fixed
    assert len(loaded.previous) == len(expected)
    assert main(["rollover", str(source), "--year", "2023"]) == 2
    assert main(["rollover", str(source), "-o", str(out)]) == 2
    assert "finns redan" in capsys.readouterr().err


def test_unchanged_fields_are_located_and_grouped(form: FormDefinition, old: Draft) -> None:
    from rsp_tui.structure import locate_path, unchanged_groups

    new = rollover(form, old).draft
    item = new.items("insatser", "o1")[0]
    assert locate_path(form, new, InsatsPath("insatser", "o1", item["_id"], "resurser")) == (
        "omrade:o1", "Område 1 › Insats 1 › Resurser")
    assert locate_path(form, new, RowNamePath("q6", "annan")) == ("q6", "6 Samverkan › Annan › Vilken aktör?")
    groups = unchanged_groups(form, new)
    assert ("q4", "4 Kontaktpersoner › Kontaktperson för RSP: Namn, E-post", CellPath("q4", "rsp", "namn")) in groups
    assert ("omrade:o1", "Område 1 › Insats 1: Planerade insatser, Mål, Resurser, Huvudsakligt serviceslag",
            InsatsPath("insatser", "o1", item["_id"], "planerade")) in groups
    new.set(CellPath("q4", "rsp", "namn"), "Ny")
    assert ("q4", "4 Kontaktpersoner › Kontaktperson för RSP: E-post", CellPath("q4", "rsp", "epost")) in unchanged_groups(form, new)
