"""Provides how a question of the form is shown: its number, text and instruction as printed,
and its answer widgets (one field, a table of fixed rows, or static text)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Collapsible, Static

from rsp_tui.drafts.paths import NAME_KEY, CellPath, RowNamePath, row_name_field
from rsp_tui.forms.schema import (
    DecimalField,
    FieldBase,
    LeafField,
    StaticQuestion,
    TableQuestion,
)
from rsp_tui.textutil import format_decimal, markup_runs, parse_decimal, plain
from rsp_tui.tui.widgets.fields import FieldBox
from rsp_tui.tui.widgets.inputs import HelpTopic
from rsp_tui.tui.widgets.registry import field_box


def rich_text(text: str, style: str = "") -> Text:
    """The form's `**bold**` markup as Rich text."""
    out = Text(style=style)
    for run, bold in markup_runs(text):
        out.append(run, style="bold" if bold else "")
    return out


def topic_for(
    question: FieldBase,
    field_def: LeafField,
    row: str = "",
    label: str | None = None,
    *,
    name: str = "",
) -> HelpTopic:
    """The help shown while `field_def` of `question` (named `name` in the heading, e.g.
    `Fråga 1`: see `FormDefinition.question_name`) has focus."""
    parts = [name] if question is not field_def and name else []
    parts += [p for p in (row, label if label is not None else field_def.display_label) if p]
    return HelpTopic(
        heading=" › ".join(parts) or field_def.display_label,
        help=field_def.help,
        guidance=tuple(question.guidance),
        lead=question.instruction if question.instruction_inline else "",
        footnote=question.footnote,
    )


class QuestionHeading(Static):
    """`1. Hur bedömer …` in bold, followed by the instruction in the regular font."""

    def __init__(self, question: FieldBase) -> None:
        text = Text()
        if question.text:
            text.append(question.title, style="bold")
        if question.instruction:
            text.append(" " if question.instruction_inline else "\n")
            text.append(question.instruction)
        super().__init__(text, classes="question-heading")


class TableBlock(Vertical):
    """A table question: one bordered box per fixed row, holding that row's columns."""

    def __init__(self, question: TableQuestion, answers: dict[str, Any], name: str = "") -> None:
        super().__init__(classes="table-block")
        self.question = question
        self.answers = answers
        self.name_ = name
        """How the question is named in help headings, e.g. `Fråga 1`."""

    def compose(self) -> ComposeResult:
        q = self.question
        for row in q.rows:
            cells = self.answers.get(row.id) or {}
            box = Vertical(classes="table-row")
            box.border_title = row.label
            with box:
                boxes: list[FieldBox] = []
                if row.name_label:
                    name_field = row_name_field(row)
                    boxes.append(
                        field_box(
                            name_field,
                            RowNamePath(q.id, row.id),
                            cells.get(NAME_KEY),
                            topic=topic_for(q, name_field, row.label, name=self.name_),
                        )
                    )
                for col in q.columns:
                    boxes.append(
                        field_box(
                            col,
                            CellPath(q.id, row.id, col.id),
                            cells.get(col.id),
                            topic=topic_for(q, col, row.label, name=self.name_),
                        )
                    )
                yield from _arrange(boxes)
        for col in self._sum_columns():
            yield Static("", classes="table-sum", id=f"sum-{col.id}")

    def on_mount(self) -> None:
        for col in self._sum_columns():
            self._refresh_sum(col)

    def _sum_columns(self) -> list[DecimalField]:
        # `sum` is a key of the decimal kind only: the columns the form asks to add up.
        return [c for c in self.question.columns if isinstance(c, DecimalField) and c.sum]

    def _refresh_sum(self, col: DecimalField) -> None:
        """Show the sum of a column, as typed so far (unparsable values count as 0)."""
        total = Decimal(0)
        for box in self.query(FieldBox):
            if isinstance(box.path, CellPath) and box.path.column == col.id:
                total += parse_decimal(str(box.value or "")) or Decimal(0)
        label = col.sum_label or "Summa"
        self.query_one(f"#sum-{col.id}", Static).update(f"{label}: {format_decimal(total)}")

    @on(FieldBox.Edited)
    def _update_sums(self, event: FieldBox.Edited) -> None:
        for col in self._sum_columns():
            if isinstance(event.path, CellPath) and event.path.column == col.id:
                self._refresh_sum(col)


def _arrange(boxes: list[FieldBox]) -> list[Vertical | Horizontal | FieldBox]:
    """Side by side for consecutive narrow fields, full width for the others."""
    out: list[Vertical | Horizontal | FieldBox] = []
    run: list[FieldBox] = []

    def flush() -> None:
        if len(run) == 1:
            out.append(run[0])
        elif run:
            out.append(Horizontal(*run, classes="field-row"))
        run.clear()

    for box in boxes:
        if box.field_def.COMPACT:
            box.add_class("-compact")
            run.append(box)
        else:
            flush()
            out.append(box)
    flush()
    return out


class StaticText(Collapsible):
    """Static text of the form (e.g. the introduction to part B), folded under its heading."""

    def __init__(self, question: StaticQuestion, collapsed: bool = True) -> None:
        headings = [b for b in question.blocks if b.style == "heading"]
        title = plain(headings[0].text) if headings else "Om den här delen"
        body: list[Static] = []
        for block in question.blocks:
            if block is (headings[0] if headings else None):
                continue
            style = "bold" if block.style in ("heading", "subheading") else ""
            classes = f"static-block -{block.style}"
            body.append(Static(rich_text(block.text, style), classes=classes))
        super().__init__(*body, title=title, collapsed=collapsed, classes="static-text")
