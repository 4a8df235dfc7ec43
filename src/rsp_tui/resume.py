"""Remembers which part of each draft was open last, so that a draft opens where the user
left off ("fortsätt där du slutade").

The record is a small JSON file in the state folder (`paths.state_dir`): the draft's
absolute path and a part key, nothing of the answers. It is a convenience: a record that
cannot be read or written is ignored without a word, and a draft without one opens at its
first unfinished part.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from rsp_tui.paths import state_dir

FILE_NAME = "senast-oppnat.json"
KEEP = 100
"""How many drafts are remembered; the ones opened longest ago are forgotten first."""


def _record_path() -> Path:
    return state_dir() / FILE_NAME


def _key(draft_path: Path) -> str:
    return str(draft_path.expanduser().resolve())


def _read() -> dict[str, dict[str, str]]:
    try:
        data = json.loads(_record_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    drafts = data.get("utkast") if isinstance(data, dict) else None
    if not isinstance(drafts, dict):
        return {}
    return {
        k: v
        for k, v in drafts.items()
        if isinstance(k, str) and isinstance(v, dict) and isinstance(v.get("del"), str)
    }


def last_part(draft_path: Path) -> str | None:
    """The key of the part that was open last in this draft, if remembered."""
    entry = _read().get(_key(draft_path))
    return entry["del"] if entry else None


def remember_part(draft_path: Path, part_key: str) -> None:
    """Remember `part_key` as the part open in this draft (quietly does nothing on error)."""
    drafts = _read()
    key = _key(draft_path)
    if drafts.get(key, {}).get("del") == part_key:
        return
    drafts.pop(key, None)
    drafts[key] = {"del": part_key, "tid": datetime.now(UTC).isoformat(timespec="seconds")}
    if len(drafts) > KEEP:
        newest = sorted(drafts.items(), key=lambda kv: kv[1].get("tid", ""))[-KEEP:]
        drafts = dict(newest)
    data = json.dumps({"utkast": drafts}, ensure_ascii=False, indent=1).encode("utf-8")
    folder = _record_path().parent
    with contextlib.suppress(OSError):
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, tmp = tempfile.mkstemp(prefix=f".{FILE_NAME}.", dir=folder)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)  # no fsync: losing this to a power cut costs nothing
            os.replace(tmp, _record_path())
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
