"""Opening a draft written for an older form version goes through registered migration code."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from rsp_tui.drafts import load_draft, migrations, new_draft, save_draft
from rsp_tui.drafts.paths import QuestionPath
from rsp_tui.errors import DraftError
from rsp_tui.forms import load_form

REPO = Path(__file__).resolve().parents[2]

FORM_V1 = """
id = "testform"
version = 1
title = "Testformulär"
[[sections]]
id = "a"
title = "A"
part = "A"
[[sections.questions]]
id = "personal"
kind = "text"
text = "Hur många arbetar med programmet?"
"""

FORM_V2 = """
id = "testform"
version = 2
title = "Testformulär"
[[sections]]
id = "a"
title = "A"
part = "A"
[[sections.questions]]
id = "arsarbetskrafter"
kind = "decimal"
text = "Hur många årsarbetskrafter?"
[[sections.questions]]
id = "kommentar"
kind = "textarea"
text = "Kommentar"
"""


@pytest.fixture
def forms_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "forms"
    folder.mkdir()
    (folder / "regions.toml").write_text(
        (REPO / "forms" / "regions.toml").read_text("utf-8"), "utf-8"
    )
    monkeypatch.setenv("RSP_TUI_FORMS_DIR", str(folder))
    return folder


@pytest.fixture
def v1_draft(forms_dir: Path, tmp_path: Path) -> Path:
    (forms_dir / "testform.toml").write_text(FORM_V1, "utf-8")
    draft = new_draft(load_form("testform"), "Gotland", 2023)
    draft.set(QuestionPath("personal"), "1,5 personer")
    path = tmp_path / "gammal.toml"
    save_draft(draft, path)
    (forms_dir / "testform.toml").write_text(FORM_V2, "utf-8")
    return path


def test_migration_is_applied_on_load(v1_draft: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []

    def split(data: dict[str, Any]) -> dict[str, Any]:
        calls.append(data["form_version"])
        old = data["answers"].pop("personal", "")
        number, _, rest = old.partition(" ")
        data["answers"]["arsarbetskrafter"] = number
        data["answers"]["kommentar"] = rest
        return data

    monkeypatch.setattr(migrations, "_MIGRATIONS", {("testform", 1): split})
    before = v1_draft.read_bytes()
    loaded = load_draft(v1_draft)
    assert calls == [1]
    assert loaded.draft.form_version == 2
    assert loaded.draft.answers == {"arsarbetskrafter": "1,5", "kommentar": "personer"}
    assert any("uppgraderats till version 2" in n for n in loaded.notices)
    assert v1_draft.read_bytes() == before  # loading never writes


def test_missing_migration_is_an_error_not_a_guess(
    v1_draft: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(migrations, "_MIGRATIONS", {})
    with pytest.raises(DraftError, match="ingen uppgradering därifrån till version 2"):
        load_draft(v1_draft)


def test_registering_twice_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(migrations, "_MIGRATIONS", {})
    migrations.migration("x", 1)(lambda d: d)
    with pytest.raises(ValueError):
        migrations.migration("x", 1)(lambda d: d)
