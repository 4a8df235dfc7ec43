"""Provides the dialog shown when quitting while the draft cannot be saved."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from rsp_tui.drafts.session import DraftSession
from rsp_tui.tui.widgets.inputs import RspInput


class SaveFailedDialog(ModalScreen[bool]):
    """Saving failed on quit: try again, save elsewhere, or quit anyway. True = quit now."""

    DEFAULT_CSS = """
    SaveFailedDialog { align: center middle; }
    SaveFailedDialog > Vertical {
        width: 80; max-width: 96%; height: auto; padding: 0 2;
        border: thick $warning; background: $surface;
    }
    SaveFailedDialog .dialog-title { text-style: bold; margin: 1 0; }
    SaveFailedDialog #save-error { color: $error; margin-bottom: 1; }
    SaveFailedDialog Horizontal { height: auto; margin: 1 0; }
    SaveFailedDialog Button { margin-right: 2; }
    """

    BINDINGS = [Binding("escape", "keep_working", "Fortsätt arbeta", id="dialog-cancel")]

    def __init__(self, session: DraftSession, error: str) -> None:
        super().__init__()
        self.session = session
        self.error = error

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("Utkastet kunde inte sparas", classes="dialog-title")
            yield Static(
                f"Orsak: {self.error}.\nDina senaste ändringar finns bara i appen. Försök igen när"
                " det går (till exempel när det finns plats på disken), eller spara i en"
                " annan mapp.",
                id="save-error",
                markup=False,
            )
            yield Label("Annan mapp att spara i:")
            yield RspInput(str(Path.home()), id="other-folder")
            with Horizontal():
                yield Button("Försök igen", id="retry", variant="primary", compact=True)
                yield Button("Spara i mappen", id="elsewhere", compact=True)
                yield Button("Fortsätt arbeta", id="keep", compact=True)
                yield Button("Avsluta utan att spara", id="discard", variant="error", compact=True)

    def on_mount(self) -> None:
        self.query_one("#retry", Button).focus()

    def _report(self, message: str) -> None:
        self.query_one("#save-error", Static).update(message)

    @on(Button.Pressed, "#retry")
    def _retry(self) -> None:
        result = self.session.save()
        if result.ok:
            self.dismiss(True)
        else:
            self._report(f"Det gick inte heller nu: {result.error}.")

    @on(Input.Submitted, "#other-folder")
    @on(Button.Pressed, "#elsewhere")
    def _elsewhere(self) -> None:
        from rsp_tui.drafts.store import unique_path

        folder = Path(self.query_one("#other-folder", Input).value.strip()).expanduser()
        if not folder.is_dir():
            self._report(f"Mappen {folder} finns inte.")
            return
        old = self.session.path
        self.session.path = unique_path(folder, old.name)
        result = self.session.save()
        if result.ok:
            self.notify(f"Utkastet sparades som {self.session.path}", timeout=10)
            self.dismiss(True)
        else:
            self.session.path = old
            self._report(f"Det gick inte att spara i {folder} heller: {result.error}.")

    @on(Button.Pressed, "#keep")
    def action_keep_working(self) -> None:
        self.dismiss(False)

    @on(Button.Pressed, "#discard")
    def _discard(self) -> None:
        self.dismiss(True)
