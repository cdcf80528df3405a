"""Issue 16, item 6, in Chromium: forgiving number fields in every calculator, keyboard only.

In each calculator a number is typed with its unit (»2,8 %«, »2.400.000 kr.«) and gives the result CPython
computes for what the form holds; a number in the wrong unit gives the Danish message at that field (the message
CPython gives, naming the field and the forms it takes), the typed text stays, and the error summary's link leads
back to the field. Each test starts at the page's main heading and from there uses only the keyboard: Tab and
Shift+Tab, arrows, Space, Enter and typing (`tab_til` checks a visible focus at every Tab stop).
"""

from __future__ import annotations

import re

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






def data_i_formularen(page) -> dict:
    return page.evaluate(f"{ROD}.lbf.samlData()")


def fejl_ved_feltet(page, felt_id: str, navn: str, sti: str, skrevet: str) -> None:
    """The message CPython gives for the form's data stands right at the field, which keeps the typed text; the
    summary's link, followed with the keyboard, puts the focus back in the field with its text selected."""
    data = data_i_formularen(page)
    fejl = {f["felt"]: f["besked"] for f in calculators.run(navn, data, formular=True)["fejl"]}
    besked = fejl[sti]
    assert "passer ikke" in besked and "Skriv fx" in besked, besked
    felt = page.locator(f"#{felt_id}")
    expect(page.locator(f"#{felt_id}-fejl")).to_have_text(re.compile(r"^\s*Fejl:\s*" + re.escape(besked) + r"\s*$"))
    expect(felt).to_have_value(skrevet)
    expect(felt).to_have_attribute("aria-invalid", "true")
    expect(page.locator(".lbf-fejlopsummering")).to_contain_text(besked)
    tab_til(page, f".lbf-fejlopsummering a[href='#{felt_id}']")
    page.keyboard.press("Enter")
    expect(felt).to_be_focused()
    page.keyboard.press("Control+A")


def test_noegletal_beloeb_med_kr(page, base_url):
    start_ved_overskriften(page, base_url, "/beregnere/noegletal/")
    tab_til(page, "input[name=rolle]")
    page.keyboard.press("Space")  # Entreprenør
    expect(page.locator("#felt-rolle")).to_be_checked()
    fortsaet_med_tastatur(page, "trin-rolle", "trin-tilsagn")
    skriv_i(page, "#felt-tilsagnsdato", "1.5.2014")
    fortsaet_med_tastatur(page, "trin-tilsagn", "trin-udbud")
    skriv_i(page, "#felt-udbudsdato", "15.6.2015")
    fortsaet_med_tastatur(page, "trin-udbud", "trin-beloeb")

    skriv_i(page, "#felt-beloeb_kr", "2.400.000 %")
    page.keyboard.press("Enter")
    fejl_ved_feltet(page, "felt-beloeb_kr", "noegletal", "beloeb_kr", "2.400.000 %")
    page.keyboard.type("2.400.000 kr.")
    page.keyboard.press("Enter")
    expect(page.locator(".lbf-tjek")).to_be_visible()
    # "Tjek jeres svar" shows the amount as typed, its unit once (not "2.400.000 kr. kr.").
    expect(page.locator(".lbf-tjek")).to_contain_text("2.400.000 kr.")
    expect(page.locator(".lbf-tjek")).not_to_contain_text("kr. kr.")
    tab_til(page, ".lbf-tjek button[type=submit]")
    page.keyboard.press("Enter")

    resultat = page.locator("[data-resultat] .lbf-udfald")
    resultat.wait_for()
    data = data_i_formularen(page)
    assert data["beloeb_kr"] == "2.400.000 kr."
    svar = calculators.run("noegletal", data, formular=True)
    assert svar == calculators.run("noegletal", {**data, "beloeb_kr": "2400000"}, formular=True)
    assert ren(resultat.locator(".lbf-udfald__titel").inner_text()) == ren(forventet_titel("noegletal", data))


def test_budgettjek_beloeb_og_klimagevinst_med_enhed(page, base_url):
    start_ved_overskriften(page, base_url, "/beregnere/budgettjek/")
    tab_til(page, "input[name=delpulje]")
    page.keyboard.press("Space")
    fortsaet_med_tastatur(page, "trin-delpulje", "trin-ansoeger")
    tab_til(page, "input[name=ansoeger]")
    page.keyboard.press("Space")
    fortsaet_med_tastatur(page, "trin-ansoeger", "trin-beloeb")

    skriv_i(page, "#felt-aar", "2024")
    skriv_i(page, "#felt-ansoegt_beloeb_kr", "3.200.000 %")
    page.keyboard.press("Enter")
    fejl_ved_feltet(page, "felt-ansoegt_beloeb_kr", "budgettjek", "ansoegt_beloeb_kr", "3.200.000 %")
    page.keyboard.type("3.200.000 kr.")
    page.keyboard.press("Enter")
    expect(page.locator("#trin-budget")).to_be_visible()

    skriv_i(page, "#felt-poster-0-tekst", "Varmepumper")
    skriv_i(page, "#felt-poster-0-beloeb_kr", "3.200.000 kr")
    tab_til(page, "#felt-poster-0-finansiering")
    page.keyboard.press("ArrowDown")  # Puljen
    fortsaet_med_tastatur(page, "trin-budget", "trin-stoette")
    tab_til(page, "input[name=stoettet_af_lbf]")
    page.keyboard.press("ArrowRight")  # Nej
    tab_til(page, "input[name=anden_statslig_pulje]")
    page.keyboard.press("ArrowDown")  # Nej
    fortsaet_med_tastatur(page, "trin-stoette", "trin-klima")

    skriv_i(page, "#felt-klimagevinst_ton_co2e", "420 kr.")
    page.keyboard.press("Enter")
    fejl_ved_feltet(page, "felt-klimagevinst_ton_co2e", "budgettjek", "klimagevinst_ton_co2e", "420 kr.")
    page.keyboard.type("420 ton CO2e")
    page.keyboard.press("Enter")
    expect(page.locator("#trin-indhold")).to_be_visible()
    for navn in ("effekt", "maal_og_succeskriterier", "evaluering", "tidsplan", "kompetencer", "budget"):
        tab_til(page, f"#felt-indhold-{navn}")
        page.keyboard.press("Space")
    fortsaet_med_tastatur(page, "trin-indhold")
    expect(page.locator("section.lbf-tjek")).to_be_visible()
    tab_til(page, ".lbf-tjek button[type=submit]")
    page.keyboard.press("Enter")

    resultat = page.locator("[data-resultat]")
    resultat.locator(".lbf-udfald").wait_for()
    data = data_i_formularen(page)
    assert (data["ansoegt_beloeb_kr"], data["poster"][0]["beloeb_kr"], data["klimagevinst_ton_co2e"]) == \
        ("3.200.000 kr.", "3.200.000 kr", "420 ton CO2e")
    svar = calculators.run("budgettjek", data, formular=True)
    assert "fejl" not in svar, svar
    bar = {**data, "ansoegt_beloeb_kr": "3200000", "klimagevinst_ton_co2e": "420",
           "poster": [{**data["poster"][0], "beloeb_kr": "3200000"}]}
    assert svar == calculators.run("budgettjek", bar, formular=True)
    assert ren(resultat.locator(".lbf-udfald__titel").inner_text()) == ren(forventet_titel("budgettjek", data))


def test_merinvestering_procent_og_negativ_energilinje(page, base_url):
    start_ved_overskriften(page, base_url, "/beregnere/merinvestering/")
    skriv_i(page, "#felt-foranstaltninger-0-navn", "Ventilationsaggregat")
    skriv_i(page, "#felt-foranstaltninger-0-merpris_kr", "150.000 kr.")
    skriv_i(page, "#felt-foranstaltninger-0-levetid_aar", "20 år")
    skriv_i(page, "#felt-energibesparelser-0-energiart", "Fjernvarme")
    skriv_i(page, "#felt-energibesparelser-0-maengde_aar", "25.000 kWh")
    skriv_i(page, "#felt-energibesparelser-0-pris_kr_pr_enhed", "0,75 kr.")
    skriv_i(page, "#felt-energibesparelser-0-realprisstigning_pct", "2,8 kr.")
    # The unit uses more electricity: a second line with a negative saving (a net increase of el).
    tab_til(page, "[data-gentag=energibesparelser] [data-tilfoej]")
    page.keyboard.press("Enter")
    expect(page.locator("#felt-energibesparelser-1-energiart")).to_be_focused()
    page.keyboard.type("El")
    skriv_i(page, "#felt-energibesparelser-1-maengde_aar", "-1.200")
    skriv_i(page, "#felt-energibesparelser-1-pris_kr_pr_enhed", "2,20")
    skriv_i(page, "#felt-beboerbetalingsprocent", "4 %")
    skriv_i(page, "#felt-kalkulationsrente_pct", "2,8%")
    tab_til(page, ".lbf-send button[type=submit]")
    page.keyboard.press("Enter")

    sti = "energibesparelser[0].realprisstigning_pct"
    fejl_ved_feltet(page, "felt-energibesparelser-0-realprisstigning_pct", "merinvestering", sti, "2,8 kr.")
    page.keyboard.type("2,8 %")
    tab_til(page, ".lbf-send button[type=submit]")
    page.keyboard.press("Enter")

    resultat = page.locator("[data-resultat]")
    resultat.locator(".lbf-udfald").wait_for()
    data = data_i_formularen(page)
    assert data["energibesparelser"][0]["realprisstigning_pct"] == "2,8 %"
    assert data["energibesparelser"][1]["maengde_aar"] == "-1.200"
    assert (data["beboerbetalingsprocent"], data["kalkulationsrente_pct"]) == ("4 %", "2,8%")
    svar = calculators.run("merinvestering", data, formular=True)
    assert "konklusion" in svar, svar
    assert svar["energibesparelser"][1]["besparelse_foerste_aar_kr"] == -2640
    assert ren(resultat.locator(".lbf-udfald__titel").inner_text()) == ren(forventet_titel("merinvestering", data))
    expect(resultat).to_contain_text("-1.200 kWh")


def test_merinvestering_negativ_pris_peger_paa_besparelsen(page, base_url):
    start_ved_overskriften(page, base_url, "/beregnere/merinvestering/")
    skriv_i(page, "#felt-foranstaltninger-0-navn", "Ventilationsaggregat")
    skriv_i(page, "#felt-foranstaltninger-0-merpris_kr", "150.000")
    skriv_i(page, "#felt-foranstaltninger-0-levetid_aar", "20")
    skriv_i(page, "#felt-energibesparelser-0-energiart", "El")
    skriv_i(page, "#felt-energibesparelser-0-maengde_aar", "1.200")
    skriv_i(page, "#felt-energibesparelser-0-pris_kr_pr_enhed", "-2,20")
    skriv_i(page, "#felt-beboerbetalingsprocent", "4")
    tab_til(page, ".lbf-send button[type=submit]")
    page.keyboard.press("Enter")
    felt = page.locator("#felt-energibesparelser-0-pris_kr_pr_enhed-fejl")
    expect(felt).to_contain_text("Prisen pr. enhed i energilinje 1 kan ikke være negativ")
    expect(felt).to_contain_text("i feltet »Besparelse pr. år« i samme række")
    expect(page.locator("#felt-energibesparelser-0-pris_kr_pr_enhed")).to_have_value("-2,20")


def test_groen_garanti_procent_med_tegn(page, base_url):
    start_ved_overskriften(page, base_url, "/beregnere/groen-garanti/")
    for navn, vaerdi in (("baseline_forbrug_kwh", "1.000.000 kWh"), ("baseline_graddage", "2.900")):
        skriv_i(page, f"#felt-{navn}", vaerdi)
    for navn, vaerdi in (("graddageuafhaengig_andel_pct", "20 kr."), ("beregnet_besparelse_kwh", "200.000"),
                         ("energipris_kr_pr_kwh", "0,80 kr."), ("selvrisiko_kr", "50.000 kr."),
                         ("leverandoergaranti_kr", "40.000")):
        skriv_i(page, f"#felt-{navn}", vaerdi)
    skriv_i(page, "#felt-aar-0-forbrug_kwh", "870.000")
    skriv_i(page, "#felt-aar-0-graddage", "3.050 graddage")
    tab_til(page, ".lbf-send button[type=submit]")
    page.keyboard.press("Enter")

    fejl_ved_feltet(page, "felt-graddageuafhaengig_andel_pct", "groen_garanti", "graddageuafhaengig_andel_pct",
                    "20 kr.")
    page.keyboard.type("20 %")
    tab_til(page, ".lbf-send button[type=submit]")
    page.keyboard.press("Enter")

    resultat = page.locator("[data-resultat]")
    resultat.locator(".lbf-udfald").wait_for()
    data = data_i_formularen(page)
    assert data["graddageuafhaengig_andel_pct"] == "20 %"
    svar = calculators.run("groen_garanti", data, formular=True)
    assert "konklusion" in svar, svar
    assert ren(resultat.locator(".lbf-udfald__titel").inner_text()) == ren(forventet_titel("groen_garanti", data))
