"""Fixtures for the app's tests: a drafts folder of their own, a fixed clock, no blinking."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Unpack

import pytest

from rsp_tui.tui.app import AppOptions, RspApp, make_app

DATA = Path(__file__).resolve().parents[1] / "data"
EXAMPLE = DATA / "app_exempel-2023.toml"
"""A complete draft for Jämtland Härjedalen 2023 (invented answers)."""

FIXED_NOW = datetime(2024, 1, 20, 10, 15, 30, tzinfo=timezone(timedelta(hours=1)))


def fixed_clock() -> datetime:
    return FIXED_NOW


@pytest.fixture(autouse=True)
def drafts_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own drafts folder (through the environment, as a user would)."""
    folder = tmp_path / "utkast"
    monkeypatch.setenv("RSP_TUI_DRAFTS_DIR", str(folder))
    monkeypatch.delenv("RSP_TUI_FORMS_DIR", raising=False)
    monkeypatch.setenv("RSP_TUI_STATE_DIR", str(tmp_path / "tillstand"))
    return folder


@pytest.fixture
def example_draft(drafts_folder: Path) -> Path:
    """The complete example draft, copied into the drafts folder."""
    drafts_folder.mkdir(parents=True, exist_ok=True)
    target = drafts_folder / "jamtland-harjedalen-2023.toml"
    shutil.copy(EXAMPLE, target)
    return target


@pytest.fixture
def app_factory() -> Callable[..., RspApp]:
    """Build the app as the CLI does, with a fixed clock and no cursor blink."""

    def build(path: Path | None = None, **kwargs: Unpack[AppOptions]) -> RspApp:
        kwargs.setdefault("clock", fixed_clock)
        kwargs.setdefault("cursor_blink", False)
        app = make_app(path, None, **kwargs)
        app.animation_level = "none"  # scrolling jumps: key presses need not wait for it
        return app

    return build


@pytest.fixture(autouse=True)
def _quick_pilot(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pilot waits at least 2 × 20 ms after every key for the app to go idle; the walkthrough
    presses about two thousand keys. A finer idle check keeps the suite quick.

    Private Textual module (checked against Textual 8.2.8): Pilot has no public setting for
    its idle check; `textual._wait.wait_for_idle` reads these two module constants on every
    turn. If they go, setattr raises here and test_textual_internals.py says why."""
    import textual._wait as wait

    monkeypatch.setattr(wait, "SLEEP_GRANULARITY", 0.004)
    monkeypatch.setattr(wait, "SLEEP_IDLE", 0.0002)


@pytest.fixture(autouse=True)
def _no_leftover_processes() -> Iterator[None]:
    """A process test that fails half-way must not leave an rsp-tui running."""
    from .terminal import kill_leftovers

    yield
    kill_leftovers()
