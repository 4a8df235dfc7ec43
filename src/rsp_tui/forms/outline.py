"""Provides a programme read from its outline: the text a region copies from its programme's
PDF or Word document, in whatever shape the programme has.

Recognised, line by line:

- numbered områden `1 Titel`, `1. Titel`, `Prioriterat område 1: Titel`,
  `Insatsområde 2 – …`;
- numbered goals `1.1 Text`, `Mål 1.2: Text`, filed under the område of their first number;
- bullets (`-`, `•`, `–`, `*`) or indented lines: goals without codes of the område above;
- headings `Prioriterade områden`, `Insatsområden`, `Mål`, `Övergripande mål`: say whether
  the single-level lines below are områden or goals;
- the programme's title line with its period (`… serviceprogram 2023–2030`);
- a PDF copy's broken lines (a line that begins in lower case, or follows a hyphen, a comma
  or a short word, continues the line above; in a numbered outline every unnumbered line
  does) and its page numbers.

Goals that belong to no område are the programme's own (`WHOLE_ID`); a list of single-level
lines with no heading is read as områden when numbered and as goals when not (override with
`single`). Headless: no Textual.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from rsp_tui.forms.programme import WHOLE_ID, Area, Goal, Programme, new_area_id
from rsp_tui.forms.schema import FormDefinition

Single = Literal["auto", "areas", "goals"]

_PERIOD = re.compile(r"\b(20\d\d)\s*(?:[–—-]|till)\s*(20\d\d)\b")
_AREA_WORD = re.compile(
    r"^(?:prioriterat\s+område|prioriterade\s+område|insatsområde|fokusområde|"
    r"utvecklingsområde|strategiskt\s+område|område)\s*(\d+)?\s*[.:)–—-]?\s*(.*)$",
    re.IGNORECASE,
)
_GOAL_WORD = re.compile(
    r"^(?:del)?mål\s*(\d+(?:\.\d+)*)?\s*[.:)–—-]?\s+(\S.*)$", re.IGNORECASE
)
_SUB = re.compile(r"^(\d+(?:\.\d+)+)\.?\)?\s+(\S.*)$")
_TOP = re.compile(r"^(\d+)\s*[.)]?\s+(\S.*)$")
_BULLET = re.compile(r"^[-•–·*▪○●◦►]\s*(\S.*)$")
_PAGE = re.compile(r"^(?:sida\s+)?\d{1,3}(?:\s*(?:av|/)\s*\d{1,3})?$", re.IGNORECASE)
_AREAS_HEADING = re.compile(
    r"^(?:prioriterade\s+områden|insatsområden|fokusområden|utvecklingsområden|"
    r"strategiska\s+områden|områden)\s*:?$",
    re.IGNORECASE,
)
_GOALS_HEADING = re.compile(
    r"^(?:(?:programmets|övergripande|regionens|långsiktiga)\s+)?(?:mål|målsättningar)"
    r"(?:\s+för\s+programmet)?\s*:?$",
    re.IGNORECASE,
)
_JOINING_WORDS = {
    "och", "i", "för", "av", "till", "med", "på", "om", "att", "som", "samt", "eller", "inom",
    "mellan", "från", "genom", "vid", "hos", "den", "det", "de", "en", "ett",
}  # fmt: skip


@dataclass
class _Item:
    kind: Literal["area", "goal", "top", "bullet"]
    code: str
    text: str
    line: int


@dataclass
class Outline:
    """The programme an outline became, and what the reader should look at."""

    programme: Programme
    notes: list[str] = field(default_factory=list)
    """Swedish lines, e.g. `rad 7: målet 4.1 hör till område 4, som saknas; …`."""

    def describe(self, form: FormDefinition) -> list[str]:
        """The programme as the user checks it: one line per område and goal, named as
        `form` names them (`Område 1. Titel`, `Programmets mål`)."""
        out: list[str] = []
        if self.programme.period:
            out.append(f"Programperiod: {self.programme.period}")
        for area in self.programme.omraden:
            head = form.area_name(area, with_title=True)
            out.append(head if area.mal or area.whole else f"{head} (inga mål)")
            out.extend(f"  {g.printed}" for g in area.mal)
        return out


def parse_outline(text: str, region: str = "", single: Single = "auto") -> Outline:
    """The programme in `text` (see the module docstring)."""
    notes: list[str] = []
    programme = Programme(region=region)
    items, heading_mode = _items(_lines(text), programme)
    numbered = any(i.kind in ("top", "goal") and i.code for i in items)
    has_sub = any(i.kind == "goal" and "." in i.code for i in items)
    has_bullets = any(i.kind == "bullet" for i in items)
    if single == "auto":
        if heading_mode is not None and not has_sub and not has_bullets:
            single = heading_mode
        else:
            single = "areas" if (numbered or has_sub or has_bullets) else "goals"
    areas: list[Area] = []
    whole = Area(id=WHOLE_ID, number="", title="")
    used: set[str] = {WHOLE_ID}
    current: Area | None = None
    mode = heading_mode if heading_mode is not None and not has_sub else None

    def new_area(number: str, title: str) -> Area:
        number = number or str(sum(1 for a in areas) + 1)
        area = Area(id=new_area_id(number, used), number=number, title=title)
        used.add(area.id)
        areas.append(area)
        return area

    for item in items:
        if item.kind == "area" or (item.kind == "top" and _top_is_area(single, mode, has_sub)):
            current = new_area(item.code, item.text)
            continue
        if item.kind == "top":  # a single-level goal
            whole.mal.append(Goal(code=item.code, text=item.text))
            continue
        goal = Goal(code=item.code, text=item.text)
        if "." in item.code:
            owner = next((a for a in areas if a.number == item.code.split(".")[0]), None)
            if owner is None:
                owner = new_area(item.code.split(".")[0], "")
                notes.append(
                    f"rad {item.line}: målet {item.code} hör till område {owner.number}, som"
                    " inte finns i texten; området lades till utan rubrik"
                )
            owner.mal.append(goal)
            current = owner
        elif current is not None and not (item.kind == "goal" and mode == "goals"):
            current.mal.append(goal)
        else:
            whole.mal.append(goal)
    _check_codes([whole, *areas], notes)
    programme.omraden = ([whole] if whole.mal else []) + areas
    if not programme.omraden:
        notes.append("texten innehåller inga områden eller mål")
    return Outline(programme=programme, notes=notes)


def _top_is_area(single: Single, mode: Single | None, has_sub: bool) -> bool:
    if has_sub:
        return True
    if mode is not None and mode != "auto":
        return mode == "areas"
    return single == "areas"


def _lines(text: str) -> list[tuple[int, str, bool]]:
    """(line number, text, indented) of each line that says something, with a PDF copy's
    hyphenation joined; soft hyphens and page numbers removed."""
    out: list[tuple[int, str, bool]] = []
    for n, raw in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1):
        raw = raw.rstrip()
        if raw.endswith("\u00ad"):  # a soft hyphen where the PDF broke the word
            raw = raw[:-1] + "-"
        raw = raw.replace("\u00ad", "").replace("\t", "    ").replace("\u00a0", " ")
        line = raw.strip()
        if not line or _PAGE.match(line):
            continue
        indented = len(raw) - len(raw.lstrip(" ")) >= 2
        out.append((n, line, indented))
    return out


def _items(
    lines: list[tuple[int, str, bool]], programme: Programme
) -> tuple[list[_Item], Single | None]:
    items: list[_Item] = []
    heading_mode: Single | None = None
    numbered = any(_SUB.match(t) or _TOP.match(t) for _, t, _ in lines)
    last_top = 0
    for n, line, indented in lines:
        period = _PERIOD.search(line)
        if period and not programme.first_year:
            programme.first_year, programme.last_year = int(period[1]), int(period[2])
        if _AREAS_HEADING.match(line):
            heading_mode = "areas"
            continue
        if _GOALS_HEADING.match(line):
            heading_mode = heading_mode or "goals"
            continue
        if not items and "program" in line.lower() and not _SUB.match(line):
            continue  # the programme's title, e.g. Regionalt serviceprogram 2023–2030
        top = _TOP.match(line)
        if top and not (int(top[1]) == last_top + 1 or (last_top == 0 and int(top[1]) <= 1)):
            top = None  # "20 km …" on a broken line is no new item
        if items and not top and _continues(items[-1].text, line, numbered):
            items[-1].text = _join(items[-1].text, line)
            continue
        if m := _SUB.match(line):
            items.append(_Item("goal", m[1], m[2].strip(), n))
        elif m := _AREA_WORD.match(line):
            items.append(_Item("area", m[1] or "", _clean_title(m[2]), n))
            last_top = int(m[1]) if m[1] else last_top
        elif m := _GOAL_WORD.match(line):
            items.append(_Item("goal", m[1] or "", m[2].strip(), n))
        elif top:
            items.append(_Item("top", top[1], _clean_title(top[2]), n))
            last_top = int(top[1])
        elif m := _BULLET.match(line):
            items.append(_Item("bullet", "", m[1].strip(), n))
        elif indented and items:
            items.append(_Item("bullet", "", line, n))
        else:
            items.append(_Item("top", "", line, n))
    return items, heading_mode


def _continues(previous: str, line: str, numbered: bool) -> bool:
    """`line` is the rest of `previous`, broken by a PDF copy."""
    if _SUB.match(line) or _BULLET.match(line) or _AREA_WORD.match(line):
        return False
    if _GOAL_WORD.match(line) or _GOALS_HEADING.match(line) or _AREAS_HEADING.match(line):
        return False
    if numbered:
        return True
    last = previous.rstrip().rsplit(" ", 1)[-1].lower()
    return (
        line[:1].islower()
        or previous.endswith(("-", ","))
        or last in _JOINING_WORDS
    )


def _join(previous: str, line: str) -> str:
    if re.search(r"\w-$", previous) and line[:1].islower():
        return previous[:-1] + line  # ser-/vice → service
    return f"{previous} {line}"


def _clean_title(text: str) -> str:
    return text.strip().lstrip("–—-:. ").strip()


def _check_codes(areas: list[Area], notes: list[str]) -> None:
    seen: set[str] = set()
    for area in areas:
        for goal in area.mal:
            if goal.key in seen:
                notes.append(f"målet {goal.key} förekommer två gånger")
            seen.add(goal.key)


def outline_from_docx(path: object) -> str:
    """The outline of a Word document, for `parse_outline`: its headings and list items (with
    the numbers Word shows, `1.1`, worked out from the list's numbering) and paragraphs that
    begin with a typed number. When a heading names the områden or the goals
    (`Prioriterade områden`, `Mål`), only that heading's part of the document is read."""
    import docx

    document = docx.Document(str(path))
    formats = _number_formats(document)
    counters: dict[str, list[int]] = {}
    lines: list[tuple[int, str]] = []  # (heading level or 0, text)
    period = ""
    for paragraph in document.paragraphs:
        text = paragraph.text.strip()
        if not text:
            continue
        if not period and "program" in text.lower() and (found := _PERIOD.search(text)):
            period = f"Programperiod {found[1]}–{found[2]}"
        level = _heading_level(paragraph.style.name if paragraph.style is not None else "")
        num = _num_pr(paragraph)
        code = ""
        if num is not None:
            num_id, ilvl = num
            fmt = formats.get((num_id, ilvl), "decimal")
            count = counters.setdefault(num_id, [0] * 9)
            count[ilvl] += 1
            count[ilvl + 1 :] = [0] * (8 - ilvl)
            if fmt == "bullet":
                text = ("  " * ilvl) + "- " + text
            elif fmt != "none":
                code = ".".join(str(c or 1) for c in count[: ilvl + 1])
                text = f"{code} {text}"
        elif not level and not (_SUB.match(text) or _TOP.match(text)):
            continue  # prose
        elif level and not _is_keyword_line(text) and not _TOP.match(text):
            text = f"Område: {text}"  # a heading of its own: an område
        lines.append((level, text))
    start = next(
        (
            i
            for i, (lv, t) in enumerate(lines)
            if lv and (_AREAS_HEADING.match(t) or _GOALS_HEADING.match(t))
        ),
        None,
    )
    if start is not None:
        top = lines[start][0]
        end = next(
            (
                i
                for i in range(start + 1, len(lines))
                if lines[i][0] and lines[i][0] <= top
                and not (_AREAS_HEADING.match(lines[i][1]) or _GOALS_HEADING.match(lines[i][1]))
            ),
            len(lines),
        )
        lines = lines[start:end]
    return "\n".join([period] * bool(period) + [t for _, t in lines])


def _is_keyword_line(text: str) -> bool:
    return bool(
        _AREAS_HEADING.match(text)
        or _GOALS_HEADING.match(text)
        or _AREA_WORD.match(text)
        or _GOAL_WORD.match(text)
        or "program" in text.lower()
    )


def _heading_level(style: str) -> int:
    m = re.match(r"^(?:heading|rubrik)\s*(\d)$", style.strip(), re.IGNORECASE)
    return int(m[1]) if m else 0


def _num_pr(paragraph: object) -> tuple[str, int] | None:
    """(numId, level) of a list paragraph: its own numbering or its style's."""
    from docx.oxml.ns import qn

    own = paragraph._p  # type: ignore[attr-defined]
    for element in (own, getattr(paragraph.style, "element", None)):  # type: ignore[attr-defined]
        if element is None:
            continue
        ppr = element.find(qn("w:pPr"))
        num = ppr.find(qn("w:numPr")) if ppr is not None else None
        if num is None:
            continue
        num_id = num.find(qn("w:numId"))
        ilvl = num.find(qn("w:ilvl"))
        if num_id is None or num_id.get(qn("w:val")) == "0":
            return None
        return num_id.get(qn("w:val")), int(ilvl.get(qn("w:val"))) if ilvl is not None else 0
    return None


def _number_formats(document: object) -> dict[tuple[str, int], str]:
    """(numId, level) → Word's number format (`decimal`, `bullet`, …)."""
    from docx.oxml.ns import qn

    try:
        numbering = document.part.numbering_part.element  # type: ignore[attr-defined]
    except (KeyError, NotImplementedError, AttributeError):
        return {}
    abstract: dict[str, dict[int, str]] = {}
    for a in numbering.findall(qn("w:abstractNum")):
        levels: dict[int, str] = {}
        for lvl in a.findall(qn("w:lvl")):
            fmt = lvl.find(qn("w:numFmt"))
            levels[int(lvl.get(qn("w:ilvl")))] = fmt.get(qn("w:val")) if fmt is not None else ""
        abstract[a.get(qn("w:abstractNumId"))] = levels
    out: dict[tuple[str, int], str] = {}
    for num in numbering.findall(qn("w:num")):
        ref = num.find(qn("w:abstractNumId"))
        if ref is None:
            continue
        for level, fmt in abstract.get(ref.get(qn("w:val")), {}).items():
            out[(num.get(qn("w:numId")), level)] = fmt
    return out
