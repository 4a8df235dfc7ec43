"""A test-only copy of the form in which every id is renamed: each section id gets the prefix
`del_`, every question, field, column, row and column-group id the prefix `x_` (and so do the
keys that name them: `roles`, `group`, `render_into`, `summary_fields`, `status_field`,
`note_field`). The texts stay word for word. Whatever still works with this form depends on no
id written in the code.

`rename_draft` gives a draft of the real form the renamed form's ids, answer by answer.
"""

from __future__ import annotations

import copy
import tomllib
from pathlib import Path
from typing import Any

import tomlkit

from rsp_tui.drafts.model import ID_KEY, NAME_KEY, Draft
from rsp_tui.forms.schema import FormDefinition, RowsQuestion, TableQuestion
from rsp_tui.paths import builtin_forms_dir

FORM_FILE = "rsp-uppfoljning.toml"
REFERENCE_KEYS = ("group", "render_into", "status_field", "note_field")
"""Keys whose value is the id of another field of the same form."""


def field_id(old: str) -> str:
    """The renamed id of a question, field, column, row or column group."""
    return f"x_{old}"


def section_id(old: str) -> str:
    """The renamed id of a section."""
    return f"del_{old}"


def _rename(node: Any) -> Any:
    if isinstance(node, list):
        return [_rename(x) for x in node]
    if not isinstance(node, dict):
        return node
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key == "id" and isinstance(value, str):
            out[key] = field_id(value)
        elif key in REFERENCE_KEYS and isinstance(value, str) and value:
            out[key] = field_id(value)
        elif key == "summary_fields":
            out[key] = [field_id(v) for v in value]
        else:
            out[key] = _rename(value)
    return out


def renamed_form_text() -> str:
    """The form file with every id renamed (see the module docstring)."""
    data = tomllib.loads((builtin_forms_dir() / FORM_FILE).read_text(encoding="utf-8"))
    sections = []
    for section in data["sections"]:
        renamed = _rename(section)
        renamed["id"] = section_id(section["id"])
        sections.append(renamed)
    data["sections"] = sections
    data["roles"] = {role: field_id(qid) for role, qid in data["roles"].items()}
    return tomlkit.dumps(data)


def write_renamed_form(folder: Path) -> Path:
    """Write the renamed form into `folder` (to be named by RSP_TUI_FORMS_DIR); its path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / FORM_FILE
    path.write_text(renamed_form_text(), encoding="utf-8")
    return path


def _rename_path(form: FormDefinition, key: str) -> str:
    """A `previous` key `q1/servicebidrag/bedomning` or `insatser/o1/<item>/planerade`."""
    parts = key.split("/")
    question = form.question(parts[0])
    parts[0] = field_id(parts[0])
    if isinstance(question, RowsQuestion) and len(parts) >= 4:
        parts[3] = field_id(parts[3])
    elif isinstance(question, TableQuestion) and len(parts) >= 3:
        parts[1] = field_id(parts[1])
        parts[2] = parts[2] if parts[2] == NAME_KEY else field_id(parts[2])
    return "/".join(parts)


def rename_draft(form: FormDefinition, draft: Draft) -> Draft:
    """A copy of `draft` (of the real `form`) with the renamed form's ids."""
    out = draft.model_copy(deep=True)
    answers: dict[str, Any] = {}
    for qid, value in draft.answers.items():
        question = form.question(qid)
        value = copy.deepcopy(value)
        if isinstance(question, TableQuestion) and isinstance(value, dict):
            value = {
                field_id(row): {
                    (col if col == NAME_KEY else field_id(col)): v for col, v in cells.items()
                }
                for row, cells in value.items()
            }
        elif isinstance(question, RowsQuestion) and isinstance(value, dict):
            value = {
                area: [
                    {(k if k == ID_KEY else field_id(k)): v for k, v in item.items()}
                    for item in items
                ]
                for area, items in value.items()
            }
        answers[field_id(qid)] = value
    out.answers = answers
    out.previous = {_rename_path(form, k): v for k, v in draft.previous.items()}
    return out
