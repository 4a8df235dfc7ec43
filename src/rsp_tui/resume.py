"""Remembers small things between runs: which part of each draft was open last, so that a
draft opens where the user left off ("fortsätt där du slutade"), and the chosen colour theme.

The record is a small JSON file in the state folder (`paths.state_dir`): absolute draft
paths with a part key, and a theme name; nothing of the answers. It is a convenience: a
record that cannot be read or written is ignored without a word, and a draft without one
opens at its first unfinished part.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from rsp_tui.paths import state_dir

FILE_NAME = "senast-oppnat.json"
KEEP = 100
"""How many drafts are remembered; the ones opened longest ago are forgotten first."""


def _record_path() -> Path:
    return state_dir() / FILE_NAME


def _key(draft_path: Path) -> str:
    return str(draft_path.expanduser().resolve())


def _read_record() -> dict[str, Any]:
    try:
        data = json.loads(_record_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _drafts(record: dict[str, Any]) -> dict[str, dict[str, str]]:
    drafts = record.get("utkast")
    if not isinstance(drafts, dict):
        return {}
    return {
        k: v
        for k, v in drafts.items()
        if isinstance(k, str) and isinstance(v, dict) and isinstance(v.get("del"), str)
    }


def _write_record(record: dict[str, Any]) -> None:
    data = json.dumps(record, ensure_ascii=False, indent=1).encode("utf-8")
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


def last_part(draft_path: Path) -> str | None:
    """The key of the part that was open last in this draft, if remembered."""
    entry = _drafts(_read_record()).get(_key(draft_path))
    return entry["del"] if entry else None


def remember_part(draft_path: Path, part_key: str) -> None:
    """Remember `part_key` as the part open in this draft (quietly does nothing on error)."""
    record = _read_record()
    drafts = _drafts(record)
    key = _key(draft_path)
    if drafts.get(key, {}).get("del") == part_key:
        return
    drafts.pop(key, None)
    stamp = datetime.now(UTC).isoformat(timespec="seconds")
    drafts[key] = {"del": part_key, "tid": stamp}
    if len(drafts) > KEEP:
        drafts = dict(sorted(drafts.items(), key=lambda kv: kv[1].get("tid", ""))[-KEEP:])
    record["utkast"] = drafts
    _write_record(record)


def remembered_theme() -> str | None:
    """The colour theme chosen last time, if any."""
    theme = _read_record().get("tema")
    return theme if isinstance(theme, str) and theme else None


def remember_theme(name: str) -> None:
    """Remember the colour theme (quietly does nothing on error)."""
    record = _read_record()
    if record.get("tema") == name:
        return
    record["tema"] = name
    _write_record(record)
