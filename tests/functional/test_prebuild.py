"""Parts not visited yet are built, hidden, while the user pauses (tui/prebuild.py), so that a
first visit only shows them; what the user sees and where the focus goes stay as on a first
visit built then."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from rsp_tui.drafts.paths import QuestionPath, YearPath
from rsp_tui.tui.app import RspApp
from rsp_tui.tui.screens.report import ReportScreen
from rsp_tui.tui.widgets.part_view import PartView

from .driving import focused_box, type_text


async def _wait_until_built(pilot: Pilot[None], report: ReportScreen) -> None:
    """Poll (no fixed sleep) until every part is mounted."""
    for _ in range(2000):
        if all(p.key in report._slots for p in report.parts):
            return
        await pilot.pause(0.01)
    raise AssertionError(f"parts never built: {sorted(report._slots)}")


async def test_parts_are_built_hidden_while_the_user_pauses(
    app_factory: Callable[..., RspApp], example_draft: Path
) -> None:
    app = app_factory(example_draft, prebuild_pause=0.05)
    async with app.run_test(size=(100, 30)) as pilot:
        report = app.screen
        assert isinstance(report, ReportScreen)
        shown, focused = report.current_key, app.focused
        assert focused is not None
        await _wait_until_built(pilot, report)
        assert report.current_key == shown  # building never moves the user
        assert app.focused is focused  # nor the focus
        hidden = [k for k, slot in report._slots.items() if k != shown]
        assert hidden and all(not report._slots[k].display for k in hidden)

        await report.show_part("q2")
        built = report._slots["q2"].query_one(PartView)
        assert report.host.query_one(PartView) is built  # shown, not built again
        box = focused_box(app.focused)
        assert box is not None and box.path == QuestionPath("q2")  # focus as on a first visit
        await pilot.press("ctrl+end")
        await type_text(pilot, " Tillägg.")
        assert report.session.draft.answers["q2"].endswith(" Tillägg.")


async def test_built_parts_are_dropped_when_the_year_changes(
    app_factory: Callable[..., RspApp], example_draft: Path
) -> None:
    app = app_factory(example_draft, prebuild_pause=0.05)
    async with app.run_test(size=(100, 30)) as pilot:
        report = app.screen
        assert isinstance(report, ReportScreen)
        await report.show_part(report.parts[0].key, YearPath())
        await _wait_until_built(pilot, report)
        old = report._slots["omrade:o1"].query_one(PartView)
        year = app.focused
        assert isinstance(year, Input)
        await pilot.press("backspace")
        await type_text(pilot, "4")
        await report.show_part("omrade:o1")
        view = report.host.query_one(PartView)
        assert view is not old  # built again, with the new year
        headings = " ".join(str(s.render()) for s in report.host.query(".group-heading"))
        assert "verksamhetsår 2024" in headings


async def test_no_building_without_a_pause_setting(
    app_factory: Callable[..., RspApp], example_draft: Path
) -> None:
    app = app_factory(example_draft)
    async with app.run_test(size=(100, 30)) as pilot:
        report = app.screen
        assert isinstance(report, ReportScreen)
        await pilot.pause(0.3)
        assert list(report._slots) == [report.current_key]



def _gate_part(monkeypatch: pytest.MonkeyPatch, key: str) -> asyncio.Event:
    """Hold the mounting of part `key`'s view until the returned event is set."""
    gate = asyncio.Event()

    async def on_mount(self: PartView) -> None:
        if self.part.key == key:
            # At most 30 s: a test that fails before it opens the gate must still close its app.
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(gate.wait(), timeout=30)

    monkeypatch.setattr(PartView, "on_mount", on_mount, raising=False)
    return gate


async def _wait_until_building(report: ReportScreen, key: str) -> None:
    """Poll until part `key` is being built. While it is held (`_gate_part`) the pilot's
    pauses would wait for it too: tests sleep instead."""
    for _ in range(2000):
        if report.prebuilder.building == key:
            return
        await asyncio.sleep(0.01)
    raise AssertionError(f"{key} never built; building {report.prebuilder.building}")


async def test_showing_another_part_does_not_wait_for_the_part_being_built(
    app_factory: Callable[..., RspApp], example_draft: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """F4 after reading a part shows the next one at once, even while a later part is being
    built (it waited for that part's whole mount: up to 0.6 s for a big one)."""
    gate = _gate_part(monkeypatch, "q3")
    app = app_factory(example_draft, prebuild_pause=0.05)
    async with app.run_test(size=(100, 30)) as pilot:
        report = app.screen
        assert isinstance(report, ReportScreen)
        await _wait_until_building(report, "q3")
        assert "q1" in report._slots  # built before q3
        await asyncio.wait_for(report.show_part("q1"), timeout=30)
        assert report.current_key == "q1"
        assert report.prebuilder.building == "q3"  # still being built meanwhile
        box = focused_box(app.focused)
        assert box is not None and box.path is not None and box.path.key.startswith("q1")  # the focus came along
        gate.set()
        await _wait_until_built(pilot, report)
        assert not report._slots["q3"].display  # built hidden: the user is on q1
        assert report.current_key == "q1"


async def test_showing_the_part_being_built_waits_for_it_and_uses_it(
    app_factory: Callable[..., RspApp], example_draft: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate = _gate_part(monkeypatch, "q2")
    app = app_factory(example_draft, prebuild_pause=0.05)
    async with app.run_test(size=(100, 30)):
        report = app.screen
        assert isinstance(report, ReportScreen)
        await _wait_until_building(report, "q2")
        showing = asyncio.create_task(report.show_part("q2"))
        await asyncio.sleep(0.2)
        assert not showing.done()  # waits for the part being built
        gate.set()
        await asyncio.wait_for(showing, timeout=30)
        assert report.current_key == "q2"
        views = [v for v in report.query(PartView) if v.part.key == "q2"]
        assert len(views) == 1  # the one built in the background, not a second
        assert report.host.query_one(PartView) is views[0]
        box = focused_box(app.focused)
        assert box is not None and box.path == QuestionPath("q2")


async def test_a_part_built_while_the_year_changed_is_thrown_away(
    app_factory: Callable[..., RspApp], example_draft: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate = _gate_part(monkeypatch, "omrade:o1")
    app = app_factory(example_draft, prebuild_pause=0.05)
    async with app.run_test(size=(100, 30)) as pilot:
        report = app.screen
        assert isinstance(report, ReportScreen)
        await _wait_until_building(report, "omrade:o1")
        for _ in range(2000):  # its view is mounted a moment after the build begins
            held = [v for v in report.query(PartView) if v.part.key == "omrade:o1"]
            if held:
                break
            await asyncio.sleep(0.01)
        stale = held[0]
        await report.show_part(report.parts[0].key, YearPath())
        year = app.focused
        assert isinstance(year, Input)
        year.value = year.value[:-1] + "4"  # as typed (the pilot would wait for the held part)
        await report.show_part("q2")  # leaving the first part with a new year drops the kept
        gate.set()
        await _wait_until_built(pilot, report)
        await report.show_part("omrade:o1")
        view = report.host.query_one(PartView)
        assert view is not stale and not stale.is_attached
        headings = " ".join(str(s.render()) for s in report.host.query(".group-heading"))
        assert "verksamhetsår 2024" in headings


GC_SCRIPT = """
import asyncio, gc, json, sys, weakref
from pathlib import Path

from rsp_tui import startgc

startgc.pause()  # as `rsp-tui DRAFT` does (cli.run_app)
from textual.widgets import Input

from rsp_tui.drafts.paths import YearPath
from rsp_tui.tui.app import make_app
from rsp_tui.tui.widgets.part_view import PartView

draft = Path(sys.argv[1])
app = make_app(draft, draft.parent, prebuild_pause=0.05, cursor_blink=False)
app.animation_level = "none"
found = {}


async def main():
    async with app.run_test(size=(100, 30)) as pilot:
        report = app.screen
        while startgc.paused() or gc.get_freeze_count() == 0:
            await pilot.pause(0.01)
        found["after_start"] = gc.get_freeze_count()
        for _ in range(2000):
            if all(p.key in report._slots for p in report.parts):
                break
            await pilot.pause(0.01)
        for _ in range(500):  # the prebuilder settles on its next turn, with nothing left
            if gc.get_freeze_count() > found["after_start"]:
                break
            await pilot.pause(0.01)
        found["all_built"] = gc.get_freeze_count()
        old = weakref.ref(report._slots["omrade:o1"].query_one(PartView))
        await report.show_part(report.parts[0].key, YearPath())
        assert isinstance(app.focused, Input)
        await pilot.press("backspace", "4")
        await report.show_part("omrade:o1")  # the year changed: every kept part dropped
        found["after_drop"] = gc.get_freeze_count()
        await pilot.pause()
        gc.collect()
        found["old_part_collected"] = old() is None
        found["new_part"] = report.host.query_one(PartView) is not None


asyncio.run(main())
print(json.dumps(found))
"""


def test_built_parts_are_kept_out_of_the_collector_and_given_back_when_dropped(
    example_draft: Path, tmp_path: Path
) -> None:
    """In `rsp-tui` (the collector paused for the start, startgc.py): once every part is built
    the parts are frozen, so that full collections while the user types do not walk them (they
    took 80–125 ms each with the large draft); when the parts are dropped (the year changed)
    everything frozen goes back to the collector and the dropped part is collected. Run in a
    process of its own: freezing is for the whole process."""
    env = dict(os.environ, RSP_TUI_STATE_DIR=str(tmp_path / "tillstand"))
    result = subprocess.run(
        [sys.executable, "-c", GC_SCRIPT, str(example_draft)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    found = json.loads(result.stdout.strip().splitlines()[-1])
    assert found["after_start"] > 0
    assert found["all_built"] > found["after_start"]  # the built parts were frozen too
    assert found["after_drop"] == 0  # given back
    assert found["old_part_collected"] is True
    assert found["new_part"] is True
