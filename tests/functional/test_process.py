"""The app as a process in a real terminal (a pty): SIGTERM and SIGHUP save and restore the
terminal; an unexpected exception saves first, exits non-zero and prints no answers.

Textual draws on stderr, so everything arrives on the one pty; what is printed after the
app has left the alternate screen is what stays in the user's terminal."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest

from rsp_tui.drafts import load_draft

from .terminal import LEAVE_ALT_SCREEN, Terminal

pytestmark = [pytest.mark.slow, pytest.mark.skipif(os.name != "posix", reason="needs a pty")]

F4 = "\x1bOS"

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


def start(draft: Path, mode: str = "") -> Terminal:
    return Terminal(draft, script=SCRIPT, args=(mode,))


def type_into_q2(term: Terminal, word: str) -> None:
    term.wait_for("Kommandon")
    mark = len(term.output)
    term.send(F4)
    term.send(F4)
    term.wait_for("Framtidsspaning", after=mark)
    time.sleep(0.3)  # the part is mounted and focused before we type
    term.send(word)
    term.wait_for(word)


@pytest.mark.parametrize(
    ("signum", "name"),
    [
        (signal.SIGTERM, "SIGTERM"),
        (signal.SIGHUP, "SIGHUP"),
        (signal.SIGINT, "SIGINT"),  # `kill -INT` (Ctrl+C as a key only shows a hint)
        (signal.SIGQUIT, "SIGQUIT"),
    ],
)
def test_signal_saves_and_restores_the_terminal(
    example_draft: Path, signum: int, name: str
) -> None:
    term = start(example_draft)
    word = f"Ord{name}innan"
    type_into_q2(term, word)
    term.proc.send_signal(signum)
    code, left = term.finish()
    assert code == 128 + signum, left
    assert word in load_draft(example_draft).draft.answers["q2"]
    assert LEAVE_ALT_SCREEN in term.output  # the terminal was given back
    out = term.output
    mouse_on = out.rfind(b"\x1b[?1000h")
    assert out.find(b"\x1b[?1000l", mouse_on) > mouse_on  # mouse reporting off again
    assert out.find(b"\x1b[?25h", out.rfind(b"\x1b[?25l")) >= 0  # the cursor shown again


def test_unexpected_exception_saves_first_and_prints_no_answers(example_draft: Path) -> None:
    term = start(example_draft, "crash")
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


def test_a_terminal_that_vanishes_without_sighup_saves_and_ends(example_draft: Path) -> None:
    """The other end of the pty is closed and no SIGHUP comes (the app has no controlling
    terminal here, like some terminal windows): the app must not run on without a screen.
    Before the watchdog it span at 40–80 % CPU with its event loop blocked, never saving."""
    term = start(example_draft)
    word = "Ordinnanfonstretstangdes"
    type_into_q2(term, word)
    term._reader.join(0)  # the reader stops by itself once the pty is gone
    term.close_master()
    code = term.proc.wait(timeout=15)
    assert code == 128 + signal.SIGHUP
    assert word in load_draft(example_draft).draft.answers["q2"]
