"""Provides the limits a Word document must keep before `rsp-tui import` parses it.

A .docx is a zip package of XML parts. A small file can unpack to gigabytes (a zip bomb), and
python-docx would unpack and parse every part whole. So before anything is parsed the package
is read into memory (at most `MAX_FILE_BYTES`, regular files only) and the sizes its central
directory declares are checked: each part, all parts together and their number. Python's
zipfile never unpacks more than a part's declared size (more fails its CRC check), so the
declared sizes bound what is unpacked.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from rsp_tui.errors import DraftError, RspError

MAX_FILE_BYTES = 50 * 1024 * 1024
"""A larger file is not a report (an exported report with 15 insatser is about 60 kB)."""

MAX_PART_BYTES = 16 * 1024 * 1024
"""The largest unpacked part (document.xml of a report with a megabyte of answers: ~2 MB)."""

MAX_TOTAL_BYTES = 64 * 1024 * 1024
"""All unpacked parts together."""

MAX_PARTS = 2000
"""A report has about 20 parts; a package with thousands is not one."""


class PackageRefused(RspError):
    """The file is not a Word document rsp-tui will read (Swedish message, names the file)."""


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.0f} MB"


def read_package(path: Path) -> io.BytesIO:
    """The bytes of the .docx at `path`, checked, ready for python-docx.

    Raises:
        PackageRefused: not a regular file, too large, not a zip package, or one that would
            unpack to too much. Nothing is unpacked or parsed then.
    """
    from rsp_tui.drafts.diskfile import read_regular

    try:
        raw, _ = read_regular(path, MAX_FILE_BYTES, what="ett Word-dokument")
    except DraftError as exc:
        raise PackageRefused(exc.message, path) from None
    if not raw.startswith(b"PK"):
        hint = ""
        if path.suffix.lower() == ".doc":
            hint = " (.doc från äldre Word: spara om den som .docx)"
        raise PackageRefused(f"är inte ett Word-dokument i formatet .docx{hint}", path)
    data = io.BytesIO(raw)
    try:
        with zipfile.ZipFile(data) as package:
            infos = package.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError):
        raise PackageRefused(
            "är inte ett Word-dokument i formatet .docx (trasig zip-fil)", path
        ) from None
    if len(infos) > MAX_PARTS:
        raise PackageRefused(
            f"Word-dokumentet består av {len(infos)} delar (högst {MAX_PARTS}); det läses inte"
            " in",
            path,
        )
    total = 0
    for info in infos:
        if info.file_size > MAX_PART_BYTES:
            raise PackageRefused(
                f"delen {info.filename[:80]} blir {_mb(info.file_size)} uppackad (högst"
                f" {_mb(MAX_PART_BYTES)}); dokumentet läses inte in",
                path,
            )
        total += info.file_size
    if total > MAX_TOTAL_BYTES:
        raise PackageRefused(
            f"Word-dokumentet blir {_mb(total)} uppackat (högst {_mb(MAX_TOTAL_BYTES)}); det"
            " läses inte in",
            path,
        )
    data.seek(0)
    return data
