"""In-process figures of the running app (Textual's `App.run_test` and its pilot), printed as
JSON for benchmarks/run.py.

    python benchmarks/interactive.py navigate DRAFT [--rounds N]
    python benchmarks/interactive.py keystroke DRAFT --path q2 [--rounds N]
    python benchmarks/interactive.py session DRAFT --path q2 [--rounds N]

- `navigate`: F4 through every part of the report (and F3 back), and ↓ in an område's list of
  insatser, which shows the next insats in the editor. Each is timed from the key press until
  the app is idle again (`pilot.press` + `pilot.pause`). The floor is the same round trip for a
  key nothing is bound to: the pilot's own cost.
- `keystroke`: in the app, a character typed at the end of the answer at `--path`, until the
  draft file on disk has been replaced (autosave after its debounce). The work is timed inside
  the session (snapshot on the UI thread, then dumps + atomic write in the worker).
- `session`: the same work without Textual: `DraftSession.set` (the commit of one keystroke),
  `snapshot`, `dumps` and the atomic write, each timed; the floor is the atomic write alone.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

SIZE = (120, 40)
DEBOUNCE = 0.8
"""The app's autosave delay (RspApp's default)."""


def _fine_idle() -> None:
    # As the functional tests: the pilot's idle check in 4 ms steps instead of 20 ms.
    import textual._wait as wait

    wait.SLEEP_GRANULARITY = 0.004
    wait.SLEEP_IDLE = 0.0002


def _copy(draft: Path) -> tuple[Path, Path]:
    folder = Path(tempfile.mkdtemp(prefix="rsp-bench-"))
    target = folder / draft.name
    shutil.copy(draft, target)
    return folder, target


async def _ready(pilot: Any) -> Any:
    from rsp_tui.tui.screens.report import ReportScreen

    while not (isinstance(pilot.app.screen, ReportScreen) and pilot.app.screen.current_key):
        await pilot.pause()
    await pilot.pause()
    return pilot.app.screen


async def _timed(pilot: Any, *keys: str) -> float:
    start = time.perf_counter()
    await pilot.press(*keys)
    await pilot.pause()
    return time.perf_counter() - start


class FirstPaint:
    """When the screen first painted a new part after a key press (Textual's compositor
    refresh after `show_part` has mounted it): what the user sees, before the app is idle."""

    def __init__(self) -> None:
        from textual.screen import Screen

        self.armed_from: str | None = None
        self.at: float | None = None
        self.state: Any = lambda screen: getattr(screen, "current_key", None)
        """What a paint must show changed: the part on screen, or (for ↓ in a list of
        insatser) the insats in the editor."""
        plain = Screen._compositor_refresh
        probe = self

        def refresh(screen: Any) -> None:
            plain(screen)
            key = probe.state(screen)
            if probe.armed_from is not None and key is not None and key != probe.armed_from:
                probe.at = time.perf_counter()
                probe.armed_from = None

        Screen._compositor_refresh = refresh  # type: ignore[method-assign]

    def arm(self, current: str) -> None:
        self.armed_from, self.at = current, None


def navigate(draft: Path, rounds: int) -> dict[str, Any]:
    from rsp_tui.tui.app import make_app

    _fine_idle()
    paint = FirstPaint()
    painted: list[float] = []
    folder, path = _copy(draft)
    app = make_app(path, folder, cursor_blink=False, autosave_delay=DEBOUNCE)
    app.animation_level = "none"
    switches: dict[str, list[float]] = {}
    floors: list[float] = []
    insats: list[float] = []
    insats_painted: list[float] = []

    async def main() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await _ready(pilot)
            keys = screen.keys
            # Start at the first part, so every round visits every part in both directions.
            while screen.current_key != keys[0]:
                await pilot.press("f3")
                await pilot.pause()
            for _ in range(rounds):
                for key in ("f4",) * (len(keys) - 1) + ("f3",) * (len(keys) - 1):
                    floors.append(await _timed(pilot, "f12"))
                    paint.arm(screen.current_key)
                    start = time.perf_counter()
                    took = await _timed(pilot, key)
                    switches.setdefault(screen.current_key, []).append(took)
                    if paint.at is not None:
                        painted.append(paint.at - start)
            # An område with its insatser: ↓ in the list shows the next insats in the editor.
            area = next(k for k in keys if k.startswith("omrade:"))
            while screen.current_key != area:
                await pilot.press("f4")
                await pilot.pause()
            from rsp_tui.tui.widgets.insatser import InsatserView

            def editing(s: Any) -> Any:
                host = getattr(s, "host", None)
                views = host.query(InsatserView) if host is not None else []
                return views.first().current_id if views else None

            paint.state = editing
            for n in range(rounds * 5):
                paint.arm(editing(screen))
                start = time.perf_counter()
                insats.append(await _timed(pilot, "down" if n % 10 < 5 else "up"))
                if paint.at is not None:
                    insats_painted.append(paint.at - start)
            medians = {k: statistics.median(v) for k, v in switches.items()}
            await screen.show_part(max(medians, key=medians.__getitem__))
            await pilot.pause()
            editors.extend(_editors(screen))
            await pilot.press("ctrl+q")

    editors: list[tuple[str, Any]] = []
    asyncio.run(main())
    shutil.rmtree(folder, ignore_errors=True)
    medians = {k: statistics.median(v) for k, v in switches.items()}
    slowest = max(medians, key=medians.__getitem__)
    alone = editors_alone(editors, max(5, rounds * 3))
    every = [t for v in switches.values() for t in v]
    return {
        "floor": statistics.median(floors),
        "switch_median": statistics.median(every),
        "switch_slowest_part": slowest,
        "switch_slowest": medians[slowest],
        "switch_by_part": medians,
        "switch_painted": statistics.median(painted) if painted else None,
        "switch_slowest_editors": len(editors),
        "switch_slowest_alone": alone,
        "insats": statistics.median(insats),
        "insats_max": max(insats),
        "insats_painted": statistics.median(insats_painted) if insats_painted else None,
    }


def _editors(screen: Any) -> list[tuple[str, Any]]:
    """The editor widgets of the part on screen, as (kind, content)."""
    from rsp_tui.forms.schema import ChoiceField
    from rsp_tui.tui.widgets.fields import AreaBox, ChoiceBox, FieldBox, GoalsBox, MarksBox

    out: list[tuple[str, Any]] = []
    for box in screen.host.query(FieldBox):
        if isinstance(box, AreaBox):
            out.append(("textarea", box.read()))
        elif isinstance(box, ChoiceBox) and isinstance(box.field_def, ChoiceField):
            out.append(("select", list(box.field_def.options)))
            if box.field_def.allow_other:
                out.append(("input", ""))
        elif isinstance(box, MarksBox):
            out.append(("selection", list(box.field_def.options)))
        elif isinstance(box, GoalsBox):
            out.append(("selection", [g.printed for g in box.goals]))
            out.append(("input", ""))
        else:
            out.append(("input", str(box.read())))
    return out


def editors_alone(editors: list[tuple[str, Any]], rounds: int) -> float | None:
    """Textual's floor for showing a part: a bare app mounting the same editors (same texts
    and options, compact, text areas wrapping with the app's heights) in a scrolling column,
    without labels, help texts or boxes; from the mount until the app is idle."""
    if not editors:
        return None
    from textual.app import App
    from textual.containers import VerticalScroll
    from textual.widget import Widget
    from textual.widgets import Input, Select, SelectionList, TextArea

    def build() -> VerticalScroll:
        widgets: list[Widget] = []
        for kind, content in editors:
            if kind == "textarea":
                widgets.append(TextArea(content, soft_wrap=True, compact=True))
            elif kind == "select":
                widgets.append(Select([(o, o) for o in content], compact=True))
            elif kind == "selection":
                widgets.append(SelectionList[str](*((o, o) for o in content), compact=True))
            else:
                widgets.append(Input(content, compact=True))
        return VerticalScroll(*widgets)

    class Bare(App[None]):
        CSS = """
        TextArea { height: auto; min-height: 3; max-height: 12; }
        SelectionList { height: auto; max-height: 12; }
        Select { width: 32; }
        """

    times: list[float] = []

    async def main() -> None:
        async with Bare().run_test(size=SIZE) as pilot:
            await pilot.pause()
            for n in range(rounds + 1):  # the first round warms Textual's caches up: not counted
                start = time.perf_counter()
                column = build()
                await pilot.app.screen.mount(column)
                await pilot.pause()
                if n:
                    times.append(time.perf_counter() - start)
                await column.remove()
                await pilot.pause()

    asyncio.run(main())
    return statistics.median(times)


def _end_of(screen: Any, answer: str) -> Any:
    """Focus the text area of the answer `answer` (a question id) with the cursor at its end."""
    from rsp_tui.drafts.paths import QuestionPath
    from rsp_tui.tui.widgets.fields import FieldBox

    for box in screen.query(FieldBox):
        if box.path == QuestionPath(answer):
            box.focus_input()
            return box
    raise SystemExit(f"no field for {answer} on this part")


def keystroke(draft: Path, answer: str, rounds: int) -> dict[str, Any]:
    from rsp_tui.drafts import diskfile
    from rsp_tui.drafts import session as session_module
    from rsp_tui.tui.app import make_app

    _fine_idle()
    folder, path = _copy(draft)
    app = make_app(path, folder, cursor_blink=False, autosave_delay=DEBOUNCE)
    app.animation_level = "none"
    work: dict[str, list[float]] = {"snapshot": [], "dumps": [], "write": []}

    # Time the session's steps as the app calls them (the benchmark's own instrumentation).
    cls = session_module.DraftSession
    plain_snapshot, plain_write = cls.snapshot, cls.write
    plain_dumps = diskfile.dumps

    def snapshot(self: Any) -> Any:
        start = time.perf_counter()
        try:
            return plain_snapshot(self)
        finally:
            work["snapshot"].append(time.perf_counter() - start)

    def dumps(d: Any) -> str:
        start = time.perf_counter()
        try:
            return plain_dumps(d)
        finally:
            work["dumps"].append(time.perf_counter() - start)

    def write(self: Any, snap: Any) -> Any:
        start = time.perf_counter()
        try:
            return plain_write(self, snap)
        finally:
            work["write"].append(time.perf_counter() - start)

    cls.snapshot, cls.write, diskfile.dumps = snapshot, write, dumps  # type: ignore[method-assign]
    typing: list[float] = []
    to_disk: list[float] = []
    floors: list[float] = []

    async def main() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await _ready(pilot)
            part = next(p.key for p in screen.parts if p.section.id == answer)
            await screen.show_part(part)
            await pilot.pause()
            _end_of(screen, answer)
            await pilot.pause()
            for _ in range(rounds):
                floors.append(await _timed(pilot, "f12"))
                before = path.stat().st_ino, path.stat().st_mtime_ns
                start = time.perf_counter()
                await pilot.press("x")
                await pilot.pause()
                typing.append(time.perf_counter() - start)
                while (path.stat().st_ino, path.stat().st_mtime_ns) == before:
                    await asyncio.sleep(0.002)
                to_disk.append(time.perf_counter() - start)
                await pilot.pause(0.05)  # let the worker post its result
            await pilot.press("ctrl+q")

    asyncio.run(main())
    shutil.rmtree(folder, ignore_errors=True)
    # write() includes dumps() and the atomic write.
    snap, wr, du = (statistics.median(work[k]) for k in ("snapshot", "write", "dumps"))
    return {
        "floor_key": statistics.median(floors),
        "typing": statistics.median(typing),
        "to_disk": statistics.median(to_disk),
        "debounce": DEBOUNCE,
        "snapshot": snap,
        "dumps": du,
        "atomic_write": wr - du,
        "saves": len(work["write"]),
    }


def session(draft: Path, answer: str, rounds: int) -> dict[str, Any]:
    from rsp_tui.drafts.paths import QuestionPath
    from rsp_tui.drafts.session import DraftSession
    from rsp_tui.drafts.store import backup_path, dumps
    from rsp_tui.safefile import atomic_write

    folder, path = _copy(draft)
    s = DraftSession.open(path)
    steps: dict[str, list[float]] = {"commit": [], "snapshot": [], "dumps": [], "write": []}
    floors: list[float] = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        value = s.draft.get(QuestionPath(answer)) + "x"
        assert s.set(QuestionPath(answer), value)
        t1 = time.perf_counter()
        snap = s.snapshot()
        t2 = time.perf_counter()
        data = dumps(snap.draft).encode("utf-8")
        t3 = time.perf_counter()
        atomic_write(path, data, backup=backup_path(path))
        t4 = time.perf_counter()
        for name, took in zip(steps, (t1 - t0, t2 - t1, t3 - t2, t4 - t3), strict=True):
            steps[name].append(took)
        f0 = time.perf_counter()
        atomic_write(folder / "floor.toml", data)
        floors.append(time.perf_counter() - f0)
    shutil.rmtree(folder, ignore_errors=True)
    out: dict[str, Any] = {k: statistics.median(v) for k, v in steps.items()}
    out["total"] = statistics.median([sum(t) for t in zip(*steps.values(), strict=True)])
    out["floor"] = statistics.median(floors)
    out["bytes"] = len(data)
    return out


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=("navigate", "keystroke", "session"))
    parser.add_argument("draft", type=Path)
    parser.add_argument("--path", default="q2", help="question id of a text answer")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    os.environ.setdefault("RSP_TUI_DRAFTS_DIR", tempfile.mkdtemp(prefix="rsp-bench-"))
    os.environ.setdefault("RSP_TUI_STATE_DIR", tempfile.mkdtemp(prefix="rsp-bench-state-"))
    if args.what == "navigate":
        result = navigate(args.draft, args.rounds)
    elif args.what == "keystroke":
        result = keystroke(args.draft, args.path, args.rounds)
    else:
        result = session(args.draft, args.path, args.rounds)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
