"""A whole report with key presses only: create, answer every part, quit, reopen, compare."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.widgets import Button

from rsp_tui.drafts import load_draft
from rsp_tui.drafts.paths import AnswerPath
from rsp_tui.tui.app import RspApp
from rsp_tui.tui.screens.report import ReportScreen
from rsp_tui.tui.screens.start import StartScreen
from rsp_tui.tui.widgets.fields import FieldBox
from rsp_tui.tui.widgets.insatser import InsatserView
from rsp_tui.tui.widgets.review import REVIEW_KEY

from .driving import Answerer, settle, type_text


async def test_new_report_answered_with_keys_only_survives_quit_and_reopen(
    app_factory: Callable[..., RspApp], drafts_folder: Path
) -> None:
    app = app_factory()
    answers: Answerer
    new_goal = "Ökad tillgänglighet till paketombud."
    async with app.run_test(size=(100, 30)) as pilot:
        answers = Answerer(pilot)
        await settle(pilot)
        assert isinstance(app.screen, StartScreen)

        # Ny rapport: search the region, accept the suggested year (2023, from the clock).
        await pilot.press("n")
        await type_text(pilot, "jämt")
        await pilot.press("enter", "enter")
        await pilot.pause()
        report = app.screen
        assert isinstance(report, ReportScreen)
        assert report.session.draft.region == "Jämtland Härjedalen"
        assert report.session.draft.year == 2023

        areas_done = 0
        for key in report.keys:
            assert report.current_key == key
            host = report.host
            if key == "programmet":
                # A new goal for område 1: Tab to its "Nytt mål" button, Enter, type the text.
                for _ in range(40):
                    focused = app.focused
                    if isinstance(focused, Button) and focused.id == "add-goal-0":
                        break
                    await pilot.press("tab")
                await pilot.press("enter")
                await pilot.pause()
                await type_text(pilot, new_goal)
            elif key.startswith("omrade:"):
                if areas_done < 2:
                    view = host.query_one(InsatserView)
                    for _ in range(2):
                        await pilot.press("ctrl+n")
                        await pilot.pause()
                        editor = view.query_one("#insats-editor")
                        assert await answers.answer_all(editor) == len(view.question.fields) + 1
                    assert len(view.items) == 2
                    areas_done += 1
            elif key != REVIEW_KEY:
                assert await answers.answer_all(host) > 0
            await pilot.press("f4")
            await pilot.pause()
        assert report.current_key == REVIEW_KEY
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code == 0

    files = sorted(drafts_folder.glob("*.toml"))
    assert [f.name for f in files] == ["jamtland-harjedalen-2023.toml"]
    draft = load_draft(files[0]).draft
    assert len(answers.expected) > 60
    for path, value in answers.expected.items():
        assert draft.get(path) == value, path
    assert draft.programme.omraden[0].mal[-1].text == new_goal
    assert draft.programme.omraden[0].mal[-1].code == "1.4"
    assert [len(draft.items("insatser", a.id)) for a in draft.programme.omraden] == [2, 2, 0]

    # Start again: the draft is first in the list, Enter resumes it, and the widgets show
    # every answer.
    again = app_factory()
    async with again.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await pilot.pause()
        report = again.screen
        assert isinstance(report, ReportScreen)
        shown: dict[AnswerPath | None, object] = {}
        for key in report.keys[:-1]:
            await report.show_part(key)
            for view in report.host.query(InsatserView):
                for item in view.items:
                    view.load(item["_id"])
                    shown.update({box.path: box.read() for box in view.query(FieldBox)})
            shown.update({box.path: box.read() for box in report.host.query(FieldBox)})
        for path, value in answers.expected.items():
            assert shown.get(path) == value, path
