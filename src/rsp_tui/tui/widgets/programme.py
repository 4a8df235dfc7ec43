"""Provides the editor of the region's programme: prioriterade områden (number and title) and
their mål (code and text), as copied into the draft. The parts of the report follow it."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, Static

from rsp_tui.drafts.session import DraftSession
from rsp_tui.forms.programme import Area, Goal, new_area_id
from rsp_tui.forms.schema import GoalsField, ProgrammeQuestion, RowsQuestion
from rsp_tui.tui.dialogs.confirm import ConfirmDialog
from rsp_tui.tui.messages import DraftChanged
from rsp_tui.tui.widgets.inputs import HelpTopic, RspInput, focus_now


class ProgrammeInput(RspInput):
    """An input bound to one attribute of an område or a mål."""

    def __init__(self, value: str, target: Area | Goal, attr: str, topic: HelpTopic, **kw: str):
        super().__init__(value, **kw)
        self.target = target
        self.attr = attr
        self.topic = topic


class ProgrammeEditor(Vertical):
    """Områden and mål, editable; adding or removing one changes the report's parts."""

    def __init__(self, session: DraftSession, question: ProgrammeQuestion) -> None:
        super().__init__(classes="programme")
        self.session = session
        self.question = question

    @property
    def areas(self) -> list[Area]:
        return self.session.draft.programme.omraden

    def compose(self) -> ComposeResult:
        if self.question.label:
            yield Label(self.question.label, classes="field-label")
        if self.question.help:
            yield Static(self.question.help, classes="field-help")
        if not self.areas:
            yield Static(
                "Programmet har inga prioriterade områden ännu. Lägg till det första nedan.",
                classes="programme-empty",
            )
        for i, area in enumerate(self.areas):
            box = Vertical(classes="programme-area")
            box.border_title = f"Prioriterat område {area.number or '?'}"
            with box:
                with Horizontal(classes="programme-line"):
                    yield self._input(area, "number", "Nummer", f"a{i}-number", "-code")
                    yield self._input(area, "title", "Rubrik", f"a{i}-title", "-text")
                yield Label("Mål", classes="field-sublabel")
                for j, goal in enumerate(area.mal):
                    with Horizontal(classes="programme-line"):
                        yield self._input(goal, "code", "Kod", f"g{i}-{j}-code", "-code")
                        yield self._input(goal, "text", "Mål", f"g{i}-{j}-text", "-text")
                        yield Button("Ta bort", id=f"del-goal-{i}-{j}", compact=True)
                with Horizontal(classes="programme-buttons"):
                    yield Button("Nytt mål", id=f"add-goal-{i}", compact=True)
                    yield Button(
                        "Ta bort området", id=f"del-area-{i}", compact=True, variant="error"
                    )
        yield Button("Nytt prioriterat område", id="add-area", compact=True, variant="primary")

    def _input(
        self, target: Area | Goal, attr: str, label: str, widget_id: str, cls: str
    ) -> Horizontal:
        topic = HelpTopic(
            heading=f"Programmet › {label}",
            help=self.question.help,
            extra=(
                "Numret och rubriken blir rubrik för områdets insatstabell: Prioriterat"
                " område 1. Rubrik. Målen går att välja i insatsernas kolumn Mål.",
            ),
        )
        # The label stays beside the field once it is filled in (a placeholder alone goes).
        return Horizontal(
            Label(label, classes="programme-field-label"),
            ProgrammeInput(
                str(getattr(target, attr)),
                target,
                attr,
                topic,
                placeholder=label,
                id=widget_id,
                classes=f"programme-input {cls}",
            ),
            classes=f"programme-field {cls}",
        )

    @on(Input.Changed, "ProgrammeInput")
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        widget = event.input
        assert isinstance(widget, ProgrammeInput)
        if getattr(widget.target, widget.attr) == event.value:
            return
        setattr(widget.target, widget.attr, event.value)
        self.session.changed()
        if isinstance(widget.target, Area):
            parent = widget.parent.parent if widget.parent else None
            if isinstance(parent, Vertical):
                parent.border_title = f"Prioriterat område {widget.target.number or '?'}"
        self.post_message(DraftChanged(structure=isinstance(widget.target, Area)))

    @on(Button.Pressed)
    async def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        name = event.button.id or ""
        if name == "add-area":
            used = {a.id for a in self.areas}
            number = str(len(self.areas) + 1)
            self.areas.append(Area(id=new_area_id(number, used), number=number, title=""))
            await self._rebuilt(f"#a{len(self.areas) - 1}-title")
        elif name.startswith("add-goal-"):
            i = int(name.rsplit("-", 1)[1])
            area = self.areas[i]
            area.mal.append(Goal(code=f"{area.number}.{len(area.mal) + 1}", text=""))
            await self._rebuilt(f"#g{i}-{len(area.mal) - 1}-text")
        elif name.startswith("del-goal-"):
            i, j = (int(x) for x in name.removeprefix("del-goal-").split("-"))
            self._confirm_goal(i, j)
        elif name.startswith("del-area-"):
            self._confirm_area(int(name.rsplit("-", 1)[1]))

    async def _rebuilt(self, focus: str | None = None) -> None:
        self.session.changed()
        self.post_message(DraftChanged(structure=True))
        await self.recompose()
        if focus:
            for widget in self.query(focus):
                focus_now(widget)

    def _confirm_goal(self, i: int, j: int) -> None:
        area = self.areas[i]
        goal = area.mal[j]
        used = 0
        for q in self._rows_questions():
            goal_fields = [f.id for f in q.fields if isinstance(f, GoalsField)]
            for items in self.session.draft.answers.get(q.id, {}).values():
                for item in items:
                    if any(goal.code in (item.get(f) or {}).get("codes", []) for f in goal_fields):
                        used += 1
        note = (
            f"\n\nMålet är valt i {used} insatser; där visas det som fel tills du väljer om."
            if used
            else ""
        )

        async def done(confirmed: bool | None) -> None:
            if confirmed:
                area.mal.remove(goal)
                await self._rebuilt()

        self.app.push_screen(
            ConfirmDialog("Ta bort målet?", f"{goal.printed}{note}", confirm="Ta bort"), done
        )

    def _confirm_area(self, i: int) -> None:
        area = self.areas[i]
        rows = self._rows_questions()
        count = sum(len(self.session.draft.answers.get(q.id, {}).get(area.id, [])) for q in rows)
        note = f"\n\nOmrådets {count} insatser tas också bort." if count else ""

        async def done(confirmed: bool | None) -> None:
            if not confirmed:
                return
            self.areas.remove(area)
            for q in rows:
                self.session.draft.answers.get(q.id, {}).pop(area.id, None)
            await self._rebuilt()

        title = f"Prioriterat område {area.number}. {area.title}".strip()
        self.app.push_screen(
            ConfirmDialog("Ta bort området?", f"{title}{note}", confirm="Ta bort"), done
        )

    def _rows_questions(self) -> list[RowsQuestion]:
        section = self.session.form.repeat_section
        if section is None:
            return []
        return [q for q in section.questions if isinstance(q, RowsQuestion)]
