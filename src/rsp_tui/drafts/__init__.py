"""Provides drafts: the model, the structural check, migrations and the file store. Headless."""

from rsp_tui.drafts.model import AnswerPath, Draft, is_empty, new_draft
from rsp_tui.drafts.store import (
    DraftSummary,
    LoadedDraft,
    backup_path,
    create_draft_file,
    create_draft_in,
    default_filename,
    dumps,
    list_drafts,
    load_draft,
    loads,
    save_draft,
    unique_path,
)

__all__ = [
    "AnswerPath",
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
