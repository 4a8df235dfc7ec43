"""Provides "Klistra in program": paste the programme's outline, see the områden and goals it
became, and accept it (the dialog returns the programme; the editor puts it in the draft)."""

from __future__ import annotations

from rich.console import Group
from rich.padding import Padding
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Select, Static, TextArea

from rsp_tui.forms.outline import Outline, Single, parse_outline
from rsp_tui.forms.programme import Programme
from rsp_tui.forms.schema import FormDefinition
from rsp_tui.tui.widgets.choice import RspSelect

HELP = (
    "Klistra in programmets prioriterade områden och mål, som de står i programmets PDF eller"
    " Word-dokument (Ctrl+V eller terminalens klistra in): områden som \"1 Rubrik\", mål som"
    ' "1.1 Text", eller ett mål per rad. Avstavade och brutna rader fogas ihop.'
)
SINGLE_CHOICES: list[tuple[str, Single]] = [
    ("Rader utan undernivå: gissa", "auto"),
    ("Rader utan undernivå är områden", "areas"),
    ("Rader utan undernivå är programmets mål", "goals"),
]


class PasteProgrammeDialog(ModalScreen[Programme | None]):
    """Paste an outline, check the preview, accept; returns the programme or None."""

    DEFAULT_CSS = """
    PasteProgrammeDialog { align: center middle; }
    PasteProgrammeDialog > Vertical {
        width: 96%; max-width: 140; height: 90%; padding: 0 1;
        border: thick $primary; background: $surface;
    }
    PasteProgrammeDialog .dialog-title { text-style: bold; }
    PasteProgrammeDialog #paste-help { color: $text-muted; }
    PasteProgrammeDialog #paste-body { height: 1fr; }
    PasteProgrammeDialog #paste-text { width: 1fr; height: 1fr; }
    PasteProgrammeDialog #paste-preview-box { width: 1fr; height: 1fr; border: round $primary; }
    PasteProgrammeDialog #paste-single { width: 1fr; }
    PasteProgrammeDialog .dialog-buttons { height: auto; align-horizontal: right; }
    PasteProgrammeDialog Button { margin-left: 2; }
    """

    BINDINGS = [
        Binding("escape", "cancel", "Avbryt", id="dialog-cancel"),
        Binding("ctrl+s", "accept", "Använd programmet", id="paste-accept"),
    ]

    def __init__(self, form: FormDefinition, region: str = "", text: str = "") -> None:
        super().__init__()
        self.form = form
        """The report's form: how the preview names områden."""
        self.region_name = region
        self.initial = text
        self.outline: Outline = parse_outline(text, region)
        self.preview_lines: list[str] = []
        """What the preview shows, line by line."""

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("Klistra in program", classes="dialog-title")
            yield Static(HELP, id="paste-help", markup=False)
            with Horizontal(id="paste-body"):
                yield TextArea(self.initial, id="paste-text", soft_wrap=True)
                preview = VerticalScroll(id="paste-preview-box")
                preview.border_title = "Så blir programmet"
                with preview:
                    yield Static("", id="paste-preview", markup=False)
            yield RspSelect(
                SINGLE_CHOICES, value="auto", allow_blank=False, id="paste-single", compact=True
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Avbryt", id="cancel")
                yield Button("Använd programmet", id="accept", variant="primary")

    def on_mount(self) -> None:
        self._preview()
        self.query_one("#paste-text", TextArea).focus()

    @property
    def single(self) -> Single:
        value = self.query_one("#paste-single", Select).value
        if value == "areas":
            return "areas"
        if value == "goals":
            return "goals"
        return "auto"

    @on(TextArea.Changed)
    @on(Select.Changed)
    def _changed(self) -> None:
        self._preview()

    def _preview(self) -> None:
        text = self.query_one("#paste-text", TextArea).text
        self.outline = parse_outline(text, self.region_name, self.single)
        lines = self.outline.describe(self.form) if text.strip() else ["(inget inklistrat ännu)"]
        areas = sum(1 for a in self.outline.programme.omraden if not a.whole)
        goals = len(self.outline.programme.all_goals())
        if text.strip():
            lines = [f"{areas} prioriterade områden, {goals} mål", "", *lines]
            lines += [f"Obs: {n}" for n in self.outline.notes]
        self.preview_lines = lines
        # Goals are indented, and so are their wrapped lines.
        rows = [
            Padding(Text(line.strip()), (0, 0, 0, 2)) if line.startswith("  ") else Text(line)
            for line in lines
        ]
        self.query_one("#paste-preview", Static).update(Group(*rows))
        self.query_one("#accept", Button).disabled = not self.outline.programme.omraden

    @on(Button.Pressed, "#accept")
    def action_accept(self) -> None:
        if self.outline.programme.omraden:
            self.dismiss(self.outline.programme)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
