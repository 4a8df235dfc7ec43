"""The programme: a region without one starts empty and enters its områden and mål; the
report's parts follow; removing an område (asked first) removes its insatser too."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Button

from rsp_tui.drafts import load_draft
from rsp_tui.tui.app import RspApp
from rsp_tui.tui.dialogs.confirm import ConfirmDialog
from rsp_tui.tui.screens.report import ReportScreen

from .driving import settle, type_text


async def tab_to_button(pilot: Pilot[None], button_id: str) -> None:
    for _ in range(60):
        focused = pilot.app.focused
        if isinstance(focused, Button) and focused.id == button_id:
            return
        await pilot.press("tab")
    raise AssertionError(f"no button {button_id}")


async def test_empty_programme_is_filled_in_and_parts_follow(
    app_factory: Callable[..., RspApp], drafts_folder: Path
) -> None:
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await type_text(pilot, "värmland")
        await pilot.press("enter", "enter")
        await pilot.pause()
        report = app.screen
        assert isinstance(report, ReportScreen)
        assert "omrade" not in " ".join(report.keys)
        while report.current_key != "programmet":
            await pilot.press("f4")

        await tab_to_button(pilot, "add-area")
        await pilot.press("enter")  # a new område; its title field has focus
        await type_text(pilot, "Tillgänglig service i hela länet")
        await tab_to_button(pilot, "add-goal-0")
        await pilot.press("enter")  # a new mål, code 1.1 suggested; its text has focus
        await type_text(pilot, "Fler servicepunkter.")
        await pilot.pause()
        assert report.keys[-2] == "omrade:o1"
        assert report.part_list.get_option("omrade:o1") is not None

        await pilot.press("f4")  # straight on to the new område
        assert report.current_key == "omrade:o1"
        heading = str(report.host.query_one(".part-heading").render())
        assert heading == "Prioriterat område 1. Tillgänglig service i hela länet"
        await pilot.press("ctrl+n")
        await type_text(pilot, "Första insatsen")
        await pilot.press("tab", "space")  # choose goal 1.1
        await pilot.press("ctrl+q")
    draft = load_draft(drafts_folder / "varmland-2023.toml").draft
    assert [(a.number, a.title) for a in draft.programme.omraden] == [
        ("1", "Tillgänglig service i hela länet")
    ]
    assert [(g.code, g.text) for g in draft.programme.omraden[0].mal] == [
        ("1.1", "Fler servicepunkter.")
    ]
    (item,) = draft.items("insatser", "o1")
    assert item["planerade"] == "Första insatsen"
    assert item["mal"] == {"codes": ["1.1"], "other": ""}


async def test_removing_an_omrade_asks_and_takes_its_insatser(
    app_factory: Callable[..., RspApp], example_draft: Path
) -> None:
    app = app_factory(example_draft)
    async with app.run_test(size=(100, 30)) as pilot:
        report = app.screen
        assert isinstance(report, ReportScreen)
        while report.current_key != "programmet":
            await pilot.press("f4")
        await tab_to_button(pilot, "del-area-1")
        await pilot.press("enter")
        dialog = app.screen
        assert isinstance(dialog, ConfirmDialog)
        assert "Områdets 4 insatser tas också bort." in dialog.message
        await pilot.press("tab", "enter")
        await pilot.pause()
        assert "omrade:o2" not in report.keys
        await pilot.press("ctrl+q")
    draft = load_draft(example_draft).draft  # still a valid draft, without the område
    assert [a.id for a in draft.programme.omraden] == ["o1", "o3"]
    assert "o2" not in draft.answers["insatser"]
