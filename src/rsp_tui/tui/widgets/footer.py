"""Provides the key bar at the bottom: Textual's Footer, redrawn only when the keys it shows
change.

Textual's Footer rebuilds all its keys after every change of the screen's bindings, and a
change of focus is one: switching parts changed them four to nine times (old field leaves,
part removed, new part mounted, new field focused, …), and each rebuild of some twenty keys
cost 6–30 ms, a third of a part switch (benchmarks/run.py, docs/benchmarks.md). This one
rebuilds at most once per refresh, and not at all when the keys, their state and tooltips
are what it already shows (Tab between two text fields).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer


class KeyFooter(Footer):
    """A Footer that skips rebuilds that would show the same keys.

    Private Textual hook (checked against Textual 8.2.8): `bindings_changed` replaces
    Footer's own, which sets the private reactive `_bindings_ready` that Footer.compose reads;
    Footer has no public way to rebuild only on a change. tests/functional/
    test_textual_internals.py fails if either changes."""

    def __init__(self, *, compact: bool = False) -> None:
        super().__init__(compact=compact)
        self._shown: object = None
        self._pending = False

    def _keys(self) -> object:
        """What `compose` shows, for comparison: each shown binding with its state."""
        bindings = self.screen.active_bindings
        shown = tuple(
            (binding, enabled, tooltip)
            for (_, binding, enabled, tooltip) in bindings.values()
            if binding.show
        )
        palette = bindings.get(self.app.COMMAND_PALETTE_BINDING)
        return shown, palette[1:] if palette else None

    def compose(self) -> ComposeResult:
        self._shown = self._keys() if self._bindings_ready else None
        keys = list(super().compose())
        # Under 100 columns the keys do not all fit (at 80 the report's bar ended in "^q Avs"):
        # how to quit comes first.
        if 0 < self.app.size.width < 100:
            keys.sort(key=lambda k: getattr(k, "action", "") not in ("quit", "app.quit"))
        yield from keys

    def bindings_changed(self, screen: Screen[object]) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen and not self._pending:
            self._pending = True
            self.call_after_refresh(self._rebuild)

    async def _rebuild(self) -> None:
        self._pending = False
        if self.is_attached and self._keys() != self._shown:
            await self.recompose()
