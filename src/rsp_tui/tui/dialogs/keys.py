"""Provides the keys overview (F1 on the start screen, ? where nothing is being typed, or
Kommandon › Tangentbord): every key of the screen below, the hidden ones too, and how to reach
the same thing without F-keys or Option-as-Meta (through Ctrl+P, Kommandon)."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Label, Static

ALTERNATIVES = {
    "toggle-help": "Kommandon › Visa eller dölj hjälpen",
    "focus-parts": "Kommandon › Gå till del …",
    "previous-part": "Kommandon › Föregående del",
    "next-part": "Kommandon › Nästa del",
    "review": "Kommandon › Kontrollera",
    "insats-add": "Kommandon › Ny insats",
    "insats-duplicate": "Kommandon › Duplicera insatsen",
    "insats-up": "Kommandon › Flytta insatsen upp",
    "insats-down": "Kommandon › Flytta insatsen ned",
    "save": "Kommandon › Spara",
    "reload": "Kommandon › Läs om listan",
    "keys": "Kommandon › Tangentbord",
    "insats-delete": "fn+Backspace på en Mac",
    "toggle-sidebar": "Kommandon › Visa eller dölj delarna",
}
"""By binding id: the same action without the key (the command palette, Ctrl+P)."""

TEXTUAL_DESCRIPTIONS = {"copy_text": "Kopiera markerad text"}
"""Textual's own keys that are worth listing, by action, in Swedish."""

KEY_NAMES = {
    "ctrl": "Ctrl", "alt": "Alt", "shift": "Shift", "up": "↑", "down": "↓", "left": "←",
    "right": "→", "escape": "Esc", "enter": "Enter", "tab": "Tab", "delete": "Delete",
    "pageup": "PageUp", "pagedown": "PageDown", "home": "Home", "end": "End",
    "question_mark": "?", "space": "Mellanslag",
}  # fmt: skip

FOOTNOTE = (
    "Ctrl+P öppnar Kommandon: där finns allt som F-tangenterna och Alt-tangenterna gör, så"
    " det fungerar i macOS Terminal utan Option som Meta-tangent och på en dator utan"
    " F-tangenter. På en Mac trycks F-tangenterna med fn. Tab och Shift+Tab går mellan"
    " fälten, Mellanslag kryssar i en ruta, Ctrl+Q avslutar (allt är redan sparat)."
)


def key_name(key: str) -> str:
    """`ctrl+pageup` → `Ctrl+PageUp`, `alt+up` → `Alt+↑`, `f1` → `F1`."""
    parts = []
    for part in key.split("+"):
        name = KEY_NAMES.get(part)
        if name is None:
            name = part.upper() if len(part) <= 3 else part.capitalize()
        parts.append(name)
    return "+".join(parts)


def key_rows(screen: Screen[object]) -> list[tuple[str, str, str]]:
    """(keys, what it does, alternative) for every described key of `screen`: the app's,
    the screen's and rsp-tui's own widgets' (Textual's text-editing keys are left out)."""
    rows: dict[tuple[int, str], tuple[list[str], str, str]] = {}
    for key, active in screen.active_bindings.items():
        binding, node = active.binding, active.node
        if not binding.description or binding.system:
            continue
        what = TEXTUAL_DESCRIPTIONS.get(binding.action)
        if what is None:
            if not _declared_by_rsp_tui(node, binding):
                continue
            what = binding.description
        slot = (id(node), binding.action)
        keys, _, _ = rows.setdefault(slot, ([], what, ALTERNATIVES.get(binding.id or "", "")))
        name = key_name(key)
        if name not in keys and "Super" not in name:
            keys.append(name)
    return [
        (" eller ".join(sorted(keys, key=lambda k: not k.startswith("F"))), what, alt)
        for keys, what, alt in rows.values()
    ]


def _declared_by_rsp_tui(node: object, binding: Binding) -> bool:
    """The binding comes from rsp-tui's own BINDINGS, not from a Textual base class."""
    for cls in type(node).__mro__:
        if not cls.__module__.startswith("rsp_tui"):
            continue
        for declared in cls.__dict__.get("BINDINGS", []):
            if isinstance(declared, Binding) and declared.action == binding.action:
                return True
    return False


class KeysDialog(ModalScreen[None]):
    """Every key of the screen below, with alternatives."""

    DEFAULT_CSS = """
    KeysDialog { align: center middle; }
    KeysDialog > Vertical {
        width: 96; max-width: 100%; height: auto; max-height: 100%; padding: 0 1;
        border: thick $accent; background: $surface;
    }
    KeysDialog .dialog-title { text-style: bold; }
    KeysDialog VerticalScroll { height: auto; max-height: 1fr; }
    KeysDialog Horizontal { height: auto; align-horizontal: right; }
    """

    BINDINGS = [
        Binding("escape", "close", "Stäng", id="dialog-cancel"),
        Binding("f1", "close", "Stäng", show=False),
    ]

    def __init__(self, below: Screen[object]):
        super().__init__()
        self.rows = key_rows(below)

    def compose(self) -> ComposeResult:
        table = Table(box=None, expand=True, show_edge=False, pad_edge=False)
        table.add_column("Tangent", no_wrap=True, style="bold")
        table.add_column("Gör")
        table.add_column("Utan den tangenten")
        for keys, what, alt in self.rows:
            table.add_row(keys, what, alt or "–")
        with Vertical():
            yield Label("Tangentbord", classes="dialog-title")
            with VerticalScroll():
                yield Static(table)
                yield Static(Text(FOOTNOTE))
            with Horizontal():
                yield Button("Stäng", id="close")

    def on_mount(self) -> None:
        self.query_one("#close", Button).focus()

    @on(Button.Pressed, "#close")
    def action_close(self) -> None:
        self.dismiss(None)
