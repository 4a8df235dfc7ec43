"""Provides draft files on disk: reading one (a regular file only, of a sane size, with a
fingerprint to notice a change by someone else), saving one atomically with the previous
version kept as `<name>.bak` (see `rsp_tui.safefile`), and creating a new one that never
replaces an existing file. A file that cannot be read is reported with its line and is never
written over.
"""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from rsp_tui.drafts.fileformat import BOM, ENCODING, LoadedDraft, dumps, loads
from rsp_tui.drafts.model import Draft, now
from rsp_tui.errors import DraftError
from rsp_tui.safefile import atomic_write, create_new
from rsp_tui.safefile import os_reason as os_reason  # re-exported: the session says why

MAX_DRAFT_BYTES = 25 * 1024 * 1024
"""A larger file is not a draft (the largest realistic one is a few MB)."""

SAVE_FAILED = "kunde inte spara utkastet"
"""How the message of a failed save begins; the reason follows after a colon."""


def backup_path(path: Path) -> Path:
    """Where the previous version of `path` is kept."""
    return path.with_name(path.name + ".bak")


# -- writing ---------------------------------------------------------------------------------


def _file_bytes(draft: Draft, path: Path, touch: bool) -> bytes:
    """The draft as the bytes of its file (stamped `updated` now with `touch`); a DraftError
    when the folder it is to be written in does not exist."""
    if touch:
        draft.updated = now()
    data = dumps(draft).encode(ENCODING)
    if not path.parent.is_dir():
        raise DraftError("mappen som utkastet ska sparas i finns inte", path.parent)
    return data


def save_draft(
    draft: Draft, path: Path, *, touch: bool = True, backup: bool = True
) -> Fingerprint:
    """Write the draft to `path` atomically, keeping the previous version as `.bak` (unless
    `backup` is False); returns the fingerprint of the file written.

    Raises:
        DraftError: the folder is missing or not writable, the disk is full, …; the file on
            disk is then unchanged.
    """
    data = _file_bytes(draft, path, touch)
    try:
        st = atomic_write(path, data, backup=backup_path(path) if backup else None)
    except OSError as exc:
        raise DraftError(f"{SAVE_FAILED}: {os_reason(exc)}", path) from exc
    return Fingerprint(identity_of(st), hashlib.sha256(data).hexdigest())


def create_draft_file(draft: Draft, path: Path, *, touch: bool = True) -> None:
    """Write the draft to a new file `path`, never over an existing one (see
    `safefile.create_new`: whole or not at all, and two writers of one name cannot both win).

    Raises:
        FileExistsError: `path` exists; nothing was written.
        DraftError: the folder is missing or not writable, the disk is full, …
    """
    data = _file_bytes(draft, path, touch)
    try:
        create_new(path, data)
    except FileExistsError:
        raise
    except OSError as exc:
        raise DraftError(f"{SAVE_FAILED}: {os_reason(exc)}", path) from exc


# -- reading ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Fingerprint:
    """What a draft file was when it was last read or written: its identity on disk (device,
    inode, size, modification time) and a checksum of its bytes. A save compares the file
    with this first, so that a file changed by someone else is never written over."""

    identity: tuple[int, int, int, int]
    sha256: str


def identity_of(st: os.stat_result) -> tuple[int, int, int, int]:
    """What changes when a file is replaced or rewritten."""
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


def _not_regular(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "är en mapp, inte ett utkast"
    if stat.S_ISFIFO(mode):
        return "är en namngiven rörledning (FIFO), inte ett utkast; bara vanliga filer läses"
    if stat.S_ISSOCK(mode):
        return "är en socket, inte ett utkast; bara vanliga filer läses"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "är en enhetsfil, inte ett utkast; bara vanliga filer läses"
    return "är inte en vanlig fil; bara vanliga filer läses"


def read_regular(path: Path, limit: int, what: str = "ett utkast") -> tuple[bytes, os.stat_result]:
    """The bytes of `path` if it is a regular file of at most `limit` bytes, and its status.

    A FIFO, socket or device node is refused before it is opened (reading one could block
    forever or have side effects), and the file is opened without blocking and checked again
    on the open descriptor (a file swapped for a FIFO meanwhile is refused too).

    Raises:
        DraftError: Swedish, naming the file; nothing is changed.
    """
    try:
        st = path.stat()
        if not stat.S_ISREG(st.st_mode):
            raise DraftError(_not_regular(st.st_mode).replace("ett utkast", what), path)
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
        fd = os.open(path, flags)
        try:
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode):
                raise DraftError(_not_regular(st.st_mode).replace("ett utkast", what), path)
            if st.st_size > limit:
                raise DraftError(
                    f"filen är {st.st_size / 1024 / 1024:.0f} MB, för stor för att vara {what}"
                    f" (högst {limit // 1024 // 1024} MB)",
                    path,
                )
            chunks: list[bytes] = []
            total = 0
            while True:
                chunk = os.read(fd, 1 << 20)
                if not chunk:
                    break
                total += len(chunk)
                if total > limit:  # grew while being read
                    raise DraftError(
                        f"filen är större än {limit // 1024 // 1024} MB, för stor för att vara"
                        f" {what}",
                        path,
                    )
                chunks.append(chunk)
        finally:
            os.close(fd)
    except FileNotFoundError:
        raise DraftError("filen finns inte", path) from None
    except PermissionError:
        raise DraftError("saknar behörighet att läsa filen", path) from None
    except DraftError:
        raise
    except OSError as exc:
        raise DraftError(f"kunde inte läsa filen ({os_reason(exc)})", path) from None
    return b"".join(chunks), st


def _read_text(path: Path) -> tuple[str, Fingerprint]:
    raw, st = read_regular(path, MAX_DRAFT_BYTES)
    fingerprint = Fingerprint(identity_of(st), hashlib.sha256(raw).hexdigest())
    if raw.startswith(BOM):  # saved by an older Notepad
        raw = raw[len(BOM) :]
    if not raw.strip():
        raise DraftError("filen är tom", path)
    try:
        return raw.decode(ENCODING), fingerprint
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DraftError(
            "filen innehåller tecken som inte är UTF-8; spara den som UTF-8 i din texteditor",
            path,
            line,
        ) from None


def fingerprint_of(path: Path) -> Fingerprint | None:
    """The fingerprint of the file at `path` now; None when there is no readable regular
    file there (missing, a folder, unreadable)."""
    try:
        raw, st = read_regular(path, MAX_DRAFT_BYTES * 4)
    except DraftError:
        return None
    return Fingerprint(identity_of(st), hashlib.sha256(raw).hexdigest())


def load_draft(path: Path) -> LoadedDraft:
    """Read a draft file.

    Raises:
        DraftError: with a Swedish message naming the file and, when known, the line. The file
            is left exactly as it was.
    """
    text, fingerprint = _read_text(path)
    loaded = loads(text, path)
    loaded.fingerprint = fingerprint
    return loaded
