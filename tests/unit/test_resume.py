"""Where a draft was left: remembered per draft path, only a part key, capped, and never an
error when the record is missing, broken or cannot be written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rsp_tui import resume


def test_remembered_per_draft_and_capped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(resume, "KEEP", 3)
    assert resume.last_part(tmp_path / "a.toml") is None
    for name in "abcd":
        resume.remember_part(tmp_path / f"{name}.toml", f"del-{name}")
    resume.remember_part(tmp_path / "b.toml", "q5")
    assert resume.last_part(tmp_path / "b.toml") == "q5"
    assert resume.last_part(tmp_path / "d.toml") == "del-d"
    remembered = [resume.last_part(tmp_path / f"{n}.toml") for n in "abcd"]
    assert sum(r is not None for r in remembered) == 3
    record = tmp_path / "tillstand" / resume.FILE_NAME
    assert record.stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize(
    "content", ["", "{trasig", "[]", '{"utkast": 5}', '{"utkast": {"x": {"del": 3}}}']
)
def test_a_broken_record_is_ignored(tmp_path: Path, content: str) -> None:
    record = tmp_path / "tillstand" / resume.FILE_NAME
    record.parent.mkdir()
    record.write_text(content, encoding="utf-8")
    assert resume.last_part(tmp_path / "x") is None
    resume.remember_part(tmp_path / "a.toml", "q2")
    assert (
        json.loads(record.read_text(encoding="utf-8"))["utkast"][str(tmp_path / "a.toml")]["del"]
        == "q2"
    )


def test_an_unwritable_state_folder_is_no_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The state "folder" is a file: nothing can be written under it, even as root.
    (tmp_path / "hinder").write_text("", encoding="utf-8")
    monkeypatch.setenv("RSP_TUI_STATE_DIR", str(tmp_path / "hinder"))
    resume.remember_part(tmp_path / "a.toml", "q2")  # no exception
    assert resume.last_part(tmp_path / "a.toml") is None
