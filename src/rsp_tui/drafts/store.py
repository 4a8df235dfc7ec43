"""Provides reading and writing of draft files.

A draft is a TOML file a person can read and edit (multi-line answers as `\"\"\"` strings). Its
last line is a checksum of everything above it, so that a file cut short is detected (TOML
itself has no end marker: `hours = 73.5` cut to `hours = 73` still parses). A file edited by
hand keeps its last line but no longer matches it; it is read anyway, with a notice.

Saving is atomic (see `rsp_tui.safefile`) and keeps the previous version as `<name>.bak`.
A file that cannot be read is reported with its line and is never written over.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from rsp_tui.drafts import migrations, tomlwrite
from rsp_tui.drafts.model import FORMAT_VERSION, Draft, now
from rsp_tui.drafts.shape import check_shapes
from rsp_tui.errors import DraftError, FormDefinitionError
from rsp_tui.forms.loader import format_loc, load_form, toml_error, validation_messages
from rsp_tui.forms.schema import FormDefinition
from rsp_tui.safefile import atomic_write, create_new
from rsp_tui.textutil import slug
from rsp_tui.tomlloc import locate

MAX_DRAFT_BYTES = 25 * 1024 * 1024
"""A larger file is not a draft (the largest realistic one is a few MB)."""

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

SAVE_FAILED = "kunde inte spara utkastet"
"""How the message of a failed save begins; the reason follows after a colon."""


def backup_path(path: Path) -> Path:
    """Where the previous version of `path` is kept."""
    return path.with_name(path.name + ".bak")


# -- writing ---------------------------------------------------------------------------------


def _toml_value(value: Any) -> Any:
    import tomlkit

    if isinstance(value, str):
        # Multi-line answers as """ strings (PITFALLS: much faster for long text, and readable).
        # A lone CR cannot be kept by a multi-line string, so such text stays on one line.
        if "\n" in value and "\r" not in value:
            return tomlkit.string(value, multiline=True)
        return tomlkit.string(value)
    if isinstance(value, list):
        if value and all(isinstance(v, dict) for v in value):
            aot = tomlkit.aot()
            for item in value:
                aot.append(_toml_table(item))
            return aot
        arr = tomlkit.array()
        for v in value:
            arr.append(_toml_value(v))
        return arr
    if isinstance(value, dict):
        return _toml_table(value)
    return value


def _toml_table(mapping: dict[str, Any]) -> Any:
    import tomlkit

    table = tomlkit.table()
    # Plain values first, then sub-tables, so the file reads top-down.
    for key, val in mapping.items():
        if not isinstance(val, dict) and not _is_aot(val):
            table.add(key, _toml_value(val))
    for key, val in mapping.items():
        if isinstance(val, dict) or _is_aot(val):
            table.add(key, _toml_value(val))
    return table


def _is_aot(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)


_TOP_KEYS = ("format", "form_id", "form_version", "app_version", "region", "year")


def _body_tomlkit(data: dict[str, Any]) -> str:
    """The TOML of a dumped draft, written by tomlkit (the reference for `_body_fast`)."""
    import tomlkit

    doc = tomlkit.document()
    for key in _TOP_KEYS:
        doc.add(key, _toml_value(data[key]))
    doc.add("created", data["created"])
    doc.add("updated", data["updated"])
    if data["previous_year"] is not None:
        doc.add("previous_year", data["previous_year"])
    doc.add(tomlkit.nl())
    doc.add("programme", _toml_table(data["programme"]))
    doc.add("answers", _toml_table(data["answers"]))
    if data["previous"]:
        doc.add("previous", _toml_table(data["previous"]))
    return str(tomlkit.dumps(doc))


def _body_fast(data: dict[str, Any]) -> str:
    """The same text as `_body_tomlkit`, about 20 times faster (every autosave writes the
    whole file). Raises `tomlwrite.Unsupported` for a value it does not handle."""
    writer = tomlwrite.Writer()
    for key in (*_TOP_KEYS, "created", "updated"):
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
    try:
        text = _body_fast(data)
    except tomlwrite.Unsupported:
        text = _body_tomlkit(data)
    body = HEADER + text
    if not body.endswith("\n"):
        body += "\n"
    digest = hashlib.sha256(body.encode(ENCODING)).hexdigest()
    return f"{body}{CHECKSUM_PREFIX}{digest}\n"


def save_draft(
    draft: Draft, path: Path, *, touch: bool = True, backup: bool = True
) -> Fingerprint:
    """Write the draft to `path` atomically, keeping the previous version as `.bak` (unless
    `backup` is False); returns the fingerprint of the file written.

    Raises:
        DraftError: the folder is missing or not writable, the disk is full, …; the file on
            disk is then unchanged.
    """
    if touch:
        draft.updated = now()
    data = dumps(draft).encode(ENCODING)
    if not path.parent.is_dir():
        raise DraftError("mappen som utkastet ska sparas i finns inte", path.parent)
    try:
        st = atomic_write(path, data, backup=backup_path(path) if backup else None)
    except OSError as exc:
        raise DraftError(f"{SAVE_FAILED}: {_os_reason(exc)}", path) from exc
    return Fingerprint(identity_of(st), hashlib.sha256(data).hexdigest())


def create_draft_file(draft: Draft, path: Path, *, touch: bool = True) -> None:
    """Write the draft to a new file `path`, never over an existing one (see
    `safefile.create_new`: whole or not at all, and two writers of one name cannot both win).

    Raises:
        FileExistsError: `path` exists; nothing was written.
        DraftError: the folder is missing or not writable, the disk is full, …
    """
    if touch:
        draft.updated = now()
    data = dumps(draft).encode(ENCODING)
    if not path.parent.is_dir():
        raise DraftError("mappen som utkastet ska sparas i finns inte", path.parent)
    try:
        create_new(path, data)
    except FileExistsError:
        raise
    except OSError as exc:
        raise DraftError(f"{SAVE_FAILED}: {_os_reason(exc)}", path) from exc


def create_draft_in(draft: Draft, folder: Path, name: str, *, touch: bool = True) -> Path:
    """Write the draft to a new file in `folder` under `name`, or `name-2.toml`, … when taken
    (also when taken at the very moment of writing); returns the path written.

    Raises:
        DraftError: as `create_draft_file`.
    """
    taken: set[Path] = set()
    for _ in range(1000):
        path = unique_path(folder, name, taken)
        try:
            create_draft_file(draft, path, touch=touch)
        except FileExistsError:
            taken.add(path)
            continue
        return path
    raise DraftError("hittade inget ledigt filnamn för utkastet", folder / name)


def _os_reason(exc: OSError) -> str:
    import errno

    reasons = {
        errno.ENOSPC: "disken är full",
        errno.EACCES: "saknar behörighet att skriva i mappen",
        errno.EPERM: "saknar behörighet att skriva i mappen",
        errno.EROFS: "mappen är skrivskyddad",
        errno.EDQUOT: "diskkvoten är slut",
        errno.ENOENT: "mappen finns inte längre",
        errno.EISDIR: "det finns en mapp med samma namn",
        errno.EIO: "läs- eller skrivfel på disken",
        errno.EBUSY: "filen används av ett annat program",
        errno.ELOOP: "sökvägen går genom för många symboliska länkar",
        errno.ENAMETOOLONG: "filnamnet är för långt",
        errno.ENOTDIR: "en del av sökvägen är inte en mapp",
    }
    return reasons.get(exc.errno or 0, exc.strerror or str(exc))


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


@dataclass(frozen=True)
class Fingerprint:
    """What a draft file was when it was last read or written: its identity on disk (device,
    inode, size, modification time) and a checksum of its bytes. A save compares the file
    with this first, so that a file changed by someone else is never written over."""

    identity: tuple[int, int, int, int]
    sha256: str


def identity_of(st: os.stat_result) -> tuple[int, int, int, int]:
    """What changes when a file is replaced or rewritten."""
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


def _not_regular(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "är en mapp, inte ett utkast"
    if stat.S_ISFIFO(mode):
        return "är en namngiven rörledning (FIFO), inte ett utkast; bara vanliga filer läses"
    if stat.S_ISSOCK(mode):
        return "är en socket, inte ett utkast; bara vanliga filer läses"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "är en enhetsfil, inte ett utkast; bara vanliga filer läses"
    return "är inte en vanlig fil; bara vanliga filer läses"


def read_regular(path: Path, limit: int, what: str = "ett utkast") -> tuple[bytes, os.stat_result]:
    """The bytes of `path` if it is a regular file of at most `limit` bytes, and its status.

    A FIFO, socket or device node is refused before it is opened (reading one could block
    forever or have side effects), and the file is opened without blocking and checked again
    on the open descriptor (a file swapped for a FIFO meanwhile is refused too).

    Raises:
        DraftError: Swedish, naming the file; nothing is changed.
    """
    try:
        st = path.stat()
        if not stat.S_ISREG(st.st_mode):
            raise DraftError(_not_regular(st.st_mode).replace("ett utkast", what), path)
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
        fd = os.open(path, flags)
        try:
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode):
                raise DraftError(_not_regular(st.st_mode).replace("ett utkast", what), path)
            if st.st_size > limit:
                raise DraftError(
                    f"filen är {st.st_size / 1024 / 1024:.0f} MB, för stor för att vara {what}"
                    f" (högst {limit // 1024 // 1024} MB)",
                    path,
                )
            chunks: list[bytes] = []
            total = 0
            while True:
                chunk = os.read(fd, 1 << 20)
                if not chunk:
                    break
                total += len(chunk)
                if total > limit:  # grew while being read
                    raise DraftError(
                        f"filen är större än {limit // 1024 // 1024} MB, för stor för att vara"
                        f" {what}",
                        path,
                    )
                chunks.append(chunk)
        finally:
            os.close(fd)
    except FileNotFoundError:
        raise DraftError("filen finns inte", path) from None
    except PermissionError:
        raise DraftError("saknar behörighet att läsa filen", path) from None
    except DraftError:
        raise
    except OSError as exc:
        raise DraftError(f"kunde inte läsa filen ({_os_reason(exc)})", path) from None
    return b"".join(chunks), st


def _read_text(path: Path) -> tuple[str, Fingerprint]:
    raw, st = read_regular(path, MAX_DRAFT_BYTES)
    fingerprint = Fingerprint(identity_of(st), hashlib.sha256(raw).hexdigest())
    if raw.startswith(BOM):  # saved by an older Notepad
        raw = raw[len(BOM) :]
    if not raw.strip():
        raise DraftError("filen är tom", path)
    try:
        return raw.decode(ENCODING), fingerprint
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DraftError(
            "filen innehåller tecken som inte är UTF-8; spara den som UTF-8 i din texteditor",
            path,
            line,
        ) from None


def fingerprint_of(path: Path) -> Fingerprint | None:
    """The fingerprint of the file at `path` now; None when there is no readable regular
    file there (missing, a folder, unreadable)."""
    try:
        raw, st = read_regular(path, MAX_DRAFT_BYTES * 4)
    except DraftError:
        return None
    return Fingerprint(identity_of(st), hashlib.sha256(raw).hexdigest())


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


def load_draft(path: Path) -> LoadedDraft:
    """Read a draft file.

    Raises:
        DraftError: with a Swedish message naming the file and, when known, the line. The file
            is left exactly as it was.
    """
    text, fingerprint = _read_text(path)
    loaded = loads(text, path)
    loaded.fingerprint = fingerprint
    return loaded


# -- the drafts folder -----------------------------------------------------------------------


def default_filename(region: str, year: int) -> str:
    """`jamtland-harjedalen-2023.toml`."""
    return f"{slug(region)}-{year}.toml"


def unique_path(folder: Path, name: str, skip: Collection[Path] = ()) -> Path:
    """`folder/name`, or `name-2.toml`, `name-3.toml`, … if taken (or in `skip`)."""
    candidate = folder / name
    stem, suffix = candidate.stem, candidate.suffix
    n = 2
    while candidate.exists() or backup_path(candidate).exists() or candidate in skip:
        candidate = folder / f"{stem}-{n}{suffix}"
        n += 1
    return candidate


@dataclass
class DraftSummary:
    """What the start screen shows of one draft file."""

    path: Path
    region: str = ""
    year: int | None = None
    updated: datetime | None = None
    error: str | None = None
    """Why the file cannot be opened, if it cannot."""
    loaded: LoadedDraft | None = None


def list_drafts(folder: Path) -> list[DraftSummary]:
    """Every draft in `folder`, newest first; unreadable files are listed with their error."""
    out: list[DraftSummary] = []
    if not folder.is_dir():
        return out
    for path in folder.glob("*.toml"):
        try:
            loaded = load_draft(path)
        except DraftError as exc:
            mtime = None
            try:
                mtime = datetime.fromtimestamp(path.stat().st_mtime).astimezone()
            except OSError:
                pass
            out.append(DraftSummary(path=path, updated=mtime, error=exc.describe()))
            continue
        d = loaded.draft
        out.append(
            DraftSummary(path=path, region=d.region, year=d.year, updated=d.updated, loaded=loaded)
        )
    out.sort(key=lambda s: s.updated.timestamp() if s.updated else 0.0, reverse=True)
    return out
