"""Provides reading a programme from any file a region has (a programme file `.toml` as in
forms/programmes/, an outline `.txt` copied from the programme's PDF, or the programme's Word
document `.docx`) and writing a programme file to share with a colleague."""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from pathlib import Path

from rsp_tui.errors import RspError
from rsp_tui.forms.outline import Outline, outline_from_docx, parse_outline
from rsp_tui.forms.programme import Programme

MAX_BYTES = 5 * 1024 * 1024
"""A programme's outline is a few pages; a larger file is not one."""


class ProgrammeFileError(RspError):
    """The file cannot be read as a programme."""


def read_programme(path: Path, region: str = "") -> Outline:
    """The programme in `path`, by its suffix: `.toml` a programme file, `.docx` a Word
    document, anything else an outline in plain text (UTF-8, or Windows' cp1252).

    Raises:
        ProgrammeFileError: the file is missing, too large or not what its suffix says.
    """
    if path.is_dir():
        raise ProgrammeFileError("är en mapp, inte en fil med ett program", path)
    if not path.exists():
        raise ProgrammeFileError("filen finns inte", path)
    if path.stat().st_size > MAX_BYTES:
        raise ProgrammeFileError("är större än 5 MB; det är inte ett programs text", path)
    suffix = path.suffix.lower()
    if suffix == ".toml":
        from rsp_tui.forms.loader import load_programme_file

        programme = load_programme_file(path)
        if region and not programme.region:
            programme.region = region
        return Outline(programme=programme)
    if suffix == ".docx":
        if not zipfile.is_zipfile(path):
            raise ProgrammeFileError("är inte ett Word-dokument i formatet .docx", path)
        try:
            text = outline_from_docx(path)
        except Exception as exc:  # python-docx raises several kinds for broken packages
            raise ProgrammeFileError(
                f"Word-dokumentet går inte att läsa ({type(exc).__name__})", path
            ) from None
        return _checked(parse_outline(text, region), path)
    if suffix in (".doc", ".pdf"):
        raise ProgrammeFileError(
            "kan inte läsas direkt: kopiera programmets områden och mål till en textfil"
            " (.txt), eller spara dokumentet som .docx",
            path,
        )
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    return _checked(parse_outline(text, region), path)


def _checked(outline: Outline, path: Path) -> Outline:
    if not outline.programme.omraden:
        raise ProgrammeFileError(
            "innehåller inga prioriterade områden eller mål (väntade rader som"
            ' "1 Område" och "1.1 Mål", eller ett mål per rad)',
            path,
        )
    return outline


def programme_toml(programme: Programme) -> str:
    """The programme as a programme file (the format of forms/programmes/): a programme's own
    goals as a top-level `mal`, each område as `[[omraden]]`."""
    import tomlkit

    doc = tomlkit.document()
    name = programme.region or "regionen"
    doc.add(tomlkit.comment(f"Regionalt serviceprogram: {name}. Skapad av rsp-tui."))
    doc.add(tomlkit.comment("Läs in i en rapport med: rsp-tui programme import FIL UTKAST"))
    doc.add(tomlkit.nl())
    doc.add("region", programme.region)
    if programme.first_year:
        doc.add("first_year", programme.first_year)
    if programme.last_year:
        doc.add("last_year", programme.last_year)
    whole = programme.whole()
    if whole is not None:
        doc.add("mal", _goals(whole.mal))
    areas = tomlkit.aot()
    for area in programme.omraden:
        if area.whole:
            continue
        table = tomlkit.table()
        table.add("number", area.number)
        table.add("title", area.title)
        table.add("mal", _goals(area.mal))
        areas.append(table)
    if len(areas):
        doc.add("omraden", areas)
    return str(tomlkit.dumps(doc))


def _goals(goals: Sequence[object]) -> object:
    import tomlkit

    array = tomlkit.array()
    array.multiline(True)
    for goal in goals:
        item = tomlkit.inline_table()
        if goal.code:  # type: ignore[attr-defined]
            item.add("code", goal.code)  # type: ignore[attr-defined]
        item.add("text", goal.text)  # type: ignore[attr-defined]
        array.append(item)
    return array


def write_programme(programme: Programme, path: Path) -> None:
    """Write a programme file (atomically; an existing file is replaced)."""
    from rsp_tui.safefile import atomic_write

    atomic_write(path, programme_toml(programme).encode("utf-8"))
