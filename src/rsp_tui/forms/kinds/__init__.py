"""Provides the field kinds of form files, one class per kind, and their registry.

Every module in this package is imported here, so a new kind is added by dropping a module
with its class (a subclass of `FieldKind`) into this folder; nothing else needs to change.
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
