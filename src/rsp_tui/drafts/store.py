"""Provides the draft store under one name: the text of a draft file (`fileformat`), draft
files on disk (`diskfile`) and the drafts folder (`folder`). Each job lives in its own module;
this one only gathers their public names for callers that want them in one place."""

from __future__ import annotations

from rsp_tui.drafts.diskfile import (
    MAX_DRAFT_BYTES,
    SAVE_FAILED,
    Fingerprint,
    backup_path,
    create_draft_file,
    fingerprint_of,
    identity_of,
    load_draft,
    read_regular,
    save_draft,
)
from rsp_tui.drafts.fileformat import (
    BOM,
    CHECKSUM_PREFIX,
    ENCODING,
    HEADER,
    LoadedDraft,
    dumps,
    loads,
    split_checksum,
)
from rsp_tui.drafts.folder import (
    DraftSummary,
    claim_free_name,
    create_draft_in,
    default_filename,
    list_drafts,
    unique_path,
)

__all__ = [
    "BOM",
    "CHECKSUM_PREFIX",
    "ENCODING",
    "HEADER",
    "MAX_DRAFT_BYTES",
    "SAVE_FAILED",
    "DraftSummary",
    "Fingerprint",
    "LoadedDraft",
    "backup_path",
    "claim_free_name",
    "create_draft_file",
    "create_draft_in",
    "default_filename",
    "dumps",
    "fingerprint_of",
    "identity_of",
    "list_drafts",
    "load_draft",
    "loads",
    "read_regular",
    "save_draft",
    "split_checksum",
    "unique_path",
]
