"""Provides migration of drafts written for an older version of their form.

When a form file's structure changes so that stored answers no longer fit (a question id is
renamed, a column split in two), its `version` is raised and a migration from the previous
version is registered here:

    @migration("rsp-uppfoljning", from_version=1)
    def _split_q3(data: dict[str, Any]) -> dict[str, Any]:
        ...  # rewrite data["answers"], return data

A migration receives the draft's raw data (as parsed from TOML) and returns it for the next
version. Loading applies the steps in order; a missing step is an error, never a guess.
The mechanism itself is tested with a test-only form (tests/unit/test_migrations.py).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

Migration = Callable[[dict[str, Any]], dict[str, Any]]

_MIGRATIONS: dict[tuple[str, int], Migration] = {}


def migration(form_id: str, from_version: int) -> Callable[[Migration], Migration]:
    """Register a function migrating drafts of `form_id` from `from_version` to the next."""

    def register(func: Migration) -> Migration:
        key = (form_id, from_version)
        if key in _MIGRATIONS:
            raise ValueError(f"migration for {key} registered twice")
        _MIGRATIONS[key] = func
        return func

    return register


class MigrationMissing(Exception):
    """No registered migration for a step."""

    def __init__(self, form_id: str, from_version: int):
        self.form_id = form_id
        self.from_version = from_version
        super().__init__(f"{form_id} {from_version}")


def migrate(
    data: dict[str, Any], form_id: str, target_version: int
) -> tuple[dict[str, Any], list[int]]:
    """Bring `data` (a draft of `form_id`) up to `target_version`.

    Returns:
        The migrated data and the versions it passed through (empty if none).

    Raises:
        MigrationMissing: a step has no migration.
    """
    version = int(data.get("form_version", target_version))
    steps: list[int] = []
    while version < target_version:
        func = _MIGRATIONS.get((form_id, version))
        if func is None:
            raise MigrationMissing(form_id, version)
        data = func(data)
        version += 1
        data["form_version"] = version
        steps.append(version)
    return data, steps


@migration("rsp-uppfoljning", from_version=1)
def _datum_follows_export(data: dict[str, Any]) -> dict[str, Any]:
    """Version 2 (form-spec D.2, D.4, D.14).

    Datum: version 1 filled it in with the day the report was created; version 2 leaves it
    blank, and a blank Datum is the day of the export. A Datum equal to the day the draft was
    created is taken to be that default and cleared; any other date was typed (or imported)
    and is kept.

    Fråga 3's total became optional: stored numbers stay as they are, and nothing has to be
    rewritten for it.
    """
    answers = data.get("answers")
    if isinstance(answers, dict):
        datum = answers.get("datum")
        created = _day(data.get("created"))
        if isinstance(datum, str) and created is not None and datum.strip() == created:
            answers["datum"] = ""
    return data


def _day(value: Any) -> str | None:
    """The ISO day of a stored timestamp (TOML datetime or text), or None."""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value.strip()).date().isoformat()
        except ValueError:
            return None
    return None
