"""Saving while the storage keeps failing: retry after retry leaves no temp files, the draft
and its backup stay the last good versions, and the next save that can succeed does."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from rsp_tui.drafts import Draft, backup_path, load_draft, save_draft
from rsp_tui.drafts.paths import QuestionPath
from rsp_tui.errors import DraftError
from rsp_tui.safefile import TMP_SUFFIX


def test_repeated_failed_renames_leave_nothing_behind(
    draft: Draft, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "d.toml"
    draft.set(QuestionPath("q2"), "första")
    save_draft(draft, path)
    draft.set(QuestionPath("q2"), "andra")
    save_draft(draft, path)
    good, good_backup = path.read_bytes(), backup_path(path).read_bytes()
    real_replace = os.replace

    def failing(src: str, dst: str) -> None:
        if Path(dst) == path:
            raise OSError(errno.EIO, "Input/output error")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", failing)
    for attempt in range(5):  # the app retries every few seconds
        draft.set(QuestionPath("q2"), f"försök {attempt}")
        with pytest.raises(DraftError, match="läs- eller skrivfel på disken"):
            save_draft(draft, path)
        assert not list(tmp_path.glob(f".*{TMP_SUFFIX}")), attempt
    monkeypatch.undo()
    assert path.read_bytes() == good
    # The first failed save had already made the draft on disk its backup.
    assert good_backup != good and backup_path(path).read_bytes() == good
    save_draft(draft, path)
    assert load_draft(path).draft.answers["q2"] == "försök 4"
    assert backup_path(path).read_bytes() == good
    assert not list(tmp_path.glob(f".*{TMP_SUFFIX}"))
