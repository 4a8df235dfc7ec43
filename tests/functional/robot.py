"""A robot user: the keys that fill in a whole report, planned from the app's own Tab order, and
the answers they must leave in the draft.

The plan is made once, headless, on a throwaway copy of the draft: for every part, the fields
in the order Tab visits them from where the part puts focus, and for each field the keys that
answer it (text with line breaks, a choice by its number, marks with Space and ↓). The keys
are then sent to the real app in a pseudo terminal (`terminal.Terminal`), at a chosen pace, by
a test that compares the draft on disk with `Plan.answers` after quitting.
"""

from __future__ import annotations

import copy
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from textual.widget import Widget
from textual.widgets import Input, Select, SelectionList, TextArea

from rsp_tui.drafts import load_draft
from rsp_tui.drafts.model import AnswerPath, Draft
from rsp_tui.drafts.paths import InsatsPath
from rsp_tui.forms.schema import ChoiceField, DateField, DecimalField, EmailsField
from rsp_tui.tui.app import RspApp
from rsp_tui.tui.screens.report import ReportScreen
from rsp_tui.tui.widgets.choice import InlineChoice
from rsp_tui.tui.widgets.fields import FieldBox, GoalsBox, MarksBox

from .driving import focused_box

TAB, ENTER, SPACE, DOWN = "\t", "\r", " ", "\x1b[B"
F4 = "\x1bOS"
CTRL_N, CTRL_Q = "\x0e", "\x11"

ROWS_QUESTION = "insatser"


@dataclass
class Plan:
    """Keys to send, one string per key press, and the draft's answers they must produce."""

    keys: list[str] = field(default_factory=list)
    answers: dict[str, Any] = field(default_factory=dict)
    """Expected `Draft.answers`, insatser without their random ids."""
    count: int = 0
    long: bool = True

    def token(self) -> str:
        self.count += 1
        return f"R{self.count}"

    def type(self, text: str) -> None:
        self.keys.extend(ENTER if c == "\n" else c for c in text)

    def expect(self, path: AnswerPath, value: Any) -> None:
        keys = path.key.split("/")  # where the answer sits in `Draft.answers`
        node = self.answers
        for key in keys[:-1]:
            node = node.setdefault(key, {})
        node[keys[-1]] = value


def answers_without_ids(draft: Draft) -> dict[str, Any]:
    """The draft's answers with the insatser's random ids left out."""
    out = copy.deepcopy(draft.answers)
    for items in (out.get(ROWS_QUESTION) or {}).values():
        for item in items:
            item.pop("_id", None)
    return out


async def make_plan(
    app: RspApp, initial: dict[str, Any], areas: tuple[str, ...], per_area: int, long: bool
) -> Plan:
    """Plan every Part A answer and `per_area` insatser in each of `areas`, from the first part
    the app opens on, starting from the answers `initial`; the keys end with Ctrl+Q. `long`:
    texts of a hundred characters and more (else a few words, for the slowest pace)."""
    plan = Plan(answers=copy.deepcopy(initial), long=long)
    async with app.run_test(size=(100, 30)) as pilot:
        report = app.screen
        assert isinstance(report, ReportScreen)
        await pilot.pause()
        order = [p.key for p in report.parts]
        keys = [p.key for p in report.parts if p.area is None or p.area.id in areas]
        keys = [k for k in keys if k != "programmet"]  # F4 passes it by
        assert report.current_key == keys[0], "the robot starts on the part the app opens"
        for n, key in enumerate(keys):
            if n:
                plan.keys.extend([F4] * (order.index(key) - order.index(keys[n - 1])))
                await report.show_part(key)
                await pilot.pause()
            part = next(p for p in report.parts if p.key == key)
            if part.area is None:
                await _plan_fields(pilot, report, plan)
            else:
                for i in range(per_area):
                    plan.keys.append(CTRL_N)
                    await pilot.press("ctrl+n")
                    await pilot.pause()
                    path_of_item = focused_box(app.focused)
                    assert path_of_item is not None
                    item: dict[str, Any] = {}
                    await _plan_fields(pilot, report, plan, item=item, variant=i)
                    plan.answers.setdefault(ROWS_QUESTION, {}).setdefault(part.area.id, [])
                    plan.answers[ROWS_QUESTION][part.area.id].append(item)
        plan.keys.append(CTRL_Q)
        await pilot.press("ctrl+q")  # the throwaway copy is saved: harmless
    return plan


async def _plan_fields(
    pilot: Any,
    report: ReportScreen,
    plan: Plan,
    item: dict[str, Any] | None = None,
    variant: int = 0,
) -> None:
    """Answer the fields from the focused one to the last of the part (or insats editor)."""
    chain = [w for w in report.focus_chain if report.host in w.ancestors]
    start = report.focused
    assert start in chain
    fields = [w for w in chain[chain.index(start) :] if focused_box(w) is not None]
    if item is not None:  # only the editor of the insats, not the list below it
        fields = [w for w in fields if _item_of(focused_box(w)) == _item_of(focused_box(start))]
    assert fields and fields[0] is start, "the part opens on a field"
    for n, widget in enumerate(fields):
        if n:
            plan.keys.append(TAB)
        box = focused_box(widget)
        assert box is not None
        _plan_widget(plan, box, widget, item, variant)


def _plan_widget(
    plan: Plan, box: FieldBox, widget: Widget, item: dict[str, Any] | None, variant: int
) -> None:
    f = box.field_def
    path = box.path
    assert path is not None
    keys = path.key.split("/")

    def expect(value: Any) -> None:
        if item is not None:
            item[keys[-1]] = value
        else:
            plan.expect(path, value)

    assert not isinstance(widget, Select), f"an overlay menu in the robot's way: {path}"
    if isinstance(widget, InlineChoice):
        assert isinstance(f, ChoiceField)
        if f.allow_other and variant % 2 == 0 and len(plan.keys) % 3 == 0:
            plan.keys.append(str(len(f.options) + 1))  # Annat, and the text in the box below
            plan.keys.append(TAB)
            text = f"Annat {plan.token()} å"
            plan.type(text)
            expect(text)
        else:
            index = (variant + len(keys)) % len(f.options)
            plan.keys.append(str(index + 1))
            expect(f.options[index])
    elif isinstance(widget, SelectionList):
        if isinstance(box, GoalsBox):
            codes = [g.code for g in box.goals]
            plan.keys.extend([SPACE, DOWN, SPACE] if variant % 2 == 0 else [DOWN, SPACE])
            chosen = codes[:2] if variant % 2 == 0 else codes[1:2]
            expect({"codes": chosen, "other": ""})
        else:
            assert isinstance(box, MarksBox)
            options = list(box.field_def.options)
            plan.keys.extend([SPACE, DOWN, DOWN, SPACE])
            expect([options[0], options[2]])
    elif isinstance(widget, Input):
        assert widget.value == "", f"the robot expects an empty field: {path}"
        if isinstance(box, GoalsBox):
            if variant == 0:
                text = f"Eget mål {plan.token()}"
                plan.type(text)
                current = item.get(keys[-1]) if item is not None else None
                expect({**(current or {"codes": []}), "other": text})
            return
        if isinstance(f, DateField):
            text = "2024-01-15"
        elif isinstance(f, DecimalField):
            text = f"{variant + len(plan.keys) % 7},5"
        else:
            text = f"Svar {plan.token()} åäö"
        plan.type(text)
        expect(text)
    elif isinstance(widget, TextArea):
        assert widget.text == "", f"the robot expects an empty text: {path}"
        if isinstance(f, EmailsField):
            text = f"{plan.token().lower()}@exempel.se"
        else:
            token = plan.token()
            text = f"Rad {token}\nä"
            if plan.long:
                text = (
                    f"Första raden {token}, ett långt svar om service på landsbygden, om"
                    f" dagligvaror, drivmedel och ombud.\nAndra raden {token}: åäö ÅÄÖ é."
                )
        plan.type(text)
        expect(text)
    else:
        raise AssertionError(f"the robot cannot answer {type(widget).__name__} at {path}")


def copy_draft(source: Path, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / source.name
    shutil.copy(source, target)
    return target


def _item_of(box: FieldBox | None) -> str | None:
    """The insats a box edits, if any."""
    path = None if box is None else box.path
    return path.item if isinstance(path, InsatsPath) else None


def saved_answers(path: Path) -> dict[str, Any]:
    return answers_without_ids(load_draft(path).draft)
