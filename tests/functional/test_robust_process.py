"""rsp-tui as real processes in real terminals (ptys): SIGKILL while the user types loses at
most the last ~2 seconds; two rsp-tui on one draft (the second is told and opens it
read-only; once the first is killed the draft opens normally); hostile text pasted into the
app never drives the terminal and is saved; an unreadable draft on the command line is
explained without a traceback.

A thread reads the terminal all the time, as a terminal emulator does, so that the app is
never held up by a full pty buffer."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from rsp_tui.drafts import load_draft

from .terminal import LEAVE_ALT_SCREEN, Terminal

pytestmark = [pytest.mark.slow, pytest.mark.skipif(os.name != "posix", reason="needs a pty")]

F4 = "\x1bOS"
F9 = "\x1b[20~"
CTRL_END = "\x1b[1;5F"
CTRL_Q = "\x11"
PASTE_START, PASTE_END = "\x1b[200~", "\x1b[201~"


def to_q2(term: Terminal) -> None:
    """To question 2 of a complete draft, at the end of its text: from the first part, or
    there at once when the draft was left at question 2 (it opens where it was left)."""
    end = time.monotonic() + 30
    while b"Del 1 av" not in term.output and b"Del 3 av" not in term.output:
        assert term.proc.poll() is None and time.monotonic() < end, "no part on the screen"
        time.sleep(0.02)
    if b"Del 3 av" not in term.output:
        mark = len(term.output)
        term.send(F4 + F4)
        term.wait_for("Del 3 av", after=mark)
    time.sleep(0.3)  # the part is mounted and focused
    term.send(CTRL_END)
    time.sleep(0.1)


def saved_soon(path: Path, ending: str, timeout: float = 10.0) -> None:
    """Wait until question 2 of the draft on disk ends with `ending` (typed text is drawn a
    few cells at a time, so waiting for it on the screen is unreliable)."""
    end = time.monotonic() + timeout
    while not str(load_draft(path).draft.answers.get("q2", "")).endswith(ending):
        assert time.monotonic() < end, f"{ending!r} was never saved"
        time.sleep(0.05)


# -- SIGKILL while typing ----------------------------------------------------------------

TYPING_RUNS = [
    # (seconds between keys, pauses: (after key n, seconds), kill after this many keys)
    (0.06, [], 125),  # typing on without a pause for 7.5 s
    (0.08, [(20, 1.2), (45, 2.0)], 70),  # pauses, killed 2 s into typing again
    (0.05, [(30, 0.5)], 31),  # killed right after a short pause
]


@pytest.mark.parametrize("run", range(len(TYPING_RUNS)))
def test_sigkill_while_typing_loses_at_most_two_seconds(example_draft: Path, run: int) -> None:
    gap, pauses, keys = TYPING_RUNS[run]
    original = str(load_draft(example_draft).draft.answers["q2"])
    text = "".join(f"ord{n:03d} " for n in range(200))[:keys]
    term = Terminal(example_draft)
    to_q2(term)
    sent: list[float] = []
    pause_after = dict(pauses)
    for n, char in enumerate(text):
        term.send(char)
        sent.append(time.monotonic())
        time.sleep(pause_after.get(n + 1, gap))
    killed_at = sent[-1] + gap
    term.kill()

    loaded = load_draft(example_draft)  # loadable, and whole: no "edited outside" notice
    assert not loaded.notices
    saved = str(loaded.draft.answers["q2"])
    assert saved.startswith(original)
    typed = saved[len(original) :]
    assert text.startswith(typed), "the draft holds exactly a beginning of what was typed"
    lost = killed_at - sent[len(typed)] if len(typed) < len(text) else 0.0
    print(f"run {run}: {len(typed)} of {len(text)} keys saved; lost the last {lost:.2f} s")
    assert lost <= 2.0, f"SIGKILL lost {lost:.2f} s of typing"


# -- two rsp-tui on one draft --------------------------------------------------------------


def test_two_processes_on_one_draft(example_draft: Path, tmp_path: Path) -> None:
    first = Terminal(example_draft)
    to_q2(first)
    first.send(" Skrivet i det första fönstret.")
    saved_soon(example_draft, "fönstret.")  # autosaved

    second = Terminal(example_draft)
    second.wait_for("Utkastet är redan öppet")
    second.wait_for(f"(process {first.proc.pid})")
    mark = len(second.output)
    second.send("\r")  # Öppna skrivskyddat
    second.wait_for("SKRIVSKYDDAT", after=mark)
    second.send(F4 + F4 + CTRL_END + "x")
    second.wait_for("ändras", after=mark)  # "… kan inte ändras här"

    first.send(CTRL_Q)
    code, _ = first.finish()
    assert code == 0
    second.send(CTRL_Q)
    code, _ = second.finish()
    assert code == 0
    saved = str(load_draft(example_draft).draft.answers["q2"])
    assert saved.endswith("regioner. Skrivet i det första fönstret.")  # the x was not typed

    # A process that dies by SIGKILL leaves no lock behind: the next one edits at once.
    third = Terminal(example_draft)
    to_q2(third)
    third.kill()
    fourth = Terminal(example_draft)
    to_q2(fourth)
    assert b"Utkastet \xc3\xa4r redan \xc3\xb6ppet" not in fourth.output
    fourth.send(" Efter SIGKILL.")
    saved_soon(example_draft, " Efter SIGKILL.")
    fourth.send(CTRL_Q)
    assert fourth.finish()[0] == 0
    assert str(load_draft(example_draft).draft.answers["q2"]).endswith(" Efter SIGKILL.")


# -- hostile text and broken drafts ----------------------------------------------------------

INJECTED = [
    "\x1b]2;FONSTERTITEL\x07",  # retitles the window
    "\x1b[8mDOLT",  # hides what follows
    "\x1b[2J",  # clears the screen
    "\x1b]8;;http://example.org\x1b\\LANK",  # a hyperlink
    "\x9b31mCSI8",  # 8-bit CSI
]
PASTED = (
    "Före \x01\x07\x08\x0b\x0c\x7f efter. Region \u202eJämtland\u202c שלום مرحبا 🏪 👩🏽\u200d💼"
    " 🇸🇪\r\nrad två\r\n\r\nrad fyra slut"
)
"""A paste as it reaches rsp-tui: control characters (a terminal may let them through),
right-to-left text, emoji and Windows line ends."""


def test_pasted_text_is_saved_exactly_and_never_drives_the_terminal(example_draft: Path) -> None:
    term = Terminal(example_draft)
    to_q2(term)
    mark = len(term.output)
    term.send(PASTE_START + PASTED + PASTE_END)
    saved_soon(example_draft, "rad fyra slut")
    saved = str(load_draft(example_draft).draft.answers["q2"])
    # CRLF is a line end; so are vertical tab and form feed in a text area (Textual's TextArea
    # splits lines as str.splitlines does). Every other character is kept.
    expected = PASTED.replace("\r\n", "\n").replace("\x0b", "\n").replace("\x0c", "\n")
    assert saved.endswith("regioner." + expected)

    # Escape sequences in a paste (most terminals strip them from pastes): Textual's input
    # reader turns them into visible text; whatever arrives, nothing reaches the terminal
    # as a command and the app goes on working.
    term.send(PASTE_START + "Sekvenser: " + "".join(INJECTED) + " slut" + PASTE_END)
    time.sleep(1.0)
    term.send(F4)
    term.wait_for("Del 4 av 12", after=mark)
    term.send(CTRL_Q)
    code, _ = term.finish()
    assert code == 0
    drawn = term.output[mark:]
    for sequence in INJECTED:
        assert sequence.encode() not in drawn, sequence
    for char in "\x01\x07\x08\x0b\x0c\x7f\x9b":
        assert char.encode() not in drawn, repr(char)
    loaded = load_draft(example_draft)
    assert "Sekvenser: " in loaded.draft.answers["q2"] and not loaded.notices


def test_hostile_names_and_answers_in_a_draft_are_drawn_harmlessly(
    example_draft: Path, drafts_folder: Path
) -> None:
    from rsp_tui.drafts import save_draft

    loaded = load_draft(example_draft)
    loaded.draft.region = "Jämtland\x1b]2;REGIONTITEL\x07 Härjedalen"
    loaded.draft.answers["q2"] = "\x1b[8mDOLTSVAR\x1b[0m"
    hostile_name = drafts_folder / "utkast-\x1b[2J-\x1b]2;FILNAMN\x07.toml"
    save_draft(loaded.draft, hostile_name)
    example_draft.unlink()
    term = Terminal(None)
    term.wait_for("Fortsätt (Enter)")
    term.wait_for("FILNAMN")
    mark = len(term.output)
    term.send("\r")
    term.wait_for("Del 1 av", after=mark)
    term.send(F4 + F4)
    term.wait_for("DOLTSVAR", after=mark)
    term.send(CTRL_Q)
    assert term.finish()[0] == 0
    out = term.output
    for sequence in ("\x1b]2;REGIONTITEL", "\x1b]2;FILNAMN", "\x1b[8mDOLTSVAR"):
        assert sequence.encode() not in out
    assert out.count(b"\x1b[2J") <= 1  # Textual's own clear, if any; not the file name's


def test_unreadable_draft_on_the_command_line(drafts_folder: Path) -> None:
    drafts_folder.mkdir(parents=True, exist_ok=True)
    broken = drafts_folder / "trasig.toml"
    broken.write_bytes(b'format = 1\nregion = "Sk\xe5ne"\n')
    before = broken.read_bytes()
    term = Terminal(broken)
    term.wait_for("Utkastet kan inte öppnas")
    term.wait_for("rad 2: filen innehåller tecken som inte är UTF-8")
    term.wait_for("Filen lämnas orörd")
    term.send("\t")  # from Till startskärmen to Avsluta
    time.sleep(0.3)
    term.send("\r")
    code, left = term.finish()
    assert code == 2
    assert "Traceback" not in term.output.decode("utf-8", "replace")
    assert LEAVE_ALT_SCREEN in term.output
    assert broken.read_bytes() == before
    assert sorted(p.name for p in drafts_folder.iterdir()) == ["trasig.toml"]
