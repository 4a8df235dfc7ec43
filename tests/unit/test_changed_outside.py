"""A draft changed on disk by someone else while a session has it open (a text editor, a sync
tool, a `.bak` put back by hand) is never written over: the session saves its version beside
it and says where; the user can then keep theirs or ours. Also: a lock file that is a symlink
or cannot be read is named as such, and unreadable files in the drafts folder (FIFO, deep
nesting) are listed with their reason."""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

import pytest

from rsp_tui.drafts import load_draft, save_draft
from rsp_tui.drafts.lock import lock_paths, lock_problem
from rsp_tui.drafts.paths import QuestionPath
from rsp_tui.drafts.session import DraftSession
from rsp_tui.drafts.store import backup_path, list_drafts
from tests.conftest import REPO
from tests.hostile_files import with_checksum


@pytest.fixture
def draft_file(tmp_path: Path) -> Path:
    path = tmp_path / "rapport.toml"
    shutil.copyfile(REPO / "examples" / "exempel-2023.toml", path)
    return path


def _theirs(path: Path, text: str) -> bytes:
    """Someone else's edit: their answer to question 2, saved as rsp-tui would."""
    loaded = load_draft(path)
    loaded.draft.answers["q2"] = text
    other = path.with_name("annan.toml")
    save_draft(loaded.draft, other)
    data = other.read_bytes()
    path.write_bytes(data)  # written in place, as a text editor does
    other.unlink()
    backup_path(other).unlink(missing_ok=True)
    return data


def test_an_outside_change_is_never_saved_over(draft_file: Path) -> None:
    session = DraftSession.open(draft_file)
    try:
        session.set(QuestionPath("q2"), "vår första ändring")
        assert session.save().conflict is None
        backup_before = backup_path(draft_file).read_bytes()
        theirs = _theirs(draft_file, "deras text")
        for n in range(2):  # two saves: their file and the .bak stay as they are
            session.set(QuestionPath("q2"), f"vår ändring {n}")
            result = session.save()
            assert result.ok
            assert result.conflict == draft_file.with_name("rapport-din-version.toml")
            assert draft_file.read_bytes() == theirs
            assert backup_path(draft_file).read_bytes() == backup_before
        assert result.conflict is not None
        assert load_draft(result.conflict).draft.answers["q2"] == "vår ändring 1"
        assert session.rescue() == result.conflict  # on a signal, ours goes to the copy too
    finally:
        session.close()


def test_keep_ours_writes_ours_and_keeps_theirs_as_bak(draft_file: Path) -> None:
    session = DraftSession.open(draft_file)
    try:
        theirs = _theirs(draft_file, "deras text")
        session.set(QuestionPath("q2"), "vår text")
        copy = session.save().conflict
        assert copy is not None and copy.exists()
        result = session.keep_ours()
        assert result.ok and result.conflict is None
        assert load_draft(draft_file).draft.answers["q2"] == "vår text"
        assert backup_path(draft_file).read_bytes() == theirs
        assert not copy.exists()
        session.set(QuestionPath("q2"), "vår text igen")
        assert session.save().conflict is None  # saving to the file is safe again
    finally:
        session.close()


def test_the_same_bytes_or_a_deleted_file_are_no_conflict(draft_file: Path) -> None:
    session = DraftSession.open(draft_file)
    try:
        data = draft_file.read_bytes()
        draft_file.unlink()
        draft_file.write_bytes(data)  # a new inode, the same content (a sync tool, cp)
        session.set(QuestionPath("q2"), "ett")
        assert session.save().conflict is None
        draft_file.unlink()
        session.set(QuestionPath("q2"), "två")
        assert session.save().conflict is None  # nothing of anyone's to lose: recreated
        assert load_draft(draft_file).draft.answers["q2"] == "två"
    finally:
        session.close()


def test_a_file_replaced_by_a_folder_is_not_written_over(draft_file: Path) -> None:
    session = DraftSession.open(draft_file)
    try:
        draft_file.unlink()
        draft_file.mkdir()
        session.set(QuestionPath("q2"), "ett")
        result = session.save()
        assert result.ok and result.conflict is not None
        assert draft_file.is_dir()
    finally:
        session.close()


def test_a_symlinked_lock_file_is_named(draft_file: Path, tmp_path: Path) -> None:
    lock_file, _ = lock_paths(draft_file)
    target = tmp_path / "någon-annanstans"
    lock_file.symlink_to(target)
    session = DraftSession.open(draft_file)
    session.close()
    assert any("låsfilen" in n and "symbolisk länk" in n for n in session.notices)
    assert not target.exists()  # the link was not followed


def test_an_unreadable_lock_file_is_not_called_a_folder_problem(draft_file: Path) -> None:
    lock_file, _ = lock_paths(draft_file)
    lock_file.write_text("")
    os.chmod(lock_file, 0)
    exc = PermissionError(errno.EACCES, "Permission denied")
    reason = lock_problem(exc, lock_file)
    assert reason is not None and "låsfilen" in reason and "behörighet på filen" in reason
    assert "mappen" not in reason
    if os.geteuid() != 0:  # root reads any file: the real open cannot fail then
        session = DraftSession.open(draft_file)
        session.close()
        assert any("behörighet på filen" in n for n in session.notices)


def test_the_drafts_folder_lists_a_fifo_and_deep_nesting_as_unreadable(tmp_path: Path) -> None:
    folder = tmp_path / "utkast"
    folder.mkdir()
    shutil.copyfile(REPO / "examples" / "exempel-2023.toml", folder / "bra.toml")
    os.mkfifo(folder / "ror.toml")
    (folder / "djup.toml").write_text(with_checksum("x = " + "[" * 100_000))
    listed = {s.path.name: s for s in list_drafts(folder)}  # returns: no hang, no crash
    assert listed["bra.toml"].error is None
    assert "FIFO" in (listed["ror.toml"].error or "")
    assert "djupt nästlad" in (listed["djup.toml"].error or "")


def test_a_byte_order_mark_is_accepted(draft_file: Path) -> None:
    data = draft_file.read_bytes()
    draft_file.write_bytes(b"\xef\xbb\xbf" + data)
    loaded = load_draft(draft_file)
    assert loaded.draft.region == "Jämtland Härjedalen"
    assert loaded.notices == []  # the checksum still matches the text
