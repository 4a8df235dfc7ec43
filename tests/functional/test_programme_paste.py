"""Klistra in program: a region's programme pasted as text becomes its områden and goals (a
goals-only programme gets one table, "Programmets mål"); picking goals in an insats: the
område's own first, every goal's whole text, and typing a code ticks it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual import events
from textual.widgets import TextArea

from rsp_tui.drafts import create_draft_file, load_draft, new_draft
from rsp_tui.forms import load_form
from rsp_tui.forms.programme import WHOLE_ID
from rsp_tui.tui.app import RspApp
from rsp_tui.tui.dialogs.paste_programme import PasteProgrammeDialog
from rsp_tui.tui.screens.report import ReportScreen
from rsp_tui.tui.widgets.goal_picker import DIVIDER, GoalList
from tests.narrow import of_kind

from .driving import type_text
from .test_insatser import open_area
from .test_programme import tab_to_button

OSTERGOTLAND = """Regionalt serviceprogram för Östergötland 2023–2030
Mål
Alla invånare har tillgång till dagligvaror, drivmedel och ombudstjänster inom 20 km.
Alla 13 kommuner har en aktuell kommunal serviceplan.
"""


async def test_paste_a_goals_only_programme_and_use_it(
    app_factory: Callable[..., RspApp], drafts_folder: Path
) -> None:
    drafts_folder.mkdir(parents=True, exist_ok=True)
    path = drafts_folder / "ostergotland-2024.toml"
    create_draft_file(new_draft(load_form(), "Östergötland", 2024), path)
    app = app_factory(path)
    async with app.run_test(size=(110, 34)) as pilot:
        report = of_kind(app.screen, ReportScreen)
        while report.current_key != "programmet":
            await pilot.press("f4")
        await tab_to_button(pilot, "paste-programme")
        await pilot.press("enter")
        dialog = app.screen
        assert isinstance(dialog, PasteProgrammeDialog)
        text_area = dialog.query_one("#paste-text", TextArea)
        assert app.focused is text_area
        app.post_message(events.Paste(OSTERGOTLAND))  # what the terminal sends on paste
        await pilot.pause()
        preview = "\n".join(dialog.preview_lines)
        assert "0 prioriterade områden, 2 mål" in preview
        assert "Programperiod: 2023–2030" in preview
        assert "Alla 13 kommuner har en aktuell kommunal serviceplan." in preview
        await pilot.press("ctrl+s")  # Använd programmet
        await pilot.pause()
        assert app.screen is report
        assert f"omrade:{WHOLE_ID}" in report.keys
        assert report.title_of(f"omrade:{WHOLE_ID}") == "Programmets mål"

        await pilot.press("f4")
        assert report.current_key == f"omrade:{WHOLE_ID}"
        await pilot.press("ctrl+n")
        await type_text(pilot, "Butiksstöd")
        await pilot.press("tab")
        assert isinstance(app.focused, GoalList)
        await pilot.press("down", "space")  # the second goal
        await pilot.press("ctrl+s")
        await pilot.press("ctrl+q")
    draft = load_draft(path).draft
    assert (draft.programme.first_year, draft.programme.last_year) == (2023, 2030)
    (item,) = draft.items("insatser", WHOLE_ID)
    assert item["planerade"] == "Butiksstöd"
    assert item["mal"]["codes"] == ["Alla 13 kommuner har en aktuell kommunal serviceplan."]


async def test_goal_list_own_goals_first_whole_text_and_typed_codes(
    app_factory: Callable[..., RspApp], example_draft: Path
) -> None:
    app = app_factory(example_draft)
    async with app.run_test(size=(100, 34)) as pilot:
        _, view = await open_area(pilot, "omrade:o2")
        await pilot.press("ctrl+n")
        goals = view.query_one(GoalList)
        values = [goals.get_option_at_index(i).value for i in range(goals.option_count)]
        assert values == ["2.1", "2.2", DIVIDER, "1.1", "1.2", "1.3", "3.1", "3.2", "3.3"]
        assert goals.get_option_at_index(2).disabled
        goals.focus()
        await pilot.press("2", ".", "1", "3", ".", "3")
        assert sorted(goals.selected) == ["2.1", "3.3"]
        await pilot.press("2", ".", "1")  # typed again: unticked
        assert goals.selected == ["3.3"]
        # 2.2 is 139 characters: wrapped, the whole text is shown (a cut list would be one
        # line per goal)
        await pilot.pause()
        assert goals.virtual_size.height > goals.option_count
        await pilot.press("ctrl+q")
