"""Every keystroke lands where the user sees it (issue 12): one test per defect seen.

1. Coming back to a part: focus returns to the field the user left, and it is on screen.
2. Fråga 6, Annat: focus does not move silently; the next Tab reaches the box for the text.
3. Programmet: a new område or mål is focused and on screen.
4. Alt+D keeps focus on the list; Delete then acts on the list.
5. Tab after a choice lands on a field that is on screen.
6. The help pane names the new insats after Ctrl+N.
7. A stale highlight of the list never loads another insats under the user's fingers; a short
   choice is made with one key, no menu to wait for.
8. Changing the region says what happens to the programme, and `check` warns.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import DataTable, Input, Select

from rsp_tui.drafts import load_draft, new_draft, save_draft
from rsp_tui.drafts.paths import AnswerPath, CellPath, InsatsPath, YearPath
from rsp_tui.forms import load_form
from rsp_tui.forms.schema import ChoiceField, TableQuestion
from rsp_tui.tui.app import RspApp
from rsp_tui.tui.dialogs.confirm import ConfirmDialog
from rsp_tui.tui.screens.report import ReportScreen
from rsp_tui.tui.widgets.choice import InlineChoice
from rsp_tui.tui.widgets.fields import FieldBox
from rsp_tui.tui.widgets.insatser import InsatserView
from rsp_tui.tui.widgets.part_view import PartView
from rsp_tui.validation import validate
from tests.narrow import of_kind, question_of

from .driving import focused_box, settle, spy_notifications, type_text


def on_screen(widget: Widget | None) -> bool:
    """`widget` is inside the visible part of the part view that holds it."""
    assert widget is not None
    view = next(a for a in widget.ancestors if isinstance(a, PartView))
    shown = view.content_region
    region = widget.region
    return region.height > 0 and shown.contains_region(region)


def help_text(report: ReportScreen) -> str:
    return str(report.help_pane.query_one("#help-text").render())


async def go_to(pilot: Pilot[None], key: str) -> ReportScreen:
    report = pilot.app.screen
    assert isinstance(report, ReportScreen)
    while report.current_key != key:
        await pilot.press("f4")
    await pilot.pause()
    return report


async def tab_to(pilot: Pilot[None], path: AnswerPath, limit: int = 80) -> Widget:
    for _ in range(limit):
        focused = pilot.app.focused
        box = focused_box(focused)
        if focused is not None and box is not None and box.path == path:
            return focused
        await pilot.press("tab")
        await pilot.pause()
    raise AssertionError(f"Tab never reached {path}")


async def test_1_return_to_a_part_restores_focus_and_shows_it(
    app_factory: Callable[..., RspApp], example_draft: Path
) -> None:
    app = app_factory(example_draft)
    async with app.run_test(size=(100, 30)) as pilot:
        report = await go_to(pilot, "q1")
        rows = of_kind(load_form().sections[1].questions[0], TableQuestion).rows
        path = CellPath("q1", rows[2].id, "kommentar")
        await tab_to(pilot, path)
        await type_text(pilot, " X")
        await pilot.press("f4", "f3")
        await pilot.pause()
        assert report.current_key == "q1"
        box = focused_box(app.focused)
        assert box is not None and box.path == path
        assert on_screen(app.focused)
        await type_text(pilot, "Y")
        await pilot.press("ctrl+s")
    saved = load_draft(example_draft).draft.get(path)
    assert " XY" in str(saved)


def new_report_at_q6(
    drafts_folder: Path,
) -> tuple[Path, TableQuestion, ChoiceField, CellPath]:
    """A new, empty report; Fråga 6, its choice column and that cell's path in the first row."""
    form = load_form()
    path = drafts_folder / "ny.toml"
    drafts_folder.mkdir(parents=True, exist_ok=True)
    save_draft(new_draft(form, "Jämtland Härjedalen", 2023), path)
    q6 = question_of(form, "q6", TableQuestion)
    column = next(c for c in q6.columns if isinstance(c, ChoiceField))
    return path, q6, column, CellPath("q6", q6.rows[0].id, column.id)


async def test_2_choosing_annat_keeps_focus_and_tab_reaches_its_box(
    app_factory: Callable[..., RspApp], drafts_folder: Path
) -> None:
    path, _q6, column, choice_path = new_report_at_q6(drafts_folder)
    app = app_factory(path)
    async with app.run_test(size=(100, 30)) as pilot:
        report = await go_to(pilot, "q6")
        choice = await tab_to(pilot, choice_path)
        assert isinstance(choice, InlineChoice)
        await pilot.press(str(len(column.options) + 1))  # Annat (skriv nedan)
        await pilot.pause()
        assert app.focused is choice  # no silent move
        assert "skriv vad det är i rutan Skriv här" in help_text(report)
        await pilot.press("tab")
        other = app.focused
        assert isinstance(other, Input) and other.has_class("field-other")
        assert on_screen(other)
        await type_text(pilot, "Ett eget steg")
        await pilot.press("ctrl+s")
    assert load_draft(path).draft.get(choice_path) == "Ett eget steg"


async def test_3_a_new_omrade_or_mal_is_focused_on_screen(
    app_factory: Callable[..., RspApp], example_draft: Path
) -> None:
    app = app_factory(example_draft)
    async with app.run_test(size=(100, 30)) as pilot:
        report = await go_to(pilot, "programmet")
        for _ in range(60):
            if getattr(app.focused, "id", "") == "add-goal-1":
                break
            await pilot.press("tab")
        await pilot.press("enter")
        await pilot.pause()
        assert getattr(app.focused, "id", "") == "g1-2-text"
        assert on_screen(app.focused)
        await type_text(pilot, "Nytt mål")
        for _ in range(60):
            if getattr(app.focused, "id", "") == "add-area":
                break
            await pilot.press("tab")
        await pilot.press("enter")
        await pilot.pause()
        count = len(report.session.draft.programme.omraden)
        assert getattr(app.focused, "id", "") == f"a{count - 1}-title"
        assert on_screen(app.focused)
        await type_text(pilot, "Nytt område")
    programme = report.session.draft.programme
    assert programme.omraden[1].mal[2].text == "Nytt mål"
    assert programme.omraden[-1].title == "Nytt område"


async def test_4_duplicate_keeps_focus_on_the_list(
    app_factory: Callable[..., RspApp], example_draft: Path
) -> None:
    app = app_factory(example_draft)
    async with app.run_test(size=(100, 30)) as pilot:
        report = await go_to(pilot, "omrade:o1")
        view = report.host.query_one(InsatserView)
        await pilot.press("enter")  # into the first insats' fields
        assert focused_box(app.focused) is not None
        await pilot.press("alt+d")
        await pilot.pause()
        assert isinstance(app.focused, DataTable)
        assert view.table.cursor_row == 1 and len(view.items) == 7
        await pilot.press("delete")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)  # the list's Delete, not a text's


async def test_5_tab_after_a_choice_lands_on_screen(
    app_factory: Callable[..., RspApp], example_draft: Path
) -> None:
    app = app_factory(example_draft)
    async with app.run_test(size=(80, 24)) as pilot:
        await go_to(pilot, "q6")
        seen = 0
        for _ in range(40):
            widget = app.focused
            if isinstance(widget, InlineChoice):
                await pilot.press("right")
                await pilot.press("tab")
                await pilot.pause()
                assert on_screen(app.focused), f"Tab after a choice: {app.focused} off screen"
                seen += 1
            else:
                await pilot.press("tab")
                await pilot.pause()
            if focused_box(app.focused) is None:
                break
        assert seen >= 3


async def test_6_help_names_the_new_insats_after_ctrl_n(
    app_factory: Callable[..., RspApp], example_draft: Path
) -> None:
    app = app_factory(example_draft)
    async with app.run_test(size=(100, 30)) as pilot:
        report = await go_to(pilot, "omrade:o1")
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert help_text(report).startswith("Insats 7 ›")
        await pilot.press("ctrl+n")  # focus stays in the same first field: no focus event
        await pilot.pause()
        assert help_text(report).startswith("Insats 8 ›")


async def test_7_a_stale_highlight_never_switches_the_insats(
    app_factory: Callable[..., RspApp], example_draft: Path
) -> None:
    """After Ctrl+N the list was rebuilt; the highlight messages of the rebuild arrive later.
    One of them (row 1) used to load insats 1 into the editor while the user was marking the
    new insats: the marks went to insats 1 and vanished from the new one."""
    app = app_factory(example_draft)
    async with app.run_test(size=(100, 30)) as pilot:
        report = await go_to(pilot, "omrade:o1")
        view = report.host.query_one(InsatserView)
        first_marks = list(view.items[0].get("serviceslag", []))
        await pilot.press("ctrl+n")
        new_id = view.current_id
        table = view.table
        first_key = next(iter(table.rows))
        view.post_message(DataTable.RowHighlighted(table, 0, first_key))  # a late message
        await pilot.pause()
        assert view.current_id == new_id
        assert all(
            isinstance(box.path, InsatsPath) and box.path.item == new_id
            for box in view.query(FieldBox)
        )
        await pilot.press("tab", "tab", "tab", "tab")  # to the marks of serviceslag
        await pilot.press("space")
        await pilot.press("ctrl+s")
    items = load_draft(example_draft).draft.items("insatser", "o1")
    assert items[-1]["serviceslag"] == ["Dagligvaror"]
    assert items[0]["serviceslag"] == first_marks  # insats 1 untouched


async def test_7_short_choices_are_inline_and_take_one_key(
    app_factory: Callable[..., RspApp], example_draft: Path
) -> None:
    app = app_factory(example_draft)
    async with app.run_test(size=(100, 30)) as pilot:
        await go_to(pilot, "q1")
        choice = app.focused
        assert isinstance(choice, InlineChoice)
        path = of_kind(focused_box(choice), FieldBox).path
        await pilot.press("1", "tab")  # the choice and the comment, at once
        await type_text(pilot, "efter valet")
        await pilot.press("ctrl+s")
    draft = load_draft(example_draft).draft
    assert isinstance(path, CellPath)
    assert draft.get(path) == "Minskar"
    comment = CellPath(path.question, path.row, "kommentar")
    assert str(draft.get(comment)).startswith("efter valet")  # at its start


async def test_8_region_change_keeps_the_programme_and_check_warns(
    app_factory: Callable[..., RspApp], example_draft: Path
) -> None:
    app = app_factory(example_draft)
    notes = spy_notifications(app)
    async with app.run_test(size=(100, 30)) as pilot:
        report = app.screen
        assert isinstance(report, ReportScreen)
        box = report.host.query_one("#report-region", FieldBox)
        box.query_one(Select).value = "Västernorrland"  # as the menu does
        await pilot.pause()
        assert report.session.draft.region == "Västernorrland"
        assert report.session.draft.programme.region == "Jämtland Härjedalen"
        assert any("programmet från Jämtland Härjedalen behålls" in m for m, _ in notes)
        await pilot.press("ctrl+s")
    draft = load_draft(example_draft).draft
    messages = [p.message for p in validate(load_form(), draft).problems]
    assert any("programmet är Region Jämtland Härjedalens" in m for m in messages)


async def test_8_region_change_offers_the_new_regions_programme(
    app_factory: Callable[..., RspApp], drafts_folder: Path
) -> None:
    form = load_form()
    path = drafts_folder / "ny.toml"
    drafts_folder.mkdir(parents=True, exist_ok=True)
    save_draft(new_draft(form, "Västernorrland", 2023), path)
    app = app_factory(path)
    async with app.run_test(size=(100, 30)) as pilot:
        report = app.screen
        assert isinstance(report, ReportScreen)
        box = report.host.query_one("#report-region", FieldBox)
        box.query_one(Select).value = "Jämtland Härjedalen"
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("tab", "enter")  # Byt program
        await pilot.pause()
        assert report.session.draft.programme.region == "Jämtland Härjedalen"
        assert "omrade:o1" in report.keys
        await pilot.press("ctrl+s")
    draft = load_draft(path).draft
    assert draft.region == "Jämtland Härjedalen"
    assert len(draft.programme.omraden) == 3


async def test_7_keys_typed_before_a_menu_opens_land_in_it(
    app_factory: Callable[..., RspApp], example_draft: Path
) -> None:
    """The regions stay a menu (21 options): Enter, ↓, Enter typed in one burst choose the
    next region, and the Tab after it moves on from the Select, not from the hidden menu."""
    from textual import events

    app = app_factory(example_draft)
    async with app.run_test(size=(100, 30)) as pilot:
        report = app.screen
        assert isinstance(report, ReportScreen)
        assert isinstance(app.focused, Select)
        regions = report.regions
        expected = regions[regions.index(report.session.draft.region) + 1]
        for key in ("enter", "down", "enter", "tab"):
            app.post_message(events.Key(key, None))
        await pilot.pause()
        await pilot.pause()
        assert report.session.draft.region == expected
        box = focused_box(app.focused)
        assert box is not None and box.path == YearPath()


async def test_2_annat_tab_and_its_text_typed_in_a_burst_land_in_its_box(
    app_factory: Callable[..., RspApp], drafts_folder: Path
) -> None:
    """The number of Annat, Tab and the text, sent before the app has laid the screen out
    again: Textual orders the focus chain by position on screen, and the box just shown had
    none yet, so Tab skipped it and the text landed in the next field (the robot user)."""
    from textual import events

    path, q6, column, choice_path = new_report_at_q6(drafts_folder)
    row = q6.rows[0]
    first = q6.columns[0]
    after = q6.columns[q6.columns.index(column) + 1]
    app = app_factory(path)
    async with app.run_test(size=(100, 30)) as pilot:
        report = pilot.app.screen
        assert isinstance(report, ReportScreen)
        await go_to(pilot, report.keys[report.keys.index("q6") - 1])
        # F4 to the part, its first field, the choice, its box, the next field: all at once.
        keys = ["f4", *"Rad", "tab", str(len(column.options) + 1), "tab", *"Eget steg"]
        keys += ["tab", *"Sedan"]
        for key in keys:
            name = "space" if key == " " else key
            app.post_message(events.Key(name, key if len(key) == 1 else None))
        await settle(pilot)
        await pilot.press("ctrl+s")
    draft = load_draft(path).draft
    assert draft.get(CellPath("q6", row.id, first.id)) == "Rad"
    assert draft.get(choice_path) == "Eget steg"
    assert draft.get(CellPath("q6", row.id, after.id)) == "Sedan"


async def test_7_marks_typed_in_a_burst_are_all_kept(
    app_factory: Callable[..., RspApp], example_draft: Path
) -> None:
    """Space ↓ Space in the list of mål and Space ↓ ↓ Space in serviceslag, typed faster than
    the app handles them (a busy machine): Textual toggled the option highlighted when its
    message arrived, so the second option was toggled twice and the first never."""
    from textual import events

    app = app_factory(example_draft)
    async with app.run_test(size=(100, 30)) as pilot:
        report = await go_to(pilot, "omrade:o1")
        view = report.host.query_one(InsatserView)
        await pilot.press("ctrl+n")
        keys = ["tab", " ", "down", " ", "tab", "x", "tab", "tab", " ", "down", "down", " "]
        for key in keys:
            name = "space" if key == " " else key
            app.post_message(events.Key(name, key if len(key) == 1 else None))
        for _ in range(4):
            await pilot.pause()
        item = view.items[-1]
    assert item["mal"] == {"codes": ["1.1", "1.2"], "other": "x"}
    assert item["serviceslag"] == ["Dagligvaror", "Ombud för posttjänst, betaltjänst eller apotek"]
