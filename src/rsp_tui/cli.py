"""Provides the command line: `rsp-tui [FIL]` opens the app; subcommands work without it.

    rsp-tui                          startskärmen
    rsp-tui FIL                      öppna ett utkast i appen
    rsp-tui new --region R --year Å  skapa ett utkast
    rsp-tui check FIL                lista det som saknas eller är fel
    rsp-tui export FIL [-o UT.docx] [--draft] [--no-embed] [--author-region]
    rsp-tui forms                    formulär, program och regioner

Textual is imported only when the app starts, so the subcommands start fast.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rsp_tui import __version__
from rsp_tui.errors import RspError

if TYPE_CHECKING:
    from rsp_tui.drafts.model import Draft

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_UNREADABLE = 2
EXIT_CRASH = 70

SUBCOMMANDS = ("new", "check", "export", "forms", "rollover", "import")


class _Formatter(argparse.HelpFormatter):
    """Help in Swedish: `användning:` instead of `usage:`."""

    def add_usage(self, usage, actions, groups, prefix=None):  # type: ignore[no-untyped-def]
        super().add_usage(usage, actions, groups, "användning: " if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    """argparse with Swedish headings, error lines and exit status 2."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)
        self._positionals.title = "argument"
        self._optionals.title = "flaggor"

    def error(self, message: str) -> None:  # type: ignore[override]
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
        "--year", required=True, type=int, metavar="ÅR", help="verksamhetsåret, t.ex. 2023"
    )
    p_new.add_argument(
        "-o", "--output", metavar="FIL", help="filen att skapa (annars i utkastmappen)"
    )
    p_new.add_argument(
        "--form", default=None, metavar="ID", help="formulärets id (standard: rsp-uppfoljning)"
    )
    _add_dir(p_new)

    p_check = add(
        "check",
        "kontrollera ett utkast: slutstatus 0 om inget hindrar en slutlig export, 1 om något"
        " gör det, 2 om filen inte går att läsa",
    )
    p_check.add_argument("file", metavar="FIL", help="utkastet")

    p_export = add("export", "skapa Word-dokumentet (.docx) från ett utkast")
    p_export.add_argument("file", metavar="FIL", help="utkastet")
    p_export.add_argument(
        "-o", "--output", metavar="UT.docx", help="dokumentet att skapa (annars bredvid utkastet)"
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

    p_import = add("import", "läs in en rapport i Word-format (.docx) som ett nytt utkast")
    p_import.add_argument("file", metavar="RAPPORT.docx", help="Word-dokumentet")
    p_import.add_argument("-o", "--output", metavar="FIL", help="utkastet att skapa")
    _add_dir(p_import)
    return parser


def _app_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="rsp-tui",
        description="Öppna appen (startskärmen, eller utkastet FIL).",
        epilog="Kommandon: " + ", ".join(SUBCOMMANDS) + ". Se rsp-tui KOMMANDO --help.",
        add_help=False,
    )
    parser.add_argument("-h", "--help", action="help", help="visa den här hjälpen och avsluta")
    parser.add_argument("file", nargs="?", metavar="FIL", help="utkastet att öppna")
    _add_dir(parser)
    return parser


def _err(message: str) -> None:
    print(f"rsp-tui: {message}", file=sys.stderr)


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
    from rsp_tui.drafts import new_draft
    from rsp_tui.forms import DEFAULT_FORM_ID, load_form, programme_for_region, region_names
    from rsp_tui.paths import drafts_dir, ensure_dir

    form = load_form(args.form or DEFAULT_FORM_ID)
    regions = region_names()
    region = next((r for r in regions if r.casefold() == args.region.strip().casefold()), None)
    if region is None:
        _err(f'okänd region "{args.region}". Välj en av: {", ".join(regions)}.')
        return EXIT_UNREADABLE
    if not form.years.min <= args.year <= form.years.max:
        _err(f"verksamhetsåret måste vara mellan {form.years.min} och {form.years.max}.")
        return EXIT_UNREADABLE
    programme = programme_for_region(region)
    draft = new_draft(form, region, args.year, programme)
    folder = lambda: ensure_dir(drafts_dir(args.dir))  # noqa: E731
    path = _create_draft(draft, args.output, folder, region, args.year)
    if path is None:
        return EXIT_UNREADABLE
    print(path)
    if programme is None:
        print(
            "Regionens program finns inte i rsp-tui: fyll i de prioriterade områdena och målen"
            " under Programmet i appen.",
            file=sys.stderr,
        )
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    """`rsp-tui check`."""
    from rsp_tui.drafts import load_draft
    from rsp_tui.validation import validate

    try:
        loaded = load_draft(Path(args.file))
    except RspError as exc:
        _err(exc.describe())
        return EXIT_UNREADABLE
    for notice in loaded.notices:
        print(f"obs: {notice}")
    report = validate(loaded.form, loaded.draft, final=True)
    errors = report.errors
    invalid = [p for p in errors if not p.missing]
    missing = [p for p in errors if p.missing]
    for problem in invalid + missing + report.warnings:
        print(problem.describe())
    done = round(report.completeness * 100)
    if errors:
        print(
            f"\n{len(invalid)} fel och {len(missing)} obesvarade fält hindrar en slutlig export"
            f" ({done} % ifyllt). Ett utkast kan ändå exporteras med `rsp-tui export --draft`."
        )
        return EXIT_PROBLEMS
    print(f"Inget hindrar en slutlig export ({done} % ifyllt).")
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    """`rsp-tui export`."""
    from rsp_tui.drafts import load_draft
    from rsp_tui.export import ExportRefused, export_report

    try:
        loaded = load_draft(Path(args.file))
    except RspError as exc:
        _err(exc.describe())
        return EXIT_UNREADABLE
    out = Path(args.output) if args.output else Path(args.file).with_suffix(".docx")
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
            f"{len(exc.problems)} fel hindrar en slutlig export. Rätta dem, eller exportera ett"
            " utkast med --draft."
        )
        return EXIT_PROBLEMS
    except RspError as exc:
        _err(exc.describe())
        return EXIT_UNREADABLE
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
    from rsp_tui.drafts import load_draft
    from rsp_tui.rollover import rollover

    source = Path(args.file)
    try:
        loaded = load_draft(source)
    except RspError as exc:
        _err(exc.describe())
        return EXIT_UNREADABLE
    old = loaded.draft
    year = old.year + 1 if args.year is None else args.year
    if year <= old.year:
        _err(f"det nya verksamhetsåret måste komma efter {old.year}.")
        return EXIT_UNREADABLE
    if not loaded.form.years.min <= year <= loaded.form.years.max:
        _err(
            f"verksamhetsåret måste vara mellan {loaded.form.years.min} och"
            f" {loaded.form.years.max}."
        )
        return EXIT_UNREADABLE
    result = rollover(loaded.form, old, year)
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
    result = import_docx(source)
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


def run_app(file: str | None, folder: str | None) -> int:
    """Start the Textual app (imported only here)."""
    from rsp_tui.tui.app import run

    return int(run(Path(file) if file else None, Path(folder) if folder else None))


COMMANDS = {
    "new": cmd_new,
    "check": cmd_check,
    "export": cmd_export,
    "forms": cmd_forms,
    "rollover": cmd_rollover,
    "import": cmd_import,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `rsp-tui` and `python -m rsp_tui`."""
    args_list = list(sys.argv[1:] if argv is None else argv)
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
        return run_app(app_args.file, app_args.dir)
    except RspError as exc:
        _err(exc.describe())
        return EXIT_UNREADABLE
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug: say so, but never print the exception's text (answers)
        from rsp_tui.errors import safe_traceback

        print(safe_traceback(exc), file=sys.stderr, end="")
        _err(
            "ett oväntat fel inträffade (se ovan var i programmet). Inga filer har skrivits"
            " över; rapportera gärna felet utan att skicka med dina utkast."
        )
        return EXIT_CRASH
