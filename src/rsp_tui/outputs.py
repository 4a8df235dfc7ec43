"""Provides the checks made before a file is written where the user pointed (an export's
`-o`), and the cleaning of what the command line prints. Headless.

An export never replaces a draft (anything that reads as one, or any `.toml`), the draft it
is made from, a folder, a FIFO, a socket or a device node: writing over such a path would
lose the draft, block forever, or swap a device for a regular file.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from rsp_tui.errors import ExportError

DRAFT_SUFFIXES = (".toml", ".bak")
"""Drafts and their previous versions."""

_DRAFT_MARKERS = (b"# rsp-tui", b"form_id", b"# rsp-tui kontrollsumma")
_ZIP = b"PK\x03\x04"

TERMINAL_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""What a terminal would act on: C0 controls but TAB and newline, DEL and C1 controls
(`\\x9b` is CSI on some terminals). The app leaves the same characters out of the screen."""


def terminal_text(text: str) -> str:
    """`text` with nothing a terminal would take as a command (escape sequences lose their
    ESC and become harmless text); line breaks and tabs are kept."""
    return TERMINAL_UNSAFE.sub("", text)


def _reads_as_draft(path: Path) -> bool:
    """A regular file that is not a zip package and looks like a draft (our header, our
    checksum line or a `form_id` key near the top)."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(8192)
    except OSError:
        return False
    if head.startswith(_ZIP):
        return False
    return any(marker in head for marker in _DRAFT_MARKERS)


def check_export_target(out: Path, source: Path | None = None) -> None:
    """Refuse to write an export to `out` when that would destroy something.

    Raises:
        ExportError: Swedish, naming `out`; nothing is written.
    """
    if out.suffix.lower() in DRAFT_SUFFIXES:
        raise ExportError(
            f"dokumentet skrivs inte till en {out.suffix}-fil: det är namnet på ett utkast."
            " Välj ett namn som slutar på .docx",
            out,
        )
    try:
        st = os.stat(out)
    except FileNotFoundError:
        return
    except OSError:
        return  # the write itself will say what is wrong
    if stat.S_ISDIR(st.st_mode):
        raise ExportError("det finns redan en mapp med det namnet; välj ett filnamn", out)
    if not stat.S_ISREG(st.st_mode):
        raise ExportError(
            "är inte en vanlig fil (en FIFO, socket eller enhetsfil) och skrivs inte över;"
            " välj ett filnamn",
            out,
        )
    if source is not None:
        try:
            if os.path.samefile(out, source):
                raise ExportError(
                    "är utkastet självt och skrivs inte över; välj ett annat namn", out
                )
        except OSError:
            pass
    if _reads_as_draft(out):
        raise ExportError(
            "ser ut som ett utkast och skrivs inte över; välj ett annat namn för dokumentet",
            out,
        )
