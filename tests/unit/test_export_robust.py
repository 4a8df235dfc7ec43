"""The Word export under stress: refusal of a final export with errors, characters Word cannot
hold, atomic writing, a missing folder, 100 kB answers and 200 insatser."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import docx
import pytest

from rsp_tui.cli import main
from rsp_tui.drafts import Draft, load_draft, new_draft, save_draft
from rsp_tui.drafts.paths import CellPath, QuestionPath, RowNamePath
from rsp_tui.errors import ExportError
from rsp_tui.export import ExportRefused, export_report
from rsp_tui.forms import FormDefinition, programme_for_region
from tests.fill import fill_all
from tests.unit.test_export import REGION, all_text, blocks, rows_question, table_after, tcs

BAD = "\x00\x0b\x0c\x1b\ufffe"


@pytest.fixture
def complete(form: FormDefinition) -> Draft:
    draft = new_draft(form, REGION, 2023, programme_for_region(REGION))
    return fill_all(form, draft)


def test_final_export_with_errors_is_refused_with_exit_1(
    form: FormDefinition, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = new_draft(form, REGION, 2023, programme_for_region(REGION))
    path = tmp_path / "tom.toml"
    save_draft(draft, path)
    out = tmp_path / "tom.docx"
    assert main(["export", str(path), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "fel hindrar en slutlig export" in err and "--draft" in err
    assert "Fråga 1" in err and "inte besvarad" in err
    assert not out.exists()
    with pytest.raises(ExportRefused) as refused:
        export_report(form, draft, out)
    assert refused.value.problems and not out.exists()

    assert main(["export", str(path), "-o", str(out), "--draft"]) == 0
    assert capsys.readouterr().out.strip() == str(out)
    assert docx.Document(str(out)).sections[0].header.paragraphs[0].text == "UTKAST"


def test_cli_export_writes_next_to_the_draft(
    complete: Draft, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "klar.toml"
    save_draft(complete, path)
    assert main(["export", str(path)]) == 0
    out = tmp_path / "klar.docx"
    assert capsys.readouterr().out.strip() == str(out)
    assert out.stat().st_mode & 0o777 == 0o600
    assert docx.Document(str(out)).core_properties.title


def test_characters_word_cannot_hold_are_removed_and_reported(
    form: FormDefinition, complete: Draft, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    q = rows_question(form)
    area = complete.programme.omraden[1]
    insats = complete.items(q.id, area.id)[0]
    complete.set(QuestionPath("q2"), f"Före{BAD}efter\nny rad")
    insats["resurser"] = f"Regionen{BAD}\nBudget"
    complete.answers["q5"] = "Halv \ud800surrogat"  # as if it came from elsewhere than Draft.set
    complete.set(RowNamePath("q6", "annan"), "Aktör\x07AB")
    complete.region = f"{REGION}\x1f"  # printed three times, reported once
    out = tmp_path / "ut.docx"
    result = export_report(form, complete, out)

    text = all_text(docx.Document(str(out)))
    assert "Föreefter\nny rad" in text and "Regionen\nBudget" in text
    assert "Halv surrogat" in text and "Annan: AktörAB" in text
    for bad in BAD + "\x07":
        assert bad not in text
    notes = "\n".join(result.notes)
    assert len(result.notes) == 5
    assert "Region: ett tecken som Word inte kan visa" in notes
    assert docx.Document(str(out)).core_properties.subject.startswith(f"Region: {REGION},")
    assert "2 Framtidsspaning › Fråga 2: 5 tecken som Word inte kan visa" in notes
    assert "5 Serviceglesa områden › Fråga 5: ett tecken" in notes
    assert f"Område {area.number} › Insats 1 › Resurser: 5 tecken" in notes
    assert "Annan › Vilken aktör?" in notes
    assert "Utkastet är oförändrat" in notes
    # The draft keeps what the user typed.
    assert complete.answers["q2"] == f"Före{BAD}efter\nny rad"
    assert insats["resurser"] == f"Regionen{BAD}\nBudget"

    # The command line prints the notes, and the saved draft still holds the characters.
    complete.region = REGION
    del complete.answers["q5"]
    complete.set(QuestionPath("q5"), "Text")
    path = tmp_path / "styrtecken.toml"
    save_draft(complete, path)
    assert load_draft(path).draft.answers["q2"] == f"Före{BAD}efter\nny rad"
    assert main(["export", str(path), "-o", str(out)]) == 0
    assert "obs: 2 Framtidsspaning › Fråga 2: 5 tecken" in capsys.readouterr().err


def test_a_failed_write_leaves_the_old_document_intact(
    form: FormDefinition, complete: Draft, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "rapport.docx"
    out.write_bytes(b"the good old report")

    def disk_full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(ExportError) as failed:
        export_report(form, complete, out)
    assert "disken är full" in failed.value.describe()
    assert out.read_bytes() == b"the good old report"
    assert [p.name for p in tmp_path.iterdir()] == ["rapport.docx"]  # no temp file left
    monkeypatch.undo()
    export_report(form, complete, out)
    assert docx.Document(str(out)).core_properties.title == form.title


def test_missing_folder_gives_a_clear_message(
    form: FormDefinition, complete: Draft, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "finns-inte" / "rapport.docx"
    with pytest.raises(ExportError) as failed:
        export_report(form, complete, out)
    message = failed.value.describe()
    assert str(out.parent) in message and "finns inte" in message
    path = tmp_path / "klar.toml"
    save_draft(complete, path)
    assert main(["export", str(path), "-o", str(out)]) == 2
    assert "mappen som dokumentet ska sparas i finns inte" in capsys.readouterr().err
    (tmp_path / "en-mapp.docx").mkdir()
    with pytest.raises(ExportError, match="mapp med det namnet"):
        export_report(form, complete, tmp_path / "en-mapp.docx")


def test_100_kb_answers_and_200_insatser(
    form: FormDefinition, complete: Draft, tmp_path: Path
) -> None:
    big = ("Ett långt svar med radbrytningar. " * 30 + "\n") * 100
    assert len(big.encode()) > 100_000
    complete.set(QuestionPath("q2"), big)
    q = rows_question(form)
    area = complete.programme.omraden[0]
    template = dict(complete.items(q.id, area.id)[0])
    template.pop("_id")
    for n in range(200 - len(complete.items(q.id, area.id))):
        complete.add_item(q.id, area.id, {**template, "planerade": f"Insats nummer {n}\nrad två"})
    complete.items(q.id, area.id)[5]["effekter"] = big
    out = tmp_path / "stor.docx"
    export_report(form, complete, out)

    document = docx.Document(str(out))
    items = blocks(document)
    body = tcs(table_after(items, f"Prioriterat område {area.number}."))[3:]
    assert len(body) == 200
    assert body[-1][0].text == "Insats nummer 197\nrad två"
    effekter = [f.id for f in q.fields].index("effekter") + 3  # after the 4 serviceslag columns
    assert body[5][effekter].text == big
    assert big.strip() in all_text(document)


def test_a_region_without_programme_and_odd_answers_export_as_a_draft(
    form: FormDefinition, tmp_path: Path
) -> None:
    draft = new_draft(form, "Skåne", 2024)
    draft.set(CellPath("q1", "servicebidrag", "bedomning"), "Kanske")  # not an option: nothing marked
    draft.set(CellPath("q3", "processledning", "totalt"), "en halv")  # not a number: printed as typed
    out = tmp_path / "skane.docx"
    export_report(form, draft, out, draft_mode=True)
    document = docx.Document(str(out))
    text = all_text(document)
    assert "Region: Skåne" in text and "Totalt: en halv årsarbetskrafter" in text
    assert "Prioriterat område" not in text  # no områden yet, so no insatser tables
    assert "Kanske" not in text
    assert len(document.sections) == 2


def test_unknown_goal_code_is_printed_as_stored(
    form: FormDefinition, complete: Draft, tmp_path: Path
) -> None:
    q = rows_question(form)
    area = complete.programme.omraden[2]
    complete.items(q.id, area.id)[0]["mal"] = {"codes": ["9.9", "3.1"], "other": ""}
    out = tmp_path / "mal.docx"
    export_report(form, complete, out, draft_mode=True)
    row = tcs(table_after(blocks(docx.Document(str(out))), f"Prioriterat område {area.number}."))[3]
    goal = complete.programme.goal("3.1")
    assert goal is not None
    assert row[1].text == f"9.9\n3.1 {goal.text}"
