"""Hostile input files, generated at test time (nothing big is committed): Word packages with
absurd table spans, zip bombs and oversized parts, and drafts that are deeply nested, start
with a byte order mark or carry terminal escape sequences."""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

CHECKSUM_PREFIX = "# rsp-tui kontrollsumma: sha256="


def with_checksum(body: str) -> str:
    """`body` with a matching checksum line, as rsp-tui writes it (so only what we mean to
    test is wrong with the file)."""
    if not body.endswith("\n"):
        body += "\n"
    return f"{body}{CHECKSUM_PREFIX}{hashlib.sha256(body.encode()).hexdigest()}\n"


def body_of(draft_text: str) -> str:
    """A draft's text without its checksum line."""
    return draft_text[: draft_text.rstrip("\n").rfind("\n") + 1]


@lru_cache(maxsize=1)
def minimal_docx() -> bytes:
    """A small valid Word document with one 3×3 table (made by python-docx)."""
    import docx

    document = docx.Document()
    document.add_paragraph("Uppföljning av regionalt serviceprogram")
    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row.cells):
            cell.text = f"r{r}c{c}"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def replace_part(package: bytes, name: str, change: Callable[[str], str] | bytes) -> bytes:
    """The package with part `name` replaced by `change(old_text)` (a callable) or bytes."""
    src = zipfile.ZipFile(io.BytesIO(package))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == name:
                data = change if isinstance(change, bytes) else change(data.decode("utf-8")).encode("utf-8")
            dst.writestr(info.filename, data)
    return out.getvalue()


def docx_with_row_xml(insert_in_first_row: str, cell_props: str = "") -> bytes:
    """The minimal document with `insert_in_first_row` as the first row's properties and
    `cell_props` as the first cell's."""

    def change(xml: str) -> str:
        xml = re.sub(r"<w:tr( [^>]*)?>", lambda m: m.group(0) + insert_in_first_row, xml, count=1)
        if cell_props:
            xml = re.sub(r"<w:tc>(<w:tcPr>)?", lambda m: "<w:tc><w:tcPr>" + cell_props + ("" if m.group(1) else "</w:tcPr>"), xml, count=1)
        return xml

    return replace_part(minimal_docx(), "word/document.xml", change)


class _Repeat:
    """Stands in for zipfile's compressor: every 1 MB chunk of spaces compresses to the same
    bytes (a full flush makes each piece stand alone), so they are compressed once."""

    def __init__(self, piece: bytes, tail: bytes) -> None:
        self.piece, self.tail = piece, tail

    def compress(self, data: bytes) -> bytes:
        return self.piece

    def flush(self) -> bytes:
        return self.tail


def zip_bomb(unpacked_mb: int) -> bytes:
    """A .docx whose document.xml unpacks to `unpacked_mb` MB of spaces (about 1000:1), made
    in about a second per GB (the CRC of what it unpacks to is real)."""
    import zlib

    chunk = b" " * (1024 * 1024)
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
    piece = deflate.compress(chunk) + deflate.flush(zlib.Z_FULL_FLUSH)
    tail = deflate.flush()
    base = zipfile.ZipFile(io.BytesIO(minimal_docx()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in base.infolist():
            if info.filename == "word/document.xml":
                part = zipfile.ZipInfo(info.filename)
                part.compress_type = zipfile.ZIP_DEFLATED
                with dst.open(part, "w", force_zip64=True) as fh:
                    # attr-defined: zipfile's private compressor of the part being written,
                    # replaced so that a GB of spaces is not compressed for real (test data only).
                    fh._compressor = _Repeat(piece, tail)  # type: ignore[attr-defined]
                    for _ in range(unpacked_mb):
                        fh.write(chunk)
            else:
                dst.writestr(info.filename, base.read(info.filename))
    return out.getvalue()


def big_document(paragraphs: int, text: str = "Service på landsbygden, rad för rad. ") -> bytes:
    """A valid document with `paragraphs` paragraphs of text (for the size and time bound of
    a large but acceptable input)."""

    def change(xml: str) -> str:
        para = f"<w:p><w:r><w:t>{text * 3}</w:t></w:r></w:p>"
        return xml.replace("<w:body>", "<w:body>" + para * paragraphs, 1)

    return replace_part(minimal_docx(), "word/document.xml", change)


def incompressible_media(mb: int) -> bytes:
    """A valid document carrying `mb` MB of random bytes as a media part (a 10 MB file)."""
    import os

    base = zipfile.ZipFile(io.BytesIO(minimal_docx()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in base.infolist():
            dst.writestr(info.filename, base.read(info.filename))
        dst.writestr("word/media/image1.bin", os.urandom(mb * 1024 * 1024))
    return out.getvalue()


def write(path: Path, data: bytes | str) -> Path:
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path
