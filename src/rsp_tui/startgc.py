"""Provides pausing Python's cyclic garbage collector while the app starts.

Starting the app creates a few hundred thousand objects that live as long as the app does
(modules, classes, pydantic's and Textual's tables, the first part's widgets). The collector
runs every 700 new objects and, every hundredth time, walks all of them: measured on the
large draft, about 12 % of the start-up's CPU time (one full collection alone took 50 ms
during the imports, under load). `pause` turns it off before the imports; `resume`, once the
first screen is on, moves every object alive then into the permanent generation
(`gc.freeze`) so that later full collections do not walk them again, and turns it back on.
The objects of the start that become garbage in a cycle later (the first part's widgets when
the programme changes) are not collected: a bounded one-time cost.

Only `rsp-tui` in a terminal pauses (`cli.run_app`); the tests' apps (`make_app`) do not.
"""

from __future__ import annotations

import gc

_paused = False


def pause() -> None:
    """Turn the collector off for the start (nothing if it is off already)."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


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
