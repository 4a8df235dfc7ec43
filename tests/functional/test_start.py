"""The start screen: drafts newest first with region, year, last saved and completeness;
unreadable drafts listed with their error and never written; opening by path."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

from textual.widgets import DataTable

from rsp_tui.drafts import load_draft, save_draft
from rsp_tui.tui.app import RspApp
from rsp_tui.tui.dialogs.open_draft import OpenDraftDialog
from rsp_tui.tui.dialogs.open_failed import OpenFailedDialog
from rsp_tui.tui.screens.report import ReportScreen
from rsp_tui.tui.screens.start import StartScreen
from rsp_tui.validation import validate

from .driving import settle, type_text


def make_drafts(folder: Path, example: Path) -> tuple[Path, Path, Path]:
    """An older draft, a newer one, and a file cut short."""
    folder.mkdir(parents=True, exist_ok=True)
    old = folder / "aldre.toml"
    loaded = load_draft(example)
    draft = loaded.draft
    draft.year = 2022
    draft.answers.pop("q2")
    draft.updated = draft.updated.replace(year=2023)
    save_draft(draft, old, touch=False)
    new = folder / "nyare.toml"
    shutil.copy(example, new)
    broken = folder / "trasig.toml"
    broken.write_bytes(example.read_bytes()[:-200])
    os.utime(broken, (1_600_000_000, 1_600_000_000))
    return old, new, broken


async def test_drafts_newest_first_and_unreadable_ones_left_alone(
    app_factory: Callable[..., RspApp], example_draft: Path, drafts_folder: Path
) -> None:
    example = example_draft.with_name("exempel.bin")
    example_draft.rename(example)
    old, new, broken = make_drafts(drafts_folder, example)
    broken_bytes = broken.read_bytes()
    loaded = load_draft(old)
    old_done = f"{round(validate(loaded.form, loaded.draft).completeness * 100)} %"
    assert old_done != "100 %"
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        start = app.screen
        assert isinstance(start, StartScreen)
        table = start.query_one("#drafts", DataTable)
        rows = [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]
        assert rows == [
            ["Jämtland Härjedalen", "2023", "2024-01-25 14:30", "100 %", "–", "nyare.toml"],
            ["Jämtland Härjedalen", "2022", "2023-01-25 14:30", old_done, "–", "aldre.toml"],
            ["kan inte läsas", "", rows[2][2], "", "", "trasig.toml"],
        ]
        await pilot.press("down", "down")
        detail = str(start.query_one("#draft-detail").render())
        assert "Utkastet kan inte öppnas" in detail and "kontrollsumma" in detail
        await pilot.press("enter")  # refused, with the reason; the file is not touched
        assert isinstance(app.screen, StartScreen)

        await pilot.press("up", "enter")  # one key resumes the highlighted draft
        await pilot.pause()
        report = app.screen
        assert isinstance(report, ReportScreen)
        assert report.session.path == old
        assert report.current_key == "q2"  # the first part with work left in it
        await pilot.press("ctrl+q")
    assert broken.read_bytes() == broken_bytes
    assert not broken.with_name(broken.name + ".bak").exists()


async def test_open_by_path(
    app_factory: Callable[..., RspApp], example_draft: Path, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "annan-mapp" / "rapport.toml"
    elsewhere.parent.mkdir()
    shutil.move(example_draft, elsewhere)
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("o")
        dialog = app.screen
        assert isinstance(dialog, OpenDraftDialog)
        await type_text(pilot, str(elsewhere.with_name("finns-inte.toml")))
        await pilot.press("enter")
        assert "filen finns inte" in str(dialog.query_one("#open-error").render())
        await pilot.press("ctrl+u")
        await type_text(pilot, str(elsewhere))
        await pilot.press("enter")
        await pilot.pause()
        report = app.screen
        assert isinstance(report, ReportScreen)
        assert report.session.path == elsewhere


async def test_file_given_on_the_command_line(
    app_factory: Callable[..., RspApp], example_draft: Path, drafts_folder: Path
) -> None:
    app = app_factory(example_draft)
    async with app.run_test(size=(100, 30)) as pilot:
        assert isinstance(app.screen, ReportScreen)
        await pilot.press("ctrl+q")

    missing = drafts_folder / "saknas.toml"
    app = app_factory(missing)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, OpenFailedDialog)  # says why, over the start screen
        message = str(dialog.query_one("#open-failed-message").render())
        assert f"{missing}: filen finns inte" in message and "Filen lämnas orörd" in message
        await pilot.press("enter")  # Till startskärmen
        assert isinstance(app.screen, StartScreen)
        assert not missing.exists()
