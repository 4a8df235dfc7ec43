"""Form, programme and region files: the good ones load and match the official text; broken
ones give a Swedish message naming file, line and key path."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from rsp_tui.drafts.paths import QuestionPath
from rsp_tui.errors import FormDefinitionError
from rsp_tui.forms import load_form, load_regions, programme_for_region
from rsp_tui.forms.loader import (
    list_forms,
    load_form_file,
    load_programme_file,
    programme_files,
)
from rsp_tui.forms.programme import Goal
from rsp_tui.forms.schema import (
    ChoiceField,
    FieldBase,
    FormDefinition,
    MarksField,
    RowsQuestion,
    StaticQuestion,
    TableQuestion,
)
from rsp_tui.textutil import plain
from tests.narrow import of_kind, question_of

REPO = Path(__file__).resolve().parents[2]
SHARED_SPEC = REPO.parent / "shared" / "form-spec.md"
# A copy travels with the tests, so that a clone without ../shared still checks every text.
SPEC = Path(__file__).resolve().parents[1] / "data" / "form-spec.md"
BAD = Path(__file__).resolve().parents[1] / "data" / "forms_bad"


def test_every_shipped_file_loads() -> None:
    forms = list_forms()
    assert forms, "no form files found"
    for path, form in forms:
        assert isinstance(form, FormDefinition), f"{path}: {form}"
    assert programme_files()
    for path in programme_files():
        load_programme_file(path)
    assert len(load_regions()) == 21


def test_structure_matches_the_official_form(form: FormDefinition) -> None:
    questions = [q for s in form.sections for q in s.questions]
    numbered = [q for q in questions if isinstance(q, FieldBase) and q.number]
    assert [q.number for q in numbered] == ["1", "2", "3", "4", "5", "6"]
    tables = [q for q in questions if isinstance(q, TableQuestion)]
    assert [t.id for t in tables] == ["q1", "q3", "q4", "q6"]
    assert sum(len(t.rows) for t in tables) == 18
    (rows,) = [q for q in questions if isinstance(q, RowsQuestion)]
    leaf_cells = sum(len(f.options) if isinstance(f, MarksField) else 1 for f in rows.fields)
    assert leaf_cells == 11
    assert [g.render(2023) for g in rows.groups] == [
        "Handlingsplan för verksamhetsår 2023",
        "Uppföljning av verksamhetsår 2023",
        "Till nästa år, 2024",
    ]
    assert [f.id for f in rows.fields if f.shaded] == ["prestationer", "effekter"]
    q1 = form.question("q1")
    assert isinstance(q1, TableQuestion)
    choice = q1.columns[0]
    assert isinstance(choice, ChoiceField) and choice.options == ["Minskar", "Oförändrat", "Ökar"]


def test_jamtland_programme_has_three_areas_and_eight_goals() -> None:
    programme = programme_for_region("Jämtland Härjedalen")
    assert programme is not None
    assert [a.number for a in programme.omraden] == ["1", "2", "3"]
    assert [g.code for g in programme.all_goals()] == [
        "1.1",
        "1.2",
        "1.3",
        "2.1",
        "2.2",
        "3.1",
        "3.2",
        "3.3",
    ]
    assert of_kind(programme.goal("3.3"), Goal).text.endswith("servicerelaterade frågor")
    assert programme_for_region("Skåne") is None


def _official_texts(form: FormDefinition) -> list[str]:
    """Every text of the form that the spec gives word for word."""
    texts = [form.title, *form.intro]
    for section in form.sections:
        for q in section.questions:
            if isinstance(q, StaticQuestion):
                texts += [b.text for b in q.blocks]
                continue
            if q.kind == "programme":
                continue
            for attr in ("text", "instruction", "footnote"):
                texts.append(getattr(q, attr, ""))
            texts += getattr(q, "guidance", [])
            if isinstance(q, TableQuestion):
                texts.append(q.row_header)
                texts += [r.label for r in q.rows]
                texts += [c.label for c in q.printed_columns() if not isinstance(c, ChoiceField)]
                for c in q.columns:
                    if isinstance(c, ChoiceField) and c.as_columns:
                        texts += c.options
            if isinstance(q, RowsQuestion):
                texts += [g.label.split(" {")[0].rstrip(",") for g in q.groups]
                for f in q.fields:
                    texts += [f.label, f.help]
                    texts += getattr(f, "options", [])
    return [plain(t) for t in texts if t]


def test_the_copied_spec_is_the_shared_one() -> None:
    if not SHARED_SPEC.exists():
        pytest.skip("shared/form-spec.md is not next to the checkout; the copy is used")
    assert SPEC.read_bytes() == SHARED_SPEC.read_bytes(), "copy ../shared/form-spec.md to tests/data"


def test_every_official_text_is_word_for_word_in_the_spec(form: FormDefinition) -> None:
    spec = SPEC.read_text(encoding="utf-8").replace("**", "")
    missing = [t for t in _official_texts(form) if t not in spec]
    assert missing == []


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "x.toml"
    path.write_text(text, encoding="utf-8")
    return path


def _broken(tmp_path: Path, old: str, new: str, count: int = 1) -> Path:
    original = (REPO / "forms" / "rsp-uppfoljning.toml").read_text(encoding="utf-8")
    assert original.count(old) >= count, old
    return _write(tmp_path, original.replace(old, new, count))


def _line_of(path: Path, needle: str) -> int:
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return n
    raise AssertionError(needle)


def _error(path: Path) -> str:
    with pytest.raises(FormDefinitionError) as info:
        load_form_file(path)
    return info.value.describe()


def test_unknown_question_kind_names_file_key_path_and_line(tmp_path: Path) -> None:
    path = _broken(tmp_path, 'id = "q3"\nkind = "table"', 'id = "q3"\nkind = "tabel"')
    message = _error(path)
    assert f'{path}: sections[3].questions[0].kind: okänd frågetyp "tabel"' in message
    line = _line_of(path, 'kind = "tabel"')
    assert f"(rad {line})" in message


def test_unknown_column_kind(tmp_path: Path) -> None:
    path = _broken(tmp_path, 'id = "namn"\nkind = "text"', 'id = "namn"\nkind = "txt"')
    assert 'sections[4].questions[0].columns[0].kind: okänd fälttyp "txt"' in _error(path)


def test_unknown_key_is_rejected(tmp_path: Path) -> None:
    path = _broken(
        tmp_path, 'id = "q2"\nkind = "textarea"', 'id = "q2"\nkind = "textarea"\nlable = "x"'
    )
    message = _error(path)
    assert "sections[2].questions[0].lable: okänd nyckel" in message
    assert f"(rad {_line_of(path, 'lable =')})" in message


def test_missing_key(tmp_path: Path) -> None:
    path = _broken(tmp_path, 'title = "2 Framtidsspaning"\n', "")
    assert "sections[2].title: nyckeln saknas" in _error(path)


def test_wrong_type(tmp_path: Path) -> None:
    path = _broken(tmp_path, "version = 2", 'version = "ett"')
    message = _error(path)
    assert "version: ska vara ett heltal" in message
    assert "(rad" in message


def test_bad_id(tmp_path: Path) -> None:
    path = _broken(tmp_path, 'id = "q5"\nkind', 'id = "Fråga 5"\nkind')
    assert "sections[5].questions[0].id: ogiltigt id" in _error(path)


def test_duplicate_question_id(tmp_path: Path) -> None:
    path = _broken(tmp_path, 'id = "q5"\nkind', 'id = "q2"\nkind')
    assert 'id "q2" förekommer mer än en gång i questions' in _error(path)


def test_row_label_missing_inside_inline_table(tmp_path: Path) -> None:
    path = _broken(
        tmp_path, '{ id = "servicebidrag", label = "Servicebidrag" }', '{ id = "servicebidrag" }'
    )
    message = _error(path)
    assert "sections[1].questions[0].rows[2].label: nyckeln saknas" in message
    line = _line_of(path, 'id = "servicebidrag" }')
    assert f"(rad {line})" in message


def test_render_into_unknown_column(tmp_path: Path) -> None:
    path = _broken(tmp_path, 'render_into = "beskriv"', 'render_into = "beskrivning_x"')
    assert 'render_into pekar på "beskrivning_x", som inte finns' in _error(path)


def test_choice_without_options(tmp_path: Path) -> None:
    path = _broken(tmp_path, 'options = ["Klar", "Fortsätter"]', "options = []")
    assert "options får inte vara tom" in _error(path)


def test_unknown_group(tmp_path: Path) -> None:
    path = _broken(tmp_path, 'group = "nasta_ar"', 'group = "nasta"')
    assert 'okänd grupp "nasta"' in _error(path)


def test_toml_syntax_error_gives_line(tmp_path: Path) -> None:
    path = _broken(tmp_path, 'id = "q2"\n', 'id = "q2\n')
    message = _error(path)
    assert "ogiltig TOML" in message
    line = _line_of(path, 'id = "q2')
    assert f"rad {line}" in message


def test_invalid_utf8_gives_line(tmp_path: Path) -> None:
    path = tmp_path / "x.toml"
    path.write_bytes(b'id = "a"\nversion = 1\ntitle = "\xe5"\n')
    message = _error(path)
    assert "inte giltig UTF-8" in message and "rad 3" in message


def test_several_errors_are_all_listed(tmp_path: Path) -> None:
    path = _broken(tmp_path, 'kind = "textarea"', 'kind = "textfält"', count=1)
    text = path.read_text(encoding="utf-8").replace("version = 2", 'version = "x"')
    path.write_text(text, encoding="utf-8")
    message = _error(path)
    assert "version: ska vara ett heltal" in message
    assert 'okänd fälttyp "textfält"' in message


def test_region_list_errors_name_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "regions.toml").write_text('[[regions]]\nnamn = "X"\n', encoding="utf-8")
    monkeypatch.setenv("RSP_TUI_FORMS_DIR", str(tmp_path))
    with pytest.raises(FormDefinitionError) as info:
        load_regions()
    message = info.value.describe()
    assert message.startswith(
        f"{tmp_path / 'regions.toml'}: regions[0].name: nyckeln saknas (rad 1)"
    )
    assert "regions[0].namn: okänd nyckel (rad 2)" in message


def test_extra_question_in_a_test_form_needs_no_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A form file with one more question is understood everywhere without Python changes."""
    from rsp_tui.drafts import load_draft, new_draft, save_draft
    from rsp_tui.validation import validate

    original = (REPO / "forms" / "rsp-uppfoljning.toml").read_text(encoding="utf-8")
    extra = (
        '\n[[sections]]\nid = "q7"\ntitle = "7 Testfråga"\npart = "A"\n\n'
        '[[sections.questions]]\nid = "q7"\nkind = "decimal"\nnumber = "7"\n'
        'text = "Hur många butiker finns i länet?"\nmin = 0\n'
    )
    marker = "# ---------------------------------------------------------------------------------------------\n# Del B"
    (tmp_path / "rsp-uppfoljning.toml").write_text(
        original.replace(marker, extra + marker), encoding="utf-8"
    )
    monkeypatch.setenv("RSP_TUI_FORMS_DIR", str(tmp_path))
    form = load_form()
    assert question_of(form, "q7", FieldBase).title == "7. Hur många butiker finns i länet?"
    draft = new_draft(form, "Skåne", 2024)
    problems = validate(form, draft).problems
    assert any(p.path == QuestionPath("q7") and p.blank for p in problems)  # optional unless required
    draft.set(QuestionPath("q7"), "tolv")
    assert [p.message for p in validate(form, draft).problems if p.path == QuestionPath("q7")] == [
        '"tolv" är inte ett tal; skriv till exempel 0,85'
    ]
    draft.set(QuestionPath("q7"), "12")
    path = tmp_path / "d.toml"
    save_draft(draft, path)
    assert load_draft(path).draft.answers["q7"] == "12"


@pytest.mark.slow
def test_forms_are_found_by_an_installed_wheel(tmp_path: Path) -> None:
    """Build the wheel, unpack it away from the checkout and load the forms from it."""
    import subprocess
    import sys
    import zipfile

    if shutil.which("git") is None:
        pytest.skip("git missing")
    out = tmp_path / "wheel"
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(REPO)],
        capture_output=True,
        text=True,
    )
    if build.returncode != 0:
        pytest.skip(f"cannot build a wheel here: {build.stderr[-300:]}")
    (wheel,) = out.glob("*.whl")
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as zf:
        names = zf.namelist()
        assert "rsp_tui/data/forms/rsp-uppfoljning.toml" in names
        assert "rsp_tui/data/forms/regions.toml" in names
        assert "rsp_tui/data/forms/programmes/jamtland-harjedalen.toml" in names
        assert "rsp_tui/data/examples/exempel-2023.toml" in names  # README's example
        zf.extractall(site)
    code = (
        "import rsp_tui.paths as p, rsp_tui.forms as f;"
        "print(p.builtin_forms_dir());"
        "print(f.load_form().id, len(f.region_names()),"
        " len(f.programme_for_region('Jämtland Härjedalen').omraden))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    first, second = result.stdout.splitlines()
    assert first.startswith(str(site))
    assert second == "rsp-uppfoljning 21 3"
    # `rsp-tui example` gives pipx/uv users the README's example, which checks clean.
    env = {"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"}
    for command in (["example", "-o", "ex.toml"], ["check", "ex.toml"]):
        done = subprocess.run(
            [sys.executable, "-m", "rsp_tui", *command],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            env=env,
        )
        assert done.returncode == 0, done.stderr
    assert "Inget hindrar en slutlig export." in done.stdout
