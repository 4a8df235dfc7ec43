"""The programme outline parser on the shapes regions' programmes have, as copied from their
PDF or Word documents."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from rsp_tui.forms.outline import outline_from_docx, parse_outline
from rsp_tui.forms.programme import WHOLE_ID, Programme

GOAL_11 = "Ökad eller bibehållen tillgänglighet till befintliga servicefunktioner i länet."
GOAL_31 = "Ökad samverkan mellan kommuner och offentliga aktörer på regional nivå."
OST_1 = "Alla invånare har tillgång till dagligvaror, drivmedel och ombudstjänster inom 20 km."


def shape(programme: Programme) -> list[tuple[str, str, list[tuple[str, str]]]]:
    return [
        (a.id if a.whole else a.number, a.title, [(g.code, g.text) for g in a.mal])
        for a in programme.omraden
    ]


def test_numbered_areas_and_goals_with_the_title_and_period() -> None:
    text = """Regionalt serviceprogram för Jämtland Härjedalen 2023–2030

1 Stärka tillgängligheten till kommersiell service för medborgare
1.1 Ökad eller bibehållen tillgänglighet till befintliga servicefunktioner i länet.
1.2. Öka allmänhetens medvetenhet.
2. Stärka förutsättningarna för servicegivare med stöd och rådgivning
2.1 Bibehållen och utvecklad service på landsbygderna.
Prioriterat område 3: Stärka samordningen mellan offentliga intressenter
3.1 Ökad samverkan mellan kommuner och offentliga aktörer på regional nivå.
"""
    outline = parse_outline(text, "Jämtland Härjedalen")
    assert outline.notes == []
    assert (outline.programme.first_year, outline.programme.last_year) == (2023, 2030)
    assert shape(outline.programme) == [
        (
            "1",
            "Stärka tillgängligheten till kommersiell service för medborgare",
            [
                ("1.1", GOAL_11),
                ("1.2", "Öka allmänhetens medvetenhet."),
            ],
        ),
        (
            "2",
            "Stärka förutsättningarna för servicegivare med stöd och rådgivning",
            [("2.1", "Bibehållen och utvecklad service på landsbygderna.")],
        ),
        (
            "3",
            "Stärka samordningen mellan offentliga intressenter",
            [("3.1", GOAL_31)],
        ),
    ]
    assert outline.programme.region == "Jämtland Härjedalen"


def test_pdf_copy_with_broken_lines_hyphens_and_page_numbers() -> None:
    text = """1 Stärka tillgängligheten till kommersiell ser-
vice för medborgare
1.1 Ökad eller bibehållen tillgänglighet till befintliga
servicefunktioner i länet.
1.2 Öka allmänhetens medvetenhet för betydelsen av kommer\u00ad
siell service på landsbygderna, inom
20 km från hemmet.
12
2 Stärka samordningen mellan offentliga
Intressenter
Sida 13 av 20
2.1 Ökad samverkan
"""
    assert shape(parse_outline(text).programme) == [
        (
            "1",
            "Stärka tillgängligheten till kommersiell service för medborgare",
            [
                ("1.1", GOAL_11),
                (
                    "1.2",
                    "Öka allmänhetens medvetenhet för betydelsen av kommersiell service på"
                    " landsbygderna, inom 20 km från hemmet.",
                ),
            ],
        ),
        ("2", "Stärka samordningen mellan offentliga Intressenter", [("2.1", "Ökad samverkan")]),
    ]


def test_goals_only_without_codes_is_the_programmes_own_goals() -> None:
    """Östergötland 2023–2030: two goals and no områden."""
    text = """Regionalt serviceprogram Östergötland 2023–2030
Mål
Alla invånare har tillgång till dagligvaror, drivmedel och ombudstjänster inom 20 km.
Alla 13 kommuner har en aktuell kommunal serviceplan.
"""
    programme = parse_outline(text).programme
    assert programme.period == "2023–2030"
    ((area_id, title, goals),) = shape(programme)
    assert (area_id, title) == (WHOLE_ID, "")
    assert goals == [
        ("", OST_1),
        ("", "Alla 13 kommuner har en aktuell kommunal serviceplan."),
    ]
    assert [g.key for g in programme.all_goals()] == [g for _, g in goals]


def test_lines_without_numbers_or_headings_are_goals() -> None:
    programme = parse_outline("Butiker i hela länet\nOmbud i varje kommun\n").programme
    assert shape(programme) == [
        (WHOLE_ID, "", [("", "Butiker i hela länet"), ("", "Ombud i varje kommun")])
    ]


def test_numbered_goals_under_a_goals_heading() -> None:
    text = (
        "Programmets mål\n1. Tillgång till dagligvaror inom 20 km\n2. Alla kommuner har en plan"
    )
    assert shape(parse_outline(text).programme) == [
        (
            WHOLE_ID,
            "",
            [("1", "Tillgång till dagligvaror inom 20 km"), ("2", "Alla kommuner har en plan")],
        )
    ]


def test_five_areas_without_goals() -> None:
    """Örebro: five insatsområden, no goals listed."""
    text = """Insatsområden
1. Dagligvaror
2. Drivmedel
3. Post- och pakettjänster
4. Betaltjänster och kontanter
5. Samverkan och planering
"""
    programme = parse_outline(text).programme
    assert [(a.number, a.title, a.mal) for a in programme.omraden] == [
        ("1", "Dagligvaror", []),
        ("2", "Drivmedel", []),
        ("3", "Post- och pakettjänster", []),
        ("4", "Betaltjänster och kontanter", []),
        ("5", "Samverkan och planering", []),
    ]


def test_unnumbered_areas_with_bulleted_goals() -> None:
    text = """Tillgänglighet
- Fler ombud
• Bibehållen service i
  alla kommuner
Samverkan
    Kommunerna samverkar
"""
    assert shape(parse_outline(text).programme) == [
        ("1", "Tillgänglighet", [("", "Fler ombud"), ("", "Bibehållen service i alla kommuner")]),
        ("2", "Samverkan", [("", "Kommunerna samverkar")]),
    ]


def test_programme_goals_before_the_areas_and_a_goal_of_a_missing_area() -> None:
    text = """Övergripande mål
- Service inom rimligt avstånd
Prioriterade områden
1 Dagligvaror
1.1 Butiker kvar
3.1 Drivmedel i länet
"""
    outline = parse_outline(text)
    assert shape(outline.programme) == [
        (WHOLE_ID, "", [("", "Service inom rimligt avstånd")]),
        ("1", "Dagligvaror", [("1.1", "Butiker kvar")]),
        ("3", "", [("3.1", "Drivmedel i länet")]),
    ]
    assert outline.notes == [
        "rad 6: målet 3.1 hör till område 3, som inte finns i texten; området lades till"
        " utan rubrik"
    ]


def test_nothing_recognisable_says_so() -> None:
    assert parse_outline("\n\n12\n").notes == ["texten innehåller inga områden eller mål"]


def test_word_document_headings_and_bullets(tmp_path: Path) -> None:
    doc = docx.Document()
    doc.add_paragraph("Regionalt serviceprogram för Örebro län 2022–2030", style="Title")
    doc.add_paragraph("Inledning", style="Heading 1")
    doc.add_paragraph("Programmet beskriver hur regionen arbetar med service.")
    doc.add_paragraph("Insatsområden", style="Heading 1")
    doc.add_paragraph("Dagligvaror", style="Heading 2")
    doc.add_paragraph("Programmet ska se till att butiker finns kvar.")  # prose: skipped
    doc.add_paragraph("Butiker finns kvar i alla kommuner", style="List Bullet")
    doc.add_paragraph("Drivmedel", style="Heading 2")
    doc.add_paragraph("Pumpar inom 20 km", style="List Bullet")
    doc.add_paragraph("Uppföljning", style="Heading 1")
    doc.add_paragraph("Årlig rapport", style="List Bullet")
    path = tmp_path / "program.docx"
    doc.save(str(path))
    programme = parse_outline(outline_from_docx(path)).programme
    assert programme.period == "2022–2030"
    assert shape(programme) == [
        ("1", "Dagligvaror", [("", "Butiker finns kvar i alla kommuner")]),
        ("2", "Drivmedel", [("", "Pumpar inom 20 km")]),
    ]


def _multilevel_numbering(document: docx.document.Document) -> str:
    """Add a two-level decimal list (1, 1.1) to the document's numbering; its numId."""
    numbering = document.part.numbering_part.element
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), "90")
    for level in (0, 1):
        lvl = OxmlElement("w:lvl")
        lvl.set(qn("w:ilvl"), str(level))
        fmt = OxmlElement("w:numFmt")
        fmt.set(qn("w:val"), "decimal")
        lvl.append(fmt)
        abstract.append(lvl)
    numbering.insert(0, abstract)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), "90")
    ref = OxmlElement("w:abstractNumId")
    ref.set(qn("w:val"), "90")
    num.append(ref)
    numbering.append(num)
    return "90"


def _numbered(paragraph: Paragraph, num_id: str, level: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    num = OxmlElement("w:numPr")
    ilvl = OxmlElement("w:ilvl")
    ilvl.set(qn("w:val"), str(level))
    nid = OxmlElement("w:numId")
    nid.set(qn("w:val"), num_id)
    num.append(ilvl)
    num.append(nid)
    ppr.append(num)


def test_word_document_with_a_numbered_list_gets_its_codes(tmp_path: Path) -> None:
    """Word shows 1, 1.1, 1.2, 2, 2.1 from the list's numbering; the text has no numbers."""
    doc = docx.Document()
    num_id = _multilevel_numbering(doc)
    for level, text in [
        (0, "Stärka tillgängligheten"),
        (1, "Ökad tillgänglighet i länet."),
        (1, "Ökad medvetenhet."),
        (0, "Stärka samordningen"),
        (1, "Ökad samverkan."),
    ]:
        _numbered(doc.add_paragraph(text, style="List Paragraph"), num_id, level)
    path = tmp_path / "numrerad.docx"
    doc.save(str(path))
    assert shape(parse_outline(outline_from_docx(path)).programme) == [
        (
            "1",
            "Stärka tillgängligheten",
            [("1.1", "Ökad tillgänglighet i länet."), ("1.2", "Ökad medvetenhet.")],
        ),
        ("2", "Stärka samordningen", [("2.1", "Ökad samverkan.")]),
    ]
