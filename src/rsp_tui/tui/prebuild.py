"""Provides building the report's parts in idle time: once the user has paused (no key, paste
or click for `pause` seconds), the parts not built yet are mounted hidden, one at a time and
the next one only if no input came meanwhile, so that a first visit only shows them. Mounting
a part is what a person waits for on a first visit (0.1–0.4 s for a big one on a quiet
machine); building it while nobody types moves that wait to where nobody sees it.

A part is built without holding the screen's switching lock: a key that shows another part
(F4 after reading) does not wait for the part being built (it waited up to 0.6 s for a big
one in a terminal); only showing the part being built waits for it to be done
(`wait_for`), which is sooner than building it again. A part built while the kept parts were
dropped (the programme, region or year changed meanwhile) is thrown away when it is done.

The report screen keeps the built parts with the ones visited before (`ReportScreen._slots`)
and drops them all together when the programme, the region or the year changes.
"""

from __future__ import annotations

import asyncio
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
        self.building: str | None = None
        """The part being built now, if any."""
        self._done: asyncio.Event | None = None
        self._settled = False
        """Whether the collector was told that every part is built (once per set of parts:
        freezing again at every part switch would also freeze the user's later garbage)."""
        self._generation = 0
        """Counts the times the kept parts were dropped: a part whose build began before is
        stale."""

    async def wait_for(self, key: str) -> None:
        """If part `key` is being built, wait until it is done (kept or thrown away)."""
        if self.building == key and self._done is not None:
            await self._done.wait()

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
        """The kept parts were dropped: a part being built is stale, and the collector gets
        back what `settle` froze, so that the dropped parts can be collected (startgc.py)."""
        self.built.clear()
        self._generation += 1
        self._settled = False
        startgc.release()

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
        if not screen.is_current or screen._switching.locked() or self.building is not None:
            self.schedule()  # a dialog on top, a part being shown or built: later
            return
        from rsp_tui.tui.widgets.part_view import PartView

        key = self._next_key()
        if key is None:
            if not self._settled:
                startgc.settle()  # every part is built: keep the collector off them
                self._settled = True
            return
        generation = self._generation
        part = next(p for p in screen.parts if p.key == key)
        self.building, self._done = key, asyncio.Event()
        try:
            view = PartView(screen.session, part, screen.regions, first=part is screen.parts[0])
            slot = Vertical(classes="part-slot")
            slot.display = False
            await screen.query_one("#part-host", Vertical).mount(slot)
            if not slot.is_attached:
                return  # the screen is closing (the user quit while this part was built)
            await slot.mount(view)
            # Showing this part waits for it (`wait_for`): it is neither on screen nor kept yet.
            if self._generation != generation or not slot.is_attached:
                if slot.is_attached:
                    await slot.remove()  # built for a programme or year that changed meanwhile
                return
            screen._slots[key] = slot
            self.built.add(key)
        finally:
            self.building = None
            self._done.set()
        self.schedule(NEXT_AFTER)
