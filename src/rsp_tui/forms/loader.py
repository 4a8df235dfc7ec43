"""Provides loading of form, programme and region files, with Swedish errors naming file,
line and key path, e.g. `forms/x.toml: sections[2].questions[0].kind: okänd frågetyp "tabel"`.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from rsp_tui.errors import FormDefinitionError, RspError
from rsp_tui.forms.programme import Programme, Region, RegionList
from rsp_tui.forms.schema import FormDefinition
from rsp_tui.paths import forms_dirs
from rsp_tui.tomlloc import locate

M = TypeVar("M", bound=BaseModel)

DEFAULT_FORM_ID = "rsp-uppfoljning"


def read_toml(
    path: Path, error: type[RspError] = FormDefinitionError
) -> tuple[str, dict[str, Any]]:
    """Read and parse a TOML file; errors name the file and line in Swedish."""
    try:
        raw = path.read_bytes()
    except IsADirectoryError:
        raise error("är en mapp, inte en fil", path) from None
    except FileNotFoundError:
        raise error("filen finns inte", path) from None
    except PermissionError:
        raise error("saknar behörighet att läsa filen", path) from None
    except OSError as exc:
        raise error(f"kunde inte läsa filen ({exc.strerror})", path) from None
    return parse_toml(raw, path, error)


def parse_toml(
    raw: bytes, path: Path, error: type[RspError] = FormDefinitionError
) -> tuple[str, dict[str, Any]]:
    """Parse the bytes of a TOML file read from `path`; errors as `read_toml`'s."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad_line = raw[: exc.start].count(b"\n") + 1
        raise error(
            f"filen är inte giltig UTF-8 (byte {exc.start} är felaktig)", path, bad_line
        ) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line, detail = toml_error(exc)
        raise error(f"ogiltig TOML: {detail}", path, line) from None
    return text, data


_TOML_MESSAGES = {
    "Illegal character": "otillåtet tecken",
    "Unterminated string": "en text saknar avslutande citattecken",
    "Expected '=' after a key": "väntade '=' efter en nyckel",
    "Invalid value": "ogiltigt värde",
    "Invalid statement": "ogiltig rad",
    "Cannot overwrite a value": "nyckeln finns redan",
    "Cannot declare": "tabellen finns redan",
    "Invalid initial character for a key part": "ogiltigt tecken i början av en nyckel",
    "Expected newline or end of document": "väntade radslut efter värdet",
    "Unclosed array": "en lista saknar avslutande ]",
    "Unclosed inline table": "en tabell saknar avslutande }",
}


def toml_error(exc: Exception) -> tuple[int | None, str]:
    """Line and Swedish description of a tomllib error."""
    text = str(exc)
    match = re.search(r"\(at line (\d+), column (\d+)\)", text)
    line = int(match.group(1)) if match else getattr(exc, "lineno", None)
    detail = re.sub(r"\s*\(at line \d+, column \d+\)", "", text)
    detail = re.sub(r"\s*\(at end of document\)", "", detail)
    for english, swedish in _TOML_MESSAGES.items():
        if detail.startswith(english):
            detail = f"{swedish} ({detail})"
            break
    if match:
        detail += f", kolumn {match.group(2)}"
    return line, detail


def format_loc(loc: Sequence[str | int]) -> str:
    """`("sections", 2, "kind")` → `sections[2].kind`."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + part
    return out


def _data_loc(data: Any, loc: Sequence[str | int]) -> list[str | int]:
    """Drop the discriminator tags pydantic inserts into `loc` by following the real data."""
    out: list[str | int] = []
    node = data
    for part in loc:
        if isinstance(node, dict) and isinstance(part, str) and part in node:
            out.append(part)
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            out.append(part)
            node = node[part]
        elif isinstance(node, dict) and isinstance(part, str) and part not in node:
            # Either a missing key (keep it) or a union tag such as "table" (drop it).
            if node.get("kind") == part:
                continue
            out.append(part)
            node = None
        else:
            node = None
    return out


_KIND_WORD = {"questions": "frågetyp", "columns": "fälttyp", "fields": "fälttyp"}


def _message(err: Any, loc: list[str | int]) -> str:
    kind = err["type"]
    ctx = err.get("ctx") or {}
    if kind in ("union_tag_invalid", "union_tag_not_found"):
        container = next((p for p in reversed(loc) if isinstance(p, str) and p != "kind"), "")
        word = _KIND_WORD.get(str(container), "typ")
        expected = str(ctx.get("expected_tags", "")).replace("'", "")
        if kind == "union_tag_not_found":
            return f"nyckeln kind saknas (tillåtna: {expected})"
        return f'okänd {word} "{ctx.get("tag")}" (tillåtna: {expected})'
    messages = {
        "missing": "nyckeln saknas",
        "extra_forbidden": "okänd nyckel",
        "string_type": "ska vara en text inom citattecken",
        "int_type": "ska vara ett heltal",
        "int_parsing": "ska vara ett heltal",
        "int_from_float": "ska vara ett heltal",
        "float_type": "ska vara ett tal",
        "float_parsing": "ska vara ett tal",
        "bool_type": "ska vara true eller false",
        "bool_parsing": "ska vara true eller false",
        "list_type": "ska vara en lista [ … ]",
        "dict_type": "ska vara en tabell",
        "model_type": "ska vara en tabell",
        "datetime_type": "ska vara en tidpunkt",
        "datetime_parsing": "ska vara en tidpunkt, t.ex. 2024-01-31T10:00:00+01:00",
        "datetime_from_date_parsing": "ska vara en tidpunkt, t.ex. 2024-01-31T10:00:00+01:00",
        "datetime_object_invalid": "ska vara en tidpunkt, t.ex. 2024-01-31T10:00:00+01:00",
        "date_type": "ska vara ett datum, t.ex. 2024-01-31",
        "date_parsing": "ska vara ett datum, t.ex. 2024-01-31",
        "date_from_datetime_parsing": "ska vara ett datum, t.ex. 2024-01-31",
        "string_too_long": "texten är för lång",
        "string_too_short": "texten är för kort",
        "too_long": "har för många element",
        "too_short": "har för få element",
        "recursion_loop": "är för djupt nästlad",
    }
    if kind in messages:
        return messages[kind]
    if kind == "string_pattern_mismatch":
        return "ogiltigt id (bara a–z, 0–9 och _, och börjar med en bokstav)"
    if kind == "literal_error":
        return f"ska vara en av: {ctx.get('expected', '')}"
    if kind == "greater_than_equal":
        return f"ska vara minst {ctx.get('ge')}"
    if kind == "less_than_equal":
        return f"ska vara högst {ctx.get('le')}"
    if kind == "value_error":
        return str(ctx.get("error", err["msg"]))
    return "ogiltigt värde"  # pydantic's own text is English


def validation_messages(exc: ValidationError, text: str, data: Any) -> list[tuple[int | None, str]]:
    """Turn pydantic errors into (line, "key.path: Swedish message") pairs."""
    out: list[tuple[int | None, str]] = []
    for err in exc.errors():
        loc = _data_loc(data, err["loc"])
        if err["type"] in ("union_tag_invalid", "union_tag_not_found"):
            loc = loc + ["kind"]
        line = locate(text, loc) if loc else None
        where = format_loc(loc)
        msg = _message(err, loc)
        out.append((line, f"{where}: {msg}" if where else msg))
    return out


def validate_file(model: type[M], path: Path, error: type[RspError] = FormDefinitionError) -> M:
    """Read `path` and validate it as `model`; raise `error` with every problem listed."""
    text, data = read_toml(path, error)
    return validate_data(model, data, text, path, error)


def validate_data(model: type[M], data: Any, text: str, path: Path, error: type[RspError]) -> M:
    """Validate already-parsed data; errors name `path`, the line and the key path."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems = validation_messages(exc, text, data)
        line, first = problems[0]
        message = first
        if len(problems) > 1:
            rest = "; ".join((f"{m} (rad {ln})" if ln else m) for ln, m in problems[1:6])
            more = f" och {len(problems) - 6} till" if len(problems) > 6 else ""
            message += f" (rad {line})" if line else ""
            message += f"; även: {rest}{more}"
            raise error(message, path) from None
        raise error(message + (f" (rad {line})" if line else ""), path) from None


def form_files() -> list[Path]:
    """Every form definition file found, first folder wins for a given name."""
    seen: dict[str, Path] = {}
    for folder in forms_dirs():
        if folder.is_dir():
            for p in sorted(folder.glob("*.toml")):
                if p.name != "regions.toml":
                    seen.setdefault(p.stem, p)
    return list(seen.values())


def load_form_file(path: Path) -> FormDefinition:
    """Load one form file: from the cache of validated forms when this very file (and this
    very schema) was validated before (`forms/cache.py`), else validated and cached."""
    from rsp_tui.forms import cache

    try:
        raw = path.read_bytes()
    except OSError:
        return validate_file(FormDefinition, path)  # the Swedish error for an unreadable file
    cached = cache.load(raw)
    if isinstance(cached, FormDefinition):
        return cached
    text, data = parse_toml(raw, path)
    form = validate_data(FormDefinition, data, text, path, FormDefinitionError)
    cache.store(raw, form)
    return form


@lru_cache(maxsize=16)
def _load_form_cached(path: Path, mtime_ns: int) -> FormDefinition:
    return load_form_file(path)


def load_form(form_id: str = DEFAULT_FORM_ID) -> FormDefinition:
    """The form with this id (forms are looked up by their `id` key)."""
    for path in form_files():
        if path.stem == form_id:
            return _load_form_cached(path, path.stat().st_mtime_ns)
    for path in form_files():
        form = _load_form_cached(path, path.stat().st_mtime_ns)
        if form.id == form_id:
            return form
    raise FormDefinitionError(f'formuläret "{form_id}" finns inte bland formulärfilerna')


def list_forms() -> list[tuple[Path, FormDefinition | FormDefinitionError]]:
    """Every form file with its definition, or the error that stops it from loading."""
    out: list[tuple[Path, FormDefinition | FormDefinitionError]] = []
    for path in form_files():
        try:
            out.append((path, _load_form_cached(path, path.stat().st_mtime_ns)))
        except FormDefinitionError as exc:
            out.append((path, exc))
    return out


def _find(relative: str) -> Path | None:
    for folder in forms_dirs():
        candidate = folder / relative
        if candidate.exists():
            return candidate
    return None


def load_regions() -> list[Region]:
    """The 21 regions, from forms/regions.toml."""
    path = _find("regions.toml")
    if path is None:
        raise FormDefinitionError("regions.toml saknas bland formulärfilerna")
    return list(validate_file(RegionList, path).regions)


def region_names() -> list[str]:
    """The regions' names, in the file's order."""
    return [r.name for r in load_regions()]


def programme_files() -> list[Path]:
    """Every programme file found."""
    seen: dict[str, Path] = {}
    for folder in forms_dirs():
        sub = folder / "programmes"
        if sub.is_dir():
            for p in sorted(sub.glob("*.toml")):
                seen.setdefault(p.stem, p)
    return list(seen.values())


def load_programme_file(path: Path) -> Programme:
    """Load one programme file."""
    return validate_file(Programme, path)


def programme_for_region(region: str) -> Programme | None:
    """The programme of `region` when the forms know it, else None."""
    for r in load_regions():
        if r.name == region and r.programme:
            path = _find(f"programmes/{r.programme}.toml")
            if path is None:
                raise FormDefinitionError(
                    f'regions.toml: regionen "{region}" pekar på programmet "{r.programme}",'
                    " som saknas i programmes/"
                )
            return load_programme_file(path)
    for path in programme_files():
        programme = load_programme_file(path)
        if programme.region == region:
            return programme
    return None
