"""Provides the editing session of one draft: the draft in memory, where it is saved, and
saving with the error kept instead of raised. Headless: never imports Textual.

The app changes answers through the session and asks it to save; the session counts changes
so that it knows whether anything is unsaved, and remembers the last failure so the app can
warn and keep working (answers stay in memory and are written once saving works again).

Saving may run in a worker thread: `snapshot()` copies the draft on the caller's thread (fast),
`write(snapshot)` serialises and writes it (a few ms of TOML, then fsync) and may run anywhere.
Writes are serialised by a lock, and an older snapshot never overwrites a newer one.

One writer per draft: a session open for editing holds the draft's `DraftLock` until `close()`.
When another process holds it, `open` raises `DraftLockedError`; the draft can then be opened
with `read_only=True`, and such a session never writes anything (no save, no rescue copy).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from rsp_tui.drafts.diskfile import (
    SAVE_FAILED,
    Fingerprint,
    fingerprint_of,
    identity_of,
    load_draft,
    os_reason,
    save_draft,
)
from rsp_tui.drafts.edits import DraftEdits
from rsp_tui.drafts.fileformat import LoadedDraft
from rsp_tui.drafts.folder import claim_free_name, default_filename, unique_path
from rsp_tui.drafts.lock import DraftLock, lock_problem
from rsp_tui.drafts.model import Draft, is_empty, new_draft, now
from rsp_tui.drafts.paths import (
    AnswerPath,
    InsatsPath,
    PathError,
    RegionPath,
    YearPath,
    resolve,
)
from rsp_tui.errors import DraftError, DraftLockedError
from rsp_tui.forms.programme import Programme
from rsp_tui.forms.schema import FormDefinition
from rsp_tui.safefile import cleanup_temp_files

Clock = Callable[[], datetime]


@dataclass(frozen=True)
class Snapshot:
    """A copy of the draft as it was after change number `change`."""

    draft: Draft
    change: int


@dataclass(frozen=True)
class SaveResult:
    """The outcome of one save."""

    ok: bool
    at: datetime
    error: str | None = None
    """Why, in Swedish, e.g. `disken är full` (the app says that saving failed)."""
    skipped: bool = False
    """Nothing was written: a newer snapshot was already on disk."""
    conflict: Path | None = None
    """The file was changed by someone else since this session read or wrote it (a text
    editor, a sync tool, a `.bak` put back by hand): it was left as it is, and the draft was
    written here instead, beside it."""


class DraftSession(DraftEdits):
    """One draft open for editing. Structural changes (insatser, programme, region) are
    `DraftEdits` methods; like `set`, each counts as a change."""

    def __init__(
        self,
        form: FormDefinition,
        draft: Draft,
        path: Path,
        clock: Clock = now,
        *,
        read_only: str | None = None,
    ):
        self.form = form
        self.draft = draft
        self.path = path
        self.clock = clock
        self.read_only = read_only
        """Why this session may not write (Swedish, e.g. `utkastet är redan öppet för
        redigering i ett annat fönster …`); None for a session open for editing."""
        self.lock: DraftLock | None = None
        """The draft's lock while this session holds it."""
        self.notices: list[str] = []
        """Swedish notes from loading the file (edited outside rsp-tui, migrated, …)."""
        self.last_saved: datetime | None = None
        """When the draft was last written successfully in this session."""
        self.last_error: str | None = None
        """Why the last save failed; None once a save works."""
        self.disk: Fingerprint | None = None
        """The file at `path` as this session last read or wrote it; a save first checks
        that it is still so (see `changed_outside`)."""
        self.conflict_path: Path | None = None
        """Where this session's version is saved once the file at `path` was changed by
        someone else; None while saving to `path` is safe."""
        self._change = 0
        self._saved_change = 0
        self._written_change = 0
        self._lock = threading.Lock()

    # -- opening -------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path, clock: Clock = now, *, read_only: str | None = None) -> DraftSession:
        """Open an existing draft file for editing, taking its lock; or, with `read_only`
        (the reason, shown to the user), only for reading.

        Raises:
            DraftLockedError: another process has the draft open for editing.
            DraftError: the file cannot be read (it is left untouched).
        """
        if read_only is not None:
            return cls._from_loaded(load_draft(path), clock, read_only=read_only)
        before = _identity(path)
        loaded = load_draft(path)  # a broken file is reported before any lock file is made
        lock = DraftLock(path)
        held: DraftLock | None = lock
        notices: list[str] = []
        try:
            lock.acquire()
        except DraftLockedError:
            raise
        except OSError as exc:
            held = None
            reason = lock_problem(exc, lock.lock_path) or os_reason(exc)
            notices.append(
                f"Utkastet kunde inte låsas ({reason}), så ett annat rsp-tui kan"
                " öppna det samtidigt. Stäng andra fönster med samma utkast."
            )
        else:
            if _identity(path) != before:  # saved by the previous holder meanwhile: read again
                try:
                    loaded = load_draft(path)
                except DraftError:
                    lock.release()
                    raise
            with contextlib.suppress(OSError):
                cleanup_temp_files(path.parent)  # left by a save that was killed half-way
        session = cls._from_loaded(loaded, clock)
        session.lock = held
        session.notices.extend(notices)
        return session

    @classmethod
    def _from_loaded(
        cls, loaded: LoadedDraft, clock: Clock, read_only: str | None = None
    ) -> DraftSession:
        session = cls(loaded.form, loaded.draft, loaded.path, clock, read_only=read_only)
        session.disk = loaded.fingerprint
        session.notices = list(loaded.notices)
        session.last_saved = loaded.draft.updated
        return session

    @classmethod
    def create(
        cls,
        form: FormDefinition,
        region: str,
        year: int,
        folder: Path,
        programme: Programme | None = None,
        clock: Clock = now,
    ) -> DraftSession:
        """Create a new draft in `folder` under a free name and save it at once.

        Raises:
            DraftError: the folder cannot be created or written.
        """
        try:
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError as exc:
            raise DraftError(f"kunde inte skapa mappen ({exc.strerror})", folder) from None
        stamp = clock().replace(microsecond=0)  # as every later save writes it
        draft = new_draft(form, region, year, programme, today=stamp.date())
        draft.created = stamp
        draft.updated = stamp
        path, lock = claim_free_name(draft, folder, default_filename(region, year))
        session = cls(form, draft, path, clock)
        session.disk = fingerprint_of(path)
        session.lock = lock
        session.last_saved = stamp
        return session

    def close(self) -> None:
        """Give the draft's lock back (the report is closed); saving is the caller's job."""
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    # -- changing ------------------------------------------------------------------------

    @property
    def change_count(self) -> int:
        """How many changes were made in this session."""
        return self._change

    @property
    def dirty(self) -> bool:
        """True while a change is not yet on disk."""
        return self._saved_change != self._change

    def changed(self) -> None:
        """Record a change to `draft` (the `DraftEdits` methods call it)."""
        self._change += 1

    def set(self, path: AnswerPath, value: Any) -> bool:
        """Store an answer; True if it differs from what was there (an empty answer where
        there was none is no change). A path that does not fit the form raises `PathError`
        (and `KeyError` for an insats that does not exist), and nothing is stored. The
        region and year go through `set_region` and `set_year`."""
        if isinstance(path, RegionPath):
            return self.set_region(str(value))
        if isinstance(path, YearPath):
            if isinstance(value, bool) or not isinstance(value, int):
                raise PathError(f"verksamhetsåret ska vara ett heltal, inte {value!r}")
            return self.set_year(value)
        resolve(self.form, path)
        if isinstance(path, InsatsPath):
            if self.draft.find_item(path.question, path.area, path.item) is None:
                raise KeyError(f"insatsen {path.item} finns inte i {path.area}")
        old = self.draft.get(path)
        if old == value or (old is None and is_empty(value)):
            return False
        self.draft.set(path, value)
        self.changed()
        return True

    # -- saving --------------------------------------------------------------------------

    def snapshot(self) -> Snapshot:
        """Copy the draft as it is now (call on the thread that changes it)."""
        self.draft.updated = self.clock().replace(microsecond=0)
        return Snapshot(self.draft.model_copy(deep=True), self._change)

    def write(self, snapshot: Snapshot) -> SaveResult:
        """Write a snapshot to `path`; failures are returned, never raised. A read-only
        session writes nothing."""
        with self._lock:
            at = self.clock()
            if self.read_only is not None:
                return SaveResult(ok=True, at=at, skipped=True)
            if snapshot.change < self._written_change:
                return SaveResult(ok=True, at=at, skipped=True)
            conflict: Path | None = None
            try:
                if self.conflict_path is None and self.changed_outside():
                    self.conflict_path = conflict_copy_path(self.path)
                if self.conflict_path is not None:
                    conflict = self.conflict_path
                    save_draft(snapshot.draft, conflict, touch=False, backup=False)
                else:
                    self.disk = save_draft(snapshot.draft, self.path, touch=False)
            except DraftError as exc:
                self.last_error = exc.message.removeprefix(f"{SAVE_FAILED}: ")
                return SaveResult(ok=False, at=at, error=self.last_error)
            except OSError as exc:  # anything the store did not translate
                self.last_error = str(exc.strerror or exc)
                return SaveResult(ok=False, at=at, error=self.last_error)
            except Exception as exc:  # a bug must not cost the answers kept in memory
                self.last_error = f"oväntat fel när utkastet skulle sparas ({type(exc).__name__})"
                return SaveResult(ok=False, at=at, error=self.last_error)
            self._written_change = snapshot.change
            self._saved_change = max(self._saved_change, snapshot.change)
            self.last_saved = at
            self.last_error = None
            return SaveResult(ok=True, at=at, conflict=conflict)

    def changed_outside(self) -> bool:
        """True when the file at `path` is no longer what this session last read or wrote:
        someone else changed, replaced or restored it. Its identity on disk is compared
        first (cheap); when that differs, its checksum (a file touched or copied back
        unchanged is not a change). A file that is gone is no change (saving recreates it,
        nothing of anyone's is lost); one that cannot be read, or is no longer a regular
        file, is (it is never written over)."""
        if self.disk is None:
            return False
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            return False
        except OSError:
            return True
        if identity_of(st) == self.disk.identity:
            return False
        current = fingerprint_of(self.path)
        if current is None:
            return True
        if current.sha256 == self.disk.sha256:
            self.disk = current
            return False
        return True

    def keep_ours(self) -> SaveResult:
        """After a conflict, the user keeps this session's version: it is written to `path`
        (the other version becomes the `.bak`), and the copy beside it is removed once that
        worked."""
        with self._lock:
            copy = self.conflict_path
            self.disk = fingerprint_of(self.path)
            self.conflict_path = None
        result = self.write(self.snapshot())
        if result.ok and result.conflict is None and copy is not None:
            with contextlib.suppress(OSError):
                copy.unlink()
        return result

    def save(self) -> SaveResult:
        """Snapshot and write now, on this thread; nothing is written when nothing changed
        (the file's time stays the time of the last change)."""
        if not self.dirty:
            return SaveResult(ok=True, at=self.clock(), skipped=True)
        return self.write(self.snapshot())

    def rescue(self) -> Path | None:
        """Last resort when saving to `path` fails: write a copy elsewhere.

        Tries the home folder, then the temporary folder. Returns where the copy went, or None
        (always None for a read-only session, which writes nothing).
        """
        if self.read_only is not None:
            return None
        result = self.save()
        if result.ok:
            return result.conflict or self.conflict_path or self.path
        snap = self.snapshot()
        name = f"{self.path.stem}-räddad.toml"
        for folder in (Path.home(), Path(tempfile.gettempdir())):
            try:
                target = unique_path(folder, name)
                save_draft(snap.draft, target, touch=False)
            except (DraftError, OSError):
                continue
            return target
        return None


def conflict_copy_path(path: Path) -> Path:
    """A free name beside `path` for this session's version when someone else changed the
    file: `rapport-din-version.toml`, `rapport-din-version-2.toml`, …"""
    return unique_path(path.parent, f"{path.stem}-din-version{path.suffix or '.toml'}")


def _identity(path: Path) -> tuple[int, int, int, int] | None:
    """What changes when a file is replaced or rewritten (None if it cannot be read)."""
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_ino, st.st_dev, st.st_size, st.st_mtime_ns)
