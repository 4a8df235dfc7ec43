"""Writes examples/exempel-2023.toml: a fully filled report, to try the app and the export on.

Region Jämtland Härjedalen, verksamhetsår 2023, with the region's programme from forms/.
Every answer is INVENTED for this example (people, e-mail addresses, figures, insatser); none
is taken from a real report. The e-mail addresses use the reserved domain example.org.

    python examples/make_example.py          # rewrites examples/exempel-2023.toml
    rsp-tui check examples/exempel-2023.toml
    rsp-tui export examples/exempel-2023.toml -o exempel-2023.docx
"""

from __future__ import annotations

import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from rsp_tui.drafts import new_draft, save_draft
from rsp_tui.drafts.model import ID_KEY
from rsp_tui.drafts.paths import CellPath, QuestionPath, RowNamePath
from rsp_tui.forms import load_form, programme_for_region

REGION = "Jämtland Härjedalen"
YEAR = 2023
OUT = Path(__file__).with_name("exempel-2023.toml")
STAMP = datetime(2024, 1, 25, 14, 30, tzinfo=timezone(timedelta(hours=1)))
"""Fixed times, so that regenerating the file gives the same content."""

Q1 = {
    "dagligvarubutiker": (
        "Ökar",
        "Flera butiker i västra länsdelen behöver byta kyl- och frysdiskar de närmaste åren."
        "\nVi ser redan nu att årets budget inte räcker till alla ansökningar.",
    ),
    "drivmedel": (
        "Oförändrat",
        "Två mackar har fått stöd för laddinfrastruktur; vi väntar oss ungefär lika många"
        " ansökningar som i år.",
    ),
    "servicebidrag": (
        "Ökar",
        "Fler butiker har svag lönsamhet efter kostnadsökningarna och söker servicebidrag.",
    ),
    "hemsandningsbidrag": (
        "Minskar",
        "Två kommuner har ersatt hemsändningen med en gemensam varubuss. Stödtypen används"
        " därför mindre.",
    ),
    "sarskilt_driftstod": (
        "Oförändrat",
        "Tre butiker har särskilt driftstöd och vi räknar inte med fler under perioden.",
    ),
}

Q2 = (
    "Vi ser ett växande intresse för obemannade butiker och kombinationer av butik,"
    " paketombud och mötesplats i samma lokal.\n\n"
    "Samtidigt är det svårt att hitta personer som vill ta över butiker när ägare går i"
    " pension. Vi vill gärna diskutera generationsskiften med andra regioner."
)

Q3 = {
    "processledning": (
        "Processledare på regionen, 75 procent av en heltid.",
        "0,75",
    ),
    "stodhandlaggning": (
        "Två handläggare som delar på stödärendena, sammanlagt 40 procent av en heltid.",
        "0,4",
    ),
}

Q4 = {
    "rsp": ("Anna Exempelsson", "anna.exempelsson@example.org"),
    "stodarenden": (
        "Per Provsson\nLena Testberg",
        "per.provsson@example.org\nlena.testberg@example.org",
    ),
    "sharepoint": (
        "Anna Exempelsson\nPer Provsson",
        "anna.exempelsson@example.org, per.provsson@example.org",
    ),
}

Q5 = (
    "Under året har vi besökt butiker och drivmedelsstationer i fyra kommuner tillsammans"
    " med kommunernas näringslivskontor. Besöken har gett en bättre bild av vilka orter som"
    " riskerar att förlora sin sista butik.\n\n"
    "Utmaningar: långa avstånd och få handläggartimmar gör att uppföljningen tar tid."
    " Framgångsfaktorer: täta kontakter med kommunerna och ett gemensamt nätverk för"
    " servicefrågor."
)

Q6: dict[str, tuple[str, str, str]] = {
    "kommuner": (
        "Nätverksträffar fyra gånger per år med alla kommuners näringslivskontor.",
        "Samarbete",
        "Olika förutsättningar mellan kommunerna; flera har ingen särskild resurs för service.",
    ),
    "lansstyrelse": (
        "Avstämningar om krisberedskap och om landsbygdsprogrammets insatser.",
        "Samråd",
        "Framgångsfaktor: tydlig ansvarsfördelning mellan regionen och länsstyrelsen.",
    ),
    "regionen": (
        "Samarbete med kollektivtrafiken om samlastning av varor och paket.",
        "Samtal",
        "Frågan ligger mellan flera avdelningar, vilket gör ansvaret otydligt.",
    ),
    "naringsliv": (
        "Dialog med dagligvaruhandelns organisationer och enskilda handlare.",
        "Samtal",
        "Handlarna har ont om tid; korta möten nära butiken fungerar bäst.",
    ),
    "civilsamhalle": (
        "Byalag och ekonomiska föreningar som driver butiker får rådgivning.",
        "Samtal via kommunerna",
        "Ideella krafter är en framgångsfaktor men blir lätt överbelastade.",
    ),
    "leader": (
        "Gemensamma informationsträffar om finansiering av lokala serviceprojekt.",
        "Samråd",
        "Olika ansökningsperioder gör det svårt att samordna finansieringen.",
    ),
    "foretagsframjare": (
        "Hänvisar handlare till rådgivning om ekonomi och generationsskifte.",
        "Samarbete",
        "Framgångsfaktor: en gemensam ingång för handlare som behöver hjälp.",
    ),
}
Q6_OTHER = (
    "Energibolaget i länet",
    "Samverkan om energieffektivisering i butiker.",
    "Samtal",
    "Framgångsfaktor: konkret stöd som ger lägre driftskostnader.",
)

DAGLIGVAROR, DRIVMEDEL, OMBUD, BREDARE = (
    "Dagligvaror",
    "Drivmedel",
    "Ombud för posttjänst, betaltjänst eller apotek",
    "Bredare sammanhang",
)

# (område number, planerade, goal codes, other goals, resurser, serviceslag, prestationer,
#  effekter, status, vidare)
INSATSER: list[tuple[str, str, list[str], str, str, list[str], str, str, str, str]] = [
    ("1", "Servicekartläggning 2023\nUppdatering av kartan över kommersiell service i länet.",
     ["1.1"], "", "Regionen\nKommunerna\nBudget: 120 000 kr",
     [DAGLIGVAROR, DRIVMEDEL, OMBUD], "Kartan uppdaterad för alla kommuner; 212 serviceställen"
     " registrerade.", "Kort sikt: bättre kunskap om var servicen är sårbar.", "Fortsätter",
     "Kartan behöver uppdateras varje år."),
    ("1", "Kampanjen Handla lokalt\nAnnonser och sociala medier om lantbutikernas betydelse.",
     ["1.2"], "", "Regionen\nBudget: 60 000 kr", [DAGLIGVAROR], "Kampanjen visades i åtta"
     " veckor och nådde cirka 40 000 personer.", "Förväntat: fler handlar lokalt, särskilt"
     " sommartid.", "Klar", "Mät effekten med en enkät nästa gång."),
    ("1", "Serviceträffar på orten\nMöten där invånare och handlare diskuterar framtidens"
     " service.", ["1.2"], "Agenda 2030 mål 11", "Regionen\nKommunerna\nLokala"
     " utvecklingsgrupper", [BREDARE], "Sex träffar med sammanlagt 150 deltagare.",
     "Kort sikt: ökad kunskap hos invånarna.\nMedellång sikt: fler lokala initiativ.",
     "Fortsätter", "Träffarna fungerar bäst tillsammans med en lokal förening."),
    ("1", "Beredskapsplan för butiker\nStöd till butiker som vill bli trygghetspunkter vid"
     " kris.", ["1.3"], "", "Regionen\nLänsstyrelsen\nBudget: 80 000 kr", [DAGLIGVAROR,
     DRIVMEDEL], "Fyra butiker har tagit fram en enkel beredskapsplan.", "Medellång sikt:"
     " bättre förmåga att hålla öppet vid strömavbrott.", "Fortsätter", "Koppla insatsen till"
     " kommunernas krisberedskap."),
    ("1", "Paketombud i glesbygd\nKartläggning av var paketombud saknas.", ["1.1"], "",
     "Regionen\nBudget: inom ordinarie verksamhet", [OMBUD], "Kartläggningen klar för"
     " halva länet.", "Förväntat: underlag för nya ombud på tre orter.", "Fortsätter",
     "Slutför kartläggningen i västra länsdelen."),
    ("1", "Information om servicepunkter\nBroschyr om vad en servicepunkt kan erbjuda.",
     ["1.2", "1.1"], "", "Regionen", [BREDARE], "Broschyren tryckt och delad i 30 butiker.",
     "Kort sikt: fler invånare känner till servicepunkterna.", "Klar",
     "Broschyren kan återanvändas med nya adresser."),
    ("2", "Rådgivning till handlare\nIndividuell rådgivning om ekonomi och drift.", ["2.1"],
     "", "Regionen\nExtern rådgivare\nBudget: 200 000 kr", [DAGLIGVAROR, DRIVMEDEL, OMBUD],
     "Rådgivning till 14 handlare, i snitt tre träffar var.", "Medellång sikt: bättre"
     " lönsamhet i de butiker som deltog.", "Fortsätter", "Efterfrågan är större än vår"
     " budget."),
    ("2", "Energikartläggning i butiker\nGenomgång av kyl, belysning och uppvärmning.",
     ["2.2"], "", "Regionen\nEnergibolaget\nBudget: 150 000 kr", [DAGLIGVAROR, DRIVMEDEL,
     OMBUD], "Tio butiker kartlagda; åtgärdslistor lämnade.", "Kort sikt: kunskap om"
     " besparingar.\nLång sikt: lägre driftskostnader.", "Fortsätter",
     "Erbjud stöd till investeringar i nya kylar."),
    ("2", "Digital kassa och e-handel\nWebbinarier om enkla e-handelslösningar.", ["2.2"],
     "", "Regionen\nBudget: 40 000 kr", [DAGLIGVAROR], "Tre webbinarier med 25 deltagare.",
     "Förväntat: några butiker erbjuder beställning på nätet.", "Klar", "Följ upp vilka som"
     " kom igång."),
    ("2", "Generationsskifte i butiker\nMatchning mellan säljare och möjliga köpare.",
     ["2.1"], "", "Regionen\nFöretagsfrämjare", [DAGLIGVAROR, BREDARE], "Två butiker"
     " har fått nya ägare med hjälp av insatsen.", "Medellång sikt: butikerna finns kvar.",
     "Fortsätter", "Börja i god tid före ägarens pension."),
    ("3", "Nätverk för servicefrågor\nRegelbundna möten med kommunernas kontaktpersoner.",
     ["3.1"], "", "Regionen\nKommunerna", [BREDARE], "Fyra nätverksmöten under året.",
     "Kort sikt: gemensam bild av läget i länet.", "Fortsätter",
     "Bjud in länsstyrelsen till varje möte."),
    ("3", "Serviceplaner i kommunerna\nStöd till kommuner som tar fram egna serviceplaner.",
     ["3.1", "3.3"], "", "Regionen\nKommunerna\nBudget: 90 000 kr", [BREDARE], "Två kommuner"
     " har antagit serviceplaner.", "Medellång sikt: servicefrågorna ingår i den kommunala"
     " planeringen.", "Fortsätter", "Fler kommuner vill ha stöd nästa år."),
    ("3", "Nationellt erfarenhetsutbyte\nDeltagande i Tillväxtverkets nätverk för regionala"
     " serviceprogram.", ["3.2"], "", "Regionen", [BREDARE], "Deltagit i tre nationella"
     " träffar.", "Kort sikt: nya metoder från andra regioner.", "Klar",
     "Dela lärdomarna i det regionala nätverket."),
    ("3", "Politikerdialog om service\nSeminarium för förtroendevalda om kommersiell"
     " service.", ["3.3"], "", "Regionen\nLänsstyrelsen", [BREDARE], "Ett seminarium med"
     " 35 deltagare från regionen och kommunerna.", "Kort sikt: ökad kunskap hos"
     " beslutsfattare.", "Fortsätter", "Upprepa efter valet."),
    ("3", "Gemensam uppföljning\nGemensamma nyckeltal för service i länet.", ["3.2", "3.1"],
     "RUS: tillgänglighet i hela länet", "Regionen\nLänsstyrelsen\nKommunerna",
     [BREDARE], "Förslag på sex nyckeltal framtaget.", "Förväntat: jämförbar uppföljning från"
     " 2024.", "Fortsätter",
     "Nyckeltalen prövas under 2024."),
]


def build() -> Any:
    """The example draft."""
    form = load_form()
    programme = programme_for_region(REGION)
    if programme is None:
        sys.exit(f"Programmet för {REGION} saknas i forms/programmes/.")
    draft = new_draft(form, REGION, YEAR, programme)
    draft.created = draft.updated = STAMP
    draft.set(QuestionPath("datum"), "2024-01-25")
    draft.set(QuestionPath("upprattad_av"), "Anna Exempelsson")
    for row, (choice, comment) in Q1.items():
        draft.set(CellPath("q1", row, "bedomning"), choice)
        draft.set(CellPath("q1", row, "kommentar"), comment)
    draft.set(QuestionPath("q2"), Q2)
    for row, (text, total) in Q3.items():
        draft.set(CellPath("q3", row, "beskrivning"), text)
        draft.set(CellPath("q3", row, "totalt"), total)
    for row, (name, emails) in Q4.items():
        draft.set(CellPath("q4", row, "namn"), name)
        draft.set(CellPath("q4", row, "epost"), emails)
    draft.set(QuestionPath("q5"), Q5)
    for row, (describe, step, challenges) in Q6.items():
        draft.set(CellPath("q6", row, "beskriv"), describe)
        draft.set(CellPath("q6", row, "steg"), step)
        draft.set(CellPath("q6", row, "utmaningar"), challenges)
    name, describe, step, challenges = Q6_OTHER
    draft.set(RowNamePath("q6", "annan"), name)
    draft.set(CellPath("q6", "annan", "beskriv"), describe)
    draft.set(CellPath("q6", "annan", "steg"), step)
    draft.set(CellPath("q6", "annan", "utmaningar"), challenges)

    areas = {a.number: a.id for a in draft.programme.omraden}
    for n, row in enumerate(INSATSER, start=1):
        number, planned, codes, other, resources, kinds, output, effects, status, next_ = row
        item = draft.add_item(
            "insatser",
            areas[number],
            {
                "planerade": planned,
                "mal": {"codes": codes, "other": other},
                "resurser": resources,
                "serviceslag": kinds,
                "prestationer": output,
                "effekter": effects,
                "status": status,
                "vidare": next_,
            },
        )
        item[ID_KEY] = f"exempel{n:02d}"  # stable ids, so a regenerated file is the same
    return draft


def main() -> None:
    save_draft(build(), OUT, touch=False)
    backup = OUT.with_name(OUT.name + ".bak")
    backup.unlink(missing_ok=True)
    print(OUT)


if __name__ == "__main__":
    main()
