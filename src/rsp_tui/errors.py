"""Provides the project's exceptions; every message is Swedish and names the file it is about."""

from __future__ import annotations

from pathlib import Path


class RspError(Exception):
    """Base class: a problem the user can understand and act on.

    Args:
        message: Swedish text for the user.
        path: the file the problem is in, if any.
        line: the 1-based line in that file, if known.
    """

    def __init__(self, message: str, path: Path | str | None = None, line: int | None = None):
        self.message = message
        self.path = Path(path) if path is not None else None
        self.line = line
        super().__init__(self.describe())

    def describe(self) -> str:
        """The full message: `file, rad N: message`."""
        if self.path is None:
            return self.message
        where = str(self.path)
        if self.line is not None:
            where += f", rad {self.line}"
        return f"{where}: {self.message}"


class FormDefinitionError(RspError):
    """A form, programme or region file under forms/ is broken."""


class DraftError(RspError):
    """A draft cannot be read, or cannot be written."""


class DraftLockedError(DraftError):
    """The draft is open for writing in another rsp-tui."""


class ExportError(RspError):
    """The document could not be produced."""


OMITTED = "(texten utelämnad: den kan innehålla svar)"
"""Shown instead of an exception's text in a traceback."""


def safe_traceback(error: BaseException) -> str:
    """The traceback of `error` as plain text: where it happened and which exceptions, never
    their text (it may quote answers) nor any variables."""
    import traceback

    lines: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = error
    chain: list[BaseException] = []
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        chain.append(current)
        current = current.__cause__ or current.__context__
    for n, exc in enumerate(reversed(chain)):
        if n:
            lines.append("\nDärefter:\n")
        lines.append("Traceback (most recent call last):\n")
        lines.extend(traceback.format_list(traceback.extract_tb(exc.__traceback__)))
        lines.append(f"{type(exc).__module__}.{type(exc).__qualname__}: {OMITTED}\n")
    return "".join(lines)
