"""Provides the field kinds of form files, one class per kind, and their registry.

Every module in this package is imported here, so a new kind is added by dropping a module
with its class (a subclass of `FieldKind` with `kind: Literal["name"]`) into this folder.
Validation, `check`, the document, the importer, the summary and the plain mode ask the kind.
The app edits a kind it has no entry for in `rsp_tui.tui.widgets.registry.BOXES` as one line
of text; another editor is one entry there. `tests/kinds_percent.py` is a worked example.
"""

from __future__ import annotations

import importlib
import pkgutil

from rsp_tui.forms.kinds.base import (
    KINDS,
    FieldBase,
    FieldKind,
    Id,
    LeafField,
    Parsed,
    Strict,
    blank,
    dispatch,
)
from rsp_tui.forms.kinds.choice import ChoiceField, MarksField
from rsp_tui.forms.kinds.date import DateField
from rsp_tui.forms.kinds.decimal import DecimalField
from rsp_tui.forms.kinds.goals import GoalsField
from rsp_tui.forms.kinds.text import EmailsField, TextAreaField, TextField

for _module in pkgutil.iter_modules(__path__):
    importlib.import_module(f"{__name__}.{_module.name}")

__all__ = [
    "KINDS",
    "ChoiceField",
    "DateField",
    "DecimalField",
    "EmailsField",
    "FieldBase",
    "FieldKind",
    "GoalsField",
    "Id",
    "LeafField",
    "MarksField",
    "Parsed",
    "Strict",
    "TextAreaField",
    "TextField",
    "blank",
    "dispatch",
]
