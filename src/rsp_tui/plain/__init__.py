"""Provides the plain mode (`rsp-tui --plain`): the report line by line on standard input and
output, for screen readers, SSH, dumb terminals and scripts. No colour, no box drawing, no
alternate screen. Headless: it never imports Textual, and it edits through the same
`DraftSession` as the app (the draft's lock, atomic saves, read-only when another window has
it). End of input saves and exits 0."""

from __future__ import annotations

import contextlib
import signal
from pathlib import Path
from typing import Any, TextIO

from rsp_tui.plain.console import Console, EndOfInput

PLAIN_ENV = "RSP_TUI_PLAIN"
"""Set to 1 (or anything but 0 or empty) to start the plain mode instead of the app."""


class _Stopped(Exception):
    """SIGTERM or SIGHUP: save and end."""


def wanted(environ: Any = None) -> bool:
    """True when RSP_TUI_PLAIN asks for the plain mode."""
    import os

    value = (environ if environ is not None else os.environ).get(PLAIN_ENV, "")
    return value.strip() not in ("", "0")


def run_plain(
    file: Path | None,
    folder: Path | None = None,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
) -> int:
    """Run the plain mode; the exit status (0, also when the input ends)."""
    from rsp_tui.paths import drafts_dir
    from rsp_tui.plain import start
    from rsp_tui.plain.walker import Quit, Walker

    console = Console(stdin, stdout)
    previous = _catch_signals()
    session = None
    try:
        console.say(
            "rsp-tui i textläge. Kommandon börjar med ett kolon: skriv :hjälp vid en fråga"
            " för att se dem."
        )
        if file is not None:
            session = start.open_draft(console, file)
            if session is None:
                return 2
        else:
            session = start.choose(console, drafts_dir(folder))
            if session is None:
                return 0
        draft = session.draft
        console.say(f"{draft.region}, {session.form.years.label.lower()} {draft.year}.")
        if session.read_only is not None:
            console.say(f"Skrivskyddat: {session.read_only}")
        for notice in session.notices:
            console.say(f"Obs: {notice}")
        walker = Walker(console, session)
        _say_last_part(console, walker)
        walker.run()
    except (EndOfInput, Quit, _Stopped):
        pass
    except KeyboardInterrupt:
        console.blank()
        return _finish(console, session, 130)
    finally:
        _restore_signals(previous)
    return _finish(console, session, 0)


def _say_last_part(console: Console, walker: Any) -> None:
    from rsp_tui.resume import last_part

    key = last_part(walker.session.path)
    number = next((n for n, p in enumerate(walker.parts, 1) if p.key == key), None)
    if number and number > 1:
        console.say(
            f"Förra gången var du på del {number}, {walker.parts[number - 1].title}."
            f" Skriv :del {number} för att gå dit."
        )


def _finish(console: Console, session: Any, status: int) -> int:
    """Save what is unsaved, give the lock back, and say where the draft is."""
    if session is None:
        return status
    try:
        if session.read_only is None and session.dirty:
            result = session.save()
            if not result.ok:
                rescued = session.rescue()
                if rescued is None or rescued == session.path:
                    console.say(f"Utkastet kunde inte sparas: {result.error}")
                    return 1
                console.say(
                    f"Utkastet kunde inte sparas där det ligger; en kopia finns i {rescued}"
                )
                return 1
        if session.read_only is None:
            console.say(f"Utkastet är sparat: {session.path}")
    finally:
        session.close()
    return status


def _catch_signals() -> dict[int, Any]:
    """SIGTERM and SIGHUP end the walk like the end of input (the draft is saved)."""
    previous: dict[int, Any] = {}

    def stop(signum: int, frame: Any) -> None:
        raise _Stopped

    for name in ("SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is not None:
            with contextlib.suppress(ValueError, OSError):  # not the main thread
                previous[number] = signal.signal(number, stop)
    return previous


def _restore_signals(previous: dict[int, Any]) -> None:
    for number, handler in previous.items():
        with contextlib.suppress(ValueError, OSError):
            signal.signal(number, handler)


__all__ = ["PLAIN_ENV", "run_plain", "wanted"]
