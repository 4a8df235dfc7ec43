"""Provides the dialog for a new report: the region (of the 21, searchable) and the year."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from rsp_tui.tui.widgets.inputs import RspInput, focus_now
from rsp_tui.years import YearRange, parse_year


@dataclass(frozen=True)
class NewReport:
    """What the user chose."""

    region: str
    year: int


class NewReportDialog(ModalScreen[NewReport | None]):
    """Pick the region (type to search) and the verksamhetsår."""

    DEFAULT_CSS = """
    NewReportDialog { align: center middle; }
    NewReportDialog > Vertical {
        width: 64; max-width: 96%; height: auto; max-height: 96%; padding: 0 2;
        border: thick $primary; background: $surface;
    }
    NewReportDialog .dialog-title { text-style: bold; margin: 1 0; }
    NewReportDialog Label { margin-top: 1; }
    NewReportDialog #regions { height: 8; }
    NewReportDialog #year { width: 12; }
    NewReportDialog #new-note { margin-top: 1; color: $text-muted; }
    NewReportDialog #new-note.-error { color: $error; text-style: bold; }
    NewReportDialog Horizontal { height: auto; margin: 1 0; align-horizontal: right; }
    NewReportDialog Button { margin-left: 2; }
    """

    BINDINGS = [Binding("escape", "cancel", "Avbryt", id="dialog-cancel")]

    def __init__(
        self,
        regions: list[str],
        with_programme: set[str],
        year: int,
        years: YearRange,
        existing: dict[tuple[str, int], Path],
    ) -> None:
        super().__init__()
        self.regions = regions
        self.with_programme = with_programme
        self.default_year = year
        self.years = years
        """The form's allowed range (see rsp_tui.years)."""
        self.existing = existing
        self.chosen_region: str | None = None

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("Ny rapport", classes="dialog-title")
            yield Label("Region (skriv för att söka, välj med pilarna och Enter)")
            yield RspInput(placeholder="till exempel jämt", id="region-filter")
            yield OptionList(*self._options(""), id="regions")
            yield Label(f"Verksamhetsår ({self.years.min}–{self.years.max})")
            yield RspInput(
                str(self.default_year), id="year", restrict=r"\d{0,4}", select_on_focus=True
            )
            yield Static("Välj en region.", id="new-note")
            with Horizontal():
                yield Button("Avbryt", id="cancel", compact=True)
                yield Button("Skapa rapporten", id="create", variant="primary", compact=True)

    def _options(self, query: str) -> list[Option]:
        q = query.strip().casefold()
        return [Option(r, id=r) for r in self.regions if q in r.casefold()]

    @property
    def region_list(self) -> OptionList:
        return self.query_one("#regions", OptionList)

    @on(Input.Changed, "#region-filter")
    def _filter(self, event: Input.Changed) -> None:
        regions = self.region_list
        regions.clear_options()
        regions.add_options(self._options(event.value))
        if regions.option_count:
            regions.highlighted = 0

    @on(Input.Submitted, "#region-filter")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        regions = self.region_list
        if regions.highlighted is not None and regions.option_count:
            self._choose(regions.get_option_at_index(regions.highlighted).id or "")

    def on_key(self, event: object) -> None:
        key = getattr(event, "key", "")
        if key in ("down", "up") and self.focused is self.query_one("#region-filter"):
            focus_now(self.region_list)
        elif (
            key == "tab"
            and self.chosen_region is not None
            and self.focused in (self.query_one("#region-filter"), self.region_list)
        ):
            # The region is chosen: Tab goes on to the year (not through the list to Avbryt).
            getattr(event, "stop", lambda: None)()
            getattr(event, "prevent_default", lambda: None)()
            focus_now(self.query_one("#year", Input))

    @on(OptionList.OptionSelected, "#regions")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self._choose(event.option_id or "")

    @on(OptionList.OptionHighlighted, "#regions")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        # Moving through the list (or narrowing it by typing) chooses; the first region
        # highlighted when the dialog opens does not.
        searched = bool(self.query_one("#region-filter", Input).value.strip())
        if event.option_id and (event.option_list.has_focus or searched):
            self.chosen_region = event.option_id
            self._note()

    def _choose(self, region: str) -> None:
        if not region:
            return
        self.chosen_region = region
        self._note()
        focus_now(self.query_one("#year", Input))  # the year is selected: typing replaces it

    def _year(self) -> int | None:
        return parse_year(self.query_one("#year", Input).value, self.years)

    @on(Input.Changed, "#year")
    def _year_changed(self) -> None:
        self._note()

    def _note(self) -> bool:
        note = self.query_one("#new-note", Static)
        year = self._year()
        if self.chosen_region is None:
            note.update("Välj en region.")
            note.set_class(False, "-error")
            return False
        if year is None:
            note.update(f"Skriv ett verksamhetsår mellan {self.years.min} och {self.years.max}.")
            note.set_class(True, "-error")
            return False
        lines = [f"{self.chosen_region}, verksamhetsår {year}."]
        if self.chosen_region in self.with_programme:
            lines.append("Regionens program (prioriterade områden och mål) finns och följer med.")
        else:
            lines.append(
                "Regionens program finns inte i rsp-tui: du fyller i de prioriterade områdena och"
                " målen under Programmet."
            )
        if (self.chosen_region, year) in self.existing:
            lines.append(
                f"Det finns redan ett utkast för {self.chosen_region} {year}"
                f" ({self.existing[(self.chosen_region, year)].name}); en ny fil skapas bredvid."
            )
        note.update("\n".join(lines))
        note.set_class(False, "-error")
        return True

    @on(Input.Submitted, "#year")
    @on(Button.Pressed, "#create")
    def _create(self) -> None:
        year = self._year()
        if self._note() and self.chosen_region is not None and year is not None:
            self.dismiss(NewReport(self.chosen_region, year))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
