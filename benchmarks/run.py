"""Benchmarks of rsp-tui against the floors of its stack, measured in the same run.

    python3 dev.py bench                     # the one command (sets up .venv first)
    .venv/bin/python benchmarks/run.py [--runs 5] [--only startup,export] [--markdown]
    .venv/bin/python benchmarks/run.py --update-docs     # also rewrite docs/benchmarks.md

Prints figures only (median of several runs), each with the floor measured in this run, their
ratio, the target and whether it is met; nothing here is a test. The inputs are generated into
a temporary folder by benchmarks/generate.py (see there); `--keep DIR` keeps them in DIR.

Figures (the details and what each floor is are in docs/benchmarks.md):

- start-up to the first interactive screen with the large draft, as a whole process
  (benchmarks/probe_app.py), against the same harness running a Textual app with one label;
- as a person sees it, in a pseudo terminal (benchmarks/pty_keys.py): start-up to the first
  part on screen, a key (F4) to the next part on screen, next and new insats, opening the
  region menu, and typing 12 keys a second into Fråga 2 (key to the character on screen, the
  median and the slowest key), against a bare Textual app in the same pty (started until its
  label shows; a key that changes its label; a Select; an Input);
- switching parts and showing another insats in the editor, in-process with the pilot, against
  the pilot's round trip for a key that does nothing (benchmarks/interactive.py);
- keystroke to disk: the work (commit + snapshot + dumps + atomic write) for the large draft
  and for a 1 MB answer, against the atomic write alone; and in the app, key to file replaced
  minus the debounce wait;
- `rsp-tui check` of the example against `import pydantic, tomllib`, with the pydantic floor
  (one model class built and validated) and its stack floor (the draft read) beside it;
- `rsp-tui export` of the example and of 200 insatser, against importing python-docx and
  saving an empty document, with the pydantic and stack floors beside it;
- peak memory (ru_maxrss) of the app with the large draft, visiting every part, and of the
  export of 200 insatser, against the same floors' processes.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402  (benchmarks/generate.py, next to this file)
import pty_keys  # noqa: E402  (benchmarks/pty_keys.py: its typing rate)

PY = sys.executable
EXAMPLE = REPO / "examples" / "exempel-2023.toml"
DOCS = REPO / "docs" / "benchmarks.md"
GROUPS = ("startup", "terminal", "navigate", "keystroke", "check", "export", "memory")
DOC_START = "<!-- bench:start -->"
DOCX_FLOOR = "import sys, docx; docx.Document().save(sys.argv[1])"
"""The export's floor: import python-docx and save an empty document."""
STACK_FLOOR = (
    "import sys, docx; from pathlib import Path; from rsp_tui.drafts import load_draft;"
    " load_draft(Path(sys.argv[1])); docx.Document().save(sys.argv[2])"
)
"""The floor with the rest of the stack: the same after reading the draft as rsp-tui does
(pydantic models, the form, tomllib), before any validation or layout."""
DOC_END = "<!-- bench:end -->"


# -- running children --------------------------------------------------------------------------


@dataclass(frozen=True)
class Child:
    """One finished child process."""

    wall: float
    """Seconds from spawn to exit."""
    cpu: float
    """User + system CPU seconds."""
    maxrss: float
    """Peak resident memory, MB."""
    stdout: str


def measure(args: list[str], env: dict[str, str] | None = None) -> Child:
    """Run `args` once: wall time, CPU time and peak memory of that child alone."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        args,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        env=env,
        cwd=REPO,
    )
    out, err = b"", b""
    # wait4 reports this child's own rusage; the pipes are small enough not to fill up.
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    assert proc.stdout is not None and proc.stderr is not None
    out, err = proc.stdout.read(), proc.stderr.read()
    proc.stdout.close()
    proc.stderr.close()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        sys.exit(f"failed ({proc.returncode}): {' '.join(args)}\n{err.decode(errors='replace')}")
    return Child(
        wall=wall,
        cpu=usage.ru_utime + usage.ru_stime,
        maxrss=usage.ru_maxrss / 1024,  # Linux: kB
        stdout=out.decode(),
    )


def alternate(runs: int, *commands: Callable[[], Child]) -> list[list[Child]]:
    """Run each command `runs` times, interleaved (a, b, a, b, …) so that a change in the
    machine's load affects figure and floor alike."""
    results: list[list[Child]] = [[] for _ in commands]
    for _ in range(runs):
        for n, command in enumerate(commands):
            results[n].append(command())
    return results


def med(values: list[float]) -> float:
    return statistics.median(values)


# -- the table ---------------------------------------------------------------------------------


@dataclass
class Row:
    figure: str
    value: float
    floor: float | None
    unit: str  # "s" or "MB"
    target: str
    met: bool | None
    note: str = ""

    @property
    def ratio(self) -> float | None:
        return self.value / self.floor if self.floor else None


def fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "–"
    if unit == "MB":
        return f"{value:.0f} MB"
    if value >= 10:
        return f"{value:.1f} s"
    if value >= 1:
        return f"{value:.2f} s"
    return f"{value * 1000:.0f} ms"


def cells(row: Row) -> list[str]:
    ratio = f"{row.ratio:.2f}×" if row.ratio is not None else "–"
    met = {True: "met", False: "MISSED", None: "–"}[row.met]
    return [row.figure, fmt(row.value, row.unit), fmt(row.floor, row.unit), ratio, row.target, met]


HEADER = ["Figure", "Median", "Floor", "Ratio", "Target", "Met"]


def text_table(rows: list[Row]) -> str:
    table = [HEADER] + [cells(r) for r in rows]
    widths = [max(len(line[i]) for line in table) for i in range(len(HEADER))]
    lines = []
    for n, line in enumerate(table):
        lines.append(
            "  ".join(
                c.ljust(w) if i == 0 or i == 4 else c.rjust(w)
                for i, (c, w) in enumerate(zip(line, widths, strict=True))
            ).rstrip()
        )
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def markdown_table(rows: list[Row]) -> str:
    out = [
        "| " + " | ".join(HEADER) + " |",
        "|" + "|".join(["---", *["---:"] * 3, "---", "---"]) + "|",
    ]
    for r in rows:
        c = cells(r)
        if r.met is False:
            c[5] = "**missed**"
        out.append("| " + " | ".join(c) + " |")
    return "\n".join(out)


# -- the machine -------------------------------------------------------------------------------


def _version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "?"


def machine() -> list[str]:
    cpu = platform.processor() or platform.machine()
    try:
        text = Path("/proc/cpuinfo").read_text()
        found = re.search(r"^model name\s*:\s*(.+)$", text, re.MULTILINE)
        if found:
            cpu = found.group(1).strip()
    except OSError:
        pass
    load = ""
    if hasattr(os, "getloadavg"):
        load = ", load average {:.2f} {:.2f} {:.2f} at the start".format(*os.getloadavg())
    return [
        f"Machine: {cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}{load}",
        f"Python {platform.python_version()}; textual {_version('textual')},"
        f" pydantic {_version('pydantic')}, tomlkit {_version('tomlkit')},"
        f" python-docx {_version('python-docx')}",
    ]


# -- the figures -------------------------------------------------------------------------------


def env_for(folder: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["RSP_TUI_DRAFTS_DIR"] = str(folder / "utkast")
    env["RSP_TUI_STATE_DIR"] = str(folder / "tillstand")  # never the user's own
    env["RSP_TUI_CACHE_DIR"] = str(folder / "cache")  # warmed by `prepare`, as a user's is
    env.pop("RSP_TUI_FORMS_DIR", None)
    env.setdefault("LANG", "C.UTF-8")
    return env


def startup(inputs: dict[str, Path], folder: Path, runs: int, notes: list[str]) -> list[Row]:
    env = env_for(folder)
    probe = str(HERE / "probe_app.py")

    def with_draft(mode: str) -> Callable[[], Child]:
        def run() -> Child:
            draft = folder / "startup.toml"
            shutil.copy(inputs[generate.LARGE], draft)
            return measure([PY, probe, mode, str(draft)], env)

        return run

    bare, data, ours = alternate(
        runs, lambda: measure([PY, probe, "bare"], env), with_draft("data"), with_draft("app")
    )
    floor = med([c.wall for c in bare])
    value, stack = med([c.wall for c in ours]), med([c.wall for c in data])

    def inner(children: list[Child], key: str) -> str:
        return fmt(med([json.loads(c.stdout)[key] for c in children]), "s")

    notes.append(
        "Start-up, inside the process (medians): imports done after"
        f" {inner(ours, 'imported')} (bare Textual {inner(bare, 'imported')}), report screen"
        f" idle after {inner(ours, 'ready')} (bare {inner(bare, 'ready')}), app closed after"
        f" {inner(ours, 'closed')} (bare {inner(bare, 'closed')}); the rest of the process time"
        " is the interpreter starting and exiting."
    )
    return [
        Row(
            "Start-up to the report screen, large draft (process)",
            value,
            floor,
            "s",
            "≤ 1.5× floor",
            value <= 1.5 * floor,
        ),
        Row(
            "↳ stack floor: bare app after reading the large draft",
            stack,
            floor,
            "s",
            "–",
            None,
        ),
    ]


READ = "3"
"""Seconds the terminal figures wait after each part is on screen, as a person reading it."""


def terminal(inputs: dict[str, Path], folder: Path, runs: int, notes: list[str]) -> list[Row]:
    """As a person sees it: the app and a bare Textual app in a pty (benchmarks/pty_keys.py),
    interleaved, each from the key (or the start) to the change arriving in the terminal."""
    env = env_for(folder)
    script = str(HERE / "pty_keys.py")
    apps: list[dict[str, Any]] = []
    bares: list[dict[str, Any]] = []
    for _ in range(max(1, runs // 2)):
        draft = folder / "terminal.toml"
        shutil.copy(inputs[generate.LARGE], draft)
        bare = measure([PY, script, "bare", "--rounds", "1"], env)
        app = measure([PY, script, "app", str(draft), "--rounds", "1", "--read", READ], env)
        bares.append(json.loads(bare.stdout))
        apps.append(json.loads(app.stdout))
    start = med([a["start"] for a in apps])
    insats_time, new_insats_time, choice_time = (
        med([t for a in apps for t in a["samples"][name]])
        for name in ("insats", "new_insats", "choice")
    )
    start_floor = med([b["start"] for b in bares])
    switches = [t for a in apps for t in a["samples"]["part"]]
    key_floor = med([t for b in bares for t in b["samples"]["key"]])
    choice_floor = med([t for b in bares for t in b["samples"]["choice"]])
    typed = [t for a in apps for t in a["samples"]["typing"]]
    typed_floor = [t for b in bares for t in b["samples"]["typing"]]
    by_part: dict[str, list[float]] = {}
    for a in apps:
        for key, value in a["by_part"].items():
            by_part.setdefault(key, []).append(value)
    slowest_key, slowest = max(((k, med(v)) for k, v in by_part.items()), key=lambda kv: kv[1])
    notes.append(
        f"In a pty (first visits, F4 from the first part to the last, {READ} s of reading"
        " after each part, median): "
        + ", ".join(f"{k} {fmt(med(v), 's')}" for k, v in by_part.items())
        + f". Floor: a bare Textual app's label changed by a key, {fmt(key_floor, 's')}."
        " Next and new insats: on the last område, ↓ through its first insatser and Ctrl+N"
        " three times, each until the editor's title (`Insats n av m`) shows it; floor the"
        " same bare key. Opening a choice: Enter on the region menu of the first part until"
        f" the menu is painted; floor a bare Textual Select of the same 21 regions,"
        f" {fmt(choice_floor, 's')}. Typing: back on Fråga 2 (every part built by then),"
        f" {len(typed)} characters at {pty_keys.TYPING_RATE:.0f} keys a second into its text,"
        " each until it is on screen: 95th percentile"
        f" {fmt(statistics.quantiles(typed, n=20)[-1], 's')}, slowest"
        f" {fmt(max(typed), 's')}; floor the"
        f" same keys into a bare Textual Input, median {fmt(med(typed_floor), 's')}, slowest"
        f" {fmt(max(typed_floor), 's')}."
    )
    return [
        Row(
            "Start-up to the first part on screen, large draft, in a pty",
            start,
            start_floor,
            "s",
            "≤ 1.5× floor",
            start <= 1.5 * start_floor,
        ),
        Row(
            "Part switch in a pty, first visit (F4): key to the part on screen",
            med(switches),
            key_floor,
            "s",
            "< 100 ms",
            med(switches) < 0.1,
        ),
        Row(f"↳ slowest part in a pty ({slowest_key})", slowest, key_floor, "s", "–", None),
        Row(
            "Next insats in a pty (↓ in the list): key to the insats in the editor",
            insats_time,
            key_floor,
            "s",
            "< 100 ms",
            insats_time < 0.1,
        ),
        Row(
            "New insats in a pty (Ctrl+N): key to the new insats in the editor",
            new_insats_time,
            key_floor,
            "s",
            "< 100 ms",
            new_insats_time < 0.1,
        ),
        Row(
            "Typing in a pty (Fråga 2, 12 keys a second): key to the character on screen",
            med(typed),
            med(typed_floor),
            "s",
            "–",
            None,
        ),
        Row("↳ slowest key while typing", max(typed), max(typed_floor), "s", "–", None),
        Row(
            "Opening a choice in a pty (Enter on the region menu): key to the menu",
            choice_time,
            choice_floor,
            "s",
            "≤ 2× floor",
            choice_time <= 2 * choice_floor,
        ),
    ]


def _interactive(*args: str, env: dict[str, str]) -> dict[str, Any]:
    result = measure([PY, str(HERE / "interactive.py"), *args], env)
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def _on_screen_rows(
    label: str, fallback: str, painted: object, idle: float, floor: float
) -> list[Row]:
    """A key's headline row, to the first paint that shows its result (target < 100 ms), and
    the pilot's idle figure under it; without a paint figure, the idle figure is the headline
    (under `fallback`)."""
    if painted is None:
        return [Row(fallback, idle, floor, "s", "< 100 ms", idle < 0.1)]
    shown = float(painted)  # type: ignore[arg-type]
    return [
        Row(label, shown, floor, "s", "< 100 ms", shown < 0.1),
        Row("↳ until the pilot finds every widget idle", idle, floor, "s", "–", None),
    ]


def navigate(inputs: dict[str, Path], folder: Path, runs: int, notes: list[str]) -> list[Row]:
    env = env_for(folder)
    nav = _interactive(
        "navigate", str(inputs[generate.LARGE]), "--rounds", str(max(1, runs // 2)), env=env
    )
    floor = float(nav["floor"])
    by_part = nav["switch_by_part"]
    assert isinstance(by_part, dict)
    notes.append(
        "Part switch by part (median, large draft): "
        + ", ".join(f"{k} {fmt(v, 's')}" for k, v in by_part.items())
        + "."
    )
    rows = _on_screen_rows(
        "Part switch (F4/F3): key to the new part on screen",
        "Part switch (F4/F3)",
        nav.get("switch_painted"),
        float(nav["switch_median"]),
        floor,
    )
    notes.append(
        "Part switch: parts visited before are kept mounted (hidden), so coming back to a part"
        " only shows it; the first visit mounts it. The pilot's idle wait visits every mounted"
        " widget, hidden ones included, so the 'until idle' figure and its floor grow with the"
        " parts kept; what the user sees is the first paint."
    )
    slowest = float(nav["switch_slowest"])
    alone = nav.get("switch_slowest_alone")
    rows.append(
        Row(
            f"Part switch, slowest part ({nav['switch_slowest_part']})",
            slowest,
            float(alone) if alone is not None else floor,
            "s",
            "< 100 ms",
            slowest < 0.1,
        )
    )
    if alone is not None:
        notes.append(
            f"Floor of the slowest part ({nav['switch_slowest_part']}): a bare Textual app"
            f" mounting the same {nav['switch_slowest_editors']} editors (same texts and"
            f" options) alone, until idle: {fmt(float(alone), 's')}. The other rows' floor is"
            f" the pilot's round trip for a key that does nothing: {fmt(floor, 's')}."
        )
    rows += _on_screen_rows(
        "Next insats (↓ in the list): key to the insats in the editor on screen",
        "Next insats in the editor (↓ in the list)",
        nav.get("insats_painted"),
        float(nav["insats"]),
        floor,
    )
    return rows


def keystroke(inputs: dict[str, Path], folder: Path, runs: int, notes: list[str]) -> list[Row]:
    env = env_for(folder)
    rows = []
    for label, name, target in (
        ("large draft", generate.LARGE, 0.05),
        ("1 MB answer", generate.HUGE_ANSWER, None),
    ):
        work = _interactive("session", str(inputs[name]), "--rounds", str(runs * 2), env=env)
        total, floor = float(work["total"]), float(work["floor"])
        parts = ", ".join(
            f"{k} {fmt(float(work[k]), 's')}" for k in ("commit", "snapshot", "dumps", "write")
        )
        notes.append(
            f"Keystroke to disk, work, {label} ({int(work['bytes']) // 1024} kB file): {parts}."
        )
        rows.append(
            Row(
                f"Keystroke → disk, work (commit, dumps, write), {label}",
                total,
                floor,
                "s",
                "< 50 ms" if target else "–",
                total < target if target else None,
            )
        )
        app = _interactive("keystroke", str(inputs[name]), "--rounds", str(runs), env=env)
        debounce = float(app["debounce"])
        after = float(app["to_disk"]) - debounce
        notes.append(
            f"Keystroke to disk in the app, {label}: {fmt(float(app['to_disk']), 's')} from the"
            f" key to the file replaced, of which {fmt(debounce, 's')} debounce; the key itself"
            f" is handled in {fmt(float(app['typing']), 's')} (pilot floor"
            f" {fmt(float(app['floor_key']), 's')}); in the worker: snapshot"
            f" {fmt(float(app['snapshot']), 's')}, dumps {fmt(float(app['dumps']), 's')}, atomic"
            f" write {fmt(float(app['atomic_write']), 's')}."
        )
        rows.append(
            Row(
                f"Keystroke → disk in the app minus {debounce:.1f} s debounce, {label}",
                after,
                float(app["floor_key"]),
                "s",
                "–",
                None,
            )
        )
    return rows


CHECK_FLOOR = "import pydantic, tomllib"
"""The floor of `rsp-tui check`: importing the libraries it reads and validates with."""
PYDANTIC_MODEL = (
    "from pydantic import BaseModel\n"
    "class Answer(BaseModel):\n    key: str\n    value: int\n"
    "Answer.model_validate({'key': 'q1', 'value': 1})\n"
)
"""One pydantic model class built and one object validated: what any program pays that
validates with pydantic models, beyond `import pydantic` (pydantic imports its model machinery
only when it is first asked for, so the floors above do not include it)."""
PYDANTIC_FLOOR = CHECK_FLOOR + "\n" + PYDANTIC_MODEL
CHECK_STACK = (
    "import sys; from pathlib import Path; from rsp_tui.drafts import load_draft;"
    " load_draft(Path(sys.argv[1]))"
)
"""`check`'s stack floor: the draft read as rsp-tui reads it (the form from its cache, the
draft parsed and validated by its pydantic model), before the answers are checked."""


def prepare(folder: Path) -> None:
    """What an installed rsp-tui has before its first measured run: its modules compiled
    (an installed wheel has them; with PYTHONDONTWRITEBYTECODE set, a checkout would compile
    every module on every start) and the cache of validated forms written (by one `check`)."""
    import compileall

    env = env_for(folder)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    compileall.compile_dir(str(REPO / "src" / "rsp_tui"), quiet=1)
    subprocess.run(
        [PY, "-m", "rsp_tui", "check", str(EXAMPLE)], env=env, capture_output=True, check=False
    )


def check(folder: Path, runs: int, notes: list[str]) -> list[Row]:
    env = env_for(folder)
    floors, models, stacks, checks = alternate(
        runs,
        lambda: measure([PY, "-c", CHECK_FLOOR], env),
        lambda: measure([PY, "-c", PYDANTIC_FLOOR], env),
        lambda: measure([PY, "-c", CHECK_STACK, str(EXAMPLE)], env),
        lambda: measure([PY, "-m", "rsp_tui", "check", str(EXAMPLE)], env),
    )
    floor, value = med([c.wall for c in floors]), med([c.wall for c in checks])
    model, stack = med([c.wall for c in models]), med([c.wall for c in stacks])
    floor_cpu, value_cpu = med([c.cpu for c in floors]), med([c.cpu for c in checks])
    model_cpu = med([c.cpu for c in models])
    notes.append(
        f"rsp-tui check CPU time (user+sys, medians): floor {fmt(floor_cpu, 's')}, one pydantic"
        f" model {fmt(model_cpu, 's')} ({model_cpu / floor_cpu:.2f}×), check"
        f" {fmt(value_cpu, 's')} ({value_cpu / floor_cpu:.2f}×; {value_cpu / model_cpu:.2f}× the"
        " pydantic floor)."
    )
    return [
        Row(
            "rsp-tui check of the example (process)",
            value,
            floor,
            "s",
            "≤ 2× floor",
            value <= 2 * floor,
        ),
        Row("↳ pydantic floor: one model class built and validated", model, floor, "s", "–", None),
        Row("↳ stack floor: reading the draft (load_draft)", stack, floor, "s", "–", None),
    ]


def export_cmd(draft: Path, out: Path) -> list[str]:
    return [PY, "-m", "rsp_tui", "export", str(draft), "-o", str(out)]


def export(
    inputs: dict[str, Path], folder: Path, runs: int, notes: list[str]
) -> tuple[list[Row], list[Child], list[Child]]:
    env = env_for(folder)
    floor_cmd = [PY, "-c", DOCX_FLOOR, str(folder / "empty.docx")]
    example = export_cmd(EXAMPLE, folder / "example.docx")
    many = export_cmd(inputs[generate.MANY], folder / "many.docx")
    stack_cmd = [PY, "-c", STACK_FLOOR, str(EXAMPLE), str(folder / "stack.docx")]
    model_cmd = [PY, "-c", DOCX_FLOOR + "\n" + PYDANTIC_MODEL, str(folder / "model.docx")]
    floors, models, stacks, ex, big = alternate(
        runs,
        lambda: measure(floor_cmd, env),
        lambda: measure(model_cmd, env),
        lambda: measure(stack_cmd, env),
        lambda: measure(example, env),
        lambda: measure(many, env),
    )
    floor, stack = med([c.wall for c in floors]), med([c.wall for c in stacks])
    model = med([c.wall for c in models])
    value_ex, value_big = med([c.wall for c in ex]), med([c.wall for c in big])
    notes.append(
        f"Export CPU time (user+sys, medians): floor {fmt(med([c.cpu for c in floors]), 's')},"
        f" example {fmt(med([c.cpu for c in ex]), 's')},"
        f" 200 insatser {fmt(med([c.cpu for c in big]), 's')}."
    )
    rows = [
        Row(
            "rsp-tui export, example (15 insatser)",
            value_ex,
            floor,
            "s",
            "≤ 2× floor",
            value_ex <= 2 * floor,
        ),
        Row(
            "↳ pydantic floor: the same plus one pydantic model built and validated",
            model,
            floor,
            "s",
            "–",
            None,
        ),
        Row("↳ stack floor: python-docx after reading the draft", stack, floor, "s", "–", None),
        Row("rsp-tui export, 200 insatser", value_big, floor, "s", "< 3 s", value_big < 3.0),
    ]
    return rows, floors, big


def memory(
    inputs: dict[str, Path],
    folder: Path,
    runs: int,
    notes: list[str],
    export_runs: tuple[list[Child], list[Child]] | None,
) -> list[Row]:
    env = env_for(folder)
    probe = str(HERE / "probe_app.py")
    n = max(1, min(runs, 3))

    def tour() -> Child:
        draft = folder / "tour.toml"
        shutil.copy(inputs[generate.LARGE], draft)
        return measure([PY, probe, "tour", str(draft)], env)

    bare, toured = alternate(n, lambda: measure([PY, probe, "bare"], env), tour)
    rows = [
        Row(
            "Peak memory, app with the large draft, every part visited",
            med([c.maxrss for c in toured]),
            med([c.maxrss for c in bare]),
            "MB",
            "< 150 MB",
            med([c.maxrss for c in toured]) < 150,
        )
    ]
    if export_runs is None:
        floor_cmd = [PY, "-c", DOCX_FLOOR, str(folder / "empty.docx")]
        many = export_cmd(inputs[generate.MANY], folder / "many.docx")
        floors, big = alternate(n, lambda: measure(floor_cmd, env), lambda: measure(many, env))
    else:
        floors, big = export_runs
    value = med([c.maxrss for c in big])
    rows.append(
        Row(
            "Peak memory, export of 200 insatser",
            value,
            med([c.maxrss for c in floors]),
            "MB",
            "< 150 MB",
            value < 150,
        )
    )
    return rows


# -- main --------------------------------------------------------------------------------------


def update_docs(block: str) -> None:
    text = DOCS.read_text(encoding="utf-8")
    start, end = text.find(DOC_START), text.find(DOC_END)
    if start < 0 or end < start:
        sys.exit(f"{DOCS} has no {DOC_START} … {DOC_END} section")
    text = text[: start + len(DOC_START)] + "\n" + block + "\n" + text[end:]
    DOCS.write_text(text, encoding="utf-8")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per figure (default 5)")
    parser.add_argument("--only", default=",".join(GROUPS), help=f"some of {','.join(GROUPS)}")
    parser.add_argument("--keep", type=Path, help="keep the generated inputs in this folder")
    parser.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    parser.add_argument(
        "--update-docs", action="store_true", help=f"rewrite the table in {DOCS.relative_to(REPO)}"
    )
    args = parser.parse_args(argv)
    groups = [g.strip() for g in args.only.split(",") if g.strip()]
    unknown = set(groups) - set(GROUPS)
    if unknown:
        parser.error(f"unknown: {', '.join(sorted(unknown))}")
    runs = max(1, args.runs)

    header = machine()
    for line in header:
        print(line, flush=True)
    tmp = Path(tempfile.mkdtemp(prefix="rsp-bench-"))
    try:
        inputs_dir = args.keep or tmp / "inputs"
        print(f"Generating inputs in {inputs_dir} …", flush=True)
        inputs = generate.write_inputs(inputs_dir)
        prepare(tmp)
        rows: list[Row] = []
        notes: list[str] = []
        export_runs = None
        started = time.perf_counter()
        for group in GROUPS:
            if group not in groups:
                continue
            print(f"Measuring {group} …", flush=True)
            if group == "startup":
                rows += startup(inputs, tmp, runs, notes)
            elif group == "terminal":
                rows += terminal(inputs, tmp, runs, notes)
            elif group == "navigate":
                rows += navigate(inputs, tmp, runs, notes)
            elif group == "keystroke":
                rows += keystroke(inputs, tmp, runs, notes)
            elif group == "check":
                rows += check(tmp, runs, notes)
            elif group == "export":
                export_rows, floors, big = export(inputs, tmp, runs, notes)
                rows += export_rows
                export_runs = (floors, big)
            elif group == "memory":
                rows += memory(inputs, tmp, runs, notes, export_runs)
        took = time.perf_counter() - started
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    when = datetime.now().astimezone()
    stamp = f"{when:%Y-%m-%d %H:%M %Z}, medians of {runs} runs, {took:.0f} s in all"
    print()
    print(markdown_table(rows) if args.markdown else text_table(rows))
    print()
    for note in notes:
        print(f"- {note}")
    missed = [r.figure for r in rows if r.met is False]
    print(
        f"\n{len(missed)} of {sum(r.met is not None for r in rows)} targets missed."
        if missed
        else "\nEvery target met."
    )
    if args.update_docs:
        block = "\n".join(
            [
                f"Run {stamp}.",
                "",
                *(f"{line}  " for line in header),
                "",
                markdown_table(rows),
                "",
                *(f"- {note}" for note in notes),
            ]
        )
        update_docs(block)
        print(f"Wrote the table into {DOCS}.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
