"""Provides the dialog shown when the draft named on the command line (`rsp-tui FIL`) cannot be
read: why, that the file is left as it is, and the choice of the start screen or quitting."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

from rsp_tui.drafts.store import backup_path


class OpenFailedDialog(ModalScreen[bool]):
    """True quits rsp-tui; False goes on to the start screen."""

    DEFAULT_CSS = """
    OpenFailedDialog { align: center middle; }
    OpenFailedDialog > Vertical {
        width: 84; max-width: 96%; height: auto; max-height: 90%; padding: 0 2;
        border: thick $error; background: $surface;
    }
    OpenFailedDialog .dialog-title { text-style: bold; margin: 1 0; }
    OpenFailedDialog Horizontal { height: auto; margin: 1 0; align-horizontal: right; }
    OpenFailedDialog Button { margin-left: 2; }
    """

    BINDINGS = [Binding("escape", "start", "Till startskärmen", id="dialog-cancel")]

    def __init__(self, path: Path, problem: str) -> None:
        super().__init__()
        self.path = path
        self.problem = problem
        """Swedish, from `DraftError.describe()`: the file, the line and what is wrong."""

    def compose(self) -> ComposeResult:
        lines = [self.problem, "", "Filen lämnas orörd: rsp-tui skriver aldrig över den."]
        backup = backup_path(self.path)
        if backup.is_file():
            lines.append(
                f"Den förra versionen finns i {backup.name}; öppna den med O (Öppna fil) på"
                " startskärmen."
            )
        with Vertical():
            yield Label("Utkastet kan inte öppnas", classes="dialog-title")
            yield Static("\n".join(lines), id="open-failed-message", markup=False)
            with Horizontal():
                yield Button("Avsluta", id="quit", compact=True)
                yield Button("Till startskärmen", id="to-start", variant="primary", compact=True)

    def on_mount(self) -> None:
        self.query_one("#to-start", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "quit")

    def action_start(self) -> None:
        self.dismiss(False)
