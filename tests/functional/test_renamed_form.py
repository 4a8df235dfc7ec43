"""The app with a test-only form in which every id and section is renamed (tests/renamed.py):
the område parts are found by `repeat`, not by their id, so Ctrl+N, Alt+D and Alt+↑/↓ still
act on the insatser, and the answers are saved under the renamed ids."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from rsp_tui.drafts import load_draft, save_draft
from rsp_tui.forms import load_form
from rsp_tui.tui.app import RspApp
from rsp_tui.tui.screens.report import ReportScreen
from rsp_tui.tui.widgets.insatser import InsatserView
from tests.renamed import field_id, rename_draft, section_id, write_renamed_form

from .conftest import EXAMPLE
from .driving import type_text

ITEMS = field_id("insatser")
PLANNED = field_id("planerade")


@pytest.fixture
def renamed_draft(tmp_path: Path, drafts_folder: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The example draft, in the renamed form's ids, with the renamed form in use."""
    real = load_draft(EXAMPLE)
    folder = tmp_path / "formular"
    write_renamed_form(folder)
    monkeypatch.setenv("RSP_TUI_FORMS_DIR", str(folder))
    assert load_form().repeat_section is not None
    drafts_folder.mkdir(parents=True, exist_ok=True)
    target = drafts_folder / "omdopt-2023.toml"
    save_draft(rename_draft(real.form, real.draft), target)
    return target


def planned(path: Path, area: str = "o1") -> list[str]:
    """The first line of Planerade insatser of each insats, in order, as saved."""
    items = load_draft(path).draft.items(ITEMS, area)
    return [str(i.get(PLANNED, "")).split("\n", 1)[0] for i in items]


async def test_insats_keys_work_with_every_id_renamed(
    app_factory: Callable[..., RspApp], renamed_draft: Path
) -> None:
    before = planned(renamed_draft)
    assert len(before) == 6
    key = f"{section_id('omrade')}:o1"
    app = app_factory(renamed_draft)
    async with app.run_test(size=(100, 30)) as pilot:
        report = app.screen
        assert isinstance(report, ReportScreen)
        titles = [report.title_of(k) for k in report.keys]
        assert "Område 1" in titles and "Uppgifter om rapporten" in titles
        while report.current_key != key:
            await pilot.press("f4")
        view = report.host.query_one(InsatserView)
        assert report.check_action("insats", ()) is True

        await pilot.press("ctrl+n")  # a new insats at the end, its first field focused
        await type_text(pilot, "Ny provinsats")
        await pilot.press("alt+d")  # duplicate it: the copy comes right after
        await pilot.press("alt+up", "alt+up")  # and moves up two places
        await pilot.press("ctrl+s")
        assert len(view.items) == 8
        assert planned(renamed_draft) == [
            *before[:5],
            "Ny provinsats",
            before[5],
            "Ny provinsats",
        ]
        await pilot.press("alt+down")  # and down again
        await pilot.press("ctrl+s")
        assert planned(renamed_draft) == [*before, "Ny provinsats", "Ny provinsats"]
        await pilot.press("ctrl+q")
