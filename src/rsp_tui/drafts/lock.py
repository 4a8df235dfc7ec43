"""Provides one writer per draft: a lock held while a draft is open for editing.

The lock is `filelock.FileLock` on `.<draft>.lock` next to the draft: an OS lock (flock on
Unix) that the kernel releases when the holder dies, even by SIGKILL, so a stale lock never
blocks the user. Who holds it (process id, host, user, since when) is written to
`.<draft>.owner` so that a second rsp-tui can say who has the draft open.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import socket
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from filelock import FileLock, Timeout

from rsp_tui.errors import DraftLockedError
from rsp_tui.safefile import atomic_write


@dataclass(frozen=True)
class LockOwner:
    """Who holds a draft's lock."""

    pid: int
    host: str
    user: str
    since: datetime

    def describe(self) -> str:
        """Swedish, where the draft is open: `hos användaren anna på datorn rsp01 (process 4711)
        sedan 2024-01-20 kl. 10:15`, or `i ett annat fönster på den här datorn (process 4711)
        sedan …` when it is the same user on the same computer (two terminals)."""
        since = f"sedan {self.since:%Y-%m-%d} kl. {self.since:%H:%M}"
        if self.user == _user() and self.host == socket.gethostname():
            return f"i ett annat fönster på den här datorn (process {self.pid}) {since}"
        return f"hos användaren {self.user} på datorn {self.host} (process {self.pid}) {since}"


def lock_paths(draft_path: Path) -> tuple[Path, Path]:
    """The lock file and the owner file of a draft."""
    return (
        draft_path.with_name(f".{draft_path.name}.lock"),
        draft_path.with_name(f".{draft_path.name}.owner"),
    )


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in this environment
        return "okänd"


class DraftLock:
    """The lock of one draft; `acquire` raises `DraftLockedError` when another process has it."""

    def __init__(self, draft_path: Path):
        self.draft_path = draft_path
        self.lock_path, self.owner_path = lock_paths(draft_path)
        self._lock = FileLock(
            str(self.lock_path),
            timeout=0,
            mode=0o600,  # owner-only, like every file rsp-tui creates
            thread_local=False,  # taken on the UI thread, given back on whichever thread quits
            fallback_to_soft=False,  # a marker file would outlive a killed holder (PITFALLS)
            preserve_lock_file=True,
        )
        self.held = False

    def acquire(self) -> None:
        """Take the lock now or raise `DraftLockedError` naming who has it.

        Raises:
            DraftLockedError: another process holds the lock.
            OSError: the lock file cannot be created or locked (a read-only folder, a file
                system without locks); the caller decides whether to go on without it.
        """
        try:
            self._lock.acquire(timeout=0)
        except Timeout:
            owner = self.owner()
            where = owner.describe() if owner else "i ett annat rsp-tui"
            raise DraftLockedError(
                f"utkastet är redan öppet för redigering {where}", self.draft_path
            ) from None
        self.held = True
        me = LockOwner(os.getpid(), socket.gethostname(), _user(), datetime.now().astimezone())
        record = {
            "pid": me.pid,
            "host": me.host,
            "user": me.user,
            "since": me.since.isoformat(timespec="seconds"),
        }
        with contextlib.suppress(OSError):
            atomic_write(self.owner_path, json.dumps(record).encode("utf-8"))

    def owner(self) -> LockOwner | None:
        """Who holds (or last held) the lock, from the owner file; None if unknown."""
        try:
            data = json.loads(self.owner_path.read_text(encoding="utf-8"))
            return LockOwner(
                int(data["pid"]),
                str(data["host"]),
                str(data["user"]),
                datetime.fromisoformat(data["since"]),
            )
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def release(self) -> None:
        """Give the lock back (idempotent)."""
        if not self.held:
            return
        with contextlib.suppress(OSError):
            self.owner_path.unlink()
        self._lock.release(force=True)
        self.held = False
        # The lock file itself stays: removing it would let two processes lock different files.

    def __enter__(self) -> DraftLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def lock_problem(exc: OSError, lock_path: Path) -> str | None:
    """Why the lock file cannot be used, in Swedish, when it is the lock file itself that is
    wrong (not the folder); None otherwise."""
    import errno

    name = lock_path.name
    if exc.errno == errno.ELOOP or lock_path.is_symlink():
        return (
            f"låsfilen {name} är en symbolisk länk, och en sådan följs inte av säkerhetsskäl;"
            " ta bort den"
        )
    if exc.errno in (errno.EACCES, errno.EPERM) and lock_path.exists():
        if os.access(lock_path.parent, os.W_OK):
            return f"låsfilen {name} går inte att läsa eller skriva (fel behörighet på filen)"
    return None


def open_elsewhere(draft_path: Path) -> str | None:
    """Where the draft is open for editing by another process (`LockOwner.describe`), or
    None when nobody else has it: for the start screen, before the user picks a draft.

    A probe: the lock is taken and given back at once. A draft never opened has no lock file
    and none is created. Whatever cannot be checked (no locks on this file system, no
    permission) counts as not open; opening the draft then says more."""
    lock_path, _ = lock_paths(draft_path)
    if not lock_path.exists():
        return None
    probe = DraftLock(draft_path)
    try:
        probe._lock.acquire(timeout=0)
    except Timeout:
        owner = probe.owner()
        if owner is not None and owner.pid == os.getpid() and owner.host == socket.gethostname():
            return None  # this process has it open
        return owner.describe() if owner else "i ett annat rsp-tui"
    except OSError:
        return None
    probe._lock.release(force=True)
    return None
