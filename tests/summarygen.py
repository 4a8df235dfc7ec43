"""Generates 21 varied synthetic regional reports with known values, for the national summary's
tests and benchmark (committed code; its output is never committed).

    .venv/bin/python tests/summarygen.py OUT_DIR [--docx] [--year 2023]

Every answer follows from the region's place in the list (`i`), so the tests know the counts
and sums without reading the summary's own code: `Expected` is tallied here while the reports
are made.
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

from rsp_tui.drafts import Draft, new_draft, save_draft
from rsp_tui.forms import load_form, region_names
from rsp_tui.forms.programme import Area, Goal, Programme

Q1_OPTIONS = ["Minskar", "Oförändrat", "Ökar", ""]
"""Fråga 1's answers cycle through these ("" = not answered)."""
Q6_STEPS = ["Samtal", "Samråd", "Samarbete", "Samhandling", "", "Samtal via kommunerna"]
STATUSES = ["Klar", "Fortsätter", ""]
SERVICESLAG = [
    "Dagligvaror",
    "Drivmedel",
    "Ombud för posttjänst, betaltjänst eller apotek",
    "Bredare sammanhang",
]
STAMP = datetime(2024, 1, 20, 10, 0, tzinfo=timezone(timedelta(hours=1)))


@dataclass
class Expected:
    """What the summary must find in the generated reports."""

    q1: dict[str, Counter[str]] = field(default_factory=dict)
    """By Fråga 1 row id: how many reports answered each option ("" = not answered)."""
    q6: dict[str, Counter[str]] = field(default_factory=dict)
    """By Fråga 6 row id: steps ("" = not given, other texts as written)."""
    q3: dict[str, Decimal] = field(default_factory=dict)
    """By Fråga 3 row id: the national sum of årsarbetskrafter."""
    insatser: dict[str, int] = field(default_factory=dict)
    """By region: the number of insatser."""
    status: Counter[str] = field(default_factory=Counter)
    """National count of insatser per status ("" = not given)."""
    marks: Counter[str] = field(default_factory=Counter)
    """National count of serviceslag marks ("" = none marked)."""


def q3_value(i: int, row: int) -> Decimal:
    """Årsarbetskrafter of region `i` in Fråga 3's row `row`: 0,25 steps, some with two
    decimals."""
    return Decimal(i % 5) * Decimal("0.25") + Decimal(row) * Decimal("0.15")


def report(i: int, region: str, year: int, expected: Expected | None = None) -> Draft:
    """Region number `i`'s report for `year`."""
    form = load_form()
    areas = [
        Area(
            number=str(k),
            title=f"Tillgänglig service {k} i {region}",
            mal=[
                Goal(code=f"{k}.1", text=f"Mål {k}.1 för {region}"),
                Goal(code=f"{k}.2", text="Fler ombud"),
            ],
        )
        for k in range(1, 2 + i % 3)
    ]
    draft = new_draft(form, region, year, Programme(region=region, omraden=areas))
    a = draft.answers
    a["datum"] = f"{year + 1}-01-{10 + i:02d}"
    a["upprattad_av"] = f"Handläggare {i}"
    q1 = form.question("q1")
    a["q1"] = {}
    for j, row in enumerate(q1.rows):  # type: ignore[union-attr]
        choice = Q1_OPTIONS[(i + j) % 4]
        comment = f"{region} om {row.label.lower()}: skäl {i}-{j}." if (i + j) % 3 == 0 else ""
        a["q1"][row.id] = {"bedomning": choice, "kommentar": comment}
        if expected is not None:
            expected.q1.setdefault(row.id, Counter())[choice] += 1
    a["q2"] = f"Framtidsspaning från {region}.\nAndra stycket." if i % 4 else ""
    q3 = form.question("q3")
    a["q3"] = {}
    for j, row in enumerate(q3.rows):  # type: ignore[union-attr]
        value = q3_value(i, j)
        a["q3"][row.id] = {
            "beskrivning": f"Personal {j} i {region}",
            "totalt": str(value).replace(".", ","),
        }
        if expected is not None:
            expected.q3[row.id] = expected.q3.get(row.id, Decimal(0)) + value
    a["q4"] = {
        row.id: {"namn": f"Person {i}{row.id[:2]}", "epost": f"p{i}.{row.id}@region{i}.se"}
        for row in form.question("q4").rows  # type: ignore[union-attr]
    }
    a["q5"] = f"Serviceglesa områden i {region}: arbete {i}."
    q6 = form.question("q6")
    a["q6"] = {}
    for j, row in enumerate(q6.rows):  # type: ignore[union-attr]
        step = Q6_STEPS[(i + 2 * j) % len(Q6_STEPS)]
        values = {
            "beskriv": f"Samverkan med {row.label.lower()} ({i})." if step else "",
            "steg": step,
            "utmaningar": "Tid och pengar." if (i + j) % 5 == 0 else "",
        }
        if row.name_label:
            values["_name"] = f"Aktör {i}" if step else ""
        a["q6"][row.id] = values
        if expected is not None:
            expected.q6.setdefault(row.id, Counter())[step] += 1
    count = 0
    for k, area in enumerate(draft.programme.omraden):
        for n in range((i + k) % 4):
            status = STATUSES[(i + n + k) % 3]
            marks = [SERVICESLAG[(i + n) % 4]] if (i + n) % 5 else []
            if (i + n) % 7 == 0:
                marks.append(SERVICESLAG[(i + n + 1) % 4])
            draft.add_item(
                "insatser",
                area.id,
                {
                    "planerade": f"Insats {n + 1} i område {area.number}, {region}\nBeskrivning.",
                    "mal": {
                        "codes": [f"{area.number}.1"],
                        "other": "Agenda 2030 mål 11" if n % 2 else "",
                    },
                    "resurser": "Regionen, 100 tkr",
                    "serviceslag": marks,
                    "prestationer": f"{n + 3} träffar",
                    "effekter": "Ökad kunskap",
                    "status": status,
                    "vidare": "",
                },
            )
            count += 1
            if expected is not None:
                expected.status[status] += 1
                for m in marks:
                    expected.marks[m] += 1
                if not marks:
                    expected.marks[""] += 1
    if expected is not None:
        expected.insatser[region] = count
    draft.created = draft.updated = STAMP + timedelta(minutes=i)
    return draft


def write_reports(
    folder: Path, *, year: int = 2023, regions: list[str] | None = None, docx: bool = False
) -> tuple[list[Path], Expected]:
    """The reports as draft files (or, with `docx`, as exported Word files) in `folder`."""
    from rsp_tui.export import export_report
    from rsp_tui.validation import validate

    form = load_form()
    expected = Expected()
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, region in enumerate(regions or region_names()):
        draft = report(i, region, year, expected)
        stem = f"r{i:02d}-{year}"
        if docx:
            final = not validate(form, draft, final=True).errors
            path = folder / f"{stem}.docx"
            export_report(form, draft, path, draft_mode=not final)
        else:
            path = folder / f"{stem}.toml"
            save_draft(draft, path, touch=False)
        paths.append(path)
    return paths, expected


def main(argv: list[str]) -> int:
    folder = Path(argv[0])
    year = int(argv[argv.index("--year") + 1]) if "--year" in argv else 2023
    paths, _ = write_reports(folder, year=year, docx="--docx" in argv)
    for p in paths:
        print(p)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
