"""Provides the dialog that opens a draft by its path."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from rsp_tui.drafts.session import DraftSession
from rsp_tui.errors import DraftError, DraftLockedError
from rsp_tui.tui.path_suggester import PathSuggester
from rsp_tui.tui.widgets.inputs import RspInput


class OpenDraftDialog(ModalScreen[DraftSession | DraftLockedError | None]):
    """Type a path; the draft is read here, so that an error is shown before leaving. A draft
    open in another rsp-tui closes the dialog with the `DraftLockedError`, for the app to ask
    whether to open it read-only."""

    DEFAULT_CSS = """
    OpenDraftDialog { align: center middle; }
    OpenDraftDialog > Vertical {
        width: 80; max-width: 96%; height: auto; padding: 0 2;
        border: thick $primary; background: $surface;
    }
    OpenDraftDialog .dialog-title { text-style: bold; margin: 1 0; }
    OpenDraftDialog #open-error { color: $error; margin-top: 1; }
    OpenDraftDialog Horizontal { height: auto; margin: 1 0; align-horizontal: right; }
    OpenDraftDialog Button { margin-left: 2; }
    """

    BINDINGS = [Binding("escape", "cancel", "Avbryt", id="dialog-cancel")]

    def __init__(self, folder: Path, opener: Callable[[Path], DraftSession]) -> None:
        super().__init__()
        self.folder = folder
        self.opener = opener

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("Öppna ett utkast", classes="dialog-title")
            yield Label(
                "Sökväg till utkastet (.toml). En sökväg utan mapp söks i utkastmappen."
                " Högerpil fyller i förslaget."
            )
            yield RspInput(
                placeholder=str(self.folder / "exempel-2023.toml"),
                id="open-path",
                suggester=PathSuggester(self.folder),
            )
            yield Static("", id="open-error", markup=False)
            with Horizontal():
                yield Button("Avbryt", id="cancel", compact=True)
                yield Button("Öppna", id="open", variant="primary", compact=True)

    @on(Input.Submitted, "#open-path")
    @on(Button.Pressed, "#open")
    def _open(self) -> None:
        text = self.query_one("#open-path", Input).value.strip().strip("'\"")
        if not text:
            self.query_one("#open-error", Static).update("Skriv sökvägen till ett utkast.")
            return
        path = Path(text).expanduser()
        if not path.is_absolute() and len(path.parts) == 1 and not path.exists():
            path = self.folder / path
        try:
            session = self.opener(path)
        except DraftLockedError as exc:
            self.dismiss(exc)
            return
        except DraftError as exc:
            self.query_one("#open-error", Static).update(
                f"Kan inte öppnas: {exc.describe()}\nFilen lämnas orörd."
            )
            return
        self.dismiss(session)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
