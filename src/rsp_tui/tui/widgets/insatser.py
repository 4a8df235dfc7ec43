"""Provides the insatser of one prioriterat område: a list (short name, mål, status) with add,
duplicate, delete and move, and an editor for the selected insats with all its fields.

The editor's widgets are made once and reloaded when another insats is selected, so that a
long list (30 insatser or more) stays quick to move through.
"""

from __future__ import annotations

import contextlib
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.coordinate import Coordinate
from textual.widgets import Button, DataTable, Label, Static

from rsp_tui.drafts.model import ID_KEY
from rsp_tui.drafts.paths import AnswerPath, InsatsPath
from rsp_tui.drafts.session import DraftSession
from rsp_tui.forms.programme import Area
from rsp_tui.forms.schema import (
    LeafField,
    RowsQuestion,
)
from rsp_tui.rollover import CARRIED_KEY
from rsp_tui.tui.dialogs.confirm import ConfirmDialog
from rsp_tui.tui.messages import DraftChanged
from rsp_tui.tui.widgets.fields import FieldBox
from rsp_tui.tui.widgets.goal_picker import ordered_goals
from rsp_tui.tui.widgets.inputs import HelpTopic, focus_now, reveal_focus
from rsp_tui.tui.widgets.registry import field_box

SUMMARY_WIDTH = 44
"""Characters of a text field shown in the list (fewer in a narrow terminal)."""


def summary_cell(field_def: LeafField, value: Any, width: int = SUMMARY_WIDTH) -> str:
    """A short text for the list: first line of a text, goal codes, the chosen option."""
    return field_def.list_cell(value, width)


class InsatserView(Vertical):
    """The list of insatser of one område and the editor of the selected one."""

    BINDINGS = [Binding("delete", "delete", "Ta bort insats", id="insats-delete", show=False)]

    def __init__(
        self,
        session: DraftSession,
        question: RowsQuestion,
        area: Area,
        group_help: dict[str, tuple[str, ...]],
    ) -> None:
        super().__init__(classes="insatser")
        self.session = session
        self.question = question
        self.area = area
        self.group_help = group_help
        self.current_id: str | None = None
        self._summary = [question.field(f) for f in question.summary_fields]

    @property
    def items(self) -> list[dict[str, Any]]:
        return self.session.draft.items(self.question.id, self.area.id)

    @property
    def _width(self) -> int:
        return SUMMARY_WIDTH if self.app.size.width >= 100 else 18

    @property
    def table(self) -> DataTable[str]:
        return self.query_one("#insats-list", DataTable)

    def compose(self) -> ComposeResult:
        q = self.question
        yield Label("", id="insats-count", classes="insats-count")
        yield DataTable(id="insats-list", cursor_type="row", zebra_stripes=True)
        yield Static(
            f"Inga {q.label.lower()} ännu. Tryck Ctrl+N eller välj Ny insats för att lägga till"
            " den första.",
            id="insats-empty",
        )
        with Horizontal(classes="insats-buttons"):
            yield Button("Ny insats", id="insats-add", compact=True, variant="primary")
            yield Button("Duplicera", id="insats-duplicate", compact=True)
            yield Button("Ta bort", id="insats-delete", compact=True, variant="error")
            yield Button("Upp", id="insats-up", compact=True, tooltip="Flytta upp (Alt+↑)")
            yield Button("Ned", id="insats-down", compact=True, tooltip="Flytta ned (Alt+↓)")
        with Vertical(id="insats-editor"):
            yield Static("", id="insats-title", classes="insats-title")
            yield Static("", id="insats-carried", classes="insats-carried", markup=False)
            year = self.session.draft.year
            goals = ordered_goals(self.session.draft.programme, self.area)
            # Under each column group's heading (with the report's years) its fields; a form
            # without groups lists the fields alone.
            sections: list[tuple[str, list[LeafField]]] = [
                (g.render(year), q.fields_in(g.id)) for g in q.groups
            ] or [("", list(q.fields))]
            for heading, fields in sections:
                if heading:
                    yield Static(heading, classes="group-heading")
                for f in fields:
                    yield field_box(f, None, None, goals=goals)  # bound by `load`

    def on_mount(self) -> None:
        table = self.table
        table.add_column("Nr", key="nr")
        for f in self._summary:
            table.add_column(f.display_label, key=f.id)
        self.rebuild(self.items[0][ID_KEY] if self.items else None)

    # -- list ----------------------------------------------------------------------------

    def rebuild(self, select_id: str | None) -> None:
        """Fill the list from the draft and select `select_id`."""
        table = self.table
        table.clear()
        for n, item in enumerate(self.items, start=1):
            cells = [summary_cell(f, item.get(f.id), self._width) for f in self._summary]
            table.add_row(str(n), *cells, key=item[ID_KEY])
        count = len(self.items)
        label = self.question.label
        self.query_one("#insats-count", Label).update(f"{label} ({count})")
        self.query_one("#insats-empty").display = count == 0
        table.display = count > 0
        self.query_one("#insats-editor").display = count > 0
        for name in ("duplicate", "delete", "up", "down"):
            self.query_one(f"#insats-{name}", Button).disabled = count == 0
        if select_id is not None:
            index = self._index(select_id)
            table.move_cursor(row=index, animate=False)
            self.load(select_id)
        else:
            self.current_id = None

    def _index(self, item_id: str) -> int:
        return next(n for n, i in enumerate(self.items) if i[ID_KEY] == item_id)

    @on(DataTable.RowHighlighted, "#insats-list")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        # Only a highlight that is still the list's cursor counts: `rebuild` moves the cursor
        # itself and loads the insats at once, and the messages of its moves arrive later. A
        # stale one used to load another insats under the user's fingers: marks typed for the
        # new insats went to the old one, and vanished from both when the new one came back.
        table = self.table
        if not 0 <= table.cursor_row < table.row_count:
            return
        item_id = event.row_key.value
        if table.coordinate_to_cell_key(Coordinate(table.cursor_row, 0)).row_key.value != item_id:
            return
        if item_id and item_id != self.current_id:
            self.load(item_id)

    @on(DataTable.RowSelected, "#insats-list")
    def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.focus_editor()

    # -- editor --------------------------------------------------------------------------

    def load(self, item_id: str) -> None:
        """Show the insats `item_id` in the editor."""
        self.commit()
        item = self.session.draft.find_item(self.question.id, self.area.id, item_id)
        if item is None:
            return
        self.current_id = item_id
        n = self._index(item_id) + 1
        name = f"{self.question.item_label} {n}"
        self.query_one("#insats-title", Static).update(f"{name} av {len(self.items)}")
        self._show_carried(item)
        for box in self.query(FieldBox):
            f = box.field_def
            path = InsatsPath(self.question.id, self.area.id, item_id, f.id)
            box.topic = HelpTopic(
                heading=f"{name} › {f.display_label}",
                help=f.app_help or f.help,
                extra=self.group_help.get(f.group, ()),
            )
            box.load(item.get(f.id), path)
        focused = self.app.focused
        for box in self.query(FieldBox):
            if focused is not None and box in focused.ancestors:
                # Focus stays in this field of another insats: no focus event will refresh
                # the help pane, so it is told here (it named the previous insats).
                self.post_message(box.HelpChanged(box, box.topic))

    def _show_carried(self, item: dict[str, Any]) -> None:
        """A rolled-over insats: from which year, and last year's note for next year."""
        carried = item.get(CARRIED_KEY)
        widget = self.query_one("#insats-carried", Static)
        widget.display = isinstance(carried, dict)
        if isinstance(carried, dict):
            note_field = self.question.note_field
            label = self.question.field(note_field).display_label if note_field else ""
            text = f"Fortsätter från {carried.get('year', 'förra året')}."
            if carried.get("note"):
                text += f" {label or 'Anteckning'} (förra året): {carried['note']}"
            widget.update(text)

    def commit(self) -> None:
        """Store what the editor shows and has not reported yet (a widget's change message
        may still be queued), before it shows another insats. Fields showing what they last
        stored or loaded store nothing."""
        for box in self.query(FieldBox):
            box.changed()

    def focus_editor(self) -> None:
        boxes = self.query(FieldBox)
        if boxes and self.current_id:
            boxes.first().focus_input()
            reveal_focus(self)

    def focus_list(self) -> None:
        """Focus the list on the selected insats (or Ny insats when there is none)."""
        if self.items:
            focus_now(self.table, scroll_visible=False)
        else:
            focus_now(self.query_one("#insats-add", Button), scroll_visible=False)
        reveal_focus(self)

    def focus_path(self, path: AnswerPath) -> bool:
        """Select the insats of `path` and focus its field; False if it is not here."""
        if not isinstance(path, InsatsPath) or path.area != self.area.id:
            return False
        if self.session.draft.find_item(self.question.id, self.area.id, path.item) is None:
            return False
        self.table.move_cursor(row=self._index(path.item), animate=False)
        self.load(path.item)
        for box in self.query(FieldBox):
            if box.path == path:
                box.focus_input()
                box.scroll_visible(animate=False)
                return True
        return False

    @on(FieldBox.Edited)
    def _edited(self, event: FieldBox.Edited) -> None:
        # Keep the list in step with the editor; the screen stores the answer.
        if not isinstance(event.path, InsatsPath):
            return
        field_id, item_id = event.path.field, event.path.item
        if field_id in self.question.summary_fields and item_id in self.table.rows:
            f = self.question.field(field_id)
            text = summary_cell(f, event.value, self._width)
            if self.table.get_cell(item_id, field_id) != text:  # redraw only on a change
                self.table.update_cell(item_id, field_id, text)

    # -- actions -------------------------------------------------------------------------

    @on(Button.Pressed, ".insats-buttons Button")
    def _button(self, event: Button.Pressed) -> None:
        event.stop()
        action = (event.button.id or "").removeprefix("insats-")
        if action == "up":
            self.action_move(-1)
        elif action == "down":
            self.action_move(1)
        elif action == "delete":
            self.action_delete()
        elif action == "add":
            self.action_add()
        elif action == "duplicate":
            self.action_duplicate()

    def action_add(self) -> None:
        """Add an empty insats at the end and start editing it."""
        self.commit()
        item_id = self.session.add_item(self.question.id, self.area.id)
        self._after_change(item_id, focus=True)

    def action_duplicate(self) -> None:
        """Copy the selected insats to a new one just below it; the list keeps focus, on the
        copy (so that Delete or Alt+↑ that follow act on the list, not in a text)."""
        if self.current_id is None:
            return
        self.commit()
        try:
            copy = self.session.duplicate_item(self.question.id, self.area.id, self.current_id)
        except KeyError:
            return
        self._after_change(copy, focus=False)
        self.focus_list()
        n = self._index(copy) + 1
        self.notify(
            f"Insatsen är kopierad; kopian är {self.question.item_label.lower()} {n}, markerad"
            " i listan. Enter går till dess fält.",
            timeout=4,
        )

    def action_delete(self) -> None:
        """Delete the selected insats, after asking."""
        if self.current_id is None:
            return
        self.commit()
        item_id = self.current_id
        n = self._index(item_id) + 1
        item = self.items[n - 1]
        first = self.question.summary_fields[0] if self.question.summary_fields else ""
        name = summary_cell(self.question.field(first), item.get(first)) if first else ""
        title = f"{self.question.item_label} {n}" + (f" – {name}" if name else "")

        def done(confirmed: bool | None) -> None:
            if not confirmed:
                return
            index = self._index(item_id)
            with contextlib.suppress(KeyError):
                self.session.remove_item(self.question.id, self.area.id, item_id)
            rest = self.items
            following = rest[min(index, len(rest) - 1)][ID_KEY] if rest else None
            self.current_id = None
            self._after_change(following, focus=False)
            self.focus_list()

        self.app.push_screen(
            ConfirmDialog(
                "Ta bort insatsen?",
                f"{title}\n\nInsatsen och allt som är ifyllt i den tas bort.",
                confirm="Ta bort",
            ),
            done,
        )

    def action_move(self, offset: int) -> None:
        """Move the selected insats up (-1) or down (+1)."""
        if self.current_id is None:
            return
        self.commit()
        self.session.move_item(self.question.id, self.area.id, self.current_id, offset)
        self._after_change(self.current_id, focus=False)
        reveal_focus(self)  # focus stays where it was; the list and editor moved under it

    def _after_change(self, select_id: str | None, focus: bool) -> None:
        self.current_id = None
        self.rebuild(select_id)
        self.post_message(DraftChanged())
        if focus:
            self.focus_editor()
