"""Shared fixtures: every test gets its own drafts folder and never touches the user's."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def _isolated_drafts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "utkast"
    monkeypatch.setenv("RSP_TUI_DRAFTS_DIR", str(folder))
    monkeypatch.delenv("RSP_TUI_FORMS_DIR", raising=False)
    monkeypatch.setenv("RSP_TUI_STATE_DIR", str(tmp_path / "tillstand"))
    monkeypatch.setenv("RSP_TUI_CACHE_DIR", str(tmp_path / "cache"))
    return folder
