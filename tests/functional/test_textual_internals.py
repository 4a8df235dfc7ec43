"""The private parts of Textual that rsp-tui still relies on, each checked where it is used.

Textual is pinned to a minor version (pyproject.toml); these tests fail loudly when an upgrade
moves or renames one of them, so that the hook is looked at again instead of silently doing
nothing. Each place in the code says why there is no public way (checked against 8.2.8).
"""

from __future__ import annotations

import inspect
from importlib.metadata import version

from textual import events
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingsMap
from textual.command import CommandPalette
from textual.message_pump import MessagePump
from textual.widget import Widget
from textual.widgets import Select, Static

from rsp_tui.tui.app import RspApp
from rsp_tui.tui.swedish import CLOSE_LIST, SwedishCommandPalette
from rsp_tui.tui.widgets.choice import RspSelect, RspSelectOverlay

CHECKED_AGAINST = "8.2."


def test_textual_is_the_version_the_hooks_were_checked_against() -> None:
    installed = version("textual")
    assert installed.startswith(CHECKED_AGAINST), (
        f"Textual {installed}: check the private hooks listed in this file (and the comments"
        " at each use) against the new version, then update CHECKED_AGAINST and the pin"
    )


def test_exception_hooks_exist_and_lead_to_the_fatal_error() -> None:
    """RspApp._handle_exception / _fatal_error (tui/app.py): no public hook (textual#2818)."""
    for name in ("_handle_exception", "_fatal_error"):
        assert callable(getattr(App, name, None)), name
        assert name in RspApp.__dict__, name
    assert list(inspect.signature(App._handle_exception).parameters) == ["self", "error"]
    assert list(inspect.signature(App._fatal_error).parameters) == ["self"]
    # Textual's own default: a plain exception goes on to _fatal_error, which prints locals.
    assert "self._fatal_error()" in inspect.getsource(App._handle_exception)
    # Handlers, workers and timers report to the app through this method.
    assert "app._handle_exception(" in inspect.getsource(MessagePump)


def test_command_palette_no_matches_hook() -> None:
    """SwedishCommandPalette (tui/swedish.py) replaces the method that writes the text."""
    source = inspect.getsource(CommandPalette._start_no_matches_countdown)
    assert "No matches found" in source  # still written here, so the override still counts
    for name in ("_stop_no_matches_countdown", "_NO_MATCHES", "_NO_MATCHES_COUNTDOWN"):
        assert hasattr(CommandPalette, name), name
    assert "_list_visible" in CommandPalette._reactives
    assert "self._no_matches_timer" in inspect.getsource(CommandPalette.__init__)
    own = inspect.signature(SwedishCommandPalette._start_no_matches_countdown)
    assert own == inspect.signature(CommandPalette._start_no_matches_countdown)


async def test_own_keys_hooks() -> None:
    """OwnKeys (tui/widgets/inputs.py): the `_on_key` handler is dispatched per class, and a
    widget's own bindings are in `_bindings`."""
    seen: list[str] = []

    class Probe(Static, can_focus=True):
        BINDINGS = [Binding("x", "noop", "x")]

        async def _on_key(self, event: events.Key) -> None:
            seen.append(event.key)

    class One(App[None]):
        def compose(self) -> ComposeResult:
            yield Probe("probe")

    app = One()
    async with app.run_test() as pilot:
        probe = app.query_one(Probe)
        probe.focus()
        await pilot.press("x")
        assert seen == ["x"]
        assert isinstance(probe._bindings, BindingsMap)
        assert [b.action for b in probe._bindings.key_to_bindings["x"]] == ["noop"]


def test_pilot_idle_check_constants() -> None:
    """tests/functional/conftest.py makes Pilot's idle check finer through these."""
    import textual._wait as wait

    assert isinstance(wait.SLEEP_GRANULARITY, float) and isinstance(wait.SLEEP_IDLE, float)
    # Read from the module on every call (not only as defaults), so the patch takes effect.
    names = wait.wait_for_idle.__code__.co_names
    assert "SLEEP_GRANULARITY" in names and "SLEEP_IDLE" in names


def test_select_parts_rsp_select_builds_on() -> None:
    """RspSelect (tui/widgets/choice.py) composes its own menu from the private module's
    SelectCurrent and SelectOverlay, as Select.compose does, and uses Select's private
    `_options`, `_type_to_search` and `_watch_expanded`."""
    from textual.widgets._select import SelectCurrent, SelectOverlay

    compose = inspect.getsource(Select.compose)
    assert "SelectCurrent(" in compose and "SelectOverlay(" in compose
    assert issubclass(RspSelectOverlay, SelectOverlay) and SelectCurrent is not None
    assert callable(getattr(Select, "_watch_expanded", None))
    select: Select[str] = Select([("Ett", "1")])
    assert select._options[-1] == ("Ett", "1") and isinstance(select._type_to_search, bool)


def test_option_list_lines_goal_picker_reads() -> None:
    """GoalPicker.render_line (tui/widgets/goal_picker.py) maps a screen line to its option
    through OptionList's `_lines` and sizes the box by `_get_left_gutter_width`."""
    from textual.widgets import OptionList, SelectionList

    lines = inspect.getattr_static(OptionList, "_lines")
    assert isinstance(lines, property) and lines.fget is not None
    assert "tuple[int, int]" in str(inspect.signature(lines.fget).return_annotation)
    assert callable(getattr(SelectionList, "_get_left_gutter_width", None))
    assert SelectionList._get_left_gutter_width is not OptionList._get_left_gutter_width


def test_footer_rebuild_hook() -> None:
    """KeyFooter (tui/widgets/footer.py) replaces Footer.bindings_changed and sets the
    private reactive `_bindings_ready` that Footer.compose reads."""
    from textual.widgets import Footer

    assert "_bindings_ready" in Footer._reactives
    assert "self._bindings_ready" in inspect.getsource(Footer.compose)
    assert "self._bindings_ready = True" in inspect.getsource(Footer.bindings_changed)
    assert "bindings_changed" in inspect.getsource(Footer.on_mount)


def test_screen_text_helper_reads_the_compositor() -> None:
    """test_accessibility.screen_text renders the screen as text through the compositor (no
    public plain-text export; export_screenshot makes SVG)."""
    from textual.screen import Screen

    assert "self._compositor = " in inspect.getsource(Screen.__init__)
    assert "def render_update" in inspect.getsource(Screen.__init__.__globals__["Compositor"])
    assert isinstance(getattr(App, "_background_screens", None), property)


async def test_the_open_list_closes_with_a_swedish_key() -> None:
    """Public check of the Swedish Escape: the active bindings while the menu is open."""

    class One(App[None]):
        def compose(self) -> ComposeResult:
            yield RspSelect([("Ett", "1"), ("Två", "2")])

    app = One()
    async with app.run_test() as pilot:
        select = app.query_one(RspSelect)
        select.focus()
        await pilot.pause()
        await pilot.press("enter")  # opens the menu
        await pilot.pause()
        assert isinstance(app.focused, RspSelectOverlay)
        active = app.screen.active_bindings["escape"]
        assert active.node is app.focused and active.binding.description == CLOSE_LIST
        await pilot.press("escape")
        await pilot.pause()
        assert not select.expanded and isinstance(app.focused, Widget)
