"""Provides the help pane: the guidance and help text of the field that has focus."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from rsp_tui.drafts.model import is_empty
from rsp_tui.tui.widgets.inputs import HelpTopic

INSATSER_HELP = (
    "Ctrl+N lägger till en insats, Alt+D duplicerar den markerade, Delete (i listan) tar bort"
    " den och Alt+↑ / Alt+↓ flyttar den. Enter i listan går till insatsens fält."
)

REVIEW_HELP = (
    "Här listas det som är fel (hindrar en slutlig export: ett felaktigt värde eller ett"
    " obligatoriskt svar som saknas) och det som är tomt (frivilliga svar, som blir tomma"
    " celler i dokumentet). Enter på en rad går till fältet; Esc tar dig tillbaka hit."
    " Exportera skapar Word-dokumentet när inga fel återstår, och frågar en gång om det finns"
    " tomma svar; Exportera utkast fungerar alltid och märker sidorna UTKAST. Med krysset"
    " i Spara rsp-tui-data i dokumentet följer svaren med osynligt i filen, så att rsp-tui"
    " kan läsa in dem exakt nästa år; utan krysset innehåller filen bara det som syns."
)

KEYS_HELP = (
    "Tab och Skift+Tab flyttar mellan fälten. F3 och F4 byter del, F2 går till listan"
    " över delar. Allt sparas automatiskt; Ctrl+S sparar direkt."
)


class HelpPane(VerticalScroll, can_focus=False):
    """Shows help for the focused field; for anything else, the part's description."""

    def compose(self) -> ComposeResult:
        yield Static("", id="help-text")

    def show_topic(self, topic: HelpTopic, previous: Any = None) -> None:
        """Help for one field; `previous` is last year's answer, if the field was carried."""
        text = Text()
        text.append(topic.heading, style="bold")
        if topic.help:
            text.append(f"\n{topic.help}")
        if topic.guidance:
            text.append("\n")
            if topic.lead:
                text.append(f"\n{topic.lead}")
            for bullet in topic.guidance:
                text.append(f"\n• {bullet}")
        for line in topic.extra:
            text.append(f"\n\n{line}")
        if topic.footnote:
            text.append(f"\n\n¹ {topic.footnote}", style="dim")
        if previous is not None and not is_empty(previous):
            text.append("\n\nFörra året: ", style="bold")
            text.append(_plain(previous))
        self._show(text)

    def show_text(self, heading: str, body: str = "") -> None:
        """General help: a heading and a paragraph."""
        text = Text()
        text.append(heading, style="bold")
        text.append(f"\n{body or KEYS_HELP}")
        self._show(text)

    def _show(self, text: Text) -> None:
        self.query_one("#help-text", Static).update(text)
        self.scroll_home(animate=False)


def _plain(value: Any) -> str:
    if isinstance(value, dict):
        codes = ", ".join(value.get("codes", []))
        other = value.get("other", "")
        return "; ".join(p for p in (codes, other) if p)
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)
