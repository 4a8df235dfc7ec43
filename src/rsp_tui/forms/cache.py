"""Provides a cache of validated form definitions, so that a command does not build the form
models' validators (pydantic builds a model's validator when it is first used; for the
form's twenty-odd model classes that is most of what loading a form costs).

A form file is validated once; the `FormDefinition` is pickled into the user's cache folder
under a key made of the form file's bytes, the source of `rsp_tui/forms` (the schema), the
form model classes that exist, with their fields and the source of the modules that define
them (a kind registered at run time changes the key), and the versions of Python, pydantic
and rsp-tui. Any change to one of them is another key, so a stale entry is never read;
entries are small (about 30 kB) and old ones are removed when written.

The folder is the user's own (created owner-only), like the bytecode Python caches for the
same user; nothing there comes from anyone else. The cache is only ever a shortcut: an entry
is written atomically, and one that cannot be read or unpickled (a broken file, a class that
moved) is ignored and the form validated again. Set `RSP_TUI_CACHE_DIR` to use another
folder, or to an empty string to turn the cache off.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

from rsp_tui.safefile import atomic_write

CACHE_ENV = "RSP_TUI_CACHE_DIR"
SUFFIX = ".form.pickle"
KEEP = 8
"""Entries kept in the folder (the newest ones); a form file edited by hand makes a new one
each time it is saved."""


def cache_dir() -> Path | None:
    """The folder of the cache, or None when it is turned off."""
    env = os.environ.get(CACHE_ENV)
    if env is not None:
        return Path(env).expanduser() if env else None
    import platformdirs

    from rsp_tui.paths import APP_NAME

    return platformdirs.user_cache_path(APP_NAME) / "forms"


def _model_classes() -> list[type[Any]]:
    """Every form model class that exists now (the schema's base and its subclasses)."""
    from rsp_tui.forms.schema import Strict

    out: list[type[Any]] = []
    todo: list[type[Any]] = [Strict]
    while todo:
        cls = todo.pop()
        out.append(cls)
        todo.extend(cls.__subclasses__())
    return out


@lru_cache(maxsize=64)
def _source(module: str) -> bytes:
    """The source of a module (b"" when it has no file)."""
    try:
        return Path(sys.modules[module].__file__ or "").read_bytes()
    except (KeyError, OSError, TypeError):
        return b""


@lru_cache(maxsize=1)
def _code_digest() -> bytes:
    """The part of the key that does not depend on the form file or on the classes."""
    import pydantic

    from rsp_tui import __version__

    h = hashlib.sha256()
    h.update(f"{sys.version}\0{pydantic.VERSION}\0{__version__}\0".encode())
    for source in sorted(Path(__file__).resolve().parent.rglob("*.py")):
        h.update(source.name.encode() + b"\0" + source.read_bytes() + b"\0")
    return h.digest()


def key_of(form_bytes: bytes) -> str:
    """The cache key of a form file's bytes, with the code and classes as they are now:
    every form model class by name and fields, and the source of every module that defines
    one (a kind class defined elsewhere than `rsp_tui/forms` counts too)."""
    h = hashlib.sha256(_code_digest())
    classes = _model_classes()
    names = sorted(
        f"{c.__module__}.{c.__qualname__}({','.join(getattr(c, 'model_fields', {}))})"
        for c in classes
    )
    h.update("\0".join(names).encode() + b"\0")
    for module in sorted({c.__module__ for c in classes}):
        h.update(module.encode() + b"\0" + _source(module) + b"\0")
    h.update(form_bytes)
    return h.hexdigest()[:40]


def load(form_bytes: bytes) -> Any | None:
    """The cached form of these bytes, or None (not cached, turned off, or unreadable)."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        data = (folder / (key_of(form_bytes) + SUFFIX)).read_bytes()
        return pickle.loads(data)
    except Exception:  # a missing, broken or outdated entry: validate instead
        return None


def store(form_bytes: bytes, form: Any) -> None:
    """Cache `form` under these bytes; silently nothing when the folder cannot be written."""
    folder = cache_dir()
    if folder is None:
        return
    try:
        data = pickle.dumps(form, protocol=pickle.HIGHEST_PROTOCOL)
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        atomic_write(folder / (key_of(form_bytes) + SUFFIX), data)
        _prune(folder)
    except Exception:
        return


def _prune(folder: Path) -> None:
    entries = sorted(folder.glob("*" + SUFFIX), key=lambda p: p.stat().st_mtime_ns, reverse=True)
    for old in entries[KEEP:]:
        with contextlib.suppress(OSError):
            old.unlink()
