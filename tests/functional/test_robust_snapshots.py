"""Snapshots of what issue 6 added to the screen: the dialog for a draft open elsewhere, a
report opened read-only, and the dialog for an unreadable draft on the command line. The
owner record of the lock is written with fixed values so that the pictures do not change."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from rsp_tui.drafts.lock import DraftLock
from rsp_tui.tui.app import RspApp

from .conftest import EXAMPLE
from .test_snapshots import _patient_pilot, build, folder, settled  # noqa: F401 (fixtures)

Snap = Callable[..., bool]


@pytest.fixture
def held(folder: Path) -> Iterator[Path]:  # noqa: F811 (the fixture imported above)
    """The example draft, locked by "another rsp-tui" of user anna on computer rsp01."""
    path = folder / "jamtland-harjedalen-2023.toml"
    lock = DraftLock(path)
    lock.acquire()
    record = {"pid": 4711, "host": "rsp01", "user": "anna", "since": "2024-01-20T08:05:00+01:00"}
    lock.owner_path.write_text(json.dumps(record))
    yield path
    lock.release()


def test_draft_open_elsewhere_dialog(
    snap_compare: Snap, app_factory: Callable[..., RspApp], held: Path
) -> None:
    assert snap_compare(build(app_factory, held), terminal_size=(100, 30), run_before=settled)


def test_read_only_report(
    snap_compare: Snap, app_factory: Callable[..., RspApp], held: Path
) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await settled(pilot)
        await pilot.press("enter")  # Öppna skrivskyddat
        await settled(pilot)
        await pilot.press("f4", "f4", "x")  # typing is held back, with a reminder
        await settled(pilot)

    assert snap_compare(build(app_factory, held), terminal_size=(100, 30), run_before=run_before)


def test_unreadable_draft_on_the_command_line(
    snap_compare: Snap,
    app_factory: Callable[..., RspApp],
    folder: Path,  # noqa: F811 (the fixture imported above)
) -> None:
    broken = folder / "trasig.toml"
    broken.write_bytes(EXAMPLE.read_bytes()[:-300])
    broken.with_name("trasig.toml.bak").write_bytes(EXAMPLE.read_bytes())
    assert snap_compare(build(app_factory, broken), terminal_size=(100, 30), run_before=settled)
