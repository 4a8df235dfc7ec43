"""Year after year in the app: "Ny rapport från förra året" from the start screen, last year's
value shown beside a carried field until it is changed, the carried insats's note, and the
answers still identical to last year listed in Granska och exportera."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.widgets import OptionList, Static

from rsp_tui.drafts import load_draft
from rsp_tui.drafts.paths import AnswerPath, CellPath
from rsp_tui.rollover import CARRIED_KEY
from rsp_tui.tui.app import RspApp
from rsp_tui.tui.dialogs.rollover import RolloverDialog
from rsp_tui.tui.screens.report import ReportScreen
from rsp_tui.tui.widgets.fields import FieldBox
from rsp_tui.tui.widgets.review import REVIEW_KEY, ReviewView

from .driving import focused_box, settle, type_text


def _box(report: ReportScreen, path: AnswerPath) -> FieldBox:
    return next(b for b in report.host.query(FieldBox) if b.path == path)


def _previous_text(box: FieldBox) -> str | None:
    widget = box.query_one(".field-previous", Static)
    return str(widget.render()) if widget.has_class("-shown") else None


async def test_next_years_report_from_the_start_screen(
    app_factory: Callable[..., RspApp], example_draft: Path, drafts_folder: Path
) -> None:
    before = example_draft.read_bytes()
    old = load_draft(example_draft).draft
    old_name = old.get(CellPath("q4", "rsp", "namn"))
    continuing = [i for i in old.items("insatser", "o1") if i.get("status") == "Fortsätter"]
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, RolloverDialog)
        summary = str(dialog.query_one("#rollover-summary").render())
        assert "en ny rapport för 2024 skapas från rapporten för 2023" in summary
        assert "insatser följer med" in summary and "lämnas:" in summary
        await pilot.press("enter")  # "Skapa rapporten" has focus
        await settle(pilot)
        report = app.screen
        assert isinstance(report, ReportScreen)
        new = report.session.draft
        assert (new.year, new.previous_year) == (2024, 2023)
        assert report.session.path == drafts_folder / "jamtland-harjedalen-2024.toml"

        # A carried answer shows last year's value until it is changed.
        await report.show_part("q4", CellPath("q4", "rsp", "namn"))
        await pilot.pause()
        box = _box(report, CellPath("q4", "rsp", "namn"))
        assert focused_box(app.focused) is box
        assert _previous_text(box) == f"Förra året (2023): {old_name} – ändra det som inte gäller i år."
        assert _previous_text(_box(report, CellPath("q4", "rsp", "epost"))) is not None
        await type_text(pilot, " Jr")
        assert _previous_text(box) is None

        # The carried insats tells where it came from and last year's note.
        await report.show_part("omrade:o1")
        await pilot.pause()
        note = str(report.host.query_one("#insats-carried", Static).render())
        first = continuing[0]
        assert note.startswith("Fortsätter från 2023.")
        if first.get("vidare"):
            assert first["vidare"].split("\n")[0] in note
        item = new.items("insatser", "o1")[0]
        assert item[CARRIED_KEY]["year"] == 2023

        # Granska lists what is still as last year; the changed name is not among it.
        await pilot.press("f9")
        await pilot.pause()
        review = report.host.query_one(ReviewView)
        listed = list(review.unchanged.values())
        assert ("q4", CellPath("q4", "rsp", "epost")) in listed
        assert all(path != CellPath("q4", "rsp", "namn") for _, path in listed)
        problems = review.query_one("#problems", OptionList)
        texts = [str(problems.get_option_at_index(i).prompt) for i in range(problems.option_count)]
        assert "Oförändrat sedan 2023 – stämmer det i år?" in texts
        target = next(i for i in range(problems.option_count)
                      if problems.get_option_at_index(i).id in review.unchanged
                      and review.unchanged[problems.get_option_at_index(i).id or ""][0] == "q6")
        problems.highlighted = target
        await pilot.press("enter")
        await pilot.pause()
        assert report.current_key == "q6"
        assert focused_box(app.focused) is not None
        await pilot.press("ctrl+q")
    assert example_draft.read_bytes() == before  # last year's draft is not changed
    saved = load_draft(drafts_folder / "jamtland-harjedalen-2024.toml").draft
    assert saved.get(CellPath("q4", "rsp", "namn")) == f"{old_name} Jr"
    assert saved.previous_value(CellPath("q4", "rsp", "namn")) == old_name
    assert REVIEW_KEY == "granska"
