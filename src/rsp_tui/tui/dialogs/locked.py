"""Provides the dialog shown when the draft is already open for editing in another rsp-tui:
who has it since when, and the choice to open it read-only, try again, or not open it."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

LockedChoice = Literal["read-only", "retry"]


class DraftLockedDialog(ModalScreen[LockedChoice | None]):
    """`read-only`, `retry`, or None (do not open)."""

    DEFAULT_CSS = """
    DraftLockedDialog { align: center middle; }
    DraftLockedDialog > Vertical {
        width: 84; max-width: 96%; height: auto; padding: 0 2;
        border: thick $warning; background: $surface;
    }
    DraftLockedDialog .dialog-title { text-style: bold; margin: 1 0; }
    DraftLockedDialog #locked-message { margin-bottom: 1; }
    DraftLockedDialog Horizontal { height: auto; margin: 1 0; align-horizontal: right; }
    DraftLockedDialog Button { margin-left: 2; }
    """

    BINDINGS = [Binding("escape", "cancel", "Avbryt", id="dialog-cancel")]

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__()
        self.path = path
        self.reason = reason
        """Swedish, from `DraftLockedError.message`: who has it open, since when."""

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("Utkastet är redan öppet", classes="dialog-title")
            yield Static(
                f"{self._who()}.\n\n"
                "Bara ett fönster i taget kan ändra i ett utkast, så att ingen skriver över"
                " någon annans ändringar. Du kan öppna det skrivskyddat: läsa och exportera"
                " till Word, men inte ändra. Stäng det andra fönstret och välj Försök igen"
                " för att ändra.",
                id="locked-message",
                markup=False,
            )
            with Horizontal():
                yield Button("Avbryt", id="cancel", compact=True)
                yield Button("Försök igen", id="retry", compact=True)
                yield Button("Öppna skrivskyddat", id="read-only", variant="primary", compact=True)

    def _who(self) -> str:
        """`Utkastet x.toml är redan öppet för redigering i ett annat fönster … sedan …`."""
        prefix = "utkastet är "
        if self.reason.startswith(prefix):
            return f"Utkastet {self.path.name} är {self.reason.removeprefix(prefix)}"
        return f"{self.path.name}: {self.reason}"

    def on_mount(self) -> None:
        self.query_one("#read-only", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "read-only":
            self.dismiss("read-only")
        elif event.button.id == "retry":
            self.dismiss("retry")
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)
