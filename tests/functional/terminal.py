"""A real terminal for the app's process tests: rsp-tui in a 100×30 pseudo terminal (pty),
its output read continuously as a terminal emulator does, so that the app is never held up by
a full pty buffer. Every terminal started is killed at the end of its test, whatever happened
(`kill_leftovers`), so a failing test never leaves an rsp-tui running."""

from __future__ import annotations

import os
import pty
import select
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

LEAVE_ALT_SCREEN = b"\x1b[?1049l"

SCRIPT = """
import sys
from pathlib import Path
from rsp_tui.tui.app import run
sys.exit(run(Path(sys.argv[1]) if sys.argv[1] else None, None))
"""

RUNNING: list[Terminal] = []
"""Terminals of the current test."""


def kill_leftovers() -> None:
    """Kill every rsp-tui a test started and did not end."""
    while RUNNING:
        term = RUNNING.pop()
        if term.proc.poll() is None:
            term.proc.kill()
            term.proc.wait(10)
        term.close_master()


class Terminal:
    """rsp-tui in a 100×30 pseudo terminal, read continuously."""

    def __init__(
        self,
        draft: Path | None,
        env: dict[str, str] | None = None,
        script: str = SCRIPT,
        args: tuple[str, ...] = (),
    ) -> None:
        import fcntl
        import struct
        import termios

        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
        full_env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8", LC_ALL="C.UTF-8")
        full_env.update(env or {})
        self.proc = subprocess.Popen(
            [sys.executable, "-c", script, str(draft or ""), *args],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=full_env,
            start_new_session=True,
        )
        os.close(slave)
        self.master = master
        self._output = bytearray()
        self._guard = threading.Lock()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        RUNNING.append(self)

    def _read(self) -> None:
        while True:
            ready, _, _ = select.select([self.master], [], [], 0.05)
            if ready:
                try:
                    chunk = os.read(self.master, 65536)
                except OSError:
                    return
                if not chunk:
                    return
                with self._guard:
                    self._output += chunk
            elif self.proc.poll() is not None:
                return

    @property
    def output(self) -> bytes:
        with self._guard:
            return bytes(self._output)

    def wait_for(self, needle: str, timeout: float = 30.0, after: int = 0) -> int:
        """Wait until `needle` is on the screen (after byte `after`); where it ended."""
        data = needle.encode()
        end = time.monotonic() + timeout
        while True:
            out = self.output
            at = out.find(data, after)
            if at >= 0:
                return at + len(data)
            assert self.proc.poll() is None, f"rsp-tui ended before {needle!r} appeared"
            assert time.monotonic() < end, f"{needle!r} never appeared on the screen"
            time.sleep(0.02)

    def send(self, text: str) -> None:
        os.write(self.master, text.encode("utf-8"))

    def finish(self, timeout: float = 30.0) -> tuple[int, str]:
        """Wait for the process to end: its exit status and what it left in the terminal."""
        code = self.proc.wait(timeout=timeout)
        self._reader.join(5)
        self.close_master()
        out = self.output
        after = out.rsplit(LEAVE_ALT_SCREEN, 1)[-1] if LEAVE_ALT_SCREEN in out else b""
        return code, after.decode("utf-8", "replace")

    def kill(self) -> None:
        if self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait(10)
        self._reader.join(5)
        self.close_master()

    def close_master(self) -> None:
        """Close our end of the pty (as a terminal window does when it is closed)."""
        if self.master >= 0:
            os.close(self.master)
            self.master = -1


