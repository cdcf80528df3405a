"""The nøgletal page in Chromium: the real flow, parity with CPython, and graceful failure."""

from __future__ import annotations

import pytest
from hjaelp import samme_svar_som_cpython, vent_paa_klar  # tests/browser/hjaelp.py
from playwright.sync_api import expect

import calculators

pytestmark = pytest.mark.browser

SIDE = "/beregnere/noegletal/"

KORPUS = [
    {"rolle": "entreprenoer", "tilsagnsdato": "2007-03-01", "udbudsdato": "2015-10-31", "beloeb_kr": "300.000,01"},
    {"rolle": "entreprenoer", "tilsagnsdato": "2007-02-28", "udbudsdato": "2015-10-31", "beloeb_kr": "300.000,01"},
    {"rolle": "entreprenoer", "tilsagnsdato": "2010-01-01", "udbudsdato": "2015-11-01", "beloeb_kr": "1000000"},
    # Put out to tender from the cut-off: the BOSSINF-STB note whatever the tilsagn and the amount.
    {"rolle": "raadgiver", "tilsagnsdato": "2000-01-01", "udbudsdato": "1.11.2015", "beloeb_kr": "1"},
    {"rolle": "raadgiver", "tilsagnsdato": "2008-05-01", "udbudsdato": "2014-01-01", "beloeb_kr": "150000"},
    {"rolle": "raadgiver", "tilsagnsdato": "2008-05-01", "udbudsdato": "2014-01-01", "beloeb_kr": "150.000,01"},
    {"rolle": "bygherre", "tilsagnsdato": "2009-12-31", "udbudsdato": "2014-01-01", "beloeb_kr": "6000000"},
    {"rolle": "bygherre", "tilsagnsdato": "2010-01-01", "udbudsdato": None, "beloeb_kr": "6000000"},
    {"rolle": "bygherre", "tilsagnsdato": "2010-01-01", "udbudsdato": "2015-10-31", "beloeb_kr": "5.000.000"},
    {"rolle": "bygherre", "tilsagnsdato": "2010-01-01", "udbudsdato": "2015-10-31", "beloeb_kr": "5000000,01"},
    {"rolle": "raadgiver", "tilsagnsdato": "2010-13-01", "udbudsdato": "", "beloeb_kr": "mange"},
    {"rolle": "raadgiver", "tilsagnsdato": "1.5.2008", "udbudsdato": "31/10/2015", "beloeb_kr": "150.000,01"},
    {"rolle": "raadgiver", "tilsagnsdato": "30.4.2008", "udbudsdato": "32.10.2015", "beloeb_kr": "150.000,01"},
    {"rolle": "", "tilsagnsdato": "", "udbudsdato": "", "beloeb_kr": ""},
]


def aaben(page, base_url):
    page.goto(base_url + SIDE)
    vent_paa_klar(page)


def test_eksempel_vises_uden_javascript(browser, base_url):
    ctx = browser.new_context(java_script_enabled=False)
    p = ctx.new_page()
    p.goto(base_url + SIDE)
    eksempel = p.locator(".lbf-eksempel")
    assert "er I omfattet" in eksempel.inner_text()
    assert "Bygherren skal i udbudsmaterialet forlange" in eksempel.inner_text()
    ctx.close()


def test_samme_svar_som_cpython(page, base_url):
    aaben(page, base_url)
    samme_svar_som_cpython(page, "noegletal", KORPUS)


def test_flowet_trin_for_trin(page, base_url):
    aaben(page, base_url)
    expect(page.locator("#trin-rolle")).to_be_visible()
    expect(page.locator("#trin-tilsagn")).to_be_hidden()
    page.get_by_role("button", name="Fortsæt").first.click()
    # The first step validates: no role chosen.
    opsummering = page.locator(".lbf-fejlopsummering")
    expect(opsummering).to_contain_text("Vælg jeres rolle i byggesagen")
    assert page.title().startswith("Fejl: ")
    page.get_by_label("Bygherre").check()
    page.locator("#trin-rolle").get_by_role("button", name="Fortsæt").click()
    expect(page.locator("#trin-tilsagn")).to_be_visible()
    page.get_by_label("Tilsagnsdato").fill("1.3.2012")
    page.locator("#trin-tilsagn").get_by_role("button", name="Fortsæt").click()
    # Bygherre is asked whether anything has been put out to tender.
    page.get_by_label("Ja").check()
    page.locator("#trin-udbud-bygherre").get_by_role("button", name="Fortsæt").click()
    expect(page.locator("#trin-udbud").get_by_role("heading", name="Hvornår blev den første opgave udbudt?")).to_be_visible()
    page.get_by_label("Udbudsdato").fill("01-09-2015")
    page.locator("#trin-udbud").get_by_role("button", name="Fortsæt").click()
    page.get_by_label("Beløb i kroner", exact=True).fill("24.000.000")
    page.locator("#trin-beloeb").get_by_role("button", name="Fortsæt").click()
    tjek = page.locator(".lbf-tjek")
    expect(tjek).to_be_visible()
    expect(tjek).to_contain_text("24.000.000")
    assert "1.3.2012" in tjek.inner_text()
    page.get_by_role("button", name="Se resultat").click()
    resultat = page.locator("[data-resultat]")
    resultat.locator(".lbf-udfald").wait_for()
    assert "Som bygherre er I omfattet" in resultat.inner_text()
    assert "skema C" in resultat.inner_text()
    # Browser Back goes to the previous question.
    page.go_back()
    expect(page.locator("#trin-beloeb")).to_be_visible()


def test_ret_fra_tjek_dine_svar_og_svar_bevares_ved_genindlaesning(page, base_url):
    aaben(page, base_url)
    page.evaluate("""() => { const r = document.querySelector('[data-beregner]');
        r.lbf.udfyld({rolle: 'raadgiver', tilsagnsdato: '2009-01-01', udbudsdato: '2015-01-01', beloeb_kr: '150.000'});
        r.lbf.gem(); }""")
    page.reload()
    vent_paa_klar(page)
    assert page.get_by_label("Rådgiver").is_checked()
    assert page.get_by_label("Beløb i kroner", exact=True).input_value() == "150.000"
    page.goto(base_url + SIDE + "#tjek")
    vent_paa_klar(page)
    page.get_by_role("button", name="Se resultat").click()
    page.locator("[data-resultat] .lbf-udfald").wait_for()
    assert "ikke omfattet" in page.locator("[data-resultat]").inner_text()
    page.get_by_role("link", name="Ret beløb").click()
    page.get_by_label("Beløb i kroner", exact=True).fill("150.000,01")
    page.locator("#trin-beloeb").get_by_role("button", name="Fortsæt").click()
    expect(page.locator(".lbf-tjek")).to_be_visible()  # back to the summary, not the next step


def test_fejl_vises_ved_feltet_og_input_bevares(page, base_url):
    aaben(page, base_url)
    page.get_by_label("Entreprenør").check()
    page.locator("#trin-rolle").get_by_role("button", name="Fortsæt").click()
    page.get_by_label("Tilsagnsdato").fill("2012-03-01")
    page.locator("#trin-tilsagn").get_by_role("button", name="Fortsæt").click()
    page.get_by_label("Udbudsdato").fill("2015-09-01")
    page.locator("#trin-udbud").get_by_role("button", name="Fortsæt").click()
    felt = page.get_by_label("Beløb i kroner", exact=True)
    felt.fill("tre hundrede")
    page.locator("#trin-beloeb").get_by_role("button", name="Fortsæt").click()
    expect(page.locator(".lbf-fejlopsummering")).to_contain_text("Indtast beløbet som et tal")
    assert felt.get_attribute("aria-invalid") == "true"
    assert felt.input_value() == "tre hundrede"
    assert "Fejl:" in page.locator(".lbf-felt-fejl").inner_text()
    page.locator(".lbf-fejlopsummering a").click()
    assert page.evaluate("document.activeElement.id") == "felt-beloeb_kr"


def test_siden_siger_det_hvis_python_ikke_kan_starte(page, base_url, request):
    # The page carries the manifest (data-manifest): Pyodide's own script is what cannot be had here.
    request.node.tilladte_problemer = ("pyodide.mjs", "Failed to load resource")
    page.route("**/pyodide.mjs", lambda route: route.fulfill(status=404, body=""))
    page.goto(base_url + SIDE)
    page.wait_for_selector("[data-beregner][data-state='error']")
    expect(page.locator("[data-status]")).to_contain_text("kunne ikke starte")
    expect(page.locator(".lbf-eksempel")).to_be_visible()


def test_snapshot_start_bruges(page, base_url):
    aaben(page, base_url)
    assert page.locator("[data-beregner]").get_attribute("data-start") == "snapshot"
    svar = page.evaluate("d => document.querySelector('[data-beregner]').lbf.kald(d)", KORPUS[0])
    assert svar["svar"]["resultat"] == calculators.run("noegletal", KORPUS[0], formular=True)


def test_normal_start_naar_snapshot_mangler(page, base_url, request):
    """The fallback path: no snapshot → a normal Pyodide start, same answers."""
    request.node.tilladte_problemer = ("Failed to load resource",)
    page.route("**/assets/beregnere/snapshot-*.bin", lambda route: route.fulfill(status=404, body=""))
    aaben(page, base_url)
    assert page.locator("[data-beregner]").get_attribute("data-start") == "normal"
    for data in KORPUS[:3]:
        svar = page.evaluate("d => document.querySelector('[data-beregner]').lbf.kald(d)", data)
        assert svar["svar"]["resultat"] == calculators.run("noegletal", data, formular=True)


def test_ret_rolle_spoerger_om_det_nye_spoergsmaal(page, base_url):
    """Changing the role to bygherre via "Ret" asks the bygherre's extra question before the summary."""
    aaben(page, base_url)
    page.evaluate("""() => { const r = document.querySelector('[data-beregner]');
        r.lbf.udfyld({rolle: 'entreprenoer', tilsagnsdato: '1.1.2012', udbudsdato: '1.1.2015', beloeb_kr: '400.000'});
        r.lbf.gem(); }""")
    page.reload()
    page.goto(base_url + SIDE + "#tjek")
    vent_paa_klar(page)
    page.get_by_role("link", name="Ret rolle").click()
    page.get_by_label("Bygherre").check()
    page.locator("#trin-rolle").get_by_role("button", name="Fortsæt").click()
    expect(page.locator("#trin-udbud-bygherre")).to_be_visible()
    page.get_by_label("Ja").check()
    page.locator("#trin-udbud-bygherre").get_by_role("button", name="Fortsæt").click()
    expect(page.locator(".lbf-tjek")).to_be_visible()
