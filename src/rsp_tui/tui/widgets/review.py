"""Provides Granska och exportera: every problem in the report, each a link to its field, and
the export of the Word document (final, or a draft marked UTKAST).

Words as `rsp-tui check` uses them: `fel` blocks a final export (a wrong value, or a
required answer not given), `tomt` is an optional answer left blank, which stays blank in
the document. A final export with blanks asks once, listing them."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path
from weakref import WeakKeyDictionary

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, Checkbox, OptionList, Static
from textual.widgets.option_list import Option

from rsp_tui.drafts.model import Draft
from rsp_tui.drafts.paths import FormPath
from rsp_tui.drafts.session import DraftSession
from rsp_tui.errors import RspError
from rsp_tui.export import export_path
from rsp_tui.opener import open_path
from rsp_tui.structure import unchanged_groups
from rsp_tui.tui.dialogs.confirm import ConfirmDialog
from rsp_tui.tui.messages import PartRequested
from rsp_tui.tui.widgets.inputs import focus_now
from rsp_tui.tui.widgets.marklist import RspCheckbox
from rsp_tui.validation import Problem, blanks_sentence, refusal_sentence, validate

BLANKS_SHOWN = 6
"""How many blanks the question before a final export names one by one."""

_ACCEPTED_BLANKS: WeakKeyDictionary[DraftSession, set[str]] = WeakKeyDictionary()
"""Per open report: the blanks the user agreed to leave blank in a final export. Granska is
built anew each time it is shown, so this outlives the view; asked once, not again unless
more answers are blank."""

REVIEW_KEY = "granska"
"""The part key of Granska och exportera (it is not a section of the form)."""
REVIEW_TITLE = "Granska och exportera"


class ReviewView(Vertical):
    """The list of problems and the export buttons."""

    @dataclass
    class ExportFinished(Message):
        """An export ended; exactly one of `path`, `refused` and `error` is set."""

        draft_mode: bool
        path: Path | None = None
        notes: tuple[str, ...] = ()
        refused: int = 0
        error: str = ""
        blanks: int = 0
        """Optional answers left blank in a final export."""

    def __init__(self, session: DraftSession, titles: dict[str, str], highlight: int = 0):
        super().__init__(classes="review")
        self.session = session
        self.titles = titles
        self.highlight = highlight
        self.problems: dict[str, Problem] = {}
        self.unchanged: dict[str, tuple[str, FormPath]] = {}
        self.exported: Path | None = None
        """The document the last export wrote (Öppna dokumentet / Öppna mappen)."""
        """Answers still as last year (rollover): option id → (part key, path)."""

    def compose(self) -> ComposeResult:
        yield Static("", id="review-summary")
        with Horizontal(classes="review-buttons"):
            yield Button("Exportera", id="export-final", variant="primary", compact=True)
            yield Button("Exportera utkast", id="export-draft", compact=True)
        embed = RspCheckbox(
            "Spara rsp-tui-data i dokumentet (för import)",
            value=True,
            id="export-embed",
            compact=True,
        )
        embed.tooltip = (
            "Svaren följer med osynligt i Word-filen, så att rsp-tui kan läsa in det exakt."
            " Ta bort krysset om filen bara ska innehålla det som syns i dokumentet."
        )
        yield embed
        author = RspCheckbox("Regionen som författare", id="export-author-region", compact=True)
        author.tooltip = (
            "Dokumentets egenskap Författare blir regionen i stället för namnet under"
            " Upprättad av, för ett dokument som ska publiceras."
        )
        yield author
        # The buttons for the exported file come before the result's text, whose notes can
        # take several lines: on a small screen they stay within reach.
        with Horizontal(id="export-open", classes="review-buttons"):
            yield Button("Öppna dokumentet", id="open-document", compact=True)
            yield Button("Öppna mappen", id="open-folder", compact=True)
        yield Static("", id="export-result")
        yield OptionList(id="problems")

    def on_mount(self) -> None:
        self.refresh_report()

    def refresh_report(self) -> None:
        """Validate the draft as for a final export and list what is found."""
        report = validate(self.session.form, self.session.draft, final=True)
        done = report.progress_text()
        if not report.problems:
            summary = f"{done}. Inget är tomt och inget fel hittades: rapporten kan exporteras."
        else:
            sentences = [done]
            if report.errors:
                sentences.append(refusal_sentence(len(report.errors)))
            else:
                sentences.append("Inget hindrar en slutlig export")
            if report.blanks:
                sentences.append(blanks_sentence(len(report.blanks)))
            summary = (
                ". ".join(sentences) + ". Välj en rad och tryck Enter för att gå till fältet."
            )
        self.query_one("#review-summary", Static).update(summary)
        options: list[Option] = []
        self.problems = {}
        part = None
        for n, problem in enumerate(report.problems):
            if problem.part_key != part:
                part = problem.part_key
                title = self.titles.get(part, problem.part_title)
                options.append(Option(Text(title, style="bold"), disabled=True))
            key = f"p{n}"
            self.problems[key] = problem
            options.append(Option(_prompt(problem), id=key))
        self.unchanged = {}
        unchanged = unchanged_groups(self.session.form, self.session.draft)
        if unchanged:
            year = self.session.draft.previous_year or "förra året"
            options.append(
                Option(Text(f"Oförändrat sedan {year} – stämmer det i år?", style="bold"),
                       disabled=True)
            )
            for n, (part_key, where, path) in enumerate(unchanged):
                key = f"u{n}"
                self.unchanged[key] = (part_key, path)
                line = Text("  ")
                line.append("samma", style="cyan")
                line.append(f"\u00a0\u00a0{where}")
                options.append(Option(line, id=key))
        problems = self.query_one("#problems", OptionList)
        problems.clear_options()
        problems.add_options(options)
        problems.display = bool(options)
        if options:
            enabled = [i for i, o in enumerate(options) if not o.disabled]
            problems.highlighted = min(enabled, key=lambda i: abs(i - self.highlight))

    def focus_list(self) -> None:
        problems = self.query_one("#problems", OptionList)
        if problems.display:
            focus_now(problems)
        else:
            focus_now(self.query_one("#export-final", Button))

    @on(OptionList.OptionSelected, "#problems")
    def _jump(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        problem = self.problems.get(event.option_id or "")
        self.highlight = event.option_index
        if problem is not None:
            self.post_message(
                PartRequested(problem.part_key, problem.path, from_review=True)
            )
        elif (event.option_id or "") in self.unchanged:
            part_key, path = self.unchanged[event.option_id or ""]
            self.post_message(PartRequested(part_key, path, from_review=True))

    # -- export --------------------------------------------------------------------------

    @on(Button.Pressed, "#export-final, #export-draft")
    def _export_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.export(draft_mode=event.button.id == "export-draft")

    def export(self, draft_mode: bool) -> None:
        """Export; a final export of a report with blank optional answers first asks, once,
        whether to leave them blank (listing them). With errors it goes ahead to be refused,
        which says why."""
        if draft_mode:
            self._start_export(True)
            return
        report = validate(self.session.form, self.session.draft, final=True)
        blanks = report.blanks
        keys = {p.location for p in blanks}
        accepted = _ACCEPTED_BLANKS.get(self.session)
        if report.errors or not blanks or (accepted is not None and keys <= accepted):
            self._start_export(False)
            return

        def answered(go: bool | None) -> None:
            if go:
                _ACCEPTED_BLANKS[self.session] = keys
                self._start_export(False)
            else:
                focus_now(self.query_one("#export-final", Button))

        self.app.push_screen(
            ConfirmDialog(
                "Exportera slutversionen med tomma svar?",
                _blanks_message(blanks),
                confirm="Exportera",
                cancel="Tillbaka",
            ),
            answered,
        )

    def _start_export(self, draft_mode: bool) -> None:
        """Write the document in the background (python-docx is slow to import)."""
        result = self.query_one("#export-result", Static)
        result.update("Skapar dokumentet …")
        result.add_class("-shown")
        snapshot = self.session.draft.model_copy(deep=True)
        out = export_path(self.session.path, draft_mode)
        embed = self.query_one("#export-embed", Checkbox).value
        by_region = self.query_one("#export-author-region", Checkbox).value
        self.run_worker(
            partial(self._export, snapshot, out, draft_mode, embed, by_region),
            name="export",
            group="export",
            thread=True,
            exclusive=True,
            exit_on_error=False,
        )

    def _export(
        self, draft: Draft, out: Path, draft_mode: bool, embed: bool = True, by_region: bool = False
    ) -> None:
        from rsp_tui.export import (
            ExportRefused,
            accessibility_summary,
            export_report,
            personal_data_note,
        )

        try:
            result = export_report(
                self.session.form,
                draft,
                out,
                draft_mode=draft_mode,
                embed_draft=embed,
                author_region=by_region,
            )
        except ExportRefused as exc:
            self.post_message(self.ExportFinished(draft_mode, refused=len(exc.problems)))
        except RspError as exc:
            self.post_message(self.ExportFinished(draft_mode, error=exc.describe()))
        except Exception as exc:  # the app must survive a bug in the document writer
            self.post_message(
                self.ExportFinished(draft_mode, error=f"oväntat fel ({type(exc).__name__})")
            )
        else:
            privacy = personal_data_note(
                result,
                embed_draft=embed,
                author_region=by_region,
                author_hint="Regionen som författare ikryssad",
                embed_hint="Spara rsp-tui-data i dokumentet (för import) urkryssad",
            )
            notes = [*result.notes, *accessibility_summary(result), *([privacy] if privacy else [])]
            self.post_message(
                self.ExportFinished(
                    draft_mode,
                    path=result.path,
                    notes=tuple(notes),
                    blanks=0 if draft_mode else len(result.blanks),
                )
            )

    @on(ExportFinished)
    def _export_finished(self, event: ExportFinished) -> None:
        result = self.query_one("#export-result", Static)
        text = Text()
        if event.path is not None:
            kind = "Utkastet (märkt UTKAST)" if event.draft_mode else "Dokumentet"
            text.append(f"{kind} är sparat som:\n", style="bold green")
            text.append(str(event.path))
            if event.blanks:
                text.append(f"\n{blanks_sentence(event.blanks)}.")
            for note in event.notes:
                text.append(f"\nObs: {note}")
            self.notify(f"{kind} är sparat: {event.path.name}", timeout=6)
            self.exported = event.path
            self.query_one("#export-open").display = True
        elif event.refused:
            text.append(
                f"Slutversionen kan inte exporteras: {refusal_sentence(event.refused)}"
                " (se listan nedan).",
                style="bold red",
            )
            text.append(
                "\nRätta dem först, eller välj Exportera utkast: då skapas dokumentet ändå och"
                " varje sida märks UTKAST."
            )
            focus_now(self.query_one("#export-draft", Button))
        else:
            text.append(f"Exporten misslyckades: {event.error}", style="bold red")
        result.update(text)
        self.refresh_report()


    @on(Button.Pressed, "#open-document, #open-folder")
    def _open_pressed(self, event: Button.Pressed) -> None:
        if self.exported is None:
            return
        target = self.exported if event.button.id == "open-document" else self.exported.parent
        problem = open_path(target)
        if problem is None:
            self.notify(f"Öppnar {target.name} …", timeout=4)
        else:
            self.notify(problem, severity="warning", timeout=12)


def _prompt(problem: Problem) -> Text:
    where = " › ".join(p for p in (problem.question, problem.row, problem.column) if p)
    text = Text("  ")
    if problem.severity == "fel":
        text.append("fel", style="bold red")
    elif problem.blank:
        text.append("tomt", style="dim")
    else:
        text.append("varning", style="yellow")
    text.append("\u00a0\u00a0")  # no-break spaces: the list would fold plain ones away
    text.append(f"{where}: " if where else "")
    text.append(problem.message)
    return text


def _blanks_message(blanks: list[Problem]) -> str:
    """The question before a final export: which optional answers stay blank."""
    lines = [
        f"{blanks_sentence(len(blanks))}:",
        *(f"  {p.location}" for p in blanks[:BLANKS_SHOWN]),
    ]
    if len(blanks) > BLANKS_SHOWN:
        lines.append(f"  … och {len(blanks) - BLANKS_SHOWN} till (se listan i Granska).")
    lines.append("")
    lines.append("Det går bra: frivilliga frågor får lämnas tomma. Exportera slutversionen?")
    return "\n".join(lines)
