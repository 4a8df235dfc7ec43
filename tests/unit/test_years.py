"""One year rule (rsp_tui.years): the range comes from the form, and every place that reads a
typed year reads it the same way."""

from __future__ import annotations

from pathlib import Path

import pytest

from rsp_tui.cli import main
from rsp_tui.drafts import load_draft, save_draft
from rsp_tui.forms import FormDefinition
from rsp_tui.validation import validate
from rsp_tui.years import YearRange, in_range, parse_year, range_error
from tests.conftest import REPO


@pytest.mark.parametrize(
    ("text", "year"),
    [("2022", 2022), (" 2030 ", 2030), ("2021", None), ("2031", None), ("20x3", None), ("", None)],
)
def test_a_typed_year_is_read_within_the_forms_range(
    form: FormDefinition, text: str, year: int | None
) -> None:
    assert parse_year(text, form.years) == year


def test_another_range_in_the_form_moves_every_check(form: FormDefinition) -> None:
    narrow: YearRange = form.years.model_copy(update={"min": 2024, "max": 2026})
    assert parse_year("2023", narrow) is None and in_range(2025, narrow)
    assert range_error(narrow) == "verksamhetsåret måste vara mellan 2024 och 2026"
    other = form.model_copy(update={"years": narrow})
    draft = load_draft(REPO / "examples" / "exempel-2023.toml").draft
    assert [p.message for p in validate(other, draft).errors] == [range_error(narrow)]
    assert not validate(form, draft).errors


def test_the_commands_say_the_range(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "--region", "Gotland", "--year", "2031", "--dir", str(tmp_path)]) == 2
    assert "verksamhetsåret måste vara mellan 2022 och 2030." in capsys.readouterr().err
    draft = load_draft(REPO / "examples" / "exempel-2023.toml").draft
    draft.year = 2030
    path = tmp_path / "sista.toml"
    save_draft(draft, path)
    assert main(["rollover", str(path)]) == 2
    assert "verksamhetsåret måste vara mellan 2022 och 2030." in capsys.readouterr().err
