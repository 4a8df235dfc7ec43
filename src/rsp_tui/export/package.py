"""Provides the document around the content: styles, A4 pages in portrait and landscape,
the footer with page numbers, the UTKAST header, footnotes and the document properties.

python-docx has no API for footnotes or custom properties; both are added here as package
parts of their own (word/footnotes.xml, docProps/custom.xml).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from docx import Document as new_docx
from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Cm, Emu, Pt, RGBColor
from docx.styles import BabelFish
from docx.styles.style import StyleFactory

from rsp_tui.export.ooxml import add_field
from rsp_tui.export.xmltext import escape

FONT = "Arial"
"""Arial everywhere: on Linux LibreOffice shows it as the metric-compatible Liberation Sans,
so the layout there is the layout in Word."""
LANGUAGE = "sv-SE"

PAGE_NUMBER = ("Sida ", " av ")
"""The footer reads `Sida <PAGE> av <NUMPAGES>`."""
DRAFT_MARK = "UTKAST"

A4 = (Cm(21.0), Cm(29.7))
PORTRAIT_MARGINS = (Cm(2.0), Cm(2.0))
"""(top/bottom, left/right)."""
LANDSCAPE_MARGINS = (Cm(1.4), Cm(1.3))

TABLE_FONT = Pt(10)
INSATS_FONT = Pt(8.5)
INSATS_LINE = Pt(9.5)
INSATS_HEADER_FONT = Pt(8)
"""The insatser tables' header rows repeat on every page: a little smaller keeps them low."""
TABLE_TEXT = "Tabelltext"
TABLE_HEADER = "Tabellrubrik"
INSATS_TEXT = "Insatstext"
INSATS_HEADER = "Insatsrubrik"
FOOTNOTE_TEXT_ID = "FootnoteText"
FOOTNOTE_REF_ID = "FootnoteReference"

_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_AFTER_FOOTNOTE_PR = (
    "w:endnotePr",
    "w:compat",
    "w:docVars",
    "w:rsids",
    "m:mathPr",
    "w:attachedSchema",
    "w:themeFontLang",
    "w:clrSchemeMapping",
    "w:doNotIncludeSubdocsInStats",
    "w:doNotAutoCompressPictures",
    "w:forceUpgrade",
    "w:captions",
    "w:readModeInkLockDown",
    "w:smartTagType",
    "sl:schemaLibrary",
    "w:shapeDefaults",
    "w:doNotEmbedSmartTags",
    "w:decimalSymbol",
    "w:listSeparator",
)
"""What follows w:footnotePr in w:settings (CT_Settings schema order)."""


def _drop_theme_fonts(rPr: Any) -> None:
    """Fonts come from the style, not from the template's theme (Calibri, Cambria)."""
    fonts = rPr.find(qn("w:rFonts"))
    if fonts is None:
        return
    for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{attr}"), None)
    for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{attr}"), FONT)


_W_STYLE = qn("w:style")
_W_NAME = qn("w:name")
_W_VAL = qn("w:val")


class StyleTable:
    """A document's styles by name, read once. python-docx looks a style name up (`styles[name]`,
    `add_style`) by walking every style of the document, 160 in the template, once or twice
    per call; `_setup_styles` and the writer look up a few dozen."""

    def __init__(self, doc: Document) -> None:
        self.element: Any = doc.styles.element
        self._by_name: dict[str, Any] = {}
        for style in self.element.iterchildren(_W_STYLE):
            name = style.find(_W_NAME)  # `style.name_val`, without python-docx's descriptors
            if name is not None:
                self._by_name.setdefault(name.get(_W_VAL), style)  # the first, as python-docx

    def __getitem__(self, name: str) -> Any:
        """The style named `name` (a UI name such as `Heading 1`, as python-docx takes it)."""
        style = self._by_name.get(BabelFish.ui2internal(name))
        if style is None:
            raise KeyError(f"no style with name '{name}'")
        return StyleFactory(style)

    def add(self, name: str, style_type: WD_STYLE_TYPE) -> Any:
        """A new style, as `doc.styles.add_style(name, style_type)`."""
        internal = BabelFish.ui2internal(name)
        if internal in self._by_name:
            raise ValueError(f"document already contains style '{name}'")
        style = self.element.add_style_of_type(internal, style_type, False)
        self._by_name[internal] = style
        return StyleFactory(style)


def _paragraph_style(
    styles: StyleTable,
    name: str,
    size: float,
    *,
    bold: bool = False,
    after: float = 0,
    style_id: str | None = None,
) -> None:
    style: Any = styles.add(name, WD_STYLE_TYPE.PARAGRAPH)
    if style_id:
        style.style_id = style_id
    style.base_style = styles["Normal"]
    style.font.size = Pt(size)
    style.font.bold = bold
    fmt = style.paragraph_format
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(after)
    fmt.line_spacing = 1.0


def _setup_styles(doc: Document) -> None:
    styles = StyleTable(doc)
    defaults = styles.element.find(qn("w:docDefaults"))
    rPr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _drop_theme_fonts(rPr)
    lang = rPr.find(qn("w:lang"))
    lang.set(qn("w:val"), LANGUAGE)
    lang.set(qn("w:eastAsia"), LANGUAGE)

    normal = styles["Normal"]
    normal.font.size = Pt(10.5)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.1

    for name, size, before, after in (
        ("Heading 1", 15, 0, 10),
        ("Heading 2", 11, 14, 4),
        ("Heading 3", 10.5, 10, 2),
    ):
        heading = styles[name]
        h_rPr = heading.element.get_or_add_rPr()
        _drop_theme_fonts(h_rPr)
        for color in h_rPr.findall(qn("w:color")):
            h_rPr.remove(color)
        heading.font.color.rgb = RGBColor(0, 0, 0)
        heading.font.size = Pt(size)
        heading.font.bold = True
        heading.paragraph_format.space_before = Pt(before)
        heading.paragraph_format.space_after = Pt(after)
        heading.paragraph_format.line_spacing = 1.0

    styles["Footer"].font.size = Pt(9)
    bullet = styles["List Bullet"]
    bullet.paragraph_format.space_after = Pt(2)

    _paragraph_style(styles, TABLE_TEXT, TABLE_FONT.pt)
    _paragraph_style(styles, TABLE_HEADER, TABLE_FONT.pt, bold=True)
    _paragraph_style(styles, INSATS_TEXT, INSATS_FONT.pt)
    # Exactly 9.5 pt a line instead of the font's 9.8: the insatser tables are most of the
    # document, and Å, Ä, Ö still fit.
    styles[INSATS_TEXT].paragraph_format.line_spacing = INSATS_LINE
    # A row that breaks over pages may break anywhere: widow and orphan control would carry
    # lines of every cell to the next page and leave space at the bottom.
    styles[INSATS_TEXT].paragraph_format.widow_control = False
    _paragraph_style(styles, INSATS_HEADER, INSATS_HEADER_FONT.pt, bold=True)
    _paragraph_style(styles, "footnote text", 8, style_id=FOOTNOTE_TEXT_ID)
    ref: Any = styles.add("footnote reference", WD_STYLE_TYPE.CHARACTER)
    ref.style_id = FOOTNOTE_REF_ID
    ref.font.superscript = True


def _drop_template_leftovers(doc: Document) -> None:
    """The template's thumbnail (a picture of an empty page) and its app.xml, which names
    another application, do not belong in our document."""
    package: Any = doc.part.package
    for rId, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del package.rels[rId]
        elif rel.reltype == RT.EXTENDED_PROPERTIES:
            rel.target_part._blob = (
                b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
                b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
                b'extended-properties"><Application>rsp-tui</Application></Properties>'
            )


def _hyphenation(doc: Document) -> None:
    """Automatic hyphenation on (Word and LibreOffice hyphenate by the text's language,
    sv-SE), so that narrow columns break words at syllables rather than anywhere; the theme's
    language is Swedish too."""
    settings = doc.settings.element
    for old in settings.findall(qn("w:autoHyphenation")):
        settings.remove(old)
    hyphenation = OxmlElement("w:autoHyphenation")
    tab_stop = settings.find(qn("w:defaultTabStop"))
    if tab_stop is not None:
        tab_stop.addnext(hyphenation)
    else:
        settings.insert(0, hyphenation)
    theme_lang = settings.find(qn("w:themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(qn("w:val"), LANGUAGE)


def new_document() -> Document:
    """An empty document with our styles."""
    doc = new_docx()
    _setup_styles(doc)
    _drop_template_leftovers(doc)
    _hyphenation(doc)
    body = doc.element.body
    for p in body.findall(qn("w:p")):  # the template's empty first paragraph, if any
        body.remove(p)
    return doc


def page_setup(section: Section, *, landscape: bool) -> Emu:
    """A4 in the given orientation; returns the width between the margins."""
    short, long_ = A4
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = long_, short
        vertical, horizontal = LANDSCAPE_MARGINS
    else:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = short, long_
        vertical, horizontal = PORTRAIT_MARGINS
    section.top_margin = section.bottom_margin = vertical
    section.left_margin = section.right_margin = horizontal
    section.header_distance = section.footer_distance = Cm(0.8)
    return Emu(int(section.page_width or 0) - 2 * int(horizontal))


def header_and_footer(section: Section, *, draft_mode: bool) -> None:
    """`Sida X av Y` in the footer; `UTKAST` in the header of a draft. Later sections are
    linked to these, so every page has them."""
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run(PAGE_NUMBER[0])
    add_field(footer, "PAGE")
    footer.add_run(PAGE_NUMBER[1])
    add_field(footer, "NUMPAGES")
    if draft_mode:
        header = section.header.paragraphs[0]
        header.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = header.add_run(DRAFT_MARK)
        run.bold = True
        run.font.size = Pt(13)
        run.font.color.rgb = RGBColor(0xC0, 0x00, 0x00)


def add_footnotes(doc: Document, texts: list[str]) -> None:
    """Write word/footnotes.xml with `texts` as footnotes 1, 2, …, in that order."""
    if not texts:
        return
    sep = (
        '<w:footnote w:type="{kind}" w:id="{id}"><w:p><w:pPr><w:spacing w:after="0"'
        ' w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:{kind}/></w:r></w:p></w:footnote>'
    )
    notes = [
        sep.format(kind="separator", id=-1),
        sep.format(kind="continuationSeparator", id=0),
    ]
    for n, text in enumerate(texts, start=1):
        notes.append(
            f'<w:footnote w:id="{n}"><w:p><w:pPr><w:pStyle w:val="{FOOTNOTE_TEXT_ID}"/></w:pPr>'
            f'<w:r><w:rPr><w:rStyle w:val="{FOOTNOTE_REF_ID}"/></w:rPr><w:footnoteRef/></w:r>'
            f'<w:r><w:t xml:space="preserve"> {escape(text)}</w:t></w:r></w:p></w:footnote>'
        )
    xml = (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        f'<w:footnotes xmlns:w="{_W_NS}">' + "".join(notes) + "</w:footnotes>"
    )
    part = Part(
        PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, xml.encode("utf-8"), doc.part.package
    )
    doc.part.relate_to(part, RT.FOOTNOTES)
    # Word writes the separators into the settings as well; some versions expect them there.
    settings = doc.settings.element
    footnote_pr = OxmlElement("w:footnotePr")
    for n in (-1, 0):
        ref = OxmlElement("w:footnote")
        ref.set(qn("w:id"), str(n))
        footnote_pr.append(ref)
    settings.insert_element_before(footnote_pr, *_AFTER_FOOTNOTE_PR)


CORE_PROPERTY_MAX = 255
"""The longest text python-docx accepts in a core property."""


def set_properties(
    doc: Document,
    *,
    title: str,
    author: str,
    subject: str,
    keywords: str,
    custom: dict[str, str | int],
    draft_mode: bool,
) -> None:
    """Core properties (File › Properties) plus our own custom properties."""
    from rsp_tui import __version__

    props = doc.core_properties
    now = datetime.now(UTC).replace(tzinfo=None, microsecond=0)
    # python-docx refuses core properties over 255 characters; the document's own text keeps
    # the whole value (e.g. a long "Upprättad av").
    props.title = title[:CORE_PROPERTY_MAX]
    props.author = author[:CORE_PROPERTY_MAX]
    props.last_modified_by = author[:CORE_PROPERTY_MAX]
    props.subject = subject[:CORE_PROPERTY_MAX]
    props.keywords = keywords[:CORE_PROPERTY_MAX]
    props.comments = f"Skapat med rsp-tui {__version__}"
    props.content_status = DRAFT_MARK.capitalize() if draft_mode else ""
    props.language = LANGUAGE
    props.category = ""
    props.revision = 1
    props.created = props.modified = now

    items = []
    for pid, (name, value) in enumerate(custom.items(), start=2):
        kind = "i4" if isinstance(value, int) else "lpwstr"
        items.append(
            f'<property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="{pid}"'
            f' name="{escape(name, {chr(34): "&quot;"})}"><vt:{kind}>{escape(str(value))}'
            f"</vt:{kind}></property>"
        )
    xml = (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        'custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/'
        'docPropsVTypes">' + "".join(items) + "</Properties>"
    )
    package: Any = doc.part.package
    part = Part(PackURI("/docProps/custom.xml"), CT.OFC_CUSTOM_PROPERTIES, xml.encode(), package)
    package.relate_to(part, RT.CUSTOM_PROPERTIES)
