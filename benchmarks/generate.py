"""Generates the benchmark inputs: drafts far larger than a region would write, made by walking
the form, so that a question added to the form is answered here too. Never commit the output.

    .venv/bin/python benchmarks/generate.py OUT_DIR      # writes the three drafts, prints paths

- `large.toml`: Jämtland Härjedalen's programme (3 prioriterade områden), every question and
  table cell answered with realistic multi-line Swedish text, 30 insatser per område;
- `insatser-200.toml`: the same, with 200 insatser spread over the områden;
- `answer-1mb.toml`: the example report (examples/exempel-2023.toml) with Fråga 2 answered by
  one 1 MB text of paragraphs.

Every draft passes a final check (`rsp-tui check` exits 0), so the export benchmarks measure a
final export, validation included. The text is made from a fixed seed: runs are comparable.
"""

from __future__ import annotations

import argparse
import random
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from rsp_tui.drafts import Draft, load_draft, new_draft, save_draft
from rsp_tui.drafts.paths import CellPath, QuestionPath, RowNamePath
from rsp_tui.forms import load_form, programme_for_region
from rsp_tui.forms.schema import (
    ChoiceField,
    DateField,
    DecimalField,
    EmailsField,
    FormDefinition,
    GoalsField,
    LeafField,
    MarksField,
    ProgrammeQuestion,
    RowsQuestion,
    StaticQuestion,
    TableQuestion,
    TextAreaField,
)

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "exempel-2023.toml"
REGION = "Jämtland Härjedalen"
YEAR = 2023
STAMP = datetime(2024, 1, 25, 14, 30, tzinfo=timezone(timedelta(hours=1)))

LARGE = "large.toml"
MANY = "insatser-200.toml"
HUGE_ANSWER = "answer-1mb.toml"

# Pieces of sentences in the register of a real report; combined at random (seeded).
_SUBJECTS = [
    "Regionen",
    "Kommunernas näringslivskontor",
    "Länsstyrelsen",
    "Processledaren",
    "Nätverket för servicefrågor",
    "Två av handlarna",
    "Byalaget i västra länsdelen",
    "Leaderområdet",
    "Energibolaget",
    "Handläggarna för stödärenden",
    "Den lokala föreningen",
    "Kollektivtrafikmyndigheten",
]
_VERBS = [
    "har genomfört",
    "planerar",
    "har följt upp",
    "har påbörjat",
    "samordnar",
    "har utvärderat",
    "fortsätter med",
    "har tagit fram",
    "har bjudit in till",
    "har finansierat",
]
_OBJECTS = [
    "en kartläggning av kommersiell service på 40 orter",
    "rådgivning om energieffektivisering i sju dagligvarubutiker",
    "träffar om generationsskifte för handlare som närmar sig pension",
    "en gemensam plan för varuförsörjning vid kris och långa strömavbrott",
    "samlastning av varor och paket med den regionala busstrafiken",
    "webbinarier om e-handel och digitala kassasystem",
    "dialogmöten med invånare om framtidens service på landsbygden",
    "en uppdatering av serviceanalysen för glesbygdskommunerna",
    "investeringsstöd till kyl- och frysdiskar i butiker med svag lönsamhet",
    "en informationskampanj om lantbutikernas betydelse för orten",
]
_TAILS = [
    "under våren",
    "tillsammans med kommunerna",
    "inom ordinarie budget",
    "med stöd från Tillväxtverket",
    "i de fyra västra kommunerna",
    "under hela året",
    "efter önskemål från handlarna",
    "i samverkan med civilsamhället",
]
_COMMENTS = [
    "Erfarenheterna har varit goda, men tiden räcker inte till alla som har hört av sig.",
    "Vi ser att efterfrågan ökar när kostnaderna för energi och transporter stiger.",
    "Uppföljningen visar att insatsen behöver pågå flera år för att ge bestående effekter.",
    "Kommunerna har olika förutsättningar, vilket gör samordningen svårare än väntat.",
    "Framgångsfaktorer är korta beslutsvägar och täta kontakter med handlarna.",
    "Nästa år vill vi mäta effekten med en enkät till butiker och invånare.",
]


class Writer:
    """Realistic multi-line answers from a seeded random generator."""

    def __init__(self, seed: int = 2023) -> None:
        self.rng = random.Random(seed)

    def sentence(self) -> str:
        r = self.rng
        return f"{r.choice(_SUBJECTS)} {r.choice(_VERBS)} {r.choice(_OBJECTS)} {r.choice(_TAILS)}."

    def paragraph(self, sentences: int) -> str:
        parts = [self.sentence() for _ in range(sentences)]
        parts.append(self.rng.choice(_COMMENTS))
        return " ".join(parts)

    def text(self, lines: tuple[int, int] = (1, 2)) -> str:
        """A few lines: a title-like first line, then paragraphs (as people write answers)."""
        first = self.rng.choice(_OBJECTS)
        rest = [self.paragraph(self.rng.randint(1, 2)) for _ in range(self.rng.randint(*lines))]
        return "\n".join([first[0].upper() + first[1:], *rest])

    def sized(self, size: int) -> str:
        """Paragraphs separated by blank lines, `size` characters long."""
        out: list[str] = []
        total = 0
        while total < size:
            para = self.paragraph(4)
            out.append(para)
            total += len(para) + 2
        return "\n\n".join(out)[:size].rstrip() + "."


def _value(field: LeafField, draft: Draft, w: Writer, tag: str) -> Any:
    """A valid, realistic answer for `field`."""
    if isinstance(field, DateField):
        return "2024-01-25"
    if isinstance(field, DecimalField):
        low = field.min if field.min is not None else 0.0
        high = field.max if field.max is not None else low + 2.0
        value = w.rng.uniform(low, min(high, low + 2.0))
        return f"{value:.2f}".replace(".", ",")
    if isinstance(field, EmailsField):
        names = ["anna.exempelsson", "per.provsson", "lena.testberg"]
        return "\n".join(f"{n}.{tag}@example.org" for n in names[: w.rng.randint(1, 3)])
    if isinstance(field, ChoiceField):
        return w.rng.choice(field.options)
    if isinstance(field, MarksField):
        return [o for o in field.options if w.rng.random() < 0.5] or field.options[:1]
    if isinstance(field, GoalsField):
        codes = [g.code for g in draft.programme.all_goals()]
        return {
            "codes": sorted(w.rng.sample(codes, 2)),
            "other": "RUS: tillgänglighet i hela länet",
        }
    if isinstance(field, TextAreaField):
        return w.text()
    return w.sentence()


def _insats(question: RowsQuestion, draft: Draft, w: Writer, tag: str) -> dict[str, Any]:
    return {f.id: _value(f, draft, w, tag) for f in question.fields}


def filled_draft(form: FormDefinition, insatser: int, seed: int = 2023) -> Draft:
    """Every question answered; `insatser` insatser spread evenly over the områden."""
    programme = programme_for_region(REGION)
    if programme is None:
        raise SystemExit(f"Programmet för {REGION} saknas i forms/programmes/.")
    draft = new_draft(form, REGION, YEAR, programme)
    draft.created = draft.updated = STAMP
    w = Writer(seed)
    areas = [a.id for a in draft.programme.omraden]
    for section in form.sections:
        for q in section.questions:
            if isinstance(q, StaticQuestion | ProgrammeQuestion):
                continue
            if isinstance(q, TableQuestion):
                for row in q.rows:
                    for col in q.columns:
                        draft.set(CellPath(q.id, row.id, col.id), _value(col, draft, w, row.id))
                    if row.name_label:
                        draft.set(RowNamePath(q.id, row.id), "Energibolaget i länet")
            elif isinstance(q, RowsQuestion):
                for n in range(insatser):
                    area = areas[n % len(areas)]
                    draft.add_item(q.id, area, _insats(q, draft, w, f"i{n}"))
            else:
                draft.set(QuestionPath(q.id), _value(q, draft, w, q.id))
    return draft


def huge_answer_draft(size: int = 1024 * 1024) -> Draft:
    """The example report with Fråga 2 answered by a `size`-character text."""
    draft = load_draft(EXAMPLE).draft
    draft.set(QuestionPath("q2"), Writer(7).sized(size))
    return draft


def write_inputs(folder: Path) -> dict[str, Path]:
    """Write the three drafts into `folder`; their paths by name."""
    form = load_form()
    folder.mkdir(parents=True, exist_ok=True)
    drafts = {
        LARGE: filled_draft(form, 30 * 3),
        MANY: filled_draft(form, 200, seed=200),
        HUGE_ANSWER: huge_answer_draft(),
    }
    out: dict[str, Path] = {}
    for name, draft in drafts.items():
        path = folder / name
        save_draft(draft, path, touch=False)
        out[name] = path
    return out


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog=__doc__.split("\n\n", 2)[2],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("out_dir", type=Path, help="folder to write the drafts into")
    args = parser.parse_args(argv)
    for path in write_inputs(args.out_dir).values():
        print(f"{path}  ({path.stat().st_size / 1024:.0f} kB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
