"""`rsp-tui DRAFT` pauses the garbage collector for its start (startgc.py): it is on again
once the report screen shows its first part."""

from __future__ import annotations

import gc
from collections.abc import Callable
from pathlib import Path

import pytest

import rsp_tui.tui.app as app_module
from rsp_tui import startgc
from rsp_tui.tui.app import RspApp
from rsp_tui.tui.screens.report import ReportScreen


async def test_collector_is_on_again_once_the_first_part_is_shown(
    app_factory: Callable[..., RspApp], example_draft: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(app_module, "RESUME_GC_AFTER", 3600.0)  # only the report screen's turn
    startgc.pause()
    try:
        app = app_factory(example_draft)
        async with app.run_test(size=(100, 30)) as pilot:
            while not (isinstance(app.screen, ReportScreen) and app.screen.current_key):
                await pilot.pause()
            for _ in range(100):  # the refresh after the part was mounted
                if not startgc.paused():
                    break
                await pilot.pause()
            assert not startgc.paused() and gc.isenabled()
    finally:
        startgc.resume()
        gc.enable()
        gc.unfreeze()
