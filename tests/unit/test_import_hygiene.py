"""The headless core never imports Textual (checked in a fresh interpreter)."""

from __future__ import annotations

import subprocess
import sys

CORE = [
    "rsp_tui",
    "rsp_tui.cli",
    "rsp_tui.forms",
    "rsp_tui.drafts",
    "rsp_tui.drafts.store",
    "rsp_tui.validation",
    "rsp_tui.structure",
    "rsp_tui.export",
    "rsp_tui.safefile",
    "rsp_tui.summary",
    "rsp_tui.summary.build",
    "rsp_tui.summary.csvout",
]


def test_core_modules_do_not_import_textual() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {CORE!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith(('textual.', 'rsp_tui.tui')))\n"
        "print(bad)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_cli_check_does_not_import_docx_or_textual(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Keeps the subcommands fast: heavy libraries load only where they are needed."""
    code = (
        "import sys\nfrom rsp_tui.cli import main\n"
        f"main(['new', '--region', 'Skåne', '--year', '2023', '-o', {str(tmp_path / 'x.toml')!r}])\n"
        f"main(['check', {str(tmp_path / 'x.toml')!r}])\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'textual', 'docx', 'lxml', 'matplotlib'}), file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stderr.strip().splitlines()[-1] == "[]"
