"""Provides reading of a report in the official Word layout into a draft.

Tables are found by their headers and row labels, not by their position; paragraphs that are
the form's own texts are recognised and skipped; answers follow their question. Whatever cannot
be placed is listed with where it was, so nothing is dropped silently.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from rsp_tui.drafts.model import NAME_KEY, Draft, is_empty, new_draft
from rsp_tui.drafts.paths import QuestionPath
from rsp_tui.forms.programme import WHOLE_ID, Area, Goal, Programme, new_area_id
from rsp_tui.forms.schema import (
    FormDefinition,
    GoalsField,
    LeafField,
    RowsQuestion,
    StaticQuestion,
    TableQuestion,
)
from rsp_tui.importer.places import Places, area_heading_re
from rsp_tui.importer.programme_match import ProgrammeMatcher, goal_cell
from rsp_tui.importer.reader import Block, Table, norm
from rsp_tui.textutil import plain, strip_blank_lines
from rsp_tui.years import default_year

LONG_FORM_TEXT = 30
"""Form texts longer than this (in characters) are sentences no answer repeats by chance."""
MARKS = {"x", "✓", "✔", "☒", "■", "1", "ja"}
_GOAL_LINE = re.compile(r"^\s*(\d+(?:\.\d+)*)\.?\s+(\S.*)$")
_GOAL_CODE = re.compile(r"^\s*(\d+(?:\.\d+)+)\.?\s*$")
"""A goal code alone on its line (a goal whose text is not given)."""


@dataclass
class ImportNote:
    """Something in the document that was not placed in the draft, or needs a look."""

    where: str
    """E.g. `Tabell 4, rad 3, kolumn "Budget"`."""
    text: str

    def describe(self) -> str:
        """One line for the terminal. The text comes from the document, which may come from
        anyone: control characters (terminal escape sequences among them) are shown as
        `\\x1b`, never sent to the terminal."""
        return _visible_controls(f"{self.where}: {self.text}")


_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _visible_controls(text: str) -> str:
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


@dataclass
class _Area:
    number: str
    title: str
    whole: bool = False
    """The table of the programme's own goals (a programme without områden)."""
    goals: dict[str, str] = field(default_factory=dict)
    items: list[dict[str, Any]] = field(default_factory=list)


def _similar(a: str, b: str) -> bool:
    """Header text `a` (normalised) names label `b` (normalised)."""
    if not a or not b:
        return False
    a, b = a.replace(" ", "").replace("-", ""), b.replace(" ", "").replace("-", "")
    if a == b or a.startswith(b):
        return True
    if len(a) >= 4 and b.startswith(a):
        return True  # abbreviated, e.g. "oförändr" for "oförändrat"
    return difflib.SequenceMatcher(None, a[: len(b) + 5], b).ratio() >= 0.85


def _pattern(template: str) -> re.Pattern[str]:
    """A whole-line regex from a render format like `Totalt: {value} årsarbetskrafter`;
    each `{name}` becomes a named group."""
    parts = re.split(r"\{(\w+)\}", template)
    out = ""
    for n, part in enumerate(parts):
        out += rf"(?P<{part}>.+?)" if n % 2 else re.escape(part).replace(r"\ ", r"\s+")
    return re.compile(rf"^\s*{out}\s*$", re.IGNORECASE | re.DOTALL)


class OfficialReader:
    """Reads the blocks of one document; `run` returns the draft and the notes."""

    def __init__(
        self,
        form: FormDefinition,
        blocks: list[Block],
        regions: list[str],
        programme: ProgrammeMatcher | None = None,
    ):
        self.form = form
        self.matcher = programme
        """The programme the document's tables and Mål cells are matched to (embedded in the
        document, or the region's known one, found in `draft`); None: rebuilt from the text."""
        self.goal_cells: list[tuple[dict[str, Any], str, str, str]] = []
        """Every Mål cell read: (its insats, field id, text, where in the document)."""
        self.blocks = blocks
        self.regions = regions
        self.notes: list[ImportNote] = []
        self.answers: dict[str, Any] = {}
        self.region = ""
        self.years: list[int] = []
        self.areas: list[_Area] = []
        self.goal_texts: dict[str, tuple[str, _Area]] = {}
        """Goal code → (its text, the område whose table named it first)."""
        self.static = self._static_texts()
        self.questions = [q for s in form.sections for q in s.answer_questions()]
        self.leaf_titles = [
            (norm(plain(q.title)), q)
            for q in self.questions
            if not isinstance(q, TableQuestion | RowsQuestion) and q.text
        ]
        self.labels = {norm(q.label): q for q in self.questions if q.label and not q.text}
        self.rows_q = next((q for q in self.questions if isinstance(q, RowsQuestion)), None)
        self.places = Places(form, blocks)
        self.area_heading = area_heading_re(form)
        """`Prioriterat område 2. Titel` (the form's heading); the title may be missing."""
        self.text_table: TableQuestion | None = None
        """A table question whose answers are being read from paragraphs."""
        self.text_row: str | None = None
        self.text_rows: dict[str, list[str]] = {}
        self.text_names: dict[str, str] = {}

    # -- recognising the form's own texts --------------------------------------------------

    def _static_texts(self) -> set[str]:
        f = self.form
        texts = {f.title, f.short_title, *f.intro}
        for s in f.sections:
            for q in s.questions:
                if isinstance(q, StaticQuestion):
                    texts.update(b.text for b in q.blocks)
                    continue
                for attr in ("instruction", "footnote", "text", "label", "help"):
                    texts.add(str(getattr(q, attr, "")))
                texts.update(getattr(q, "guidance", []))
                if isinstance(q, RowsQuestion):
                    from rsp_tui.export.insatser import legend

                    texts.update(legend(q))  # the line explaining abbreviated columns
        return {norm(plain(t)) for t in texts if t}

    def is_static(self, text: str, *, long_only: bool = False) -> bool:
        """The paragraph is one of the form's own texts, or begins with a long one. With
        `long_only` (inside an answer) only a long form text, whole, counts: a label such as
        Datum or Status, or a sentence that begins like a heading, may well be the answer."""
        n = norm(text).lstrip("•-–·* ").strip()
        n = re.sub(r"^\d\s+", "", n)  # footnote number before the footnote text
        if long_only:
            return len(n) > LONG_FORM_TEXT and n in self.static
        return n in self.static or any(
            len(s) > LONG_FORM_TEXT and n.startswith(s) for s in self.static
        )

    # -- the walk ---------------------------------------------------------------------------

    def run(self) -> None:
        current: LeafField | None = None
        collected: list[str] = []
        pending_meta = False

        def flush() -> None:
            nonlocal collected
            self.table_text_done()
            if current is not None:
                text = strip_blank_lines("\n".join(collected))
                if text.strip():
                    self.answers[current.id] = current.from_cell(text)
            collected = []

        for block in self.blocks:
            if isinstance(block, Table):
                if current is not None and block.width == 1 and not collected:
                    collected = [r[0].text for r in block.rows if r]
                    flush()
                    current = None
                    continue
                flush()
                current = None
                self.table(block)
                continue
            text = block.text
            if not text.strip():
                if current is not None and collected:
                    collected.append("")
                continue
            n = norm(text)
            # Inside an answer only the strong marks of the layout end it (a question, an
            # område heading, a long form text); a line such as "Region: …", "Datum" or
            # "Status" there is the answer's own text.
            answering = current is not None
            was_meta, pending_meta = pending_meta, False
            if not answering and n.startswith(norm(self.form.region_label)):
                self.set_region(text.split(":", 1)[1] if ":" in text else "")
                continue
            heading = self.area_heading.match(text.strip())
            if heading:
                flush()
                current = None
                self.areas.append(_Area(heading.group(1), (heading.group(2) or "").strip()))
                continue
            if not answering and self.is_whole_heading(n):
                flush()
                self.areas.append(_Area("", text.strip(), whole=True))
                continue
            question = self.leaf_question(n)
            if question is not None:
                flush()
                current = question
                continue
            titled = self.table_question_title(n)
            if titled is not None:
                flush()
                current = None
                self.text_table = titled
                continue
            if not answering and self.meta_inline(text):
                continue
            if was_meta and self.meta_values(text):
                continue
            if not answering and self.meta_labels(text):
                pending_meta = True
                continue
            if self.is_static(text, long_only=answering):
                continue
            if not answering and self.table_text_line(text):
                continue
            if not answering and self.is_group_label(n):
                continue
            if current is not None:
                collected.append(text)
            else:
                self.notes.append(ImportNote(self.places.paragraph(block), text.strip()))
        flush()

    def is_whole_heading(self, n: str) -> bool:
        """The heading of the table of the programme's own goals (`Programmets mål`)."""
        section = self.form.repeat_section
        return section is not None and bool(section.whole_heading) and (
            n == norm(section.whole_heading)
        )

    def leaf_question(self, n: str) -> LeafField | None:
        for title, q in self.leaf_titles:
            if n.startswith(title) or (len(n) > 20 and title.startswith(n)):
                return q
        return None

    def table_question_title(self, n: str) -> TableQuestion | None:
        for q in self.questions:
            if isinstance(q, TableQuestion) and q.text:
                title = norm(plain(q.title))
                if n.startswith(title) or (len(n) > 20 and title.startswith(n)):
                    return q
        return None

    # -- Part A answers written as paragraphs ----------------------------------------------

    def meta_inline(self, text: str) -> bool:
        """`Datum: 2024-01-25` or `Upprättad av: Karin Ek` on a line of its own."""
        label, sep, value = text.partition(":")
        if not sep or not value.strip():
            return False
        for f in self._meta_fields():
            if norm(label) == norm(f.label):
                self.answers[f.id] = f.from_cell(value.strip())
                return True
        return False

    def table_text_line(self, text: str) -> bool:
        """A line under a table question written as text instead of in the table:
        `Stödhandläggning: Cecilia 0,4`, a row label alone, or more of the row above."""
        q = self.text_table
        if q is None:
            return False
        label, sep, value = text.partition(":")
        match = _row_by_label(q, label) if sep else None
        if match is None:
            match = _row_by_label(q, text)
            value = ""
        if match is not None:
            row, name = match
            self.text_row = row.id
            lines = self.text_rows.setdefault(row.id, [])
            if name:
                self.text_names[row.id] = name
            if value.strip():
                lines.append(value.strip())
            return True
        if self.text_row is not None:
            self.text_rows[self.text_row].append(text.strip())
            return True
        return False

    def table_text_done(self) -> None:
        """Place the rows written as text (see `table_text_line`) in the table's cells: each
        column whose kind can find its answer in free text takes it (an option of a choice
        column, e-mail addresses; the first column of each kind), the rest goes to the first
        other column (with a rendered line such as `Totalt: …` read)."""
        q, rows = self.text_table, self.text_rows
        self.text_table, self.text_row, self.text_rows = None, None, {}
        names, self.text_names = self.text_names, {}
        if q is None or not rows:
            return
        answers: dict[str, Any] = self.answers.setdefault(q.id, {})
        columns = q.printed_columns()
        finders: list[LeafField] = []
        for c in columns:
            if c.FOUND_IN_TEXT and all(f.kind != c.kind for f in finders):
                finders.append(c)
        texts = [c for c in columns if c not in finders]
        for row_id, lines in rows.items():
            cells: dict[str, Any] = answers.setdefault(row_id, {})
            if row_id in names:
                cells.setdefault(NAME_KEY, names[row_id])
            for finder in finders:
                found = finder.find_in_text(lines)
                if found is not None:
                    cells.setdefault(finder.id, found[0])
                    lines = found[1]
            text = strip_blank_lines("\n".join(lines))
            if texts and text.strip() and texts[0].id not in cells:
                self.cell_with_rendered(q, texts[0], text, cells, None, "")
            if not cells:
                answers.pop(row_id, None)
        if not answers:
            self.answers.pop(q.id, None)

    def is_group_label(self, n: str) -> bool:
        if self.rows_q is None:
            return False
        for g in self.rows_q.groups:
            stem = norm(g.label.split("{")[0]).rstrip(", ")
            if stem and n.startswith(stem):
                return True
        return False

    def set_region(self, raw: str) -> None:
        value = raw.strip()
        if not value:
            return
        match = next((r for r in self.regions if norm(r) == norm(value)), None)
        if match is None:
            match = next((r for r in self.regions if norm(r) in norm(value)), None)
        if match is None:
            self.notes.append(ImportNote("Region", f'"{value}" är inte en av de 21 regionerna'))
            match = value
        if self.region and self.region != match:
            self.notes.append(ImportNote("Region", f'dokumentet anger också "{value}"'))
            return
        self.region = match

    # -- Datum / Upprättad av ---------------------------------------------------------------

    def _meta_fields(self) -> list[LeafField]:
        return [q for q in self.questions if not q.text and q.label]  # type: ignore[misc]

    def meta_labels(self, text: str) -> bool:
        cells = [norm(c) for c in re.split(r"\t+|\s{3,}", text) if c.strip()]
        labels = [norm(f.label) for f in self._meta_fields()]
        return bool(cells) and all(c in labels for c in cells)

    def meta_values(self, text: str) -> bool:
        values = [c.strip() for c in re.split(r"\t+|\s{3,}", text) if c.strip()]
        fields = self._meta_fields()
        if not values or len(values) > len(fields):
            return False
        for f, v in zip(fields, values, strict=False):
            self.answers[f.id] = f.from_cell(v)
        return True

    def meta_table(self, table: Table) -> bool:
        fields = {norm(f.label): f for f in self._meta_fields()}
        for r, row in enumerate(table.rows):
            keys = [norm(c.text) for c in row]
            if keys and all(k in fields for k in keys if k) and any(keys):
                below = table.rows[r + 1] if r + 1 < len(table.rows) else []
                for c, key in enumerate(keys):
                    if key and c < len(below) and below[c].text.strip():
                        field = fields[key]
                        self.answers[field.id] = field.from_cell(strip_blank_lines(below[c].text))
                for extra in table.rows[r + 2 :]:
                    self.unplaced_row(table, extra, table.rows.index(extra))
                return True
            if len(row) >= 2 and norm(row[0].text) in fields:
                for row2 in table.rows[r:]:
                    f = fields.get(norm(row2[0].text)) if row2 else None
                    if f is not None and len(row2) > 1 and row2[1].text.strip():
                        self.answers[f.id] = f.from_cell(strip_blank_lines(row2[1].text))
                return True
        return False

    # -- tables -----------------------------------------------------------------------------

    def table(self, table: Table) -> None:
        if not table.rows:
            return
        if self.rows_q is not None and self.is_items_table(table):
            self.items_table(table, self.rows_q)
            return
        if self.meta_table(table):
            return
        best, score = None, 0
        for q in self.questions:
            if isinstance(q, TableQuestion):
                found = sum(
                    1 for row in table.rows if row and _row_by_label(q, row[0].text) is not None
                )
                if found > score:
                    best, score = q, found
        if best is None:
            for r, row in enumerate(table.rows):
                self.unplaced_row(table, row, r)
            return
        self.question_table(table, best)

    def unplaced_row(self, table: Table, row: list[Any], r: int) -> None:
        seen: set[int] = set()
        for c, cell in enumerate(row):
            if cell.origin in seen or cell.continued or not cell.text.strip():
                continue
            seen.add(cell.origin)
            column = self.places.column_name(table, c, 1) if r else str(c + 1)
            self.notes.append(ImportNote(self.places.cell(table, r, column), cell.text.strip()))

    def question_table(self, table: Table, q: TableQuestion) -> None:
        header = table.rows[0]
        columns: dict[int, tuple[LeafField, str | None]] = {}
        for c, cell in enumerate(header):
            if c == 0:
                continue
            h = norm(cell.text)
            for col in q.printed_columns():
                options = col.mark_columns()
                if options is not None:
                    for option in options:
                        if _similar(h, norm(option)):
                            columns[c] = (col, option)
                elif _similar(h, norm(col.label)):
                    columns.setdefault(c, (col, None))
        answers: dict[str, Any] = self.answers.setdefault(q.id, {})
        for r, row in enumerate(table.rows[1:], start=1):
            if not row:
                continue
            match = _row_by_label(q, row[0].text)
            if match is None:
                if norm(row[0].text) and any(c.text.strip() for c in row[1:]):
                    self.unplaced_row(table, row, r)
                continue
            table_row, name = match
            cells: dict[str, Any] = answers.setdefault(table_row.id, {})
            if name:
                cells[NAME_KEY] = name
            chosen: dict[str, list[str]] = {}
            for c, cell in enumerate(row):
                if c == 0 or cell.continued:
                    continue
                if c not in columns:
                    if cell.text.strip():
                        self.notes.append(
                            ImportNote(
                                f"{self.places.cell(table, r)},"
                                f' okänd kolumn "{_header_text(header, c)}"',
                                cell.text.strip(),
                            )
                        )
                    continue
                col, choice = columns[c]
                text = strip_blank_lines(cell.text)
                if choice is not None:
                    if norm(text) in MARKS:
                        chosen.setdefault(col.id, []).append(choice)
                    elif text.strip():
                        self.notes.append(
                            ImportNote(
                                self.places.cell(table, r, choice),
                                f"väntade X men fann: {text.strip()}",
                            )
                        )
                    continue
                self.cell_with_rendered(q, col, text, cells, table, table_row.label)
            for col in q.printed_columns():
                picked = chosen.get(col.id)
                if picked:
                    value = col.from_marks(picked)
                    if value is None:
                        self.notes.append(
                            ImportNote(
                                self.places.cell(table, r),
                                f"flera alternativ markerade ({', '.join(picked)}); inget valt",
                            )
                        )
                    else:
                        cells[col.id] = value
            if not cells:
                answers.pop(table_row.id, None)
        if not answers:
            self.answers.pop(q.id, None)

    def cell_with_rendered(
        self,
        q: TableQuestion,
        col: LeafField,
        text: str,
        cells: dict[str, Any],
        table: Table | None,
        row_label: str,
    ) -> None:
        lines = text.split("\n")
        for extra in q.rendered_into(col.id):
            pattern = _pattern(extra.render_format or "{value}")
            for i in range(len(lines) - 1, -1, -1):
                m = pattern.match(lines[i])
                if m:
                    cells[extra.id] = extra.from_cell(m.group("value").strip())
                    del lines[i]
                    break
        value = strip_blank_lines("\n".join(lines))
        if value.strip():
            cells[col.id] = _value_for(col, value)

    # -- insatser ---------------------------------------------------------------------------

    def is_items_table(self, table: Table) -> bool:
        """One of the first rows holds the insatser's column titles: the first field's and at
        least one more (a comment that happens to begin "Planerade insatser" is no header)."""
        assert self.rows_q is not None
        labels = [norm(f.label or f.help) for f in self.rows_q.fields]
        for row in table.rows[:4]:
            found: set[int] = set()
            for cell in row:
                h = norm(cell.text)
                found.update(i for i, label in enumerate(labels) if label and h.startswith(label))
            if 0 in found and len(found) >= 2:
                return True
        return False

    def items_table(self, table: Table, q: RowsQuestion) -> None:
        if not self.areas:
            self.notes.append(
                ImportNote(
                    f"{self.places.heading(table)}, tabellen",
                    "insatstabell utan rubriken Prioriterat område; lagd i ett eget område",
                )
            )
            self.areas.append(_Area("?", "(rubrik saknas i dokumentet)"))
        area = self.areas[-1]
        columns: dict[int, tuple[LeafField, str | None]] = {}
        header_end = 0
        for r, row in enumerate(table.rows):
            if table.header_rows and r >= table.header_rows and columns:
                break  # the rows Word repeats on every page are the header; data follows
            if columns and not self.is_repeated_header(row, columns):
                break  # below the titles, a header row has each column's own title
            is_header = False
            for c, cell in enumerate(row):
                h = norm(cell.text)
                for g in q.groups:
                    found = re.search(r"(20\d\d)", cell.text)
                    if h.startswith(norm(g.label.split("{")[0]).rstrip(", ")) and h:
                        is_header = True
                        if found and "{year}" in g.label:
                            self.years.append(int(found.group(1)))
                for f in q.fields:
                    label = norm(f.label or f.help)
                    if label and h.startswith(label):
                        is_header = True
                        if f.mark_columns() is not None:
                            continue
                        columns.setdefault(c, (f, None))
                    options = f.mark_columns()
                    if options is not None:
                        shorts = f.short_marks() or [""] * len(options)
                        for option, short in zip(options, shorts, strict=True):
                            if h and (_similar(h, norm(option)) or h == norm(short)):
                                columns[c] = (f, option)
                                is_header = True
            if not is_header:
                break
            header_end = r + 1
        marks = [(f, f.mark_columns()) for f in q.fields]
        for f, options in marks:  # sub-columns without their own labels: the parent's span
            if options is not None and not any(opt for fld, opt in columns.values() if fld is f):
                span = [
                    c
                    for r in range(header_end)
                    for c, cell in enumerate(table.rows[r])
                    if norm(cell.text).startswith(norm(f.label))
                ]
                for c, option in zip(sorted(set(span)), options, strict=False):
                    columns[c] = (f, option)
        number = len(area.items)
        for r in range(header_end, len(table.rows)):
            row = table.rows[r]
            if self.is_repeated_header(row, columns):
                continue
            if any(cell.text.strip() for cell in row):
                number += 1  # as the draft will number it: empty rows are no insatser
            item: dict[str, Any] = {}
            marked: dict[str, list[str]] = {}
            seen: set[int] = set()
            for c, cell in enumerate(row):
                if cell.origin in seen or cell.continued:
                    continue
                seen.add(cell.origin)
                text = strip_blank_lines(cell.text)
                if c not in columns:
                    if text.strip():
                        head = self.places.column_name(table, c, header_end)
                        self.notes.append(
                            ImportNote(
                                f"{self._insats(area, number)},"
                                f' okänd kolumn "{head}"',
                                text.strip(),
                            )
                        )
                    continue
                f, mark = columns[c]
                if mark is not None:
                    if norm(text) in MARKS:
                        marked.setdefault(f.id, []).append(mark)
                        value = f.from_marks(marked[f.id])
                        if value is not None:
                            item[f.id] = value
                        else:
                            item.pop(f.id, None)
                    elif text.strip():
                        self.notes.append(
                            ImportNote(
                                f'{self._insats(area, number)}, kolumn "{mark}"',
                                f"väntade X men fann: {text.strip()}",
                            )
                        )
                    continue
                if not text.strip():
                    continue
                if isinstance(f, GoalsField):
                    # Structural, not a kind switch: goal codes are matched against the
                    # programme being imported and checked once all områden are read.
                    item[f.id] = self.goals(text, area)
                    name = self.form.labels.area_label(area.number)
                    where = f"{name}, tabell {table.number}, rad {r + 1}"
                    self.goal_cells.append((item, f.id, text, where))
                else:
                    item[f.id] = _value_for(f, text)
            if not is_empty(item):
                area.items.append(item)

    def _insats(self, area: _Area, number: int) -> str:
        """`Område 2, insats 4`: the insats as counted in the område's table(s)."""
        label = self.rows_q.item_label.lower() if self.rows_q is not None else "insats"
        return f"{self.form.labels.area_label(area.number)}, {label} {number}"

    def is_repeated_header(
        self, row: list[Any], columns: dict[int, tuple[LeafField, str | None]]
    ) -> bool:
        """The row repeats the header (a table continued by copying its headers): every
        filled cell of a known column holds that column's label or a column group's."""
        texts: list[tuple[int, str]] = []
        seen: set[int] = set()
        for c, cell in enumerate(row):
            if c in columns and cell.origin not in seen and cell.text.strip():
                seen.add(cell.origin)
                texts.append((c, norm(cell.text)))
        if not texts:
            return False
        groups = all(self.is_group_label(t) for _, t in texts)
        labels = len(texts) >= 2 and all(
            t.startswith(norm(columns[c][1] or columns[c][0].label or columns[c][0].help))
            for c, t in texts
        )
        return groups or labels

    def goals(self, text: str, area: _Area) -> dict[str, Any]:
        codes: list[str] = []
        other: list[str] = []
        for line in text.split("\n"):
            found = _goal_line(line)
            if found is not None:
                code, goal_text = found
                codes.append(code)
                known = self.goal_texts.get(code)
                if known is None or not known[0]:
                    self.goal_texts[code] = (goal_text, known[1] if known else area)
            else:
                other.append(line)  # blank lines inside the other goals' text are kept
        return {"codes": codes, "other": strip_blank_lines("\n".join(other))}

    # -- the result -------------------------------------------------------------------------

    def year(self) -> int:
        if self.years:
            first = self.years[0]
            if any(y != first for y in self.years):
                others = sorted({y for y in self.years if y != first})
                self.notes.append(
                    ImportNote(
                        "Tabellrubrikerna",
                        f"olika år i rubrikerna ({first} och {', '.join(map(str, others))});"
                        f" {first} används",
                    )
                )
            return first
        raw = str(self.answers.get(self.form.role("date"), ""))
        try:
            return default_year(date.fromisoformat(raw.strip()))
        except ValueError:
            fallback = default_year(date.today(), self.form.years)
            self.notes.append(
                ImportNote("Verksamhetsår", f"hittades inte i dokumentet; {fallback} används")
            )
            return fallback

    def _place_goals(self) -> None:
        """Each goal goes to the område its code's first part names (a goal of område 2 may be
        named in område 1's table, before område 2's heading), else where it was named."""
        for code, (text, seen_in) in self.goal_texts.items():
            owner = next((a for a in self.areas if code.split(".")[0] == a.number), seen_in)
            owner.goals.setdefault(code, text)

    def draft(self) -> Draft:
        if self.matcher is None and self.region:
            self.matcher = known_programme(self.region)
        if self.matcher is not None:
            return self._draft_with(self.matcher)
        if any(a.number != "?" for a in self.areas) or self.goal_texts:
            self.notes.append(
                ImportNote(
                    "Programmet",
                    "finns varken i dokumentet eller i rsp-tui; områdena och målen är lästa ur"
                    " rubrikerna och Mål-kolumnen och kan vara ofullständiga. Lägg in regionens"
                    " program med: rsp-tui programme import PROGRAM.toml UTKAST (eller läs in"
                    " dokumentet igen med --programme PROGRAM)",
                )
            )
        self._place_goals()
        used: set[str] = set()
        areas: list[Area] = []
        for a in self.areas:
            area_id = WHOLE_ID if a.whole else new_area_id(a.number, used)
            used.add(area_id)
            goals = [
                Goal(code=c, text=t)
                for c, t in sorted(a.goals.items(), key=lambda kv: _code_key(kv[0]))
            ]
            title = "" if a.whole else a.title
            areas.append(Area(id=area_id, number=a.number, title=title, mal=goals))
        programme = Programme(region=self.region, omraden=areas)
        if not self.region:
            self.notes.append(ImportNote("Region", "raden Region: hittades inte i dokumentet"))
        draft = new_draft(self.form, self.region, self.year(), programme)
        draft.answers.pop(self.form.role("date"), None)
        for key, value in self.answers.items():
            draft.set(QuestionPath(key), value)
        if self.rows_q is not None:
            for a, area in zip(self.areas, areas, strict=True):
                for item in a.items:
                    draft.add_item(self.rows_q.id, area.id, item)
        return draft


    def _draft_with(self, matcher: ProgrammeMatcher) -> Draft:
        """The draft with the known programme: tables placed by område number, Mål cells by
        goal code; what the programme does not have is listed."""
        for item, field_id, text, where in self.goal_cells:
            found = matcher.goals(text)
            item[field_id] = goal_cell(found)
            for code in found.unknown:
                self.notes.append(
                    ImportNote(
                        where,
                        f"målet {code} finns inte i programmet ({matcher.source}); raden ligger"
                        " kvar som text under andra mål",
                    )
                )
        targets = [self._target_area(matcher, a) for a in self.areas]
        for heading in matcher.added:
            self.notes.append(
                ImportNote(
                    self.form.labels.area_title(heading),
                    f"finns inte i programmet ({matcher.source}); området är tillagt",
                )
            )
        if not self.region:
            self.notes.append(ImportNote("Region", "raden Region: hittades inte i dokumentet"))
        draft = new_draft(self.form, self.region, self.year(), matcher.programme)
        draft.answers.pop(self.form.role("date"), None)
        for key, value in self.answers.items():
            draft.set(QuestionPath(key), value)
        if self.rows_q is not None:
            for a, target in zip(self.areas, targets, strict=True):
                for item in a.items:
                    draft.add_item(self.rows_q.id, target.id, item)
        return draft

    def _target_area(self, matcher: ProgrammeMatcher, a: _Area) -> Area:
        whole = matcher.whole()
        alone = a.number == "?" and len(matcher.programme.omraden) == 1
        if whole is not None and (a.whole or alone):
            return whole
        return matcher.area(a.number, a.title)


def known_programme(region: str) -> ProgrammeMatcher | None:
    """The region's programme as rsp-tui knows it (forms/programmes), if it does."""
    from rsp_tui.forms.loader import programme_for_region

    try:
        programme = programme_for_region(region)
    except Exception:  # a broken programme file is reported where the forms are listed
        return None
    if programme is None:
        return None
    return ProgrammeMatcher(programme, f"regionens program i rsp-tui för {region}")


def _goal_line(line: str) -> tuple[str, str] | None:
    """(code, text) of a line `1.2 Text` or `1.2` naming a goal of the programme."""
    m = _GOAL_LINE.match(line)
    if m and "." in m.group(1):
        return m.group(1), m.group(2).strip()
    bare = _GOAL_CODE.match(line)
    return (bare.group(1), "") if bare else None


def _header_text(header: list[Any], c: int) -> str:
    return header[c].text.strip() if c < len(header) else str(c + 1)


def _code_key(code: str) -> tuple[int, ...]:
    return tuple(int(p) for p in code.split(".") if p.isdigit())


def _row_by_label(q: TableQuestion, text: str) -> tuple[Any, str] | None:
    n = norm(text)
    for row in q.rows:
        label = norm(row.label)
        if n == label:
            return row, ""
        if row.name_label:
            pattern = _pattern(row.name_format)
            m = pattern.match(text.strip().replace("\n", " "))
            if m and norm(m.group("label") if "label" in m.groupdict() else row.label) == label:
                return row, m.group("name").strip()
    for row in q.rows:
        if _similar(n, norm(row.label)) and len(n) >= 0.8 * len(norm(row.label)):
            return row, ""
    return None


def _value_for(f: LeafField, text: str) -> Any:
    return f.from_cell(text)
