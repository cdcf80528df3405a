"""Keyboard only, in Firefox and WebKit: one full flow per calculator (as the Chromium suite's
tests/browser/test_tastatur*.py), the error summary with links to the fields, and a result.

Every Tab stop is checked for a visible focus (``tab_til`` from tests/browser/hjaelp.py)."""

from __future__ import annotations

import html
import re

import pytest
from hjaelp import SYNLIGT_FOKUS, tab_til  # tests/browser/hjaelp.py

import calculators
from calculators import visning

pytestmark = pytest.mark.browser


def start_ved_overskriften(side, sti):
    side.aaben(sti)
    side.evaluate("() => { const h = document.querySelector('h1'); h.tabIndex = -1; h.focus(); }")


def skriv_i(side, selector, tekst):
    tab_til(side, selector)
    side.keyboard.type(tekst)
    assert side.vaerdi(selector) == tekst, (side.navn, selector, side.vaerdi(selector))


def fortsaet(side, trin, naeste=None):
    tab_til(side, f"#{trin} .lbf-knapper .md-button--primary")
    side.keyboard.press("Enter")
    if naeste:
        side.vent_synlig(f"#{naeste}")


def afkrydset(side, selector) -> bool:
    return side.evaluate("s => document.querySelector(s).checked", selector)


def ren(tekst: str) -> str:
    return " ".join(tekst.replace("\u00a0", " ").split())


def forventet_titel(navn, data) -> str:
    m = re.search(r'<h3 class="lbf-udfald__titel">(.*?)</h3>', visning.html(navn, calculators.run(navn, data, formular=True)))
    assert m, data
    return ren(html.unescape(m.group(1)))


def resultatets_titel(side) -> str:
    return ren(side.vent("() => document.querySelector('[data-resultat] .lbf-udfald__titel')?.innerText",
                         besked="the result"))


def foelg_fejllink(side, felt_id):
    """From the focused error summary, Tab to the link for ``felt_id`` and press Enter: the field has focus."""
    side.vent("() => !!document.activeElement?.closest('.lbf-fejlopsummering')", besked="focus on the error summary")
    assert side.evaluate("() => document.title").startswith("Fejl: ")
    tab_til(side, f'.lbf-fejlopsummering a[href="#{felt_id}"]')
    side.keyboard.press("Enter")
    side.vent("id => document.activeElement.id === id", felt_id, besked=f"focus on #{felt_id}")
    assert side.evaluate(SYNLIGT_FOKUS)
    assert side.evaluate("id => document.getElementById(id).getAttribute('aria-invalid')", felt_id) == "true"


def test_noegletal(side):
    start_ved_overskriften(side, "/beregnere/noegletal/")
    tab_til(side, "input[name=rolle]")
    side.keyboard.press("ArrowDown")
    side.keyboard.press("ArrowDown")  # Bygherre
    assert afkrydset(side, "#felt-rolle-bygherre")
    fortsaet(side, "trin-rolle", "trin-tilsagn")
    skriv_i(side, "#felt-tilsagnsdato", "1.3.2012")
    fortsaet(side, "trin-tilsagn", "trin-udbud-bygherre")
    tab_til(side, "input[name=_udbudt]")
    side.keyboard.press("Space")
    assert afkrydset(side, "#felt-_udbudt")
    fortsaet(side, "trin-udbud-bygherre", "trin-udbud")
    skriv_i(side, "#felt-udbudsdato", "15.9.2015")
    fortsaet(side, "trin-udbud", "trin-beloeb")
    # A wrong amount: the error summary takes the focus, its link leads to the field.
    skriv_i(side, "#felt-beloeb_kr", "tre hundrede")
    side.keyboard.press("Enter")
    side.vent_synlig(".lbf-fejlopsummering")
    assert "Indtast beløbet som et tal" in side.tekst(".lbf-fejlopsummering")
    foelg_fejllink(side, "felt-beloeb_kr")
    assert side.vaerdi("#felt-beloeb_kr") == "tre hundrede"
    side.keyboard.press("Control+A")
    side.keyboard.type("24.000.000")
    side.keyboard.press("Enter")
    side.vent_synlig(".lbf-tjek")
    tab_til(side, ".lbf-tjek button[type=submit]")
    side.keyboard.press("Enter")
    data = side.samlet()
    assert data["beloeb_kr"] == "24.000.000" and data["rolle"] == "bygherre", data
    assert resultatets_titel(side) == forventet_titel("noegletal", data)
    assert "Som bygherre er I omfattet" in side.tekst("[data-resultat] .lbf-udfald")


def test_budgettjek(side):
    start_ved_overskriften(side, "/beregnere/budgettjek/")
    tab_til(side, "input[name=delpulje]")
    side.keyboard.press("Space")
    assert afkrydset(side, "#felt-delpulje")
    fortsaet(side, "trin-delpulje", "trin-ansoeger")
    tab_til(side, "input[name=ansoeger]")
    side.keyboard.press("Space")
    fortsaet(side, "trin-ansoeger", "trin-beloeb")
    # No amount: the error summary, its link, then the amount.
    skriv_i(side, "#felt-aar", "2024")
    side.keyboard.press("Enter")
    side.vent_synlig(".lbf-fejlopsummering")
    foelg_fejllink(side, "felt-ansoegt_beloeb_kr")
    side.keyboard.type("3.200.000")
    side.keyboard.press("Enter")
    side.vent_synlig("#trin-budget")
    skriv_i(side, "#felt-poster-0-tekst", "Varmepumper")
    skriv_i(side, "#felt-poster-0-beloeb_kr", "3.200.000")
    tab_til(side, "#felt-poster-0-finansiering")
    side.keyboard.press("ArrowDown")
    side.vent("() => document.querySelector('#felt-poster-0-finansiering').value === 'pulje'", besked="Puljen")
    tab_til(side, "#trin-budget [data-tilfoej]")
    side.keyboard.press("Enter")
    side.vent("() => document.activeElement.id === 'felt-poster-1-tekst'", besked="focus on the new row")
    side.keyboard.type("Projektledelse")
    skriv_i(side, "#felt-poster-1-beloeb_kr", "400.000")
    tab_til(side, "#felt-poster-1-finansiering")
    side.keyboard.press("ArrowDown")
    side.keyboard.press("ArrowDown")
    side.vent("() => document.querySelector('#felt-poster-1-finansiering').value === 'egen'", besked="Jer selv")
    fortsaet(side, "trin-budget", "trin-stoette")
    tab_til(side, "input[name=stoettet_af_lbf]")
    side.keyboard.press("ArrowRight")
    assert afkrydset(side, "#felt-stoettet_af_lbf-nej")
    tab_til(side, "input[name=anden_statslig_pulje]")
    side.keyboard.press("ArrowDown")
    assert afkrydset(side, "#felt-anden_statslig_pulje-nej")
    fortsaet(side, "trin-stoette", "trin-klima")
    skriv_i(side, "#felt-klimagevinst_ton_co2e", "420")
    side.keyboard.press("Enter")
    side.vent_synlig("#trin-indhold")
    for navn in ("effekt", "maal_og_succeskriterier", "evaluering", "tidsplan", "kompetencer", "budget"):
        tab_til(side, f"#felt-indhold-{navn}")
        side.keyboard.press("Space")
        assert afkrydset(side, f"#felt-indhold-{navn}")
    fortsaet(side, "trin-indhold")
    side.vent_synlig("section.lbf-tjek")
    tab_til(side, ".lbf-tjek button[type=submit]")
    side.keyboard.press("Enter")
    titel = resultatets_titel(side)
    data = side.samlet()
    assert data["poster"] == [{"tekst": "Varmepumper", "beloeb_kr": "3.200.000", "finansiering": "pulje"},
                              {"tekst": "Projektledelse", "beloeb_kr": "400.000", "finansiering": "egen"}]
    assert data["ansoegt_beloeb_kr"] == "3.200.000" and data["aar"] == "2024"
    forventet = calculators.run("budgettjek", data, formular=True)
    assert forventet["kan_indsendes"] is True
    assert titel == forventet_titel("budgettjek", data)


def test_merinvestering(side):
    start_ved_overskriften(side, "/beregnere/merinvestering/")
    skriv_i(side, "#felt-foranstaltninger-0-navn", "Efterisolering")
    skriv_i(side, "#felt-foranstaltninger-0-merpris_kr", "640.000")
    skriv_i(side, "#felt-foranstaltninger-0-levetid_aar", "40")
    skriv_i(side, "#felt-energibesparelser-0-energiart", "Fjernvarme")
    skriv_i(side, "#felt-energibesparelser-0-maengde_aar", "95.000")
    skriv_i(side, "#felt-energibesparelser-0-pris_kr_pr_enhed", "0,75")
    skriv_i(side, "#felt-beboerbetalingsprocent", "fire")
    skriv_i(side, "#felt-kalkulationsrente_pct", "3")
    tab_til(side, ".lbf-send button[type=submit]")
    side.keyboard.press("Enter")
    foelg_fejllink(side, "felt-beboerbetalingsprocent")
    side.keyboard.press("Control+A")
    side.keyboard.type("4")
    tab_til(side, ".lbf-send button[type=submit]")
    side.keyboard.press("Enter")
    titel = resultatets_titel(side)
    side.vent("() => !!document.activeElement.closest('[data-resultat]')", besked="focus on the result")
    data = side.samlet()
    assert data["beboerbetalingsprocent"] == "4" and data["foranstaltninger"][0]["merpris_kr"] == "640.000", data
    assert "konklusion" in calculators.run("merinvestering", data, formular=True)
    assert titel == forventet_titel("merinvestering", data)


def test_groen_garanti(side):
    start_ved_overskriften(side, "/beregnere/groen-garanti/")
    for navn in ("helhedsplan", "finansiering", "medfinansiering", "godkendelse", "tilbagebetaling"):
        tab_til(side, f"input[name=_gg_{navn}]")
        side.keyboard.press("Space")
        assert afkrydset(side, f"#felt-_gg_{navn}")
    side.vent_synlig("[data-gg-alle-ja]")
    for navn, vaerdi in (("baseline_forbrug_kwh", "1.000.000"), ("baseline_graddage", "2.900"),
                         ("graddageuafhaengig_andel_pct", "20"), ("beregnet_besparelse_kwh", "200.000"),
                         ("energipris_kr_pr_kwh", "gratis"), ("selvrisiko_kr", "50.000"),
                         ("leverandoergaranti_kr", "40.000")):
        skriv_i(side, f"#felt-{navn}", vaerdi)
    skriv_i(side, "#felt-aar-0-forbrug_kwh", "870.000")
    skriv_i(side, "#felt-aar-0-graddage", "3.050")
    tab_til(side, ".lbf-send button[type=submit]")
    side.keyboard.press("Enter")
    foelg_fejllink(side, "felt-energipris_kr_pr_kwh")
    side.keyboard.press("Control+A")
    side.keyboard.type("0,80")
    tab_til(side, "[data-gentag=aar] [data-tilfoej]")
    side.keyboard.press("Enter")
    side.vent("() => document.activeElement.id === 'felt-aar-1-aar'", besked="focus on year 2")
    assert side.vaerdi("#felt-aar-1-aar") == "2"
    skriv_i(side, "#felt-aar-1-forbrug_kwh", "900.000")
    skriv_i(side, "#felt-aar-1-graddage", "2.800")
    tab_til(side, ".lbf-send button[type=submit]")
    side.keyboard.press("Enter")
    titel = resultatets_titel(side)
    data = side.samlet()
    assert data["energipris_kr_pr_kwh"] == "0,80" and len(data["aar"]) == 2, data
    assert "konklusion" in calculators.run("groen_garanti", data, formular=True)
    assert titel == forventet_titel("groen_garanti", data)
