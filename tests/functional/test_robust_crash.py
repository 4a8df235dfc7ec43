"""Crashes and what they leave: a crash saves first and its traceback names no answer (however
the exception is chained, annotated or raised in a worker); SIGTERM on a read-only report
writes nothing; temp files of killed saves are removed at the next start."""

from __future__ import annotations

import os
import signal
from collections.abc import Callable
from pathlib import Path

import pytest

from rsp_tui.drafts import load_draft
from rsp_tui.errors import safe_traceback
from rsp_tui.safefile import TMP_SUFFIX
from rsp_tui.tui.app import RspApp, run
from rsp_tui.tui.screens.report import ReportScreen

from .driving import settle
from .terminal import LEAVE_ALT_SCREEN, Terminal
from .test_robust_process import CTRL_END, F4, to_q2

SECRET = "Hemligtsvar"

CRASHING = """
import sys
from pathlib import Path
from rsp_tui.tui.app import run

MODE = sys.argv[2] if len(sys.argv) > 2 else "chained"

def broken(self):
    answer = self.session.draft.answers["q2"]  # a local variable holding answers
    try:
        raise ValueError("tolkade svaret " + answer)
    except ValueError as exc:
        error = RuntimeError("kunde inte visa " + answer[-40:])
        error.add_note("svaret var: " + answer)
        raise error from exc

if MODE == "chained":
    from rsp_tui.tui.screens.report import ReportScreen
    ReportScreen.action_toggle_help = broken
elif MODE == "worker":
    import rsp_tui.tui.screens.start as start
    def listing(folder):
        raise ValueError("utkastet innehåller " + "HEMLIGT" + "SVAR")
    start.list_drafts = listing
sys.exit(run(Path(sys.argv[1]) if sys.argv[1] else None, None, autosave_delay=3600))
"""

CRASHING_ARGV = CRASHING.replace(
    'MODE = sys.argv[2] if len(sys.argv) > 2 else "chained"', "MODE = {mode!r}"
)


@pytest.mark.slow
def test_a_chained_annotated_crash_saves_and_prints_no_answer(example_draft: Path) -> None:
    term = Terminal(example_draft, script=CRASHING_ARGV.format(mode="chained"))
    to_q2(term)
    term.send(SECRET)
    term.send("\x1bOP")  # F1: the broken handler
    code, left = term.finish()
    assert code == 1
    assert SECRET in load_draft(example_draft).draft.answers["q2"]  # saved first
    assert LEAVE_ALT_SCREEN in term.output  # the terminal was given back
    assert "RuntimeError" in left and "ValueError" in left  # a traceback for a bug report …
    assert SECRET not in left  # … without the exceptions' text, notes or variables
    assert "regioner" not in left and "växande intresse" not in left
    assert "svaret var" not in left and "tolkade svaret" not in left
    assert "rsp-tui stannade på grund av ett oväntat fel" in left
    assert f"Utkastet är sparat i {example_draft}" in left


@pytest.mark.slow
def test_a_crash_in_a_worker_prints_no_text(drafts_folder: Path) -> None:
    drafts_folder.mkdir(parents=True, exist_ok=True)
    term = Terminal(None, script=CRASHING_ARGV.format(mode="worker"))
    code, left = term.finish()
    assert code == 1
    assert "ValueError" in left
    assert "HEMLIGTSVAR" not in term.output.decode("utf-8", "replace")


def test_safe_traceback_names_places_and_types_only() -> None:
    try:
        try:
            raise KeyError(SECRET)
        except KeyError as exc:
            raise RuntimeError(f"svaret {SECRET}") from exc
    except RuntimeError as exc:
        text = safe_traceback(exc)
    assert "builtins.KeyError" in text and "builtins.RuntimeError" in text
    assert "test_robust_crash.py" in text and "Därefter:" in text
    assert SECRET not in text


def test_an_error_outside_textual_is_printed_safely(
    example_draft: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken_run(self: RspApp, *args: object, **kwargs: object) -> None:
        raise ValueError(f"drivrutinen fick {SECRET}")

    monkeypatch.setattr(RspApp, "run", broken_run)
    assert run(example_draft, None) == 1
    err = capsys.readouterr().err
    assert "ValueError" in err and "rsp-tui stannade på grund av ett oväntat fel" in err
    assert SECRET not in err


@pytest.mark.slow
def test_sigterm_on_a_read_only_report_writes_nothing(example_draft: Path) -> None:
    from .test_robust_lock import Holder

    holder = Holder(example_draft)
    try:
        before = {p.name: p.read_bytes() for p in example_draft.parent.iterdir()}
        term = Terminal(example_draft)
        term.wait_for("Utkastet är redan öppet")
        term.send("\r")  # Öppna skrivskyddat
        term.wait_for("SKRIVSKYDDAT")
        term.send(F4 + F4 + CTRL_END + "x")
        term.proc.send_signal(signal.SIGTERM)
        code, left = term.finish()
        assert code == 128 + signal.SIGTERM, left
        assert "Utkastet var öppet skrivskyddat och har inte ändrats." in left
        after = {p.name: p.read_bytes() for p in example_draft.parent.iterdir()}
        assert after == before
    finally:
        holder.kill()


def _leftovers(folder: Path) -> tuple[Path, Path]:
    old = folder / f".{folder.name}-utkast.toml.abc123{TMP_SUFFIX}"
    old.write_text("halv sparning")
    os.utime(old, (1, 1))
    fresh = folder / f".{folder.name}-utkast.toml.def456{TMP_SUFFIX}"
    fresh.write_text("ett annat fönster sparar just nu")
    return old, fresh


async def test_temp_files_of_killed_saves_go_at_the_next_start(
    app_factory: Callable[..., RspApp], example_draft: Path
) -> None:
    old, fresh = _leftovers(example_draft.parent)
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert not old.exists()  # from a save killed more than a minute ago
        assert fresh.exists()  # maybe another rsp-tui saving right now
        await pilot.press("ctrl+q")

    old, fresh = _leftovers(example_draft.parent)
    app = app_factory(example_draft)  # rsp-tui FIL: no start screen, the same cleaning
    async with app.run_test(size=(100, 30)) as pilot:
        assert isinstance(app.screen, ReportScreen)
        assert not old.exists() and fresh.exists()
        await pilot.press("ctrl+q")
