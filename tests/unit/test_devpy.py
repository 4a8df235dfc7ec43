"""`python3 dev.py`: Swedish help, and a failed installation (offline, a proxy) says what to
do instead of printing a traceback."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(os.name == "nt", reason="the stand-in pip is a shell script")
def test_a_failed_install_says_what_to_do(tmp_path: Path) -> None:
    shutil.copy(REPO / "dev.py", tmp_path / "dev.py")
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n", "utf-8")
    python = tmp_path / ".venv" / "bin" / "python"
    python.parent.mkdir(parents=True)
    # A venv whose pip fails the way it does offline.
    python.write_text(
        "#!/bin/sh\necho 'ERROR: Could not find a version that satisfies the requirement'"
        " >&2\nexit 1\n",
        "utf-8",
    )
    python.chmod(0o755)
    done = subprocess.run(
        [sys.executable, str(tmp_path / "dev.py"), "app"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "Installationen misslyckades (pip avslutade med status 1)" in done.stderr
    assert "HTTPS_PROXY" in done.stderr and "pipx install ." in done.stderr
    assert not (tmp_path / ".venv" / ".rsp-tui-installed").exists()


def test_help_is_swedish() -> None:
    done = subprocess.run(
        [sys.executable, str(REPO / "dev.py")], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 2
    assert "starta appen" in done.stdout and "kör testsviten" in done.stdout
