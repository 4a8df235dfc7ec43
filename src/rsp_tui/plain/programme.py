"""Provides the plain mode's programme commands: a region whose programme is not in rsp-tui
types its prioriterade områden and mål here (`:område ny`, `:mål ny`, `:område ta bort N`),
so that Del B can be filled in without the app. Headless."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rsp_tui.structure import parts

if TYPE_CHECKING:
    from rsp_tui.plain.walker import Walker

HELP = """\
Programmet, i delen Programmet:
:område ny – lägg till ett prioriterat område: nummer och rubrik.
:mål ny – lägg till ett mål i ett område: kod och text.
:område ta bort och ett nummer – ta bort ett område utan insatser."""


def area_command(w: Walker, rest: str) -> None:
    """`:område ny` or `:område ta bort N`."""
    words = rest.casefold().split()
    if words[:1] == ["ny"]:
        _new_area(w)
    elif words[:2] == ["ta", "bort"] and len(words) == 3 and words[2].isdigit():
        _remove_area(w, int(words[2]))
    else:
        w.c.say("Skriv :område ny, eller :område ta bort och numret i listan.")
    w.quiet_intro = True


def goal_command(w: Walker, rest: str) -> None:
    """`:mål ny`: a goal in one of the områden."""
    if rest.casefold().split()[:1] != ["ny"]:
        w.c.say("Skriv :mål ny för att lägga till ett mål.")
        w.quiet_intro = True
        return
    if not _writable(w):
        return
    areas = w.draft.programme.omraden
    if not areas:
        w.c.say("Lägg först till ett område med :område ny.")
        w.quiet_intro = True
        return
    for n, area in enumerate(areas, 1):
        w.c.say(f"{n}. {w.form.labels.area_title(area.number, area.title)}")
    line = w.c.ask("Vilket område, numret i listan: ").strip()
    if not (line.isdigit() and 1 <= int(line) <= len(areas)):
        w.c.say("Inget mål lades till.")
        w.quiet_intro = True
        return
    area = areas[int(line) - 1]
    code = w.c.ask(f"Målets kod, till exempel {area.number}.1: ").strip()
    text = w.c.ask("Målets text: ").strip()
    if not code or not text:
        w.c.say("Ett mål behöver både kod och text. Inget mål lades till.")
    elif w.draft.programme.goal(code) is not None:
        w.c.say(f"Det finns redan ett mål med koden {code}. Inget mål lades till.")
    else:
        w.session.add_goal(area.id, code, text)
        _changed(w, f"Mål {code} är tillagt i område {area.number}.")
    w.quiet_intro = True


def _new_area(w: Walker) -> None:
    if not _writable(w):
        return
    number = w.c.ask("Områdets nummer, till exempel 4: ").strip()
    title = w.c.ask("Områdets rubrik: ").strip()
    if not number or not title:
        w.c.say("Ett område behöver både nummer och rubrik. Inget område lades till.")
        return
    w.session.add_area(number, title)
    _changed(
        w, f"{w.form.labels.area_title(number)} är tillagt. Lägg till dess mål med :mål ny."
    )


def _remove_area(w: Walker, number: int) -> None:
    if not _writable(w):
        return
    areas = w.draft.programme.omraden
    if not 1 <= number <= len(areas):
        w.c.say(f"Det finns inget område {number} i listan.")
        return
    area = areas[number - 1]
    count = w.session.item_count(area.id)
    if count:
        w.c.say(
            f"{w.form.area_name(area)} har {count} insatser. Ta bort dem först, så att inget"
            " försvinner av misstag."
        )
        return
    line = w.c.ask(f"Ta bort område {area.number}, {area.title}? Skriv j för ja: ")
    if line.strip().casefold() not in ("j", "ja"):
        w.c.say("Inget togs bort.")
        return
    w.session.remove_area(area.id)
    _changed(w, f"{w.form.area_name(area)} är borttaget.")


def _changed(w: Walker, said: str) -> None:
    w.save_quietly()
    current = w.part.key
    w.parts = parts(w.form, w.draft)
    w.part_index = next((n for n, p in enumerate(w.parts) if p.key == current), 0)
    w.c.say(said)


def _writable(w: Walker) -> bool:
    if w.session.read_only is not None:
        w.c.say(f"Inget ändras: {w.session.read_only}")
        w.quiet_intro = True
        return False
    return True
