"""Issue 11's proof for the headless core: a field kind the code does not know (`percent`,
defined in tests/kinds_percent.py) works in a form file, in `check`, in the exported document
in the importer and in the national summary (its CSV and document), with no change to any
source file."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Literal

import docx
import pytest

from rsp_tui.cli import main
from rsp_tui.drafts import load_draft, save_draft
from rsp_tui.forms.kinds import KINDS, FieldKind
from rsp_tui.forms.loader import load_form_file
from tests.kinds_percent import PercentField

PERCENT_FORMS = Path(__file__).parent.parent / "data" / "percent-form"


@pytest.fixture
def percent_forms(monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("RSP_TUI_FORMS_DIR", str(PERCENT_FORMS))
    return PERCENT_FORMS


def test_defining_the_class_registers_the_kind_and_the_form_file_accepts_it() -> None:
    assert KINDS["percent"] is PercentField
    form = load_form_file(PERCENT_FORMS / "rsp-uppfoljning.toml")
    question = form.question("andel_digitalt")
    assert isinstance(question, PercentField)
    table = form.question("andel_per_typ")
    assert [type(c) for c in table.columns] == [PercentField]  # type: ignore[union-attr]


def test_an_unknown_kind_names_the_file_the_line_and_the_known_kinds(tmp_path: Path) -> None:
    text = (PERCENT_FORMS / "rsp-uppfoljning.toml").read_text(encoding="utf-8")
    path = tmp_path / "form.toml"
    path.write_text(text.replace('kind = "percent"\nnumber', 'kind = "procent"\nnumber'), "utf-8")
    with pytest.raises(Exception) as caught:
        load_form_file(path)
    message = str(caught.value)
    line = text.splitlines().index('kind = "percent"') + 1
    assert str(path) in message and f"(rad {line})" in message
    assert 'okänd frågetyp "procent"' in message
    for kind in ("text", "decimal", "goals", "percent", "table", "rows"):
        assert kind in message.split("tillåtna:")[1]


def _new_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "procent.toml"
    assert main(["new", "--region", "Gotland", "--year", "2023", "-o", str(path)]) == 0
    capsys.readouterr()
    return path


def _answer(path: Path, whole: str, drivmedel: str) -> None:
    draft = load_draft(path).draft
    draft.answers["upprattad_av"] = "Test Testsson"
    draft.answers["andel_digitalt"] = whole
    draft.answers["andel_per_typ"] = {"drivmedel": {"andel": drivmedel}}
    save_draft(draft, path)


def test_check_reports_a_percentage_over_100_as_an_error_naming_the_field(
    percent_forms: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _new_report(tmp_path, capsys)
    _answer(path, "120 %", "45 %")
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    lines = [line for line in out.splitlines() if line.startswith("fel:")]
    assert len(lines) == 1, out
    assert "Fråga 1" in lines[0] and "måste vara mellan 0 och 100 %" in lines[0]

    _answer(path, "abc", "101")
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    assert '"abc" är ingen procentsats' in out
    assert "Drivmedelsstationer › Andel: måste vara mellan 0 och 100 %" in out

    _answer(path, "45,5", "45 %")
    assert main(["check", str(path)]) == 0, capsys.readouterr().out


def test_the_document_prints_percent_and_the_importer_reads_it_back_from_the_text(
    percent_forms: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _new_report(tmp_path, capsys)
    _answer(path, "45,5", "45")
    out_docx = tmp_path / "procent.docx"
    assert main(["export", str(path), "-o", str(out_docx), "--no-embed"]) == 0, capsys.readouterr()
    document = docx.Document(io.BytesIO(out_docx.read_bytes()))
    cells = {c.text for t in document.tables for r in t.rows for c in r.cells}
    paragraphs = {p.text for p in document.paragraphs}
    assert "45 %" in cells  # the table column
    assert "45,5 %" in cells | paragraphs  # the question of its own

    imported = tmp_path / "importerad.toml"
    assert main(["import", str(out_docx), "-o", str(imported)]) == 0, capsys.readouterr()
    answers = load_draft(imported).draft.answers
    assert answers["andel_digitalt"] == "45,5"
    assert answers["andel_per_typ"]["drivmedel"]["andel"] == "45"


def test_the_kind_is_a_plain_field_kind_subclass() -> None:
    # Nothing but the base class: the same file works from src/rsp_tui/forms/kinds/.
    assert PercentField.__mro__[1] is FieldKind


def test_a_second_class_for_a_known_kind_is_refused() -> None:
    with pytest.raises(TypeError, match='kind "text" is already'):

        class Duplicate(FieldKind):
            kind: Literal["text"]

    assert KINDS["text"].__name__ == "TextField"


def test_the_same_file_dropped_into_forms_kinds_needs_no_other_change(tmp_path: Path) -> None:
    import rsp_tui

    package = Path(rsp_tui.__file__).parent
    copy = tmp_path / "src" / "rsp_tui"
    shutil.copytree(package, copy, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(Path(__file__).parent.parent / "kinds_percent.py", copy / "forms/kinds/percent.py")
    script = (
        "from rsp_tui.forms import load_form\n"
        "from rsp_tui.values import check_value\n"
        "form = load_form()\n"
        "q = form.question('andel_digitalt')\n"
        "print(type(q).__module__, check_value(q, '120 %'))\n"
    )
    env = {
        **os.environ,
        "PYTHONPATH": str(tmp_path / "src"),
        "RSP_TUI_FORMS_DIR": str(PERCENT_FORMS),
    }
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "rsp_tui.forms.kinds.percent måste vara mellan 0 och 100 %"


def test_the_summary_shows_percent_in_its_csv_and_document(
    percent_forms: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reports = tmp_path / "rapporter"
    reports.mkdir()
    gotland = _new_report(reports, capsys)
    _answer(gotland, "45,5", "45")
    other = reports / "jamtland.toml"
    assert main(["new", "--region", "Jämtland Härjedalen", "--year", "2023", "-o", str(other)]) == 0
    capsys.readouterr()
    _answer(other, "12", "7.5 %")
    out_docx, out_csv = tmp_path / "sammanstallning.docx", tmp_path / "sammanstallning.csv"
    args = ["summary", str(reports), "-o", str(out_docx), "--csv", str(out_csv)]
    assert main(args) == 0, capsys.readouterr()

    lines = out_csv.read_text(encoding="utf-8-sig").splitlines()
    values = {tuple(line.split(";")[:6]) for line in lines}
    assert ("Gotland", "2023", "andel_digitalt", "", "", "45,5 %") in values
    assert ("Gotland", "2023", "andel_per_typ", "drivmedel", "andel", "45 %") in values
    assert ("Jämtland Härjedalen", "2023", "andel_per_typ", "drivmedel", "andel", "7,5 %") in values

    document = docx.Document(io.BytesIO(out_docx.read_bytes()))
    rows = [[c.text for c in r.cells] for t in document.tables for r in t.rows]
    assert ["Gotland", "45,5 %"] in rows  # the question of its own, by region
    assert ["Jämtland Härjedalen", "12 %"] in rows
    # The table column is listed per row like a text column (the kind's default summary role).
    headings = [p.text for p in document.paragraphs]
    assert "Drivmedelsstationer" in headings
    assert ["Gotland", "45 %"] in rows and ["Jämtland Härjedalen", "7,5 %"] in rows
