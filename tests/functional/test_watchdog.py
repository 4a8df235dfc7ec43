"""The terminal watchdog, alone: a live terminal is left alone; when the terminal is gone and
the app does not close by itself (its event loop stuck), the draft is saved from the watchdog's
own thread and the process ends with status 129."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from rsp_tui.tui.watchdog import TerminalWatchdog, terminal_alive

pytestmark = pytest.mark.skipif(os.name != "posix", reason="needs a pty")

STUCK_APP = """
import os, pty, sys, time
from pathlib import Path
from rsp_tui.tui.watchdog import TerminalWatchdog
master, slave = pty.openpty()
asked = []
def save_now():
    Path(sys.argv[1]).write_text("sparat efter " + ",".join(asked))
    return "utkastet är sparat"
dog = TerminalWatchdog(slave, close_gently=lambda: asked.append("stäng"), save_now=save_now,
                       interval=0.05, grace=0.2)
dog.start()
time.sleep(0.3)
os.close(master)          # the terminal window goes away
time.sleep(30)            # a stuck event loop never ends the process by itself
"""


def test_gone_terminal_with_a_stuck_app_saves_and_exits(tmp_path: Path) -> None:
    marker = tmp_path / "sparat.txt"
    result = subprocess.run([sys.executable, "-c", STUCK_APP, str(marker)], capture_output=True,
                            text=True, timeout=20)
    assert result.returncode == 129
    assert marker.read_text() == "sparat efter stäng"  # asked gently first, then saved itself
    assert "utkastet är sparat" in result.stdout + result.stderr


def test_live_terminal_is_left_alone() -> None:
    master, slave = pty.openpty()
    try:
        assert terminal_alive(slave)
        calls: list[str] = []
        dog = TerminalWatchdog(slave, lambda: calls.append("stäng"), lambda: "", interval=0.01)
        dog.start()
        dog.stopped.wait(0.1)
        dog.stop()
        dog.join(1)
        assert calls == [] and not dog.is_alive()
    finally:
        os.close(master)
        os.close(slave)
    assert not terminal_alive(slave)
