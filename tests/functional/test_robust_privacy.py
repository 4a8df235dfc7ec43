"""Personal data in the app: every file the app creates (drafts, backups, documents, the lock
and its owner record, rescue copies) is readable by the owner only, whatever the umask; and a
whole session in the app (new report, typing, saving, export, reopening) opens no network
connection."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from textual.pilot import Pilot

from rsp_tui.drafts.lock import lock_paths
from rsp_tui.drafts.paths import QuestionPath
from rsp_tui.tui.app import RspApp
from rsp_tui.tui.screens.report import ReportScreen
from rsp_tui.tui.widgets.review import ReviewView

from .driving import settle, type_text


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def open_umask() -> Iterator[None]:
    """Files would be world-readable and -writable if rsp-tui relied on the umask."""
    old = os.umask(0)
    yield
    os.umask(old)


async def new_report(pilot: Pilot[None], region: str = "skåne", year: str = "2024") -> ReportScreen:
    await settle(pilot)
    await pilot.press("n")
    await type_text(pilot, region)
    await pilot.press("enter", "ctrl+u")
    await type_text(pilot, year)
    await pilot.press("enter")
    await pilot.pause()
    report = pilot.app.screen
    assert isinstance(report, ReportScreen)
    return report


async def test_every_file_the_app_creates_is_owner_only(
    app_factory: Callable[..., RspApp],
    drafts_folder: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    open_umask: None,
) -> None:
    home = tmp_path / "hem"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    app = app_factory(autosave_delay=3600)
    async with app.run_test(size=(100, 30)) as pilot:
        report = await new_report(pilot)
        draft = report.session.path
        await pilot.press("f4", "f4")
        await type_text(pilot, "ett svar")
        await pilot.press("ctrl+s")  # a second version: the first becomes the .bak
        await pilot.press("f9")
        await pilot.pause()
        report.host.query_one(ReviewView).export(draft_mode=True)
        await settle(pilot)
        document = draft.with_name(draft.stem + "-utkast.docx")
        lock_file, owner_file = lock_paths(draft)
        created = [draft, draft.with_name(draft.name + ".bak"), document, lock_file, owner_file]
        for path in created:
            assert mode(path) == 0o600, path
        assert mode(drafts_folder) == 0o700

        # The folder goes away while typing: quitting saves a rescue copy in the home folder.
        assert report.session.set(QuestionPath("q2"), "ett svar och mer")  # a change not yet saved
        drafts_folder.rename(drafts_folder.with_name("borta"))
        note = app.save_before_exit()
        rescue = home / f"{draft.stem}-räddad.toml"
        assert note.endswith(f"en kopia finns i {rescue}.")
        assert mode(rescue) == 0o600
        drafts_folder.with_name("borta").rename(drafts_folder)
        await pilot.press("ctrl+q")


NO_NETWORK = r"""
import asyncio, socket, sys
from pathlib import Path

BLOCKED = ("socket.connect", "socket.getaddrinfo", "socket.gethostbyname",
           "socket.gethostbyaddr", "socket.sendto", "socket.sendmsg", "socket.bind",
           "urllib.Request", "http.client.connect", "webbrowser.open")
attempts = []

def hook(event, args):
    if event in BLOCKED:
        attempts.append(event)
        raise PermissionError("network blocked by test: " + event)

sys.addaudithook(hook)
try:  # the hook works: a real attempt is caught
    socket.create_connection(("127.0.0.1", 9), timeout=1)
except OSError:
    pass
assert attempts, "audit hook did not see a connection attempt"
attempts.clear()

from rsp_tui.tui.app import make_app
from rsp_tui.tui.widgets.review import ReviewView

async def session():
    app = make_app(None, Path(sys.argv[1]), autosave_delay=0.05)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause(0.5)
        await pilot.press("n", *"skåne", "enter", "ctrl+u", *"2024", "enter")
        await pilot.pause(0.3)
        await pilot.press("f4", "f4", *"ett svar")
        await pilot.pause(0.3)
        await pilot.press("ctrl+s", "f9")
        await pilot.pause(0.3)
        app.screen.host.query_one(ReviewView).export(draft_mode=True)
        await app.workers.wait_for_complete()
        await app.action_to_start()
        await pilot.pause(0.5)
        await pilot.press("enter")  # reopen it
        await pilot.pause(0.5)
        await pilot.press("ctrl+q")
    return app.return_code

code = asyncio.run(session())
docs = sorted(p.name for p in Path(sys.argv[1]).glob("*.docx"))
print(code, docs, attempts)
"""


@pytest.mark.slow
def test_a_whole_session_in_the_app_opens_no_network_connection(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TEXTUAL")}
    result = subprocess.run(
        [sys.executable, "-c", NO_NETWORK, str(tmp_path / "utkast")],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    last = result.stdout.strip().splitlines()[-1]
    assert last == "0 ['skane-2024-utkast.docx'] []", result.stdout[-2000:]
