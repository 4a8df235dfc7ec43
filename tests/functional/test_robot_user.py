"""A robot user fills in a whole report by keys only, in the real app in a pseudo terminal,
with a process hogging a CPU beside it: every Part A answer and insatser in two områden (marks,
mål, status, texts over several lines, a choice of Annat with its text). After quitting, the
draft on disk must hold exactly the answers meant, at every pace: keys sent without a gap, 10
ms, 50 ms and 250 ms apart.

One quick session runs in the default suite; `-m soak` runs 20 more (with two CPU hogs)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from rsp_tui.drafts import load_draft, new_draft, save_draft
from rsp_tui.forms import load_form, programme_for_region
from rsp_tui.tui.app import RspApp

from .robot import Plan, answers_without_ids, copy_draft, make_plan, saved_answers
from .terminal import Terminal

pytestmark = pytest.mark.skipif(os.name != "posix", reason="needs a pty")

AREAS = ("o1", "o2")
PER_AREA = 3


@pytest.fixture
def cpu_hogs() -> Iterator[Callable[[int], None]]:
    """Start n processes that spin on a CPU until the test ends (a busy machine)."""
    procs: list[subprocess.Popen[bytes]] = []

    def start(n: int) -> None:
        for _ in range(n):
            procs.append(subprocess.Popen([sys.executable, "-c", "while 1: pass"]))

    yield start
    for proc in procs:
        proc.kill()
        proc.wait(10)


def new_report(folder: Path) -> Path:
    """An empty report for Jämtland Härjedalen 2023 with the region's programme."""
    form = load_form()
    draft = new_draft(
        form, "Jämtland Härjedalen", 2023, programme_for_region("Jämtland Härjedalen")
    )
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "robot-2023.toml"
    save_draft(draft, path)
    return path


async def plan_for(
    app_factory: Callable[..., RspApp], draft: Path, scratch: Path, long: bool
) -> Plan:
    initial = answers_without_ids(load_draft(draft).draft)
    app = app_factory(copy_draft(draft, scratch))
    return await make_plan(app, initial, AREAS, PER_AREA, long)


def drive(draft: Path, plan: Plan, gap: float) -> None:
    """Send the plan's keys to rsp-tui in a terminal, `gap` seconds apart, and wait for it
    to quit (the plan ends with Ctrl+Q)."""
    term = Terminal(draft)
    term.wait_for("Del 1 av", timeout=60)
    for key in plan.keys:
        term.send(key)
        if gap:
            time.sleep(gap)
    code, _ = term.finish(timeout=120 + len(plan.keys) * 0.05)
    assert code == 0


def check(draft: Path, plan: Plan, before: Path) -> None:
    saved = saved_answers(draft)
    assert load_draft(draft).draft.programme == load_draft(before).draft.programme
    for question in sorted(set(plan.answers) | set(saved)):
        assert saved.get(question) == plan.answers.get(question), f"{question} differs"
    assert saved == plan.answers
    items = saved["insatser"]
    assert [len(items[a]) for a in AREAS] == [PER_AREA] * len(AREAS)


async def test_robot_fills_in_a_whole_report_without_a_gap(
    app_factory: Callable[..., RspApp],
    drafts_folder: Path,
    tmp_path: Path,
    cpu_hogs: Callable[[int], None],
) -> None:
    draft = new_report(drafts_folder)
    plan = await plan_for(app_factory, draft, tmp_path / "plan", long=True)
    assert len(plan.keys) > 1000
    cpu_hogs(1)
    drive(draft, plan, gap=0.0)
    check(draft, plan, tmp_path / "plan" / draft.name)


SOAK = [(gap, run) for gap in (0.0, 0.01, 0.05, 0.25) for run in range(5)]


@pytest.mark.soak
@pytest.mark.parametrize(("gap", "run"), SOAK, ids=[f"{g * 1000:.0f}ms-{r}" for g, r in SOAK])
async def test_robot_soak(
    app_factory: Callable[..., RspApp],
    drafts_folder: Path,
    tmp_path: Path,
    cpu_hogs: Callable[[int], None],
    gap: float,
    run: int,
) -> None:
    draft = new_report(drafts_folder)
    plan = await plan_for(app_factory, draft, tmp_path / "plan", long=gap < 0.1)
    cpu_hogs(2)
    drive(draft, plan, gap=gap)
    check(draft, plan, tmp_path / "plan" / draft.name)
