"""Known answers for the nøgletal checker, from the notat of 19 December 2016.

Every boundary is tested on both sides: the day before and the day of each start date and
of the cut-off, the threshold amount itself and one øre above it. The expected values are
written out from the notat, not computed from the data file.
"""

from __future__ import annotations

import datetime as dt

import pytest
from kildecitat import citat

import calculators

TIDLIGT_UDBUD = "2015-06-01"

# (rolle, start date from the notat, threshold from the notat)
ROLLER = [
    ("entreprenoer", dt.date(2007, 3, 1), 300_000),
    ("raadgiver", dt.date(2008, 5, 1), 150_000),
    ("bygherre", dt.date(2010, 1, 1), 5_000_000),
]


def tjek(rolle, tilsagn, udbud, beloeb):
    svar = calculators.run("noegletal", {"rolle": rolle, "tilsagnsdato": tilsagn,
                                         "udbudsdato": udbud, "beloeb_kr": beloeb})
    assert "fejl" not in svar, svar
    return svar


def betingelse(svar, navn):
    (b,) = [b for b in svar["begrundelser"] if b["betingelse"] == navn]
    return b


@pytest.mark.parametrize("rolle,start,taerskel", ROLLER)
def test_startdato_graense(rolle, start, taerskel):
    dagen_foer = (start - dt.timedelta(days=1)).isoformat()
    assert tjek(rolle, start.isoformat(), TIDLIGT_UDBUD, taerskel + 1)["omfattet"] is True
    svar = tjek(rolle, dagen_foer, TIDLIGT_UDBUD, taerskel + 1)
    assert svar["omfattet"] is False
    assert betingelse(svar, "tilsagnsdato")["opfyldt"] is False
    assert svar["forpligtelser"] == []


@pytest.mark.parametrize("rolle,start,taerskel", ROLLER)
def test_beloebsgraense_skal_overstiges(rolle, start, taerskel):
    svar = tjek(rolle, "2012-01-01", TIDLIGT_UDBUD, taerskel)
    assert svar["omfattet"] is False
    assert betingelse(svar, "beloeb")["opfyldt"] is False
    svar = tjek(rolle, "2012-01-01", TIDLIGT_UDBUD, taerskel + 0.01)
    assert svar["omfattet"] is True
    assert betingelse(svar, "beloeb")["opfyldt"] is True


@pytest.mark.parametrize("rolle,start,taerskel", ROLLER)
def test_skaeringsdato_1_november_2015(rolle, start, taerskel):
    assert tjek(rolle, "2012-01-01", "2015-10-31", taerskel + 1)["omfattet"] is True
    svar = tjek(rolle, "2012-01-01", "2015-11-01", taerskel + 1)
    assert svar["omfattet"] is False
    assert betingelse(svar, "udbudsdato")["opfyldt"] is False
    assert "1. november 2015" in betingelse(svar, "udbudsdato")["tekst"]


def test_bossinf_note_naar_udbudt_efter_skaeringsdatoen():
    for rolle, modul in [("entreprenoer", "entreprenørens"), ("raadgiver", "rådgiverens")]:
        svar = tjek(rolle, "2012-01-01", "2016-02-01", 10_000_000)
        assert svar["omfattet"] is False
        assert any("BOSSINF-STB" in b and modul in b for b in svar["bemaerkninger"]), svar


def test_bossinf_citat():
    citat("N", 118, 122, "Hvis en entrepriseopgave er udbudt den 1. november 2015 eller senere, er opgaven ikke "
                         "underlagt nøgletalsbekendtgørelsen. Dette skal angives i entreprenørens "
                         "virksomhedsmodul i BOSSINF-STB.")
    citat("N", 187, 191, "Hvis en rådgiveropgave er udbudt den 1. november 2015 eller senere, er opgaven ikke "
                         "underlagt nøgletalsbekendtgørelsen. Dette skal angives i rådgiverens "
                         "virksomhedsmodul i BOSSINF-STB.")


@pytest.mark.parametrize("rolle,modul,opgave", [("entreprenoer", "entreprenørens", "Entrepriseopgaven"),
                                                ("raadgiver", "rådgiverens", "Rådgiveropgaven")])
@pytest.mark.parametrize("tilsagn,beloeb", [
    ("2012-01-01", 10_000_000),   # the other conditions met
    ("2000-01-01", 10_000_000),   # tilsagn before the role's start date
    ("2012-01-01", 1),            # amount below the threshold
    ("2000-01-01", 0),            # neither
])
def test_bossinf_note_for_enhver_opgave_udbudt_fra_skaeringsdatoen(rolle, modul, opgave, tilsagn, beloeb):
    """The notat ties the BOSSINF-STB duty to the tender date alone (N l. 118–122, 187–191)."""
    svar = tjek(rolle, tilsagn, "2015-11-01", beloeb)
    assert svar["omfattet"] is False
    (note,) = svar["bemaerkninger"]
    assert note.startswith(f"{opgave} er udbudt den 1. november 2015 eller senere")
    assert f"{modul} virksomhedsmodul i BOSSINF-STB" in note
    # The day before the cut-off: no note, whatever else holds.
    assert tjek(rolle, tilsagn, "2015-10-31", beloeb)["bemaerkninger"] == []


def test_raadgiver_taerskel_med_notatets_ordlyd():
    """The rådgiver threshold in the notat's own words, and said to be its words (N l. 136–142)."""
    citat("N", 136, 142, "bekendtgørelsens krav for rådgivere gælder, når entreprisesummen for den enkelte "
                         "entrepriseopgave overstiger 150.000 kr. ekskl. moms, jf. bekendtgørelsens § 3, stk. 3, "
                         "og rådgiveropgaven er udbudt før den 1. november 2015")
    tekst = betingelse(tjek("raadgiver", "2012-01-01", TIDLIGT_UDBUD, 200_000), "beloeb")["tekst"]
    tekst = tekst.replace("\u00a0", " ")
    assert ("Reglerne gælder, når entreprisesummen for den enkelte entrepriseopgave overstiger "
            "150.000 kr. ekskl. moms. Beløbet er 200.000 kr., så betingelsen er opfyldt.") in tekst
    assert "notatets egen" in tekst and "fortolker den ikke" in tekst
    assert "rådgivningen vedrører" not in tekst
    # The code is unchanged: strictly more than 150.000 kr.
    assert betingelse(tjek("raadgiver", "2012-01-01", TIDLIGT_UDBUD, 150_000), "beloeb")["opfyldt"] is False


@pytest.mark.parametrize("rolle,forventet", [
    ("entreprenoer", "overstiger 300.000 kr. ekskl. moms. Beløbet"),
    ("bygherre", "overstiger 5.000.000 kr. Beløbet"),
])
def test_beloebsteksten_har_et_punktum(rolle, forventet):
    tekst = betingelse(tjek(rolle, "2012-01-01", TIDLIGT_UDBUD, 10**7), "beloeb")["tekst"].replace("\u00a0", " ")
    assert forventet in tekst and "kr.." not in tekst


def test_rolle_mangler_siger_jeres():
    svar = calculators.run("noegletal", {"tilsagnsdato": "2012-01-01", "udbudsdato": None, "beloeb_kr": 1})
    assert svar["fejl"][0]["besked"] == "Vælg jeres rolle i byggesagen."


def test_bygherre_uden_udbud_er_ikke_omfattet():
    svar = tjek("bygherre", "2012-01-01", None, 50_000_000)
    assert svar["omfattet"] is False
    assert "endnu ikke udbudt" in betingelse(svar, "udbudsdato")["tekst"]
    assert svar["bemaerkninger"] == []


@pytest.mark.parametrize("rolle,paragraf,skema", [
    ("entreprenoer", "§ 11", "skema B"),
    ("raadgiver", "§ 8", "skema A"),
    ("bygherre", "§ 15", "skema C"),
])
def test_forpligtelser_naar_omfattet(rolle, paragraf, skema):
    svar = tjek(rolle, "2012-01-01", "2015-01-01", 10_000_000)
    assert svar["omfattet"] is True
    tekst = " ".join(svar["forpligtelser"])
    assert paragraf in tekst and skema in tekst and "BOSSINF" in tekst and "evaluator" in tekst


def test_hvem_betaler_evaluator():
    for rolle, betaler in [("entreprenoer", "Entreprenøren afholder"), ("raadgiver", "Rådgiveren afholder")]:
        svar = tjek(rolle, "2012-01-01", "2015-01-01", 10_000_000)
        assert any(betaler in f for f in svar["forpligtelser"])


def test_hver_begrundelse_har_kilde():
    svar = tjek("raadgiver", "2012-01-01", "2015-01-01", 200_000)
    assert [b["betingelse"] for b in svar["begrundelser"]] == ["tilsagnsdato", "beloeb", "udbudsdato"]
    assert all(b["kilde"] for b in svar["begrundelser"])
    assert "§ 3, stk. 3" in betingelse(svar, "beloeb")["kilde"]


@pytest.mark.parametrize("data,felt", [
    ({"tilsagnsdato": "2012-01-01", "udbudsdato": None, "beloeb_kr": 1}, "rolle"),
    ({"rolle": "bygherre", "tilsagnsdato": "2012-02-30", "udbudsdato": None, "beloeb_kr": 1}, "tilsagnsdato"),
    ({"rolle": "bygherre", "tilsagnsdato": "1/2/2012", "udbudsdato": None, "beloeb_kr": 1}, "tilsagnsdato"),
    ({"rolle": "raadgiver", "tilsagnsdato": "2012-01-01", "udbudsdato": None, "beloeb_kr": 1}, "udbudsdato"),
    ({"rolle": "raadgiver", "tilsagnsdato": "2012-01-01", "udbudsdato": "2012-01-01", "beloeb_kr": -1}, "beloeb_kr"),
    ({"rolle": "raadgiver", "tilsagnsdato": "2012-01-01", "udbudsdato": "2012-01-01", "beloeb_kr": "1000"}, "beloeb_kr"),
    ({"rolle": "raadgiver", "tilsagnsdato": "2012-01-01", "udbudsdato": "2012-01-01", "beloeb_kr": 1.001}, "beloeb_kr"),
    ({"rolle": "raadgiver", "tilsagnsdato": "2012-01-01", "udbudsdato": "2012-01-01", "beloeb_kr": 1, "belob_kr": 2}, "belob_kr"),
])
def test_ugyldigt_input_navngiver_feltet(data, felt):
    svar = calculators.run("noegletal", data)
    assert [f["felt"] for f in svar["fejl"]] == [felt]
    assert svar["fejl"][0]["besked"].endswith(".")


def test_alle_fejl_rapporteres_paa_en_gang():
    svar = calculators.run("noegletal", {"rolle": "x", "tilsagnsdato": "nej", "beloeb_kr": True, "y": 1})
    assert {f["felt"] for f in svar["fejl"]} == {"rolle", "tilsagnsdato", "udbudsdato", "beloeb_kr", "y"}


def test_formular_tilstand_laeser_danske_tal():
    svar = calculators.run("noegletal", {"rolle": "entreprenoer", "tilsagnsdato": "2012-01-01",
                                         "udbudsdato": "2015-01-01", "beloeb_kr": "300.000,01"},
                           formular=True)
    assert svar["omfattet"] is True
    assert "300.000,01" in betingelse(svar, "beloeb")["tekst"]


def test_eksemplet_er_gyldigt():
    svar = calculators.run("noegletal", calculators.modul("noegletal").EKSEMPEL)
    assert svar["omfattet"] is True


def test_formular_tilstand_laeser_danske_datoer():
    svar = calculators.run("noegletal", {"rolle": "raadgiver", "tilsagnsdato": "1.5.2008",
                                         "udbudsdato": "31-10-2015", "beloeb_kr": "150.000,01"}, formular=True)
    assert svar["omfattet"] is True
    svar = calculators.run("noegletal", {"rolle": "raadgiver", "tilsagnsdato": "2008-05-01",
                                         "udbudsdato": "31.10.2015", "beloeb_kr": 1}, formular=False)
    assert svar["fejl"][0]["felt"] == "udbudsdato" and "år-måned-dag" in svar["fejl"][0]["besked"]
