"""Provides drafts: the model, the structural check, migrations and the file store. Headless.

Importing this package imports none of its modules: a name is imported from its module when
first asked for, so reading one draft (`rsp-tui check`, the export) does not import the drafts
folder, its lock and filelock (about 20 ms)."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rsp_tui.drafts.diskfile import backup_path, create_draft_file, load_draft, save_draft
    from rsp_tui.drafts.fileformat import LoadedDraft, dumps, loads
    from rsp_tui.drafts.folder import (
        DraftSummary,
        create_draft_in,
        default_filename,
        list_drafts,
        unique_path,
    )
    from rsp_tui.drafts.model import Draft, is_empty, new_draft
    from rsp_tui.drafts.paths import (
        AnswerPath,
        CellPath,
        InsatsPath,
        PathError,
        QuestionPath,
        RegionPath,
        RowNamePath,
        YearPath,
        parse_path,
        resolve,
    )

_LAZY = {
    "Draft": "rsp_tui.drafts.model",
    "is_empty": "rsp_tui.drafts.model",
    "new_draft": "rsp_tui.drafts.model",
    "AnswerPath": "rsp_tui.drafts.paths",
    "CellPath": "rsp_tui.drafts.paths",
    "InsatsPath": "rsp_tui.drafts.paths",
    "PathError": "rsp_tui.drafts.paths",
    "QuestionPath": "rsp_tui.drafts.paths",
    "RegionPath": "rsp_tui.drafts.paths",
    "RowNamePath": "rsp_tui.drafts.paths",
    "YearPath": "rsp_tui.drafts.paths",
    "parse_path": "rsp_tui.drafts.paths",
    "resolve": "rsp_tui.drafts.paths",
    "DraftSummary": "rsp_tui.drafts.folder",
    "LoadedDraft": "rsp_tui.drafts.fileformat",
    "backup_path": "rsp_tui.drafts.diskfile",
    "create_draft_file": "rsp_tui.drafts.diskfile",
    "create_draft_in": "rsp_tui.drafts.folder",
    "default_filename": "rsp_tui.drafts.folder",
    "dumps": "rsp_tui.drafts.fileformat",
    "list_drafts": "rsp_tui.drafts.folder",
    "load_draft": "rsp_tui.drafts.diskfile",
    "loads": "rsp_tui.drafts.fileformat",
    "save_draft": "rsp_tui.drafts.diskfile",
    "unique_path": "rsp_tui.drafts.folder",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


__all__ = [
    "AnswerPath",
    "CellPath",
    "InsatsPath",
    "PathError",
    "QuestionPath",
    "RegionPath",
    "RowNamePath",
    "YearPath",
    "parse_path",
    "resolve",
    "Draft",
    "DraftSummary",
    "LoadedDraft",
    "backup_path",
    "create_draft_file",
    "create_draft_in",
    "default_filename",
    "dumps",
    "is_empty",
    "list_drafts",
    "load_draft",
    "loads",
    "new_draft",
    "save_draft",
    "unique_path",
]
