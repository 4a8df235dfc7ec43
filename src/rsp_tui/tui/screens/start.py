"""Provides the start screen: the drafts in the drafts folder, newest first, to resume with one
key; a new report; or a draft opened by its path."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, DataTable, Header, Static

from rsp_tui.drafts.lock import open_elsewhere
from rsp_tui.drafts.store import (
    DraftSummary,
    create_draft_in,
    default_filename,
    list_drafts,
)
from rsp_tui.errors import RspError
from rsp_tui.rollover import rollover
from rsp_tui.safefile import cleanup_temp_files
from rsp_tui.tui.dialogs.rollover import RolloverDialog
from rsp_tui.tui.widgets.footer import KeyFooter
from rsp_tui.validation import percent, validate
from rsp_tui.years import in_range

if TYPE_CHECKING:
    from rsp_tui.tui.app import RspApp


@dataclass(frozen=True)
class DraftRow:
    """One draft as the start screen lists it."""

    summary: DraftSummary
    completeness: float | None
    open_elsewhere: str | None = None  # where another window has it open for editing
    documents: tuple[Path, ...] = ()
    """The Word documents exported from it (next to the draft: final, then draft)."""


def exported_documents(draft_path: Path) -> tuple[Path, ...]:
    """The documents an export of `draft_path` wrote, final version first."""
    from rsp_tui.export import export_path

    found = (export_path(draft_path, draft_mode) for draft_mode in (False, True))
    return tuple(p for p in found if p.is_file())


def _documents_cell(documents: tuple[Path, ...]) -> str:
    names = ["utkast" if p.stem.endswith("-utkast") else "ja" for p in documents]
    return " + ".join(names) if names else "–"


class StartScreen(Screen[None]):
    """The drafts folder and the ways to begin."""

    CSS_PATH = "../start.tcss"
    # Below 96 columns the five buttons do not fit on one line: they go on two.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (96, "-wide")]

    BINDINGS = [
        Binding("n", "new_report", "Ny rapport", id="new-report"),
        Binding("o", "open_file", "Öppna fil", id="open-file", tooltip="Öppna ett utkast"),
        Binding(
            "f",
            "from_last_year",
            "Från förra året",
            id="from-last-year",
            tooltip="Ny rapport för nästa år, med det markerade utkastet som utgångspunkt",
        ),
        Binding(
            "s",
            "summary",
            "Sammanställning…",
            id="summary",
            tooltip="Sammanställ regionernas rapporter i en mapp till ett dokument",
        ),
        Binding("f5", "reload", "Läs om", id="reload", show=False),
    ]

    @dataclass
    class DraftsListed(Message):
        """The drafts folder has been read."""

        rows: list[DraftRow]

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder
        self.rows: dict[str, DraftRow] = {}

    @property
    def rsp_app(self) -> RspApp:
        from rsp_tui.tui.app import RspApp  # the app imports this screen

        app = self.app
        assert isinstance(app, RspApp), "this screen runs only in RspApp"
        return app

    @property
    def table(self) -> DataTable[str | Text]:
        return self.query_one("#drafts", DataTable)

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        with Vertical(id="start"):
            yield Static(
                "Välj ett utkast och tryck Enter för att fortsätta där du slutade, eller börja"
                " på en ny rapport.",
                id="start-intro",
            )
            yield DataTable(id="drafts", cursor_type="row", zebra_stripes=True)
            yield Static("Läser utkasten …", id="draft-detail")
            with Horizontal(id="start-buttons"):
                yield Button("Fortsätt (Enter)", id="resume", variant="primary", compact=True)
                yield Button("Ny rapport (N)", id="new", compact=True)
                yield Button("Från förra året (F)", id="rollover", compact=True)
                yield Button("Öppna fil … (O)", id="open", compact=True)
                yield Button("Avsluta (Ctrl+Q)", id="quit", compact=True)
            yield Static(f"Utkasten sparas i mappen {self.folder}", id="start-folder")
        yield KeyFooter()  # how to quit shows first on a narrow screen

    def on_mount(self) -> None:
        self.title = "rsp-tui"
        self.sub_title = "Uppföljning av regionalt serviceprogram"
        table = self.table
        table.add_column("Region", key="region")
        table.add_column("År", key="year")
        table.add_column("Senast sparad", key="saved")
        table.add_column("Ifyllt", key="done")
        table.add_column("Dokument", key="documents")
        table.add_column("Fil", key="file")
        table.display = False
        self.load_drafts()

    @work(thread=True, exclusive=True, group="drafts")
    def load_drafts(self) -> None:
        """Read the drafts folder in the background (each draft is read and checked)."""
        cleanup_temp_files(self.folder)  # leftovers of writes killed half-way
        rows: list[DraftRow] = []
        for summary in list_drafts(self.folder):
            done = None
            if summary.loaded is not None:
                done = validate(summary.loaded.form, summary.loaded.draft).completeness
            rows.append(
                DraftRow(
                    summary, done, open_elsewhere(summary.path), exported_documents(summary.path)
                )
            )
        self.post_message(self.DraftsListed(rows))

    def action_reload(self) -> None:
        self.load_drafts()

    @on(DraftsListed)
    def _listed(self, event: DraftsListed) -> None:
        table = self.table
        table.clear()
        self.rows = {}
        for row in event.rows:
            s = row.summary
            key = str(s.path)
            self.rows[key] = row
            saved = f"{s.updated:%Y-%m-%d %H:%M}" if s.updated else ""
            if s.error:
                cells: list[str | Text] = [
                    Text("kan inte läsas", style="bold red"),
                    "",
                    saved,
                    "",
                    "",
                    s.path.name,
                ]
            else:
                done = f"{percent(row.completeness or 0)} %"
                region: str | Text = s.region
                if row.open_elsewhere:
                    region = Text(s.region)
                    region.append(" (öppet)", style="bold yellow")
                documents = _documents_cell(row.documents)
                cells = [region, str(s.year or ""), saved, done, documents, s.path.name]
            table.add_row(*cells, key=key)
        table.display = bool(event.rows)
        self.query_one("#resume", Button).display = bool(event.rows)
        self.query_one("#rollover", Button).display = any(not r.summary.error for r in event.rows)
        if event.rows:
            table.focus()
            table.move_cursor(row=0)
            self._describe(str(event.rows[0].summary.path))
        else:
            self.query_one("#draft-detail", Static).update(
                "Inga utkast ännu. Tryck N för att börja på en ny rapport."
            )
            self.query_one("#resume", Button).display = False
            self.query_one("#new", Button).focus()

    @on(DataTable.RowHighlighted, "#drafts")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.row_key.value:
            self._describe(event.row_key.value)

    def _describe(self, key: str) -> None:
        row = self.rows.get(key)
        detail = self.query_one("#draft-detail", Static)
        if row is None:
            detail.update("")
        elif row.summary.error:
            text = Text("Utkastet kan inte öppnas: ", style="bold red")
            text.append(row.summary.error, style="")
            text.append("\nFilen lämnas orörd. Öppna säkerhetskopian (.bak) med O om den finns.")
            detail.update(text)
        elif row.open_elsewhere:
            text = Text(f"{row.summary.path}\n")
            text.append(f"Öppet för redigering {row.open_elsewhere}.", style="bold yellow")
            text.append(" Du kan öppna det skrivskyddat: läsa och exportera.")
            detail.update(text)
        else:
            text = Text(f"{row.summary.path}")
            for doc in row.documents:
                kind = "Utkast till dokument" if doc.stem.endswith("-utkast") else "Dokument"
                try:
                    saved = datetime.fromtimestamp(doc.stat().st_mtime)
                except OSError:  # removed since the folder was read
                    continue
                when = f" (exporterat {saved:%Y-%m-%d %H:%M})"
                text.append(f"\n{kind}: {doc}{when}")
            detail.update(text)

    @on(DataTable.RowSelected, "#drafts")
    def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.row_key.value:
            self.resume(event.row_key.value)

    def resume(self, key: str) -> None:
        """Open the draft listed under `key`."""
        row = self.rows.get(key)
        if row is None:
            return
        if row.summary.error:
            self.notify(
                f"Utkastet kan inte öppnas: {row.summary.error}", severity="error", timeout=10
            )
            return
        self.rsp_app.open_path(row.summary.path)

    # -- buttons and keys ----------------------------------------------------------------

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "resume":
            coordinate = self.table.cursor_coordinate
            if self.rows:
                row_key = self.table.coordinate_to_cell_key(coordinate).row_key
                self.resume(str(row_key.value))
        elif event.button.id == "new":
            self.action_new_report()
        elif event.button.id == "open":
            self.action_open_file()
        elif event.button.id == "rollover":
            self.action_from_last_year()
        elif event.button.id == "quit":
            self.app.exit()

    def action_new_report(self) -> None:
        """Choose a region and a year, and start."""
        existing = {
            (r.summary.region, r.summary.year): r.summary.path
            for r in self.rows.values()
            if not r.summary.error and r.summary.year is not None
        }
        self.rsp_app.ask_new_report(existing)

    def _current(self) -> DraftRow | None:
        if not self.rows or not self.table.row_count:
            return None
        row_key = self.table.coordinate_to_cell_key(self.table.cursor_coordinate).row_key
        return self.rows.get(str(row_key.value))

    def action_from_last_year(self) -> None:
        """Ny rapport från förra året: next year's report from the highlighted draft."""
        row = self._current()
        if row is None or row.summary.loaded is None:
            self.notify(
                "Markera först förra årets utkast i listan (ett som går att öppna).",
                severity="warning",
            )
            return
        loaded = row.summary.loaded
        old = loaded.draft
        year = old.year + 1
        if not in_range(year, loaded.form.years):
            self.notify(
                f"{old.year} är programperiodens sista år; det finns inget år efter.",
                severity="warning",
            )
            return
        result = rollover(loaded.form, old, year)
        lines = [
            f"{old.region}: en ny rapport för {year} skapas från rapporten för {old.year}"
            f" ({row.summary.path.name}), som inte ändras.",
            "",
            *result.summary(),
            "",
            f"{result.carried_fields} svar (till exempel kontaktpersoner och samverkan) fylls i"
            f" från {old.year} och visas som \"Förra året\" tills du ändrar dem.",
        ]

        def create(go: bool | None) -> None:
            if not go:
                return
            try:
                path = create_draft_in(
                    result.draft, self.folder, default_filename(old.region, year)
                )
            except RspError as exc:
                self.notify(f"Rapporten kunde inte skapas: {exc.describe()}", severity="error")
                return
            self.rsp_app.open_path(path)

        self.app.push_screen(
            RolloverDialog(f"Ny rapport från förra året: {old.region} {year}", lines), create
        )

    def action_summary(self) -> None:
        """Sammanställning: the regions' reports in a folder as one summary."""
        from rsp_tui.tui.screens.summary import SummaryScreen

        self.app.push_screen(SummaryScreen(self.folder))

    def action_open_file(self) -> None:
        """Open a draft by its path."""
        self.rsp_app.ask_open_path()
