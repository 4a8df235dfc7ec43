"""The insatser of a prioriterat område: add, duplicate, delete (asked first), move, with keys;
and a list of 30 insatser that stays quick."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from textual.coordinate import Coordinate
from textual.pilot import Pilot

from rsp_tui.drafts import load_draft, save_draft
from rsp_tui.drafts.paths import InsatsPath
from rsp_tui.tui.app import RspApp
from rsp_tui.tui.dialogs.confirm import ConfirmDialog
from rsp_tui.tui.screens.report import ReportScreen
from rsp_tui.tui.widgets.fields import FieldBox
from rsp_tui.tui.widgets.insatser import InsatserView

from .driving import type_text


def planned(path: Path, area: str = "o1") -> list[str]:
    """The first line of Planerade insatser of each insats, in order, as saved."""
    items = load_draft(path).draft.items("insatser", area)
    return [str(i.get("planerade", "")).split("\n", 1)[0] for i in items]


async def open_area(pilot: Pilot[None], key: str = "omrade:o1") -> tuple[ReportScreen, InsatserView]:
    report = pilot.app.screen
    assert isinstance(report, ReportScreen)
    while report.current_key != key:
        await pilot.press("f4")
    return report, report.host.query_one(InsatserView)


async def test_add_duplicate_move_and_delete_with_keys(
    app_factory: Callable[..., RspApp], example_draft: Path
) -> None:
    before = planned(example_draft)
    assert len(before) == 6
    app = app_factory(example_draft)
    async with app.run_test(size=(100, 30)) as pilot:
        report, view = await open_area(pilot)
        assert app.focused is view.table  # the list has focus when the område opens

        await pilot.press("ctrl+n")  # a new insats at the end, its first field focused
        assert view.table.cursor_row == 6
        await type_text(pilot, "Ny provinsats")
        assert view.table.get_cell_at(Coordinate(6, 1)) == "Ny provinsats"  # the list follows

        await pilot.press("alt+d")  # duplicate it: the copy comes right after
        await pilot.press("alt+up", "alt+up")  # and moves up two places
        await pilot.press("ctrl+s")
        assert planned(example_draft) == [*before[:5], "Ny provinsats", before[5], "Ny provinsats"]

        # Delete the third insats from the list: asked first; Escape keeps it.
        await pilot.press("shift+tab")
        while app.focused is not view.table:
            await pilot.press("shift+tab")
        await pilot.press(*["up"] * 10, "down", "down", "delete")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")
        assert len(view.items) == 8
        await pilot.press("delete")
        await pilot.press("tab", "enter")  # from Avbryt to Ta bort
        assert len(view.items) == 7
        assert app.focused is view.table
        await pilot.press("ctrl+s")
    expected = [*before[:2], *before[3:5], "Ny provinsats", before[5], "Ny provinsats"]
    assert planned(example_draft) == expected


async def test_thirty_insatser_open_switch_and_take_typing(
    app_factory: Callable[..., RspApp], example_draft: Path
) -> None:
    loaded = load_draft(example_draft)
    draft = loaded.draft
    template = {k: v for k, v in draft.items("insatser", "o1")[0].items() if k != "_id"}
    while len(draft.items("insatser", "o1")) < 30:
        n = len(draft.items("insatser", "o1")) + 1
        draft.add_item("insatser", "o1", {**template, "planerade": f"Insats nummer {n}"})
    save_draft(draft, example_draft)

    app = app_factory(example_draft)
    async with app.run_test(size=(100, 30)) as pilot:
        report = app.screen
        assert isinstance(report, ReportScreen)
        start = time.perf_counter()
        await report.show_part("omrade:o1")
        opened = time.perf_counter() - start
        view = report.host.query_one(InsatserView)
        assert view.table.row_count == 30

        # Moving through the list reloads the editor: time what the app does per step.
        start = time.perf_counter()
        for item in view.items:
            view.load(item["_id"])
        per_item = (time.perf_counter() - start) / 30
        last = view.items[-1]["_id"]
        assert all(
            isinstance(box.path, InsatsPath) and box.path.item == last
            for box in view.query(FieldBox)
        )

        await pilot.press("end", "enter")  # last insats, into its first field
        start = time.perf_counter()
        await type_text(pilot, " tillägg")
        per_key = (time.perf_counter() - start) / 8
        assert view.items[-1]["planerade"].endswith(" tillägg")
    print(
        f"\n30 insatser: öppna {opened * 1000:.0f} ms, byta insats {per_item * 1000:.1f} ms,"
        f" tangent {per_key * 1000:.0f} ms (med pilotens väntan)"
    )
    # The figures are printed, not asserted: speed is measured by the benchmarks
    # (benchmarks/run.py), never by timed assertions that fail on a busy machine.


async def test_keys_typed_faster_than_the_app_land_where_they_were_meant(
    app_factory: Callable[..., RspApp], example_draft: Path
) -> None:
    """A burst (a fast typist on a busy machine, or keys pasted by a terminal): Tab and F4
    arrive while the text before them is still being handled."""
    from textual import events

    app = app_factory(example_draft)
    async with app.run_test(size=(100, 30)) as pilot:
        report, view = await open_area(pilot)
        o1_before = len(view.items)
        await pilot.press("ctrl+n")
        burst = [*"Abc", "tab", "tab", *"RUS", "f4", "ctrl+n", *"Xyz"]
        for key in burst:
            app.post_message(events.Key(key, key if len(key) == 1 else None))
        await pilot.pause()
        await pilot.press("ctrl+s")
        assert report.current_key == "omrade:o2"
    draft = load_draft(example_draft).draft
    new_o1 = draft.items("insatser", "o1")[o1_before]
    assert new_o1["planerade"] == "Abc"
    assert new_o1["mal"] == {"codes": [], "other": "RUS"}
    assert draft.items("insatser", "o2")[-1]["planerade"] == "Xyz"
