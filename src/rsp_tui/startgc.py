"""Provides pausing Python's cyclic garbage collector while the app starts.

Starting the app creates a few hundred thousand objects that live as long as the app does
(modules, classes, pydantic's and Textual's tables, the first part's widgets). The collector
runs every 700 new objects and, every hundredth time, walks all of them: measured on the
large draft, about 12 % of the start-up's CPU time (one full collection alone took 50 ms
during the imports, under load). `pause` turns it off before the imports; `resume`, once the
first screen is on, moves every object alive then into the permanent generation
(`gc.freeze`) so that later full collections do not walk them again, and turns it back on.

The same holds for the parts the report screen builds while the user pauses (`prebuild.py`):
about as many objects again, alive until the programme, the region or the year changes. Left
in the collector's oldest generation, they made every full collection walk them: with every
part of the large draft built, typing at 12 keys a second in a real terminal set off a full
collection every 5–8 s, each 80–125 ms (the key then waited that long; the median key took
9 ms). `settle` freezes them too once the last part is built, and `release` gives everything
frozen back to the collector when the report screen drops its parts, so that the dropped
widgets can be collected (they hold reference cycles, as Textual widgets do).

Only `rsp-tui` in a terminal pauses (`cli.run_app`); the tests' apps (`make_app`) do not, and
for them `settle` and `release` do nothing.
"""

from __future__ import annotations

import gc

_paused = False
_managed = False
"""Whether `pause` ran in this process: the collector's generations are ours to manage."""


def pause() -> None:
    """Turn the collector off for the start (nothing if it is off already)."""
    global _paused, _managed
    if gc.isenabled():
        gc.disable()
        _paused = True
        _managed = True


def resume() -> None:
    """The start is over: freeze what exists and turn the collector back on (once)."""
    global _paused
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()


def paused() -> bool:
    """Whether `pause` turned the collector off and `resume` has not run yet."""
    return _paused


def settle() -> None:
    """The app has built what it keeps (every part): freeze the objects alive now, as `resume`
    did after the start."""
    if _managed and not _paused:
        gc.freeze()


def release() -> None:
    """The app dropped what it kept (its parts): give frozen objects back to the collector,
    so that the dropped ones can be collected; the next `settle` freezes what is left."""
    if _managed and not _paused:
        gc.unfreeze()
