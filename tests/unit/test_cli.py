"""The command line: new, check, forms; exit statuses and Swedish messages."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from rsp_tui.cli import main
from rsp_tui.drafts import Draft, load_draft, save_draft
from rsp_tui.forms import FormDefinition
from rsp_tui.forms.schema import TableQuestion
from tests.fill import fill_all


def test_new_then_check_lists_every_unanswered_question(
    form: FormDefinition, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "x.toml"
    assert main(["new", "--region", "Jämtland Härjedalen", "--year", "2023", "-o", str(path)]) == 0
    assert capsys.readouterr().out.strip() == str(path)
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    for number in "123456":
        assert f"Fråga {number}" in out
    assert "Upprättad av: inte besvarad" in out
    for section in form.sections:
        for q in section.questions:
            if isinstance(q, TableQuestion) and q.rows_required:
                for row in q.rows:
                    for col in q.columns:
                        if col.required:
                            assert f"› {row.label} › {col.display_label}: inte besvarad" in out
    for n in "123":
        assert f"Område {n} › Insatser: området har inga insatser" in out
    assert "hindrar en slutlig export" in out


def test_new_uses_the_region_programme_and_default_folder(
    _isolated_drafts: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new", "--region", "jämtland härjedalen", "--year", "2024"]) == 0
    path = Path(capsys.readouterr().out.strip())
    assert path == _isolated_drafts / "jamtland-harjedalen-2024.toml"
    draft = load_draft(path).draft
    assert draft.region == "Jämtland Härjedalen" and len(draft.programme.omraden) == 3
    # A second draft for the same region and year is refused, naming the first ...
    assert main(["new", "--region", "Jämtland Härjedalen", "--year", "2024"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert f"det finns redan ett utkast för Jämtland Härjedalen 2024: {path}" in captured.err
    assert sorted(p.name for p in _isolated_drafts.iterdir()) == [path.name]
    # ... unless asked for with --force, and then it says so.
    assert main(["new", "--region", "Jämtland Härjedalen", "--year", "2024", "--force"]) == 0
    captured = capsys.readouterr()
    assert Path(captured.out.strip()).name == "jamtland-harjedalen-2024-2.toml"
    assert "det fanns redan ett utkast för Jämtland Härjedalen 2024" in captured.err


def test_new_without_known_programme_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new", "--region", "Skåne", "--year", "2023", "--dir", str(tmp_path)]) == 0
    captured = capsys.readouterr()
    assert "fyll i de prioriterade områdena" in captured.err
    assert load_draft(Path(captured.out.strip())).draft.programme.omraden == []


def test_new_refuses_bad_input_and_never_overwrites(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new", "--region", "Lappland", "--year", "2023", "--dir", str(tmp_path)]) == 2
    assert 'okänd region "Lappland"' in capsys.readouterr().err
    assert main(["new", "--region", "Skåne", "--year", "1999", "--dir", str(tmp_path)]) == 2
    assert "mellan 2022 och 2030" in capsys.readouterr().err
    existing = tmp_path / "finns.toml"
    existing.write_text("mitt")
    assert main(["new", "--region", "Skåne", "--year", "2023", "-o", str(existing)]) == 2
    assert "finns redan" in capsys.readouterr().err
    assert existing.read_text() == "mitt"


def test_check_exit_statuses(
    form: FormDefinition, draft: Draft, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "klar.toml"
    save_draft(fill_all(form, draft), path)
    assert main(["check", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Inget hindrar en slutlig export." in out and "Ifyllt 100 %" in out
    broken = tmp_path / "trasig.toml"
    broken.write_bytes(path.read_bytes()[:-200])
    assert main(["check", str(broken)]) == 2
    err = capsys.readouterr().err
    assert str(broken) in err and "ofullständig" in err


def test_forms_lists_forms_programmes_and_regions(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["forms"]) == 0
    out = capsys.readouterr().out
    assert "rsp-uppfoljning (version 2)" in out
    assert "* Jämtland Härjedalen: 3 prioriterade områden, 8 mål" in out
    assert out.count("\n    ") + out.count("\n  * ") == 21


def test_help_is_swedish(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["check", "--help"])
    out = capsys.readouterr().out
    assert out.startswith("användning: rsp-tui check")
    assert "Slutstatus 0" in out
    with pytest.raises(SystemExit) as info:
        main(["new"])
    assert info.value.code == 2
    assert "dessa argument krävs: --region" in capsys.readouterr().err


def test_python_dash_m_runs_the_cli(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "rsp_tui",
            "new",
            "--region",
            "Gotland",
            "--year",
            "2025",
            "-o",
            str(tmp_path / "g.toml"),
        ],
        capture_output=True,
        text=True,
        env={**os.environ},
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "g.toml").exists()


def test_a_bug_in_a_command_prints_no_answers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import rsp_tui.validation

    path = tmp_path / "x.toml"
    assert main(["new", "--region", "Skåne", "--year", "2023", "-o", str(path)]) == 0
    capsys.readouterr()

    answer = "svaret var Anna " + "Hemlig, anna@" + "example.se"  # as if read from a draft

    def broken(*args: object, **kwargs: object) -> None:
        raise ValueError(answer)

    monkeypatch.setattr(rsp_tui.validation, "validate", broken)
    assert main(["check", str(path)]) == 70
    err = capsys.readouterr().err
    assert "ValueError" in err and "test_cli.py" in err
    assert "Hemlig" not in err and "anna@example.se" not in err
    assert "ett oväntat fel inträffade" in err


def test_export_without_the_embedded_draft(
    form: FormDefinition, draft: Draft, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--no-embed: the file holds only what the document shows (last year's answers, kept in
    the draft for the "Förra året" lines, are not in it); import then reads the visible text."""
    import zipfile

    from rsp_tui.importer import import_docx

    filled = fill_all(form, draft)
    filled.previous_year = filled.year - 1
    filled.previous["q2"] = "Förra årets hemliga framtidsspaning"
    path = tmp_path / "klar.toml"
    save_draft(filled, path)

    def package_text(docx: Path) -> str:
        with zipfile.ZipFile(docx) as z:
            return "".join(z.read(n).decode("utf-8", "replace") for n in z.namelist())

    with_draft, without = tmp_path / "med.docx", tmp_path / "utan.docx"
    assert main(["export", str(path), "-o", str(with_draft)]) == 0
    assert main(["export", str(path), "-o", str(without), "--no-embed"]) == 0
    capsys.readouterr()
    assert "hemliga framtidsspaning" in package_text(with_draft)
    assert "hemliga framtidsspaning" not in package_text(without)
    assert import_docx(with_draft, form).exact
    back = import_docx(without, form)
    assert not back.exact
    assert back.draft.answers["q2"] == filled.answers["q2"]  # read from the visible text
