"""Keyboard only, for the budget checker, the merinvestering and the Grøn garanti calculators.

Each test starts where a keyboard user lands after the skip link (the page's main heading,
focused once from the script) and from there uses only the keyboard: Tab and Shift+Tab,
arrows, Space, Enter and typing. `tab_til` checks a visible focus at every Tab stop on the
way. Each flow ends with the result CPython computes for the inputs the form now holds, and
asserts that the form holds exactly what was typed (so a key that went astray fails).
"""

from __future__ import annotations

import pytest
from hjaelp import (
    ROD,
    fortsaet_med_tastatur,
    forventet_titel,
    ren,
    skriv_i,
    start_ved_overskriften,
    tab_til,  # tests/browser/hjaelp.py
)
from playwright.sync_api import expect

import calculators

pytestmark = pytest.mark.browser






def fokus_i_resultatet(page) -> bool:
    return page.evaluate("document.activeElement.closest('[data-resultat]') !== null")


def test_budgettjek_med_tastatur(page, base_url):
    start_ved_overskriften(page, base_url, "/beregnere/budgettjek/")

    # Delpulje: Space picks the first choice of the radio group Tab lands on.
    tab_til(page, "input[name=delpulje]")
    page.keyboard.press("Space")
    expect(page.locator("#felt-delpulje")).to_be_checked()
    fortsaet_med_tastatur(page, "trin-delpulje", "trin-ansoeger")

    tab_til(page, "input[name=ansoeger]")
    page.keyboard.press("Space")
    expect(page.locator("#felt-ansoeger")).to_be_checked()
    fortsaet_med_tastatur(page, "trin-ansoeger", "trin-beloeb")

    skriv_i(page, "#felt-aar", "2024")
    # A typo, corrected by going back with Shift+Tab (the field's text is selected on arrival).
    skriv_i(page, "#felt-ansoegt_beloeb_kr", "3.200.00")
    tab_til(page, "#felt-aar", baglaens=True)
    tab_til(page, "#felt-ansoegt_beloeb_kr")
    page.keyboard.type("3.200.000")
    expect(page.locator("#felt-ansoegt_beloeb_kr")).to_have_value("3.200.000")
    page.keyboard.press("Enter")  # Enter in a text field continues, as on any one-question page
    expect(page.locator("#trin-budget")).to_be_visible()

    # The budget table: fill a row, add one with the "Tilføj" button, fill it too.
    skriv_i(page, "#felt-poster-0-tekst", "Varmepumper")
    skriv_i(page, "#felt-poster-0-beloeb_kr", "3.200.000")
    tab_til(page, "#felt-poster-0-finansiering")
    page.keyboard.press("ArrowDown")  # Puljen
    expect(page.locator("#felt-poster-0-finansiering")).to_have_value("pulje")
    tab_til(page, "#trin-budget [data-tilfoej]")
    page.keyboard.press("Enter")
    expect(page.locator("#trin-budget [data-raekke]")).to_have_count(2)
    # The new row's first field has the focus; typing goes straight into it.
    expect(page.locator("#felt-poster-1-tekst")).to_be_focused()
    page.keyboard.type("Projektledelse")
    skriv_i(page, "#felt-poster-1-beloeb_kr", "400.000")
    tab_til(page, "#felt-poster-1-finansiering")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")  # Jer selv
    expect(page.locator("#felt-poster-1-finansiering")).to_have_value("egen")
    fortsaet_med_tastatur(page, "trin-budget", "trin-stoette")

    # Yes/no questions: Tab lands on "Ja", an arrow moves to (and picks) "Nej".
    tab_til(page, "input[name=stoettet_af_lbf]")
    page.keyboard.press("ArrowRight")
    expect(page.locator("#felt-stoettet_af_lbf-nej")).to_be_checked()
    tab_til(page, "input[name=anden_statslig_pulje]")
    page.keyboard.press("ArrowDown")
    expect(page.locator("#felt-anden_statslig_pulje-nej")).to_be_checked()
    fortsaet_med_tastatur(page, "trin-stoette", "trin-klima")

    skriv_i(page, "#felt-klimagevinst_ton_co2e", "420")
    page.keyboard.press("Enter")
    expect(page.locator("#trin-indhold")).to_be_visible()

    for navn in ("effekt", "maal_og_succeskriterier", "evaluering", "tidsplan", "kompetencer", "budget"):
        tab_til(page, f"#felt-indhold-{navn}")
        page.keyboard.press("Space")
        expect(page.locator(f"#felt-indhold-{navn}")).to_be_checked()
    fortsaet_med_tastatur(page, "trin-indhold")

    tjek = page.locator("section.lbf-tjek")
    expect(tjek).to_be_visible()
    expect(tjek.locator("table.lbf-tjek__tabel tbody tr")).to_have_count(2)
    tab_til(page, ".lbf-tjek button[type=submit]")
    page.keyboard.press("Enter")

    resultat = page.locator("[data-resultat]")
    resultat.locator(".lbf-udfald").wait_for()
    data = page.evaluate(f"{ROD}.lbf.samlData()")
    assert data == {
        "delpulje": "investeringsramme", "ansoeger": "boligorganisation", "aar": "2024",
        "ansoegt_beloeb_kr": "3.200.000",
        "poster": [{"tekst": "Varmepumper", "beloeb_kr": "3.200.000", "finansiering": "pulje"},
                   {"tekst": "Projektledelse", "beloeb_kr": "400.000", "finansiering": "egen"}],
        "stoettet_af_lbf": "nej", "vandtaette_skotter": None, "anden_statslig_pulje": "nej",
        "klimagevinst_ton_co2e": "420",
        "indhold": {k: True for k in ("effekt", "maal_og_succeskriterier", "evaluering", "tidsplan",
                                      "kompetencer", "budget")},
    }
    forventet = calculators.run("budgettjek", data, formular=True)
    assert forventet["kan_indsendes"] is True
    assert ren(resultat.locator(".lbf-udfald__titel").inner_text()) == ren(forventet_titel("budgettjek", data))
    for t in forventet["tjek"]:
        expect(resultat.locator(f'[data-tjek="{t["id"]}"]')).to_have_class(f"lbf-tjek lbf-tjek--{t['status']}")


def test_merinvestering_med_tastatur(page, base_url):
    start_ved_overskriften(page, base_url, "/beregnere/merinvestering/")

    skriv_i(page, "#felt-foranstaltninger-0-navn", "Efterisolering")
    skriv_i(page, "#felt-foranstaltninger-0-merpris_kr", "640.000")
    skriv_i(page, "#felt-foranstaltninger-0-levetid_aar", "40")
    tab_til(page, "[data-gentag=foranstaltninger] [data-tilfoej]")
    page.keyboard.press("Enter")
    expect(page.locator("[data-gentag=foranstaltninger] [data-raekke]")).to_have_count(2)
    expect(page.locator("#felt-foranstaltninger-1-navn")).to_be_focused()
    page.keyboard.type("Ventilation")
    skriv_i(page, "#felt-foranstaltninger-1-merpris_kr", "150.000")
    skriv_i(page, "#felt-foranstaltninger-1-levetid_aar", "20")
    skriv_i(page, "#felt-foranstaltninger-1-aendret_drift_kr_aar", "1.500")

    skriv_i(page, "#felt-energibesparelser-0-energiart", "Fjernvarme")
    skriv_i(page, "#felt-energibesparelser-0-maengde_aar", "95.000")
    # The unit field already says kWh: Tab passes it unchanged.
    skriv_i(page, "#felt-energibesparelser-0-pris_kr_pr_enhed", "0,75")

    skriv_i(page, "#felt-beboerbetalingsprocent", "4")
    skriv_i(page, "#felt-kalkulationsrente_pct", "3")
    # The residual-value box (the site's convention, not the BEK's) is unticked by default: Space ticks it.
    expect(page.locator("#felt-medregn_restvaerdi")).not_to_be_checked()
    tab_til(page, "#felt-medregn_restvaerdi")
    page.keyboard.press("Space")
    expect(page.locator("#felt-medregn_restvaerdi")).to_be_checked()
    tab_til(page, ".lbf-send button[type=submit]")
    page.keyboard.press("Enter")

    resultat = page.locator("[data-resultat]")
    resultat.locator(".lbf-udfald").wait_for()
    # The focus goes to the result's heading, so a keyboard user continues from there.
    assert fokus_i_resultatet(page)
    data = page.evaluate(f"{ROD}.lbf.samlData()")
    assert data == {
        "foranstaltninger": [
            {"navn": "Efterisolering", "merpris_kr": "640.000", "levetid_aar": "40", "aendret_drift_kr_aar": ""},
            {"navn": "Ventilation", "merpris_kr": "150.000", "levetid_aar": "20", "aendret_drift_kr_aar": "1.500"}],
        "energibesparelser": [{"energiart": "Fjernvarme", "maengde_aar": "95.000", "enhed": "kWh",
                               "pris_kr_pr_enhed": "0,75", "realprisstigning_pct": ""}],
        "beboerbetalingsprocent": "4", "kalkulationsrente_pct": "3", "periode_aar": "",
        "medregn_restvaerdi": True, "beregningsdato": "", "tilsagnsaar": "",
    }
    forventet = calculators.run("merinvestering", data, formular=True)
    assert "konklusion" in forventet, forventet
    assert ren(resultat.locator(".lbf-udfald__titel").inner_text()) == ren(forventet_titel("merinvestering", data))

    # Changing a figure with the keyboard recalculates at once (the form is not step by step).
    skriv_i(page, "#felt-beboerbetalingsprocent", "40")
    andet = {**data, "beboerbetalingsprocent": "40"}
    expect(resultat.locator(".lbf-udfald__titel")).to_have_text(forventet_titel("merinvestering", andet))


def test_groen_garanti_med_tastatur(page, base_url):
    start_ved_overskriften(page, base_url, "/beregnere/groen-garanti/")

    # The five yes/no questions: Tab lands on "Ja" in each group, Space picks it.
    for navn in ("helhedsplan", "finansiering", "medfinansiering", "godkendelse", "tilbagebetaling"):
        tab_til(page, f"input[name=_gg_{navn}]")
        page.keyboard.press("Space")
        expect(page.locator(f"#felt-_gg_{navn}")).to_be_checked()
    expect(page.locator("[data-gg-alle-ja]")).to_be_visible()

    for navn, vaerdi in (("baseline_forbrug_kwh", "1.000.000"), ("baseline_graddage", "2.900")):
        skriv_i(page, f"#felt-{navn}", vaerdi)
    # The normal year's degree days are suggested in the field: Tab passes them unchanged.
    for navn, vaerdi in (("graddageuafhaengig_andel_pct", "20"), ("beregnet_besparelse_kwh", "200.000"),
                         ("energipris_kr_pr_kwh", "0,80"), ("selvrisiko_kr", "50.000"),
                         ("leverandoergaranti_kr", "40.000")):
        skriv_i(page, f"#felt-{navn}", vaerdi)

    # Year 1 is numbered already; add year 2 with the "Tilføj" button.
    skriv_i(page, "#felt-aar-0-forbrug_kwh", "870.000")
    skriv_i(page, "#felt-aar-0-graddage", "3.050")
    tab_til(page, "[data-gentag=aar] [data-tilfoej]")
    page.keyboard.press("Enter")
    expect(page.locator("[data-gentag=aar] [data-raekke]")).to_have_count(2)
    expect(page.locator("#felt-aar-1-aar")).to_be_focused()
    expect(page.locator("#felt-aar-1-aar")).to_have_value("2")
    skriv_i(page, "#felt-aar-1-forbrug_kwh", "9000.000")
    skriv_i(page, "#felt-aar-1-graddage", "2.800")
    # A typo in the year's use: back with Shift+Tab, select all, type again.
    tab_til(page, "#felt-aar-1-forbrug_kwh", baglaens=True)
    page.keyboard.press("Control+A")
    page.keyboard.type("900.000")
    expect(page.locator("#felt-aar-1-forbrug_kwh")).to_have_value("900.000")
    tab_til(page, ".lbf-send button[type=submit]")
    page.keyboard.press("Enter")

    resultat = page.locator("[data-resultat]")
    resultat.locator(".lbf-udfald").wait_for()
    assert fokus_i_resultatet(page)
    data = page.evaluate(f"{ROD}.lbf.samlData()")
    assert data == {
        "baseline_forbrug_kwh": "1.000.000", "baseline_graddage": "2.900", "normalaar_graddage": "3.112",
        "graddageuafhaengig_andel_pct": "20", "beregnet_besparelse_kwh": "200.000",
        "energipris_kr_pr_kwh": "0,80", "selvrisiko_kr": "50.000", "leverandoergaranti_kr": "40.000",
        "aar": [{"aar": "1", "forbrug_kwh": "870.000", "graddage": "3.050"},
                {"aar": "2", "forbrug_kwh": "900.000", "graddage": "2.800"}],
        "ansoegningsdato": "",
    }
    forventet = calculators.run("groen_garanti", data, formular=True)
    assert "konklusion" in forventet, forventet
    assert ren(resultat.locator(".lbf-udfald__titel").inner_text()) == ren(forventet_titel("groen_garanti", data))
    expect(resultat.locator("table").first).to_be_visible()
