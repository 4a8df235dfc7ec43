"""Provides the text of a draft file: a TOML document a person can read and edit (multi-line
answers as `\"\"\"` strings), written by the one writer `tomlwrite`, and read back with its
form, migrated and checked.

Its last line is a checksum of everything above it, so that a file cut short is detected (TOML
itself has no end marker: `hours = 73.5` cut to `hours = 73` still parses). A file edited by
hand keeps its last line but no longer matches it; it is read anyway, with a notice.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rsp_tui.drafts import migrations, tomlwrite
from rsp_tui.drafts.model import FORMAT_VERSION, Draft
from rsp_tui.drafts.shape import check_shapes
from rsp_tui.errors import DraftError, FormDefinitionError
from rsp_tui.forms.loader import format_loc, load_form, toml_error, validation_messages
from rsp_tui.forms.schema import FormDefinition
from rsp_tui.tomlloc import locate

if TYPE_CHECKING:
    from rsp_tui.drafts.diskfile import Fingerprint

CHECKSUM_PREFIX = "# rsp-tui kontrollsumma: sha256="
_CHECKSUM_LINE = re.compile(r"^# rsp-tui kontrollsumma: sha256=([0-9a-f]{64})$")

HEADER = """\
# rsp-tui: utkast till uppföljning av regionalt serviceprogram.
# Filen kan läsas och redigeras i en vanlig texteditor. Svaren står under [answers].
# Den sista raden är en kontrollsumma som visar att filen är hel. Ändrar du i filen
# säger rsp-tui till nästa gång den öppnas, men läser den ändå. Ta inte bort sista raden.
"""

ENCODING = "utf-8"

BOM = b"\xef\xbb\xbf"
"""A UTF-8 byte order mark: older Notepad starts every file with it; it is skipped."""

TOP_KEYS = ("format", "form_id", "form_version", "app_version", "region", "year")


def body(data: dict[str, Any]) -> str:
    """The TOML of a dumped draft (see `tomlwrite`: the one writer, byte for byte what
    tomlkit writes). Raises `tomlwrite.Unsupported` for a value TOML cannot hold."""
    writer = tomlwrite.Writer()
    for key in (*TOP_KEYS, "created", "updated"):
        writer.pair(key, data[key])
    if data["previous_year"] is not None:
        writer.pair("previous_year", data["previous_year"])
    writer.blank()
    writer.table("programme", data["programme"])
    writer.table("answers", data["answers"])
    if data["previous"]:
        writer.table("previous", data["previous"])
    return writer.text()


def dumps(draft: Draft) -> str:
    """The draft as the text of its file, checksum line included."""
    data = draft.model_dump(mode="python")
    for key in ("first_year", "last_year"):  # an unknown programme period is not written
        if not data["programme"].get(key, 1):
            del data["programme"][key]
    text = HEADER + body(data)
    if not text.endswith("\n"):
        text += "\n"
    digest = hashlib.sha256(text.encode(ENCODING)).hexdigest()
    return f"{text}{CHECKSUM_PREFIX}{digest}\n"


# -- reading ---------------------------------------------------------------------------------


@dataclass
class LoadedDraft:
    """A draft read from disk, with its form and what the user should be told."""

    draft: Draft
    form: FormDefinition
    path: Path
    notices: list[str] = field(default_factory=list)
    """Swedish notes: edited outside rsp-tui, migrated from an older form version, …"""
    fingerprint: Fingerprint | None = None
    """The file as it was read (None when the text did not come from a file)."""


def split_checksum(text: str, path: Path) -> tuple[str, bool]:
    """Return the body above the checksum line and whether it matches.

    Raises:
        DraftError: the checksum line is missing (the file is cut short).
    """
    stripped = text.rstrip("\n")
    cut = stripped.rfind("\n")
    last = stripped[cut + 1 :].rstrip("\r ")
    match = _CHECKSUM_LINE.match(last)
    if match is None:
        raise DraftError(
            "filen är ofullständig: kontrollsumman på sista raden saknas, så filen kan vara"
            " avkortad. Öppna säkerhetskopian (.bak) eller kontrollera slutet av filen.",
            path,
            stripped.count("\n") + 1,
        )
    body = text[: cut + 1]
    ok = hashlib.sha256(body.encode(ENCODING)).hexdigest() == match.group(1)
    return body, ok


def loads(text: str, path: Path) -> LoadedDraft:
    """Parse and check the text of a draft file (see `load_draft`)."""
    try:
        return _loads(text, path)
    except RecursionError:
        # tomllib, pydantic and the shape checks recurse once per level of nesting.
        raise DraftError(
            "filen är för djupt nästlad (tusentals [ eller { inuti varandra) för att vara ett"
            " utkast",
            path,
        ) from None


def _loads(text: str, path: Path) -> LoadedDraft:
    import tomllib

    if text.startswith("\ufeff"):  # a byte order mark (older Notepad)
        text = text[1:]

    notices: list[str] = []
    body, intact = split_checksum(text, path)
    if not intact:
        notices.append(
            "Filen har ändrats utanför rsp-tui sedan den sparades (kontrollsumman stämmer inte)."
            " Den har lästs in; kontrollera att svaren ser rätt ut."
        )
    try:
        data = tomllib.loads(body)
    except tomllib.TOMLDecodeError as exc:
        line, detail = toml_error(exc)
        raise DraftError(f"ogiltig TOML: {detail}", path, line) from None

    fmt = data.get("format")
    if not isinstance(fmt, int):
        raise DraftError(
            "är inte ett rsp-tui-utkast (nyckeln format saknas eller är inget heltal)",
            path,
            locate(body, ["format"]),
        )
    if fmt > FORMAT_VERSION:
        raise DraftError(
            f"utkastet är sparat av en nyare version av rsp-tui (filformat {fmt}, den här"
            f" versionen läser {FORMAT_VERSION}). Uppdatera rsp-tui för att öppna det.",
            path,
            locate(body, ["format"]),
        )
    form_id = data.get("form_id")
    if not isinstance(form_id, str):
        raise DraftError(
            "nyckeln form_id saknas eller är ingen text", path, locate(body, ["form_id"])
        )
    try:
        form = load_form(form_id)
    except FormDefinitionError as exc:
        raise DraftError(
            f'utkastet hör till formuläret "{form_id}", som inte går att läsa: {exc.describe()}',
            path,
            locate(body, ["form_id"]),
        ) from None
    version = data.get("form_version")
    if not isinstance(version, int):
        raise DraftError(
            "nyckeln form_version saknas eller är inget heltal",
            path,
            locate(body, ["form_version"]),
        )
    if version > form.version:
        raise DraftError(
            f'utkastet är skrivet för version {version} av formuläret "{form_id}", men den här'
            f" versionen av rsp-tui känner bara till version {form.version}. Uppdatera rsp-tui.",
            path,
            locate(body, ["form_version"]),
        )
    if version < form.version:
        try:
            data, steps = migrations.migrate(data, form.id, form.version)
        except migrations.MigrationMissing as exc:
            raise DraftError(
                f"utkastet är skrivet för version {exc.from_version} av formuläret, och det"
                f" finns ingen uppgradering därifrån till version {form.version}",
                path,
                locate(body, ["form_version"]),
            ) from None
        notices.append(
            f"Utkastet var skrivet för version {version} av formuläret och har uppgraderats"
            f" till version {form.version}. Originalet sparas som .bak vid nästa sparning."
        )
    try:
        draft = Draft.model_validate(data)
    except Exception as exc:  # pydantic.ValidationError
        from pydantic import ValidationError

        if not isinstance(exc, ValidationError):
            raise
        problems = validation_messages(exc, body, data)
        line, message = problems[0]
        if len(problems) > 1:
            message += f" (och {len(problems) - 1} fel till)"
        raise DraftError(message, path, line) from None
    shape_problems = check_shapes(form, draft.programme, data.get("answers", {}))
    if shape_problems:
        loc, message = shape_problems[0]
        more = f" (och {len(shape_problems) - 1} fel till)" if len(shape_problems) > 1 else ""
        raise DraftError(f"{format_loc(list(loc))}: {message}{more}", path, locate(body, list(loc)))
    return LoadedDraft(draft=draft, form=form, path=path, notices=notices)
