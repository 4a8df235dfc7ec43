"""The plain mode (`rsp-tui --plain`) driven through pipes, as a script or a screen reader's
terminal would drive it: a whole report, closed input, wrong answers, commands."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from rsp_tui.cli import main
from rsp_tui.drafts import load_draft
from rsp_tui.drafts.session import DraftSession
from rsp_tui.forms import load_form, programme_for_region
from rsp_tui.plain import run_plain
from tests.holders import lock_holder

REGION = "Jämtland Härjedalen"


def insats(planned: str, goals: str, status: str) -> list[str]:
    """The lines that fill in one insats after `:ny`, field by field."""
    return [
        ":ny",
        planned, ".",          # Planerade insatser (several lines end with ".")
        goals,                 # Mål: numbers
        "",                    # Andra mål: kept empty
        "Regionen och kommunerna", "med 200 000 kronor", ".",  # Resurser
        "1 4",                 # Huvudsakligt serviceslag: marks
        "Tre möten", ".",      # Prestationer
        "Fler ombud", ".",     # Effekter
        status,                # Status: number of the choice
        "",                    # Vad tar vi med oss?: kept empty
    ]


def whole_report() -> list[str]:
    lines = [
        "n", "jämt", "2023",            # new report: part of the region's name, then the year
        "", "Anna Andersson",            # Datum kept (today), Upprättad av
    ]
    for n in range(5):                   # 1 Efterfrågan: five rows of Bedömning + Kommentar
        lines += [str(n % 3 + 1), f"Kommentar {n}", "."]
    lines += ["Fler handlar på nätet.", "Och hemsändning ökar.", "."]   # 2 Framtidsspaning
    lines += ["En processledare på halvtid", ".", "0,5"]                 # 3 row 1
    lines += ["Två handläggare", ".", "1,2"]                             # 3 row 2
    for who in ("rsp", "stod", "sp"):                                     # 4 Kontaktpersoner
        lines += [f"Person {who}", f"{who}@regionjh.se"]
    lines += ["Vi har besökt tio butiker.", "."]                         # 5
    lines += ["j", "Samråd varje månad", ".", "2", ""]                   # 6 Kommuner, filled
    lines += [""] * 7                                                     # 6 other rows skipped
    lines += [""]                                                         # Programmet: read
    lines += insats("Laddstolpar vid butiker", "1.1 1.2", "2")               # Område 1: two
    lines += insats("Kampanj om ombud", "3", "1")
    lines += [":flytta 2 upp", ""]                                        # reorder, next part
    lines += insats("Servicepunkter", "4", "2") + [""]                   # Område 2
    lines += insats("Länsnätverk", "3.1 3.2", "1") + [""]                    # Område 3
    lines += [":granska", "", ":exportera", ":avsluta"]
    return lines


def run_piped(lines: list[str], *args: str, env_extra: dict[str, str] | None = None,
              ) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, **(env_extra or {}))
    return subprocess.run(
        [sys.executable, "-m", "rsp_tui", *args],
        input="".join(f"{line}\n" for line in lines),
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_a_whole_report_answered_by_a_script_through_pipes(_isolated_drafts: Path) -> None:
    result = run_piped(whole_report(), "--plain")
    out = result.stdout
    assert result.returncode == 0, out[-3000:] + result.stderr
    assert "\x1b" not in out, "no colour, no cursor movement, no alternate screen"
    assert not any(ch in out for ch in "│─┌┐└┘"), "no box drawing"
    path = _isolated_drafts / "jamtland-harjedalen-2023.toml"
    draft = load_draft(path).draft
    assert draft.answers["upprattad_av"] == "Anna Andersson"
    assert draft.answers["q2"] == "Fler handlar på nätet.\nOch hemsändning ökar."
    assert draft.answers["q1"]["drivmedel"]["bedomning"] == "Oförändrat"
    assert draft.answers["q3"]["stodhandlaggning"]["totalt"] == "1,2"
    assert draft.answers["q6"]["kommuner"]["steg"] == "Samråd"
    assert "lansstyrelse" not in draft.answers["q6"]
    first = draft.programme.omraden[0].id
    items = draft.answers["insatser"][first]
    assert [i["planerade"] for i in items] == ["Kampanj om ombud", "Laddstolpar vid butiker"]
    assert items[1]["mal"]["codes"] == ["1.1", "1.2"]
    assert items[1]["serviceslag"] == [
        "Dagligvaror", "Bredare sammanhang"]
    assert items[1]["status"] == "Fortsätter" and items[0]["status"] == "Klar"
    assert items[1]["resurser"] == "Regionen och kommunerna\nmed 200 000 kronor"
    # review said nothing is missing; the final document exists; check agrees
    assert "Granskning: inget saknas och inget är fel (100 procent ifyllt)" in out
    docx = path.with_suffix(".docx")
    assert f"Dokumentet är sparat som: {docx}" in out and docx.stat().st_size > 10_000
    assert main(["check", str(path)]) == 0


def test_closed_input_saves_nothing_new_and_exits_0(_isolated_drafts: Path) -> None:
    folder = _isolated_drafts
    result = subprocess.run(
        [sys.executable, "-m", "rsp_tui", "--plain"], stdin=subprocess.DEVNULL,
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "Det finns inga utkast" in result.stdout
    assert not folder.exists() or not list(folder.glob("*.toml"))

    session = _new_session(folder)
    before = session.path.read_bytes()
    session.close()
    env = dict(os.environ, RSP_TUI_PLAIN="1")
    result = subprocess.run(
        [sys.executable, "-m", "rsp_tui", str(session.path)], stdin=subprocess.DEVNULL,
        capture_output=True, text=True, timeout=60, env=env,
    )
    assert result.returncode == 0, result.stderr
    assert "Del 1 av 11: Uppgifter om rapporten." in result.stdout  # RSP_TUI_PLAIN=1 alone
    assert session.path.read_bytes() == before


def test_input_ending_mid_answer_keeps_what_was_typed(_isolated_drafts: Path) -> None:
    session = _new_session(_isolated_drafts)
    session.close()
    code, out = _run(session.path, ["", "", ":del 3", "Första raden", "andra raden"])
    assert code == 0
    assert load_draft(session.path).draft.answers["q2"] == "Första raden\nandra raden"
    assert f"Utkastet är sparat: {session.path}" in out


def test_a_wrong_answer_is_kept_and_its_message_follows_at_once(_isolated_drafts: Path) -> None:
    session = _new_session(_isolated_drafts)
    session.close()
    code, out = _run(session.path, [
        "2024-13-45",          # Datum: saved as typed, message right after
        "",                    # Enter: go on with it
        "Anna",
        "7",                   # Bedömning: no alternative 7 (nothing stored)
        "Ökar",                # the option's name works too
        "",
        ":del 4", "en halv", ".", "mycket",  # Årsarbetskrafter totalt: not a number
        "",
        ":del 5", "Anna", "anna@regionjh",   # e-mail without a top-level domain
        ":del 9", ":ny", "Laddstolpar", ".", "9.9",  # no such mål in the programme
        "2.1 1",                             # a code and a number on the list both work
    ])
    assert code == 0
    answers = load_draft(session.path).draft.answers
    lines = out.splitlines()
    at = lines.index("Svar: 2024-13-45")
    assert lines[at + 1] == "Fel i svaret: datumet 2024-13-45 finns inte."
    assert answers["datum"] == "2024-13-45"
    assert "Det finns inget alternativ 7. Välj 1 till 3." in out
    assert answers["q1"]["dagligvarubutiker"]["bedomning"] == "Ökar"
    assert 'Fel i svaret: "mycket" är inte ett tal; skriv till exempel 0,85.' in out
    assert answers["q3"]["processledning"]["totalt"] == "mycket"
    assert 'Fel i svaret: ogiltig e-postadress "anna@regionjh"' in out
    assert "Programmet har inget mål 9.9. Målen har koderna 1.1, 1.2, 1.3, 2.1" in out
    area = load_draft(session.path).draft.programme.omraden[0].id
    assert answers["insatser"][area][0]["mal"]["codes"] == ["2.1", "1.1"]


def test_commands_parts_review_jump_help_and_delete_asks(_isolated_drafts: Path) -> None:
    session = _new_session(_isolated_drafts)
    session.close()
    code, out = _run(session.path, [
        ":hjälp",
        ":delar",
        ":granska", "2",                    # the second problem: Bedömning of the first row
        "1",
        ":del 9", ":ny", "Första", ".", *[""] * 8,  # eight more fields, back in the list
        ":ny", "Andra", ".", *[""] * 8,
        ":ta bort 1", "n",                  # asks; no keeps it
        ":ta bort 1", "j",
        ":insatser",
        ":del 2", ":ny",                    # no insatser outside an område
        ":tillbaka",
        ":töm",
    ])
    assert code == 0
    assert ":ta bort och ett nummer – ta bort en insats." in out
    assert "9. Område 1: tom." in out and "2. 1 Efterfrågan: tom, du är här." not in out
    assert "2. Saknas: Fråga 1, Efterfrågan, Investeringar kopplat till dagligvarubutiker," \
        " Bedömning." in out
    jumped = out.split("Skriv ett nummer för att gå dit", 1)[1]
    assert "Stödtyp: Investeringar kopplat till dagligvarubutiker\nBedömning." in jumped
    draft = load_draft(session.path).draft
    area = draft.programme.omraden[0].id
    assert [i.get("planerade") for i in draft.answers["insatser"][area]] == ["Andra"]
    assert "Inget togs bort." in out and "Insats 1 är borttagen." in out
    assert "Insatser finns bara i delarna för de prioriterade områdena. Gå dit med :del 9." in out
    assert draft.answers["q1"]["dagligvarubutiker"]["bedomning"] == "Minskar"
    assert "Svaret är tomt nu: (tomt)" in out


def test_a_draft_open_elsewhere_is_offered_read_only_and_never_written(
    _isolated_drafts: Path,
) -> None:
    session = _new_session(_isolated_drafts)
    session.close()
    before = session.path.read_bytes()
    holder = lock_holder(session.path)
    try:
        code, out = _run(session.path, ["j", "", "Någon annan", ":spara"])
    finally:
        assert holder.stdin is not None
        holder.stdin.write("\n")
        holder.stdin.flush()
        holder.wait(10)
    assert code == 0
    assert "Öppna det skrivskyddat" in out
    assert "Svaret sparas inte" in out and "Inget sparas" in out
    assert session.path.read_bytes() == before


def test_plain_mode_never_imports_textual() -> None:
    code = (
        "import sys, io\nfrom rsp_tui.plain import run_plain\n"
        "from rsp_tui.plain import walker, commands, start, steps, answers\n"
        "run_plain(None, stdin=io.StringIO(''), stdout=io.StringIO())\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'textual'"
        " or m.startswith('rsp_tui.tui')))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"


def _new_session(folder: Path) -> DraftSession:
    form = load_form()
    return DraftSession.create(form, REGION, 2023, folder, programme_for_region(REGION))


def _run(path: Path, lines: list[str]) -> tuple[int, str]:
    stdout = io.StringIO()
    code = run_plain(path, stdin=io.StringIO("".join(f"{x}\n" for x in lines)), stdout=stdout)
    return code, stdout.getvalue()


@pytest.fixture(autouse=True)
def _no_plain_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("RSP_TUI_PLAIN", raising=False)


def test_sigterm_saves_releases_the_lock_and_exits_0(_isolated_drafts: Path) -> None:
    import signal

    session = _new_session(_isolated_drafts)
    session.close()
    proc = subprocess.Popen(
        [sys.executable, "-m", "rsp_tui", "--plain", str(session.path)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write("\nEva\n")
    proc.stdin.flush()
    seen = ""
    while "Sparat." not in seen:  # poll the output for the saved answer, never sleep blind
        line = proc.stdout.readline()
        assert line, seen
        seen += line
    proc.send_signal(signal.SIGTERM)
    rest, _ = proc.communicate(timeout=30)
    assert proc.returncode == 0
    assert f"Utkastet är sparat: {session.path}" in rest
    assert load_draft(session.path).draft.answers["upprattad_av"] == "Eva"
    DraftSession.open(session.path).close()  # the lock is free again


def test_a_region_without_a_programme_types_it_in(_isolated_drafts: Path) -> None:
    stdout = io.StringIO()
    script = [
        "n", "skåne", "2024", ":del 8",
        ":område ny", "1", "Service i hela länet",
        ":mål ny", "1", "1.1", "Fler ombud på landsbygden",
        ":mål ny", "1", "1.1", "Samma kod igen",      # refused: the code is taken
        ":delar",
        ":del 9", ":ny", "Ombudsträffar", ".", "1.1",
    ]
    code = run_plain(None, stdin=io.StringIO("".join(f"{x}\n" for x in script)), stdout=stdout)
    out = stdout.getvalue()
    assert code == 0
    assert "med :område ny och :mål ny" in out
    assert "Det finns redan ett mål med koden 1.1" in out
    assert "9. Område 1: tom." in out
    draft = load_draft(_isolated_drafts / "skane-2024.toml").draft
    [area] = draft.programme.omraden
    assert (area.number, area.title) == ("1", "Service i hela länet")
    assert [(g.code, g.text) for g in area.mal] == [("1.1", "Fler ombud på landsbygden")]
    [item] = draft.answers["insatser"][area.id]
    assert item["planerade"] == "Ombudsträffar" and item["mal"]["codes"] == ["1.1"]
