"""Benchmark of the national summary: `rsp-tui summary` over 21 regional reports, as a whole
process (start-up, reading, the document with its charts, the CSV), against its floor.

    .venv/bin/python benchmarks/summary_bench.py [--runs 5] [--keep DIR]

Inputs: the 21 reports of tests/summarygen.py, once as draft files and once as exported Word
files (which are read exactly: each document's part is checked against the digest its embedded
draft carries, and only a document changed since the export is composed again to compare its
text). Targets: 21 drafts in under 3 s, 21 Word files in under 5 s.

Prints figures only (median wall time and CPU time of several runs, with the machine's load
average, since on a shared machine wall time says more about the neighbours than about us);
nothing here is a test. The floor is a process that imports what the command needs (python-docx,
matplotlib's figure, our form loader) and does nothing else.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))

from tests.summarygen import write_reports  # noqa: E402

PY = sys.executable
FLOOR = (
    "import docx, matplotlib; matplotlib.use('Agg'); import matplotlib.figure;"
    " from rsp_tui.forms import load_form; load_form()"
)
TARGETS = {"drafts": 3.0, "docx": 5.0}


def run_once(args: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds (the process and the workers it waited for)."""
    before = os.times()
    start = time.perf_counter()
    done = subprocess.run(args, capture_output=True, cwd=REPO)
    wall = time.perf_counter() - start
    after = os.times()
    if done.returncode != 0:
        sys.exit(f"failed ({done.returncode}): {' '.join(args)}\n{done.stderr.decode()}")
    cpu = (after.children_user - before.children_user) + (
        after.children_system - before.children_system
    )
    return wall, cpu


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", metavar="DIR", help="keep the inputs and outputs in DIR")
    args = parser.parse_args(argv)
    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="rsp-summary-"))
    try:
        write_reports(folder / "drafts")
        write_reports(folder / "docx", docx=True)
        commands = {
            "floor": [PY, "-c", FLOOR],
            **{
                kind: [
                    PY,
                    "-m",
                    "rsp_tui",
                    "summary",
                    str(folder / kind),
                    "-o",
                    str(folder / f"{kind}.docx"),
                    "--csv",
                    str(folder / f"{kind}.csv"),
                ]
                for kind in ("drafts", "docx")
            },
        }
        results: dict[str, list[tuple[float, float]]] = {k: [] for k in commands}
        for _ in range(args.runs):  # interleaved: a change in load hits all alike
            for name, command in commands.items():
                results[name].append(run_once(command))
        load = os.getloadavg()
        print(
            f"rsp-tui summary, 21 reports, {args.runs} runs, {os.cpu_count()} processors,"
            f" load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}"
        )
        print(
            f"{'':10} {'wall (median)':>14} {'× floor':>8} {'CPU (median)':>13} {'× floor':>8}"
            f" {'target':>8}  met (wall)"
        )
        floor_wall = statistics.median(v[0] for v in results["floor"])
        floor_cpu = statistics.median(v[1] for v in results["floor"])
        for name, values in results.items():
            wall = statistics.median(v[0] for v in values)
            cpu = statistics.median(v[1] for v in values)
            target = TARGETS.get(name)
            met = "" if target is None else ("met" if wall < target else "MISSED")
            shown = f"< {target:.0f} s" if target else "–"
            print(
                f"{name:10} {wall:13.2f}s {wall / floor_wall:7.2f}× {cpu:12.2f}s"
                f" {cpu / floor_cpu:7.2f}× {shown:>8}  {met}"
            )
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
