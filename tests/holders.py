"""Another process holding a draft's lock, for tests of what a second window sees."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HOLDER = """
import sys, time
from pathlib import Path
from rsp_tui.drafts.lock import DraftLock
lock = DraftLock(Path(sys.argv[1]))
lock.acquire()
print("låst", flush=True)
sys.stdin.readline()
lock.release()
print("släppt", flush=True)
"""


def lock_holder(path: Path) -> subprocess.Popen[str]:
    """A process that holds the lock of `path` until a line is written to its stdin."""
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "låst"
    return proc


SESSION_HOLDER = """
import sys
from pathlib import Path
from rsp_tui.drafts.session import DraftSession
session = DraftSession.open(Path(sys.argv[1]))
print("öppen", flush=True)
sys.stdin.readline()
session.close()
print("stängd", flush=True)
sys.stdin.readline()
"""


def session_holder(path: Path) -> subprocess.Popen[str]:
    """A process with the draft open for editing, as another rsp-tui would have it: a line on
    its stdin closes the draft ("stängd"), a second one ends the process."""
    proc = subprocess.Popen(
        [sys.executable, "-c", SESSION_HOLDER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "öppen"
    return proc
