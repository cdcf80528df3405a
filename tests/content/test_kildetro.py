"""The Bæredygtighedspuljen and digitalisation pages, the deadlines data and the glossary say what the
source says – no more, no less (issue 11, items 4, 6, 7, 12, 14, 17 and 18). Each wording is pinned to the
sentence of the source it follows with a quote test (tests/kildecitat.py); the page checks read the built
site."""

from __future__ import annotations

import re

import icalendar
from indhold_hjaelp import DOCS, formater, front_matter, html_sti, slaa_op
from kildecitat import afsnit, citat

from build_scripts import makroer

# The pages whose wording these checks own.
MINE = ["index.md", "frister.md", "ordliste.md", "redaktoer.md", "tilgaengelighed.md",
        "baeredygtighedspuljen/index.md", "digitalisering/index.md"]
BP = "baeredygtighedspuljen/index.html"
DIGI = "digitalisering/index.html"

MAANEDER = "januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december"


# -- item 4: the date "22. marts 2021" is not the administrationsgrundlag's ----------------------
def test_source_the_date_stands_between_the_two_documents_beside_an_unfilled_case_number():
    citat("A", 406, 406, "9. Erfaringsopsamling")
    citat("A", 422, 434, "22. marts 2021 Sag nr.: Klik her for at angive tekst. "
                         "/Strategi for digitalisering i den almene boligsektor")
    citat("A", 448, 456, "BOLIG- OG PLANSTYRELSEN INDENRIGS- OG BOLIGMINISTERIET")
    # The administrationsgrundlag itself (l. 1–421) carries no date, and names the ministry and agency
    # of its own time.
    assert not re.search(rf"\b\d{{1,2}}\. (?:{MAANEDER}) \d{{4}}\b", afsnit("A", 1, 421))
    citat("A", 94, 96, "Ændringer i dette administrationsgrundlag kan kun ske efter godkendelse fra "
                       "Transport- og Boligministeriet.")
    citat("A", 131, 133, "Transport- og Boligministeriets departement samt Trafik-, Bygge- og Boligstyrelsen.")


def test_no_page_dates_the_administrationsgrundlag_22_march_2021(sider):
    for md in MINE:
        for k in front_matter(md)["kilder"]:
            if k["titel"].startswith("Administrationsgrundlag"):
                assert "22. marts 2021" not in k["titel"] and "udateret" in k["titel"], (md, k)
        tekst = sider[html_sti(md)].tekst
        for forkert in ("administrationsgrundlaget af 22. marts 2021",
                        "Administrationsgrundlag for Bæredygtighedspuljen, 22. marts 2021",
                        "Administrationsgrundlag for Bæredygtighedspuljen (22. marts 2021)"):
            assert forkert not in tekst, (md, forkert)


def test_the_data_does_not_date_it_either():
    for sti in ("baeredygtighedspuljen.kilde", "ansoegningsrunder.kilde"):
        assert "22. marts" not in slaa_op(sti), sti
    assert "udateret" in slaa_op("baeredygtighedspuljen.kilde")


def test_the_pool_page_says_where_the_date_stands(sider):
    s = sider[BP]
    assert "datering" in s.ids
    for del_ in ("Administrationsgrundlaget har ingen dato i selve teksten",
                 "»22. marts 2021« efter administrationsgrundlagets sidste punkt (pkt. 9)",
                 "»Sag nr.«, der ikke er udfyldt",
                 "»Strategi for digitalisering i den almene boligsektor«"):
        assert del_ in s.tekst, del_


def test_the_deadline_entry_presents_the_date_as_uncertain():
    efter_id = {b.id: b for b in makroer.begivenheder()}
    b = efter_id["administrationsgrundlag-baeredygtighedspuljen"]   # the id calendars know
    assert b.titel.startswith("Usikker datering")
    assert "Sag nr." in b.beskrivelse and "sandsynligvis" in b.beskrivelse
    assert b.side == "baeredygtighedspuljen/index.md#datering"
    assert not [x.id for x in efter_id.values() if "22. marts 2021" in x.kilde]


# -- item 6: »andre tilsvarende statslige puljer«, projects »allerede er støttet« ----------------
def test_source_other_state_pools_must_be_similar_and_already_supporting():
    citat("A", 116, 120, "Der kan ikke ydes støtte til projekter, der allerede er støttet af Klima-, "
                         "Energi- og Forsyningsministeriets puljer eller andre tilsvarende statslige puljer.")


def test_the_pool_page_keeps_similar_and_already(sider):
    tekst = sider[BP].tekst
    assert "allerede er støttet af Klima-, Energi- og Forsyningsministeriets puljer eller andre tilsvarende " \
           "statslige puljer" in tekst
    assert "allerede støttet af Klima-, Energi- og Forsyningsministeriets puljer eller en anden tilsvarende " \
           "statslig pulje, kan det ikke få midler" in tekst
    for forkert in ("Aldrig sammen med andre statslige puljer", "slet ikke"):
        assert forkert not in tekst, forkert


# -- item 7: combining with Digitaliseringspuljen is »ikke udelukket«, not "gerne" -------------
def test_source_both_pools_is_not_excluded():
    citat("A", 108, 114, "Puljens initiativer skal tænkes sammen og koordineres med digitaliseringspuljen. "
                         "Det vil således ikke være udelukket, at det samme projekt kan modtage støtte fra "
                         "begge puljer, hvis det omfatter både bæredygtigheds- og digitaliseringsaspekter.")


def test_the_pages_say_not_excluded(sider):
    for side in (BP, DIGI):
        tekst = sider[side].tekst
        assert "»ikke udelukket«, at det samme projekt kan få støtte fra begge puljer" in tekst, side
        assert "Gerne sammen" not in tekst, side
        assert "det samme projekt kan få støtte fra begge puljer, hvis det har" not in tekst, side


# -- item 12: unranked criteria, »miljø- eller klimagevinst« --------------------------------------
def test_source_the_criteria_are_an_unranked_list_about_environment_or_climate():
    citat("A", 186, 186, "Investeringsmidlerne prioriteres efter følgende kriterier:")
    citat("A", 188, 190, "De ansøgninger, der vil bidrage med størst, relativ miljø- eller klimagevinst.")
    citat("A", 257, 259, "Tildelingen af midlerne skal understøtte en prioritering af projekter, der styrker "
                         "vidensgrundlaget")
    citat("A", 265, 269, "Derudover prioriteres Forsøgsmidlerne efter følgende kriterier:")
    citat("A", 267, 269, "De ansøgninger, hvor der kan sandsynliggøres de højeste relative miljø- eller "
                         "klimagevinster.")
    for fra, til in ((186, 220), (257, 297)):
        assert not re.search(r"\b(?:først|vigtigst|rangorden|vægt)", afsnit("A", fra, til))
        assert "CO2" not in afsnit("A", fra, til) and "CO₂" not in afsnit("A", fra, til)


def test_no_page_calls_the_climate_gain_the_first_criterion(sider):
    for sti, s in sider.items():
        assert "første prioriteringskriterium" not in s.tekst, sti


def test_the_pool_page_presents_the_criteria_unranked(sider):
    tekst = sider[BP].tekst
    assert "rangordner dem ikke indbyrdes" in tekst
    assert "Miljø- eller klimagevinst" in tekst and "Miljø- og klimagevinst |" not in tekst
    assert "ekstra hensyn øverst" not in tekst


# -- item 14: what was true in 2016/2021 is marked as dated ---------------------------------------
def test_source_the_strategy_speaks_of_2021_and_of_plans():
    citat("A", 697, 703, "Det digitale bygningsreglement er endnu ikke en realitet")
    citat("A", 1106, 1108, "Nedenfor listes konkrete milepæle frem til ultimo 2022. - Primo 2021 præsenteres "
                           "strategien.")
    citat("A", 805, 807, "projekter i forbindelse med aftalen fra marts 2021 om bæredygtigt byggeri")
    citat("A", 857, 857, "LBF opbygger pt. et administrativt register")
    citat("A", 1122, 1126, "Medio 2022 er der etableret tilstandsvurderingssystem med udgangspunkt i "
                           "fm3-rapport, som kan generere tilstandsmærker for almene bygninger automatisk fra "
                           "data i DCAB.")


def test_the_pages_date_what_the_strategy_and_the_administrationsgrundlag_say(sider):
    digi = sider[DIGI].tekst
    assert "Strategien for digitalisering af alment byggeri er fra 2021" in digi
    assert "Ifølge strategien fra 2021 var det digitale bygningsreglement »endnu ikke en realitet«" in digi
    assert "Det digitale bygningsreglement er endnu ikke en realitet" not in digi
    assert "Ifølge strategien fra 2021 var Landsbyggefonden i gang med at opbygge DCAB" in digi
    assert "Ifølge administrationsgrundlaget skal Transport- og Boligministeriet godkende" in sider[BP].tekst
    ordliste = sider["ordliste/index.html"].tekst
    assert "dannes automatisk" not in ordliste and "opbygger DCAB" not in ordliste
    assert "Strategien for digitalisering fra 2021 planlagde, at et tilstandsvurderingssystem medio 2022" in ordliste


def test_the_strategy_milestones_read_as_plans():
    digi = [b for b in makroer.begivenheder() if b.emne == "digitalisering" and b.id != "boligaftale-2020"]
    assert digi
    for b in digi:
        assert not re.search(r"\ber (?:etableret|indkommet)\b|\bforeligger\b|(?<!skal )præsenteres$", b.titel), b.titel
    tilstand = next(b for b in digi if b.id == "digitalisering-tilstandsvurderingssystem")
    assert "skal være etableret" in tilstand.titel and "strategien fra 2021" in tilstand.beskrivelse


# -- item 17: the følgegruppe has no task of its own in the source --------------------------------
def test_source_the_broader_circle_sentence_is_general_and_the_foelgegruppe_has_no_task():
    citat("A", 537, 539, "Til at sikre strategiens gennemførelse nedsættes en styre- og en arbejdsgruppe")
    citat("A", 540, 542, "Digitaliseringsstrategien og initiativerne formidles til og diskuteres med en "
                         "bredere kreds af interessenter.")
    assert "følgegruppe" not in afsnit("A", 537, 542)
    citat("A", 987, 993, "Endvidere nedsættes en følgegruppe med relevante parter fra interesseorganisationer, "
                         "boligorganisationer, kommuner, leverandører af it-løsninger samt andre centrale "
                         "aktører fra ejendomsadministration og byggeri, herunder Bygningsstyrelsen og Realdania.")
    assert "formidl" not in afsnit("A", 966, 997)


def test_the_digitalisation_page_attributes_the_sentence_to_the_introduction(sider):
    tekst = sider[DIGI].tekst
    assert "»Organisering« giver ikke følgegruppen en opgave" in tekst
    assert ("Strategiens indledning siger generelt, at »Digitaliseringsstrategien og initiativerne formidles "
            "til og diskuteres med en bredere kreds af interessenter«") in tekst
    assert "Strategien og initiativerne formidles til og diskuteres med en bredere kreds" not in tekst


# -- item 18: the May 2022 note's title and address are editor-maintained ------------------------
def _lbf_maj_2022() -> str:
    titel = formater(slaa_op("kilder.lbf_maj_2022.titel"), None)
    adresse = formater(slaa_op("kilder.lbf_maj_2022.adresse"), None)
    return f"maj 2022 (titel: {titel}; adresse: {adresse})"


def test_the_note_has_title_and_address_fields():
    for felt in ("titel", "adresse"):
        assert isinstance(slaa_op(f"kilder.lbf_maj_2022.{felt}"), str)
    # Unfilled, a field reads "ikke angivet" – never nothing.
    assert formater("", None) == "ikke angivet"


def test_every_citation_of_the_note_shows_title_and_address(sider):
    forventet = _lbf_maj_2022()
    for side, antal in ((BP, 2), (DIGI, 1), ("frister/index.html", 1)):
        assert sider[side].tekst.count(forventet) >= antal, (side, forventet)
    for md in ("baeredygtighedspuljen/index.md", "digitalisering/index.md"):
        kilder = re.findall(r"^\s*Kilde: Landsbyggefonden \(lbf\.dk\), oplysning om Bæredygtighedspuljen, maj 2022.*$",
                            (DOCS / md).read_text(encoding="utf-8"), flags=re.M)
        assert kilder and all(k.rstrip().endswith("(titel:") for k in kilder), (md, kilder)


def test_the_calendar_names_the_note_too(bygget_site):
    kal = icalendar.Calendar.from_ical((bygget_site / "frister.ics").read_bytes())
    beskrivelser = [str(e["description"]) for e in kal.walk("VEVENT") if "maj 2022" in str(e["description"])]
    assert beskrivelser and all(_lbf_maj_2022() in " ".join(b.split()) for b in beskrivelser)


def test_filled_in_fields_reach_the_pages(byg_kopi, tmp_path):
    def aendr(kopi):
        fil = kopi / "calculators" / "data" / "kilder.toml"
        tekst = fil.read_text(encoding="utf-8")
        assert tekst.count('titel = ""') == 1 and tekst.count('adresse = ""') == 1
        fil.write_text(tekst.replace('titel = ""', 'titel = "Bæredygtighedspuljen – testtitel"')
                       .replace('adresse = ""', 'adresse = "https://lbf.example/test"'), encoding="utf-8")
    proc = byg_kopi(aendr)
    assert proc.returncode == 0, proc.stderr
    for sti in ("baeredygtighedspuljen/index.html", "digitalisering/index.html"):
        html = " ".join((tmp_path / "site" / sti).read_text(encoding="utf-8").split())
        assert "titel: Bæredygtighedspuljen – testtitel; adresse: <a href=\"https://lbf.example/test\">" in html, sti
        assert "titel: ikke angivet" not in html, sti
    ics = (tmp_path / "site" / "frister.ics").read_bytes().decode()
    assert "testtitel" in "".join(ics.replace("\r\n ", "").split("\r\n"))


def test_the_editor_guide_says_where_the_fields_are():
    tekst = (DOCS / "redaktoer.md").read_text(encoding="utf-8")
    afsnit_ = tekst.split("## Senere kilder: titel og adresse", 1)[1].split("\n## ", 1)[0]
    for del_ in ("calculators/data/kilder.toml", "[lbf_maj_2022]", "»ikke angivet«", "https://"):
        assert del_ in afsnit_, del_
