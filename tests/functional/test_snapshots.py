"""Snapshots of every screen at 100×30, and of the start screen and an område at 80×24.

Deterministic: a fixed clock (Senast sparad 10:15:30, Datum 2024-01-20), the drafts folder
given as the relative path `utkast` inside the test's own folder, UTC for file times, no
cursor blink and no animation. Update with `--snapshot-update` and look at the SVGs."""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widget import Widget

from rsp_tui.drafts import load_draft, save_draft
from rsp_tui.drafts.paths import CellPath
from rsp_tui.tui.app import RspApp
from rsp_tui.tui.screens.report import ReportScreen

from .conftest import EXAMPLE
from .driving import type_text

PARTS = [
    "rapport", "q1", "q2", "q3", "q4", "q5", "q6", "programmet",
    "omrade:o1", "omrade:o2", "omrade:o3", "granska",
]  # fmt: skip

Snap = Callable[..., bool]


@pytest.fixture(autouse=True)
def _patient_pilot(_quick_pilot: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """Screenshots wait for the app to go idle with Textual's own margins: the finer check
    the other tests use can fire early on a busy machine."""
    import textual._wait as wait

    monkeypatch.setattr(wait, "SLEEP_GRANULARITY", 1 / 50)
    monkeypatch.setattr(wait, "SLEEP_IDLE", 1 / 50 / 20)


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """`utkast` (relative, so that it reads the same in every run) with the example draft."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("RSP_TUI_DRAFTS_DIR", "utkast")
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    drafts = Path("utkast")
    drafts.mkdir()
    shutil.copy(EXAMPLE, drafts / "jamtland-harjedalen-2023.toml")
    yield drafts
    monkeypatch.delenv("TZ")
    time.tzset()


def build(app_factory: Callable[..., RspApp], path: Path | None = None) -> RspApp:
    app = app_factory(path)
    app.animation_level = "none"
    return app


def _scroll_state(pilot: Pilot[Any]) -> tuple[object, ...]:
    screen = pilot.app.screen
    focused = screen.focused
    offsets = tuple(
        (id(widget), widget.scroll_offset)
        for widget in screen.walk_children(Widget)
        if widget.is_scrollable
    )
    return (focused, offsets)


async def settled(pilot: Pilot[Any]) -> None:
    """Idle, and nothing left to scroll: focus moves scroll a container into view after a
    refresh, which on a busy machine can come after the first idle."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    for _ in range(20):
        before = _scroll_state(pilot)
        await pilot.pause(0.02)
        await pilot.app.workers.wait_for_complete()
        if _scroll_state(pilot) == before:
            break


def on_part(key: str) -> Callable[[Pilot[Any]], Awaitable[None]]:
    async def run_before(pilot: Pilot[Any]) -> None:
        report = pilot.app.screen
        assert isinstance(report, ReportScreen)
        await report.show_part(key)
        await settled(pilot)

    return run_before


def test_start_screen(snap_compare: Snap, app_factory: Callable[..., RspApp], folder: Path) -> None:
    broken = folder / "trasig.toml"
    broken.write_bytes(EXAMPLE.read_bytes()[:-300])
    os.utime(broken, (1_700_000_000, 1_700_000_000))
    assert snap_compare(build(app_factory), terminal_size=(100, 30), run_before=settled)


def test_start_screen_80x24(
    snap_compare: Snap, app_factory: Callable[..., RspApp], folder: Path
) -> None:
    assert snap_compare(build(app_factory), terminal_size=(80, 24), run_before=settled)


def test_start_screen_without_drafts(
    snap_compare: Snap, app_factory: Callable[..., RspApp], folder: Path
) -> None:
    (folder / "jamtland-harjedalen-2023.toml").unlink()
    assert snap_compare(build(app_factory), terminal_size=(100, 30), run_before=settled)


def test_new_report_dialog(
    snap_compare: Snap, app_factory: Callable[..., RspApp], folder: Path
) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await settled(pilot)
        await pilot.press("n")
        await type_text(pilot, "jämt")

    assert snap_compare(build(app_factory), terminal_size=(100, 30), run_before=run_before)


def test_open_file_dialog(
    snap_compare: Snap, app_factory: Callable[..., RspApp], folder: Path
) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await settled(pilot)
        await pilot.press("o")
        await type_text(pilot, "utkast/finns-inte.toml")
        await pilot.press("enter")

    assert snap_compare(build(app_factory), terminal_size=(100, 30), run_before=run_before)


@pytest.mark.parametrize("key", PARTS)
def test_part(
    snap_compare: Snap, app_factory: Callable[..., RspApp], folder: Path, key: str
) -> None:
    app = build(app_factory, folder / "jamtland-harjedalen-2023.toml")
    assert snap_compare(app, terminal_size=(100, 30), run_before=on_part(key))


def test_omrade_80x24(snap_compare: Snap, app_factory: Callable[..., RspApp], folder: Path) -> None:
    app = build(app_factory, folder / "jamtland-harjedalen-2023.toml")
    assert snap_compare(app, terminal_size=(80, 24), run_before=on_part("omrade:o1"))


def with_problems(folder: Path) -> Path:
    path = folder / "jamtland-harjedalen-2023.toml"
    loaded = load_draft(path)
    loaded.draft.set(CellPath("q4", "rsp", "epost"), "anna@@example")
    loaded.draft.set(CellPath("q1", "servicebidrag", "bedomning"), "")
    loaded.draft.set(CellPath("q3", "processledning", "totalt"), "0.75x")
    loaded.draft.remove_item("insatser", "o3", loaded.draft.items("insatser", "o3")[0]["_id"])
    loaded.draft.items("insatser", "o3")[0]["status"] = ""
    save_draft(loaded.draft, path, touch=False)
    return path


def test_review_list_with_problems(
    snap_compare: Snap, app_factory: Callable[..., RspApp], folder: Path
) -> None:
    app = build(app_factory, with_problems(folder))
    assert snap_compare(app, terminal_size=(100, 30), run_before=on_part("granska"))


def test_review_jump_to_a_field_with_its_message(
    snap_compare: Snap, app_factory: Callable[..., RspApp], folder: Path
) -> None:
    path = with_problems(folder)

    async def run_before(pilot: Pilot[Any]) -> None:
        await on_part("granska")(pilot)
        await pilot.press("down", "down", "enter")  # to the e-mail field, with its message

    assert snap_compare(build(app_factory, path), terminal_size=(100, 30), run_before=run_before)


def test_delete_insats_dialog(
    snap_compare: Snap, app_factory: Callable[..., RspApp], folder: Path
) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await on_part("omrade:o1")(pilot)
        await pilot.press("down", "delete")

    app = build(app_factory, folder / "jamtland-harjedalen-2023.toml")
    assert snap_compare(app, terminal_size=(100, 30), run_before=run_before)
