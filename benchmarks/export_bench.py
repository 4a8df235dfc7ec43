"""The export figures alone (kept for docs/export.md); the full set is benchmarks/run.py.

    .venv/bin/python benchmarks/export_bench.py [--runs 7]

Same as `benchmarks/run.py --only export`: `rsp-tui export` of the example and of 200 insatser
against the floor of importing python-docx and saving an empty document.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import run  # noqa: E402  (benchmarks/run.py)

if __name__ == "__main__":
    raise SystemExit(run.main(["--only", "export", *sys.argv[1:]]))
