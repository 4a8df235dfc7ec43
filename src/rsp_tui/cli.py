"""Provides the command line: `rsp-tui [FIL]` opens the app; subcommands work without it.

    rsp-tui                          startskärmen
    rsp-tui FIL                      öppna ett utkast i appen
    rsp-tui new --region R [--year Å] skapa ett utkast
    rsp-tui check FIL                lista det som är fel eller tomt
    rsp-tui export FIL [-o UT.docx] [--draft] [--no-embed] [--author-region]
    rsp-tui forms                    formulär, program och regioner
    rsp-tui example [-o FIL]         en kopia av det ifyllda exemplet
    rsp-tui programme export|import  dela regionens program (se cli_programme)

Textual is imported only when the app starts, so the subcommands start fast.
"""

from __future__ import annotations

import argparse
import contextlib
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from rsp_tui import __version__
from rsp_tui.errors import RspError

if TYPE_CHECKING:
    from rsp_tui.drafts.fileformat import LoadedDraft
    from rsp_tui.drafts.model import Draft
    from rsp_tui.forms.programme import Programme

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_UNREADABLE = 2
EXIT_CRASH = 70
EXIT_BROKEN_PIPE = 141
"""The reader of the output went away (as a command ended by SIGPIPE reports in a shell)."""

SUBCOMMANDS = (
    "new", "check", "export", "forms", "rollover", "import", "summary", "example", "programme"
)


class _Formatter(argparse.HelpFormatter):
    """Help in Swedish: `användning:` instead of `usage:`."""

    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],  # argparse's own (private) name
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, "användning: " if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    """argparse with Swedish headings, error lines and exit status 2."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)
        self._positionals.title = "argument"
        self._optionals.title = "flaggor"

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        translated = (
            message.replace("the following arguments are required", "dessa argument krävs")
            .replace("unrecognized arguments", "okända argument")
            .replace("invalid int value", "ogiltigt heltal")
            .replace("expected one argument", "väntade ett värde")
        )
        translated = re.sub(r"^argument ", "argumentet ", translated)
        self.exit(EXIT_UNREADABLE, f"{self.prog}: fel: {translated}\n")


def _add_dir(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--dir",
        metavar="MAPP",
        help="mappen för utkast (annars $RSP_TUI_DRAFTS_DIR eller standardmappen)",
    )


def build_parser() -> argparse.ArgumentParser:
    """The parser for the subcommands."""
    parser = _Parser(
        prog="rsp-tui",
        description=(
            "Fyll i den årliga uppföljningen av regionalt serviceprogram (RSP 2022–2030) till"
            " Tillväxtverket, spara utkast och skapa Word-dokumentet som skickas in."
            " Utan kommando öppnas appen; med en fil öppnas det utkastet."
        ),
        add_help=False,
    )
    parser.epilog = (
        "Textläge för skärmläsare, SSH och skript: rsp-tui --plain [FIL] (eller"
        " RSP_TUI_PLAIN=1), en fråga i taget på vanliga rader, utan färger."
    )
    parser.add_argument("-h", "--help", action="help", help="visa den här hjälpen och avsluta")
    parser.add_argument(
        "--version", action="version", version=f"rsp-tui {__version__}", help="visa versionen"
    )
    sub = parser.add_subparsers(
        dest="command", metavar="KOMMANDO", title="kommandon", parser_class=_Parser
    )

    def add(name: str, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text, add_help=False)
        p.add_argument("-h", "--help", action="help", help="visa den här hjälpen och avsluta")
        return p

    p_new = add("new", "skapa ett nytt utkast för en region och ett verksamhetsår")
    p_new.add_argument(
        "--region", required=True, help='regionens namn, t.ex. "Jämtland Härjedalen"'
    )
    p_new.add_argument(
        "--year",
        type=int,
        metavar="ÅR",
        help="verksamhetsåret, t.ex. 2023 (standard: i juli–december i år, i januari–juni"
        " förra året)",
    )
    p_new.add_argument(
        "-o", "--output", metavar="FIL", help="filen att skapa (annars i utkastmappen)"
    )
    p_new.add_argument(
        "--form", default=None, metavar="ID", help="formulärets id (standard: rsp-uppfoljning)"
    )
    p_new.add_argument(
        "--force",
        action="store_true",
        help="skapa ett nytt utkast även om det redan finns ett för regionen och året",
    )
    p_new.add_argument(
        "--programme",
        metavar="FIL",
        help="regionens program: en programfil (.toml), programmets text (.txt, områden"
        ' "1 …" och mål "1.1 …" eller ett mål per rad) eller Word-dokument (.docx)',
    )
    _add_dir(p_new)

    p_check = add(
        "check",
        "kontrollera ett utkast: fel (hindrar en slutlig export) och tomt (frivilliga svar som"
        " lämnas tomma). Slutstatus 0 om inget hindrar en slutlig export, 1 om något gör det,"
        " 2 om filen inte går att läsa",
    )
    p_check.add_argument("file", metavar="FIL", help="utkastet")

    p_export = add("export", "skapa Word-dokumentet (.docx) från ett utkast")
    p_export.add_argument("file", metavar="FIL", help="utkastet")
    p_export.add_argument(
        "-o",
        "--output",
        metavar="UT.docx",
        help="dokumentet att skapa (annars bredvid utkastet; med --draft slutar namnet på"
        " -utkast.docx)",
    )
    p_export.add_argument(
        "--draft",
        action="store_true",
        help="exportera även om något saknas; varje sida märks UTKAST",
    )
    p_export.add_argument(
        "--no-embed",
        dest="embed_draft",
        action="store_false",
        help="lägg inte in utkastet i dokumentet: filen innehåller då bara det som syns"
        " (rsp-tui import läser då den synliga texten i stället för att få tillbaka utkastet"
        " exakt)",
    )
    p_export.add_argument(
        "--author-region",
        action="store_true",
        help="dokumentets egenskap Författare blir regionen i stället för namnet under"
        " Upprättad av (för ett dokument som ska publiceras)",
    )

    add("forms", "lista formulär, regionala program och regioner som rsp-tui känner till")

    p_roll = add("rollover", "skapa nästa års utkast från det här årets")
    p_roll.add_argument("file", metavar="FIL", help="förra årets utkast")
    p_roll.add_argument(
        "--year", type=int, metavar="ÅR", help="det nya verksamhetsåret (standard: året efter)"
    )
    p_roll.add_argument("-o", "--output", metavar="FIL", help="filen att skapa")
    p_roll.add_argument(
        "--programme",
        metavar="FIL",
        help="ett nytt program för det nya året (.toml, .txt eller .docx); insatserna behåller"
        " de mål som finns kvar, de andra listas",
    )

    p_import = add("import", "läs in en rapport i Word-format (.docx) som ett nytt utkast")
    p_import.add_argument("file", metavar="RAPPORT.docx", help="Word-dokumentet")
    p_import.add_argument("-o", "--output", metavar="FIL", help="utkastet att skapa")
    p_import.add_argument(
        "--programme",
        metavar="PROGRAM",
        help="regionens program (.toml, .txt eller .docx) att koppla tabellerna och Mål-cellerna"
        " till, när dokumentet inte bär det med sig och rsp-tui inte känner till det",
    )
    _add_dir(p_import)
    _add_summary(add)

    p_example = add(
        "example",
        "skriv en kopia av exemplet (en ifylld rapport med påhittade svar) att prova på",
    )
    p_example.add_argument(
        "-o", "--output", metavar="FIL", help="filen att skapa (standard: exempel-2023.toml)"
    )

    from rsp_tui.cli_programme import add_parser as add_programme_parser

    add_programme_parser(add)
    return parser


def _add_summary(add: Callable[[str, str], argparse.ArgumentParser]) -> None:
    p = add(
        "summary",
        "sammanställ regionernas rapporter (utkast, Word-filer eller mappar) till ett"
        " Word-dokument och en CSV-fil",
    )
    p.add_argument("inputs", nargs="+", metavar="INDATA", help="utkast, rapporter eller mappar")
    p.add_argument("-o", "--output", required=True, metavar="UT.docx", help="dokumentet att skapa")
    p.add_argument("--csv", metavar="UT.csv", help="skapa även en CSV-fil (en rad per svar)")
    p.add_argument("--year", type=int, metavar="ÅR", help="bara det här verksamhetsåret")
    p.add_argument(
        "--no-contacts",
        action="store_true",
        help="utelämna kontaktpersonerna (namn och e-post)",
    )
    p.add_argument("--insatser", action="store_true", help="lista varje insats per region")


def _app_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="rsp-tui",
        description="Öppna appen (startskärmen, eller utkastet FIL).",
        epilog="Kommandon: " + ", ".join(SUBCOMMANDS) + ". Se rsp-tui KOMMANDO --help.",
        add_help=False,
    )
    parser.add_argument("-h", "--help", action="help", help="visa den här hjälpen och avsluta")
    parser.add_argument("file", nargs="?", metavar="FIL", help="utkastet att öppna")
    parser.add_argument(
        "--plain",
        action="store_true",
        help="textläge: en rad i taget, utan färger, för skärmläsare, SSH och skript"
        " (också med RSP_TUI_PLAIN=1)",
    )
    _add_dir(parser)
    return parser


def _err(message: str) -> None:
    print(f"rsp-tui: {message}", file=sys.stderr)


def _load(path: Path) -> LoadedDraft | None:
    """The draft at `path`, or None when it cannot be read (said on stderr)."""
    from rsp_tui.drafts import load_draft

    try:
        return load_draft(path)
    except RspError as exc:
        _err(exc.describe())
        return None


def _create_draft(
    draft: Draft, output: str | None, folder: Callable[[], Path], region: str, year: int
) -> Path | None:
    """Write a new draft file for a command: `-o FILE` (never over an existing file, even one
    that appears meanwhile; None and a message then), else a free name in `folder()`.

    Raises:
        DraftError: the file cannot be written.
    """
    from rsp_tui.drafts import create_draft_file, create_draft_in, default_filename

    if output:
        path = Path(output)
        try:
            create_draft_file(draft, path)
        except FileExistsError:
            _err(f"{path} finns redan; välj ett annat namn (inget har skrivits över).")
            return None
        return path
    return create_draft_in(draft, folder(), default_filename(region, year))


def cmd_new(args: argparse.Namespace) -> int:
    """`rsp-tui new`."""
    from datetime import date

    from rsp_tui.drafts import new_draft
    from rsp_tui.forms import DEFAULT_FORM_ID, load_form, programme_for_region, region_names
    from rsp_tui.paths import drafts_dir, ensure_dir
    from rsp_tui.years import default_year, in_range, range_error

    form = load_form(args.form or DEFAULT_FORM_ID)
    regions = region_names()
    region = next((r for r in regions if r.casefold() == args.region.strip().casefold()), None)
    if region is None:
        _err(f'okänd region "{args.region}". Välj en av: {", ".join(regions)}.')
        return EXIT_UNREADABLE
    year = args.year
    if year is None:
        year = default_year(date.today(), form.years)
    if not in_range(year, form.years):
        _err(f"{range_error(form.years)}.")
        return EXIT_UNREADABLE
    notes: list[str] = []
    programme: Programme | None
    if args.programme:
        from rsp_tui.forms.programme_file import read_programme

        outline = read_programme(Path(args.programme), region)
        programme, notes = outline.programme, [f"{args.programme}: {n}" for n in outline.notes]
    else:
        programme = programme_for_region(region)
    existing = _existing_drafts(drafts_dir(args.dir), region, year)
    if existing and not args.force:
        _err(
            f"det finns redan ett utkast för {region} {year}: {existing[0]}. Öppna det med"
            f" `rsp-tui {existing[0]}`, eller skapa ett till med --force."
        )
        return EXIT_PROBLEMS
    draft = new_draft(form, region, year, programme)
    folder = lambda: ensure_dir(drafts_dir(args.dir))  # noqa: E731
    path = _create_draft(draft, args.output, folder, region, year)
    if path is None:
        return EXIT_UNREADABLE
    print(path)
    if args.year is None:
        print(f"Verksamhetsår {year} (ange ett annat med --year).", file=sys.stderr)
    if existing:
        print(
            f"Obs: det fanns redan ett utkast för {region} {year}: {existing[0]}.",
            file=sys.stderr,
        )
    for note in notes:
        print(f"obs: {note}", file=sys.stderr)
    if programme is None:
        print(
            "Regionens program finns inte i rsp-tui: fyll i de prioriterade områdena och målen"
            " under Programmet i appen.",
            file=sys.stderr,
        )
    return EXIT_OK


def _existing_drafts(folder: Path, region: str, year: int) -> list[Path]:
    """Drafts in `folder` for `region` and `year`, newest first."""
    from rsp_tui.drafts.store import list_drafts

    return [s.path for s in list_drafts(folder) if s.region == region and s.year == year]


def cmd_check(args: argparse.Namespace) -> int:
    """`rsp-tui check`."""
    from rsp_tui.validation import blanks_sentence, refusal_sentence, validate

    loaded = _load(Path(args.file))
    if loaded is None:
        return EXIT_UNREADABLE
    for notice in loaded.notices:
        print(f"obs: {notice}")
    report = validate(loaded.form, loaded.draft, final=True)
    errors = report.errors
    invalid = [p for p in errors if not p.missing]
    missing = [p for p in errors if p.missing]
    for problem in invalid + missing + report.warnings + report.blanks:
        print(problem.describe())
    lines = [report.progress_text() + "."]
    if report.blanks:
        lines.append(blanks_sentence(len(report.blanks)))
    if errors:
        lines.append(
            refusal_sentence(len(errors))
            + ". Ett utkast kan ändå exporteras med `rsp-tui export --draft`."
        )
        print("\n" + "\n".join(lines))
        return EXIT_PROBLEMS
    lines.append("Inget hindrar en slutlig export.")
    print("\n" + "\n".join(lines))
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    """`rsp-tui export`."""
    from rsp_tui.export import ExportRefused, export_path, export_report
    from rsp_tui.validation import blanks_sentence, refusal_sentence

    loaded = _load(Path(args.file))
    if loaded is None:
        return EXIT_UNREADABLE
    out = Path(args.output) if args.output else export_path(Path(args.file), args.draft)
    try:
        result = export_report(
            loaded.form,
            loaded.draft,
            out,
            draft_mode=args.draft,
            embed_draft=args.embed_draft,
            author_region=args.author_region,
        )
    except ExportRefused as exc:
        for problem in exc.problems:
            print(problem.describe(), file=sys.stderr)
        _err(
            f"{refusal_sentence(len(exc.problems))}. Rätta dem, eller exportera ett utkast med"
            " --draft."
        )
        return EXIT_PROBLEMS
    except RspError as exc:
        _err(exc.describe())
        return EXIT_UNREADABLE
    if not args.draft and result.blanks:
        for problem in result.blanks:
            print(problem.describe(), file=sys.stderr)
        print(blanks_sentence(len(result.blanks)) + ".", file=sys.stderr)
    for note in result.notes:
        print(f"obs: {note}", file=sys.stderr)
    _export_messages(result, args)
    print(result.path)
    return EXIT_OK


def _export_messages(result: Any, args: argparse.Namespace) -> None:
    """The accessibility check's outcome and what the file carries of personal data."""
    from rsp_tui.export import accessibility_summary, personal_data_note

    for line in accessibility_summary(result):
        print(line, file=sys.stderr)
    note = personal_data_note(
        result, embed_draft=args.embed_draft, author_region=args.author_region
    )
    if note:
        print(note, file=sys.stderr)


def cmd_forms(args: argparse.Namespace) -> int:
    """`rsp-tui forms`."""
    from rsp_tui.forms import load_regions, programme_for_region
    from rsp_tui.forms.loader import list_forms

    status = EXIT_OK
    print("Formulär:")
    for path, form in list_forms():
        if isinstance(form, RspError):
            print(f"  {path.name}: KAN INTE LÄSAS: {form.describe()}")
            status = EXIT_PROBLEMS
        else:
            print(f"  {form.id} (version {form.version}): {form.title}")
    print("\nRegioner (* = regionens program finns i rsp-tui):")
    for region in load_regions():
        mark = "*" if region.programme else " "
        line = f"  {mark} {region.name}"
        if region.programme:
            try:
                programme = programme_for_region(region.name)
                if programme is not None:
                    goals = len(programme.all_goals())
                    line += f": {len(programme.omraden)} prioriterade områden, {goals} mål"
            except RspError as exc:
                line += f": PROGRAMMET KAN INTE LÄSAS: {exc.describe()}"
                status = EXIT_PROBLEMS
        print(line)
    return status


def cmd_rollover(args: argparse.Namespace) -> int:
    """`rsp-tui rollover`: next year's draft from this year's; the old file is not changed."""
    from rsp_tui.rollover import rollover
    from rsp_tui.years import in_range, range_error

    source = Path(args.file)
    loaded = _load(source)
    if loaded is None:
        return EXIT_UNREADABLE
    old = loaded.draft
    year = old.year + 1 if args.year is None else args.year
    if year <= old.year:
        _err(f"det nya verksamhetsåret måste komma efter {old.year}.")
        return EXIT_UNREADABLE
    if not in_range(year, loaded.form.years):
        _err(f"{range_error(loaded.form.years)}.")
        return EXIT_UNREADABLE
    programme = None
    if args.programme:
        from rsp_tui.forms.programme_file import read_programme

        programme = read_programme(Path(args.programme), old.region).programme
    result = rollover(loaded.form, old, year, programme)
    out = _create_draft(result.draft, args.output, lambda: source.parent, old.region, year)
    if out is None:
        return EXIT_UNREADABLE
    for line in result.summary():
        print(line, file=sys.stderr)
    print(
        f"{result.carried_fields} svar från {old.year} är förifyllda och visas som"
        " Förra året tills du ändrar dem.",
        file=sys.stderr,
    )
    print(out)
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    """`rsp-tui import`: a Word report read into a new draft; what cannot be placed is listed."""
    from rsp_tui.importer import import_docx
    from rsp_tui.paths import drafts_dir, ensure_dir

    source = Path(args.file)
    programme = None
    if args.programme:
        from rsp_tui.forms.programme_file import read_programme

        programme = read_programme(Path(args.programme)).programme
    result = import_docx(source, programme=programme)
    draft = result.draft
    out = _create_draft(
        draft,
        args.output,
        lambda: ensure_dir(drafts_dir(args.dir)),
        draft.region or source.stem,
        draft.year,
    )
    if out is None:
        return EXIT_UNREADABLE
    if result.exact:
        print("Dokumentet är exporterat av rsp-tui och lästes in exakt.", file=sys.stderr)
    if result.notes:
        count = len(result.notes)
        things = "sak" if count == 1 else "saker"
        print(f"{count} {things} att kontrollera:", file=sys.stderr)
        for note in result.notes:
            print(f"  {note.describe()}", file=sys.stderr)
    print(out)
    return EXIT_OK


def cmd_summary(args: argparse.Namespace) -> int:
    """`rsp-tui summary`: the national summary; see rsp_tui.summary."""
    from rsp_tui.summary import make_summary

    result = make_summary(
        [Path(p) for p in args.inputs],
        Path(args.output),
        csv=Path(args.csv) if args.csv else None,
        year=args.year,
        no_contacts=args.no_contacts,
        insatser=args.insatser,
    )
    for note in result.notes:
        print(f"obs: {note}", file=sys.stderr)
    for path in result.documents + ([result.csv] if result.csv else []):
        print(path)
    return EXIT_OK


def cmd_example(args: argparse.Namespace) -> int:
    """`rsp-tui example`: a copy of the bundled example report, never over an existing file."""
    from rsp_tui.paths import example_path

    source = example_path()
    out = Path(args.output or source.name)
    try:
        with out.open("xb") as handle:
            handle.write(source.read_bytes())
    except FileExistsError:
        _err(f"{out} finns redan; välj ett annat namn med -o (inget har skrivits över).")
        return EXIT_UNREADABLE
    except OSError as exc:
        _err(f"{out}: kunde inte skrivas ({exc.strerror}).")
        return EXIT_UNREADABLE
    print(out)
    print(
        f"Exemplet är en ifylld rapport med påhittade svar. Prova: rsp-tui check {out}",
        file=sys.stderr,
    )
    return EXIT_OK


def _cmd_programme(args: argparse.Namespace) -> int:
    from rsp_tui.cli_programme import cmd_programme

    return cmd_programme(args)


def run_app(file: str | None, folder: str | None) -> int:
    """Start the Textual app (imported only here)."""
    from rsp_tui import startgc

    startgc.pause()  # until the first screen is on (startgc.py)
    from rsp_tui.tui.app import run

    return int(run(Path(file) if file else None, Path(folder) if folder else None))


COMMANDS = {
    "new": cmd_new,
    "check": cmd_check,
    "export": cmd_export,
    "forms": cmd_forms,
    "rollover": cmd_rollover,
    "import": cmd_import,
    "summary": cmd_summary,
    "example": cmd_example,
    "programme": _cmd_programme,
}


class _CleanStream:
    """A text stream that passes everything on except what a terminal would act on: every
    message of the commands may quote a draft's content (an unknown key, an invalid value)."""

    def __init__(self, inner: Any) -> None:
        self._inner = inner

    def write(self, text: str) -> int:
        from rsp_tui.outputs import terminal_text

        self._inner.write(terminal_text(text))
        return len(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


def _silence_stdout() -> None:
    """The reader of our output went away (`rsp-tui forms | head -1`): whatever is still
    buffered goes nowhere, so that nothing is printed about it when Python exits."""
    import os

    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        if sys.__stdout__ is not None:
            os.dup2(devnull, sys.__stdout__.fileno())
        os.close(devnull)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `rsp-tui` and `python -m rsp_tui`."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if (args_list and args_list[0] in SUBCOMMANDS) or args_list[:1] in (["-h"], ["--help"]):
        out, err = sys.stdout, sys.stderr
        sys.stdout, sys.stderr = _CleanStream(out), _CleanStream(err)
        try:
            return _main(args_list)
        finally:
            sys.stdout, sys.stderr = out, err
    return _main(args_list)


def _main(args_list: list[str]) -> int:
    try:
        try:
            if (
                args_list
                and args_list[0] in SUBCOMMANDS
                or any(a in ("--version",) for a in args_list[:1])
            ):
                args = build_parser().parse_args(args_list)
                return COMMANDS[args.command](args)
            if args_list[:1] in (["-h"], ["--help"]):
                build_parser().print_help()
                return EXIT_OK
            app_args = _app_parser().parse_args(args_list)
            from rsp_tui.plain import run_plain, wanted

            if app_args.plain or wanted():
                folder = Path(app_args.dir) if app_args.dir else None
                return run_plain(Path(app_args.file) if app_args.file else None, folder)
            return run_app(app_args.file, app_args.dir)
        finally:
            sys.stdout.flush()  # a closed pipe shows here, inside the handlers below
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    except RspError as exc:
        _err(exc.describe())
        return EXIT_UNREADABLE
    except KeyboardInterrupt:
        return 130
    except RecursionError:  # nesting no reader of ours expects (files are checked, but)
        _err("filen är för djupt nästlad för att läsas.")
        return EXIT_UNREADABLE
    except Exception as exc:  # a bug: say so, but never print the exception's text (answers)
        from rsp_tui.errors import safe_traceback

        print(safe_traceback(exc), file=sys.stderr, end="")
        _err(
            "ett oväntat fel inträffade (se ovan var i programmet). Inga filer har skrivits"
            " över; rapportera gärna felet utan att skicka med dina utkast."
        )
        return EXIT_CRASH
