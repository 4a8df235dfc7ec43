"""Provides the body of one part of the report, generated from its section of the form: the
description, the report's own fields on the first part, and every question in order."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, cast

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Static

from rsp_tui.drafts.model import is_empty
from rsp_tui.drafts.paths import AnswerPath, QuestionPath, RegionPath, YearPath
from rsp_tui.drafts.session import DraftSession
from rsp_tui.forms.schema import (
    ChoiceField,
    FormDefinition,
    ProgrammeQuestion,
    RowsQuestion,
    StaticQuestion,
    TableQuestion,
    TextField,
)
from rsp_tui.structure import Part
from rsp_tui.tui.widgets.fields import FieldBox
from rsp_tui.tui.widgets.inputs import HelpTopic, focus_now, reveal_focus
from rsp_tui.tui.widgets.programme import ProgrammeEditor, ProgrammeInput
from rsp_tui.tui.widgets.questions import (
    QuestionHeading,
    StaticText,
    TableBlock,
    rich_text,
    topic_for,
)
from rsp_tui.tui.widgets.registry import field_box
from rsp_tui.years import parse_year

if TYPE_CHECKING:
    from rsp_tui.tui.widgets.insatser import InsatserView


def insatser_views(node: Widget) -> list[InsatserView]:
    """The insatser lists under `node`. By type name: `tui/widgets/insatser.py` (and Textual's
    DataTable with it) is imported when the first område is built, not at start-up."""
    return cast("list[InsatserView]", list(node.query("InsatserView")))



def _year_headings(form: FormDefinition) -> str:
    """` Insatstabellernas rubriker (Handlingsplan för verksamhetsår …) följer det.`: the
    first column group whose label holds the year, as the form words it; '' when none does."""
    section = form.repeat_section
    for q in section.questions if section is not None else []:
        for group in q.groups if isinstance(q, RowsQuestion) else []:
            if "{year}" in group.label or "{next_year}" in group.label:
                label = group.label.format(year="…", next_year="…")
                return f" Insatstabellernas rubriker ({label}) följer det."
    return ""


def group_guidance(form: FormDefinition) -> dict[str, tuple[str, ...]]:
    """The paragraphs of the form's static text that explain each insatser column group.

    The text "Delarna i tabellen" has one subheading per group ("Handlingsplan för
    verksamhetsår", "Uppföljning av verksamhetsår", "Till nästa års handlingsplan"); a group
    gets the paragraphs under the subheading that starts with the same word as its label.
    """
    section = form.repeat_section
    rows = [q for q in section.questions if isinstance(q, RowsQuestion)] if section else []
    if not rows:
        return {}
    under: dict[str, list[str]] = {}
    current: list[str] | None = None
    for s in form.sections:
        for q in s.questions:
            if not isinstance(q, StaticQuestion):
                continue
            for block in q.blocks:
                if block.style == "subheading":
                    current = under.setdefault(block.text.split()[0].casefold(), [])
                elif block.style == "heading":
                    current = None
                elif current is not None:
                    current.append(block.text.replace("**", ""))
    out: dict[str, tuple[str, ...]] = {}
    for group in rows[0].groups:
        words = group.label.split()
        if words and words[0].casefold() in under:
            out[group.id] = tuple(under[words[0].casefold()])
    return out


class PartView(VerticalScroll):
    """One part of the report, ready to answer."""

    def __init__(
        self, session: DraftSession, part: Part, regions: list[str], first: bool = False
    ) -> None:
        super().__init__(classes="part-view")
        self.session = session
        self.part = part
        self.regions = regions
        self.first = first

    def compose(self) -> ComposeResult:
        section, draft = self.part.section, self.session.draft
        if self.part.heading:
            yield Static(self.part.heading, classes="part-heading")
        if self.first:  # the form's own title and introduction open the report
            form = self.session.form
            yield Static(rich_text(form.title, "bold"), classes="form-title")
            for paragraph in form.intro:
                yield Static(rich_text(paragraph), classes="form-intro")
        if section.description:
            yield Static(section.description, classes="part-description")
        if self.first:
            yield from self._report_fields()
        for question in section.questions:
            # Structural dispatch: the question's shape (table, rows, static text, programme)
            # decides what happens; a leaf field of any kind goes through its kind.
            if isinstance(question, StaticQuestion):
                yield StaticText(question)
            elif isinstance(question, ProgrammeQuestion):
                yield ProgrammeEditor(self.session, question)
            elif isinstance(question, RowsQuestion):
                if self.part.area is not None:
                    from rsp_tui.tui.widgets.insatser import InsatserView

                    yield InsatserView(
                        self.session,
                        question,
                        self.part.area,
                        group_guidance(self.session.form),
                    )
            elif isinstance(question, TableQuestion):
                yield QuestionHeading(question)
                yield TableBlock(
                    question,
                    draft.answers.get(question.id) or {},
                    self.session.form.question_name(question),
                )
            else:
                if question.text:
                    yield QuestionHeading(question)
                yield field_box(
                    question,
                    QuestionPath(question.id),
                    draft.answers.get(question.id),
                    label="" if question.text else None,
                    topic=topic_for(question, question, label=question.display_label),
                    classes="question-field",
                )

    def _report_fields(self) -> Iterator[Widget]:
        form, draft = self.session.form, self.session.draft
        region_label = form.region_label.rstrip(":").strip() or "Region"
        region = ChoiceField(
            kind="choice",
            id="region",
            label=region_label,
            options=self.regions or [draft.region],
            help="Regionen som rapporten gäller; skrivs först i dokumentet.",
        )
        years = form.years
        year = TextField(
            kind="text",
            id="year",
            label=years.label,
            help=f"Året som rapporten följer upp, {years.min}–{years.max}.{_year_headings(form)}",
        )

        def check_region(value: Any) -> str | None:
            return None if value in self.regions else f'okänd region "{value}"'

        def check_year(value: Any) -> str | None:
            if parse_year(value, years) is None:
                return f"skriv ett år mellan {years.min} och {years.max}"
            return None

        yield field_box(
            region,
            RegionPath(),
            draft.region,
            topic=HelpTopic(heading=region_label, help=region.help),
            check=check_region,
            id="report-region",
        )
        yield field_box(
            year,
            YearPath(),
            str(draft.year),
            topic=HelpTopic(heading=years.label, help=year.help),
            check=check_year,
            id="report-year",
        )

    def on_resize(self) -> None:
        # The view got smaller or larger (a line above it changed, the terminal): the field
        # being typed in stays in view.
        focused = self.screen.focused
        if focused is not None and self in focused.ancestors:
            reveal_focus(self)

    # -- navigation ----------------------------------------------------------------------

    def boxes(self) -> list[FieldBox]:
        return list(self.query(FieldBox))

    def focus_first(self, mounted_now: bool = False) -> None:
        """Focus the first thing to answer (or the insatser list).

        In an område just mounted, the list and its buttons come right under the heading, on
        screen: no scroll (Textual's check whether they are in view can run before the layout
        is final and then scrolled the heading away for nothing on a busy machine)."""
        insatser = insatser_views(self)
        if insatser:
            view = insatser[0]
            target = view.table if view.items else view.query_one("#insats-add")
            focus_now(target, scroll_visible=not mounted_now)
            return
        boxes = self.boxes()
        if boxes:
            # The first unanswered field, so that a part begun earlier continues there.
            empty = [b for b in boxes if is_empty(b.value)]
            (empty or boxes)[0].focus_input()
            return
        inputs = self.query(ProgrammeInput)
        if inputs:
            focus_now(inputs.first())
            return
        for widget in self.query("*"):
            if widget.focusable:
                focus_now(widget)
                return

    def focus_path(self, path: AnswerPath) -> bool:
        """Focus the field that holds `path`; False if it is not on this part."""
        for view in insatser_views(self):
            if view.focus_path(path):
                return True
        for box in self.boxes():
            if box.path == path:
                box.focus_input()
                self.call_after_refresh(box.scroll_visible, animate=False)
                return True
        return False
