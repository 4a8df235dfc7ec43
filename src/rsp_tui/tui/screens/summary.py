"""Provides the Sammanställning screen: the regions' reports in a folder read into the national
summary (rsp_tui.summary): the intake list, the Fråga 1 counts, and the export of the Word
document (and, if asked for, the CSV)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, Checkbox, DataTable, Footer, Header, Input, Label, Static

from rsp_tui.errors import RspError
from rsp_tui.forms import load_form
from rsp_tui.forms.schema import TableQuestion
from rsp_tui.summary import Intake, collect, make_summary, plan
from rsp_tui.summary.figures import choice_counts
from rsp_tui.tui.widgets.inputs import RspInput
from rsp_tui.tui.widgets.marklist import RspCheckbox


class SummaryScreen(Screen[None]):
    """Pick a folder, see what came in, export the summary."""

    DEFAULT_CSS = """
    SummaryScreen #summary { padding: 1 2; }
    SummaryScreen .summary-row { height: auto; margin: 1 0 0 0; }
    SummaryScreen .summary-row Input { width: 1fr; }
    SummaryScreen .summary-row Button { margin-left: 2; }
    SummaryScreen DataTable { height: auto; max-height: 24; margin-top: 1; }
    SummaryScreen #summary-status { margin-top: 1; height: auto; }
    SummaryScreen .summary-heading { text-style: bold; margin-top: 1; }
    """

    BINDINGS = [
        Binding("escape", "back", "Tillbaka", id="summary-back"),
        Binding("ctrl+e", "export", "Exportera", id="summary-export"),
    ]

    @dataclass
    class Collected(Message):
        """The folder has been read."""

        intake: Intake | None
        error: str = ""

    @dataclass
    class Exported(Message):
        """The summary has been written (or not)."""

        lines: list[str]
        error: str = ""

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder
        self.intake: Intake | None = None

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        with VerticalScroll(id="summary"):
            yield Static(
                "Sammanställ regionernas rapporter (utkast .toml och Word-filer .docx) i en mapp"
                " till ett Word-dokument för Tillväxtverket."
            )
            with Horizontal(classes="summary-row"):
                yield RspInput(str(self.folder), id="summary-folder")
                yield Button("Läs in", id="summary-read", variant="primary", compact=True)
            yield Static("", id="summary-status", markup=False)
            yield Label("Inkomna rapporter", classes="summary-heading")
            yield DataTable(id="summary-intake", cursor_type="row", zebra_stripes=True)
            yield Label("", id="summary-q1-title", classes="summary-heading")
            yield DataTable(id="summary-q1", cursor_type="row", zebra_stripes=True)
            yield Label("Exportera", classes="summary-heading")
            with Horizontal(classes="summary-row"):
                yield RspInput("", id="summary-out")
                yield Button("Exportera", id="summary-export", compact=True)
            yield RspCheckbox("Utan kontaktpersoner (namn och e-post)", id="summary-no-contacts")
            yield RspCheckbox("Även en CSV-fil", id="summary-csv")
            yield Static("", id="summary-result", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.title = "rsp-tui"
        self.sub_title = "Sammanställning"
        intake = self.query_one("#summary-intake", DataTable)
        columns = ("Region", "År", "Status", "Fel", "Obesvarade", "Läst", "Används", "Fil", "Anm.")
        for name in columns:
            intake.add_column(name)
        self.query_one("#summary-out", Input).value = str(self.folder / "sammanstallning.docx")
        self.read_folder()

    # -- reading ---------------------------------------------------------------------------

    @on(Input.Submitted, "#summary-folder")
    @on(Button.Pressed, "#summary-read")
    def _read(self) -> None:
        self.read_folder()

    def read_folder(self) -> None:
        text = self.query_one("#summary-folder", Input).value.strip().strip("'\"")
        folder = Path(text).expanduser()
        status = self.query_one("#summary-status", Static)
        if not folder.is_dir():
            status.update(f"{folder}: mappen finns inte.")
            return
        status.update(f"Läser rapporterna i {folder} …")
        self._collect(folder)

    @work(thread=True, exclusive=True, group="summary-read")
    def _collect(self, folder: Path) -> None:
        try:
            intake = collect([folder], parallel=False)  # threads and fork do not mix
        except RspError as exc:
            self.post_message(self.Collected(None, exc.describe()))
            return
        self.post_message(self.Collected(intake))

    @on(Collected)
    def _collected(self, event: Collected) -> None:
        status = self.query_one("#summary-status", Static)
        if event.intake is None:
            status.update(event.error)
            return
        self.intake = intake = event.intake
        table = self.query_one("#summary-intake", DataTable)
        table.clear()
        for e in sorted(intake.entries, key=lambda e: (intake.region_order(e.region), e.year or 0)):
            if e.draft is None:
                missing = Text("kan inte läsas", style="bold red")
                table.add_row(missing, "", "", "", "", "", "nej", e.path.name, e.error)
                continue
            remark = e.error
            if e.superseded_by is not None:
                remark = f"nyare: {e.superseded_by.name}"
            elif e.unknown_region:
                remark = "okänd region"
            used = "ja" if e.used else "nej"
            table.add_row(
                e.region,
                str(e.year),
                e.status,
                str(len(e.errors)),
                str(len(e.blanks)),
                e.how,
                used,
                e.path.name,
                remark,
            )
        status_lines: list[str] = []
        years = intake.years()
        for year in years:
            absent = intake.missing(year)
            status_lines.append(
                f"{year}: {len(intake.used(year))} av {len(intake.regions)} regioner."
                + (f" Saknas: {', '.join(absent)}." if absent else "")
            )
        if not years:
            status_lines.append("Inga läsbara rapporter i mappen.")
        targets = plan(intake, None)
        if targets and targets[0][0] is None:
            status_lines.append(f"En region, flera år: {targets[0][1]} jämförs mellan åren.")
        status.update("\n".join(status_lines))
        self._show_q1(intake, years[-1] if years else None)
        if years:
            out = self.query_one("#summary-out", Input)
            if out.value == str(self.folder / "sammanstallning.docx"):
                out.value = str(self.folder / f"sammanstallning-{years[-1]}.docx")

    def _show_q1(self, intake: Intake, year: int | None) -> None:
        """The first question answered by choosing (Fråga 1): reports per answer and row."""
        form = load_form()
        question = next(
            (
                q
                for s in form.sections
                for q in s.questions
                if isinstance(q, TableQuestion) and choice_counts(q, []) is not None
            ),
            None,
        )
        table = self.query_one("#summary-q1", DataTable)
        table.clear(columns=True)
        if question is None or year is None:
            return
        drafts = [e.draft for e in intake.used(year) if e.draft is not None]
        counts = choice_counts(question, drafts)
        assert counts is not None
        self.query_one("#summary-q1-title", Label).update(
            f"{form.question_name(question)}, {year}: antal rapporter per svar"
        )
        table.add_column(question.row_header or "")
        for c in counts.categories:
            table.add_column(c)
        for row in question.rows:
            table.add_row(row.label, *(str(counts.counts[row.id][c]) for c in counts.categories))

    # -- export ----------------------------------------------------------------------------

    @on(Input.Submitted, "#summary-out")
    @on(Button.Pressed, "#summary-export")
    def action_export(self) -> None:
        result = self.query_one("#summary-result", Static)
        if self.intake is None or not self.intake.years():
            result.update("Läs först in en mapp med rapporter.")
            return
        text = self.query_one("#summary-out", Input).value.strip().strip("'\"")
        if not text:
            result.update("Skriv var dokumentet ska sparas.")
            return
        out = Path(text).expanduser()
        if out.suffix.lower() != ".docx":
            out = out.with_suffix(".docx")
        csv = out.with_suffix(".csv") if self.query_one("#summary-csv", Checkbox).value else None
        no_contacts = self.query_one("#summary-no-contacts", Checkbox).value
        result.update("Skapar sammanställningen …")
        self._export(self.intake, out, csv, no_contacts)

    @work(thread=True, exclusive=True, group="summary-export")
    def _export(self, intake: Intake, out: Path, csv: Path | None, no_contacts: bool) -> None:
        try:
            done = make_summary([], out, csv=csv, no_contacts=no_contacts, intake=intake)
        except RspError as exc:
            self.post_message(self.Exported([], exc.describe()))
            return
        paths = [str(p) for p in done.documents] + ([str(done.csv)] if done.csv else [])
        self.post_message(self.Exported(["Sparat:", *paths]))

    @on(Exported)
    def _exported(self, event: Exported) -> None:
        result = self.query_one("#summary-result", Static)
        if event.error:
            result.update(f"Kunde inte spara: {event.error}")
            self.notify(event.error, severity="error", timeout=10)
        else:
            result.update("\n".join(event.lines))
            self.notify("Sammanställningen är sparad.", timeout=5)

    def action_back(self) -> None:
        self.app.pop_screen()
