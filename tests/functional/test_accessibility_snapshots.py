"""Snapshots for low vision and no colour: the Hög kontrast theme, 16 colours with NO_COLOR
(ticked boxes `[x]`, focus a thick bar, an error a double line), and a 60×20 terminal.
Deterministic as test_snapshots.py (same fixtures); update with `--snapshot-update`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from rsp_tui.drafts import load_draft, save_draft
from rsp_tui.drafts.paths import CellPath
from rsp_tui.tui.app import RspApp
from rsp_tui.tui.screens.report import ReportScreen
from rsp_tui.tui.themes import HIGH_CONTRAST
from rsp_tui.tui.widgets.marklist import MarkList

from .test_snapshots import _patient_pilot, build, folder, on_part, settled  # noqa: F401

Snap = Callable[..., bool]


def themed(theme: str, key: str) -> Callable[[Pilot[Any]], Any]:
    async def run_before(pilot: Pilot[Any]) -> None:
        pilot.app.theme = theme
        await on_part(key)(pilot)

    return run_before


def test_high_contrast_omrade(
    snap_compare: Snap, app_factory: Callable[..., RspApp], folder: Path  # noqa: F811
) -> None:
    app = build(app_factory, folder / "jamtland-harjedalen-2023.toml")
    assert snap_compare(
        app, terminal_size=(100, 30), run_before=themed(HIGH_CONTRAST.name, "omrade:o1")
    )


def test_no_color_16_colours_with_an_error(
    snap_compare: Snap,
    app_factory: Callable[..., RspApp],
    folder: Path,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = folder / "jamtland-harjedalen-2023.toml"
    loaded = load_draft(path)
    loaded.draft.set(CellPath("q4", "rsp", "epost"), "anna@regionjh")
    save_draft(loaded.draft, path, touch=False)
    monkeypatch.setenv("NO_COLOR", "1")
    app = build(app_factory, path)
    assert app.no_color
    assert snap_compare(app, terminal_size=(100, 30), run_before=themed("ansi-dark", "q4"))


def test_no_color_marks(
    snap_compare: Snap,
    app_factory: Callable[..., RspApp],
    folder: Path,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = build(app_factory, folder / "jamtland-harjedalen-2023.toml")

    async def run_before(pilot: Pilot[Any]) -> None:
        pilot.app.theme = "ansi-dark"
        report = pilot.app.screen
        assert isinstance(report, ReportScreen)
        await report.show_part("omrade:o1")
        await settled(pilot)
        report.query(MarkList).first().focus()  # the serviceslag of the first insats
        await settled(pilot)

    assert snap_compare(app, terminal_size=(100, 30), run_before=run_before)


def test_review_at_60x20(
    snap_compare: Snap, app_factory: Callable[..., RspApp], folder: Path  # noqa: F811
) -> None:
    path = folder / "jamtland-harjedalen-2023.toml"
    loaded = load_draft(path)
    loaded.draft.set(CellPath("q4", "rsp", "epost"), "anna@regionjh")
    loaded.draft.set(CellPath("q1", "servicebidrag", "bedomning"), "")
    save_draft(loaded.draft, path, touch=False)
    app = build(app_factory, path)
    assert snap_compare(app, terminal_size=(60, 20), run_before=on_part("granska"))
