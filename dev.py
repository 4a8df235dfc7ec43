#!/usr/bin/env python3
"""Set up and run rsp-tui from a checkout, with nothing but Python 3.11+ installed.

The virtual environment is re-installed whenever pyproject.toml changes. What the user reads
(the help below, progress and failures) is Swedish; an installation that fails (no network,
a proxy) says what to do instead of printing a traceback.
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

USAGE = """Kör rsp-tui från den här mappen; bara Python 3.11 eller nyare behövs.

    python3 dev.py app [ARG ...]    starta appen (första gången skapas .venv och allt
                                    som behövs installeras)
    python3 dev.py test [ARG ...]   kör testsviten (installerar även testverktygen)
    python3 dev.py bench [ARG ...]  kör prestandamätningarna (se benchmarks/README.md)
    python3 dev.py lint             kör ruff och mypy

Allt efter app skickas vidare till rsp-tui, till exempel: python3 dev.py app check FIL
"""

INSTALL_FAILED = """
Installationen misslyckades (pip avslutade med status {status}); se pips meddelande ovan.
Inget i dina utkast har påverkats.

Vanliga orsaker och vad du kan göra:
  - Ingen internetanslutning: anslut och kör samma kommando igen.
  - En proxy på jobbet: ange den, till exempel
        export HTTPS_PROXY=http://proxy.example.org:8080     (Linux, macOS)
        set HTTPS_PROXY=http://proxy.example.org:8080        (Windows)
    och kör kommandot igen. Fråga IT-avdelningen om adressen.
  - Ett eget paketindex: ange det med PIP_INDEX_URL=https://...
  - Installera i stället som ett eget program: pipx install .   (eller: uv tool install .)
"""


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
        try:
            venv.EnvBuilder(with_pip=True, clear=VENV.exists()).create(VENV)
        except (OSError, subprocess.CalledProcessError) as exc:
            sys.exit(
                f"Kunde inte skapa Python-miljön i {VENV} ({exc}).\n"
                "På Debian och Ubuntu behövs paketet python3-venv: sudo apt install"
                " python3-venv. Ta sedan bort mappen .venv och försök igen."
            )
    print("Installerar rsp-tui och det som behövs …", flush=True)
    try:
        status = subprocess.call(
            [str(PYTHON), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
             "-e", f"{ROOT}{extra}"],
        )
    except OSError as exc:
        status = f"kunde inte startas: {exc.strerror}"  # type: ignore[assignment]
    if status != 0:
        sys.exit(INSTALL_FAILED.format(status=status))
    installed = {s for s in _installed() if s.startswith(_stamp("")[:16])} | wanted
    (VENV / ".rsp-tui-installed").write_text("\n".join(sorted(installed)))


def run(cmd: list[str], cwd: Path | None = ROOT) -> int:
    """Run `cmd` with the venv's tools first on PATH; return its exit status."""
    env = dict(os.environ, PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}")
    env.pop("PYTHONHOME", None)
    return subprocess.call(cmd, cwd=cwd, env=env)


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in EXTRAS:
        print(USAGE)
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
    try:
        raise SystemExit(main(sys.argv[1:]))
    except KeyboardInterrupt:
        raise SystemExit(130) from None
