"""Provides the terminal watchdog: when the terminal goes away without a SIGHUP (a pty whose
other end was closed, a terminal window that did not signal its processes), the app saves the
draft and ends instead of running on without a screen.

Without it, Textual's input thread reads end-of-file in a busy loop and its writer thread dies
on the first failed write, after which the event loop blocks for good on the full output
queue: no autosave, no signal handler, 40–80 % CPU until killed (seen in our own test runs).
The watchdog is a plain thread, so it works even when the event loop is stuck:

1. every second it asks the terminal for its settings (`termios.tcgetattr`), which fails with
   EIO once the terminal is gone;
2. then it asks the app to close as on SIGHUP (save, restore, exit 129) from the event loop;
3. if the app has not ended after a few seconds (the loop is stuck), it saves the draft from
   this thread and ends the process with status 129.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from collections.abc import Callable
from typing import TextIO

HANGUP = getattr(signal, "SIGHUP", 1)
EXIT_STATUS = 128 + HANGUP


def terminal_alive(fd: int) -> bool:
    """True while `fd` is still a working terminal."""
    try:
        import termios

        termios.tcgetattr(fd)
    except (ImportError, OSError):  # termios.error is an OSError subclass
        return False
    except Exception:
        return False
    return True


class TerminalWatchdog(threading.Thread):
    """Watches the terminal on `fd`; when it is gone, closes the app, or ends the process.

    Args:
        fd: the terminal's file descriptor (stdin).
        close_gently: called from this thread; asks the app to save and exit (must not block).
        save_now: called from this thread if the app does not end in time; saves the draft.
        interval: seconds between checks.
        grace: seconds the app gets to close by itself.
    """

    def __init__(
        self,
        fd: int,
        close_gently: Callable[[], None],
        save_now: Callable[[], str],
        interval: float = 1.0,
        grace: float = 4.0,
        stderr: TextIO | None = None,
    ) -> None:
        super().__init__(name="rsp-tui-terminal-watchdog", daemon=True)
        self.fd = fd
        self.close_gently = close_gently
        self.save_now = save_now
        self.interval = interval
        self.grace = grace
        self.stderr = stderr if stderr is not None else sys.stderr
        self.stopped = threading.Event()

    def stop(self) -> None:
        """The app is ending by itself: stop watching."""
        self.stopped.set()

    def run(self) -> None:
        while not self.stopped.wait(self.interval):
            if terminal_alive(self.fd):
                continue
            with contextlib.suppress(Exception):
                self.close_gently()
            if self.stopped.wait(self.grace):
                return  # the app closed by itself
            note = ""
            with contextlib.suppress(Exception):
                note = self.save_now()
            with contextlib.suppress(Exception):
                print(note, file=self.stderr)
            os._exit(EXIT_STATUS)
