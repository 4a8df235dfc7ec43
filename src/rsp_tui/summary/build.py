"""Provides the summary document: the intake list, Del A (`rsp_tui.summary.parta`) and Del B,
either for one verksamhetsår over the regions or, for one region's reports over several years,
as a comparison across the years.

Imported only by `rsp-tui summary` and the app's summary screen (python-docx is slow to import).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date

from rsp_tui.export.package import add_footnotes, set_properties
from rsp_tui.forms.schema import FormDefinition, RowsQuestion
from rsp_tui.summary.charts import Drawer
from rsp_tui.summary.figures import AreaCount, InsatsCounts, insats_counts
from rsp_tui.summary.intake import (
    MARKED,
    READ_DRAFT,
    READ_EXACT,
    READ_TEXT,
    SUMMARY_KEYWORD,
    Entry,
    Intake,
    report_fields,
)
from rsp_tui.summary.layout import Sheet, Subject, header_width
from rsp_tui.summary.parta import part_a

TITLE = "Sammanställning av regionernas uppföljning"
MAX_BLANKS_LISTED = 8


@dataclass
class Options:
    """What the user asked for."""

    no_contacts: bool = False
    """Leave the contact persons (personal data) out of the document and the CSV."""
    insatser: bool = False
    """List every insats's name per region and område."""


def build_summary(
    form: FormDefinition,
    intake: Intake,
    year: int | None,
    options: Options,
    *,
    region: str | None = None,
    drawer: Drawer | None = None,
) -> tuple[bytes, int]:
    """The summary as .docx bytes and the number of charts drawn: over the regions for `year`,
    or, with `region` (and no year), that region's reports compared across the years. The
    charts are drawn by `drawer` (default: in this process)."""
    comparison = region is not None
    if comparison:
        entries = [e for e in intake.used() if e.region == region]
        subjects = [Subject(str(e.year), e.draft) for e in entries if e.draft is not None]
    else:
        entries = intake.used(year)
        subjects = [Subject(e.region, e.draft) for e in entries if e.draft is not None]
    s = Sheet.new(form, subjects, options, comparison=comparison, drawer=drawer)
    if comparison:
        years = ", ".join(sub.label for sub in subjects)
        s.heading(f"{TITLE}: {region}, {years}", 1, markup=False)
        s.text(
            f"{form.title}. Jämförelse av regionens rapporter för verksamhetsåren {years}."
            f" Skapad {date.today().isoformat()} med rsp-tui."
        )
    else:
        s.heading(f"{TITLE}, {form.years.label.lower()} {year}", 1, markup=False)
        finals = sum(1 for e in entries if e.final)
        s.text(
            f"{form.title}. {len(subjects)} av {len(intake.regions)} regioner har lämnat"
            f" rapport ({finals} slutliga, {len(subjects) - finals} utkast)."
            f" Skapad {date.today().isoformat()} med rsp-tui."
        )
    intake_part(s, intake, year if not comparison else None, region)
    part_a(s)
    part_b(s)
    s.place_pictures()
    doc = s.w.doc
    add_footnotes(doc, s.w.footnotes)
    set_properties(
        doc,
        title=f"{TITLE}",
        author="",
        subject=f"{form.short_title or form.title}: "
        + (f"{region}" if comparison else f"{form.years.label} {year}"),
        keywords=f"{form.id}; version {form.version}; {SUMMARY_KEYWORD}",
        custom={"rsp-tui form": form.id, "rsp-tui summary year": year or 0},
        draft_mode=False,
    )
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue(), s.charts


def _when(entry: Entry, form: FormDefinition) -> list[str]:
    assert entry.draft is not None
    out = []
    for f in report_fields(form):
        value = entry.draft.answers.get(f.id)
        out.append(str(value).strip() if isinstance(value, str) else "")
    return out


def intake_part(s: Sheet, intake: Intake, year: int | None, region: str | None) -> None:
    """Inkomna rapporter: every input for this summary, how it was read and what it lacks."""
    form = s.form
    s.orientation(True)
    s.heading("Inkomna rapporter", 2, markup=False)
    fields = report_fields(form)
    if region is not None:
        mine = [e for e in intake.entries if e.region == region]
    else:
        mine = [e for e in intake.entries if e.draft is not None and e.year == year]
    mine.sort(key=lambda e: (intake.region_order(e.region), e.year or 0, str(e.path)))
    rows = []
    for e in mine:
        used = "ja" if e.used else "nej"
        rows.append(
            [
                e.region or "(okänd)",
                str(e.year),
                *_when(e, form),
                e.status,
                str(len(e.errors)),
                str(len(e.blanks)),
                e.how,
                used,
                e.path.name,
            ]
        )
    header = [
        "Region",
        form.years.label,
        *(f.display_label for f in fields),
        "Status",
        "Fel",
        "Obesvarade",
        "Läst",
        "Används",
        "Fil",
    ]
    widths = [3.6, header_width(header[1], 1.2)]
    widths += [f.SUMMARY_WIDTH for f in fields]
    widths += [2.8, 0.8, header_width("Obesvarade"), 2.2, header_width("Används"), 3.2]
    s.table(header, rows, widths, numeric_from=None)
    s.text(
        f"Läst: {READ_DRAFT} = rsp-tuis utkast (.toml); {READ_EXACT} = Word-fil från rsp-tui,"
        f" läst ur utkastet som finns inbäddat i den; {READ_TEXT} = Word-fil läst från"
        " dokumentets text (ifylld för hand eller ändrad efter exporten: kontrollera"
        f" anmärkningarna nedan). Status: Slutlig = inget saknas eller är fel; {MARKED} ="
        " exporterad som utkast (varje sida märkt UTKAST). Fel och Obesvarade: det som hindrar"
        " en slutlig export.",
        italic=True,
    )
    if year is not None:
        missing = intake.missing(year)
        if missing:
            s.text(
                f"Rapport saknas från {len(missing)} av {len(intake.regions)} regioner:"
                f" {', '.join(missing)}.",
                bold=True,
            )
        else:
            s.text(f"Alla {len(intake.regions)} regioner har lämnat rapport.", bold=True)
    notes_about(s, mine)
    unreadable = intake.unreadable()
    if unreadable:
        s.heading("Filer som inte kunde läsas", 3, markup=False)
        for e in unreadable:
            s.text(f"{e.path}: {e.error}")
    s.orientation(False)


def notes_about(s: Sheet, entries: list[Entry]) -> None:
    """Per report: duplicates, unknown region, blocking problems, blanks, importer warnings."""
    for e in entries:
        lines: list[str] = []
        if e.superseded_by is not None:
            lines.append(
                "Används inte: en nyare rapport för samma region och år finns i"
                f" {e.superseded_by.name}."
            )
        if e.unknown_region:
            lines.append("Regionen finns inte bland de 21 regionerna (forms/regions.toml).")
        if e.error:
            lines.append(e.error)
        for problem in e.errors:
            lines.append(f"Fel: {problem}")
        if e.blanks:
            shown = "; ".join(e.blanks[:MAX_BLANKS_LISTED])
            more = len(e.blanks) - MAX_BLANKS_LISTED
            tail = f" och {more} till" if more > 0 else ""
            lines.append(f"Obesvarat ({len(e.blanks)}): {shown}{tail}.")
        for note in e.notes:
            lines.append(f"Vid inläsningen: {note}")
        if not lines:
            continue
        s.text(
            f"{e.region or '(okänd region)'} {e.year} ({e.path.name})",
            bold=True,
            keep_with_next=True,
        )
        for line in lines:
            s.bullet(line)


def _rows_question(form: FormDefinition) -> RowsQuestion | None:
    section = form.repeat_section
    if section is None:
        return None
    return next((q for q in section.questions if isinstance(q, RowsQuestion)), None)


def part_b(s: Sheet) -> None:
    """Del B: per report and prioriterat område the insatser, per status and serviceslag."""
    q = _rows_question(s.form)
    if q is None:
        return
    section = s.form.repeat_section
    assert section is not None
    s.orientation(True)
    s.heading(f"Del B: {q.label or q.app_label}", 2, markup=False)
    counts = [insats_counts(q, sub.draft) for sub in s.subjects]
    if not counts:
        s.text("Inga rapporter.", italic=True)
        return
    status_labels, mark_labels = counts[0].status_labels, counts[0].mark_labels
    status_name = next((f.display_label for f in q.fields if f.id == q.status_field), "Status")
    marks_name = next((f.display_label for f in q.fields if f.id == _marks_id(q)), "")
    header = [s.key_label, "Prioriterat område", f"Antal {q.item_label.lower()}er"]
    header += [*status_labels, *mark_labels]
    groups = [("", 3), (status_name, len(status_labels)), (marks_name, len(mark_labels))]
    rows: list[list[str]] = []
    bold: list[int] = []
    national = AreaCount("", "", status=dict.fromkeys(status_labels, 0))
    national.marks = dict.fromkeys(mark_labels, 0)

    def line(label: str, area: str, c: AreaCount) -> list[str]:
        return [
            label,
            area,
            str(c.insatser),
            *(str(c.status.get(x, 0)) for x in status_labels),
            *(str(c.marks.get(x, 0)) for x in mark_labels),
        ]

    for sub, ic in zip(s.subjects, counts, strict=True):
        for a in ic.areas:
            rows.append(line(sub.label, f"{a.number}. {a.title}", a))
        total = ic.total()
        rows.append(line(sub.label, "Totalt", total))
        bold.append(len(rows) - 1)
        national.insatser += total.insatser
        for k, v in total.status.items():
            national.status[k] = national.status.get(k, 0) + v
        for k, v in total.marks.items():
            national.marks[k] = national.marks.get(k, 0) + v
    if not s.comparison:
        rows.append(line("Hela landet", "Totalt", national))
        bold.append(len(rows) - 1)
    counted = [header_width(x) for x in header[2:]]
    s.ensure()
    page = int(s.w.width) / 360000  # cm between the margins
    # The område column takes what is left, so that no header word is broken in two.
    widths = [2.6, max(2.5, page - 2.6 - sum(counted)), *counted]
    s.table(header, rows, widths, bold_rows=bold, numeric_from=2, groups=groups)
    if s.options.insatser:
        insats_names(s, q.item_label, counts)


def _marks_id(q: RowsQuestion) -> str:
    from rsp_tui.summary.figures import marks_field

    f = marks_field(q)
    return f.id if f is not None else ""


def insats_names(s: Sheet, item_label: str, counts: list[InsatsCounts]) -> None:
    """Every insats's name per report and område."""
    s.orientation(False)
    s.heading(f"Alla {item_label.lower()}er", 3, markup=False)
    for sub, ic in zip(s.subjects, counts, strict=True):
        s.text(sub.label, bold=True, keep_with_next=True)
        for a in ic.areas:
            if not a.names:
                s.text(f"{a.number}. {a.title}: inga {item_label.lower()}er", italic=True)
                continue
            s.text(f"{a.number}. {a.title}", keep_with_next=True)
            for n, name in enumerate(a.names, start=1):
                s.bullet(name or f"({item_label} {n} saknar namn)")
