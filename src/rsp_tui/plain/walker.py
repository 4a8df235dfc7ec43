"""Provides the plain mode's walk through one report: part by part, question by question,
each answer saved as it is given through the same `DraftSession` the app uses (its lock, its
atomic saves, its read-only rule). Commands (`:hjälp`) work at every prompt."""

from __future__ import annotations

from rsp_tui.drafts.session import DraftSession
from rsp_tui.forms.schema import ProgrammeQuestion, RowsQuestion, StaticQuestion
from rsp_tui.plain.answers import EMPTY, hint, options_of, parse, shown
from rsp_tui.plain.console import Console
from rsp_tui.plain.steps import Step, item_steps, part_steps, static_lines, step_value
from rsp_tui.structure import Part, parts
from rsp_tui.validation import check_value


class Quit(Exception):
    """The user asked to quit."""


class Walker:
    """One report walked in plain text."""

    def __init__(self, console: Console, session: DraftSession):
        self.c = console
        self.session = session
        self.form = session.form
        self.draft = session.draft
        self.parts: list[Part] = parts(self.form, self.draft)
        self.part_index = 0
        self.steps: list[Step] = []
        self.index = 0
        self.item_id: str | None = None
        """The insats being filled in, if any."""
        self.quiet_intro = False
        """Ask the current step again without repeating its question (after an error)."""
        self.heard: set[str] = set()
        """The kinds of field whose answering hint was said in full already."""

    # -- the walk ------------------------------------------------------------------------

    @property
    def part(self) -> Part:
        return self.parts[self.part_index]

    def run(self, start: int = 0) -> None:
        """Walk from part `start` until the input ends or the user quits (`Quit`, `EndOfInput`)."""
        from rsp_tui.plain.commands import Commands

        self.commands = Commands(self)
        self.enter_part(start)
        while True:
            if self.index >= len(self.steps):
                if self.part_index + 1 < len(self.parts):
                    self.enter_part(self.part_index + 1)
                else:
                    self.c.blank()
                    self.c.say("Det var sista delen.")
                    self.commands.review()
                    self.c.say(
                        "Skriv :exportera för att skapa dokumentet, :avsluta för att sluta,"
                        " eller :hjälp för alla kommandon."
                    )
                    self.steps, self.index = [Step("end")], 0
                continue
            self.ask(self.steps[self.index])

    def enter_part(self, index: int, at: int = 0) -> None:
        """Go to part `index`: say what it is, then start at step `at`."""
        self.part_index = index
        self.item_id = None
        self.steps = part_steps(self.part, self.draft) or [Step("pause")]
        self.index = at
        self.quiet_intro = False
        self.session_remember()
        self.c.blank()
        self.c.say(f"Del {index + 1} av {len(self.parts)}: {self.part.title}.")
        if at:
            return
        if self.part.heading:
            self.c.say(self.part.heading)
        if self.part.section.description:
            self.c.say(self.part.section.description)
        if index == 0:
            self.c.say(f"{self.form.region_label} {self.draft.region}")
            self.c.say(f"{self.form.years.label}: {self.draft.year}")
        for q in self.part.section.questions:
            if isinstance(q, StaticQuestion):
                for line in static_lines(q):
                    self.c.say(line)
            elif isinstance(q, ProgrammeQuestion):
                self.say_programme(q)

    def say_programme(self, q: ProgrammeQuestion) -> None:
        self.c.blank()
        self.c.say(f"{q.label}:" if q.label else "Programmet:")
        areas = self.draft.programme.omraden
        if not areas:
            self.c.say("Programmet har inga prioriterade områden ännu.")
        for area in areas:
            self.c.say(self.form.labels.area_title(area.number, area.title))
            for goal in area.mal:
                self.c.say(f"Mål {goal.printed}")
        self.c.say(
            "Skriv :område ny för att lägga till ett område och :mål ny för ett mål."
        )

    def session_remember(self) -> None:
        from rsp_tui.resume import remember_part

        if self.session.read_only is None:
            remember_part(self.session.path, self.part.key)

    def ask(self, step: Step) -> None:
        if step.kind == "answer":
            self.ask_answer(step)
        elif step.kind == "gate":
            self.ask_gate(step)
        elif step.kind == "menu":
            self.ask_menu(step)
        elif step.kind == "pause":
            line = self.c.ask("Tryck Enter för att gå vidare: ")
            if not self.commands.handle(line):
                self.index += 1
        else:  # end
            line = self.c.ask("Kommando: ")
            if line.strip() and not self.commands.handle(line, bare=True):
                self.c.say("Skriv :hjälp för att se vad du kan skriva här.")

    # -- answers -------------------------------------------------------------------------

    def ask_answer(self, step: Step) -> None:
        assert step.field is not None
        f = step.field
        goals = self.draft.programme.all_goals()
        value = step_value(step, self.draft)
        if not self.quiet_intro:
            self.c.blank()
            for line in step.intro:
                if line:
                    self.c.say(line)
            self.c.say(step.label if step.label.endswith(("?", ".", ":")) else f"{step.label}.")
            if f.help and not step.brief and f.help.strip(". ") != step.label and (
                step.sub != "other"
            ):
                self.c.say(f.help)
            self.say_options(options_of(f, step.sub, goals))
            current = shown(f, value, step.sub, goals)
            if "\n" in current:
                self.c.say("Nuvarande svar:")
                self.c.say(current)
            else:
                self.c.say(f"Nuvarande svar: {current}")
            said = hint(f, step.sub, brief=f.kind in self.heard)
            self.heard.add(f.kind)
            if said:
                self.c.say(said)
        self.quiet_intro = False
        line = self.c.ask("Svar: ")
        if line.startswith("::"):
            line = line[1:]
        elif self.commands.handle(line):
            return
        if not line.strip():
            self.index += 1
            return
        if f.plain_multiline(step.sub):
            if line.strip() == ".":
                self.index += 1
                return
            line = "\n".join(self.c.ask_lines("", line))
        parsed = parse(f, line, step.sub, goals)
        if parsed.error:
            self.c.say(parsed.error)
            self.quiet_intro = True
            return
        self.store(step, parsed.value)

    def say_options(self, options: list[str]) -> None:
        """Short alternatives on one line (quick to hear), long ones one per line; mål by
        their codes (`1.1: …`), which is what the user types."""
        if sum(len(o) for o in options) <= 60:
            if options:
                self.c.say(
                    "Alternativ: " + ", ".join(f"{n} {o}" for n, o in enumerate(options, 1)) + "."
                )
            return
        step = self.steps[self.index]
        if step.sub == "codes":
            for goal in self.draft.programme.all_goals():
                self.c.say(f"{goal.code}: {goal.text}")
            return
        for n, option in enumerate(options, 1):
            self.c.say(f"{n}: {option}")

    def store(self, step: Step, value: object) -> None:
        """Store and save one answer; say what is wrong with it, if anything."""
        assert step.field is not None and step.path is not None
        if self.session.read_only is not None:
            self.c.say(f"Svaret sparas inte: {self.session.read_only}")
            self.index += 1
            return
        value = step.field.with_part(self.draft.get(step.path), step.sub, value)
        changed = self.session.set(step.path, value)
        if changed:
            self.save_quietly()
        goal_codes = {g.code for g in self.draft.programme.all_goals()}
        problem = check_value(step.field, self.draft.get(step.path), goal_codes)
        if problem:
            self.c.say(f"Fel i svaret: {problem}.")
            self.c.say(
                "Svaret är sparat ändå. Skriv ett nytt svar, eller tryck Enter för att gå"
                " vidare."
            )
            self.quiet_intro = True
            return
        self.c.say("Sparat." if changed else "Samma svar som förut.")
        self.index += 1

    def save_quietly(self) -> bool:
        """Save now; say so only when it fails."""
        result = self.session.save()
        if not result.ok:
            self.c.say(
                f"Kunde inte spara utkastet: {result.error}. Svaren finns kvar och sparas"
                " när det går igen."
            )
        return result.ok

    def clear(self) -> None:
        """`:töm`: empty the current answer."""
        step = self.steps[self.index] if self.index < len(self.steps) else None
        if step is None or step.kind != "answer" or step.field is None or step.path is None:
            self.c.say("Här finns inget svar att tömma.")
            return
        if self.session.read_only is not None:
            self.c.say(f"Inget ändras: {self.session.read_only}")
            return
        f = step.field
        empty = f.with_part(self.draft.get(step.path), step.sub, f.part_empty(step.sub))
        if self.session.set(step.path, empty):
            self.save_quietly()
        self.c.say(f"Svaret är tomt nu: {EMPTY}")
        self.quiet_intro = True

    def ask_gate(self, step: Step) -> None:
        if any(not _empty(self.draft.get(s.path)) for s in self.steps if s.row == step.row
               and s.kind == "answer" and s.path is not None):
            self.index += 1
            return
        self.c.blank()
        for line in step.intro:
            self.c.say(line)
        self.c.say(
            f"Raden {step.label} är tom. Skriv j för att fylla i den, eller tryck Enter för"
            " att hoppa över den."
        )
        line = self.c.ask("Fylla i? ")
        if self.commands.handle(line):
            return
        if line.strip().casefold() in ("j", "ja"):
            self.index += 1
            return
        self.index += 1
        while self.index < len(self.steps) and self.steps[self.index].row == step.row:
            self.index += 1

    # -- insatser ------------------------------------------------------------------------

    def ask_menu(self, step: Step) -> None:
        assert step.question is not None
        self.item_id = None
        self.c.blank()
        self.commands.list_items(step.question)
        self.c.say(
            f"Skriv :ny för en ny {step.question.item_label.lower()}, :ändra och ett nummer"
            " för att ändra en, :hjälp för fler kommandon, eller tryck Enter för nästa del."
        )
        line = self.c.ask("Val: ")
        if not line.strip():
            self.index += 1
            return
        if not self.commands.handle(line, bare=True):
            self.c.say(f"Förstod inte {line.strip()!r}. Skriv :hjälp för att se kommandona.")

    def rows_question(self) -> RowsQuestion | None:
        for q in self.part.section.questions:
            if isinstance(q, RowsQuestion) and self.part.area is not None:
                return q
        return None

    def edit_item(self, q: RowsQuestion, item_id: str, number: int, at: int = 0) -> None:
        """Walk the fields of one insats, then come back to the list."""
        assert self.part.area is not None
        self.item_id = item_id
        self.steps = item_steps(q, self.part.area.id, item_id, number, self.draft.year)
        self.index = at
        self.quiet_intro = False


def _empty(value: object) -> bool:
    from rsp_tui.drafts.model import is_empty

    return is_empty(value)
