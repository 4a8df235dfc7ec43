"""LibreOffice opens the exported document and converts it to PDF (skipped without soffice)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

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


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) är inte installerat")
def test_a_document_saved_again_by_libreoffice_imports(tmp_path: Path) -> None:
    """LibreOffice keeps the embedded draft (it rewrites the part, same content) and the body
    text (it folds the section break's empty paragraph into the one before): the import is
    exact. Without the embedded draft the text alone gives the same answers."""
    from rsp_tui.drafts.model import ID_KEY
    from rsp_tui.importer import import_docx
    from rsp_tui.textutil import split_emails
    from tests.unit.handmade import strip_payload

    assert SOFFICE is not None
    loaded = load_draft(REPO / "examples" / "exempel-2023.toml")
    source = tmp_path / "export" / "exempel-2023.docx"
    source.parent.mkdir()
    export_report(loaded.form, loaded.draft, source)
    result = subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}",
            "--headless",
            "--convert-to",
            "docx",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr
    resaved = tmp_path / "exempel-2023.docx"
    assert resaved.read_bytes() != source.read_bytes()

    exact = import_docx(resaved)
    assert exact.exact, [n.describe() for n in exact.notes]
    assert exact.draft.model_dump() == loaded.draft.model_dump()

    def answers(draft: Any) -> Any:
        data = draft.model_dump()["answers"]
        for row in data["q4"].values():
            row["epost"] = split_emails(row["epost"])
        for items in data["insatser"].values():
            for item in items:
                item.pop(ID_KEY)
        return data

    text_only = import_docx(strip_payload(resaved))
    assert not text_only.exact and text_only.notes == []
    assert answers(text_only.draft) == answers(loaded.draft)
    assert text_only.draft.programme.model_dump() == loaded.draft.programme.model_dump()


MAX_PAGES_200 = 130
"""The 200-insats benchmark draft (every cell full of text) fits in this many pages; it took
202 while every insats row under 7 cm was kept on one page under a 4.5 cm header."""


def _pages(pdf: Path) -> int:
    pdfinfo = shutil.which("pdfinfo")
    if pdfinfo is not None:
        out = subprocess.run([pdfinfo, str(pdf)], capture_output=True, text=True, check=True)
        for line in out.stdout.splitlines():
            if line.startswith("Pages:"):
                return int(line.split()[1])
    import re

    return len(re.findall(rb"/Type\s*/Page[^s]", pdf.read_bytes()))


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) är inte installerat")
def test_the_200_insats_draft_fits_in_130_pages(tmp_path: Path) -> None:
    import importlib.util

    from rsp_tui.forms import load_form

    assert SOFFICE is not None
    spec = importlib.util.spec_from_file_location("generate", REPO / "benchmarks" / "generate.py")
    assert spec is not None and spec.loader is not None
    generate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generate)
    form = load_form()
    draft = generate.filled_draft(form, 200, seed=200)
    out = tmp_path / "insatser-200.docx"
    export_report(form, draft, out)
    result = subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    pages = _pages(tmp_path / "insatser-200.pdf")
    assert 40 < pages <= MAX_PAGES_200
