"""Provides the frame of the summary document: our export's styles, pages and tables
(`rsp_tui.export`), with switching between portrait and landscape pages and the small table
helpers the summary's parts are made of."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from docx.enum.section import WD_SECTION

from rsp_tui.drafts.model import Draft, new_draft
from rsp_tui.export.package import header_and_footer, new_document, page_setup
from rsp_tui.export.writer import Writer
from rsp_tui.forms.schema import FormDefinition
from rsp_tui.summary.charts import Drawer
from rsp_tui.summary.rows import append_row, row_xml

if TYPE_CHECKING:
    from rsp_tui.summary.build import Options


CM_PER_BOLD_CHAR = 0.23
"""About how wide a character of 10 pt bold Arial is, to size columns by their headers."""


def header_width(title: str, least: float = 1.4) -> float:
    """A column width (cm) in which the header's longest word fits on one line."""
    longest = max((len(w) for w in title.split()), default=0)
    return max(least, longest * CM_PER_BOLD_CHAR + 0.4)


@dataclass
class Subject:
    """One report as a column of the summary: its region (or, comparing one region's years,
    its year) and its answers."""

    label: str
    draft: Draft


@dataclass
class Sheet:
    """The summary being written."""

    w: Writer
    form: FormDefinition
    subjects: list[Subject]
    options: Options
    key_label: str = "Region"
    """`Region`, or `År` when one region's years are compared."""
    comparison: bool = False
    landscape: bool = False
    """The orientation of the current section."""
    wanted: bool = False
    """The orientation asked for next."""
    charts: int = 0
    """How many charts were drawn."""
    drawer: Drawer = field(default_factory=Drawer)
    """Draws the charts (perhaps in another process, see `rsp_tui.summary.charts`)."""
    pictures: list[tuple[Any, Callable[[], bytes], float, str, str]] = field(default_factory=list)
    """Charts to put in their paragraphs when drawn (`place_pictures`)."""

    @classmethod
    def new(
        cls,
        form: FormDefinition,
        subjects: list[Subject],
        options: Options,
        *,
        comparison: bool,
        drawer: Drawer | None = None,
    ) -> Sheet:
        """A new document; it starts on a landscape page (the intake list is wide)."""
        doc = new_document()
        section = doc.sections[0]
        placeholder = new_draft(form, "", form.years.min)
        w = Writer(doc, form, placeholder, width=page_setup(section, landscape=True))
        header_and_footer(section, draft_mode=False)
        return cls(
            w,
            form,
            subjects,
            options,
            key_label="År" if comparison else "Region",
            comparison=comparison,
            landscape=True,
            wanted=True,
            drawer=drawer or Drawer(),
        )

    @property
    def drafts(self) -> list[Draft]:
        return [s.draft for s in self.subjects]

    def orientation(self, landscape: bool) -> None:
        """What follows goes on pages in this orientation (a new page when it changes; the
        section starts only when something is written, so no page is left empty)."""
        self.wanted = landscape

    def ensure(self) -> None:
        """Start the section asked for by `orientation`, if it is not the current one."""
        if self.wanted == self.landscape:
            return
        new = self.w.doc.add_section(WD_SECTION.NEW_PAGE)
        self.w.width = page_setup(new, landscape=self.wanted)
        self.landscape = self.wanted

    def clean(self, text: str, where: str = "") -> str:
        return self.w.clean(text, where or "Sammanställningen")

    def heading(self, text: str, level: int, *, markup: bool = True) -> None:
        self.ensure()
        self.w.heading(text if markup else self.clean(text), level, markup=markup)

    def text(
        self, text: str, *, bold: bool = False, italic: bool = False, keep_with_next: bool = False
    ) -> None:
        """A paragraph of our own or the user's text (no markup)."""
        self.ensure()
        p = self.w.paragraph(self.clean(text), bold=bold, markup=False)
        if italic:
            for run in p.runs:
                run.italic = True
        if keep_with_next:
            p.paragraph_format.keep_with_next = True

    def table(
        self,
        header: Sequence[str],
        rows: Sequence[Sequence[str]],
        widths: Sequence[float],
        *,
        bold_rows: Sequence[int] = (),
        bold_cells: Sequence[tuple[int, int]] = (),
        numeric_from: int | None = None,
        groups: Sequence[tuple[str, int]] = (),
    ) -> None:
        """A table with a repeated header row (under an optional row of column `groups`,
        each a title and how many columns it spans); rows in `bold_rows` (sums) and the cells
        in `bold_cells` (changes) in bold; columns from `numeric_from` on centred. Short rows
        are never split over two pages."""
        self.ensure()
        grid = self.w.table(list(widths))
        tbl = grid.table._tbl
        n_cols = len(header)
        if groups:
            spans = [span for _, span in groups]
            titles = [[title] for title, _ in groups]
            xml = row_xml(grid.widths, titles, spans=spans, header=True, center=[True] * len(spans))
            append_row(tbl, xml)
        centered = [numeric_from is not None and c >= numeric_from for c in range(n_cols)]
        append_row(tbl, row_xml(grid.widths, [[h] for h in header], header=True, center=centered))
        bold_set = set(bold_cells)
        for r, values in enumerate(rows):
            contents = [self.clean(v).split("\n") for v in values]
            bold = [r in bold_rows or (r, c) in bold_set for c in range(n_cols)]
            append_row(tbl, row_xml(grid.widths, contents, center=centered, bold=bold))
        self.w.paragraph()

    def picture(self, png: Callable[[], bytes], width_cm: float, title: str, text: str) -> None:
        """A chart in a paragraph of its own, with its `title` and alternative `text`; `png`
        gives the picture, which is put in its place by `place_pictures`."""
        self.ensure()
        self.pictures.append((self.w.doc.add_paragraph(), png, width_cm, title, text))
        self.charts += 1

    def place_pictures(self) -> None:
        """Put every chart in its paragraph (waiting for those still being drawn)."""
        from rsp_tui.summary.charts import add_picture

        for paragraph, png, width_cm, title, text in self.pictures:
            add_picture(paragraph, png(), width_cm, title, text)
        self.pictures.clear()

    def bullet(self, text: str) -> None:
        """A bulleted line of our own or the user's text."""
        self.ensure()
        self.w.paragraph(self.clean(text), style="List Bullet", markup=False)
