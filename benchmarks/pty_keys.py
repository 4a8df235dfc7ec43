"""Figures as a person sees them: the real app in a pseudo terminal (pty), a key sent, and the
time until the terminal receives the change on screen. The same measure on a bare Textual app
is the floor.

    python benchmarks/pty_keys.py app DRAFT [--rounds N]    # rsp-tui DRAFT in a 120×40 pty
    python benchmarks/pty_keys.py bare [--rounds N]         # the floor: a bare Textual app

Nothing is emulated: the script reads what the app writes to the terminal and waits for a text
that is only on screen once the change is shown. Textual writes only the lines that changed, so a
text appears in the output exactly when it is painted.

- `start`: from starting the process to the first part on screen;
- `choice`: on the first part, Enter on the region (a menu of the 21 regions, focused when the
  part opens) until the menu is on screen (the Select's ▲, painted with it), then Enter again
  (the same region) to close it;
- `part`: F4 (next part) through every part (`--read S`: S seconds more after each part,
  as a person reading it; the app builds parts not visited yet while the user pauses), each
  from the key to the line over the part (`Del 2 av 12 · 1 Efterfrågan`), which the report
  screen writes once the part is mounted;
- `insats`: on the last part (an område, its list of insatser focused), ↓ to the next insats,
  until the editor's title (`Insats 2 av 30`) shows it; `new_insats`: Ctrl+N, until the new
  insats's title (`Insats 31 av 31`) is on screen;
- `typing`: back on Fråga 2 (F3 from the last part; every part has been built by then),
  `TYPING_KEYS` characters typed into its text at `TYPING_RATE` keys a second, each from the
  key until the character arrives on screen (å, ä and ö in turn: their bytes never occur in
  a terminal's control sequences). The median and the slowest key: a full garbage
  collection, or anything else that holds the app up, shows as a slow key;
- the bare app: started until its label shows; a key that changes its label, until the new
  text shows (start-up and key-to-screen floors); Enter on a Select of the same 21 regions,
  until the menu is on screen (the floor of `choice`); the same characters typed, at the same
  rate, into an input (the floor of `typing`).

Printed on stdout, as JSON: medians in seconds, and every sample.
"""

from __future__ import annotations

import argparse
import fcntl
import json
import os
import pty
import re
import select
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

ROWS, COLS = 40, 120
F4 = "\x1bOS"
DOWN = "\x1b[B"
ENTER = "\r"
ESCAPE = "\x1b"
CTRL_N = "\x0e"
QUIT = "\x11"  # Ctrl+Q
CHOICE_ROUNDS = 5
OPEN_MARK, CLOSED_MARK = "▲", "▼"
"""What a Select shows at its right end while its menu is open, and closed."""
INSATS_KEYS = 10
NEW_INSATS = 3
F3 = "\x1bOR"
TAB = "\t"
TYPING_KEYS = 240
TYPING_RATE = 12.0
"""Keys a second: a quick typist."""
TYPING_TEXT = "åäö"

APP_SCRIPT = """
import sys
from rsp_tui.cli import main
sys.exit(main(sys.argv[1:]))
"""

BARE_SCRIPT = """
import sys
from textual.app import App
from textual.widgets import Input, Label, Select

class Bare(App):
    BINDINGS = [("f4", "next", "next"), ("ctrl+q", "quit", "quit")]

    def __init__(self):
        super().__init__()
        self.count = 0

    def compose(self):
        yield Label("bare-ready", id="label")
        yield Select([(r, r) for r in sys.argv[1:]], value=sys.argv[1], compact=True)
        yield Input(compact=True)

    def action_next(self):
        self.count += 1
        self.query_one(Label).update(f"bare-shown-{self.count:03d}")

Bare().run()
"""


class Pty:
    """A process in a ROWS×COLS pty; its output is read into memory as it comes."""

    def __init__(self, script: str, *args: str) -> None:
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
        env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8", LC_ALL="C.UTF-8")
        self.started = time.perf_counter()
        self.proc = subprocess.Popen(
            [sys.executable, "-c", script, *args],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            start_new_session=True,
        )
        os.close(slave)
        self.master = master
        self.out = bytearray()

    def _pump(self, timeout: float) -> None:
        ready, _, _ = select.select([self.master], [], [], timeout)
        if ready:
            try:
                chunk = os.read(self.master, 1 << 16)
            except OSError:
                chunk = b""
            if not chunk:
                raise RuntimeError("the process closed its terminal")
            self.out += chunk

    def wait_for(self, text: str, after: int, timeout: float = 60.0) -> tuple[float, int]:
        """Read until `text` is in the output after byte `after`: the time it arrived and
        the offset after it."""
        needle = text.encode()
        end = time.perf_counter() + timeout
        while True:
            at = self.out.find(needle, after)
            if at >= 0:
                return time.perf_counter(), at + len(needle)
            if time.perf_counter() > end:
                tail = self.out[-3000:].decode(errors="replace")
                seen = re.sub(r"\x1b\[[0-9;?<>=$]*[a-zA-Z~]", "", tail)
                raise TimeoutError(
                    f"{text!r} not on screen after {timeout:.0f} s; last output:\n{seen}"
                )
            self._pump(0.05)

    def settle(self, quiet: float) -> int:
        """Read until the app has written nothing for `quiet` seconds; the output's length.
        Keep `quiet` under 0.5 s: a focused input's blinking cursor writes twice a second."""
        while True:
            before = len(self.out)
            self._pump(quiet)
            if len(self.out) == before:
                return before

    def read_for(self, seconds: float) -> None:
        """Go on reading the output for `seconds` (a person reading the part)."""
        end = time.perf_counter() + seconds
        while (left := end - time.perf_counter()) > 0:
            self._pump(min(left, 0.05))

    def key(self, keys: str) -> tuple[float, int]:
        at = len(self.out)
        sent = time.perf_counter()
        os.write(self.master, keys.encode())
        return sent, at

    def close(self) -> None:
        try:
            os.write(self.master, QUIT.encode())
            self.proc.wait(10)
        except (OSError, subprocess.TimeoutExpired):
            self.proc.kill()
            self.proc.wait(10)
        os.close(self.master)


def _part_markers(draft: Path) -> list[tuple[str, str]]:
    """(part key, the line over the part, `Del 2 av 12 · 1 Efterfrågan`), in the sidebar's
    order. The report screen writes that line once the part is mounted, so it is painted
    together with the part."""
    from rsp_tui.drafts import load_draft
    from rsp_tui.forms import load_form
    from rsp_tui.structure import parts

    shown = parts(load_form(), load_draft(draft).draft)
    total = len(shown) + 1  # and Granska och exportera
    return [(p.key, f"Del {n} av {total} · {p.title}") for n, p in enumerate(shown, 1)]


def _regions() -> list[str]:
    from rsp_tui.forms import region_names

    return region_names()


def _open_menu(term: Pty, samples: list[float]) -> None:
    """Enter on the focused Select until its open mark (▲) is on screen, which is painted
    with the menu; Enter again (the same option: nothing changes) until it is closed (▼)."""
    for _ in range(CHOICE_ROUNDS):
        sent, at = term.key(ENTER)
        shown, at = term.wait_for(OPEN_MARK, at)
        samples.append(shown - sent)
        term.settle(0.3)
        _, at = term.key(ENTER)
        term.wait_for(CLOSED_MARK, at)
        term.settle(0.3)


_INSATS_TITLE = re.compile(rb"Insats (\d+) av (\d+)")


def _insatser(term: Pty, samples: dict[str, list[float]]) -> None:
    """↓ through the insatser of the område on screen, then Ctrl+N (new insats)."""
    titles = _INSATS_TITLE.findall(bytes(term.out))
    if not titles:
        raise RuntimeError("no insats on screen on the last part")
    total = int(titles[-1][1])
    for n in range(2, min(total, INSATS_KEYS + 1) + 1):
        sent, at = term.key(DOWN)
        shown, at = term.wait_for(f"Insats {n} av {total}", at)
        samples["insats"].append(shown - sent)
        term.settle(0.3)
    for _ in range(NEW_INSATS):
        total += 1
        sent, at = term.key(CTRL_N)
        shown, at = term.wait_for(f"Insats {total} av {total}", at)
        samples["new_insats"].append(shown - sent)
        term.settle(0.3)


def _typing(term: Pty, samples: list[float]) -> None:
    """Type `TYPING_KEYS` characters at `TYPING_RATE` keys a second into the focused text,
    each timed until it is on screen."""
    for n in range(TYPING_KEYS):
        char = TYPING_TEXT[n % len(TYPING_TEXT)]
        sent, at = term.key(char)
        shown, at = term.wait_for(char, at, timeout=10.0)
        samples.append(shown - sent)
        rest = 1 / TYPING_RATE - (time.perf_counter() - sent)
        if rest > 0:
            term.read_for(rest)
    term.settle(0.3)


def _back_to(term: Pty, markers: list[tuple[str, str]], index: int) -> None:
    """F3 from the last part back to part `index`."""
    for _, marker in reversed(markers[index:-1]):
        _, at = term.key(F3)
        term.wait_for(marker, at)
        term.settle(0.3)


def measure_app(draft: Path, rounds: int, read: float = 0.0) -> dict[str, object]:
    markers = _part_markers(draft)
    samples: dict[str, list[float]] = {
        "start": [],
        "choice": [],
        "part": [],
        "insats": [],
        "new_insats": [],
        "typing": [],
    }
    by_part: dict[str, list[float]] = {}
    from rsp_tui.resume import remember_part

    for _ in range(rounds):
        # Open on the first part whatever the draft's state (a draft with every part done
        # opens where it was left, or at its first unfinished part): the figures walk from it.
        remember_part(draft, markers[0][0])
        term = Pty(APP_SCRIPT, str(draft))
        try:
            shown, at = term.wait_for(markers[0][1], 0)
            samples["start"].append(shown - term.started)
            at = term.settle(0.3)
            _open_menu(term, samples["choice"])
            term.read_for(read)
            for key, marker in markers[1:]:
                sent, at = term.key(F4)
                shown, at = term.wait_for(marker, at)
                samples["part"].append(shown - sent)
                by_part.setdefault(key, []).append(shown - sent)
                at = term.settle(0.3)
                term.read_for(read)
            _insatser(term, samples)
            _back_to(term, markers, 2)
            _typing(term, samples["typing"])
        finally:
            term.close()
    return {
        "start": statistics.median(samples["start"]),
        "choice": statistics.median(samples["choice"]),
        "insats": statistics.median(samples["insats"]),
        "new_insats": statistics.median(samples["new_insats"]),
        "typing": statistics.median(samples["typing"]),
        "typing_slowest": max(samples["typing"]),
        "part": statistics.median(samples["part"]),
        "part_slowest": max(statistics.median(v) for v in by_part.values()),
        "by_part": {k: statistics.median(v) for k, v in by_part.items()},
        "samples": samples,
    }


def measure_bare(rounds: int) -> dict[str, object]:
    start: list[float] = []
    keys: list[float] = []
    choice: list[float] = []
    typing: list[float] = []
    regions = _regions()
    for _ in range(rounds):
        term = Pty(BARE_SCRIPT, *regions)
        try:
            shown, at = term.wait_for("bare-ready", 0)
            start.append(shown - term.started)
            term.settle(0.3)
            for n in range(1, 11):
                sent, at = term.key(F4)
                shown, at = term.wait_for(f"bare-shown-{n:03d}", at)
                keys.append(shown - sent)
                term.settle(0.1)
            _open_menu(term, choice)
            term.key(TAB)  # from the Select to the input
            term.settle(0.3)
            _typing(term, typing)
        finally:
            term.close()
    return {
        "start": statistics.median(start),
        "key": statistics.median(keys),
        "choice": statistics.median(choice),
        "typing": statistics.median(typing),
        "typing_slowest": max(typing),
        "samples": {"start": start, "key": keys, "choice": choice, "typing": typing},
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog=__doc__.split("\n\n", 1)[1],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("what", choices=("app", "bare"))
    parser.add_argument("draft", nargs="?", type=Path, help="the draft (for app)")
    parser.add_argument("--rounds", type=int, default=3, help="processes to start (default 3)")
    parser.add_argument(
        "--read",
        type=float,
        default=0.0,
        metavar="SECONDS",
        help="app: after each part is on screen and the app quiet, wait this long before the"
        " next key, as a person reading the part (default 0: keys as fast as the app allows)",
    )
    args = parser.parse_args(argv)
    if (args.what == "app") != (args.draft is not None):
        parser.error("app needs a DRAFT" if args.what == "app" else "bare takes no draft")
    os.environ.setdefault("RSP_TUI_DRAFTS_DIR", tempfile.mkdtemp(prefix="rsp-bench-"))
    os.environ.setdefault("RSP_TUI_STATE_DIR", tempfile.mkdtemp(prefix="rsp-bench-state-"))
    rounds = max(1, args.rounds)
    if args.what == "app":
        result = measure_app(args.draft, rounds, max(0.0, args.read))
    else:
        result = measure_bare(rounds)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
