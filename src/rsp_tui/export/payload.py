"""Provides the draft embedded in an exported document, so that `rsp-tui import` can give the
draft back exactly (the visible text cannot carry everything: insats ids, characters Word cannot
hold, e-mail lists as typed, blank lines at the ends of answers, …).

The draft file's text (`rsp_tui.drafts.dumps`, checksum line included) is stored as a custom
XML data part, the package's standard place for an application's own data; Word keeps such
parts when it saves, and neither Word nor LibreOffice shows them:

- `/customXml/itemN.xml` (content type `application/xml`), related from the document part:
  `<draft xmlns="urn:x-rsp-tui:draft:1" encoding="text" app-version="…" body-digest="…">TOML
  </draft>`;
- `/customXml/itemPropsN.xml`, its data-store properties (an item id and the namespace).

The text is stored as it is when XML can hold every character of it, otherwise as base64
(`encoding="base64"`): a draft keeps the characters Word cannot hold (U+FFFE, C1 controls),
and TOML writes a few of them unescaped.

`body-digest` (`body_digest`) is a SHA-256 over the document part's bytes as written and the
draft text: while it still matches, the document is byte for byte what rsp-tui exported from
that draft, and the importer can skip composing the document again to compare its text (see
`rsp_tui.importer.exact`). Documents from versions without it take the old way.

Reading (`extract`) trusts nothing: the part must be small enough, plain XML without a DTD or
entities, with exactly the expected root; what it holds is only ever text, which the importer
then reads as a draft file and checks against the document's visible text.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
import uuid
from dataclasses import dataclass
from typing import Any

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part

from rsp_tui.export.xmltext import escape, quoteattr

NAMESPACE = "urn:x-rsp-tui:draft:1"
"""Namespace of the payload's root element (also its schema reference in the data store)."""
ROOT = "draft"
MAX_PAYLOAD_BYTES = 40 * 1024 * 1024
"""A larger part is not ours (a draft is at most 25 MB; base64 adds a third)."""

_DS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/customXml"
_XML_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
"""Characters XML 1.0 cannot hold, plus DEL, the C1 controls and CR, which some XML tools
rewrite: text with any of them is stored as base64. (Everything but tab, newline, the
printable ASCII, U+00A0–U+D7FF, U+E000–U+FFFD and the supplementary planes, written as the
characters it excludes: the negated class with the planes took 6 ms to compile on every
export, this one under 1 ms; the same set, checked over every code point.)"""
_NOT_PLAIN_XML = re.compile(rb"<!DOCTYPE|<!ENTITY|<!\[CDATA\[", re.IGNORECASE)


class PayloadError(Exception):
    """The document has an rsp-tui payload part, but it cannot be read. The message is Swedish
    and says what is wrong with the embedded draft (`är för stort`)."""


@dataclass(frozen=True)
class Payload:
    """The draft text found in a document, and which rsp-tui exported it."""

    text: str
    app_version: str
    digest: str = ""
    """`body_digest` of the document as exported ("" from versions that did not write it)."""


DIGEST_PREFIX = "sha256:"


def body_digest(document_xml: bytes, text: str) -> str:
    """The digest that ties the document part's bytes (`word/document.xml`) to the embedded
    draft `text`: a change to either (an edit in Word, another payload) no longer matches."""
    h = hashlib.sha256(b"rsp-tui body digest 1\0")
    h.update(hashlib.sha256(document_xml).digest())
    h.update(hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest())
    return DIGEST_PREFIX + h.hexdigest()


def payload_xml(text: str, app_version: str, digest: str = "") -> bytes:
    """The payload part's XML for the draft file's `text` (with `digest`, see `body_digest`,
    when given)."""
    if _XML_UNSAFE.search(text):
        encoding, content = "base64", base64.b64encode(text.encode("utf-8")).decode("ascii")
    else:
        encoding, content = "text", escape(text)
    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        f'<{ROOT} xmlns="{NAMESPACE}" encoding="{encoding}"'
        f" app-version={quoteattr(app_version)}"
        + (f" body-digest={quoteattr(digest)}" if digest else "")
        + f">{content}</{ROOT}>"
    ).encode()


def _props_xml(text: str) -> bytes:
    # The item id is derived from the content: the same draft always gives the same package.
    item_id = uuid.uuid5(uuid.NAMESPACE_URL, NAMESPACE + "#" + text)
    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='no'?>\n"
        f'<ds:datastoreItem ds:itemID="{{{str(item_id).upper()}}}" xmlns:ds="{_DS_NS}">'
        f'<ds:schemaRefs><ds:schemaRef ds:uri="{NAMESPACE}"/></ds:schemaRefs>'
        "</ds:datastoreItem>"
    ).encode()


def _free_number(package: Any) -> int:
    names = {str(p.partname) for p in package.iter_parts()}
    n = 1
    while f"/customXml/item{n}.xml" in names or f"/customXml/itemProps{n}.xml" in names:
        n += 1
    return n


def embed(document: Any, text: str) -> None:
    """Add the draft file's `text` to a python-docx `document` as its payload part, with the
    digest of the document part as it is now: call this last, just before saving."""
    from rsp_tui import __version__

    package = document.part.package
    n = _free_number(package)
    digest = body_digest(document.part.blob, text)
    xml = payload_xml(text, __version__, digest)
    item = Part(PackURI(f"/customXml/item{n}.xml"), CT.XML, xml, package)
    props = Part(
        PackURI(f"/customXml/itemProps{n}.xml"),
        CT.OFC_CUSTOM_XML_PROPERTIES,
        _props_xml(text),
        package,
    )
    item.relate_to(props, RT.CUSTOM_XML_PROPS)
    document.part.relate_to(item, RT.CUSTOM_XML)


def _payload_rels(document: Any) -> list[tuple[str, Any]]:
    """(relationship id, part) of every custom XML part whose root is our payload's."""
    found: list[tuple[str, Any]] = []
    for r_id, rel in list(document.part.rels.items()):
        if rel.reltype != RT.CUSTOM_XML or rel.is_external:
            continue
        blob = rel.target_part.blob
        head = blob[:512].decode("utf-8", "replace")
        if NAMESPACE in head:
            found.append((r_id, rel.target_part))
    return found


def extract(document: Any) -> Payload | None:
    """The payload of a python-docx `document`, or None when it has none.

    Raises:
        PayloadError: there is a payload part, but it is not one rsp-tui wrote.
    """
    found = _payload_rels(document)
    if not found:
        return None
    if len(found) > 1:
        raise PayloadError("finns mer än en gång i dokumentet")
    return parse_payload_xml(found[0][1].blob)


def parse_payload_xml(blob: bytes) -> Payload:
    """Read a payload part's XML (see `payload_xml`), refusing anything else.

    Raises:
        PayloadError: the part is too large, not plain XML, or not shaped as ours.
    """
    from lxml import etree  # type: ignore[import-untyped]

    if len(blob) > MAX_PAYLOAD_BYTES:
        raise PayloadError("är för stort")
    if _NOT_PLAIN_XML.search(blob):
        raise PayloadError("är inte ren XML")
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True
    )
    try:
        root = etree.fromstring(blob, parser=parser)
    except etree.XMLSyntaxError:
        raise PayloadError("är inte giltig XML") from None
    if root.tag != f"{{{NAMESPACE}}}{ROOT}" or len(root):
        raise PayloadError("har en okänd form")
    content = root.text or ""
    encoding = root.get("encoding")
    if encoding == "base64":
        try:
            raw = base64.b64decode(content.encode("ascii"), validate=True)
            text = raw.decode("utf-8")
        except (UnicodeError, binascii.Error):
            raise PayloadError("är skadat (base64)") from None
    elif encoding == "text":
        text = content
    else:
        raise PayloadError("har en okänd kodning")
    digest = root.get("body-digest") or ""
    return Payload(text=text, app_version=root.get("app-version") or "", digest=digest)


def remove(document: Any) -> int:
    """Take the payload out of a python-docx `document` (it is not written when the document
    is saved again); returns how many payload parts were removed."""
    found = _payload_rels(document)
    for r_id, _ in found:
        del document.part.rels[r_id]
    return len(found)
