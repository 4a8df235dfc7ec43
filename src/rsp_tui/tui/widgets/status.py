"""Provides the status line: which file, when it was last saved, how complete the report is."""

from __future__ import annotations

from datetime import date, datetime

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from rsp_tui.validation import percent


class StatusLine(Widget):
    """One line at the bottom: `fil.toml · Senast sparad 14:03:27 · Ifyllt 64 % (120 av 188)`
    (the counts only where the line has room)."""

    filename: reactive[str] = reactive("")
    """The draft's file name."""
    saved_at: reactive[datetime | None] = reactive(None)
    """When the draft was last written."""
    error: reactive[str] = reactive("")
    """Why the last save failed; empty once a save works."""
    completeness: reactive[float | None] = reactive(None)
    """Share of the answers given (validation's `Report.completeness`)."""
    counts: reactive[tuple[int, int] | None] = reactive(None)
    """Answers given and answers asked for, shown as `x av y` where there is room."""
    today: reactive[date | None] = reactive(None)
    """Today's date; an older save is shown with its date."""
    read_only: reactive[bool] = reactive(False)
    """The draft is open read-only (another rsp-tui is editing it): nothing is saved here."""

    def render(self) -> Text:
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(self.filename, style="bold")
        if self.read_only:
            text.append(" · ")
            text.append("SKRIVSKYDDAT", style="bold reverse")
            text.append(": inget sparas här")
        elif self.error:
            text.append(" · ")
            text.append(
                f"Kunde inte spara: {self.error}. Svaren finns kvar i appen och sparas när"
                " det går igen.",
                style="bold red",
            )
        elif self.saved_at is not None:
            if self.today is not None and self.saved_at.date() != self.today:
                text.append(f" · Senast sparad {self.saved_at:%Y-%m-%d %H:%M}")
            else:
                text.append(f" · Senast sparad {self.saved_at:%H:%M:%S}")
        if self.completeness is not None:
            text.append(f" · Ifyllt {percent(self.completeness)} %")
            if self.counts is not None:
                counts = f" ({self.counts[0]} av {self.counts[1]})"
                if text.cell_len + len(counts) <= self.size.width:
                    text.append(counts)
        return text
