"""A document exported by rsp-tui carries its draft (a custom XML part): importing the document
gives the draft back exactly, unless the document was changed after the export or the embedded
draft cannot be trusted; then the answers are read from the text, with a note that says why."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest

from rsp_tui.cli import main
from rsp_tui.drafts import Draft, dumps, load_draft, new_draft
from rsp_tui.drafts.paths import CellPath, QuestionPath
from rsp_tui.drafts.store import CHECKSUM_PREFIX
from rsp_tui.export import export_report
from rsp_tui.export.docx import build
from rsp_tui.export.payload import (
    NAMESPACE,
    PayloadError,
    body_digest,
    parse_payload_xml,
    payload_xml,
)
from rsp_tui.forms import FormDefinition
from rsp_tui.forms.programme import Area, Programme
from rsp_tui.importer import import_docx, import_unchanged
from rsp_tui.importer.official import ImportNote
from rsp_tui.importer.reader import read_blocks, visible

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "exempel-2023.toml"


@pytest.fixture
def example() -> Draft:
    return load_draft(EXAMPLE).draft


@pytest.fixture
def exported(form: FormDefinition, example: Draft, tmp_path: Path) -> Path:
    out = tmp_path / "exempel.docx"
    export_report(form, example, out)
    return out


def payload_name(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.startswith("customXml/item") and NAMESPACE.encode() in z.read(name)[:300]:
                return name
    raise AssertionError("no payload part")


def rewrite_part(path: Path, name: str, data: bytes) -> None:
    """Replace one part of the package, as a tool editing the zip would."""
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    parts[name] = data
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for n, blob in parts.items():
            z.writestr(n, blob)


def describe(notes: list[ImportNote]) -> str:
    return "\n".join(n.describe() for n in notes)


# -- the package ---------------------------------------------------------------------------


def test_the_draft_is_a_declared_custom_xml_part(exported: Path, example: Draft) -> None:
    name = payload_name(exported)
    found = re.search(r"item(\d+)\.xml$", name)
    assert found is not None, name
    number = found.group(1)
    with zipfile.ZipFile(exported) as z:
        types = z.read("[Content_Types].xml").decode()
        rels = z.read("word/_rels/document.xml.rels").decode()
        item_rels = z.read(f"customXml/_rels/item{number}.xml.rels").decode()
        props = z.read(f"customXml/itemProps{number}.xml").decode()
        item = z.read(name)
    # xml parts are declared by the Default for .xml; the properties part has its Override
    assert '<Default Extension="xml" ContentType="application/xml"/>' in types
    assert (
        f'<Override PartName="/customXml/itemProps{number}.xml" ContentType='
        '"application/vnd.openxmlformats-officedocument.customXmlProperties+xml"/>'
    ) in types
    assert f'relationships/customXml" Target="../customXml/item{number}.xml"' in rels
    assert f'relationships/customXmlProps" Target="itemProps{number}.xml"' in item_rels
    assert f'ds:schemaRef ds:uri="{NAMESPACE}"' in props
    # the template's own bibliography part is still item1; ours comes after it
    assert number != "1"
    payload = parse_payload_xml(item)
    assert payload.text == dumps(example)
    assert b'encoding="text"' in item  # readable: the same text as the draft file


def test_text_xml_cannot_hold_is_embedded_as_base64(form: FormDefinition) -> None:
    text = 'q2 = "a\ufffeb\x85c"\n'
    xml = payload_xml(text, "0.1.0")
    assert b'encoding="base64"' in xml and "\ufffe".encode() not in xml
    assert parse_payload_xml(xml).text == text
    assert parse_payload_xml(payload_xml("å <&> \"'", "0.1.0")).text == "å <&> \"'"


def test_the_body_does_not_depend_on_when_it_was_exported(
    form: FormDefinition, example: Draft, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import datetime, tzinfo

    import rsp_tui.export.package as package

    first, _ = build(form, example, draft_mode=False)

    class Later(datetime):
        @classmethod
        def now(cls, tz: tzinfo | None = None) -> Later:
            return cls(2031, 5, 6, 7, 8, 9, tzinfo=tz)

    monkeypatch.setattr(package, "datetime", Later)
    second, _ = build(form, example, draft_mode=False)

    def part(data: bytes, name: str) -> bytes:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return z.read(name)

    assert part(first, "docProps/core.xml") != part(second, "docProps/core.xml")
    assert b"2031-05-06" in part(second, "docProps/core.xml")
    assert part(first, "word/document.xml") == part(second, "word/document.xml")


@pytest.mark.parametrize(
    "blob, reason",
    [
        (b"<draft xmlns='urn:x-rsp-tui:draft:1' encoding='text'><x/></draft>", "okänd form"),
        (b"<draft xmlns='urn:x-rsp-tui:draft:1' encoding='zip'>abc</draft>", "okänd kodning"),
        (b"<draft xmlns='urn:x-rsp-tui:draft:1' encoding='base64'>@@@</draft>", "skadat"),
        (b"<draft xmlns='urn:x-rsp-tui:draft:1'", "inte giltig XML"),
        (
            b'<!DOCTYPE d [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
            b"<draft xmlns='urn:x-rsp-tui:draft:1' encoding='text'>&e;</draft>",
            "inte ren XML",
        ),
    ],
)
def test_a_payload_not_written_by_rsp_tui_is_refused(blob: bytes, reason: str) -> None:
    with pytest.raises(PayloadError, match=reason):
        parse_payload_xml(blob)


# -- exact import ----------------------------------------------------------------------------


def test_the_exported_example_comes_back_exactly(exported: Path, example: Draft) -> None:
    result = import_docx(exported)
    assert result.exact and result.notes == []
    assert result.draft.model_dump() == example.model_dump()


def test_insats_ids_email_lists_and_removed_characters_come_back(
    form: FormDefinition, tmp_path: Path
) -> None:
    """What the text cannot carry: ids, e-mails as typed, control characters, blank lines at
    the ends, a description line that looks like the printed total."""
    programme = Programme(omraden=[Area(number="1", title="Service")])
    draft = new_draft(form, "Gotland", 2024, programme)
    draft.set(CellPath("q4", "rsp", "epost"), "a@x.se,b@x.se ; c@x.se")
    draft.set(QuestionPath("q2"), "\n\nFöre\x07efter\n\n")
    draft.set(CellPath("q3", "processledning", "beskrivning"), "Anna\nTotalt: 3 årsarbetskrafter")
    item = draft.add_item("insatser", "o1", {"planerade": "Dialog", "serviceslag": ["Drivmedel"]})
    out = tmp_path / "gotland.docx"
    export_report(form, draft, out, draft_mode=True)
    result = import_docx(out)
    assert result.exact
    back = result.draft
    assert back.answers["q4"]["rsp"]["epost"] == "a@x.se,b@x.se ; c@x.se"
    assert back.answers["q2"] == "\n\nFöre\x07efter\n\n"
    assert back.answers["q3"].get("processledning") == {"beskrivning": "Anna\nTotalt: 3 årsarbetskrafter"}
    assert back.items("insatser", "o1")[0]["_id"] == item["_id"]


def test_formatting_and_empty_paragraphs_added_in_word_keep_it_exact(
    exported: Path, example: Draft
) -> None:
    document = docx.Document(str(exported))
    for run in document.paragraphs[3].runs:
        run.bold = True
        run.italic = True
    document.paragraphs[5].insert_paragraph_before("")
    document.add_paragraph("")
    document.core_properties.author = "Någon annan"
    document.save(str(exported))
    result = import_docx(exported)
    assert result.exact, describe(result.notes)
    assert result.draft.model_dump() == example.model_dump()


def test_a_cell_changed_in_word_is_read_from_the_text_and_said(
    exported: Path, example: Draft
) -> None:
    document = docx.Document(str(exported))
    q1 = document.tables[1]  # after the Datum / Upprättad av table
    row = next(r for r in q1.rows if r.cells[0].text == "Servicebidrag")
    comment = row.cells[-1]
    comment.paragraphs[0].text = "Ändrat i Word efter exporten."
    for extra in comment.paragraphs[1:]:
        extra._p.getparent().remove(extra._p)
    document.save(str(exported))

    result = import_docx(exported)
    assert not result.exact
    first = result.notes[0].describe()
    assert first.startswith("Dokumentet: har ändrats i Word")
    assert 'första ändringen: Fråga 1, tabellen, rad 4 ("Servicebidrag"), kolumn "Kommentar"' in first
    assert "svaren är lästa från dokumentets text" in first
    assert len(result.notes) == 1, describe(result.notes)  # nothing else is out of place
    back = result.draft
    assert back.get(CellPath("q1", "servicebidrag", "kommentar")) == "Ändrat i Word efter exporten."
    # everything else is read from the text as it stands
    assert back.answers["q1"].get("dagligvarubutiker") == example.answers["q1"].get(
        "dagligvarubutiker"
    )
    assert back.answers["q2"] == example.answers["q2"]


def test_a_paragraph_changed_in_word(exported: Path, example: Draft) -> None:
    document = docx.Document(str(exported))
    answer = next(p for p in document.paragraphs if p.text == example.answers["q5"])
    answer.add_run(" Tillagt.")
    document.save(str(exported))
    result = import_docx(exported)
    assert not result.exact
    beginning = example.answers["q5"][:20]
    assert f'första ändringen: efter Fråga 5, stycket som börjar "{beginning}' in result.notes[0].text
    assert "stycke 1" not in result.notes[0].text
    assert result.draft.answers["q5"] == example.answers["q5"] + " Tillagt."


@pytest.mark.parametrize(
    "change, reason",
    [
        (lambda t: t.replace("Jämtland Härjedalen", "Skåne", 1), "kontrollsumman stämmer inte"),
        (lambda t: "inte ett utkast\n" + CHECKSUM_PREFIX + "0" * 64 + "\n", "kontrollsumman"),
        (
            lambda t: re.sub(r"sha256=\w+", "sha256=" + "0" * 64, t.replace("year = 2023", "")),
            "kontrollsumman",
        ),
    ],
)
def test_an_altered_payload_is_not_trusted(
    exported: Path, example: Draft, change: Callable[[str], str], reason: str
) -> None:
    name = payload_name(exported)
    with zipfile.ZipFile(exported) as z:
        text = parse_payload_xml(z.read(name)).text
    rewrite_part(exported, name, payload_xml(change(text), "0.1.0"))
    result = import_docx(exported)
    assert not result.exact
    assert result.notes[0].where == "Inbäddat utkast"
    assert reason in result.notes[0].text
    assert result.draft.answers["q2"] == example.answers["q2"]  # read from the text


def test_a_payload_that_is_no_draft_is_not_trusted(exported: Path) -> None:
    body = "format = 1\nform_id = 42\n"
    import hashlib

    text = body + CHECKSUM_PREFIX + hashlib.sha256(body.encode()).hexdigest() + "\n"
    rewrite_part(exported, payload_name(exported), payload_xml(text, "0.1.0"))
    result = import_docx(exported)
    assert not result.exact
    assert "går inte att läsa" in result.notes[0].text and "form_id" in result.notes[0].text


def test_a_consistent_but_different_payload_loses_to_the_text(
    exported: Path, example: Draft
) -> None:
    """A payload rewritten with a valid checksum still has to say what the document says."""
    other = example.model_copy(deep=True)
    other.answers["q2"] = "Något annat än det som står i dokumentet."
    rewrite_part(exported, payload_name(exported), payload_xml(dumps(other), "0.1.0"))
    result = import_docx(exported)
    assert not result.exact
    assert result.draft.answers["q2"] == example.answers["q2"]


def test_a_document_from_another_rsp_tui_version_says_so(exported: Path) -> None:
    name = payload_name(exported)
    with zipfile.ZipFile(exported) as z:
        text = parse_payload_xml(z.read(name)).text
    rewrite_part(exported, name, payload_xml(text, "0.0.9"))
    assert import_docx(exported).exact  # same text: the version does not matter
    document = docx.Document(str(exported))
    document.paragraphs[2].add_run(" (ändrad)")
    document.save(str(exported))
    note = import_docx(exported).notes[0].text
    assert "exporterades av rsp-tui 0.0.9" in note


def test_the_check_compares_the_body_text_only(exported: Path, form: FormDefinition) -> None:
    """Re-composed body and the saved document's body have the same visible text."""
    from rsp_tui.export.docx import compose

    draft = load_draft(EXAMPLE).draft
    composed = read_blocks(compose(form, draft, draft_mode=True).doc.element.body)
    saved = read_blocks(docx.Document(str(exported)).element.body)
    assert visible(composed) == visible(saved)


def test_cli_import_of_an_exported_document(
    exported: Path, example: Draft, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "tillbaka.toml"
    assert main(["import", str(exported), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "lästes in exakt" in err and "att kontrollera" not in err
    assert load_draft(out).draft.answers == example.answers


def test_cli_says_when_a_document_was_changed_after_the_export(
    exported: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = docx.Document(str(exported))
    document.tables[1].rows[1].cells[-1].paragraphs[0].add_run(" Ny kommentar.")
    document.save(str(exported))
    assert main(["import", str(exported), "-o", str(tmp_path / "y.toml")]) == 0
    err = capsys.readouterr().err
    assert "exakt" not in err
    assert "1 sak att kontrollera" in err
    assert "Dokumentet: har ändrats i Word" in err


def test_escape_sequences_from_a_payload_never_reach_the_terminal(
    exported: Path, example: Draft, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A crafted document: its embedded draft names a question "ESC[2J" (clear screen), and
    the error that names it must not carry the escape sequence to the terminal."""
    import hashlib

    text = dumps(example).rsplit(CHECKSUM_PREFIX, 1)[0]
    body = text + '\n[answers."\\u001b[2J\\u009b31m"]\nx = "y"\n'
    crafted = body + CHECKSUM_PREFIX + hashlib.sha256(body.encode()).hexdigest() + "\n"
    rewrite_part(exported, payload_name(exported), payload_xml(crafted, "0.1.0\x9b2J"))
    result = import_docx(exported)
    assert not result.exact
    assert "\x1b" in result.notes[0].text  # the note keeps what the document said ...
    described = result.notes[0].describe()
    assert "\x1b" not in described and "\x9b" not in described  # ... but shows it harmlessly
    assert "\\x1b[2J" in described
    assert main(["import", str(exported), "-o", str(tmp_path / "y.toml")]) == 0
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\x9b" not in err and "\x07" not in err


# -- the cheap check: the document part's digest --------------------------------------------


def test_an_untouched_document_is_read_exactly_without_composing_it(
    exported: Path, example: Draft, form: FormDefinition, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The digest in the payload ties the document part's bytes to the draft: while both are
    as exported, the draft is used without composing the document again."""
    with zipfile.ZipFile(exported) as z:
        payload = parse_payload_xml(z.read(payload_name(exported)))
        body = z.read("word/document.xml")
    assert payload.digest == body_digest(body, payload.text)
    assert import_unchanged(exported, form) is not None

    def compose_not_allowed(*_: object) -> None:
        raise AssertionError("composed the document again")

    monkeypatch.setattr("rsp_tui.importer.exact._composed_body", compose_not_allowed)
    result = import_docx(exported, form)
    assert result.exact and not result.notes
    assert result.draft.model_dump() == example.model_dump()


def test_a_cell_edited_after_the_export_takes_the_full_way(
    exported: Path, example: Draft, form: FormDefinition
) -> None:
    document = docx.Document(str(exported))
    row = next(r for r in document.tables[1].rows if r.cells[0].text == "Servicebidrag")
    row.cells[-1].paragraphs[0].text = "Ändrat efteråt."
    document.save(str(exported))
    assert import_unchanged(exported, form) is None
    result = import_docx(exported, form)
    assert not result.exact
    assert result.notes[0].describe().startswith("Dokumentet: har ändrats i Word")
    assert result.draft.get(CellPath("q1", "servicebidrag", "kommentar")) == "Ändrat efteråt."


def test_a_different_payload_under_the_old_digest_is_not_trusted(
    exported: Path, example: Draft, form: FormDefinition
) -> None:
    """The digest covers the draft text too: a payload swapped for another valid draft (its
    digest kept) is checked the full way, and loses to the text."""
    name = payload_name(exported)
    with zipfile.ZipFile(exported) as z:
        digest = parse_payload_xml(z.read(name)).digest
    other = example.model_copy(deep=True)
    other.answers["q2"] = "Något annat än det som står i dokumentet."
    rewrite_part(exported, name, payload_xml(dumps(other), "0.1.0", digest))
    assert import_unchanged(exported, form) is None
    result = import_docx(exported, form)
    assert not result.exact
    assert result.draft.answers["q2"] == example.answers["q2"]
    rewrite_part(exported, name, payload_xml(dumps(example), "0.1.0", "sha256:åäö\x85"))
    assert import_unchanged(exported, form) is None  # a digest that is no digest
    assert import_docx(exported, form).exact  # the full way: the text says what it says


def test_a_document_without_a_digest_is_still_read_exactly(
    exported: Path, example: Draft, form: FormDefinition
) -> None:
    """Documents exported before the digest existed take the full way, as before."""
    name = payload_name(exported)
    with zipfile.ZipFile(exported) as z:
        payload = parse_payload_xml(z.read(name))
    rewrite_part(exported, name, payload_xml(payload.text, payload.app_version))
    assert import_unchanged(exported, form) is None
    result = import_docx(exported, form)
    assert result.exact, describe(result.notes)
    assert result.draft.model_dump() == example.model_dump()
