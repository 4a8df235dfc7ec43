"""Provides the plain mode's line-by-line input and output: one line in, whole lines out.

No colour, no cursor movement, no box drawing: what is printed is what a screen reader reads
and what a script sees. Standard input need not be a terminal. The end of input (Ctrl+D, or a
script that runs out of lines) is `EndOfInput`, which the caller turns into "save and exit".
"""

from __future__ import annotations

import sys
from typing import TextIO

from rsp_tui.textutil import clean_text


class EndOfInput(Exception):
    """Standard input ended."""


class Console:
    """Reads answers a line at a time and prints plain lines."""

    def __init__(self, stdin: TextIO | None = None, stdout: TextIO | None = None):
        self.stdin = stdin if stdin is not None else sys.stdin
        self.stdout = stdout if stdout is not None else sys.stdout
        self.echo = not _is_tty(self.stdin)
        """Input that does not come from a terminal is not shown by one: print it after the
        prompt so that a transcript reads as a dialogue (and a listener hears the answer)."""

    def say(self, text: str = "") -> None:
        """Print `text` (it may hold several lines); control characters are made visible so
        that answers can never steer the terminal."""
        self.stdout.write(_visible(text) + "\n")
        self.stdout.flush()

    def blank(self) -> None:
        """An empty line: a pause for the ear, a gap for the eye."""
        self.say("")

    def ask(self, prompt: str) -> str:
        """Print `prompt` and read one line (without its line break).

        Raises:
            EndOfInput: standard input ended.
        """
        self.stdout.write(prompt)
        self.stdout.flush()
        line = self.stdin.readline()
        if not line:
            self.stdout.write("\n")
            self.stdout.flush()
            raise EndOfInput
        line = clean_text(line).removesuffix("\n")
        if self.echo:
            self.stdout.write(_visible(line) + "\n")
            self.stdout.flush()
        return line

    def ask_lines(self, prompt: str, first: str) -> list[str]:
        """Read the rest of a multi-line answer whose first line was `first`: lines up to one
        holding only a full stop (or the end of input, which keeps what was typed)."""
        lines = [first]
        while True:
            try:
                line = self.ask(prompt)
            except EndOfInput:
                return lines
            if line.strip() == ".":
                return lines
            lines.append(line)


def _is_tty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


_CONTROL = {c: f"^{chr(c + 64)}" for c in range(32) if c not in (9, 10)}
_CONTROL[127] = "^?"
_CONTROL.update({c: "?" for c in range(0x80, 0xA0)})


def _visible(text: str) -> str:
    """`text` with control characters (escape sequences among them) shown as `^[` etc."""
    return text.translate(_CONTROL)
