"""The plain mode in a real terminal (a pty): a screen reader's user types answers, the
terminal echoes them, Ctrl+D ends; no alternate screen, no colour, the draft is saved."""

from __future__ import annotations

from pathlib import Path

from rsp_tui.drafts import load_draft
from tests.functional.terminal import Terminal, kill_leftovers

PLAIN_SCRIPT = """
import sys
from rsp_tui.cli import main
sys.exit(main(["--plain"]))
"""


def test_plain_mode_in_a_terminal(_isolated_drafts: Path) -> None:
    term = Terminal(None, script=PLAIN_SCRIPT)
    try:
        at = term.wait_for("Val: ")
        term.send("n\r")
        at = term.wait_for("namnet: ", after=at)
        term.send("skå\r")
        at = term.wait_for("Region Skåne.", after=at)
        term.send("2024\r")
        at = term.wait_for("Nuvarande svar: ", after=at)
        at = term.wait_for("Svar: ", after=at)
        term.send("\r")                      # Datum: keep
        at = term.wait_for("Upprättad av.", after=at)
        at = term.wait_for("Svar: ", after=at)
        term.send("Åsa Öberg\r")
        at = term.wait_for("Sparat.", after=at)
        at = term.wait_for("Svar: ", after=at)
        term.send("\x04")                    # Ctrl+D: end of input
        code, _ = term.finish()
    finally:
        kill_leftovers()
    out = term.output.decode("utf-8", "replace")
    assert code == 0, out[-2000:]
    assert "\x1b[?1049h" not in out and "\x1b[" not in out, "plain lines only"
    assert "Åsa Öberg" in out  # echoed by the terminal itself
    path = _isolated_drafts / "skane-2024.toml"
    assert f"Utkastet är sparat: {path}" in out
    assert load_draft(path).draft.answers["upprattad_av"] == "Åsa Öberg"
