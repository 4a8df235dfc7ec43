"""The guard on Textual's output: text on screen never carries control characters to the
terminal, and taking them out moves nothing on the screen."""

from __future__ import annotations

from rich.console import Console
from rich.segment import ControlType, Segment
from rich.style import Style
from textual.app import App, ComposeResult
from textual.color import Color
from textual.filter import LineFilter
from textual.geometry import Region
from textual.strip import Strip
from textual.widgets import Label

from rsp_tui.tui import safe_output
from rsp_tui.tui.app import make_app

HOSTILE = "A\x1b]2;TITEL\x07B\x1b[8mC\x00\x08\x0b\x0c\x7f\x9bD\tE\u202eF 🏪"


def _filtered(strip: Strip) -> Strip:
    return strip.apply_filter(safe_output.CONTROL_FILTER, Color(0, 0, 0))


def test_the_app_filters_its_lines() -> None:
    filters = make_app().get_line_filters()
    assert filters.count(safe_output.CONTROL_FILTER) == 1


def test_control_characters_are_left_out_and_nothing_moves() -> None:
    console = Console(color_system="truecolor", force_terminal=True)
    strip = Strip([Segment(HOSTILE, Style(bold=True)), Segment(" slut")])
    width = strip.cell_length
    filtered = _filtered(strip)
    rendered = filtered.render(console)
    assert "\x1b]2;" not in rendered and "\x1b[8m" not in rendered
    for char in "\x00\x07\x08\x0b\x0c\x7f\x9b\t":
        assert char not in rendered
    assert "A]2;TITELB[8mCDE\u202eF 🏪" in rendered  # the visible text stays, in order
    assert filtered.cell_length == width  # the characters taken out took no cells
    assert rendered.startswith("\x1b[1m")  # Textual's own styling is untouched


def test_deliberate_control_segments_are_kept() -> None:
    console = Console(color_system="truecolor", force_terminal=True)
    # A control segment, as Rich makes for cursor moves: it is meant for the terminal.
    cursor_move = Segment("\x1b[5;5H", None, [(ControlType.CURSOR_MOVE_TO, 4, 4)])
    assert "\x1b[5;5H" in _filtered(Strip([Segment("a"), cursor_move])).render(console)


async def test_a_widget_line_reaches_the_terminal_without_control_characters() -> None:
    """Through Textual's own drawing: the filter is applied to every line a widget renders
    (a public hook, `App.get_line_filters`; checked against Textual 8.2)."""

    class One(App[None]):
        def compose(self) -> ComposeResult:
            yield Label(HOSTILE, markup=False)

        def get_line_filters(self) -> list[LineFilter]:
            return [*super().get_line_filters(), safe_output.CONTROL_FILTER]

    app = One()
    async with app.run_test(size=(60, 3)) as pilot:
        await pilot.pause()
        label = app.query_one(Label)
        (line,) = label.render_lines(Region(0, 0, label.size.width, 1))
        text = "".join(segment.text for segment in line if not segment.control)
        assert "TITEL" in text and not safe_output.UNSAFE.search(text)


def test_printed_notes_keep_their_lines() -> None:
    assert safe_output.clean_lines("rad 1\x1b[2J\nrad 2\x07") == "rad 1[2J\nrad 2"
