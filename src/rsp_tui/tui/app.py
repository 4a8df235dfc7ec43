"""Provides the Textual app: screen routing, opening drafts (one writer per draft), quitting,
signals and crashes. Thin on purpose; the screens do the work and the headless core does the
rest.

    run(path, folder) -> int      used by `rsp-tui` and `rsp-tui FILE`
    make_app(...)                 shared by the CLI, the tests and the snapshot app
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
import time
from collections.abc import Iterable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypedDict, Unpack

from rich.console import RenderableType
from rich.text import Text
from textual import events
from textual.app import App, ScreenStackError, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.css.query import NoMatches
from textual.dom import NoScreen
from textual.errors import NoWidget
from textual.filter import LineFilter
from textual.screen import Screen
from textual.widget import MountError
from textual.worker import WorkerFailed

from rsp_tui import startgc
from rsp_tui.drafts.model import now
from rsp_tui.drafts.session import Clock, DraftSession
from rsp_tui.errors import OMITTED, DraftError, DraftLockedError, RspError, safe_traceback
from rsp_tui.forms import DEFAULT_FORM_ID, load_form, load_regions, programme_for_region
from rsp_tui.paths import drafts_dir
from rsp_tui.resume import remember_theme, remembered_theme
from rsp_tui.tui import readonly, safe_output, swedish, themes
from rsp_tui.tui.dialogs.changed_outside import ChangedChoice, ChangedOutsideDialog
from rsp_tui.tui.dialogs.locked import DraftLockedDialog, LockedChoice
from rsp_tui.tui.dialogs.new_report import NewReport, NewReportDialog
from rsp_tui.tui.dialogs.open_draft import OpenDraftDialog
from rsp_tui.tui.dialogs.open_failed import OpenFailedDialog
from rsp_tui.tui.dialogs.save_failed import SaveFailedDialog
from rsp_tui.tui.screens.report import ReportScreen
from rsp_tui.tui.watchdog import HANGUP, TerminalWatchdog
from rsp_tui.years import default_year

if TYPE_CHECKING:
    from rich.traceback import Trace  # imported only on a crash

def _start_screen(folder: Path) -> Screen[Any]:
    """The start screen (the list of drafts), imported when first shown: opening a draft
    directly does not need it (nor Textual's DataTable, which it and the insatser list use)."""
    from rsp_tui.tui.screens.start import StartScreen

    return StartScreen(folder)


RESUME_GC_AFTER = 3.0
"""Seconds after the app is mounted when the garbage collector paused for the start is on
again at the latest (the report screen turns it on as soon as its first part is on screen)."""

HANDLED_SIGNALS = tuple(
    s
    for s in (
        getattr(signal, "SIGTERM", None),
        getattr(signal, "SIGHUP", None),
        getattr(signal, "SIGINT", None),  # `kill -INT` (Ctrl+C itself arrives as a key)
        getattr(signal, "SIGQUIT", None),  # would otherwise leave the terminal unrestored
    )
    if s
)

EXIT_UNREADABLE = 2
"""Exit status when the draft named on the command line cannot be read (as `rsp-tui check`)."""

TEARDOWN_ERRORS = (MountError, NoMatches, NoScreen, ScreenStackError)
"""Errors of widgets that are being removed because the app is closing."""

PREBUILD_PAUSE = 1.0
"""Seconds without a key, paste or click before the report starts building the parts not
visited yet (hidden, one at a time), so that a first visit only shows them."""

READ_ONLY_HINT_EVERY = 4.0
"""Seconds between two reminders that a read-only report cannot be changed."""


class RspApp(App[None]):
    """rsp-tui: the start screen, then one report."""

    CSS_PATH = "app.tcss"
    TITLE = "rsp-tui"
    SUB_TITLE = "Uppföljning av regionalt serviceprogram"
    HORIZONTAL_BREAKPOINTS = [(0, "-tiny"), (80, "-narrow"), (100, "-normal"), (130, "-wide")]
    """`-tiny` (under 80 columns): the report's sidebar is hidden until Ctrl+B shows it."""

    BINDINGS = [
        Binding(
            "ctrl+q",
            "quit",
            "Avsluta",
            id="quit",
            priority=True,
            tooltip="Avsluta rsp-tui. Allt är redan sparat.",
        ),
        Binding(
            "ctrl+p",
            "command_palette",
            "Kommandon",
            id="command-palette",
            priority=True,
            show=False,
            tooltip="Sök bland kommandona: gå till del, kontrollera, exportera, spara, tema",
        ),
        Binding("ctrl+c", "help_quit", show=False, system=True),
        Binding(
            "f1",
            "keys",
            "Tangenter",
            id="keys",
            show=False,  # the footer has no room at 80 columns; the overview lists itself
            tooltip="Alla tangenter och deras alternativ",
        ),
        Binding("question_mark", "keys", "Tangenter", id="keys-question", show=False),
        Binding("ctrl+b", "toggle_sidebar", "Visa/dölj delarna", id="toggle-sidebar", show=False),
    ]

    def __init__(
        self,
        path: Path | None = None,
        folder: Path | None = None,
        *,
        clock: Clock = now,
        autosave_delay: float = 0.8,
        cursor_blink: bool = True,
        prebuild_pause: float | None = None,
    ) -> None:
        super().__init__()
        self.register_theme(themes.HIGH_CONTRAST)
        self.start_path = path
        self.folder = drafts_dir(folder)
        self.clock = clock
        self.autosave_delay = autosave_delay
        self.prebuild_pause = prebuild_pause
        """Seconds of no input before the report builds a part not visited yet, hidden
        (tui/prebuild.py); None: parts are built when first visited (the tests' default)."""
        self.cursor_blink = cursor_blink
        """Input cursors blink (off for snapshots)."""
        self.report_screen: ReportScreen | None = None
        self.exit_note = ""
        """Printed after the app has closed the terminal (e.g. where a crash saved the draft)."""
        self._regions: list[str] | None = None
        self._crash: Exception | None = None
        self._read_only_hint_at = float("-inf")
        self._leaving = False
        self._told_conflicts: set[Path] = set()
        """Copies of ours the user was told about (see `changed_outside`)."""
        self.loop: asyncio.AbstractEventLoop | None = None
        """The running event loop (for the terminal watchdog's thread)."""

    # -- start ---------------------------------------------------------------------------

    def on_mount(self) -> None:
        self.loop = asyncio.get_running_loop()
        self._install_signal_handlers()
        if startgc.paused():  # at the latest now and then, whatever the first screen is
            self.set_timer(RESUME_GC_AFTER, startgc.resume)
        theme = remembered_theme()
        if theme is not None and theme in self.available_themes:
            self.theme = theme
        self._remember_theme = True
        path = self.start_path
        if path is None:
            self.push_screen(_start_screen(self.folder))
            return
        # `rsp-tui FILE`: straight to the report. If it cannot be opened, the start screen
        # with a dialog that says why (and offers to quit, with a non-zero status).
        try:
            session = DraftSession.open(path, clock=self.clock)
        except DraftLockedError as exc:
            self.push_screen(_start_screen(self.folder))
            self.ask_read_only(path, exc)
            return
        except DraftError as exc:
            self.push_screen(_start_screen(self.folder))

            def decided(quit_now: bool | None) -> None:
                if quit_now:
                    self.exit(return_code=EXIT_UNREADABLE)

            self.push_screen(OpenFailedDialog(path, exc.describe()), decided)
            return
        self.report_screen = ReportScreen(
            session,
            self.regions,
            autosave_delay=self.autosave_delay,
            prebuild_pause=self.prebuild_pause,
        )
        self.push_screen(self.report_screen)

    @property
    def regions(self) -> list[str]:
        if self._regions is None:
            self._regions = [r.name for r in load_regions()]
        return self._regions

    def open_path(self, path: Path) -> None:
        """Open a draft file for editing; on failure stay on the start screen and say why. A
        draft open in another rsp-tui can be opened read-only."""
        try:
            session = DraftSession.open(path, clock=self.clock)
        except DraftLockedError as exc:
            self.ask_read_only(path, exc)
            return
        except DraftError as exc:
            self.notify(
                f"Utkastet kan inte öppnas: {exc.describe()}. Filen lämnas orörd.",
                severity="error",
                timeout=15,
            )
            return
        self.open_session(session)

    def ask_read_only(self, path: Path, error: DraftLockedError) -> None:
        """Say who has the draft open since when; open it read-only, or try again."""

        def chosen(choice: LockedChoice | None) -> None:
            if choice == "retry":
                self.open_path(path)
            elif choice == "read-only":
                try:
                    session = DraftSession.open(path, clock=self.clock, read_only=error.message)
                except DraftError as exc:
                    self.notify(
                        f"Utkastet kan inte öppnas: {exc.describe()}", severity="error", timeout=15
                    )
                    return
                self.open_session(session)

        self.push_screen(DraftLockedDialog(path, error.message), chosen)

    def open_session(self, session: DraftSession) -> None:
        """Show the report editor for `session` (replacing the start screen)."""
        report = ReportScreen(
            session,
            self.regions,
            autosave_delay=self.autosave_delay,
            prebuild_pause=self.prebuild_pause,
        )
        self.report_screen = report
        self.switch_screen(report)

    def ask_new_report(self, existing: dict[tuple[str, int], Path]) -> None:
        """Ask for region and year, then create and open the draft."""
        form = load_form(DEFAULT_FORM_ID)
        with_programme = {r.name for r in load_regions() if r.programme}
        year = default_year(self.clock().date(), form.years)

        def create(choice: NewReport | None) -> None:
            if choice is None:
                return
            try:
                session = DraftSession.create(
                    form,
                    choice.region,
                    choice.year,
                    self.folder,
                    programme_for_region(choice.region),
                    clock=self.clock,
                )
            except RspError as exc:
                self.notify(
                    f"Rapporten kunde inte skapas: {exc.describe()}", severity="error", timeout=15
                )
                return
            self.open_session(session)

        dialog = NewReportDialog(self.regions, with_programme, year, form.years, existing)
        self.push_screen(dialog, create)

    def ask_open_path(self) -> None:
        """Ask for a path and open that draft."""

        def opened(result: DraftSession | DraftLockedError | None) -> None:
            if isinstance(result, DraftSession):
                self.open_session(result)
            elif isinstance(result, DraftLockedError) and result.path is not None:
                self.ask_read_only(result.path, result)

        opener = lambda path: DraftSession.open(path, clock=self.clock)  # noqa: E731
        self.push_screen(OpenDraftDialog(self.folder, opener), opened)

    async def action_to_start(self) -> None:
        """Save, close the report and show the drafts again."""
        report = self.report_screen
        if report is not None:
            result = report.save_now()
            if not result.ok:
                self.notify(f"Utkastet kunde inte sparas: {result.error}", severity="error")
                return
            self.report_screen = None
        await self.switch_screen(_start_screen(self.folder))

    def changed_outside(self, session: DraftSession, copy: Path) -> None:
        """The draft file was changed by someone else: say so (once per change), and let the
        user load their version or keep ours. Until then ours is saved in `copy`."""
        if copy in self._told_conflicts:
            return
        self._told_conflicts.add(copy)

        def chosen(choice: ChangedChoice | None) -> None:
            if choice == "theirs":
                session.close()
                try:
                    fresh = DraftSession.open(session.path, clock=self.clock)
                except DraftLockedError as exc:
                    self.ask_read_only(session.path, exc)
                    return
                except DraftError as exc:
                    self.notify(
                        f"Den andra versionen kan inte läsas: {exc.describe()}. Din version"
                        f" finns i {copy}.",
                        severity="error",
                        timeout=20,
                    )
                    return
                self.open_session(fresh)
                self.notify(f"Den andra versionen är inläst. Din version finns i {copy}.")
            elif choice == "ours":
                result = session.keep_ours()
                if result.ok and result.conflict is None:
                    self.notify(
                        f"Din version är sparad i {session.path}; den andra finns som"
                        f" {session.path.name}.bak."
                    )
                elif not result.ok:
                    self.notify(
                        f"Utkastet kunde inte sparas: {result.error}", severity="error"
                    )
            else:
                self.notify(
                    f"Dina ändringar sparas i {copy} tills du bestämmer dig.", timeout=10
                )

        self.push_screen(ChangedOutsideDialog(session.path, copy), chosen)

    # -- commands ------------------------------------------------------------------------

    def get_line_filters(self) -> Sequence[LineFilter]:
        # Answers and file names on screen never drive the terminal (see safe_output).
        return [*super().get_line_filters(), safe_output.CONTROL_FILTER]

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        report = self.report_screen
        if report is not None and screen is report:
            yield SystemCommand(
                "Gå till del …", "Välj en del av rapporten", report.action_choose_part
            )
            yield SystemCommand(
                "Kontrollera", "Visa allt som saknas eller är fel", report.action_review
            )
            yield SystemCommand("Exportera", "Skapa Word-dokumentet", report.action_export)
            yield SystemCommand("Spara", "Spara utkastet nu (Ctrl+S)", report.action_save)
            yield SystemCommand("Till startskärmen", "Stäng rapporten", self.action_to_start)
            yield from self._key_commands(report)
        yield SystemCommand(
            "Byt tema", "Mörkt, Ljust eller Hög kontrast", self.action_change_theme
        )
        yield SystemCommand(
            "Tangentbord", "Alla tangenter och hur man når dem utan F- och Alt-tangenter",
            self.action_keys,
        )
        yield SystemCommand("Avsluta", "Avsluta rsp-tui; allt är redan sparat", self.action_quit)

    def action_command_palette(self) -> None:
        if not isinstance(self.screen, CommandPalette):
            self.push_screen(
                swedish.SwedishCommandPalette(placeholder="Sök kommando …", id="--command-palette")
            )

    def watch_theme(self, name: str) -> None:
        """The theme chosen (in Byt tema) is the one the next start uses."""
        if getattr(self, "_remember_theme", False):
            remember_theme(name)

    def action_change_theme(self) -> None:
        self.push_screen(
            swedish.SwedishCommandPalette(
                providers=[themes.SwedishThemes], placeholder="Sök tema …"
            )
        )

    def action_keys(self) -> None:
        """The keys overview of the screen the user is on."""
        from rsp_tui.tui.dialogs.keys import KeysDialog

        if not isinstance(self.screen, KeysDialog):
            self.push_screen(KeysDialog(self.screen))

    def action_toggle_sidebar(self) -> None:
        """Show or hide the list of parts (hidden below 80 columns until asked for)."""
        report = self.screen
        if not isinstance(report, ReportScreen):
            return
        tiny = report.has_class("-tiny")
        shown = report.has_class("-show-sidebar") if tiny else not report.has_class(
            "-hide-sidebar"
        )
        report.set_class(tiny and not shown, "-show-sidebar")
        report.set_class(not tiny and shown, "-hide-sidebar")
        if not shown:
            with contextlib.suppress(NoMatches):
                report.query_one("#parts").focus()

    def _key_commands(self, report: ReportScreen) -> Iterable[SystemCommand]:
        """What the F- and Alt-keys of a report do, reachable without them."""
        run = report.run_action
        yield SystemCommand("Nästa del", "F4 eller Ctrl+PageDown", partial(run, "next_part"))
        yield SystemCommand(
            "Föregående del", "F3 eller Ctrl+PageUp", partial(run, "previous_part")
        )
        yield SystemCommand("Visa eller dölj hjälpen", "F1", partial(run, "toggle_help"))
        yield SystemCommand("Visa eller dölj delarna", "Ctrl+B", self.action_toggle_sidebar)
        yield SystemCommand("Ny insats", "Ctrl+N", partial(run, "insats('add')"))
        yield SystemCommand("Duplicera insatsen", "Alt+D", partial(run, "insats('duplicate')"))
        yield SystemCommand("Flytta insatsen upp", "Alt+↑", partial(run, "insats('move_up')"))
        yield SystemCommand(
            "Flytta insatsen ned", "Alt+↓", partial(run, "insats('move_down')")
        )

    def action_help_quit(self) -> None:
        self.notify("Tryck Ctrl+Q för att avsluta. Allt är redan sparat.", timeout=4)

    # -- read-only -----------------------------------------------------------------------

    async def on_event(self, event: events.Event) -> None:
        if self.report_screen is not None and isinstance(
            event, events.Key | events.Paste | events.MouseDown
        ):
            self.report_screen.prebuilder.postpone()
        if self._refused_read_only(event):
            event.stop()
            event.prevent_default()
            return
        await super().on_event(event)

    def _refused_read_only(self, event: events.Event) -> bool:
        """A key, paste or click that would change a report opened read-only."""
        if not isinstance(event, events.Key | events.Paste | events.MouseDown | events.MouseUp):
            return False
        if event.is_forwarded:
            return False
        try:
            screen = self.screen
        except ScreenStackError:  # starting or closing
            return False
        if not isinstance(screen, ReportScreen) or screen.session.read_only is None:
            return False
        if isinstance(event, events.Key):
            refused = readonly.refuses(self.focused, "key", event.key, event.is_printable)
        elif isinstance(event, events.Paste):
            refused = readonly.refuses(self.focused, "paste")
        else:
            try:
                widget, _ = self.get_widget_at(event.x, event.y)
            except NoWidget:
                return False
            refused = readonly.refuses(widget, "click")
        if refused:
            self._remind_read_only()
        return refused

    def _remind_read_only(self) -> None:
        now = time.monotonic()
        if now - self._read_only_hint_at < READ_ONLY_HINT_EVERY:
            return
        self._read_only_hint_at = now
        self.notify(
            "Utkastet är öppet skrivskyddat och kan inte ändras här. Du kan läsa och exportera.",
            title="Skrivskyddat",
            severity="warning",
            timeout=READ_ONLY_HINT_EVERY,
        )

    # -- leaving -------------------------------------------------------------------------

    async def settle_input(self) -> None:
        """Let the focused widget handle keys it has received but not yet processed (a fast
        typist, a paste) before its contents are saved or the widget is removed."""
        # Keys wait in the screen's queue before they reach the focused widget, and a key may
        # start a chain of messages (Enter in a menu: the option chosen, then the Select's new
        # value, then focus back on it), each queued behind the last on the focused widget or
        # its parents: three rounds over these queues let the chain finish. A queue whose own
        # handler is running (and waiting here) is skipped.
        current = asyncio.current_task()
        for _ in range(3):
            focused = self.focused
            if focused is None:
                return
            waits = []
            for node in focused.ancestors_with_self:
                if node is self:
                    break
                if getattr(node, "_task", None) is current:
                    continue
                handled = asyncio.Event()
                node.call_later(handled.set)
                waits.append(handled.wait())
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(asyncio.gather(*waits), timeout=1.0)

    async def action_quit(self) -> None:
        """Save and quit; ask only if saving fails (then the answers would be lost)."""
        report = self.report_screen
        if report is not None:
            await self.settle_input()
            result = report.save_now()
            if result.ok and result.conflict is not None:
                if result.conflict not in self._told_conflicts:
                    self.changed_outside(report.session, result.conflict)
                    return  # the user decides first; Ctrl+Q again quits
            if not result.ok:

                def decided(quit_now: bool | None) -> None:
                    if quit_now:
                        self.exit()

                self.push_screen(SaveFailedDialog(report.session, result.error or ""), decided)
                return
        self.exit()

    def save_before_exit(self) -> str:
        """Save the draft however possible; a Swedish note saying where it went."""
        report = self.report_screen
        if report is None:
            return ""
        try:
            report.commit()
        except Exception:  # the widgets may be what broke; the draft in memory is what counts
            pass
        session = report.session
        if session.read_only is not None:
            return "Utkastet var öppet skrivskyddat och har inte ändrats."
        where = session.rescue()
        if where is None:
            return (
                "Utkastet kunde inte sparas; ändringarna sedan senaste sparningen har gått"
                " förlorade."
            )
        if where == session.path:
            return f"Utkastet är sparat i {where}."
        if where == session.conflict_path:
            return (
                f"{session.path} hade ändrats utanför rsp-tui och har inte skrivits över; dina"
                f" ändringar är sparade i {where}."
            )
        return f"Utkastet kunde inte sparas i {session.path}; en kopia finns i {where}."

    def _install_signal_handlers(self) -> None:
        try:
            loop = asyncio.get_running_loop()
            for sig in HANDLED_SIGNALS:
                loop.add_signal_handler(sig, self._on_signal, sig)
        except (NotImplementedError, RuntimeError, ValueError):
            pass  # not the main thread, or a platform without these signals

    def remove_signal_handlers(self) -> None:
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return
        for sig in HANDLED_SIGNALS:
            try:
                loop.remove_signal_handler(sig)
            except (NotImplementedError, RuntimeError, ValueError):
                pass

    def close_from_thread(self, signum: int) -> None:
        """Ask the app, from another thread, to close as on `signum` (never blocks)."""
        if self.loop is not None and not self._leaving:
            self.loop.call_soon_threadsafe(self._on_signal, signum)

    def _on_signal(self, signum: int) -> None:
        """SIGTERM, SIGHUP, SIGINT or SIGQUIT: save, then close cleanly so the terminal is
        restored."""
        self.exit_note = self.save_before_exit()
        self.remove_signal_handlers()
        self.exit(return_code=128 + signum)

    def exit(
        self, result: None = None, return_code: int = 0, message: RenderableType | None = None
    ) -> None:
        self._leaving = True
        super().exit(result, return_code, message)

    # Private Textual hooks (checked against Textual 8.2.8): Textual has no public hook for an
    # unhandled exception (textual#2818); every handler, worker and timer calls the app's
    # `_handle_exception`, which calls `_fatal_error` to print the traceback with local
    # variables. Overriding both is the only way to save first and to print no answers.
    # tests/functional/test_textual_internals.py fails if either changes.
    def _handle_exception(self, error: Exception) -> None:
        if self._leaving and isinstance(error, TEARDOWN_ERRORS):
            # A part still being switched (or a view still being built) when Ctrl+Q or a
            # signal closed the app: the draft is saved and the widgets are going anyway.
            return
        # An unexpected exception: save first, then let Textual close (return code 1).
        note = self.save_before_exit()
        self.exit_note = f"rsp-tui stannade på grund av ett oväntat fel. {note}"
        # A worker's error is wrapped; its own traceback is the one that helps a bug report.
        inner = error.error if isinstance(error, WorkerFailed) else error
        self._crash = inner if isinstance(inner, Exception) else error
        super()._handle_exception(error)

    def _fatal_error(self) -> None:
        # As Textual's, but without local variables or the exception's text: they may hold
        # answers (personal data). File names and line numbers are kept for a bug report.
        from rich.traceback import Traceback

        self.bell()
        error = self._crash
        if error is None:
            self.panic(Text(self.exit_note))
            return
        trace = Traceback.extract(type(error), error, error.__traceback__, show_locals=False)
        _scrub(trace)
        self.panic(Traceback(trace, width=None))


def _scrub(trace: Trace) -> None:
    """Remove from a Rich trace whatever may quote answers: the text and notes of every
    exception in it, chained or grouped. Syntax errors are the program's, not answers."""
    for stack in trace.stacks:
        stack.exc_value = OMITTED
        stack.notes = []
        for group in stack.exceptions:
            _scrub(group)


def _is_terminal(fd: int) -> bool:
    try:
        return os.isatty(fd)
    except OSError:
        return False


class AppOptions(TypedDict, total=False):
    """The keyword arguments of `make_app` (for `run` and the tests)."""

    clock: Clock
    autosave_delay: float
    cursor_blink: bool
    prebuild_pause: float | None


def make_app(
    path: Path | None = None,
    folder: Path | None = None,
    *,
    clock: Clock = now,
    autosave_delay: float = 0.8,
    cursor_blink: bool = True,
    prebuild_pause: float | None = None,
) -> RspApp:
    """The app, as the CLI, the tests and the snapshot app build it."""
    return RspApp(
        path,
        folder,
        clock=clock,
        autosave_delay=autosave_delay,
        cursor_blink=cursor_blink,
        prebuild_pause=prebuild_pause,
    )


def run(path: Path | None, folder: Path | None, **options: Unpack[AppOptions]) -> int:
    """Run the app in the terminal; the exit status (non-zero after a crash or a signal).

    `options` go to `make_app` (the tests use a long autosave delay). In the terminal, the
    report builds the parts not visited yet while the user pauses (`PREBUILD_PAUSE`)."""
    options.setdefault("prebuild_pause", PREBUILD_PAUSE)
    app = make_app(path, folder, **options)
    watchdog = None
    if _is_terminal(0):
        watchdog = TerminalWatchdog(
            0,
            close_gently=lambda: app.close_from_thread(HANGUP),
            save_now=lambda: safe_output.clean_lines(app.save_before_exit()),
        )
        watchdog.start()
    try:
        app.run()
    except Exception as exc:  # outside Textual's own handling (starting, stopping the driver)
        note = app.save_before_exit()
        with contextlib.suppress(OSError):
            print(safe_traceback(exc), file=sys.stderr)
            print(
                safe_output.clean_lines(f"rsp-tui stannade på grund av ett oväntat fel. {note}"),
                file=sys.stderr,
            )
        return 1
    finally:
        startgc.resume()
        if watchdog is not None:
            watchdog.stop()
        if app.report_screen is not None:
            app.report_screen.session.close()  # the lock; the kernel would drop it at exit too
    if app.exit_note and app.return_code:
        with contextlib.suppress(OSError):  # after SIGHUP the terminal may be gone
            print(safe_output.clean_lines(app.exit_note), file=sys.stderr)
    return app.return_code or 0
