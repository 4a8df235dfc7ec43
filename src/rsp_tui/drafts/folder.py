"""Provides the drafts folder: names of new drafts, creating a new draft under a free name
(the one way every new draft is written: the new-report dialogs, `rsp-tui new`, `rollover`
and `import`), and the list of drafts the start screen shows."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from rsp_tui.drafts.diskfile import backup_path, create_draft_file, load_draft
from rsp_tui.drafts.fileformat import LoadedDraft
from rsp_tui.drafts.lock import DraftLock
from rsp_tui.drafts.model import Draft, now
from rsp_tui.errors import DraftError, DraftLockedError
from rsp_tui.textutil import slug


def default_filename(region: str, year: int) -> str:
    """`jamtland-harjedalen-2023.toml`."""
    return f"{slug(region)}-{year}.toml"


def unique_path(folder: Path, name: str, skip: Collection[Path] = ()) -> Path:
    """`folder/name`, or `name-2.toml`, `name-3.toml`, … if taken (or in `skip`)."""
    candidate = folder / name
    stem, suffix = candidate.stem, candidate.suffix
    n = 2
    while candidate.exists() or backup_path(candidate).exists() or candidate in skip:
        candidate = folder / f"{stem}-{n}{suffix}"
        n += 1
    return candidate


def claim_free_name(
    draft: Draft, folder: Path, name: str, *, hold_lock: bool = True
) -> tuple[Path, DraftLock | None]:
    """Write a new draft under a free name in `folder` (`name`, else `name-2.toml`, …), with its
    lock held when `hold_lock` (a draft opened for editing right away): two windows creating
    the same region and year at the same moment get two files, never one written over the
    other. Without `hold_lock` (a command that only writes the file) no lock file is made.

    A name counts as taken when its draft or backup exists, when another process holds its
    lock (it is creating that draft right now), or when the file appears before ours is
    written (`create_draft_file` never replaces a file).

    Raises:
        DraftError: the folder cannot be written (nothing is left behind), or no free name.
    """
    taken: set[Path] = set()
    for _ in range(1000):
        path = unique_path(folder, name, taken)
        lock = DraftLock(path)
        held: DraftLock | None = lock if hold_lock else None
        try:
            if hold_lock:
                lock.acquire()
        except DraftLockedError:
            taken.add(path)
            continue
        except OSError:
            held = None  # no lock here; the file is still created exclusively
        try:
            create_draft_file(draft, path, touch=False)
        except FileExistsError:
            lock.release()  # a no-op when it was never taken
            taken.add(path)
            continue
        except DraftError as exc:
            lock.release()
            raise DraftError(exc.message, path) from None
        return path, held
    raise DraftError("hittade inget ledigt filnamn för utkastet", folder / name)


def create_draft_in(draft: Draft, folder: Path, name: str, *, touch: bool = True) -> Path:
    """Write the draft to a new file in `folder` under `name`, or `name-2.toml`, … when taken
    (see `claim_free_name`); returns the path written. No lock is kept.

    Raises:
        DraftError: as `create_draft_file`, or no free name.
    """
    if touch:
        draft.updated = now()
    path, _ = claim_free_name(draft, folder, name, hold_lock=False)
    return path


@dataclass
class DraftSummary:
    """What the start screen shows of one draft file."""

    path: Path
    region: str = ""
    year: int | None = None
    updated: datetime | None = None
    error: str | None = None
    """Why the file cannot be opened, if it cannot."""
    loaded: LoadedDraft | None = None


def list_drafts(folder: Path) -> list[DraftSummary]:
    """Every draft in `folder`, newest first; unreadable files are listed with their error."""
    out: list[DraftSummary] = []
    if not folder.is_dir():
        return out
    for path in folder.glob("*.toml"):
        try:
            loaded = load_draft(path)
        except DraftError as exc:
            mtime = None
            try:
                mtime = datetime.fromtimestamp(path.stat().st_mtime).astimezone()
            except OSError:
                pass
            out.append(DraftSummary(path=path, updated=mtime, error=exc.describe()))
            continue
        d = loaded.draft
        out.append(
            DraftSummary(path=path, region=d.region, year=d.year, updated=d.updated, loaded=loaded)
        )
    out.sort(key=lambda s: s.updated.timestamp() if s.updated else 0.0, reverse=True)
    return out
