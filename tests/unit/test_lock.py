"""One writer per draft: a second process is told who has the draft open; the lock dies with
its holder, even by SIGKILL."""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

import pytest

from rsp_tui.drafts.lock import DraftLock, open_elsewhere
from rsp_tui.errors import DraftLockedError
from tests.holders import lock_holder

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")

def test_second_process_is_told_who_has_the_draft(tmp_path: Path) -> None:
    path = tmp_path / "utkast.toml"
    proc = lock_holder(path)
    try:
        with pytest.raises(DraftLockedError) as info:
            DraftLock(path).acquire()
        message = info.value.describe()
        assert str(path) in message
        assert f"(process {proc.pid})" in message and "sedan" in message
        owner = DraftLock(path).owner()
        assert owner is not None and owner.pid == proc.pid
    finally:
        proc.communicate("\n", timeout=10)
    assert proc.returncode == 0
    with DraftLock(path) as lock:
        owner = lock.owner()
        assert owner is not None and owner.pid == os.getpid()
    assert DraftLock(path).owner() is None


def test_lock_is_gone_when_the_holder_is_killed(tmp_path: Path) -> None:
    path = tmp_path / "utkast.toml"
    proc = lock_holder(path)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(10)
    lock = DraftLock(path)
    lock.acquire()  # no error: the kernel released the dead process's lock
    owner = lock.owner()
    assert owner is not None and owner.pid == os.getpid()
    lock.release()


def test_owner_file_is_private(tmp_path: Path) -> None:
    path = tmp_path / "utkast.toml"
    with DraftLock(path) as lock:
        assert (lock.owner_path.stat().st_mode & 0o777) == 0o600


def test_open_elsewhere_names_the_holder_and_creates_nothing(tmp_path: Path) -> None:
    path = tmp_path / "utkast.toml"
    assert open_elsewhere(path) is None
    assert list(tmp_path.iterdir()) == []  # no lock file made for a draft never opened
    proc = lock_holder(path)
    try:
        where = open_elsewhere(path)
        assert where is not None and f"(process {proc.pid})" in where
        assert open_elsewhere(path) == where  # the probe took nothing away from the holder
        with pytest.raises(DraftLockedError):
            DraftLock(path).acquire()
    finally:
        proc.communicate("\n", timeout=10)
    assert open_elsewhere(path) is None
    with DraftLock(path):
        assert open_elsewhere(path) is None  # open in this very process: not elsewhere
    proc = lock_holder(path)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(10)
    assert open_elsewhere(path) is None  # a killed holder leaves its owner file, not its lock
