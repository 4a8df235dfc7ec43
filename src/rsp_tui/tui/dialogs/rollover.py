"""Provides the dialog of "Ny rapport från förra året": what will be carried into next year's
report and what is left, before the new draft is created."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static


class RolloverDialog(ModalScreen[bool]):
    """Show the rollover's summary; True creates the new report."""

    DEFAULT_CSS = """
    RolloverDialog { align: center middle; }
    RolloverDialog > Vertical {
        width: 90; max-width: 96%; height: auto; max-height: 90%; padding: 0 2;
        border: thick $primary; background: $surface;
    }
    RolloverDialog .dialog-title { text-style: bold; margin: 1 0; }
    RolloverDialog VerticalScroll { height: auto; max-height: 16; }
    RolloverDialog Horizontal { height: auto; margin: 1 0; align-horizontal: right; }
    RolloverDialog Button { margin-left: 2; }
    """

    BINDINGS = [Binding("escape", "cancel", "Avbryt", id="dialog-cancel")]

    def __init__(self, title: str, lines: list[str]):
        super().__init__()
        self.title_text = title
        self.lines = lines

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(self.title_text, classes="dialog-title")
            with VerticalScroll():
                yield Static("\n".join(self.lines), markup=False, id="rollover-summary")
            with Horizontal():
                yield Button("Avbryt", id="cancel", compact=True)
                yield Button("Skapa rapporten", id="create", variant="primary", compact=True)

    def on_mount(self) -> None:
        self.query_one("#create", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "create")

    def action_cancel(self) -> None:
        self.dismiss(False)
