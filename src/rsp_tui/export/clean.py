"""Provides the cleaning of answers for Word: characters an XML document cannot hold are
removed in the document (the draft keeps them), and every field that was changed is recorded
so that the user can be told.

XML 1.0 allows tab, line feed and carriage return but no other C0 control character, no lone
surrogate and neither U+FFFE nor U+FFFF; python-docx raises on them (PITFALLS.md). The C1
controls (U+0080–U+009F) are legal XML but invisible junk from pasted text, so they go too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_NOT_FOR_WORD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def word_safe(text: str) -> tuple[str, int]:
    """`text` with line endings normalised to LF and the characters Word cannot hold removed,
    and how many were removed."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    cleaned, count = _NOT_FOR_WORD.subn("", text)
    return cleaned, count


@dataclass
class Cleaner:
    """Cleans text on its way into the document and remembers where it removed something."""

    changed: dict[str, int] = field(default_factory=dict)
    """Removed characters by field location (e.g. `2 Framtidsspaning › Fråga 2`)."""

    def __call__(self, text: object, where: str) -> str:
        """The text of an answer (any value is turned into text), cleaned for Word."""
        if text is None:
            return ""
        cleaned, count = word_safe(text if isinstance(text, str) else str(text))
        if count:
            self.changed[where] = self.changed.get(where, 0) + count
        return cleaned

    def notes(self) -> list[str]:
        """One Swedish note per changed field."""
        out: list[str] = []
        for where, count in self.changed.items():
            what = "ett tecken" if count == 1 else f"{count} tecken"
            out.append(
                f"{where}: {what} som Word inte kan visa (styrtecken) togs bort i dokumentet."
                " Utkastet är oförändrat."
            )
        return out
