"""Moving around: the sidebar by key and by mouse, next and previous part, the command palette
(Gå till del …, Kontrollera, Spara, Byt tema) and the Footer."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.command import CommandPalette
from textual.widgets import Footer

from rsp_tui.tui.app import RspApp
from rsp_tui.tui.screens.report import ReportScreen
from rsp_tui.tui.widgets.insatser import InsatserView
from rsp_tui.tui.widgets.review import REVIEW_KEY
from tests.narrow import of_kind

from .driving import settle, type_text


async def test_sidebar_next_previous_and_mouse(
    app_factory: Callable[..., RspApp], example_draft: Path
) -> None:
    app = app_factory(example_draft)
    async with app.run_test(size=(100, 30)) as pilot:
        report = app.screen
        assert isinstance(report, ReportScreen)
        assert report.keys == [
            "rapport", "q1", "q2", "q3", "q4", "q5", "q6", "programmet",
            "omrade:o1", "omrade:o2", "omrade:o3", REVIEW_KEY,
        ]  # fmt: skip
        states = {key: report.part_list.state(key) for key in report.keys[:-1]}
        assert set(states.values()) == {"klar"}

        await pilot.press("f2", "down", "down", "down", "enter")
        assert report.current_key == "q3"
        await pilot.press("f4", "f4")
        assert report.current_key == "q5"
        await pilot.press("f3")
        assert report.current_key == "q4"
        await pilot.press("f3", "f3", "f3", "f3", "f3")
        assert report.current_key == "rapport"  # stays at the first part

        # The mouse: a click on Område 2 in the sidebar, then on the "Ny insats" button.
        index = report.keys.index("omrade:o2")
        await pilot.click("#parts", offset=(4, index))
        for _ in range(100):  # the part switch finishes after the click (slowly when busy)
            if report.current_key == "omrade:o2":
                break
            await settle(pilot)
        assert report.current_key == "omrade:o2"
        await settle(pilot)
        view = report.host.query_one(InsatserView)
        count = len(view.items)
        await pilot.click("#insats-add")
        await settle(pilot)
        assert len(view.items) == count + 1
        assert app.focused is not None and app.focused.parent is not None


async def test_command_palette_in_swedish(
    app_factory: Callable[..., RspApp], example_draft: Path
) -> None:
    app = app_factory(example_draft)
    async with app.run_test(size=(100, 30)) as pilot:
        report = of_kind(app.screen, ReportScreen)
        titles = [c.title for c in app.get_system_commands(report)]
        assert titles == [
            "Gå till del …", "Kontrollera", "Exportera", "Spara", "Till startskärmen",
            "Nästa del", "Föregående del", "Visa eller dölj hjälpen", "Visa eller dölj delarna",
            "Ny insats", "Duplicera insatsen", "Flytta insatsen upp", "Flytta insatsen ned",
            "Byt tema", "Tangentbord", "Avsluta",
        ]  # fmt: skip

        await pilot.press("ctrl+p")
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        await type_text(pilot, "gå till")
        await pilot.press("enter")
        await pilot.pause()
        await type_text(pilot, "personal")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is report and report.current_key == "q3"

        await pilot.press("ctrl+p")
        await type_text(pilot, "kontrollera")
        await pilot.press("enter")
        await pilot.pause()
        assert report.current_key == REVIEW_KEY

        theme = app.theme
        await pilot.press("ctrl+p")
        await type_text(pilot, "byt tema")
        await pilot.press("enter")
        await pilot.pause()
        await type_text(pilot, "hög kontrast")
        await pilot.press("enter")
        await pilot.pause()
        assert app.theme == "rsp-hog-kontrast" != theme
        await pilot.press("ctrl+q")

    # The theme chosen is the one the next start uses.
    app = app_factory(example_draft)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.theme == "rsp-hog-kontrast"
        await pilot.press("ctrl+q")


async def test_footer_shows_the_keys_of_the_part(
    app_factory: Callable[..., RspApp], example_draft: Path
) -> None:
    app = app_factory(example_draft)
    async with app.run_test(size=(100, 30)) as pilot:
        report = app.screen
        assert isinstance(report, ReportScreen)
        report.query_one(Footer)

        def shown() -> list[str]:
            return [
                b.binding.description
                for b in report.active_bindings.values()
                if b.binding.show
                and b.enabled
                and report.check_action(b.binding.action, ()) is not False
            ]

        assert {"Spara", "Föreg. del", "Nästa del", "Granska", "Avsluta"} <= set(shown())
        assert "Ny insats" not in shown()
        while report.current_key != "omrade:o1":
            await pilot.press("f4")
        assert "Ny insats" in shown()


async def test_help_pane_follows_focus(
    app_factory: Callable[..., RspApp], example_draft: Path
) -> None:
    app = app_factory(example_draft)
    async with app.run_test(size=(100, 30)) as pilot:
        report = app.screen
        assert isinstance(report, ReportScreen)

        def help_text() -> str:
            return str(report.help_pane.query_one("#help-text").render())

        await pilot.press("f4")  # question 1: its guidance belongs in the help pane
        assert help_text().startswith(
            "Fråga 1 › Investeringar kopplat till dagligvarubutiker › Bedömning\n"
            "Välj Minskar, Oförändrat eller Ökar."
        )
        assert "• om en stödtyp inte används eller inte prioriteras i ert län." in help_text()
        await pilot.press("tab")
        assert help_text().startswith(
            "Fråga 1 › Investeringar kopplat till dagligvarubutiker › Kommentar"
        )

        while report.current_key != "omrade:o1":
            await pilot.press("f4")
        await pilot.press("enter", "tab", "down")  # the second goal in the list of mål
        assert (
            "Markerat mål: 1.2 Öka allmänhetens medvetenhet för betydelsen av kommersiell"
            " service på landsbygderna." in help_text()
        )
        assert "Ange vilka mål i det regionala serviceprogrammet" in help_text()


async def test_a_draft_opens_where_the_user_left_off(
    app_factory: Callable[..., RspApp], example_draft: Path, tmp_path: Path
) -> None:
    """The part open when the app was closed comes back; a draft never opened starts at its
    first unfinished part (all are done in the example: the first part)."""
    app = app_factory(example_draft)
    async with app.run_test(size=(100, 30)) as pilot:
        report = app.screen
        assert isinstance(report, ReportScreen)
        assert report.current_key == "rapport"
        await pilot.press("f4", "f4", "f4")
        assert report.current_key == "q3"
        await pilot.press("ctrl+q")

    # What is remembered is the draft's path and a part key, nothing of the answers.
    record = (tmp_path / "tillstand" / "senast-oppnat.json").read_text(encoding="utf-8")
    assert str(example_draft.resolve()) in record and '"q3"' in record
    assert "Jämtland" not in record

    app = app_factory(example_draft)
    async with app.run_test(size=(100, 30)) as pilot:
        report = app.screen
        assert isinstance(report, ReportScreen)
        assert report.current_key == "q3"
        await pilot.press("ctrl+q")

    # A record that cannot be read is ignored (and replaced by the next part opened).
    (tmp_path / "tillstand" / "senast-oppnat.json").write_text("{trasig", encoding="utf-8")
    app = app_factory(example_draft)
    async with app.run_test(size=(100, 30)) as pilot:
        report = app.screen
        assert isinstance(report, ReportScreen)
        assert report.current_key == "rapport"
        await pilot.press("ctrl+q")
