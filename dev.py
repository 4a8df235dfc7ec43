#!/usr/bin/env python3
"""Set up and run rsp-tui from a checkout, with nothing but Python 3.11+ installed.

    python3 dev.py app [ARG ...]    start the app (creates .venv and installs on first use)
    python3 dev.py test [ARG ...]   run the whole test suite (likewise, with test tools)
    python3 dev.py bench [ARG ...]  run the benchmarks (see benchmarks/README.md)
    python3 dev.py lint             ruff and mypy

The virtual environment is re-installed whenever pyproject.toml changes.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
EXTRAS = {"app": "", "test": "[test]", "bench": "[dev]", "lint": "[dev]"}


def _stamp(extra: str) -> str:
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()[:16]
    return f"{digest}{extra}"


def _installed() -> set[str]:
    stamp = VENV / ".rsp-tui-installed"
    return set(stamp.read_text().split()) if stamp.exists() else set()


def ensure_venv(extra: str) -> None:
    """Create .venv and install rsp-tui (editable) with `extra`, unless already done."""
    if sys.version_info < (3, 11):
        sys.exit(f"rsp-tui behöver Python 3.11 eller nyare (det här är {sys.version.split()[0]}).")
    wanted = {_stamp(extra), _stamp("")} if extra else {_stamp("")}
    if PYTHON.exists() and wanted <= _installed():
        return
    if not PYTHON.exists():
        print("Förbereder en egen Python-miljö i .venv (bara första gången) …", flush=True)
        venv.EnvBuilder(with_pip=True, clear=VENV.exists()).create(VENV)
    print("Installerar rsp-tui och det som behövs …", flush=True)
    subprocess.run(
        [str(PYTHON), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
         "-e", f"{ROOT}{extra}"],
        check=True,
    )
    installed = {s for s in _installed() if s.startswith(_stamp("")[:16])} | wanted
    (VENV / ".rsp-tui-installed").write_text("\n".join(sorted(installed)))


def run(cmd: list[str], cwd: Path | None = ROOT) -> int:
    """Run `cmd` with the venv's tools first on PATH; return its exit status."""
    env = dict(os.environ, PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}")
    env.pop("PYTHONHOME", None)
    return subprocess.call(cmd, cwd=cwd, env=env)


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in EXTRAS:
        print(__doc__)
        return 2
    task, rest = argv[0], argv[1:]
    ensure_venv(EXTRAS[task])
    if task == "app":
        return run([str(PYTHON), "-m", "rsp_tui", *rest], cwd=None)
    if task == "test":
        return run([str(PYTHON), "-m", "pytest", *rest])
    if task == "bench":
        return run([str(PYTHON), str(ROOT / "benchmarks" / "run.py"), *rest])
    status = run([str(PYTHON), "-m", "ruff", "check", "src", "tests"])
    return run([str(PYTHON), "-m", "mypy"]) or status


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
