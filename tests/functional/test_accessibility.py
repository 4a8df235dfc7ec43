"""The app for people with low vision, no colour or a Mac keyboard: Swedish theme names with
Hög kontrast, a keys overview listing the hidden keys with their alternatives, and no English
left from Textual."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.command import CommandList

from rsp_tui.tui.app import RspApp
from rsp_tui.tui.dialogs.keys import KeysDialog
from rsp_tui.tui.screens.report import ReportScreen
from rsp_tui.tui.screens.start import StartScreen
from rsp_tui.tui.themes import HIGH_CONTRAST
from rsp_tui.tui.widgets.goal_picker import GoalList

from .driving import settle


async def test_keys_overview_lists_the_hidden_keys_with_alternatives(
    app_factory: Callable[..., RspApp], example_draft: Path
) -> None:
    app = app_factory(example_draft)
    async with app.run_test(size=(100, 30)) as pilot:
        report = app.screen
        assert isinstance(report, ReportScreen)
        await report.show_part("omrade:o1")
        await settle(pilot)
        app.action_keys()
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, KeysDialog)
        rows = {keys: (what, alt) for keys, what, alt in dialog.rows}
        assert rows["Alt+D"] == ("Duplicera", "Kommandon › Duplicera insatsen")
        assert rows["Alt+↑"][1] == "Kommandon › Flytta insatsen upp"
        assert rows["F1"] == ("Hjälp", "Kommandon › Visa eller dölj hjälpen")
        assert rows["F3 eller Ctrl+PageUp"][1] == "Kommandon › Föregående del"
        assert "Tab" in rows and "Ctrl+Q" in rows
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is report
        # every alternative named in the overview is a command in the palette
        names = {c.title for c in app.get_system_commands(report)}
        for _, alt in rows.values():
            if alt.startswith("Kommandon › "):
                assert alt.removeprefix("Kommandon › ") in names, alt


async def test_alternative_moves_an_insats_without_alt(
    app_factory: Callable[..., RspApp], example_draft: Path
) -> None:
    app = app_factory(example_draft)
    async with app.run_test(size=(100, 30)) as pilot:
        report = app.screen
        assert isinstance(report, ReportScreen)
        await report.show_part("omrade:o1")
        await settle(pilot)
        area = report.session.draft.programme.omraden[0].id
        before = [i["_id"] for i in report.session.draft.items("insatser", area)]
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press(*"Flytta insatsen ned")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        after = [i["_id"] for i in report.session.draft.items("insatser", area)]
        assert after != before and sorted(after) == sorted(before)


async def test_f1_on_the_start_screen_and_themes_in_swedish(
    app_factory: Callable[..., RspApp], example_draft: Path
) -> None:
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        assert isinstance(app.screen, StartScreen)
        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(app.screen, KeysDialog)
        assert any(what == "Ny rapport" for _, what, _ in app.screen.rows)
        await pilot.press("escape")
        await settle(pilot)
        app.action_change_theme()
        await settle(pilot)
        await pilot.pause(0.3)
        listed = app.screen.query_one(CommandList)
        titles = [str(listed.get_option_at_index(n).prompt).split("\n")[0]
                  for n in range(listed.option_count)]
        assert [t.split()[0] for t in titles] == ["Mörkt", "Ljust", "Hög"]
        await pilot.press(*"hög", "enter")
        await settle(pilot)
        assert app.theme == HIGH_CONTRAST.name
        await pilot.press("ctrl+p", *"xyzzy")
        await pilot.pause(0.8)
        texts = [str(o.prompt) for o in app.screen.query_one(CommandList).options]
        assert any("Inga träffar" in t for t in texts), texts


def screen_text(app: RspApp) -> str:
    """The screen as plain text, as a terminal would show it."""
    import io

    from rich.console import Console

    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), record=True)
    console.print(
        app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    )
    return console.export_text()


async def test_marks_read_x_or_blank_without_colour(
    app_factory: Callable[..., RspApp], example_draft: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = app_factory(example_draft)
    async with app.run_test(size=(100, 30)) as pilot:
        report = app.screen
        assert isinstance(report, ReportScreen)
        await report.show_part("omrade:o1")
        await settle(pilot)
        report.query(GoalList).first().focus()
        await settle(pilot)
        text = screen_text(app)
        area = report.session.draft.programme.omraden[0].id
        chosen = report.session.draft.items("insatser", area)[0]["mal"]["codes"]
        for goal in report.session.draft.programme.all_goals()[:3]:
            box = "[x]" if goal.code in chosen else "[ ]"
            assert f"{box} {goal.code} " in text, (goal.code, text)
        assert "▐X▌" not in text


async def test_under_80_columns_the_sidebar_hides_and_quitting_shows_first(
    app_factory: Callable[..., RspApp], example_draft: Path
) -> None:
    app = app_factory(example_draft)
    async with app.run_test(size=(70, 24)) as pilot:
        report = app.screen
        assert isinstance(report, ReportScreen)
        await settle(pilot)
        sidebar = report.query_one("#sidebar")
        assert not sidebar.display
        assert screen_text(app).splitlines()[-1].startswith("^q Avsluta")
        await pilot.press("ctrl+b")
        await settle(pilot)
        assert sidebar.display and app.focused is report.query_one("#parts")
        await pilot.press("ctrl+b")
        await settle(pilot)
        assert not sidebar.display


async def test_question_mark_is_typed_in_a_field_and_opens_the_keys_elsewhere(
    app_factory: Callable[..., RspApp], example_draft: Path
) -> None:
    app = app_factory(example_draft)
    async with app.run_test(size=(100, 30)) as pilot:
        report = app.screen
        assert isinstance(report, ReportScreen)
        await report.show_part("q2")
        await settle(pilot)
        before = report.session.draft.answers["q2"]
        await pilot.press("end", "question_mark")
        await settle(pilot)
        assert app.screen is report
        await pilot.press("f2")  # the list of parts: nothing is typed there
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, KeysDialog)
        await pilot.press("escape")
        await settle(pilot)
        after = report.session.draft.answers["q2"]
        assert after.count("?") == before.count("?") + 1 and len(after) == len(before) + 1
