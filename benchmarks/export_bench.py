"""Benchmark of the Word export: prints figures, asserts nothing.

    .venv/bin/python benchmarks/export_bench.py [--runs 7]

Measures, as medians over fresh processes (wall time and CPU time of the child process):

- the floors: `python -c pass`, and `import docx` + saving an empty document;
- `rsp-tui export` of examples/exempel-2023.toml (3 områden, 15 insatser);
- `rsp-tui export` of a 200-insats draft made from the example in a temp folder;

and, in this process after the imports, the CPU time of `export_report` alone.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "exempel-2023.toml"
PY = sys.executable


def run_child(args: list[str], runs: int) -> tuple[float, float]:
    """Median wall and CPU (user + sys) seconds of running `args` `runs` times."""
    walls, cpus = [], []
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(proc.pid, 0)
        walls.append(time.perf_counter() - start)
        if os.waitstatus_to_exitcode(status) != 0:
            err = proc.stderr.read().decode() if proc.stderr else ""
            sys.exit(f"{' '.join(args)} failed:\n{err}")
        cpus.append(usage.ru_utime + usage.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def make_200(folder: Path) -> Path:
    """The example with its insatser repeated until there are 200, saved in `folder`."""
    spec = importlib.util.spec_from_file_location(
        "make_example", REPO / "examples" / "make_example.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    from rsp_tui.drafts import save_draft

    draft = module.build()
    by_area = draft.answers["insatser"]
    originals = [(area, dict(item)) for area, items in by_area.items() for item in items]
    total = len(originals)
    n = 0
    while total < 200:
        area, item = originals[n % len(originals)]
        values = {k: v for k, v in item.items() if k != "_id"}
        values["planerade"] = f"{values['planerade']} (kopia {n + 1})"
        draft.add_item("insatser", area, values)
        total += 1
        n += 1
    path = folder / "stor-200.toml"
    save_draft(draft, path)
    return path


def in_process(path: Path, runs: int) -> float:
    """Median CPU seconds of `export_report` alone, imports done beforehand."""
    from rsp_tui.drafts import load_draft
    from rsp_tui.export import export_report

    loaded = load_draft(path)
    out = path.with_suffix(".inproc.docx")
    export_report(loaded.form, loaded.draft, out)  # warm-up: imports python-docx
    times = []
    for _ in range(runs):
        start = time.process_time()
        export_report(loaded.form, loaded.draft, out)
        times.append(time.process_time() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        big = make_200(folder)
        empty = "import io, docx; d = docx.Document(); d.save(io.BytesIO())"
        rows: list[tuple[str, tuple[float, float]]] = [
            ("python -c pass", run_child([PY, "-c", "pass"], runs)),
            ("floor: import docx + save empty", run_child([PY, "-c", empty], runs)),
            (
                "rsp-tui export example (15 insatser)",
                run_child(
                    [PY, "-m", "rsp_tui", "export", str(EXAMPLE), "-o", str(folder / "ex.docx")],
                    runs,
                ),
            ),
            (
                "rsp-tui export 200 insatser",
                run_child(
                    [PY, "-m", "rsp_tui", "export", str(big), "-o", str(folder / "b.docx")], runs
                ),
            ),
        ]
        example_copy = folder / "exempel.toml"
        example_copy.write_bytes(EXAMPLE.read_bytes())
        inproc_example = in_process(example_copy, runs)
        inproc_big = in_process(big, runs)

    print(f"medians of {runs} runs, {os.cpu_count()} CPUs, Python {sys.version.split()[0]}")
    print(f"{'':40} {'wall s':>8} {'CPU s':>8}")
    for name, (wall, cpu) in rows:
        print(f"{name:40} {wall:8.3f} {cpu:8.3f}")
    floor_cpu = rows[1][1][1]
    print(f"{'export_report only, example':40} {'':8} {inproc_example:8.3f}")
    print(f"{'export_report only, 200 insatser':40} {'':8} {inproc_big:8.3f}")
    print(
        f"ratios (CPU): example / floor = {rows[2][1][1] / floor_cpu:.1f},"
        f" 200 insatser / floor = {rows[3][1][1] / floor_cpu:.1f},"
        f" 200 insatser / example = {rows[3][1][1] / rows[2][1][1]:.1f}"
    )


if __name__ == "__main__":
    main()
