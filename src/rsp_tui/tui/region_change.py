"""Provides what happens when the user chooses another region for the report: the programme is
kept unless the user explicitly takes the new region's (when rsp-tui has it), and either way
the user is told which programme the report now follows."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rsp_tui.forms import programme_for_region
from rsp_tui.tui.dialogs.confirm import ConfirmDialog
from rsp_tui.tui.messages import DraftChanged

if TYPE_CHECKING:
    from rsp_tui.tui.screens.report import ReportScreen


def offer_programme(screen: ReportScreen, region: str) -> None:
    """After the region changed to `region`: ask whether to take its programme, or say that
    the old one is kept."""
    session = screen.session
    current = session.draft.programme
    owner = current.region or "den tidigare regionen"
    new = programme_for_region(region)
    if new is None or new.model_dump() == current.model_dump():
        if new is None and current.omraden:
            screen.notify(
                f"Region {region}s program finns inte i rsp-tui; programmet från {owner} behålls."
                " Ändra det under Programmet.",
                title="Regionen är ändrad",
                timeout=12,
            )
        return
    lines = session.preview_programme(new).lines()
    note = "\n\n" + "\n".join(lines) if lines else ""

    def done(take: bool | None) -> None:
        if take and session.draft.region == region:
            session.set_region(region, new)
            screen.post_message(DraftChanged(structure=True))
            screen.notify(
                "\n".join([f"Rapporten följer nu Region {region}s program.", *lines]),
                timeout=12 if lines else 6,
            )
        else:
            screen.notify(
                f"Programmet från {owner} behålls. Granska varnar så länge det är en annan"
                " regions program.",
                timeout=8,
            )

    screen.app.push_screen(
        ConfirmDialog(
            "Byta program?",
            f"Rapporten gäller nu Region {region}. rsp-tui har Region {region}s program"
            f" ({len(new.omraden)} prioriterade områden). Vill du byta till det, eller behålla"
            f" programmet från {owner}?{note}",
            confirm="Byt program",
            cancel="Behåll programmet",
        ),
        done,
    )
