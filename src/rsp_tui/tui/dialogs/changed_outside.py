"""Provides the dialog shown when the draft file was changed by someone else while the report
was open (a text editor, a sync tool, a `.bak` put back by hand): their file is left as it
is, ours was saved beside it, and the user chooses which to go on with."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

ChangedChoice = Literal["theirs", "ours"]


class ChangedOutsideDialog(ModalScreen[ChangedChoice | None]):
    """`theirs` (load the file on disk), `ours` (write ours over it), or None (decide later:
    ours goes on being saved in the copy)."""

    DEFAULT_CSS = """
    ChangedOutsideDialog { align: center middle; }
    ChangedOutsideDialog > Vertical {
        width: 88; max-width: 96%; height: auto; padding: 0 2;
        border: thick $warning; background: $surface;
    }
    ChangedOutsideDialog .dialog-title { text-style: bold; margin: 1 0; }
    ChangedOutsideDialog #changed-message { margin-bottom: 1; }
    ChangedOutsideDialog Horizontal { height: auto; margin: 1 0; align-horizontal: right; }
    ChangedOutsideDialog Button { margin-left: 2; }
    """

    BINDINGS = [Binding("escape", "later", "Bestäm senare", id="dialog-cancel")]

    def __init__(self, path: Path, copy: Path) -> None:
        super().__init__()
        self.path = path
        self.copy = copy

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("Utkastet har ändrats utanför rsp-tui", classes="dialog-title")
            yield Static(
                f"Filen {self.path} har ändrats av något annat program medan du hade den"
                " öppen (en texteditor, ett synkprogram eller en återställd .bak). Den har"
                " inte skrivits över.\n\n"
                f"Dina ändringar är sparade i en kopia bredvid: {self.copy.name}.\n\n"
                "Läs in den andra versionen: du fortsätter med filen som den är nu (din"
                " version finns kvar i kopian).\n"
                "Behåll min version: din version sparas i utkastet, och den andra sparas som"
                f" {self.path.name}.bak.",
                id="changed-message",
                markup=False,
            )
            with Horizontal():
                yield Button("Bestäm senare", id="later", compact=True)
                yield Button("Läs in den andra versionen", id="theirs", compact=True)
                yield Button("Behåll min version", id="ours", variant="primary", compact=True)

    def on_mount(self) -> None:
        self.query_one("#ours", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "theirs":
            self.dismiss("theirs")
        elif event.button.id == "ours":
            self.dismiss("ours")
        else:
            self.dismiss(None)

    def action_later(self) -> None:
        self.dismiss(None)
