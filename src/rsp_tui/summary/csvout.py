"""Provides the summary's CSV for analysts: a tidy table with one line per region, year,
question, row, column and value, walking the form so that every answer has a line (an
unanswered one with an empty value).

Columns (stable names, never translated): `region;ar;fraga;rad;kolumn;varde;fraga_text;rad_text;
kolumn_text`. `fraga`, `rad` and `kolumn` are the form's stable ids; an insats's `rad` is
`<område>/<n>` (the område's number and the insats's place in it). Values as the document
prints them: decimal comma, marks joined with `; `, goals as `<kod> <text>` lines. UTF-8 with
BOM, `;` between fields and CRLF line ends, so that a Swedish Excel opens it right. A text
that a spreadsheet would run as a formula starts with `'`.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from rsp_tui.drafts.model import NAME_KEY, Draft
from rsp_tui.forms.schema import LEAF_TYPES, FormDefinition, RowsQuestion, TableQuestion
from rsp_tui.summary.figures import area_insatser, cell, is_contacts, text_of
from rsp_tui.summary.intake import Intake
from rsp_tui.textutil import parse_decimal

COLUMNS = [
    "region",
    "ar",
    "fraga",
    "rad",
    "kolumn",
    "varde",
    "fraga_text",
    "rad_text",
    "kolumn_text",
]


def draft_lines(form: FormDefinition, draft: Draft, *, no_contacts: bool) -> Iterator[list[str]]:
    """The lines of one report, in the form's order."""
    base = [draft.region, str(draft.year)]
    for section in form.sections:
        for q in section.questions:
            # Structure, not kind: a table and the insatser have rows of answers; what each
            # answer prints is the kind's (`text_of`).
            if isinstance(q, TableQuestion):
                if no_contacts and is_contacts(q):
                    continue
                for row in q.rows:
                    if row.name_label:
                        name = cell(draft, q, row.id, NAME_KEY)
                        yield [
                            *base,
                            q.id,
                            row.id,
                            NAME_KEY,
                            str(name or ""),
                            q.title,
                            row.label,
                            row.name_label,
                        ]
                    for c in q.columns:
                        value = text_of(c, cell(draft, q, row.id, c.id), draft)
                        yield [
                            *base,
                            q.id,
                            row.id,
                            c.id,
                            value,
                            q.title,
                            row.label,
                            c.display_label,
                        ]
            elif isinstance(q, RowsQuestion):
                yield from _insats_lines(base, section.heading, q, draft)
            elif isinstance(q, LEAF_TYPES):
                value = text_of(q, draft.answers.get(q.id), draft)
                yield [*base, q.id, "", "", value, q.title, "", ""]


def _insats_lines(
    base: list[str], heading: str, q: RowsQuestion, draft: Draft
) -> Iterator[list[str]]:
    for area, items in area_insatser(q, draft):
        where = heading.format(number=area.number, title=area.title) if heading else area.title
        for n, item in items:
            row = f"{area.number}/{n}"
            row_text = f"{where} › {q.item_label} {n}"
            for f in q.fields:
                value = text_of(f, item.get(f.id), draft)
                yield [*base, q.id, row, f.id, value, q.display_label, row_text, f.display_label]


_FORMULA_START = ("=", "+", "@", "\t", "\r")


def _safe(value: str) -> str:
    """A value a spreadsheet would run as a formula (`=…`, `+…`, `@…`, `-` not a number) gets
    a leading `'`, so that opening the file never runs anything."""
    if value.startswith(_FORMULA_START) or (value.startswith("-") and parse_decimal(value) is None):
        return "'" + value
    return value


def csv_text(
    form: FormDefinition, intake: Intake, years: list[int] | None, *, no_contacts: bool
) -> str:
    """The CSV of the reports used (for `years`, or all), regions in the list's order."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(COLUMNS)
    for entry in intake.used():
        if entry.draft is None or (years is not None and entry.year not in years):
            continue
        for line in draft_lines(form, entry.draft, no_contacts=no_contacts):
            writer.writerow([_safe(v) for v in line])
    return out.getvalue()


def csv_bytes(
    form: FormDefinition, intake: Intake, years: list[int] | None, *, no_contacts: bool
) -> bytes:
    """`csv_text` encoded as UTF-8 with a byte-order mark."""
    return csv_text(form, intake, years, no_contacts=no_contacts).encode("utf-8-sig")
