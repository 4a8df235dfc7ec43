"""The guard on Textual's output: text on screen never carries control characters to the
terminal, and taking them out moves nothing on the screen."""

from __future__ import annotations

from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from rsp_tui.tui import safe_output
from rsp_tui.tui.app import make_app


def test_the_app_installs_the_guard() -> None:
    make_app()
    make_app()  # twice: still one guard
    assert hasattr(Strip.render, "__wrapped__")
    assert not hasattr(Strip.render.__wrapped__, "__wrapped__")  # type: ignore[attr-defined]


def test_control_characters_are_left_out_and_nothing_moves() -> None:
    safe_output.install()
    console = Console(color_system="truecolor", force_terminal=True)
    text = "A\x1b]2;TITEL\x07B\x1b[8mC\x00\x08\x0b\x0c\x7f\x9bD\tE\u202eF 🏪"
    strip = Strip([Segment(text, Style(bold=True)), Segment(" slut")])
    width = strip.cell_length
    rendered = strip.render(console)
    assert "\x1b]2;" not in rendered and "\x1b[8m" not in rendered
    for char in "\x00\x07\x08\x0b\x0c\x7f\x9b\t":
        assert char not in rendered
    assert "A]2;TITELB[8mCDE\u202eF 🏪" in rendered  # the visible text stays, in order
    assert strip.cell_length == width  # the characters taken out took no cells
    assert rendered.startswith("\x1b[1m")  # Textual's own styling is untouched


def test_deliberate_control_segments_are_kept() -> None:
    safe_output.install()
    console = Console(color_system="truecolor", force_terminal=True)
    # A control segment, as Rich makes for cursor moves: it is meant for the terminal.
    strip = Strip([Segment("a"), Segment("\x1b[5;5H", None, [(1,)])])  # type: ignore[list-item]
    assert "\x1b[5;5H" in strip.render(console)


def test_printed_notes_keep_their_lines() -> None:
    assert safe_output.clean_lines("rad 1\x1b[2J\nrad 2\x07") == "rad 1[2J\nrad 2"
