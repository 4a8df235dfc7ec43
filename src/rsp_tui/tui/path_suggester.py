"""Provides path completion for the "Öppna fil" dialog: as the user types, the rest of the
only (or first) matching file or folder is suggested; → (at the end of the text) takes it.

A bare name is looked up in the drafts folder, as the dialog opens it from there."""

from __future__ import annotations

import os
from pathlib import Path

from textual.suggester import Suggester

MAX_ENTRIES = 2000
"""A folder with more entries than this is not listed (a slow network folder must not hang
typing); the user types on without suggestions."""


def complete_path(value: str, folder: Path) -> str | None:
    """`value` completed to an existing folder (ending in the separator) or draft file, or
    None. Drafts (.toml) and folders come before other files."""
    if not value or "\n" in value:
        return None
    typed = Path(value).expanduser()
    head, sep, prefix = value.rpartition(os.sep)
    if sep:
        base = Path(head + sep).expanduser()
    elif typed.is_absolute():
        return None
    else:
        base = folder
    try:
        with os.scandir(base) as entries:
            names: list[tuple[int, str]] = []
            for n, entry in enumerate(entries):
                if n >= MAX_ENTRIES:
                    return None
                if not entry.name.startswith(prefix) or entry.name.startswith("."):
                    continue
                is_dir = entry.is_dir()
                rank = 0 if is_dir or entry.name.endswith(".toml") else 1
                names.append((rank, entry.name + (os.sep if is_dir else "")))
    except OSError:
        return None
    if not names:
        return None
    _, best = min(names)
    completed = value[: len(value) - len(prefix)] + best
    return completed if completed != value else None


class PathSuggester(Suggester):
    """Suggests the rest of a path (see `complete_path`)."""

    def __init__(self, folder: Path) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.folder = folder

    async def get_suggestion(self, value: str) -> str | None:
        return complete_path(value, self.folder)
