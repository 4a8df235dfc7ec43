"""Provides the plain mode's commands, typed at any prompt with a colon first (`:hjälp`).

Navigation (parts, review with numbers to jump), saving, export and the insatser of an
område (list, new, edit, delete after a question, move). Headless."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from rsp_tui.drafts.model import ID_KEY
from rsp_tui.drafts.paths import InsatsPath
from rsp_tui.errors import RspError
from rsp_tui.forms.schema import RowsQuestion
from rsp_tui.plain.programme import HELP as PROGRAMME_HELP
from rsp_tui.plain.programme import area_command, goal_command
from rsp_tui.plain.steps import item_steps
from rsp_tui.textutil import plain
from rsp_tui.validation import Problem, validate

if TYPE_CHECKING:
    from rsp_tui.plain.walker import Walker

HELP = """\
Kommandon. Skriv dem vid vilken fråga som helst, med kolon först.
:hjälp – den här listan.
:delar – alla delar med hur långt de har kommit.
:del och ett nummer – gå till den delen, till exempel :del 3.
:tillbaka – föregående fråga.
:töm – töm svaret på frågan du står på.
:granska – allt som saknas eller är fel, numrerat. Skriv sedan numret för att gå dit.
:spara – spara nu. Varje svar sparas ändå när du har gett det.
:exportera – skapa Word-dokumentet, slutversionen.
:exportera utkast – skapa ett dokument märkt UTKAST, även om något saknas.
:avsluta – spara och sluta.
Insatser, i delarna för de prioriterade områdena:
:insatser – lista insatserna.
:ny – lägg till en insats och fyll i den.
:ändra och ett nummer – fyll i insatsen med det numret, till exempel :ändra 2.
:ta bort och ett nummer – ta bort en insats. Du får frågan om du är säker.
:flytta, ett nummer och upp eller ner – till exempel :flytta 2 upp.
Ett svar som börjar med kolon skrivs med två kolon först.
Tryck Enter för att behålla ett svar. Slut på indata, Ctrl+D, sparar och avslutar."""


def export_path(draft_path: Path, draft_mode: bool) -> Path:
    """Next to the draft, `-utkast` added for a draft export (as the app names it)."""
    stem = draft_path.stem + ("-utkast" if draft_mode else "")
    return draft_path.with_name(stem + ".docx")


class Commands:
    """What `:…` does in a walk."""

    def __init__(self, walker: Walker):
        self.w = walker
        self.c = walker.c

    def handle(self, line: str, *, bare: bool = False) -> bool:
        """Run `line` if it is a command; False when it is an answer. With `bare`, the
        colon may be left out (in the insatser list and at the end)."""
        text = line.strip()
        if text.startswith(":"):
            text = text[1:].strip()
        elif not bare:
            return False
        if not text:
            return False
        word, _, rest = text.partition(" ")
        word, rest = word.casefold(), rest.strip()
        if word == "ta" and rest.casefold().startswith("bort"):
            word, rest = "ta bort", rest[4:].strip()
        actions: dict[str, Callable[[str], None]] = {
            "hjälp": self.help, "hjalp": self.help, "h": self.help, "?": self.help,
            "delar": self.list_parts, "del": self.go_part, "gå": self.go_part,
            "tillbaka": self.back, "töm": self.clear, "tom": self.clear,
            "granska": self.review, "spara": self.save, "exportera": self.export,
            "avsluta": self.quit, "sluta": self.quit, "q": self.quit,
            "insatser": self.items, "ny": self.new_item, "ändra": self.edit_item,
            "andra": self.edit_item, "ta bort": self.delete_item, "flytta": self.move_item,
            "område": partial(area_command, self.w), "omrade": partial(area_command, self.w),
            "mål": partial(goal_command, self.w), "mal": partial(goal_command, self.w),
        }
        action = actions.get(word)
        if action is None:
            if bare:
                return False
            self.c.say(f"Okänt kommando :{word}. Skriv :hjälp för att se kommandona.")
            self.w.quiet_intro = True
            return True
        action(rest)
        return True

    # -- general -------------------------------------------------------------------------

    def help(self, _rest: str = "") -> None:
        self.c.say(HELP)
        self.c.say(PROGRAMME_HELP)
        self.w.quiet_intro = False

    def list_parts(self, _rest: str = "") -> None:
        report = validate(self.w.form, self.w.draft)
        self.c.say("Delarna:")
        for n, part in enumerate(self.w.parts, 1):
            progress = report.progress.get(part.key)
            state = progress.state if progress else "tom"
            here = ", du är här" if n - 1 == self.w.part_index else ""
            self.c.say(f"{n}. {part.title}: {state}{here}.")
        self.c.say("Skriv :del och ett nummer för att gå till en del.")
        self.w.quiet_intro = False

    def go_part(self, rest: str) -> None:
        number = _number(rest)
        if number is None or not 1 <= number <= len(self.w.parts):
            self.c.say(f"Skriv :del och ett nummer från 1 till {len(self.w.parts)}.")
            self.w.quiet_intro = True
            return
        self.w.enter_part(number - 1)

    def clear(self, _rest: str = "") -> None:
        self.w.clear()

    def back(self, _rest: str = "") -> None:
        w = self.w
        if w.index > 0:
            w.index -= 1
            while w.index > 0 and w.steps[w.index].kind == "gate":
                w.index -= 1
        elif w.part_index > 0:
            w.enter_part(w.part_index - 1)
            w.index = max(0, len(w.steps) - 1)
        w.quiet_intro = False

    def save(self, _rest: str = "") -> None:
        if self.w.session.read_only is not None:
            self.c.say(f"Inget sparas: {self.w.session.read_only}")
        elif self.w.save_quietly():
            self.c.say(f"Utkastet är sparat: {self.w.session.path}")
        self.w.quiet_intro = True

    def quit(self, _rest: str = "") -> None:
        from rsp_tui.plain.walker import Quit

        raise Quit

    # -- review and export ---------------------------------------------------------------

    def review(self, _rest: str = "") -> None:
        report = validate(self.w.form, self.w.draft, final=True)
        problems = [p for p in report.errors if not p.missing]
        missing = [p for p in report.errors if p.missing]
        listed = problems + missing + report.warnings
        done = round(report.completeness * 100)
        if not listed:
            self.c.say(f"Granskning: inget saknas och inget är fel ({done} procent ifyllt).")
            self.c.say("Skriv :exportera för att skapa dokumentet.")
            self.w.quiet_intro = True
            return
        self.c.say(
            f"Granskning: {len(problems)} fel och {len(missing)} obesvarade fält"
            f" ({done} procent ifyllt)."
        )
        for n, problem in enumerate(listed, 1):
            self.c.say(f"{n}. {_spoken(problem, self.w.form.labels.question)}")
        line = self.c.ask("Skriv ett nummer för att gå dit, eller tryck Enter för att fortsätta: ")
        number = _number(line)
        if number is not None and 1 <= number <= len(listed):
            self.jump(listed[number - 1])
        elif line.strip() and not self.handle(line, bare=True):
            self.c.say("Inget nummer; du står kvar.")
        self.w.quiet_intro = False

    def jump(self, problem: Problem) -> None:
        """Go to the question of a problem."""
        w = self.w
        index = next((n for n, p in enumerate(w.parts) if p.key == problem.part_key), None)
        if index is None:
            return
        w.enter_part(index, at=0)
        path = problem.path
        q = w.rows_question()
        if q is not None and isinstance(path, InsatsPath) and path.question == q.id:
            items = w.draft.items(q.id, path.area)
            number = next((n for n, i in enumerate(items, 1) if i.get(ID_KEY) == path.item), 0)
            if number:
                w.edit_item(q, path.item, number)
                w.index = next((n for n, s in enumerate(w.steps) if s.path == path), 0)
            return
        w.index = next(
            (n for n, s in enumerate(w.steps) if s.kind == "answer" and s.path == path), 0
        )

    def export(self, rest: str) -> None:
        from rsp_tui.export import ExportRefused, export_report

        draft_mode = rest.casefold().startswith("utkast")
        self.w.save_quietly()
        out = export_path(self.w.session.path, draft_mode)
        self.c.say("Skapar dokumentet …")
        try:
            result = export_report(
                self.w.form, self.w.session.snapshot().draft, out, draft_mode=draft_mode
            )
        except ExportRefused as exc:
            self.c.say(
                f"Slutversionen kan inte skapas: {len(exc.problems)} fel eller obesvarade fält"
                " återstår. Skriv :granska för att se dem, eller :exportera utkast för ett"
                " dokument märkt UTKAST."
            )
        except RspError as exc:
            self.c.say(f"Dokumentet kunde inte skapas: {exc.describe()}")
        else:
            kind = "Utkastet, märkt UTKAST," if draft_mode else "Dokumentet"
            self.c.say(f"{kind} är sparat som: {result.path}")
            for note in result.notes:
                self.c.say(f"Obs: {note}")
        self.w.quiet_intro = True

    # -- insatser ------------------------------------------------------------------------

    def _rows(self) -> RowsQuestion | None:
        q = self.w.rows_question()
        if q is None:
            first = next((n for n, p in enumerate(self.w.parts, 1) if p.area is not None), None)
            where = f" Gå dit med :del {first}." if first else ""
            self.c.say(f"Insatser finns bara i delarna för de prioriterade områdena.{where}")
            self.w.quiet_intro = True
        return q

    def list_items(self, q: RowsQuestion) -> None:
        area = self.w.part.area
        assert area is not None
        items = self.w.draft.items(q.id, area.id)
        label = q.item_label
        if not items:
            self.c.say(f"{q.label} i {self.w.part.title}: inga ännu.")
            return
        self.c.say(f"{q.label} i {self.w.part.title}: {len(items)}.")
        for n, item in enumerate(items, 1):
            bits = []
            for name in q.summary_fields:
                f = q.field(name)
                text = plain(f.plain_brief(item.get(name))).split("\n")[0].strip()
                if text:
                    bits.append(f"{f.display_label}: {text}")
            self.c.say(f"{label} {n}. " + ("; ".join(bits) if bits else "tom") + ".")

    def items(self, _rest: str = "") -> None:
        q = self._rows()
        if q is not None:
            self.list_items(q)
            self.w.quiet_intro = True

    def new_item(self, _rest: str = "") -> None:
        q = self._rows()
        if q is None or not self._writable():
            return
        area = self.w.part.area
        assert area is not None
        item_id = self.w.session.add_item(q.id, area.id)
        self.w.save_quietly()
        number = len(self.w.draft.items(q.id, area.id))
        self.c.say(f"Ny {q.item_label.lower()}: {q.item_label} {number}.")
        self.w.edit_item(q, item_id, number)

    def edit_item(self, rest: str) -> None:
        q = self._rows()
        if q is None:
            return
        found = self._item(q, rest, "ändra")
        if found is not None:
            self.w.edit_item(q, found[0], found[1])

    def delete_item(self, rest: str) -> None:
        q = self._rows()
        if q is None or not self._writable():
            return
        found = self._item(q, rest, "ta bort")
        if found is None:
            return
        item_id, number = found
        line = self.c.ask(f"Ta bort {q.item_label.lower()} {number}? Skriv j för ja: ")
        if line.strip().casefold() not in ("j", "ja"):
            self.c.say("Inget togs bort.")
        else:
            area = self.w.part.area
            assert area is not None
            self.w.session.remove_item(q.id, area.id, item_id)
            self.w.save_quietly()
            self.c.say(f"{q.item_label} {number} är borttagen.")
        self._back_to_list(q)

    def move_item(self, rest: str) -> None:
        q = self._rows()
        if q is None or not self._writable():
            return
        number_text, _, direction = rest.partition(" ")
        direction = direction.strip().casefold()
        offset = {"upp": -1, "ner": 1, "ned": 1}.get(direction)
        found = self._item(q, number_text, "flytta")
        if found is None:
            return
        if offset is None:
            self.c.say("Skriv :flytta, numret och upp eller ner, till exempel :flytta 2 upp.")
            self.w.quiet_intro = True
            return
        area = self.w.part.area
        assert area is not None
        new = self.w.session.move_item(q.id, area.id, found[0], offset) + 1
        if new != found[1]:
            self.w.save_quietly()
        self.c.say(f"{q.item_label} {found[1]} är nu nummer {new}.")
        self._back_to_list(q)

    def _back_to_list(self, q: RowsQuestion) -> None:
        w = self.w
        area = w.part.area
        assert area is not None
        w.item_id = None
        w.steps = item_steps(q, area.id, "", 0, w.draft.year)[-1:]
        w.index = 0

    def _item(self, q: RowsQuestion, rest: str, verb: str) -> tuple[str, int] | None:
        area = self.w.part.area
        assert area is not None
        items = self.w.draft.items(q.id, area.id)
        number = _number(rest)
        if number is None or not 1 <= number <= len(items):
            if not items:
                self.c.say(f"Det finns inga {q.label.lower()} här ännu. Skriv :ny.")
            else:
                self.c.say(f"Skriv :{verb} och ett nummer från 1 till {len(items)}.")
            self.w.quiet_intro = True
            return None
        return str(items[number - 1][ID_KEY]), number

    def _writable(self) -> bool:
        if self.w.session.read_only is not None:
            self.c.say(f"Inget ändras: {self.w.session.read_only}")
            self.w.quiet_intro = True
            return False
        return True


def _number(text: str) -> int | None:
    text = text.strip().rstrip(".")
    return int(text) if text.isdigit() else None


def _spoken(problem: Problem, pattern: str) -> str:
    """A problem as one sentence: where, then what (`›` read as a comma). `pattern` is how
    the form names a question (`Fråga {number}`)."""
    part, question = problem.part_title, problem.question
    prefix = pattern.split("{number}", 1)[0]
    number = question.removeprefix(prefix) if prefix and question.startswith(prefix) else ""
    if number and part.startswith(f"{number} "):  # `Fråga 1, Efterfrågan`, said once
        part, question = f"{question}, {part[len(number) + 1:]}", ""
    where = ", ".join(p for p in (part, question, problem.row, problem.column) if p)
    if problem.missing:
        detail = "" if problem.message == "inte besvarad" else f": {problem.message}"
        return f"Saknas: {where}{detail}."
    kind = "Fel" if problem.severity == "fel" else "Varning"
    return f"{kind}: {where}: {problem.message}."
