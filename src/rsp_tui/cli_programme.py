"""Provides `rsp-tui programme`: a report's programme shared as a programme file.

    rsp-tui programme export UTKAST -o PROGRAM.toml   programmet ur ett utkast
    rsp-tui programme import FIL UTKAST               ett program (.toml/.txt/.docx) in
    rsp-tui programme show FIL                        visa vad en fil blir för program

The file format is that of forms/programmes/. Headless.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from rsp_tui.errors import RspError

EXIT_OK = 0
EXIT_UNREADABLE = 2


def add_parser(add: Any) -> None:
    """Add `programme` and its subcommands; `add(name, help)` makes a subparser."""
    p = add(
        "programme",
        "dela regionens program: exportera det ur ett utkast, läs in det i ett annat"
        " (samma filformat som forms/programmes/), eller visa vad en fil blir för program",
    )
    sub = p.add_subparsers(dest="programme_command", metavar="ÅTGÄRD", title="åtgärder")
    sub.required = True

    def action(name: str, help_text: str) -> argparse.ArgumentParser:
        a: argparse.ArgumentParser = sub.add_parser(
            name, help=help_text, description=help_text, add_help=False
        )
        a.add_argument("-h", "--help", action="help", help="visa den här hjälpen och avsluta")
        return a

    out = action("export", "skriv utkastets program till en programfil (.toml)")
    out.add_argument("draft", metavar="UTKAST", help="utkastet")
    out.add_argument("-o", "--output", required=True, metavar="FIL.toml", help="filen att skriva")
    out.add_argument("--force", action="store_true", help="skriv över en befintlig fil")

    into = action(
        "import",
        "lägg in ett program i ett utkast: en programfil (.toml), programmets text (.txt)"
        " eller Word-dokument (.docx). Insatserna följer med sina områden; mål som inte finns"
        " i det nya programmet listas",
    )
    into.add_argument("file", metavar="FIL", help="programfilen, texten eller Word-dokumentet")
    into.add_argument("draft", metavar="UTKAST", help="utkastet som får programmet")

    show = action("show", "visa vilka områden och mål en fil (.toml, .txt, .docx) blir")
    show.add_argument("file", metavar="FIL")


def _err(message: str) -> None:
    print(f"rsp-tui: {message}", file=sys.stderr)


def cmd_programme(args: argparse.Namespace) -> int:
    """`rsp-tui programme …`."""
    try:
        if args.programme_command == "export":
            return _export(args)
        if args.programme_command == "import":
            return _import(args)
        return _show(args)
    except RspError as exc:
        _err(exc.describe())
        return EXIT_UNREADABLE


def _export(args: argparse.Namespace) -> int:
    from rsp_tui.drafts import load_draft
    from rsp_tui.forms.programme_file import write_programme

    draft = load_draft(Path(args.draft)).draft
    out = Path(args.output)
    if out.exists() and not args.force:
        _err(f"{out} finns redan; välj ett annat namn eller använd --force.")
        return EXIT_UNREADABLE
    write_programme(draft.programme, out)
    areas = sum(1 for a in draft.programme.omraden if not a.whole)
    goals = len(draft.programme.all_goals())
    print(f"{areas} prioriterade områden och {goals} mål skrivna.", file=sys.stderr)
    print(out)
    return EXIT_OK


def _import(args: argparse.Namespace) -> int:
    from rsp_tui.drafts.session import DraftSession
    from rsp_tui.forms.programme_file import read_programme

    path = Path(args.draft)
    session = DraftSession.open(path)
    try:
        outline = read_programme(Path(args.file), session.draft.region)
        for note in outline.notes:
            print(f"obs: {args.file}: {note}", file=sys.stderr)
        change = session.replace_programme(outline.programme)
        saved = session.save()
    finally:
        session.close()
    if not saved.ok:
        _err(f"{path}: kunde inte spara ({saved.error}); utkastet är oförändrat.")
        return EXIT_UNREADABLE
    for line in outline.describe(session.form):
        print(line, file=sys.stderr)
    for line in change.lines():
        print(f"obs: {line}", file=sys.stderr)
    print(path)
    return EXIT_OK


def _show(args: argparse.Namespace) -> int:
    from rsp_tui.forms import load_form
    from rsp_tui.forms.programme_file import read_programme

    outline = read_programme(Path(args.file))
    for line in outline.describe(load_form()):
        print(line)
    for note in outline.notes:
        print(f"obs: {note}", file=sys.stderr)
    return EXIT_OK
