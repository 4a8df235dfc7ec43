"""Provides the plain mode's start: the drafts numbered, newest first, and `n` for a new
report (the region by typing part of its name, then the year). Headless."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from rsp_tui.drafts.session import DraftSession
from rsp_tui.errors import DraftError, DraftLockedError, RspError
from rsp_tui.plain.console import Console
from rsp_tui.years import default_year, parse_year


def choose(console: Console, folder: Path) -> DraftSession | None:
    """Ask which draft to open, or create a new one; None when the user quits."""
    from rsp_tui.drafts import list_drafts

    while True:
        drafts = list_drafts(folder)
        console.blank()
        if drafts:
            console.say(f"Dina utkast i {folder}, senast ändrade först:")
        else:
            console.say(f"Det finns inga utkast i {folder} ännu.")
        for n, d in enumerate(drafts, 1):
            if d.error:
                console.say(f"{n}. {d.path.name}: kan inte öppnas. {d.error}")
            else:
                when = d.updated.strftime("%Y-%m-%d %H:%M") if d.updated else "okänt datum"
                console.say(f"{n}. {d.region} {d.year}, ändrat {when}. Fil: {d.path.name}")
        console.say("Skriv numret på ett utkast, n för en ny rapport, eller q för att sluta.")
        line = console.ask("Val: ").strip().casefold().lstrip(":")
        if line in ("q", "avsluta", "sluta"):
            return None
        if line in ("n", "ny"):
            session = new_report(console, folder)
            if session is not None:
                return session
            continue
        if line.isdigit() and 1 <= int(line) <= len(drafts):
            chosen = drafts[int(line) - 1]
            if chosen.error:
                console.say(f"Utkastet kan inte öppnas: {chosen.error}")
                continue
            session = open_draft(console, chosen.path)
            if session is not None:
                return session
            continue
        if line:
            console.say(f"Förstod inte {line!r}.")


def open_draft(console: Console, path: Path) -> DraftSession | None:
    """Open a draft for editing; when another window has it, offer to read it only."""
    try:
        return DraftSession.open(path)
    except DraftLockedError as exc:
        console.say(exc.describe())
        line = console.ask(
            "Öppna det skrivskyddat, så att du kan läsa och exportera? Skriv j för ja: "
        )
        if line.strip().casefold() not in ("j", "ja"):
            return None
        try:
            return DraftSession.open(path, read_only=exc.message)
        except DraftError as again:
            console.say(again.describe())
            return None
    except DraftError as exc:
        console.say(exc.describe())
        return None


def new_report(console: Console, folder: Path) -> DraftSession | None:
    """Ask for the region and the year, then create the draft; None if given up."""
    from rsp_tui.forms import DEFAULT_FORM_ID, load_form, programme_for_region, region_names

    form = load_form(DEFAULT_FORM_ID)
    region = _ask_region(console, region_names())
    if region is None:
        return None
    low, high = form.years.min, form.years.max
    default = default_year(date.today(), form.years)
    while True:
        line = console.ask(
            f"{form.years.label}, ett år från {low} till {high}. Tryck Enter för {default}: "
        ).strip()
        if not line:
            year = default
        elif parse_year(line, form.years) is not None:
            year = int(line)
        elif line.casefold().lstrip(":") in ("q", "avsluta", "avbryt"):
            return None
        else:
            console.say(f"{form.years.label} ska vara ett år från {low} till {high}.")
            continue
        break
    try:
        session = DraftSession.create(form, region, year, folder, programme_for_region(region))
    except RspError as exc:
        console.say(f"Utkastet kunde inte skapas: {exc.describe()}")
        return None
    console.say(f"Ny rapport för {region} {year}, sparad som {session.path}")
    if not session.draft.programme.omraden:
        console.say(
            "Regionens program finns inte i rsp-tui. Fyll i de prioriterade områdena och"
            " målen i delen Programmet, med :område ny och :mål ny."
        )
    return session


def _ask_region(console: Console, regions: list[str]) -> str | None:
    while True:
        text = console.ask("Region: skriv en del av namnet: ").strip()
        if text.casefold().lstrip(":") in ("q", "avsluta", "avbryt"):
            return None
        if not text:
            continue
        exact = [r for r in regions if r.casefold() == text.casefold()]
        matches = exact or [r for r in regions if text.casefold() in r.casefold()]
        if len(matches) == 1:
            console.say(f"Region {matches[0]}.")
            return matches[0]
        if not matches:
            console.say(f"Ingen region har {text!r} i namnet. Regionerna är: {', '.join(regions)}.")
            continue
        for n, r in enumerate(matches, 1):
            console.say(f"{n}. {r}")
        line = console.ask("Flera regioner passar. Skriv numret: ").strip()
        if line.isdigit() and 1 <= int(line) <= len(matches):
            return matches[int(line) - 1]
