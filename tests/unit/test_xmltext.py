"""The export's XML escaping gives what `xml.sax.saxutils` gives (which it replaces so that an
export does not import `urllib.request` and `ssl`)."""

from __future__ import annotations

from xml.sax import saxutils

from hypothesis import given, settings
from hypothesis import strategies as st

from rsp_tui.export.xmltext import escape, quoteattr

TRICKY = ["", "a & b", "<w:t>", "5 > 3", "&amp;", 'sa "hej"', "it's", "\"'", "rad\nrad\r\tx"]
text = st.text(alphabet=st.sampled_from(list("aö &<>\"'\n\r\t;#")), max_size=30)


def test_tricky_texts_as_saxutils() -> None:
    for data in TRICKY:
        assert escape(data) == saxutils.escape(data)
        assert escape(data, {'"': "&quot;"}) == saxutils.escape(data, {'"': "&quot;"})
        assert quoteattr(data) == saxutils.quoteattr(data)


@settings(max_examples=300, deadline=None)
@given(text)
def test_any_text_as_saxutils(data: str) -> None:
    assert escape(data) == saxutils.escape(data)
    assert escape(data, {'"': "&quot;"}) == saxutils.escape(data, {'"': "&quot;"})
    assert quoteattr(data) == saxutils.quoteattr(data)


def test_export_does_not_import_xml_sax() -> None:
    import subprocess
    import sys

    code = (
        "import sys, rsp_tui.export.docx\n"
        "print(sorted(m for m in ('xml.sax', 'urllib.request', 'ssl') if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "[]", result.stderr
