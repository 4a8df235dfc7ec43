"""Provides building the report's parts in idle time: once the user has paused (no key, paste
or click for `pause` seconds), the parts not built yet are mounted hidden, one at a time and
the next one only if no input came meanwhile, so that a first visit only shows them. Mounting
a part is what a person waits for on a first visit (0.1–0.4 s for a big one on a quiet
machine); building it while nobody types moves that wait to where nobody sees it. A key
pressed meanwhile waits for at most one part.

The report screen keeps the built parts with the ones visited before (`ReportScreen._slots`)
and drops them all together when the programme, the region or the year changes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.containers import Vertical
from textual.timer import Timer

from rsp_tui import startgc

if TYPE_CHECKING:
    from rsp_tui.tui.screens.report import ReportScreen


NEXT_AFTER = 0.05
"""Seconds between one part built and the next, while no input comes (input postpones the
next one by a whole pause)."""


class PartPrebuilder:
    """Mounts the report's parts, hidden, while the user pauses."""

    def __init__(self, screen: ReportScreen, pause: float | None) -> None:
        self.screen = screen
        self.pause = pause
        """Seconds without input before the next part is built; None: never (tests)."""
        self.built: set[str] = set()
        """Parts built here and not shown yet: their first showing is a first visit."""
        self._timer: Timer | None = None

    def schedule(self, delay: float | None = None) -> None:
        """Build the next part after a pause (again from now if one was pending), or after
        `delay` seconds."""
        if self.pause is None:
            return
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.screen.set_timer(
            self.pause if delay is None else delay, self._build_next
        )

    def postpone(self) -> None:
        """The user did something: wait for the next pause."""
        if self._timer is not None:
            self.schedule()

    def shown(self, key: str) -> bool:
        """Part `key` is being shown: True if it was built here and never shown before."""
        if key in self.built:
            self.built.discard(key)
            return True
        return False

    def forget(self) -> None:
        """The kept parts were dropped."""
        self.built.clear()

    def _next_key(self) -> str | None:
        screen = self.screen
        keys = [p.key for p in screen.parts]
        if not keys:
            return None
        start = keys.index(screen.current_key) + 1 if screen.current_key in keys else 0
        for key in keys[start:] + keys[:start]:
            if key not in screen._slots and key != screen.current_key:
                return key
        return None

    async def _build_next(self) -> None:
        self._timer = None
        screen = self.screen
        if not screen.is_attached or getattr(screen.app, "_leaving", False):
            return  # closing: nothing more to build
        if not screen.is_current or screen._switching.locked():
            self.schedule()  # a dialog on top, or a part being shown: later
            return
        async with screen._switching:
            from rsp_tui.tui.widgets.part_view import PartView

            key = self._next_key()
            if key is None:
                startgc.settle()  # every part is built: keep the collector off them
                return
            part = next(p for p in screen.parts if p.key == key)
            view = PartView(screen.session, part, screen.regions, first=part is screen.parts[0])
            slot = Vertical(classes="part-slot")
            slot.display = False
            await screen.query_one("#part-host", Vertical).mount(slot)
            if not slot.is_attached:
                return  # the screen is closing (the user quit while this part was built)
            await slot.mount(view)
            screen._slots[key] = slot
            self.built.add(key)
        self.schedule(NEXT_AFTER)
