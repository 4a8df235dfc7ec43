"""Open an exported document or its folder with the system's own program (Word, Finder, the
file manager), started detached so that rsp-tui never waits for it.

`RSP_TUI_OPENER` names another program to use (a command, split like a shell would); tests
use it, and so can a user whose desktop has no `xdg-open`.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

OPENER_ENV = "RSP_TUI_OPENER"


def opener_command() -> list[str] | None:
    """The command that opens a file or folder on this system, or None if there is none."""
    override = os.environ.get(OPENER_ENV, "").strip()
    if override:
        return shlex.split(override)
    if sys.platform == "darwin":
        return ["open"] if shutil.which("open") else None
    if sys.platform == "win32":
        return []  # os.startfile
    return ["xdg-open"] if shutil.which("xdg-open") else None


def open_path(path: Path) -> str | None:
    """Start the system's opener on `path` without waiting for it.

    Returns None when it was started, otherwise a Swedish message saying why not and where
    the file is, so that the user can open it by hand.
    """
    if not path.exists():
        return f"{path} finns inte (längre)."
    command = opener_command()
    if command is None:
        name = "open" if sys.platform == "darwin" else "xdg-open"
        return (
            f"Kan inte öppna {path.name}: programmet {name} finns inte på den här datorn."
            f" Filen ligger i {path.parent}."
        )
    try:
        if not command:
            os.startfile(path)  # type: ignore[attr-defined]  # Windows only
        else:
            subprocess.Popen(  # noqa: S603 (the user's own opener, on the user's own file)
                [*command, str(path)],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,
                close_fds=True,
            )
    except OSError as exc:
        return (
            f"Kan inte öppna {path.name} ({exc.strerror or type(exc).__name__})."
            f" Filen ligger i {path.parent}."
        )
    return None
