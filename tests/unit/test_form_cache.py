"""The cache of validated forms (forms/cache.py): used when the same form file and schema were
validated before, never when anything changed, and ignored when broken."""

from __future__ import annotations

from pathlib import Path

import pytest

from rsp_tui.forms import cache
from rsp_tui.forms.loader import load_form_file
from rsp_tui.forms.schema import Strict
from rsp_tui.paths import builtin_forms_dir

FORM = builtin_forms_dir() / "rsp-uppfoljning.toml"


def _entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("*" + cache.SUFFIX))


def test_second_load_comes_from_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "c"))
    first = load_form_file(FORM)
    [entry] = _entries(tmp_path / "c")
    assert cache.load(FORM.read_bytes()) == first
    second = load_form_file(FORM)
    assert second == first and second is not first
    assert _entries(tmp_path / "c") == [entry]


def test_an_edited_form_file_is_validated_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "c"))
    copy = tmp_path / "rsp-uppfoljning.toml"
    copy.write_bytes(FORM.read_bytes())
    original = load_form_file(copy)
    text = copy.read_text(encoding="utf-8")
    copy.write_text(
        text.replace(f'title = "{original.title}"', 'title = "Ändrad"', 1), encoding="utf-8"
    )
    edited = load_form_file(copy)
    assert edited.title == "Ändrad" and original.title != "Ändrad"
    assert len(_entries(tmp_path / "c")) == 2


def test_a_broken_entry_is_ignored_and_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "c"))
    good = load_form_file(FORM)
    [entry] = _entries(tmp_path / "c")
    entry.write_bytes(b"\x80\x05not a pickle")
    assert load_form_file(FORM) == good
    assert cache.load(FORM.read_bytes()) == good  # written again


def test_a_new_model_class_changes_the_key() -> None:
    raw = FORM.read_bytes()
    before = cache.key_of(raw)

    class ExtraKind(Strict):  # a kind registered at run time
        x: int = 0

    assert cache.key_of(raw) != before
    del ExtraKind


def test_turned_off_or_unwritable_is_silent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(cache.CACHE_ENV, "")
    assert load_form_file(FORM).id == "rsp-uppfoljning"
    blocker = tmp_path / "fil"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv(cache.CACHE_ENV, str(blocker / "c"))  # a folder inside a file
    assert load_form_file(FORM).id == "rsp-uppfoljning"
    assert not (blocker.is_dir())
