"""One whole process of the app, started headless, for the start-up and memory figures.

    python benchmarks/probe_app.py bare            # the floor: a Textual app with one label
    python benchmarks/probe_app.py data DRAFT      # bare, after reading DRAFT (pydantic, tomllib)
    python benchmarks/probe_app.py app DRAFT       # rsp-tui with DRAFT (as `rsp-tui DRAFT`)
    python benchmarks/probe_app.py tour DRAFT      # as app, then visit every part and insats

Both `bare` and `app` use the same harness: the app runs headless at 120×40 with an auto-pilot
that waits until the first interactive screen is mounted and the app is idle (for rsp-tui: the
report screen showing its first part), then exits. The parent times the whole process and
reads its peak memory (ru_maxrss). Printed on stdout, as JSON: seconds from the start of this
script to imports done and to ready, for the profile.
"""

from __future__ import annotations

import json
import os
import sys
import time

START = time.perf_counter()

SIZE = (120, 40)


def _fine_idle() -> None:
    # The pilot's idle check sleeps in steps of 20 ms; finer steps (as the functional tests
    # use) keep the harness's own cost small and equal for the floor and the app.
    import textual._wait as wait

    wait.SLEEP_GRANULARITY = 0.004
    wait.SLEEP_IDLE = 0.0002


def bare(draft: str | None = None) -> dict[str, float]:
    from textual.app import App, ComposeResult
    from textual.widgets import Label

    if draft is not None:  # the stack's floor: Textual plus reading the draft as rsp-tui does
        from pathlib import Path

        from rsp_tui.drafts import load_draft

        load_draft(Path(draft))
    imported = time.perf_counter()
    _fine_idle()

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield Label("rsp-tui")

    times: dict[str, float] = {"imported": imported - START}

    async def pilot(p):  # type: ignore[no-untyped-def]
        while not p.app.screen.query(Label):
            await p.pause()
        await p.pause()
        times["ready"] = time.perf_counter() - START
        p.app.exit()

    Bare().run(headless=True, size=SIZE, auto_pilot=pilot)
    times["closed"] = time.perf_counter() - START
    return times


def app(path: str, tour: bool = False) -> dict[str, float]:
    import tempfile
    from pathlib import Path

    from rsp_tui import startgc

    startgc.pause()  # as `rsp-tui DRAFT` does (cli.run_app); on again once the part is shown
    from rsp_tui.tui.app import make_app

    imported = time.perf_counter()
    _fine_idle()
    from rsp_tui.tui.screens.report import ReportScreen

    folder = Path(tempfile.mkdtemp(prefix="rsp-bench-"))
    # Every run opens the draft afresh, at its first part: no memory of the previous run.
    os.environ["RSP_TUI_STATE_DIR"] = str(folder / "tillstand")
    rsp = make_app(Path(path), folder, cursor_blink=False)
    rsp.animation_level = "none"
    times: dict[str, float] = {"imported": imported - START}

    async def pilot(p):  # type: ignore[no-untyped-def]
        def ready() -> bool:
            screen = p.app.screen
            return isinstance(screen, ReportScreen) and bool(screen.current_key)

        while not ready():
            await p.pause()
        await p.pause()
        times["ready"] = time.perf_counter() - START
        if tour:
            screen = p.app.screen
            for _ in screen.keys:
                await p.press("f4")
                await p.pause()
                if screen.current_key.startswith("omrade:"):
                    await p.press("down", "down", "down")
                    await p.pause()
            times["toured"] = time.perf_counter() - START
        p.app.exit()

    rsp.run(headless=True, size=SIZE, auto_pilot=pilot)
    times["closed"] = time.perf_counter() - START
    return times


def main(argv: list[str]) -> int:
    import argparse

    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog=__doc__.split("\n\n", 1)[1],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("what", choices=("bare", "data", "app", "tour"))
    parser.add_argument("draft", nargs="?", help="the draft (not for bare)")
    args = parser.parse_args(argv)
    if (args.what == "bare") != (args.draft is None):
        parser.error("bare takes no draft" if args.draft else f"{args.what} needs a DRAFT")
    if args.what == "bare":
        times = bare()
    elif args.what == "data":
        times = bare(args.draft)
    else:
        times = app(args.draft, tour=args.what == "tour")
    print(json.dumps(times))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
