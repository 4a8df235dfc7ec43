"""Provides the editor of the region's programme: prioriterade områden (number and title) and
their mål (code and text), as copied into the draft. The parts of the report follow it."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, Static

from rsp_tui.drafts.session import DraftSession
from rsp_tui.forms.programme import Area, Goal, Programme
from rsp_tui.forms.schema import ProgrammeQuestion
from rsp_tui.tui.dialogs.confirm import ConfirmDialog
from rsp_tui.tui.messages import DraftChanged
from rsp_tui.tui.widgets.inputs import HelpTopic, RspInput, focus_now, reveal_focus


class ProgrammeInput(RspInput):
    """An input bound to one attribute of an område (`goal` None) or of one of its mål."""

    def __init__(
        self, value: str, area_id: str, goal: int | None, attr: str, topic: HelpTopic, **kw: str
    ):
        super().__init__(value, **kw)
        self.area_id = area_id
        self.goal = goal
        self.attr = attr
        self.topic = topic


class PeriodInput(RspInput):
    """The first or last year of the programme's period."""

    def __init__(self, value: str, attr: str, **kw: str):
        super().__init__(value, max_length=4, restrict=r"[0-9]*", **kw)
        self.attr = attr


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
        programme = self.session.draft.programme
        with Horizontal(classes="programme-buttons"):
            yield Button(
                "Klistra in program",
                id="paste-programme",
                compact=True,
                variant="primary",
                tooltip="Klistra in programmets områden och mål ur dess PDF eller Word-fil",
            )
            yield Label("Programperiod:", classes="programme-period")
            for attr, label in (("first_year", "Från år"), ("last_year", "Till år")):
                year = getattr(programme, attr)
                yield PeriodInput(
                    str(year or ""),
                    attr,
                    placeholder=label,
                    id=f"period-{attr}",
                    classes="programme-input -code",
                )
        if not self.areas:
            yield Static(
                "Programmet har inga prioriterade områden ännu. Lägg till det första nedan.",
                classes="programme-empty",
            )
        labels = self.session.form.labels
        for i, area in enumerate(self.areas):
            box = Vertical(classes="programme-area")
            box.border_title = (
                f"{labels.whole} (utan område)"
                if area.whole
                else labels.area_title(area.number or "?")
            )
            with box:
                if not area.whole:
                    with Horizontal(classes="programme-line"):
                        yield self._input(area, None, "number", "Nummer", f"a{i}-number", "-code")
                        yield self._input(area, None, "title", "Rubrik", f"a{i}-title", "-text")
                yield Label("Mål", classes="field-sublabel")
                for j in range(len(area.mal)):
                    with Horizontal(classes="programme-line"):
                        yield self._input(area, j, "code", "Kod", f"g{i}-{j}-code", "-code")
                        yield self._input(area, j, "text", "Mål", f"g{i}-{j}-text", "-text")
                        yield Button("Ta bort", id=f"del-goal-{i}-{j}", compact=True)
                with Horizontal(classes="programme-buttons"):
                    yield Button("Nytt mål", id=f"add-goal-{i}", compact=True)
                    yield Button(
                        "Ta bort området", id=f"del-area-{i}", compact=True, variant="error"
                    )
        with Horizontal(classes="programme-buttons"):
            yield Button("Nytt prioriterat område", id="add-area", compact=True, variant="primary")
            if programme.whole() is None:
                yield Button("Mål för hela programmet", id="add-whole", compact=True)

    def _input(
        self, area: Area, goal: int | None, attr: str, label: str, widget_id: str, cls: str
    ) -> Horizontal:
        topic = HelpTopic(
            heading=f"Programmet › {label}",
            help=self.question.help,
            extra=(
                "Numret och rubriken blir rubrik för områdets insatstabell: Prioriterat"
                " område 1. Rubrik. Målen går att välja i insatsernas kolumn Mål.",
            ),
        )
        target: Area | Goal = area if goal is None else area.mal[goal]
        # The label stays beside the field once it is filled in (a placeholder alone goes).
        return Horizontal(
            Label(label, classes="programme-field-label"),
            ProgrammeInput(
                str(getattr(target, attr)),
                area.id,
                goal,
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
        try:
            if widget.goal is None:
                changed = self.session.set_area(widget.area_id, widget.attr, event.value)
            else:
                changed = self.session.set_goal(
                    widget.area_id, widget.goal, widget.attr, event.value
                )
        except (KeyError, IndexError):  # removed meanwhile
            return
        if not changed:
            return
        if widget.goal is None:
            parent = widget.parent.parent if widget.parent else None
            if isinstance(parent, Vertical):
                number = self.session.draft.programme.area(widget.area_id).number
                parent.border_title = self.session.form.labels.area_title(number or "?")
        self.post_message(DraftChanged(structure=widget.goal is None))

    @on(Button.Pressed)
    async def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        name = event.button.id or ""
        if name == "paste-programme":
            self._paste()
        elif name == "add-whole":
            self.session.add_whole_area()
            await self._rebuilt("#g0-0-text")
        elif name == "add-area":
            self.session.add_area()
            await self._rebuilt(f"#a{len(self.areas) - 1}-title")
        elif name.startswith("add-goal-"):
            i = int(name.rsplit("-", 1)[1])
            j = self.session.add_goal(self.areas[i].id)
            await self._rebuilt(f"#g{i}-{j}-text")
        elif name.startswith("del-goal-"):
            i, j = (int(x) for x in name.removeprefix("del-goal-").split("-"))
            self._confirm_goal(i, j)
        elif name.startswith("del-area-"):
            self._confirm_area(int(name.rsplit("-", 1)[1]))

    def _paste(self) -> None:
        """Klistra in program: the dialog's programme replaces the draft's; the insatser
        follow their områden (see `replace_programme`)."""
        from rsp_tui.tui.dialogs.paste_programme import PasteProgrammeDialog

        async def done(programme: Programme | None) -> None:
            if programme is None:
                return
            change = self.session.replace_programme(programme)
            await self._rebuilt()
            lines = change.lines()
            self.notify(
                "\n".join(lines) if lines else "Programmet är inlagt.",
                title="Programmet",
                severity="warning" if lines else "information",
                timeout=15 if lines else 5,
            )

        dialog = PasteProgrammeDialog(self.session.form, self.session.draft.region)
        self.app.push_screen(dialog, done)

    @on(Input.Changed, "PeriodInput")
    def _period_changed(self, event: Input.Changed) -> None:
        event.stop()
        assert isinstance(event.input, PeriodInput)
        text = event.value.strip()
        year = int(text) if text.isdigit() and len(text) == 4 else 0
        self.session.set_period(event.input.attr, year)

    async def _rebuilt(self, focus: str | None = None) -> None:
        """Show the programme again after a change; focus `focus` (the new field), or else
        the field that had focus, and scroll it into view once laid out."""
        self.post_message(DraftChanged(structure=True))
        focused = self.app.focused
        keep = focused.id if focused is not None and focused in self.query("*") else None
        await self.recompose()
        for selector in (focus, f"#{keep}" if keep else None, "#add-area"):
            found = self.query(selector) if selector else None
            if found:
                focus_now(found.first(), scroll_visible=False)
                break
        reveal_focus(self)

    def _confirm_goal(self, i: int, j: int) -> None:
        area = self.areas[i]
        goal = area.mal[j]
        used = self.session.goal_uses(goal.code)
        note = (
            f"\n\nMålet är valt i {used} insatser; där visas det som fel tills du väljer om."
            if used
            else ""
        )

        async def done(confirmed: bool | None) -> None:
            if confirmed and goal in area.mal:
                self.session.remove_goal(area.id, area.mal.index(goal))
                await self._rebuilt(f"#add-goal-{i}")

        self.app.push_screen(
            ConfirmDialog("Ta bort målet?", f"{goal.printed}{note}", confirm="Ta bort"), done
        )

    def _confirm_area(self, i: int) -> None:
        area = self.areas[i]
        count = self.session.item_count(area.id)
        note = f"\n\nOmrådets {count} insatser tas också bort." if count else ""

        async def done(confirmed: bool | None) -> None:
            if not confirmed or area not in self.areas:
                return
            self.session.remove_area(area.id)
            await self._rebuilt("#add-area")

        title = self.session.form.labels.area_title(area.number, area.title)
        self.app.push_screen(
            ConfirmDialog("Ta bort området?", f"{title}{note}", confirm="Ta bort"), done
        )
