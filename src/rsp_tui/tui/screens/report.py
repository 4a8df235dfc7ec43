"""Provides the report editor: the sidebar of parts, the part being answered, the help pane
and the status line. Every answer goes into the draft at once and is autosaved."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, Horizontal, Vertical
from textual.events import DescendantFocus
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Button, Header, Static

from rsp_tui import startgc
from rsp_tui.drafts.paths import AnswerPath, RegionPath, YearPath
from rsp_tui.drafts.session import DraftSession, SaveResult
from rsp_tui.resume import last_part, remember_part
from rsp_tui.structure import Part, parts
from rsp_tui.tui.autosave import Autosaver
from rsp_tui.tui.messages import DraftChanged, DraftSaved, PartRequested
from rsp_tui.tui.prebuild import PartPrebuilder
from rsp_tui.tui.widgets.fields import FieldBox
from rsp_tui.tui.widgets.footer import KeyFooter
from rsp_tui.tui.widgets.help_pane import INSATSER_HELP, REVIEW_HELP, HelpPane
from rsp_tui.tui.widgets.inputs import HelpTopic, focus_now, reveal_focus
from rsp_tui.tui.widgets.part_view import PartView, insatser_views
from rsp_tui.tui.widgets.programme import ProgrammeInput
from rsp_tui.tui.widgets.review import REVIEW_KEY, REVIEW_TITLE, ReviewView
from rsp_tui.tui.widgets.sidebar import LEGEND, PartList
from rsp_tui.tui.widgets.status import StatusLine
from rsp_tui.validation import validate
from rsp_tui.years import parse_year

if TYPE_CHECKING:
    from rsp_tui.tui.app import RspApp
    from rsp_tui.tui.widgets.insatser import InsatserView

PROGRESS_DELAY = 0.3
"""Seconds after a change before the sidebar's states are recomputed."""


class ReportScreen(Screen[None]):
    """One report, one part at a time."""

    CSS_PATH = "../report.tcss"
    AUTO_FOCUS = None

    # Priority bindings run when the key arrives, before keys still queued in the focused
    # field are handled. The actions first let that field catch up (`settle_input`), so keys
    # typed before F4 land in the old part and keys typed after it in the new one, even when
    # the app lags behind a fast typist.
    BINDINGS = [
        Binding("ctrl+s", "save", "Spara", id="save", tooltip="Spara nu", priority=True),
        Binding("f2", "focus_parts", "Delar", id="focus-parts", show=False, priority=True),
        Binding("f3,ctrl+pageup", "previous_part", "Föreg. del", id="previous-part",
                key_display="f3", priority=True),
        Binding("f4,ctrl+pagedown", "next_part", "Nästa del", id="next-part",
                key_display="f4", priority=True),
        Binding("f9", "review", "Granska", id="review", tooltip="Granska och exportera",
                priority=True),
        Binding("f1", "toggle_help", "Hjälp", id="toggle-help", show=False),
        Binding("escape", "back_to_review", "Tillbaka till listan", id="back-to-review"),
        Binding("ctrl+n", "insats('add')", "Ny insats", id="insats-add", priority=True),
        Binding("alt+d", "insats('duplicate')", "Duplicera", id="insats-duplicate",
                show=False, priority=True),
        Binding("alt+up", "insats('move_up')", "Flytta upp", id="insats-up",
                show=False, priority=True),
        Binding("alt+down", "insats('move_down')", "Flytta ned", id="insats-down",
                show=False, priority=True),
        Binding("tab", "focus_next", "Nästa fält", show=False, priority=True),
        Binding("shift+tab", "focus_previous", "Föregående fält", show=False,
                priority=True),
    ]  # fmt: skip

    def __init__(
        self,
        session: DraftSession,
        regions: list[str],
        autosave_delay: float = 0.8,
        prebuild_pause: float | None = None,
    ):
        super().__init__()
        self.session = session
        self.regions = regions
        self.autosaver = Autosaver(self, session, delay=autosave_delay)
        self.parts: list[Part] = []
        self.current_key = ""
        self.from_review = False
        self.review_highlight = 0
        self._slots: dict[str, Vertical] = {}
        """Parts visited before, kept mounted (hidden) so that coming back is quick."""
        self._slot: Vertical | None = None
        """The slot of the part on screen."""
        self._changes_at_show = 0
        self._save_failed = False
        self._told_read_only = False
        self._progress_timer: Timer | None = None
        self._switching = asyncio.Lock()
        self.prebuilder = PartPrebuilder(self, prebuild_pause)
        """Builds the parts not visited yet while the user pauses (tui/prebuild.py)."""
        self._last_focus: dict[str, Widget] = {}
        """The widget that had focus last in each part kept mounted (focus comes back there)."""

    @property
    def rsp_app(self) -> RspApp:
        from rsp_tui.tui.app import RspApp  # the app imports this screen

        app = self.app
        assert isinstance(app, RspApp), "this screen runs only in RspApp"
        return app

    @property
    def part_list(self) -> PartList:
        return self.query_one("#parts", PartList)

    @property
    def host(self) -> Vertical:
        """The container of the part on screen (parts visited before are kept, hidden)."""
        if self._slot is not None:
            return self._slot
        return self.query_one("#part-host", Vertical)

    @property
    def help_pane(self) -> HelpPane:
        return self.query_one("#help", HelpPane)

    @property
    def status(self) -> StatusLine:
        return self.query_one("#status", StatusLine)

    @property
    def keys(self) -> list[str]:
        return [p.key for p in self.parts] + [REVIEW_KEY]

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        with Horizontal(id="body"):
            with Vertical(id="sidebar"):
                yield PartList(id="parts")
                yield Static(LEGEND, id="legend")
            with Vertical(id="main"):
                with Horizontal(id="back-bar"):
                    yield Static("Från Granska och exportera", id="back-text")
                    yield Button("Tillbaka till listan (Esc)", id="back", compact=True)
                yield Static("", id="part-title")
                with Container(id="work"):
                    yield Vertical(id="part-host")
                    yield HelpPane(id="help")
        yield StatusLine(id="status")
        yield KeyFooter(compact=True)

    async def on_mount(self) -> None:
        draft = self.session.draft
        self.title = self.session.form.short_title or self.session.form.title
        if self.session.read_only is not None:
            self.title = f"SKRIVSKYDDAT · {self.title}"
        self._update_subtitle()
        self.status.filename = self.session.path.name
        self.status.today = self.session.clock().date()
        self.status.saved_at = self.session.last_saved
        self.status.read_only = self.session.read_only is not None
        self.query_one("#back-bar").display = False
        self._rebuild_parts()
        self.refresh_progress()
        # Continue where the user left off: the part open last time, else the first part
        # that is not done yet.
        unfinished = [p.key for p in self.parts if self.part_list.state(p.key) != "klar"]
        first = unfinished[0] if unfinished else self.parts[0].key if self.parts else REVIEW_KEY
        remembered = last_part(self.session.path)
        await self.show_part(remembered if remembered in self.keys else first)
        self.call_after_refresh(startgc.resume)  # the first part is on screen (startgc.py)
        for notice in self.session.notices:
            self.notify(notice, severity="warning", timeout=15)
        if (reason := self.session.read_only) is not None:
            self.notify(
                f"{reason[:1].upper()}{reason[1:]}. Du kan läsa och exportera, men inga"
                " ändringar görs eller sparas här.",
                title="Skrivskyddat",
                severity="warning",
                timeout=15,
            )
        if not draft.programme.omraden:
            self.notify(
                "Regionens program finns inte i rsp-tui. Fyll i de prioriterade områdena och"
                " målen under Programmet; de blir rubriker för insatstabellerna.",
                timeout=10,
            )

    def _update_subtitle(self) -> None:
        self.sub_title = f"{self.session.draft.region} · verksamhetsår {self.session.draft.year}"

    def _rebuild_parts(self) -> None:
        self.parts = parts(self.session.form, self.session.draft)
        titled = [(p.key, p.title) for p in self.parts] + [(REVIEW_KEY, REVIEW_TITLE)]
        self.part_list.set_parts(titled, self.current_key)

    async def _hide_current(self) -> None:
        """Take the part on screen away: a part is kept (hidden) for a quick return, unless
        it changes what other parts show (the programme; region and year on the first part),
        in which case every kept part is dropped and built again when visited; Granska is
        always built again."""
        slot, key = self._slot, self.current_key
        self._slot = None
        if slot is None:
            return
        changed = self.session.change_count != self._changes_at_show
        shapes_others = key == self.parts[0].key if self.parts else False
        part = next((p for p in self.parts if p.key == key), None)
        if part is not None and any(q.kind == "programme" for q in part.section.questions):
            shapes_others = True
        if key not in self._slots:  # Granska
            await slot.remove()
        elif changed and shapes_others:
            for kept in self._slots.values():
                await kept.remove()
            self._slots.clear()
            self.prebuilder.forget()
        else:
            slot.display = False

    def title_of(self, key: str) -> str:
        if key == REVIEW_KEY:
            return REVIEW_TITLE
        return next((p.title for p in self.parts if p.key == key), key)

    # -- moving between parts ------------------------------------------------------------

    async def show_part(
        self, key: str, path: AnswerPath | None = None, from_review: bool = False
    ) -> None:
        """Show the part `key` (saving what was typed so far), focusing `path` if given."""
        async with self._switching:
            if key not in self.keys:
                key = self.parts[0].key if self.parts else REVIEW_KEY
            await self.prebuilder.wait_for(key)  # that part being built: sooner than again
            await self.rsp_app.settle_input()
            self.commit()
            if self.session.dirty:
                self.autosaver.save_soon()
            for review in self.host.query(ReviewView):
                self.review_highlight = review.highlight  # the list comes back where it was
            await self._hide_current()
            slot = self._slots.get(key)
            mounted_now = slot is None or self.prebuilder.shown(key)
            if slot is None:
                view: PartView | ReviewView
                if key == REVIEW_KEY:
                    titles = {p.key: p.title for p in self.parts}
                    view = ReviewView(self.session, titles, self.review_highlight)
                else:
                    part = next(p for p in self.parts if p.key == key)
                    view = PartView(self.session, part, self.regions, first=part is self.parts[0])
                slot = Vertical(classes="part-slot")
                await self.query_one("#part-host", Vertical).mount(slot)
                await slot.mount(view)
                if key != REVIEW_KEY:
                    self._slots[key] = slot
            else:
                slot.display = True
                view = slot.query_one(PartView)
            self._slot = slot
            self._changes_at_show = self.session.change_count
            self.current_key = key
            self.from_review = from_review
            self.query_one("#back-bar").display = from_review
            self.refresh_bindings()
            self.part_list.mark_current(key)
            number = self.keys.index(key) + 1
            self.query_one("#part-title", Static).update(
                f"Del {number} av {len(self.keys)} · {self.title_of(key)}"
            )
            if isinstance(view, ReviewView):
                view.focus_list()
            elif path is None or not view.focus_path(path):
                last = self._last_focus.get(key)
                if not mounted_now and last is not None and self._can_refocus(last, slot):
                    focus_now(last, scroll_visible=False)  # where the user was in this part
                else:
                    view.focus_first(mounted_now)
            reveal_focus(self)  # focus and view agree once the part is laid out
            self._help_for(self.focused)  # a part shown again keeps its focus: no focus event
            if self.session.read_only is None:  # a window that only reads does not move it
                remember_part(self.session.path, key)
            self.prebuilder.schedule()

    @on(PartRequested)
    async def _part_requested(self, event: PartRequested) -> None:
        event.stop()
        await self.show_part(event.key, event.path, event.from_review)

    async def action_next_part(self) -> None:
        """Go to the next part."""
        index = self.keys.index(self.current_key)
        await self.show_part(self.keys[min(index + 1, len(self.keys) - 1)])

    async def action_previous_part(self) -> None:
        """Go to the previous part."""
        index = self.keys.index(self.current_key)
        await self.show_part(self.keys[max(index - 1, 0)])

    async def action_review(self) -> None:
        """Go to Granska och exportera."""
        await self.show_part(REVIEW_KEY)

    async def action_back_to_review(self) -> None:
        """Return to the list of problems after jumping from it."""
        if self.from_review:
            await self.show_part(REVIEW_KEY)

    async def action_export(self) -> None:
        """Go to Granska och exportera and start a final export."""
        await self.show_part(REVIEW_KEY)
        self.host.query_one(ReviewView).export(draft_mode=False)

    async def action_focus_next(self) -> None:
        """Tab: the next field, once the focused one has handled the keys typed before Tab
        (a choice made with Enter in a menu moves focus back to its Select first)."""
        await self.rsp_app.settle_input()
        if not self._focus_within_box(forward=True):
            self.app.action_focus_next()

    async def action_focus_previous(self) -> None:
        """Shift+Tab, like Tab."""
        await self.rsp_app.settle_input()
        if not self._focus_within_box(forward=False):
            self.app.action_focus_previous()

    def _focus_within_box(self, forward: bool) -> bool:
        """Let the focused field's box move focus inside itself (see `FieldBox.next_focus`)."""
        focused = self.app.focused
        if focused is None:
            return False
        box = next((a for a in focused.ancestors if isinstance(a, FieldBox)), None)
        target = box.next_focus(focused, forward) if box is not None else None
        if target is None or not target.focusable:
            return False
        focus_now(target)
        return True

    async def action_focus_parts(self) -> None:
        await self.rsp_app.settle_input()
        focus_now(self.part_list)

    def action_toggle_help(self) -> None:
        self.help_pane.display = not self.help_pane.display

    def action_choose_part(self) -> None:
        """The palette's Gå till del …: a list of the parts."""
        commands = [
            (self.title_of(key), partial(self.show_part, key), f"Del {n} av {len(self.keys)}")
            for n, key in enumerate(self.keys, start=1)
        ]
        self.app.search_commands(commands, placeholder="Gå till del …")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "back_to_review":
            return self.from_review
        if action == "insats":
            repeated = self.session.form.is_repeated(self.current_key)
            return repeated and self.session.read_only is None
        if action == "save" and self.session.read_only is not None:
            return None  # shown dimmed: nothing is saved in a read-only report
        return True

    async def action_insats(self, what: str) -> None:
        """Ctrl+N and friends on an område: act on its list of insatser.

        Waits for a part switch under way (F4 typed just before): the keys act on the part
        the user switched to, never on the one left (whose list is kept, hidden)."""
        async with self._switching:
            await self.rsp_app.settle_input()
            slot = self._slot
            views = insatser_views(slot) if slot is not None else None
            if not views:
                return
            self._insats_action(views[0], what)

    @staticmethod
    def _insats_action(view: InsatserView, what: str) -> None:
        if what == "add":
            view.action_add()
        elif what == "duplicate":
            view.action_duplicate()
        elif what == "move_up":
            view.action_move(-1)
        elif what == "move_down":
            view.action_move(1)

    @on(Button.Pressed, "#back")
    async def _back_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        await self.show_part(REVIEW_KEY)

    # -- answers -------------------------------------------------------------------------

    @on(FieldBox.Edited)
    def _edited(self, event: FieldBox.Edited) -> None:
        event.stop()  # already stored: the box called `store_answer` when it changed

    def store_answer(self, path: AnswerPath, value: Any) -> None:
        """A field box's new answer, stored at once (called in the handler of the change)."""
        self.apply(path, value)

    @on(DraftChanged)
    def _draft_changed(self, event: DraftChanged) -> None:
        event.stop()
        if event.structure:
            self._rebuild_parts()
            self.part_list.mark_current(self.current_key)
        self._after_change()

    def apply(self, path: AnswerPath, value: Any) -> None:
        """Store one answer in the draft (or the draft's region and year)."""
        if isinstance(path, RegionPath):
            if not value or not self.change_region(str(value)):
                return
        elif isinstance(path, YearPath):
            year = parse_year(value, self.session.form.years)
            if year is None or not self.session.set_year(year):
                return
            self._update_subtitle()
        else:
            try:
                if not self.session.set(path, value):
                    return
            except KeyError:  # the insats was deleted meanwhile
                return
        self._after_change()

    def commit(self) -> None:
        """Store what a field shows and has not yet reported (its widget's change message is
        still queued), before saving or leaving. A field whose widget shows what it last
        stored or loaded stores nothing: this never writes an older value over a newer one."""
        for box in self.host.query(FieldBox):
            box.changed()

    def change_region(self, region: str) -> bool:
        """The user chose another region: keep the programme, and offer the new region's
        programme when rsp-tui has one that differs (see `region_change`)."""
        from rsp_tui.tui.region_change import offer_programme

        if not self.session.set_region(region):
            return False
        self._update_subtitle()
        offer_programme(self, region)
        return True

    def _after_change(self) -> None:
        if self.session.read_only is not None and not self._told_read_only:
            self._told_read_only = True  # the app holds edits back; this is the last guard
            self.notify(
                "Utkastet är öppet skrivskyddat: ändringen sparas inte.", severity="warning"
            )
        self.autosaver.changed()
        if self._progress_timer is not None:
            self._progress_timer.stop()
        self._progress_timer = self.set_timer(PROGRESS_DELAY, self.refresh_progress)

    def refresh_progress(self) -> None:
        """Recompute each part's state for the sidebar and the completeness."""
        self._progress_timer = None
        report = validate(self.session.form, self.session.draft)
        self.part_list.set_states({k: p.state for k, p in report.progress.items()})
        self.status.completeness = report.completeness
        self.status.counts = (report.filled, report.total)

    # -- saving --------------------------------------------------------------------------

    def save_now(self) -> SaveResult:
        """Store pending edits and write the draft at once."""
        self.commit()
        return self.autosaver.save_now()

    async def action_save(self) -> None:
        """Ctrl+S."""
        if self.session.read_only is not None:
            self.notify("Utkastet är öppet skrivskyddat; inget sparas.", severity="warning")
            return
        await self.rsp_app.settle_input()
        result = self.save_now()
        if result.ok:
            self.notify(f"Sparat i {self.session.path}", timeout=3)

    @on(DraftSaved)
    def _saved(self, event: DraftSaved) -> None:
        event.stop()
        result = event.result
        if result.skipped:
            return
        if result.ok:
            if result.conflict is not None:  # the file was changed outside: ask what to keep
                self.rsp_app.changed_outside(self.session, result.conflict)
            self.status.error = ""
            self.status.saved_at = self.session.last_saved
            if self._save_failed:
                self._save_failed = False
                self.notify("Det går att spara igen: utkastet är sparat.", timeout=5)
            return
        self.status.error = result.error or ""
        if not self._save_failed:
            self._save_failed = True
            self.notify(
                f"Utkastet kunde inte sparas: {result.error}. Du kan fortsätta arbeta; svaren"
                " finns kvar i appen och sparas så snart det går igen.",
                title="Kunde inte spara",
                severity="warning",
                timeout=12,
            )
        if self.session.dirty:
            self.autosaver.retry_later()

    def on_unmount(self) -> None:
        self.session.close()  # the report is closed: another rsp-tui may now edit the draft

    # -- help ----------------------------------------------------------------------------

    @on(FieldBox.HelpChanged)
    def _help_changed(self, event: FieldBox.HelpChanged) -> None:
        event.stop()
        self._box_help(event.box, event.topic)

    def _box_help(self, box: FieldBox, topic: HelpTopic) -> None:
        """The help of a field, with how to use its editor (e.g. the keys of a choice)."""
        if hint := box.key_hint():
            topic = replace(topic, extra=(*topic.extra, hint))
        previous = None if box.path is None else self.session.draft.previous_value(box.path)
        self.help_pane.show_topic(topic, previous)

    def on_descendant_focus(self, event: DescendantFocus) -> None:
        if self._slot is not None and self._slot in event.widget.ancestors:
            self._last_focus[self.current_key] = event.widget
        self._help_for(event.widget)
        reveal_focus(self)  # e.g. Tab to a field a layout change just moved

    def on_resize(self) -> None:
        reveal_focus(self)

    def on_screen_resume(self) -> None:
        reveal_focus(self)  # a dialog closed: the field the user comes back to is in view

    @staticmethod
    def _can_refocus(widget: Widget, slot: Widget) -> bool:
        """`widget` is still in `slot`, shown and focusable."""
        if not widget.is_attached or slot not in widget.ancestors or not widget.focusable:
            return False
        for node in widget.ancestors_with_self:
            if node is slot:
                return True
            if not node.display:
                return False
        return False

    def _help_for(self, widget: Widget | None) -> None:
        """The help pane follows focus: the focused field's help, or the part's."""
        for node in widget.ancestors_with_self if widget is not None else ():
            if isinstance(node, FieldBox):
                self._box_help(node, node.topic)
                return
            if isinstance(node, ProgrammeInput):
                self.help_pane.show_topic(node.topic)
                return
        self._show_general_help()

    def _show_general_help(self) -> None:
        """Help for the part itself, while no field has focus."""
        part = next((p for p in self.parts if p.key == self.current_key), None)
        if self.current_key == REVIEW_KEY:
            body = REVIEW_HELP
        elif part is not None and part.area is not None:
            body = INSATSER_HELP
        else:
            body = part.section.description if part is not None else ""
        self.help_pane.show_text(self.title_of(self.current_key), body)
