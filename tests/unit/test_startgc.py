"""The garbage collector paused for the app's start (startgc.py) comes back on, once."""

from __future__ import annotations

import gc

from rsp_tui import startgc


def test_pause_and_resume() -> None:
    assert gc.isenabled()
    frozen_before = gc.get_freeze_count()
    try:
        startgc.pause()
        assert not gc.isenabled() and startgc.paused()
        startgc.resume()
        assert gc.isenabled() and not startgc.paused()
        assert gc.get_freeze_count() > frozen_before  # what the start made is frozen
        gc.disable()
        startgc.resume()  # once only: a second call changes nothing
        assert not gc.isenabled()
    finally:
        gc.enable()
        gc.unfreeze()


def test_pause_leaves_a_collector_someone_else_turned_off() -> None:
    gc.disable()
    try:
        startgc.pause()
        assert not startgc.paused()
        startgc.resume()
        assert not gc.isenabled()  # not ours to turn on
    finally:
        gc.enable()
