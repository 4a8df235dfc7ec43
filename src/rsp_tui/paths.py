"""Provides every path rsp-tui uses: drafts folder, exports, and where the form files are.

Folders are created lazily. Environment variables override the defaults:

- `RSP_TUI_DRAFTS_DIR`: the drafts folder (the command line's `--dir` wins over it);
- `RSP_TUI_FORMS_DIR`: an extra folder of form files, searched before the built-in ones;
- `RSP_TUI_CACHE_DIR`: the cache of validated forms (`forms/cache.py`; empty: no cache);
- `RSP_TUI_STATE_DIR`: where the app remembers small things between runs (which part of
  each draft was open last), never answers.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "rsp-tui"
DRAFTS_ENV = "RSP_TUI_DRAFTS_DIR"
FORMS_ENV = "RSP_TUI_FORMS_DIR"
STATE_ENV = "RSP_TUI_STATE_DIR"


def drafts_dir(override: Path | str | None = None) -> Path:
    """The folder where drafts live (not created here)."""
    if override:
        return Path(override).expanduser()
    env = os.environ.get(DRAFTS_ENV)
    if env:
        return Path(env).expanduser()
    return platformdirs.user_documents_path() / "rsp-tui"


def state_dir() -> Path:
    """The folder for what the app remembers between runs (not created here)."""
    env = os.environ.get(STATE_ENV)
    if env:
        return Path(env).expanduser()
    return platformdirs.user_state_path(APP_NAME)


def ensure_dir(path: Path) -> Path:
    """Create `path` (owner-only when new) and return it."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def builtin_forms_dir() -> Path:
    """The form files shipped with rsp-tui.

    An installed wheel carries them as package data in `rsp_tui/data/forms`; a checkout
    (or an editable install) reads the repository's own `forms/` folder.
    """
    packaged = Path(__file__).resolve().parent / "data" / "forms"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "forms"


def example_path() -> Path:
    """The example report (`exempel-2023.toml`): package data in an installed wheel
    (`rsp_tui/data/examples`), the repository's `examples/` folder in a checkout."""
    name = "exempel-2023.toml"
    packaged = Path(__file__).resolve().parent / "data" / "examples" / name
    if packaged.is_file():
        return packaged
    return Path(__file__).resolve().parents[2] / "examples" / name


def forms_dirs() -> list[Path]:
    """Folders searched for forms, programmes and the region list, first match wins."""
    dirs: list[Path] = []
    env = os.environ.get(FORMS_ENV)
    if env:
        dirs.append(Path(env).expanduser())
    dirs.append(builtin_forms_dir())
    return dirs
