"""Provides the app's themes under Swedish names (Mörkt, Ljust, Hög kontrast) and the theme
picker that offers only those, instead of every Textual theme by its English name.

Hög kontrast is white on black with yellow for focus and keys. Measured in its snapshot:
white 21:1, yellow 19.6:1, the dimmest text (the header's subtitle) 8.8:1 and the error
colour 9:1 on black, dark text on yellow buttons 15:1 and on red ones 8:1; WCAG AAA asks for
7:1. Only the thin line beside the list of parts stays faint (1.7:1; it is decoration).
"""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.theme import Theme

HIGH_CONTRAST = Theme(
    name="rsp-hog-kontrast",
    primary="#FFFF00",
    secondary="#00FFFF",
    accent="#FFFF00",
    warning="#FFB000",
    error="#FF8A8A",
    success="#00FF66",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#000000",
    boost="#FFFFFF14",
    dark=True,
    luminosity_spread=0.0,
    text_alpha=1.0,
    variables={
        "text-muted": "#FFFFFF",
        "text-disabled": "#C8C8C8",
        "border": "#FFFFFF",
        "border-blurred": "#BBBBBB",
        "block-cursor-background": "#FFFF00",
        "block-cursor-foreground": "#000000",
        "block-cursor-text-style": "bold",
        "block-cursor-blurred-background": "#FFFFFF",
        "block-cursor-blurred-foreground": "#000000",
        "input-cursor-background": "#FFFF00",
        "input-cursor-foreground": "#000000",
        "input-selection-background": "#FFFF00 45%",
        "footer-background": "#000000",
        "footer-key-foreground": "#FFFF00",
        "footer-description-foreground": "#FFFFFF",
        "footer-item-background": "#000000",
        "scrollbar": "#FFFFFF",
        "scrollbar-hover": "#FFFF00",
        "scrollbar-active": "#FFFF00",
        "scrollbar-background": "#000000",
        "link-color": "#00FFFF",
        "link-style": "underline",
    },
)

THEMES: list[tuple[str, str, str]] = [
    ("Mörkt", "textual-dark", "ljus text på mörk botten"),
    ("Ljust", "textual-light", "mörk text på ljus botten"),
    ("Hög kontrast", HIGH_CONTRAST.name, "vit text på svart botten, gult för fokus"),
]
"""(Swedish name, theme name, description): the themes the picker offers."""


def swedish_name(theme: str) -> str:
    """The Swedish name of a theme, or the theme's own name for any other."""
    return next((label for label, name, _ in THEMES if name == theme), theme)


class SwedishThemes(Provider):
    """The theme picker: Mörkt, Ljust and Hög kontrast."""

    def _choose(self, name: str) -> None:
        self.app.theme = name

    async def discover(self) -> Hits:
        for label, name, help_text in THEMES:
            yield DiscoveryHit(label, partial(self._choose, name), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for label, name, help_text in THEMES:
            score = matcher.match(label)
            if score > 0:
                yield Hit(score, matcher.highlight(label), partial(self._choose, name),
                          help=help_text)
