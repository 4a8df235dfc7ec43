"""Draft files: exact round trips, atomic and owner-only saving, checksum, clear errors that
never change the file."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rsp_tui.drafts import (
    Draft,
    backup_path,
    dumps,
    list_drafts,
    load_draft,
    save_draft,
)
from rsp_tui.drafts.paths import CellPath, QuestionPath
from rsp_tui.drafts.store import CHECKSUM_PREFIX
from rsp_tui.errors import DraftError
from rsp_tui.forms import FormDefinition
from rsp_tui.safefile import TMP_SUFFIX, cleanup_temp_files
from tests.fill import fill_all

# Any Unicode scalar value (surrogates are not characters and no UTF-8 file can hold them).
ANY_TEXT = st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=300)
TRICKY = st.sampled_from(
    [
        '"""',
        "'''",
        "\\",
        "\\n",
        '"',
        "\n",
        "\r\n",
        "\r",
        "\t",
        "\x00",
        "\x7f",
        "\u2028",
        'a""""b',
        '\\"""',
        "# inte en kommentar",
        "[answers]",
        "= x",
        "😀",
        "\u202e",
    ]
)
TEXT = st.one_of(ANY_TEXT, st.lists(st.one_of(TRICKY, ANY_TEXT), max_size=8).map("".join))


def _roundtrip(draft: Draft, path: Path) -> Draft:
    save_draft(draft, path)
    return load_draft(path).draft


def test_filled_draft_survives_save_and_load(
    form: FormDefinition, draft: Draft, tmp_path: Path
) -> None:
    fill_all(form, draft)
    assert _roundtrip(draft, tmp_path / "d.toml") == draft


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(q2=TEXT, comment=TEXT, name=TEXT, planned=TEXT, other=TEXT, marks=st.lists(TEXT, max_size=3))
def test_any_text_survives_save_and_load_exactly(
    form: FormDefinition,
    draft: Draft,
    tmp_path: Path,
    q2: str,
    comment: str,
    name: str,
    planned: str,
    other: str,
    marks: list[str],
) -> None:
    # Written straight into the answers (not through Draft.set, which normalises CR and
    # surrogates) so that the store itself must keep every character.
    draft.answers["q2"] = q2
    draft.answers["q1"] = {"servicebidrag": {"kommentar": comment, "bedomning": "Ökar"}}
    draft.answers["q6"] = {"annan": {"_name": name}}
    draft.answers["insatser"] = {
        "o1": [
            {
                "_id": "a",
                "planerade": planned,
                "mal": {"codes": ["1.1"], "other": other},
                "serviceslag": marks,
            }
        ]
    }
    draft.region = name or "Skåne"
    assert _roundtrip(draft, tmp_path / "h.toml") == draft


def test_very_long_answer(form: FormDefinition, draft: Draft, tmp_path: Path) -> None:
    draft.set(QuestionPath("q2"), ("Lång rad med å, ä och ö. " * 40 + "\n") * 1000)  # ≈ 1 MB
    assert _roundtrip(draft, tmp_path / "l.toml") == draft


def test_multiline_answers_are_readable_triple_quoted_strings(draft: Draft) -> None:
    draft.set(QuestionPath("q2"), "Första raden\nAndra raden")
    assert 'q2 = """Första raden\nAndra raden"""' in dumps(draft)


def test_crlf_from_a_paste_becomes_lf(draft: Draft) -> None:
    draft.set(QuestionPath("q5"), "a\r\nb\rc")
    assert draft.answers["q5"] == "a\nb\nc"


def test_files_are_owner_only_and_previous_version_is_kept(draft: Draft, tmp_path: Path) -> None:
    path = tmp_path / "d.toml"
    draft.set(QuestionPath("q2"), "första")
    save_draft(draft, path)
    first = path.read_bytes()
    draft.set(QuestionPath("q2"), "andra")
    save_draft(draft, path)
    assert backup_path(path).read_bytes() == first
    assert load_draft(path).draft.answers["q2"] == "andra"
    for p in (path, backup_path(path)):
        assert stat.S_IMODE(p.stat().st_mode) == 0o600
    assert not list(tmp_path.glob(f"*{TMP_SUFFIX}"))


@pytest.mark.parametrize("cut", [2, 5, 40, 80])
def test_a_draft_cut_short_is_reported_not_loaded(draft: Draft, tmp_path: Path, cut: int) -> None:
    path = tmp_path / "d.toml"
    draft.set(CellPath("q3", "processledning", "totalt"), "73,5")
    save_draft(draft, path)
    data = path.read_bytes()[:-cut]
    path.write_bytes(data)
    with pytest.raises(DraftError) as info:
        load_draft(path)
    assert "ofullständig" in info.value.message
    assert info.value.path == path and info.value.line is not None
    assert path.read_bytes() == data


def test_a_body_cut_short_without_checksum_loses_nothing_silently(
    draft: Draft, tmp_path: Path
) -> None:
    """The classic trap: `73,5` cut to `73` is valid TOML; without the checksum line it is refused."""
    path = tmp_path / "d.toml"
    draft.set(QuestionPath("q2"), "73,5")
    text = dumps(draft)
    body = text[: text.index(CHECKSUM_PREFIX)]
    path.write_text(body.replace('"73,5"', '"73"'), encoding="utf-8")
    with pytest.raises(DraftError):
        load_draft(path)


def test_a_hand_edited_draft_loads_with_a_notice(draft: Draft, tmp_path: Path) -> None:
    path = tmp_path / "d.toml"
    draft.set(QuestionPath("q2"), "före")
    save_draft(draft, path)
    path.write_text(path.read_text(encoding="utf-8").replace('"före"', '"efter"'), encoding="utf-8")
    loaded = load_draft(path)
    assert loaded.draft.answers["q2"] == "efter"
    assert any("ändrats utanför rsp-tui" in n for n in loaded.notices)


def _saved_body(draft: Draft, tmp_path: Path) -> str:
    path = tmp_path / "orig.toml"
    save_draft(draft, path)
    text = path.read_text(encoding="utf-8")
    return text[: text.index(CHECKSUM_PREFIX)]


def _with_checksum(body: str) -> str:
    import hashlib

    return body + CHECKSUM_PREFIX + hashlib.sha256(body.encode()).hexdigest() + "\n"


BROKEN: dict[str, tuple[Callable[[str], str], str, str | None]] = {
    "wrong type": (
        lambda t: t.replace("year = 2023", 'year = "tjugotjugotre"'),
        "year: ska vara ett heltal",
        "year =",
    ),
    "unknown top key": (
        lambda t: t.replace("year = 2023", "year = 2023\nfarg = 1"),
        "farg: okänd nyckel",
        "farg =",
    ),
    "missing key": (
        lambda t: t.replace('region = "Jämtland Härjedalen"\n', "", 1),
        "region: nyckeln saknas",
        None,
    ),
    "unknown question": (
        lambda t: t.replace("\n[answers]\n", '\n[answers]\nq9 = "x"\n'),
        'answers.q9: okänd fråga "q9"',
        "q9 =",
    ),
    "answer of wrong type": (
        lambda t: t.replace("\n[answers]\n", "\n[answers]\nq2 = 42\n"),
        "answers.q2: ska vara en text",
        "q2 = 42",
    ),
    "unknown area": (
        lambda t: t + '\n[[answers.insatser.o9]]\n_id = "x"\n',
        'answers.insatser.o9: området "o9" finns inte',
        "[[answers.insatser.o9]]",
    ),
    "bad toml": (
        lambda t: t.replace('form_id = "rsp-uppfoljning"', "form_id = rsp"),
        "ogiltig TOML",
        "form_id = rsp",
    ),
    "newer file format": (
        lambda t: t.replace("format = 1", "format = 7"),
        "nyare version av rsp-tui",
        "format = 7",
    ),
    "newer form version": (
        lambda t: t.replace("form_version = 2", "form_version = 3"),
        "känner bara till version 2",
        "form_version",
    ),
    "unknown form": (
        lambda t: t.replace('form_id = "rsp-uppfoljning"', 'form_id = "okand"'),
        'formuläret "okand"',
        "form_id",
    ),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_drafts_give_their_message_and_stay_unchanged(
    draft: Draft, tmp_path: Path, case: str
) -> None:
    edit, expected, line_text = BROKEN[case]
    path = tmp_path / "trasig.toml"
    path.write_text(_with_checksum(edit(_saved_body(draft, tmp_path))), encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(DraftError) as info:
        load_draft(path)
    assert expected in info.value.message
    assert info.value.path == path
    if line_text is not None:
        lines = path.read_text(encoding="utf-8").splitlines()
        assert info.value.line is not None and line_text in lines[info.value.line - 1]
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "filen är tom"),
        (b"\n\n  \n", "filen är tom"),
        (b'format = 1\nregion = "J\xe4mtland"\n', "inte är UTF-8"),
    ],
)
def test_empty_and_non_utf8_files(tmp_path: Path, content: bytes, expected: str) -> None:
    path = tmp_path / "x.toml"
    path.write_bytes(content)
    with pytest.raises(DraftError) as info:
        load_draft(path)
    assert expected in info.value.message
    assert path.read_bytes() == content


def test_folder_and_missing_file(tmp_path: Path) -> None:
    (tmp_path / "mapp.toml").mkdir()
    with pytest.raises(DraftError, match="är en mapp"):
        load_draft(tmp_path / "mapp.toml")
    with pytest.raises(DraftError, match="finns inte"):
        load_draft(tmp_path / "saknas.toml")


def test_huge_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "stor.toml"
    with path.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    with pytest.raises(DraftError, match="för stor"):
        load_draft(path)


def test_failed_rename_keeps_the_last_good_draft(
    draft: Draft, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "d.toml"
    draft.set(QuestionPath("q2"), "bra")
    save_draft(draft, path)
    good = path.read_bytes()
    real_replace = os.replace

    def failing_replace(src: str, dst: str) -> None:
        if Path(dst) == path:
            raise OSError(errno.EIO, "Input/output error")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", failing_replace)
    draft.set(QuestionPath("q2"), "ny")
    with pytest.raises(DraftError, match="kunde inte spara"):
        save_draft(draft, path)
    monkeypatch.undo()
    assert path.read_bytes() == good
    assert not list(tmp_path.glob(f"*{TMP_SUFFIX}"))
    save_draft(draft, path)
    assert load_draft(path).draft.answers["q2"] == "ny"


def test_disk_full_is_reported_in_swedish(
    draft: Draft, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "d.toml"
    save_draft(draft, path)
    good = path.read_bytes()
    real_fsync = os.fsync

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    draft.set(QuestionPath("q2"), "ny")
    with pytest.raises(DraftError, match="disken är full"):
        save_draft(draft, path)
    monkeypatch.setattr(os, "fsync", real_fsync)
    assert path.read_bytes() == good


def test_missing_folder_is_reported(draft: Draft, tmp_path: Path) -> None:
    with pytest.raises(DraftError, match="finns inte"):
        save_draft(draft, tmp_path / "nej" / "d.toml")


def test_leftover_temp_files_are_cleaned(tmp_path: Path) -> None:
    old = tmp_path / f".d.toml.abc{TMP_SUFFIX}"
    old.write_text("halv")
    os.utime(old, (1, 1))
    fresh = tmp_path / f".d.toml.def{TMP_SUFFIX}"
    fresh.write_text("pågår")
    other = tmp_path / "d.toml"
    other.write_text("x")
    assert cleanup_temp_files(tmp_path) == [old]
    assert fresh.exists() and other.exists()


def test_list_drafts_newest_first_with_errors(
    form: FormDefinition, draft: Draft, tmp_path: Path
) -> None:
    from datetime import timedelta

    older = draft.model_copy(deep=True)
    save_draft(older, tmp_path / "a.toml")
    newer = draft.model_copy(deep=True)
    newer.year = 2024
    save_draft(newer, tmp_path / "b.toml", touch=False)
    newer.updated = older.updated + timedelta(hours=1)
    save_draft(newer, tmp_path / "b.toml", touch=False)
    (tmp_path / "c.toml").write_text("trasig = ")
    found = list_drafts(tmp_path)
    good = [s for s in found if s.error is None]
    assert [s.year for s in good] == [2024, 2023]
    (bad,) = [s for s in found if s.error]
    assert bad.path.name == "c.toml" and bad.error is not None and "ofullständig" in bad.error


# -- creating a new draft never writes over another ------------------------------------------


def test_create_draft_file_never_replaces_a_file(
    form: FormDefinition, draft: Draft, tmp_path: Path
) -> None:
    from rsp_tui.drafts import create_draft_file

    path = tmp_path / "ny.toml"
    create_draft_file(draft, path)
    assert load_draft(path).draft.region == draft.region
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    path.write_text("någon annans", encoding="utf-8")
    with pytest.raises(FileExistsError):
        create_draft_file(draft, path)
    assert path.read_text(encoding="utf-8") == "någon annans"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ny.toml"]  # no temp file left


def test_create_without_hard_links_is_still_exclusive(
    form: FormDefinition,
    draft: Draft,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from rsp_tui.drafts import create_draft_file

    def no_links(*_: object) -> None:
        raise PermissionError(errno.EPERM, "hard links not supported")

    monkeypatch.setattr(os, "link", no_links)
    path = tmp_path / "ny.toml"
    create_draft_file(draft, path)
    assert load_draft(path).draft.year == draft.year
    with pytest.raises(FileExistsError):
        create_draft_file(draft, path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ny.toml"]


def test_create_in_takes_the_next_name_when_one_appears_meanwhile(
    form: FormDefinition,
    draft: Draft,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from rsp_tui import safefile
    from rsp_tui.drafts import create_draft_in, diskfile

    first = tmp_path / "utkast.toml"
    plain = safefile.create_new

    def another_window_first(path: Path, data: bytes) -> None:
        if path == first and not first.exists():
            first.write_text("det andra fönstrets", encoding="utf-8")
        plain(path, data)

    monkeypatch.setattr(diskfile, "create_new", another_window_first)
    written = create_draft_in(draft, tmp_path, "utkast.toml")
    assert written.name == "utkast-2.toml"
    assert first.read_text(encoding="utf-8") == "det andra fönstrets"
    assert load_draft(written).draft.region == draft.region
