"""A process killed with SIGKILL in the middle of repeated saves never leaves an unreadable
draft: the file on disk is always one of the versions that were saved."""

from __future__ import annotations

import multiprocessing
import multiprocessing.synchronize
import os
import random
import signal
import sys
import time
from pathlib import Path

import pytest

from rsp_tui.drafts import backup_path, load_draft, new_draft, save_draft
from rsp_tui.drafts.paths import QuestionPath
from rsp_tui.forms import load_form
from rsp_tui.safefile import TMP_SUFFIX, cleanup_temp_files

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs fork and SIGKILL")


def _answer(i: int) -> str:
    # Sizes vary from a few bytes to ~200 kB so that kills land in every phase of a save.
    return f"version {i}\n" + ("å" * ((i * 7919) % 100_000))


def _save_forever(path: str, ready: multiprocessing.synchronize.Event) -> None:
    draft = new_draft(load_form(), "Skåne", 2023)
    i = 0
    while True:
        draft.set(QuestionPath("q2"), _answer(i))
        save_draft(draft, Path(path))
        i += 1
        if i == 2:
            ready.set()


def _check(path: Path) -> int:
    loaded = load_draft(path)
    text = loaded.draft.answers["q2"]
    number = int(text.split("\n", 1)[0].removeprefix("version "))
    assert text == _answer(number)
    assert not loaded.notices
    return number


@pytest.mark.slow
def test_sigkill_during_saves_never_leaves_a_broken_draft(tmp_path: Path) -> None:
    ctx = multiprocessing.get_context("fork")
    rng = random.Random(20231)
    seen: list[int] = []
    for run in range(50):
        folder = tmp_path / f"run{run}"
        folder.mkdir()
        path = folder / "utkast.toml"
        ready = ctx.Event()
        proc = ctx.Process(target=_save_forever, args=(str(path), ready), daemon=True)
        proc.start()
        assert ready.wait(30), "the saving process did not start"
        time.sleep(rng.uniform(0.0, 0.15))
        assert proc.pid is not None
        os.kill(proc.pid, signal.SIGKILL)
        proc.join(10)
        assert proc.exitcode == -signal.SIGKILL
        seen.append(_check(path))
        _check(backup_path(path))
        leftovers = list(folder.glob(f".*{TMP_SUFFIX}"))
        assert sorted(cleanup_temp_files(folder, older_than=0)) == sorted(leftovers)
        assert not list(folder.glob(f".*{TMP_SUFFIX}"))
    assert max(seen) > 2, "the kills all came too early to test anything"
