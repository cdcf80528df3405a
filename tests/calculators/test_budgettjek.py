"""Known answers for the budget checker, from the administrationsgrundlag for Bæredygtighedspuljen.

The expected frames are written out from the administrationsgrundlag (pkt. 5: 16,5 mio. kr. a
year 2021-25 and 17,5 mio. kr. in 2026 for the investeringsramme, 8,5 and 7,5 mio. kr. for
forsøgsmidler, merforbrug "op til 20 pct."), not read from the data file, so a wrong value in the
file fails here. Every boundary is tested on both sides, to the øre. Each rule the checker follows
is pinned to its sentence in the source with ``citat`` (tests/kildecitat.py).
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import json
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from kildecitat import afsnit, citat, linjer

import calculators
from calculators import budgettjek
from calculators._contract import Laeser
from calculators._data import Datafejl
from calculators._versioner import Versioner
from calculators.budgettjek import EKSEMPEL, INDHOLD, TJEK_IDS
from calculators.visning import budgettjek as visning

ROD = Path(__file__).resolve().parents[2]

ALLE_IDS = ["ansoegerkreds", "periode", "beloeb_stemmer", "aarsramme", "statslig_dobbeltstoette",
            "lbf_kombination", "indhold_effekt", "indhold_maal_og_succeskriterier", "indhold_evaluering",
            "indhold_tidsplan", "indhold_kompetencer", "indhold_budget", "egenfinansiering", "klimagevinst"]
AFSNIT = {"hvem-kan-soege", "ansoegningens-indhold", "udmoentning", "kombination-med-anden-stoette",
          "prioriteringskriterier"}

# The frames, from the administrationsgrundlag pkt. 5 (kroner).
RAMMER = {
    "investeringsramme": {**{aar: 16_500_000 for aar in range(2021, 2026)}, 2026: 17_500_000},
    "forsoegsmidler": {**{aar: 8_500_000 for aar in range(2021, 2026)}, 2026: 7_500_000},
}


def inddata(**aendringer):
    """EKSEMPEL with changes; ``pulje=x`` makes the budget one pool line of x and applies for x."""
    d = copy.deepcopy(EKSEMPEL)
    if "pulje" in aendringer:
        beloeb = aendringer.pop("pulje")
        d["poster"] = [{"tekst": "Projektet", "beloeb_kr": beloeb, "finansiering": "pulje"},
                       {"tekst": "Egen andel", "beloeb_kr": 100_000, "finansiering": "egen"}]
        d["ansoegt_beloeb_kr"] = beloeb
    d.update(aendringer)
    return d


def svar(**aendringer):
    s = calculators.run("budgettjek", inddata(**aendringer))
    assert "fejl" not in s, s
    return s


def tjek(s, tid):
    (t,) = [t for t in s["tjek"] if t["id"] == tid]
    return t


def status(s, tid):
    return tjek(s, tid)["status"]


def fejlfelter(data, formular=False):
    s = calculators.run("budgettjek", data, formular=formular)
    assert "fejl" in s, s
    return {f["felt"]: f["besked"] for f in s["fejl"]}


# -- the worked example -----------------------------------------------------------------------
def test_eksempel_noegletal():
    s = svar()
    # 3.200.000 + 250.000 from the pool, 400.000 own money, 150.000 from others.
    assert s["samlet_budget_kr"] == 4_000_000
    assert s["puljefinansiering_kr"] == 3_450_000
    assert s["egenfinansiering_kr"] == 400_000
    assert s["anden_finansiering_kr"] == 150_000
    assert s["egenfinansieringsandel_pct"] == 10          # 400.000 / 4.000.000
    assert s["aarsramme_kr"] == 16_500_000
    assert s["andel_af_aarsramme_pct"] == 20.9            # 3.450.000 / 16.500.000 = 20,9090…
    assert s["kr_pr_ton_co2e"] == 9523.81                 # 4.000.000 / 420 = 9.523,8095…
    assert s["kan_indsendes"] is True
    assert [t["id"] for t in s["tjek"]] == ALLE_IDS
    assert [t["id"] for t in s["tjek"] if t["status"] != "ok"] == ["lbf_kombination"]
    assert s["konklusion"] == "Ansøgningen kan sendes. Læs advarslen først."


def test_hvert_tjek_har_kilde_afsnit_og_regel():
    for t in svar()["tjek"]:
        assert set(t) == {"id", "status", "besked", "kilde", "afsnit", "hvad_goer_i", "regel"}
        assert "pkt. " in t["kilde"] and "Bæredygtighedspuljen" in t["kilde"]
        assert t["afsnit"] in AFSNIT
        assert t["regel"] and t["besked"]
        assert (t["hvad_goer_i"] == "") == (t["status"] == "ok")


def test_reglerne_er_citeret_ordret():
    """Every quoted rule, piece by piece between square brackets ("[…]" or an editor's note), is in
    the administrationsgrundlag (document A, l. 1–430; the copy in kilder/)."""
    assert len(linjer("A")) > 430
    kilde = afsnit("A", 1, 430)
    r = budgettjek.regler()
    antal = 0
    for regel in r.tjek.values():
        for tekst in [regel.regel, *regel.regel_pr_delpulje.values()]:
            for stykke in re.split(r"\[[^\]]*\]", tekst):
                stykke = stykke.strip(" .,")
                if stykke:
                    citat("A", 1, 430, stykke)
                    antal += 1
    assert antal >= len(ALLE_IDS)
    # The comparison can fail: a word changed in a quote is found missing.
    assert "Det er alene almene boligorganisationer, som kan ansøge" in kilde
    with pytest.raises(AssertionError):
        citat("A", 1, 430, "Det er kun almene boligorganisationer, som kan ansøge")


# -- ansoegerkreds ------------------------------------------------------------------------------
@pytest.mark.parametrize("ansoeger,delpulje,forventet", [
    ("boligorganisation", "investeringsramme", "ok"),
    ("boligorganisation", "forsoegsmidler", "ok"),
    ("boligafdeling", "investeringsramme", "fejl"),
    ("boligafdeling", "forsoegsmidler", "fejl"),
    ("raadgivning_forskning", "forsoegsmidler", "fejl"),     # not in the rounds either (A l. 308–310)
    ("raadgivning_forskning", "investeringsramme", "fejl"),
    ("anden", "investeringsramme", "fejl"),
    ("anden", "forsoegsmidler", "fejl"),
])
def test_ansoegerkreds(ansoeger, delpulje, forventet):
    s = svar(ansoeger=ansoeger, delpulje=delpulje, pulje=1_000_000)
    assert status(s, "ansoegerkreds") == forventet
    assert s["kan_indsendes"] is (forventet != "fejl")


def test_boligafdeling_skal_soege_gennem_boligorganisationen():
    t = tjek(svar(ansoeger="boligafdeling"), "ansoegerkreds")
    assert "boligorganisationen" in t["besked"] and "pkt. 6" in t["kilde"]


@pytest.mark.parametrize("delpulje", ["investeringsramme", "forsoegsmidler"])
def test_forskning_kan_ikke_soege_men_kan_kontakte_lbf(delpulje):
    """A l. 316–318: only almene boligorganisationer apply; A l. 298–310: LBF's forsøgsmidler to
    rådgivnings- og forskningsinstitutioner are granted outside the rounds."""
    citat("A", 316, 318, "Det er alene almene boligorganisationer, som kan ansøge om midler fra puljen")
    citat("A", 298, 300, "Endelig kan LBF tildele forsøgsmidler til eksterne rådgivnings- og "
                         "forskningsinstitutioner til særlige forsøgs- og udviklingsprojekter")
    citat("A", 308, 310, "Disse midler udmøntes ikke som led i ansøgningsrunderne.")
    s = svar(ansoeger="raadgivning_forskning", delpulje=delpulje, pulje=1_000_000)
    t = tjek(s, "ansoegerkreds")
    assert t["status"] == "fejl" and s["kan_indsendes"] is False
    assert s["konklusion"] == "Ret 1 fejl før I sender ansøgningen."
    assert "kun almene boligorganisationer" in t["besked"] and "ansøgningsrunderne" in t["besked"]
    assert "kontakt LBF" in t["hvad_goer_i"] and "almen boligorganisation stå som ansøger" in t["hvad_goer_i"]
    assert "pkt. 5" in t["kilde"] and "pkt. 6" in t["kilde"]
    assert "Disse midler udmøntes ikke som led i ansøgningsrunderne." in t["regel"]


# -- periode and aarsramme ----------------------------------------------------------------------
@pytest.mark.parametrize("aar,forventet", [(2020, "fejl"), (2021, "ok"), (2026, "ok"), (2027, "fejl")])
@pytest.mark.parametrize("delpulje", ["investeringsramme", "forsoegsmidler"])
def test_periode_graenser(aar, forventet, delpulje):
    s = svar(aar=aar, delpulje=delpulje, pulje=1_000_000)
    assert status(s, "periode") == forventet
    if forventet == "fejl":
        assert s["aarsramme_kr"] is None and s["andel_af_aarsramme_pct"] is None
        assert status(s, "aarsramme") == "fejl"
        assert "2021" in tjek(s, "periode")["hvad_goer_i"] and "2026" in tjek(s, "periode")["hvad_goer_i"]
        assert s["kan_indsendes"] is False
    else:
        assert s["aarsramme_kr"] == RAMMER[delpulje][aar]
        assert status(s, "aarsramme") == "ok"


@pytest.mark.parametrize("delpulje", ["investeringsramme", "forsoegsmidler"])
@pytest.mark.parametrize("aar", range(2021, 2027))
def test_aarsrammerne_er_administrationsgrundlagets(delpulje, aar):
    assert svar(delpulje=delpulje, aar=aar, pulje=0)["aarsramme_kr"] == RAMMER[delpulje][aar]


# (delpulje, aar, amount, expected): the frame exactly, one øre above, and far above: 120 % of
# the frame is no ceiling (the merforbrug is LBF's room for the pool, A l. 166–168).
@pytest.mark.parametrize("delpulje,aar,beloeb,forventet", [
    ("investeringsramme", 2024, 16_500_000, "ok"),
    ("investeringsramme", 2024, 16_500_000.01, "advarsel"),
    ("investeringsramme", 2024, 19_800_000, "advarsel"),
    ("investeringsramme", 2024, 19_800_000.01, "advarsel"),
    ("investeringsramme", 2024, 100_000_000, "advarsel"),
    ("investeringsramme", 2026, 17_500_000, "ok"),
    ("investeringsramme", 2026, 17_500_000.01, "advarsel"),
    ("investeringsramme", 2026, 21_000_000.01, "advarsel"),
    ("investeringsramme", 2021, 0, "ok"),
    ("forsoegsmidler", 2025, 8_500_000, "ok"),
    ("forsoegsmidler", 2025, 8_500_000.01, "advarsel"),
    ("forsoegsmidler", 2025, 10_200_000.01, "advarsel"),
    ("forsoegsmidler", 2026, 7_500_000, "ok"),
    ("forsoegsmidler", 2026, 7_500_000.01, "advarsel"),
    ("forsoegsmidler", 2026, 100_000_000, "advarsel"),
])
def test_aarsramme_graenser(delpulje, aar, beloeb, forventet):
    s = svar(delpulje=delpulje, aar=aar, pulje=beloeb)
    assert status(s, "aarsramme") == forventet
    assert status(s, "beloeb_stemmer") == "ok"
    assert s["kan_indsendes"] is (forventet != "fejl")


def test_aarsramme_andel_og_beskeder():
    s = svar(pulje=8_250_000)
    assert s["andel_af_aarsramme_pct"] == 50
    assert ("50\u00a0% af årsrammen for investeringsrammemidler i 2024 på 16.500.000\u00a0kr."
            in tjek(s, "aarsramme")["besked"])
    t = tjek(svar(pulje=16_500_000.01), "aarsramme")
    assert "0,01\u00a0kr. mere end hele årsrammen for investeringsrammemidler i 2024" in t["besked"]


def test_over_aarsrammen_er_en_advarsel_aldrig_en_fejl():
    """A l. 162–168: unused money moves to the next year, and LBF's »begrænset merforbrug (op til
    20 pct.)« is its room for the pool as a whole – no sentence sets a ceiling per application."""
    citat("A", 162, 164, "Uforbrugte midler kan overføres til året efter")
    citat("A", 166, 168, "LBF har adgang til et begrænset merforbrug (op til 20 pct.) ved at "
                         "fremrykke rammemidler, hvis der er behov for det.")
    citat("A", 233, 235, "Uforbrugte og tilbageførte midler kan overføres til året efter")
    s = svar(pulje=19_800_000.01)
    t = tjek(s, "aarsramme")
    assert t["status"] == "advarsel" and s["kan_indsendes"] is True
    assert t["besked"].startswith("I søger 19.800.000,01\u00a0kr. Det er 3.300.000,01\u00a0kr. mere end hele "
                                  "årsrammen for investeringsrammemidler i 2024 på 16.500.000\u00a0kr. ")
    assert "op til 20\u00a0% af årsrammen ved at fremrykke rammemidler" in t["besked"]
    assert "Uforbrugte midler kan overføres til året efter" in t["besked"]
    assert "ikke et loft for den enkelte ansøgning" in t["besked"]
    assert "Spørg LBF" in t["hvad_goer_i"]
    # Forsøgsmidler: carry-over, no merforbrug; the first year has nothing to carry over.
    t = tjek(svar(delpulje="forsoegsmidler", aar=2025, pulje=50_000_000), "aarsramme")
    assert t["status"] == "advarsel" and "Uforbrugte midler" in t["besked"] and "merforbrug" not in t["besked"]
    t = tjek(svar(aar=2021, pulje=16_500_000.01), "aarsramme")
    assert "Uforbrugte midler" not in t["besked"] and "merforbrug" in t["besked"]


def test_datafilen_har_intet_loft_pr_ansoegning():
    """The key that made 120 % a ceiling is gone; a file that brings it back is refused."""
    felter = {f.name for f in dataclasses.fields(budgettjek.Delpulje)}
    assert not {f for f in felter if "loft" in f}
    assert "loft" not in (ROD / "calculators" / "data" / "baeredygtighedspuljen.toml").read_text(encoding="utf-8")


# -- beloeb_stemmer -----------------------------------------------------------------------------
@pytest.mark.parametrize("ansoegt,forventet", [
    (3_450_000, "ok"), (3_450_000.01, "fejl"), (3_449_999.99, "fejl"), (0, "fejl"),
])
def test_beloeb_stemmer_til_oeret(ansoegt, forventet):
    s = svar(ansoegt_beloeb_kr=ansoegt)
    assert status(s, "beloeb_stemmer") == forventet
    assert s["kan_indsendes"] is (forventet == "ok")


def test_beloeb_stemmer_naevner_begge_summer():
    t = tjek(svar(ansoegt_beloeb_kr=3_450_000.01), "beloeb_stemmer")
    assert "3.450.000,01\u00a0kr." in t["besked"] and "3.450.000\u00a0kr." in t["besked"]
    assert "Forskellen er 0,01\u00a0kr." in t["besked"] and ".." not in t["besked"]


def test_beloeb_stemmer_uden_puljeposter():
    data = inddata(poster=[{"tekst": "Alt selv", "beloeb_kr": 500_000, "finansiering": "egen"}],
                   ansoegt_beloeb_kr=0)
    s = calculators.run("budgettjek", data)
    assert status(s, "beloeb_stemmer") == "ok" and s["puljefinansiering_kr"] == 0
    data["ansoegt_beloeb_kr"] = 1
    t = tjek(calculators.run("budgettjek", data), "beloeb_stemmer")
    assert t["status"] == "fejl" and "ingen budgetposter" in t["besked"]


def test_oeresummer_er_eksakte():
    # 0,1 + 0,2 is not 0,3 in binary floating point; in øre it must be.
    data = inddata(poster=[{"tekst": "a", "beloeb_kr": 0.1, "finansiering": "pulje"},
                           {"tekst": "b", "beloeb_kr": 0.2, "finansiering": "pulje"}],
                   ansoegt_beloeb_kr=0.3)
    s = calculators.run("budgettjek", data)
    assert status(s, "beloeb_stemmer") == "ok" and s["puljefinansiering_kr"] == 0.3


# -- support from elsewhere ---------------------------------------------------------------------
@pytest.mark.parametrize("statslig,forventet", [(True, "fejl"), (False, "ok")])
def test_statslig_dobbeltstoette(statslig, forventet):
    s = svar(anden_statslig_pulje=statslig)
    assert status(s, "statslig_dobbeltstoette") == forventet
    assert "pkt. 3" in tjek(s, "statslig_dobbeltstoette")["kilde"]


def test_statslig_dobbeltstoette_siger_tilsvarende_og_allerede():
    """A l. 116–120: only projects »allerede […] støttet af« KEFM's or »andre tilsvarende
    statslige puljer« – the question, the page and the messages keep both words."""
    citat("A", 116, 120, "Der kan ikke ydes støtte til projekter, der allerede er støttet af Klima-, "
                         "Energi- og Forsyningsministeriets puljer eller andre tilsvarende statslige puljer.")
    for statslig in (True, False):
        t = tjek(svar(anden_statslig_pulje=statslig), "statslig_dobbeltstoette")
        assert "allerede er støttet af Klima-, Energi- og Forsyningsministeriets puljer" in t["besked"]
        assert "andre tilsvarende statslige puljer" in t["besked"]
    data = inddata()
    del data["anden_statslig_pulje"]
    felter = fejlfelter(data)
    assert felter["anden_statslig_pulje"] == (
        "Svar ja eller nej til om projektet allerede er støttet af Klima-, Energi- og "
        "Forsyningsministeriets puljer eller andre tilsvarende statslige puljer.")
    side = (ROD / "docs" / "beregnere" / "budgettjek.md").read_text(encoding="utf-8")
    assert ("<legend>Er projektet allerede støttet af Klima-, Energi- og Forsyningsministeriets puljer "
            "eller andre tilsvarende statslige puljer?</legend>") in side
    assert "støttet af en anden statslig pulje" not in side


@pytest.mark.parametrize("lbf,skotter,forventet", [
    (False, False, "ok"), (False, True, "ok"), (True, False, "fejl"), (True, True, "advarsel"),
])
def test_lbf_kombination(lbf, skotter, forventet):
    s = svar(stoettet_af_lbf=lbf, vandtaette_skotter=skotter)
    assert status(s, "lbf_kombination") == forventet
    assert s["kan_indsendes"] is (forventet != "fejl")


def test_vandtaette_skotter_kan_udelades_uden_lbf_stoette():
    data = inddata(stoettet_af_lbf=False)
    del data["vandtaette_skotter"]
    assert status(calculators.run("budgettjek", data), "lbf_kombination") == "ok"


# -- content (pkt. 7) ---------------------------------------------------------------------------
@pytest.mark.parametrize("noegle", list(INDHOLD))
def test_indhold_mangler_er_fejl(noegle):
    s = svar(indhold={**EKSEMPEL["indhold"], noegle: False})
    ikke_ok = {t["id"]: t["status"] for t in s["tjek"] if t["status"] != "ok"}
    assert ikke_ok == {f"indhold_{noegle}": "fejl", "lbf_kombination": "advarsel"}
    assert "pkt. 7" in tjek(s, f"indhold_{noegle}")["kilde"]
    assert s["kan_indsendes"] is False
    assert s["konklusion"] == "Ret 1 fejl før I sender ansøgningen."


def test_alt_indhold_mangler():
    s = svar(indhold={k: False for k in INDHOLD})
    assert s["konklusion"] == "Ret 6 fejl før I sender ansøgningen."


# -- prioritisation -----------------------------------------------------------------------------
@pytest.mark.parametrize("poster,forventet,andel", [
    ([("pulje", 1_000_000)], "advarsel", 0),
    ([("pulje", 1_000_000), ("egen", 0)], "advarsel", 0),
    ([("pulje", 1_000_000), ("anden", 500_000)], "advarsel", 0),
    ([("pulje", 1_000_000), ("egen", 0.01)], "ok", 0),            # 0,01 / 1.000.000,01 rounds to 0,0 %
    ([("pulje", 750_000), ("egen", 250_000)], "ok", 25),
])
def test_egenfinansiering(poster, forventet, andel):
    data = inddata(poster=[{"tekst": f"post {i}", "beloeb_kr": b, "finansiering": f}
                           for i, (f, b) in enumerate(poster)],
                   ansoegt_beloeb_kr=sum(b for f, b in poster if f == "pulje"))
    s = calculators.run("budgettjek", data)
    assert status(s, "egenfinansiering") == forventet
    assert s["egenfinansieringsandel_pct"] == andel
    assert s["kan_indsendes"] is True


def test_budget_paa_nul_kroner_har_ingen_andel():
    s = svar(pulje=0, poster=[{"tekst": "Intet", "beloeb_kr": 0, "finansiering": "pulje"}])
    assert s["samlet_budget_kr"] == 0 and s["egenfinansieringsandel_pct"] is None
    assert s["kr_pr_ton_co2e"] == 0 and status(s, "egenfinansiering") == "advarsel"


@pytest.mark.parametrize("ton,forventet,pr_ton", [
    (None, "advarsel", None), (0, "advarsel", None), (0.001, "ok", 4_000_000_000), (420, "ok", 9523.81),
    (3, "ok", 1_333_333.33),
])
def test_klimagevinst(ton, forventet, pr_ton):
    s = svar(klimagevinst_ton_co2e=ton)
    assert status(s, "klimagevinst") == forventet
    assert s["kr_pr_ton_co2e"] == pr_ton
    assert s["kan_indsendes"] is True


def test_klimagevinst_kan_udelades():
    data = inddata()
    del data["klimagevinst_ton_co2e"]
    s = calculators.run("budgettjek", data)
    assert status(s, "klimagevinst") == "advarsel" and s["kr_pr_ton_co2e"] is None


@pytest.mark.parametrize("ton", [None, 0])
def test_manglende_co2e_er_ikke_manglende_miljoegevinst(ton):
    """A l. 186–214 and 265–293: the criteria are a list without ranks, and the criterion is the
    relative »miljø- eller klimagevinst«. A missing CO₂e figure is a note, not a fejl, and neither
    "no environmental gain" nor "the first criterion"."""
    citat("A", 186, 186, "Investeringsmidlerne prioriteres efter følgende kriterier:")
    citat("A", 188, 190, "De ansøgninger, der vil bidrage med størst, relativ miljø- eller klimagevinst.")
    citat("A", 265, 265, "Derudover prioriteres Forsøgsmidlerne efter følgende kriterier:")
    citat("A", 267, 269, "De ansøgninger, hvor der kan sandsynliggøres de højeste relative miljø- eller "
                         "klimagevinster.")
    citat("A", 257, 263, "Tildelingen af midlerne skal understøtte en prioritering af projekter, der styrker "
                         "vidensgrundlaget")
    for delpulje in ("investeringsramme", "forsoegsmidler"):
        s = svar(klimagevinst_ton_co2e=ton, delpulje=delpulje, pulje=1_000_000)
        t = tjek(s, "klimagevinst")
        assert t["status"] == "advarsel" and s["kan_indsendes"] is True
        assert "skal stadig beskrive projektets miljø- eller klimagevinst" in t["besked"]
        assert "et af de kriterier" in t["besked"]
        assert "miljø- eller klimagevinst" in t["hvad_goer_i"]
        tekst = (t["besked"] + t["hvad_goer_i"]).lower()
        assert "første" not in tekst and "ingen miljø" not in tekst and "ingen klimagevinst" not in tekst
    side = (ROD / "docs" / "beregnere" / "budgettjek.md").read_text(encoding="utf-8")
    assert "første prioriteringskriterium" not in side
    assert "skal stadig beskrive projektets miljø- eller klimagevinst" in side


def test_klimagevinst_for_stor():
    felter = fejlfelter(inddata(klimagevinst_ton_co2e=10**15))
    assert felter == {"klimagevinst_ton_co2e": "Klimagevinsten er for stor. Tjek tallet."}
    felter = fejlfelter({**inddata(), "klimagevinst_ton_co2e": "1.000.000.000.000.000"}, formular=True)
    assert felter == {"klimagevinst_ton_co2e": "Klimagevinsten er for stor. Tjek tallet."}


# -- bad input: every problem, with its exact path -----------------------------------------------
def test_ingen_poster_er_inputfejl():
    assert "poster" in fejlfelter(inddata(poster=[]))
    data = inddata()
    del data["poster"]
    assert "budgetpost" in fejlfelter(data)["poster"]


def test_negativt_beloeb_i_en_post():
    data = inddata()
    data["poster"][2]["beloeb_kr"] = -1
    felter = fejlfelter(data)
    assert list(felter) == ["poster[2].beloeb_kr"]
    assert felter["poster[2].beloeb_kr"] == ("Beløbet for budgetpost 3 kan ikke være negativt. "
                                             "Indtast et beløb på 0 kr. eller mere.")


def test_negativt_ansoegt_beloeb():
    felter = fejlfelter(inddata(ansoegt_beloeb_kr=-0.01))
    assert list(felter) == ["ansoegt_beloeb_kr"]
    assert "Det ansøgte beløb kan ikke være negativt" in felter["ansoegt_beloeb_kr"]


def test_alle_fejl_samles_med_stier():
    data = inddata(aar="næste år", delpulje="digitalisering", ansoegt_beloeb_kr=1.001,
                   klimagevinst_ton_co2e=-3, stoettet_af_lbf="måske")
    data["poster"][0]["finansiering"] = "kommunen"
    data["poster"][1]["tekst"] = "  "
    data["poster"][3]["beloeb_kr"] = "1.000"
    data["indhold"] = {**EKSEMPEL["indhold"], "tidsplan": None, "farve": True}
    felter = fejlfelter(data)
    assert set(felter) == {"aar", "delpulje", "ansoegt_beloeb_kr", "klimagevinst_ton_co2e",
                           "stoettet_af_lbf", "poster[0].finansiering", "poster[1].tekst",
                           "poster[3].beloeb_kr", "indhold.tidsplan", "indhold.farve"}
    assert "»investeringsramme«, »forsoegsmidler«" in felter["delpulje"]
    assert "ansøgningsåret" in felter["aar"]
    assert "højst to decimaler" in felter["ansoegt_beloeb_kr"]
    assert felter["klimagevinst_ton_co2e"] == "Klimagevinsten skal være mindst 0 ton CO₂e."
    assert "hvem der betaler budgetpost 1" in felter["poster[0].finansiering"]
    assert "budgetpost 2 dækker" in felter["poster[1].tekst"]
    assert "beløbet for budgetpost 4 som et tal" in felter["poster[3].beloeb_kr"]
    assert "tidsramme" in felter["indhold.tidsplan"]
    assert "kendes ikke" in felter["indhold.farve"]


def test_hoejst_100_budgetposter_samme_graense_som_siden():
    """One limit: the checker's, which the page's row block shows (calculators.raekkegraenser)."""
    assert calculators.raekkegraenser()["budgettjek"] == {"poster": budgettjek.MAKS_POSTER} == {"poster": 100}
    data = inddata(poster=[{"tekst": "x", "beloeb_kr": 1, "finansiering": "pulje"}] * 101, ansoegt_beloeb_kr=101)
    assert fejlfelter(data) == {"poster": "Højst 100 budgetposter. Der er 101."}
    data = inddata(poster=[{"tekst": "x", "beloeb_kr": 1, "finansiering": "pulje"}] * 100, ansoegt_beloeb_kr=100)
    assert status(calculators.run("budgettjek", data), "beloeb_stemmer") == "ok"


def test_beskederne_bruger_tankestreg_og_kommaer():
    """Year ranges with an en dash, commas before subordinate clauses as on the page."""
    assert tjek(svar(), "periode")["besked"] == "2024 ligger i puljens periode, 2021\u20132026."
    assert "2021\u20132026" in tjek(svar(aar=2027), "periode")["besked"]
    assert tjek(svar(), "ansoegerkreds")["besked"].endswith("almene boligorganisationer, der kan søge puljen.")
    t = tjek(svar(indhold={**EKSEMPEL["indhold"], "evaluering": False}), "indhold_evaluering")
    assert t["besked"].startswith("Ansøgningen mangler en evaluering, der måler, om målene")
    t = tjek(svar(stoettet_af_lbf=True, vandtaette_skotter=True), "lbf_kombination")
    assert t["besked"].startswith("Projektet indgår i en sag, der også er støttet af LBF.")


def test_tom_post_giver_en_besked_pr_felt_i_begge_tilstande():
    # Form mode reads "" as missing, JSON mode as a blank text: one message either way.
    for formular in (False, True):
        data = inddata()
        data["poster"][1] = {"tekst": " ", "beloeb_kr": "", "finansiering": ""}
        s = calculators.run("budgettjek", data, formular=formular)
        felter = [f["felt"] for f in s["fejl"]]
        assert felter.count("poster[1].tekst") == 1, s["fejl"]
        assert {"felt": "poster[1].tekst", "besked": "Udfyld hvad budgetpost 2 dækker."} in s["fejl"]


@pytest.mark.parametrize("data,felt", [
    ({"indhold": None}, "indhold"),
    ({"indhold": [True] * 6}, "indhold"),
    ({"poster": {"tekst": "x"}}, "poster"),
    ({"poster": [None]}, "poster[0]"),
    ({"aar": 1999}, "aar"),
    ({"aar": 2024.5}, "aar"),
    ({"klimagevinst_ton_co2e": 1.0005}, "klimagevinst_ton_co2e"),
    ({"ansoeger": "kommune"}, "ansoeger"),
    ({"vandtaette_skotter": None}, "vandtaette_skotter"),       # asked because stoettet_af_lbf is true
    ({"anden_statslig_pulje": 0}, "anden_statslig_pulje"),
    ({"ansoegt_beloeb_kr": 1e15}, "ansoegt_beloeb_kr"),
    ({"budget": 1}, "budget"),
])
def test_enkelt_inputfejl(data, felt):
    felter = fejlfelter(inddata(**data))
    assert felt in felter, felter
    assert all(b and b[0].isupper() for b in felter.values())


def test_inddata_skal_vaere_et_objekt():
    s = calculators.run("budgettjek", [EKSEMPEL])
    assert s["fejl"][0] == {"felt": "", "besked": "Inddata skal være ét JSON-objekt ({…})."}


# -- form mode: what the browser sends ----------------------------------------------------------
def test_formular_danske_tal_og_ja_nej():
    data = {
        **inddata(),
        "aar": "2024", "ansoegt_beloeb_kr": "3.450.000,00", "klimagevinst_ton_co2e": "420,0",
        "stoettet_af_lbf": "ja", "vandtaette_skotter": "ja", "anden_statslig_pulje": "nej",
        "indhold": {k: "ja" for k in INDHOLD},
    }
    data["poster"] = [{**p, "beloeb_kr": f"{p['beloeb_kr']:,}".replace(",", ".")} for p in data["poster"]]
    assert calculators.run("budgettjek", data, formular=True) == svar()


def test_formular_tomt_felt_er_ikke_udfyldt():
    felter = fejlfelter({**inddata(), "ansoegt_beloeb_kr": " ", "klimagevinst_ton_co2e": ""}, formular=True)
    assert list(felter) == ["ansoegt_beloeb_kr"]
    assert felter["ansoegt_beloeb_kr"] == "Indtast det ansøgte beløb, fx 3.450.000."


# -- properties ---------------------------------------------------------------------------------
oere = st.integers(0, 10**11).map(lambda n: Decimal(n).scaleb(-2))
poster = st.lists(st.fixed_dictionaries({
    "tekst": st.text(min_size=1, max_size=20).filter(str.strip),
    "beloeb_kr": oere.map(float) | st.integers(0, 10**9),
    "finansiering": st.sampled_from(["pulje", "egen", "anden"]),
}), min_size=1, max_size=8)
gyldige = st.fixed_dictionaries({
    "delpulje": st.sampled_from(["investeringsramme", "forsoegsmidler"]),
    "ansoeger": st.sampled_from(["boligorganisation", "boligafdeling", "raadgivning_forskning", "anden"]),
    "aar": st.integers(2018, 2030),
    "poster": poster,
    "stoettet_af_lbf": st.booleans(),
    "vandtaette_skotter": st.booleans(),
    "anden_statslig_pulje": st.booleans(),
    "klimagevinst_ton_co2e": st.none() | st.integers(0, 10**6) | st.decimals(0, 10**6, places=3).map(float),
    "indhold": st.fixed_dictionaries({k: st.booleans() for k in INDHOLD}),
})


@st.composite
def ansoegninger(draw):
    d = draw(gyldige)
    pulje = sum(Decimal(repr(p["beloeb_kr"])) for p in d["poster"] if p["finansiering"] == "pulje")
    # Mostly a matching amount, sometimes one øre off, sometimes anything.
    d["ansoegt_beloeb_kr"] = float(draw(st.sampled_from([pulje, pulje + Decimal("0.01"), pulje])
                                        | oere))
    return d


@settings(max_examples=300, deadline=None)
@given(ansoegninger())
def test_egenskaber(data):
    s = calculators.run("budgettjek", data)
    assert "fejl" not in s, s
    json.dumps(s, allow_nan=False)
    assert [t["id"] for t in s["tjek"]] == ALLE_IDS
    assert all(t["status"] in ("ok", "advarsel", "fejl") for t in s["tjek"])
    assert s["kan_indsendes"] is all(t["status"] != "fejl" for t in s["tjek"])
    assert (s["konklusion"].startswith("Ret ")) is (not s["kan_indsendes"])

    # The figures add up, exactly (from the Decimal result, before JSON).
    r = budgettjek.beregn(budgettjek.parse(Laeser(data)))
    beloeb = [Decimal(repr(p["beloeb_kr"])) for p in data["poster"]]
    assert r.samlet_budget_kr == sum(beloeb)
    assert r.samlet_budget_kr == r.puljefinansiering_kr + r.egenfinansiering_kr + r.anden_finansiering_kr
    assert r.puljefinansiering_kr == sum(b for b, p in zip(beloeb, data["poster"], strict=True) if p["finansiering"] == "pulje")
    if r.samlet_budget_kr:
        assert abs(r.egenfinansieringsandel_pct - r.egenfinansiering_kr * 100 / r.samlet_budget_kr) <= Decimal("0.05")
    else:
        assert r.egenfinansieringsandel_pct is None
    assert (status(s, "beloeb_stemmer") == "ok") is (r.ansoegt_beloeb_kr == r.puljefinansiering_kr)
    assert (status(s, "periode") == "ok") is (2021 <= data["aar"] <= 2026) is (r.aarsramme_kr is not None)
    if r.aarsramme_kr is not None:
        assert abs(r.andel_af_aarsramme_pct - r.ansoegt_beloeb_kr * 100 / r.aarsramme_kr) <= Decimal("0.05")
    ton = data["klimagevinst_ton_co2e"]
    assert (r.kr_pr_ton_co2e is None) is (not ton)
    if ton:
        assert abs(r.kr_pr_ton_co2e * Decimal(repr(ton)) - r.samlet_budget_kr) <= Decimal("0.05") * Decimal(repr(ton))
    assert (status(s, "egenfinansiering") == "ok") is (r.egenfinansiering_kr > 0)
    # Only a year without a frame is a fejl of the frame check; no amount is.
    assert (status(s, "aarsramme") == "fejl") is (r.aarsramme_kr is None)
    assert status(s, "klimagevinst") != "fejl"
    # One full stop after an amount, never "kr..", in every text a reader sees.
    for t in s["tjek"]:
        for tekst in (t["besked"], t["hvad_goer_i"]):
            assert "kr.." not in tekst and "kr.\u00a0." not in tekst, tekst
    assert "kr.." not in s["konklusion"]

    side = visning.html(s)
    assert side.count('<li class="lbf-tjek ') == len(ALLE_IDS)
    assert ("Ansøgningen kan sendes." in side) is s["kan_indsendes"]


@settings(max_examples=200, deadline=None)
@given(data=st.data(), formular=st.booleans())
def test_kaster_aldrig(data, formular):
    """Broken variants of valid input never raise; every answer is a result or fejl."""
    d = data.draw(ansoegninger())
    skrald = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8) \
        | st.lists(st.none(), max_size=2) | st.dictionaries(st.text(max_size=4), st.none(), max_size=2)
    for _ in range(data.draw(st.integers(1, 3))):
        mål = data.draw(st.sampled_from(["top", "post", "indhold"]))
        if mål == "top":
            d[data.draw(st.sampled_from(sorted(d)))] = data.draw(skrald)
        elif mål == "post" and isinstance(d.get("poster"), list) and d["poster"]:
            p = d["poster"][0]
            if isinstance(p, dict):
                p[data.draw(st.sampled_from(["tekst", "beloeb_kr", "finansiering"]))] = data.draw(skrald)
        elif isinstance(d.get("indhold"), dict):
            d["indhold"][data.draw(st.sampled_from(list(INDHOLD)))] = data.draw(skrald)
    s = calculators.run("budgettjek", d, formular=formular)
    json.dumps(s, allow_nan=False)
    if "fejl" in s:
        assert s["fejl"] and all(f["besked"] for f in s["fejl"])
    else:
        assert [t["id"] for t in s["tjek"]] == ALLE_IDS
        assert s["kan_indsendes"] is all(t["status"] != "fejl" for t in s["tjek"])


# -- the data file --------------------------------------------------------------------------------
def test_tjek_ids_og_datafil_stemmer():
    assert list(TJEK_IDS) == ALLE_IDS
    r = budgettjek.regler()
    assert (r.foerste_udmoentningsaar, r.sidste_udmoentningsaar) == (2021, 2026)
    assert r.delpuljer["investeringsramme"].merforbrug_pct == 20
    assert r.delpuljer["forsoegsmidler"].merforbrug_pct == 0


def test_datafil_uden_aarsramme_for_et_aar_fejler(monkeypatch):
    r = budgettjek.regler()
    d = r.delpuljer["forsoegsmidler"]
    uden_2026 = dataclasses.replace(d, aarsrammer=Versioner(d.aarsrammer[:-1], "årsrammen"))
    monkeypatch.setattr(budgettjek, "indlaes", lambda *a: dataclasses.replace(
        r, delpuljer={**r.delpuljer, "forsoegsmidler": uden_2026}))
    with pytest.raises(Datafejl, match=r"delpuljer\.forsoegsmidler\.aarsrammer: forventede en årsramme for "
                                       r"præcis årene 2021–2026 .*fik 2021, 2022, 2023, 2024, 2025"):
        budgettjek.regler.__wrapped__()


def test_datafil_uden_regel_for_et_tjek_fejler(monkeypatch):
    r = budgettjek.regler()
    monkeypatch.setattr(budgettjek, "indlaes", lambda *a: dataclasses.replace(
        r, tjek={k: v for k, v in r.tjek.items() if k != "klimagevinst"}))
    with pytest.raises(Datafejl, match=r"tjek\.klimagevinst: mangler"):
        budgettjek.regler.__wrapped__()


def test_en_ny_aarsramme_i_datafilen_slaar_igennem():
    """The years and frames come from the data, not from the code."""
    r = budgettjek.regler()
    d = r.delpuljer["investeringsramme"]
    ramme_2027 = dataclasses.replace(d.aarsrammer[-1], gyldig_fra=dt.date(2027, 1, 1), gyldig_til=dt.date(2027, 12, 31),
                                     beloeb_kr=Decimal(1_000_000))
    ny = dataclasses.replace(r, gyldig_til=dt.date(2027, 12, 31), delpuljer={
        **r.delpuljer, "investeringsramme": dataclasses.replace(
            d, aarsrammer=Versioner((*d.aarsrammer, ramme_2027), "årsrammen"))})
    inp = budgettjek.parse(Laeser(inddata(aar=2027, pulje=1_200_000)))
    res = budgettjek.beregn(inp, ny)
    statusser = {t.id: t.status for t in res.tjek}
    assert statusser["periode"] == "ok" and statusser["aarsramme"] == "advarsel"
    over = budgettjek.beregn(dataclasses.replace(inp, ansoegt_beloeb_kr=Decimal("1200000.01")), ny)
    assert {t.id: t.status for t in over.tjek}["aarsramme"] == "advarsel"   # above 120 %: still no fejl
    assert "1.000.000\u00a0kr." in {t.id: t.besked for t in over.tjek}["aarsramme"]


# -- the view ---------------------------------------------------------------------------------------
def test_visning_dom_og_noegletal_foerst():
    side = visning.html(svar(indhold={k: False for k in INDHOLD}, anden_statslig_pulje=True))
    assert "Ret 7 fejl før I sender ansøgningen." in side
    assert side.index("Nøgletal for ansøgningen") < side.index('<li class="lbf-tjek ')
    assert side.index("Skal rettes (7)") < side.index("Bør I se på (1)") < side.index("I orden (6)")
    assert side.count(">Fejl</span>") == 7 and side.count(">Advarsel</span>") == 1 and side.count(">OK</span>") == 6
    for figur in ("Egenfinansieringsandel", "10\u00a0%", "Andel af årsrammen for 2024", "20,9\u00a0%",
                  "9.523,81\u00a0kr.", "Samlet budget", "4.000.000\u00a0kr."):
        assert figur in side
    assert "Det skal I gøre:" in side
    assert 'href="../../baeredygtighedspuljen/#ansoegningens-indhold"' in side
    assert "pkt. 7" in side and "<blockquote" in side


def test_visning_kan_sendes_og_manglende_tal():
    side = visning.html(svar(klimagevinst_ton_co2e=None, aar=2024))
    assert '<h3 class="lbf-udfald__titel">Ansøgningen kan sendes.</h3>' in side
    assert "Der er 2 advarsler: læs dem, før I sender ansøgningen." in side
    assert "Kan ikke beregnes uden en klimagevinst over 0 ton CO₂e" in side


def test_visning_escaper_alt():
    s = svar()
    ond = "<script>alert(1)</script>"
    s["tjek"][0] = {**s["tjek"][0], "besked": ond, "regel": ond, "kilde": ond, "hvad_goer_i": ond,
                    "status": "fejl", "afsnit": '"><img src=x>'}
    s["aar"] = ond
    side = visning.html(s)
    assert "<script>" not in side and "<img" not in side
    assert "&lt;script&gt;" in side
    # An error list is not a result: the page shows errors in its error summary, never through the view.
    with pytest.raises(ValueError):
        visning.html({"fejl": [{"felt": "poster[0].tekst", "besked": ond}]})


# -- the CLI ------------------------------------------------------------------------------------
def _cli(data):
    return subprocess.run([sys.executable, "-m", "calculators", "budgettjek"], input=json.dumps(data),
                          capture_output=True, text=True, cwd=ROD)


def test_cli_gyldig_ansoegning_exit_0():
    p = _cli(EKSEMPEL)
    assert p.returncode == 0, p.stderr
    assert json.loads(p.stdout)["kan_indsendes"] is True


def test_cli_ansoegning_med_fejl_er_stadig_et_resultat():
    """A check with status "fejl" is an answer about the application, not invalid input."""
    p = _cli(inddata(aar=2027))
    assert p.returncode == 0, p.stderr
    assert json.loads(p.stdout)["kan_indsendes"] is False


def test_cli_ugyldigt_input_exit_2():
    data = inddata()
    data["poster"][2]["beloeb_kr"] = -5
    p = _cli(data)
    assert p.returncode == 2
    assert [f["felt"] for f in json.loads(p.stdout)["fejl"]] == ["poster[2].beloeb_kr"]
    assert "Traceback" not in p.stderr


def test_andele_afrundes_en_gang():
    """12,2496 % is shown as 12,2 %, not rounded first to 12,25 and then to 12,3."""
    data = inddata(poster=[{"tekst": "a", "beloeb_kr": 877_504, "finansiering": "pulje"},
                           {"tekst": "b", "beloeb_kr": 122_496, "finansiering": "egen"}],
                   ansoegt_beloeb_kr=877_504)
    s = calculators.run("budgettjek", data)
    assert s["egenfinansieringsandel_pct"] == 12.2
    assert "som er 12,2\u00a0% af det samlede budget" in tjek(s, "egenfinansiering")["besked"]
