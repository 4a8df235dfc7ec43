"""Provides atomic, owner-only file writing: a killed or failing write never leaves a
half-written file over a good one.

The steps: write a temp file in the same folder → flush + fsync → (keep the old file as a
backup, by hard link when the file system allows) → `os.replace` → fsync the folder.
Temp files left behind by a killed process are removed by `cleanup_temp_files`.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import tempfile
import time
from pathlib import Path

TMP_SUFFIX = ".rsp-tmp"
"""Every temp file we create ends with this, so that leftovers can be found and removed."""

OWNER_ONLY = 0o600


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems cannot fsync a folder; the data itself is already synced
    finally:
        os.close(fd)


def _temp_in(folder: Path, name: str) -> tuple[int, str]:
    return tempfile.mkstemp(prefix=f".{name}.", suffix=TMP_SUFFIX, dir=folder)


def _write_fd(fd: int, data: bytes) -> os.stat_result:
    with os.fdopen(fd, "wb") as fh:
        if hasattr(os, "fchmod"):
            os.fchmod(fh.fileno(), OWNER_ONLY)
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
        return os.fstat(fh.fileno())


def _backup(path: Path, backup: Path) -> None:
    """Make `backup` a copy of `path` without ever leaving `backup` half-written."""
    with contextlib.suppress(OSError):
        if os.path.samefile(path, backup):
            # Already the same file: a save failed after its backup was made. (Renaming a
            # second link to it over `backup` would do nothing and leave the link behind.)
            return
    fd, tmp = _temp_in(backup.parent, backup.name)
    os.close(fd)
    try:
        os.unlink(tmp)
        try:
            os.link(path, tmp)
        except OSError:
            shutil.copyfile(path, tmp)
            if hasattr(os, "chmod"):
                os.chmod(tmp, OWNER_ONLY)
        os.replace(tmp, backup)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def atomic_write(path: Path, data: bytes, backup: Path | None = None) -> os.stat_result:
    """Write `data` to `path` atomically, readable by the owner only; returns the status of
    the file written (its inode, size and time stay those of `path` after the rename).

    Args:
        path: the file to (re)place.
        data: its whole new content.
        backup: if given and `path` exists, the previous version is kept there.

    Raises:
        OSError: when any step fails; `path` then still holds its previous content.
    """
    folder = path.parent
    fd, tmp = _temp_in(folder, path.name)
    try:
        st = _write_fd(fd, data)
        if backup is not None and path.is_file():
            _backup(path, backup)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_dir(folder)
    return st


def create_new(path: Path, data: bytes) -> None:
    """Create `path` with `data`, only if no file has that name yet, readable by the owner only.

    The file appears whole or not at all: it is written under a temporary name and then
    hard-linked to `path`, which fails if `path` exists (two processes creating the same name
    at once: one wins, the other is told). Where hard links are not available, `path` is
    created with O_EXCL and written.

    Raises:
        FileExistsError: `path` exists; nothing was written.
        OSError: any other failure; `path` does not exist then.
    """
    folder = path.parent
    fd, tmp = _temp_in(folder, path.name)
    try:
        _write_fd(fd, data)
        try:
            os.link(tmp, path)
        except FileExistsError:
            raise
        except OSError:
            _create_exclusive(path, data)  # no hard links on this file system
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
    _fsync_dir(folder)


def _create_exclusive(path: Path, data: bytes) -> None:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags, OWNER_ONLY)
    try:
        _write_fd(fd, data)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(path)
        raise


def cleanup_temp_files(folder: Path, older_than: float = 60.0) -> list[Path]:
    """Remove temp files left by killed writes in `folder`; return what was removed.

    Only our own temp files (`.<name>.<random>.rsp-tmp`) older than `older_than` seconds are
    touched, so a save under way in another process is left alone.
    """
    removed: list[Path] = []
    if not folder.is_dir():
        return removed
    limit = time.time() - older_than
    for candidate in folder.glob(f".*{TMP_SUFFIX}"):
        try:
            if candidate.is_file() and candidate.stat().st_mtime < limit:
                candidate.unlink()
                removed.append(candidate)
        except OSError:
            continue
    return removed


def os_reason(exc: OSError) -> str:
    """Why reading or writing a file failed, in Swedish words a user can act on."""
    reasons = {
        errno.ENOSPC: "disken är full",
        errno.EACCES: "saknar behörighet att skriva i mappen",
        errno.EPERM: "saknar behörighet att skriva i mappen",
        errno.EROFS: "mappen är skrivskyddad",
        errno.EDQUOT: "diskkvoten är slut",
        errno.ENOENT: "mappen finns inte längre",
        errno.EISDIR: "det finns en mapp med samma namn",
        errno.EIO: "läs- eller skrivfel på disken",
        errno.EBUSY: "filen används av ett annat program",
        errno.ELOOP: "sökvägen går genom för många symboliska länkar",
        errno.ENAMETOOLONG: "filnamnet är för långt",
        errno.ENOTDIR: "en del av sökvägen är inte en mapp",
    }
    return reasons.get(exc.errno or 0, exc.strerror or str(exc))
