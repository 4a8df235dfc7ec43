"""The app at 80×24 and without colour: nothing cut off, empty fields and focus visible in
letters, plain Swedish, and the exported document easy to find."""

from __future__ import annotations

import os
import shutil
import stat
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widget import Widget
from textual.widgets import Input, Label

from rsp_tui.tui.app import RspApp
from rsp_tui.tui.dialogs.new_report import NewReportDialog
from rsp_tui.tui.screens.report import ReportScreen
from rsp_tui.tui.screens.start import StartScreen
from rsp_tui.tui.widgets.fields import FieldBox
from rsp_tui.tui.widgets.inputs import RspTextArea
from rsp_tui.tui.widgets.review import ReviewView
from tests.narrow import of_kind

from .driving import settle, type_text
from .test_accessibility import screen_text


async def test_long_labels_wrap_at_80x24(
    app_factory: Callable[..., RspApp], example_draft: Path
) -> None:
    app = app_factory(example_draft)
    async with app.run_test(size=(80, 24)) as pilot:
        report = app.screen
        assert isinstance(report, ReportScreen)
        await report.show_part("omrade:o1")
        await settle(pilot)
        assert "Fortsätter" in screen_text(app)  # the insats list's status column is whole
        box = next(b for b in report.query(FieldBox) if "medellång" in b.label_text)
        label = box.query_one(".field-label", Label)
        box.query(RspTextArea).first().focus()
        await settle(pilot)
        assert label.size.height >= 2  # wrapped, not cut off at the edge
        text = " ".join(screen_text(app).split())
        assert "effekter på kort, medellång och lång sikt" in text


async def test_empty_fields_show_in_letters_without_colour(
    app_factory: Callable[..., RspApp], example_draft: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = app_factory(example_draft)
    async with app.run_test(size=(80, 24)) as pilot:
        report = app.screen
        assert isinstance(report, ReportScreen)
        await report.show_part("omrade:o1")
        await settle(pilot)
        area = report.query(RspTextArea).first()
        area.focus()
        await settle(pilot)
        area.text = ""
        await settle(pilot)
        assert "(tomt)" in screen_text(app)


async def test_tab_after_choosing_the_region_goes_to_the_year(
    app_factory: Callable[..., RspApp],
) -> None:
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, NewReportDialog)
        await type_text(pilot, "jämt")
        await pilot.press("tab")
        await settle(pilot)
        assert dialog.chosen_region == "Jämtland Härjedalen"
        assert isinstance(app.focused, Input) and app.focused.id == "year"
        # from the list too: arrows choose, Tab goes to the year
        await pilot.press("shift+tab", "shift+tab", "down", "tab")
        await settle(pilot)
        assert app.focused is not None and app.focused.id == "year"


async def test_programme_fields_keep_their_labels(
    app_factory: Callable[..., RspApp], example_draft: Path
) -> None:
    app = app_factory(example_draft)
    async with app.run_test(size=(80, 24)) as pilot:
        report = app.screen
        assert isinstance(report, ReportScreen)
        await report.show_part("programmet")
        await settle(pilot)
        labels = [str(lbl.render()) for lbl in report.query(".programme-field-label")]
        assert "Nummer" in labels and "Kod" in labels
        code = report.query_one("#g0-0-code", Input)
        code.focus()
        await settle(pilot)
        assert code.styles.text_style.underline  # focus shows without colour
        # the label sits on the field's line, before it
        label = of_kind(code.parent, Widget).query_one(".programme-field-label", Label)
        assert str(label.render()) == "Kod"
        assert code.region.width > 0 and label.region.width > 0
        assert label.region.y == code.region.y and label.region.right <= code.region.x


def _fake_opener(tmp_path: Path) -> tuple[Path, Path]:
    log = tmp_path / "opened.txt"
    script = tmp_path / "opener.sh"
    script.write_text(f'#!/bin/sh\nprintf "%s\\n" "$1" >> "{log}"\n')
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return script, log


@pytest.mark.skipif(sys.platform == "win32", reason="a shell script stands in for the opener")
async def test_open_the_exported_document_and_its_folder(
    app_factory: Callable[..., RspApp],
    example_draft: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    script, log = _fake_opener(tmp_path)
    monkeypatch.setenv("RSP_TUI_OPENER", str(script))
    app = app_factory(example_draft)
    async with app.run_test(size=(80, 24)) as pilot:
        report = app.screen
        assert isinstance(report, ReportScreen)
        await report.action_review()
        await settle(pilot)
        review = report.query_one(ReviewView)
        assert not review.query_one("#export-open").display
        review.export(draft_mode=True)
        for _ in range(400):
            await settle(pilot)
            if review.exported is not None:
                break
            await pilot.pause(0.05)
        assert review.exported is not None and review.exported.exists()
        assert review.query_one("#export-open").display
        await settle(pilot)  # the result's buttons are scrolled into view after layout
        await pilot.click("#open-document")
        await pilot.click("#open-folder")
        for _ in range(200):
            if log.exists() and len(log.read_text().splitlines()) == 2:
                break
            await pilot.pause(0.05)
        assert log.read_text().splitlines() == [
            str(review.exported),
            str(review.exported.parent),
        ]


def test_a_missing_opener_gives_a_swedish_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rsp_tui import opener

    doc = tmp_path / "rapport.docx"
    doc.write_bytes(b"x")
    monkeypatch.delenv("RSP_TUI_OPENER", raising=False)
    monkeypatch.setattr(sys, "platform", "linux")  # the module opener reads
    monkeypatch.setattr(shutil, "which", lambda name: None)
    message = opener.open_path(doc)
    assert message is not None
    assert "xdg-open finns inte" in message and str(tmp_path) in message
    assert opener.open_path(tmp_path / "borta.docx") is not None
    monkeypatch.setenv("RSP_TUI_OPENER", str(tmp_path / "finns-inte"))
    message = opener.open_path(doc)
    assert message is not None and message.startswith("Kan inte öppna rapport.docx")
    assert os.environ["RSP_TUI_OPENER"]  # the override was used, not xdg-open


async def test_start_screen_footer_shows_quit_at_60_columns(
    app_factory: Callable[..., RspApp], example_draft: Path
) -> None:
    app = app_factory()
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, StartScreen)
        last = screen_text(app).rstrip("\n").splitlines()[-1]
        assert "Avsluta" in last, last


async def test_start_screen_lists_the_exported_documents(
    app_factory: Callable[..., RspApp], example_draft: Path
) -> None:
    (example_draft.with_name(example_draft.stem + "-utkast.docx")).write_bytes(b"x")
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        start = app.screen
        assert isinstance(start, StartScreen)
        row = start.rows[str(example_draft)]
        assert row.documents == (example_draft.with_name(example_draft.stem + "-utkast.docx"),)
        assert "utkast" in [str(c) for c in start.table.get_row(str(example_draft))]
        assert "Utkast till dokument:" in screen_text(app)
        detail = str(start.query_one("#draft-detail").render())
        assert f"Utkast till dokument: {row.documents[0]} (exporterat " in detail


def test_path_completion(tmp_path: Path) -> None:
    from rsp_tui.tui.path_suggester import complete_path

    (tmp_path / "gotland-2024.toml").write_text("")
    (tmp_path / "gotland-2024.docx").write_text("")
    (tmp_path / "arkiv").mkdir()
    assert complete_path("got", tmp_path) == "gotland-2024.toml"
    assert complete_path("ark", tmp_path) == f"arkiv{os.sep}"
    assert complete_path(f"{tmp_path}{os.sep}gotland-2024.d", tmp_path) == (
        f"{tmp_path}{os.sep}gotland-2024.docx"
    )
    assert complete_path("xyz", tmp_path) is None
    assert complete_path(f"{tmp_path}{os.sep}finns-inte{os.sep}a", tmp_path) is None


async def test_open_file_dialog_completes_the_path(
    app_factory: Callable[..., RspApp], example_draft: Path
) -> None:
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        await type_text(pilot, "jam")
        field = app.screen.query_one("#open-path", Input)
        for _ in range(100):  # the suggestion is looked up in a worker
            await settle(pilot)
            if field._suggestion:
                break
            await pilot.pause(0.02)
        await pilot.press("right")
        await settle(pilot)
        assert field.value == example_draft.name
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReportScreen)
