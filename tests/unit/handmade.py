"""Build reports in the official Word layout by hand, the way a region fills in Tillväxtverket's
template, with the irregularities real documents have (test helper for the importer)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

FORM_TITLE = "Frågor för uppföljning av regionala serviceprogram 2022–2030"
SERVICESLAG = [
    "Dagligvaror",
    "Drivmedel",
    "Ombud för posttjänst, betaltjänst eller apotek",
    "Bredare sammanhang",
]


def merge_right(row: Any, start: int, end: int) -> Any:
    """Merge cells start..end of a python-docx row (a horizontal span)."""
    return row.cells[start].merge(row.cells[end])


def mark_header(row: Any) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def fill_row(row: Any, values: list[str]) -> None:
    cells = row.cells
    for cell, value in zip(cells, values, strict=False):
        lines = value.split("\n")
        cell.paragraphs[0].text = lines[0]
        for line in lines[1:]:
            cell.add_paragraph(line)


def insats_table(
    doc: Any,
    year: int,
    rows: list[list[str]],
    extra_column: str | None = None,
    g2_year: int | None = None,
    repeat_header: bool = True,
) -> Any:
    """An insatser table: 2 header rows (groups merged over their columns), 11 leaf columns."""
    width = 11 + (1 if extra_column else 0)
    table = doc.add_table(rows=2, cols=width)
    table.style = "Table Grid"
    top, sub = table.rows
    groups = [
        (0, 6, f"Handlingsplan för verksamhetsår {year}"),
        (7, 8, f"Uppföljning av verksamhetsår {g2_year or year}"),
        (9, 10, f"Till nästa år, {year + 1}"),
    ]
    for start, end, text in groups:
        merged = merge_right(top, start, end)
        merged.text = text
    titles = [
        "Planerade insatser\nNamn och beskrivning.",
        "Mål\nMål i RSP (samt ev. i RUS och Agenda 2030) som insatsen ska leda till.",
        "Resurser\nVilka aktörer ska genomföra insatsen och med vilka resurser?",
        *SERVICESLAG,
        "Resultat i form av prestationer\nVilka aktiviteter har genomförts?",
        "Resultat/förväntade resultat i form av effekter på kort, medellång och lång sikt\nVad har förändrats? Eller, vad tror vi kommer att förändras?",
        "Status\nKlar/Fortsätter",
        "Vad tar vi med oss?",
    ]
    if extra_column:
        top.cells[11].text = ""
        titles.append(extra_column)
    fill_row(sub, titles)
    if repeat_header:
        mark_header(top)
        mark_header(sub)
    for values in rows:
        fill_row(table.add_row(), values)
    return table


def jamtland_report(path: Path, *, many_rows: int = 0, extra_column: bool = False) -> Path:
    """A hand-filled report for Jämtland Härjedalen 2023 in the official layout."""
    doc = docx.Document()
    doc.add_paragraph(FORM_TITLE)
    doc.add_paragraph(
        "De regioner som väljer att ta fram och genomföra regionala serviceprogram ska årligen till "
        "Tillväxtverket redovisa hur arbetet fortlöper. Syftet med nedanstående frågor är att fånga "
        "övergripande trender och metoder för att arbeta med kommersiell service."
    )
    doc.add_paragraph("")
    doc.add_paragraph("Region: Jämtland Härjedalen")
    doc.add_paragraph(
        "1. Hur bedömer regionen att efterfrågan av respektive stödtyp kommer att utvecklas de "
        "kommande två åren? Lämna kommentar:"
    )
    doc.add_paragraph("• om en stödtyp inte används eller inte prioriteras i ert län.")
    q1 = doc.add_table(rows=1, cols=5)
    fill_row(q1.rows[0], ["Stödtyp", "Min-skar", "Oför ändr", "Ökar", "Kommentar"])
    # rows in another order than the form, lower-case x, a wrapped label
    for label, mark, comment in [
        ("Servicebidrag", 3, "Fler butiker söker.\nBudgeten räcker inte."),
        ("Investeringar kopplat till drivmedels- försäljning", 2, ""),
        ("Investeringar kopplat till dagligvarubutiker", 1, "Stabilt"),
        ("Hemsändningsbidrag", 1, ""),
        ("Särskilt driftstöd", 3, "x"),
    ]:
        row = q1.add_row()
        values = [label, "", "", "", comment]
        values[mark] = "x" if mark != 3 else "X"
        fill_row(row, values)
    doc.add_paragraph("Datum\tUpprättad av")
    doc.add_paragraph("2024-01-25\tKarin Ek")
    doc.add_paragraph("2. Har ni någon annan framtidsspaning som ni vill dela med er av?")
    doc.add_paragraph("")
    doc.add_paragraph("Fler obemannade butiker.")
    doc.add_paragraph("")
    doc.add_paragraph("Ombud flyttar in i butiker.")
    doc.add_paragraph("")
    doc.add_paragraph(
        "3. Hur mycket personalresurser har regionen avsatt för arbetet med regionalt "
        "serviceprogram under året?"
    )
    q3 = doc.add_table(rows=3, cols=2)
    fill_row(q3.rows[0], ["", "Årsarbetskrafter"])
    fill_row(
        q3.rows[1],
        ["Processledning/koordinering", "Anna 50 %, Bo 25 %\nTotalt: 0,75 årsarbetskrafter"],
    )
    fill_row(q3.rows[2], ["Stödhandläggning", "Cecilia 0,4"])
    doc.add_paragraph(
        "4. Vem eller vilka personer inom regionen ska vara kontaktpersoner gentemot Tillväxtverket?"
    )
    doc.add_paragraph("Ange namn och e-post.")
    q4 = doc.add_table(rows=4, cols=3)
    fill_row(q4.rows[0], ["", "Namn", "E-post"])
    fill_row(q4.rows[1], ["Kontaktperson för RSP", "Anna Al", "anna.al@regionjh.se"])
    fill_row(
        q4.rows[2],
        ["Kontaktperson för stödärenden", "Cecilia Ceder", "cecilia@regionjh.se\nstod@regionjh.se"],
    )
    fill_row(
        q4.rows[3], ["Tillgång till sharepoint/teams", "Anna Al, Bo Berg", "anna.al@regionjh.se"]
    )
    doc.add_paragraph(
        "5. Beskriv hur arbetet med att främja tillgänglighet till kommersiell service i serviceglesa "
        "områden genomförts under året. Beskriv även eventuella utmaningar eller framgångsfaktorer."
    )
    doc.add_paragraph("")
    doc.add_paragraph("6. Vilka aktörer ingår i samverkan kring det regionala serviceprogrammet?")
    q6 = doc.add_table(rows=1, cols=3)
    fill_row(
        q6.rows[0], ["Aktör", "Beskriv samverkan", "Eventuella utmaningar eller framgångsfaktorer"]
    )
    for values in [
        [
            "Kommuner",
            "Träffar varje kvartal.\nSteg i samverkanstrappan: Samtal via kommunerna",
            "Tid",
        ],
        ["Länsstyrelse", "Gemensam planering\nSteg i samverkanstrappan: Samhandling", ""],
        ["Annan: Energikontoret", "Energifrågor i butiker", ""],
    ]:
        fill_row(q6.add_row(), values)
    doc.add_paragraph("Ett stycke som inte hör till formuläret.")

    doc.add_paragraph("Uppföljning och redovisning av insatser i regionalt serviceprogram")
    doc.add_paragraph("Planering – Genomförande – Uppföljning – Återkoppling")
    doc.add_paragraph("Region: Jämtland Härjedalen")
    doc.add_paragraph(
        "Prioriterat område 1. Stärka tillgängligheten till kommersiell service för medborgare"
    )
    rows1 = [
        [
            "Servicedialoger\nI alla kommuner",
            "1.2 Öka allmänhetens medvetenhet för betydelsen av kommersiell service på landsbygderna.",
            "Regionen\n100 tkr",
            "X",
            "",
            "",
            "X",
            "Åtta dialoger",
            "Ökad kunskap",
            "Fortsätter",
            "Fler kommuner",
        ],
        [
            "Krisberedskap",
            "1.3 Ökad samverkan gällande krisberedskap mellan civilsamhälle, servicegivare och offentliga aktörer.\nAgenda 2030 mål 11",
            "Lst",
            "",
            "",
            "",
            "",
            "",
            "",
            "Klar",
            "",
        ],
    ]
    for n in range(many_rows):
        rows1.append(
            [
                f"Extra insats {n}",
                "1.1 Ökad eller bibehållen tillgänglighet till befintliga servicefunktioner i länet.",
                "Regionen",
                "",
                "x",
                "",
                "",
                f"Prestation {n}",
                "",
                "Fortsätter",
                "",
            ]
        )
    insats_table(doc, 2023, rows1)
    doc.add_paragraph("")
    doc.add_paragraph(
        "Prioriterat område 2. Stärka förutsättningarna för servicegivare med stöd och rådgivning"
    )
    rows2 = [
        [
            "Rådgivning till butiker",
            "2.1 Bibehållen och utvecklad service på landsbygderna.\n2.2 Verka för ökad kännedom om nya metoder för att öka servicegivarnas möjligheter till en ekonomisk och miljömässig hållbarhet.",
            "Service Z",
            "X",
            "X",
            "X",
            "",
            "12 besök",
            "",
            "Fortsätter",
            "",
        ]
        + (["Budget 300 tkr"] if extra_column else [])
    ]
    insats_table(doc, 2023, rows2, extra_column="Budget" if extra_column else None, g2_year=2022)
    doc.save(str(path))
    return path


def strip_payload(source: Path, target: Path | None = None) -> Path:
    """The document without the draft rsp-tui embeds in it, so that only its visible text can
    be read (as after copying the report into a document of one's own)."""
    from rsp_tui.export.payload import remove

    document = docx.Document(str(source))
    assert remove(document) == 1, "no embedded draft in the document"
    out = target or source
    document.save(str(out))
    return out


def boxed_answers_report(path: Path) -> Path:
    """A report where the region typed Part A's answers into one-cell boxes (tables) under the
    questions, with Datum / Upprättad av as a small table and text that looks like the form's
    own inside the answers."""
    doc = docx.Document()
    doc.add_paragraph(FORM_TITLE)
    doc.add_paragraph("Region: Gävleborg")
    meta = doc.add_table(rows=2, cols=2)
    fill_row(meta.rows[0], ["Datum", "Upprättad av"])
    fill_row(meta.rows[1], ["2025-01-20", "Eva Ek\nRegionens serviceenhet"])
    doc.add_paragraph("2. Har ni någon annan framtidsspaning som ni vill dela med er av?")
    box = doc.add_table(rows=1, cols=1)
    fill_row(
        box.rows[0], ["\nRegion: Gävleborg ser fler ombud.\n\nDatum för nästa möte är satt.\n"]
    )
    doc.add_paragraph(
        "5. Beskriv hur arbetet med att främja tillgänglighet till kommersiell service i "
        "serviceglesa områden genomförts under året. Beskriv även eventuella utmaningar eller "
        "framgångsfaktorer."
    )
    doc.add_paragraph("Status")  # an answer that is one of the form's labels
    doc.add_paragraph("Handlingsplan för verksamhetsår 2024 följdes.")
    doc.add_paragraph("Datum")
    doc.add_paragraph("6. Vilka aktörer ingår i samverkan kring det regionala serviceprogrammet?")
    q6 = doc.add_table(rows=2, cols=3)
    fill_row(
        q6.rows[0], ["Aktör", "Beskriv samverkan", "Eventuella utmaningar eller framgångsfaktorer"]
    )
    fill_row(q6.rows[1], ["Kommuner", "Planerade insatser i varje kommun", ""])
    doc.add_paragraph("Prioriterat område 1. Service i hela länet")
    insats_table(
        doc,
        2024,
        [
            [
                "Ombud",
                "2.1 Mål i område två\n1.1\n\nAgenda 2030\n\nmål 11",
                "Regionen",
                "",
                "",
                "X",
                "",
                "Status: pågår",
                "",
                "Fortsätter",
                "",
            ],
        ],
        repeat_header=False,
    )
    doc.add_paragraph("Prioriterat område 2.")
    insats_table(doc, 2024, [["Butiksstöd", "2.1", "", "", "", "", "", "", "", "Klar", ""]])
    doc.save(str(path))
    return path
