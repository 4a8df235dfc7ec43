"""LibreOffice opens the exported document and converts it to PDF (skipped without soffice)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from rsp_tui.drafts import load_draft
from rsp_tui.export import export_report

REPO = Path(__file__).resolve().parents[2]
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) är inte installerat")
@pytest.mark.parametrize("draft_mode", [False, True])
def test_libreoffice_converts_the_example_to_pdf(tmp_path: Path, draft_mode: bool) -> None:
    assert SOFFICE is not None
    loaded = load_draft(REPO / "examples" / "exempel-2023.toml")
    out = tmp_path / "exempel-2023.docx"
    export_report(loaded.form, loaded.draft, out, draft_mode=draft_mode)
    profile = tmp_path / "lo-profile"  # its own profile: no clash with a running LibreOffice
    result = subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr
    pdf = tmp_path / "exempel-2023.pdf"
    assert pdf.is_file(), result.stdout + result.stderr
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        return
    text = subprocess.run(
        [pdftotext, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = text.split("\f")
    assert "Sida 1 av" in pages[0]  # the page fields were filled in
    assert ("UTKAST" in pages[-2]) == draft_mode
    assert "Prioriterat område 3." in text
