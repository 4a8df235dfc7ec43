"""Hostile answers survive save → load → export: control characters, terminal escape
sequences, right-to-left text, emoji, 1 MB of text, pasted CRLF text."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from rsp_tui.drafts import Draft, load_draft, save_draft
from rsp_tui.drafts.paths import QuestionPath
from rsp_tui.export import export_report
from rsp_tui.forms import FormDefinition

HOSTILE = {
    "control": "före\x00\x01\x07\x08\x0b\x0c\x7fefter",
    "escape": "\x1b[31mröd\x1b[0m \x1b]0;titel\x07 \x1b[2J",
    "rtl": "Region \u202eJämtland\u202c och \u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627",
    "emoji": "Butik 🏪 med 👩🏽‍💼 och 🇸🇪",
    "zero_width": "a\u200bb\u200dc\ufeffd",
    "crlf": "rad ett\r\nrad två\r\n\r\nrad fyra",
}


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_hostile_answer_survives_save_load_export(
    form: FormDefinition, draft: Draft, tmp_path: Path, kind: str
) -> None:
    text = HOSTILE[kind]
    draft.set(QuestionPath("q2"), text)
    item = draft.add_item("insatser", "o1", {"planerade": text, "status": "Fortsätter"})
    path = tmp_path / "d.toml"
    save_draft(draft, path)
    loaded = load_draft(path).draft
    expected = text.replace("\r\n", "\n")
    assert loaded.answers["q2"] == expected
    found = loaded.find_item("insatser", "o1", item["_id"])
    assert found is not None and found["planerade"] == expected
    out = tmp_path / "d.docx"
    result = export_report(form, loaded, out, draft_mode=True)
    body = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    word_safe = "".join(c for c in expected if c in "\t\n" or (ord(c) >= 0x20 and c != "\x7f"))
    if word_safe != expected:
        assert any("Fråga 2" in n for n in result.notes)
        assert any("Insats 1" in n or "Område 1" in n for n in result.notes)
    else:
        assert result.notes == []
    for line in word_safe.split("\n"):
        if line.strip():
            assert line.replace("\x1b", "") in body or line in body
    assert load_draft(path).draft.answers["q2"] == expected  # the draft keeps every character


def test_one_megabyte_answer(form: FormDefinition, draft: Draft, tmp_path: Path) -> None:
    text = ("Ett långt svar om service på landsbygden, rad för rad. " * 18 + "\n") * 1000
    assert len(text.encode()) > 1_000_000
    draft.set(QuestionPath("q5"), text)
    path = tmp_path / "stor.toml"
    save_draft(draft, path)
    assert load_draft(path).draft.answers["q5"] == text
    export_report(form, draft, tmp_path / "stor.docx", draft_mode=True)
    body = "\n".join(p.text for p in docx.Document(str(tmp_path / "stor.docx")).paragraphs)
    assert text.strip() in body
