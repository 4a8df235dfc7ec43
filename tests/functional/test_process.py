"""The app as a process in a real terminal (a pty): SIGTERM and SIGHUP save and restore the
terminal; an unexpected exception saves first, exits non-zero and prints no answers.

Textual draws on stderr, so everything arrives on the one pty; what is printed after the
app has left the alternate screen is what stays in the user's terminal."""

from __future__ import annotations

import os
import pty
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from rsp_tui.drafts import load_draft

pytestmark = [pytest.mark.slow, pytest.mark.skipif(os.name != "posix", reason="needs a pty")]

F4 = "\x1bOS"
LEAVE_ALT_SCREEN = b"\x1b[?1049l"

SCRIPT = """
import sys
from pathlib import Path
from rsp_tui.tui.app import run
if sys.argv[2] == "crash":
    from rsp_tui.tui.screens.report import ReportScreen
    def broken(self):
        raise ValueError("kraschade med svaret " + self.session.draft.answers["q2"])
    ReportScreen.action_toggle_help = broken
sys.exit(run(Path(sys.argv[1]), None, autosave_delay=3600))
"""


class Terminal:
    """rsp-tui in a pseudo terminal of 100×30."""

    def __init__(self, draft: Path, mode: str = "") -> None:
        master, slave = pty.openpty()
        os.set_blocking(master, False)
        import fcntl
        import struct
        import termios

        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
        env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8", LC_ALL="C.UTF-8")
        self.proc = subprocess.Popen(
            [sys.executable, "-c", SCRIPT, str(draft), mode],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            start_new_session=True,
        )
        os.close(slave)
        self.master = master
        self.output = b""

    def read_until(self, needle: bytes, timeout: float = 20.0) -> None:
        end = time.monotonic() + timeout
        while needle not in self.output:
            assert time.monotonic() < end, f"{needle!r} never appeared on the screen"
            ready, _, _ = select.select([self.master], [], [], 0.1)
            if ready:
                try:
                    self.output += os.read(self.master, 65536)
                except OSError:
                    break

    def send(self, text: str) -> None:
        os.write(self.master, text.encode("utf-8"))

    def finish(self, timeout: float = 20.0) -> tuple[int, str]:
        """Wait for the process to end; its exit status and what it left in the terminal."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            ready, _, _ = select.select([self.master], [], [], 0.1)
            chunk = b""
            if ready:
                try:
                    chunk = os.read(self.master, 65536)
                except OSError:  # the process has closed the terminal
                    pass
                self.output += chunk
            if not chunk and self.proc.poll() is not None:
                break
        code = self.proc.wait(timeout=5)
        os.close(self.master)
        after = (
            self.output.rsplit(LEAVE_ALT_SCREEN, 1)[-1] if LEAVE_ALT_SCREEN in self.output else b""
        )
        return code, after.decode("utf-8", "replace")


def type_into_q2(term: Terminal, word: str) -> None:
    term.read_until(b"Kommandon")
    term.send(F4)
    term.send(F4)
    term.read_until(b"Framtidsspaning")
    time.sleep(0.3)  # the part is mounted and focused before we type
    term.send(word)
    term.read_until(word.encode())


@pytest.mark.parametrize(
    ("signum", "name"), [(signal.SIGTERM, "SIGTERM"), (signal.SIGHUP, "SIGHUP")]
)
def test_signal_saves_and_restores_the_terminal(
    example_draft: Path, signum: int, name: str
) -> None:
    term = Terminal(example_draft)
    word = f"Ord{name}innan"
    type_into_q2(term, word)
    term.proc.send_signal(signum)
    code, left = term.finish()
    assert code == 128 + signum, left
    assert word in load_draft(example_draft).draft.answers["q2"]
    assert LEAVE_ALT_SCREEN in term.output  # the terminal was given back


def test_unexpected_exception_saves_first_and_prints_no_answers(example_draft: Path) -> None:
    term = Terminal(example_draft, "crash")
    word = "Hemligtsvar"
    type_into_q2(term, word)
    term.send("\x1bOP")  # F1: the broken handler
    code, left = term.finish()
    assert code == 1
    assert word in load_draft(example_draft).draft.answers["q2"]
    assert LEAVE_ALT_SCREEN in term.output
    assert "ValueError" in left  # the traceback is there, for a bug report …
    assert word not in left  # … but neither the exception's text nor local variables
    assert "växande intresse" not in left  # nor any other answer of the draft
    assert "rsp-tui stannade på grund av ett oväntat fel" in left
    assert example_draft.name in left
