"""The Grøn garanti page in Chromium: parity with CPython, the real form, files, paste, errors.

Page loads are few on purpose: Pyodide starts anew on each one.
"""

from __future__ import annotations

import html
import json
import random
import re
from decimal import Decimal

import pytest
from hjaelp import samme_svar_som_cpython, vent_paa_klar  # tests/browser/hjaelp.py
from playwright.sync_api import expect

import calculators
from calculators._format import pct, tal
from calculators.groen_garanti import EKSEMPEL, regler

pytestmark = pytest.mark.browser

SIDE = "/beregnere/groen-garanti/"
ROD = "document.querySelector('[data-beregner]')"


def _aar(*raekker):
    return [{"aar": a, "forbrug_kwh": f, "graddage": g} for a, f, g in raekker]


GRUND = {
    "baseline_forbrug_kwh": "1.000.000", "baseline_graddage": "2.900", "normalaar_graddage": "3.112",
    "graddageuafhaengig_andel_pct": "20", "beregnet_besparelse_kwh": "200.000",
    "energipris_kr_pr_kwh": "0,80", "selvrisiko_kr": "50.000", "leverandoergaranti_kr": "40.000",
}

KORPUS = [
    {**GRUND, "aar": _aar(("1", "870.000", "3.050"), ("2", "900.000", "2.800"), ("3", "800.000", "3.200"))},
    # A normal year (G = G_normal) leaves use unchanged; a = 100 % ignores the weather.
    {**GRUND, "baseline_graddage": "3112", "aar": _aar(("1", "850000", "3112"))},
    {**GRUND, "graddageuafhaengig_andel_pct": "100", "aar": _aar(("1", "900.000", "1.000"))},
    # Each layer of the shortfall order binding in turn.
    {**GRUND, "selvrisiko_kr": "1.000.000", "aar": _aar(("1", "1.000.000", "2.900"))},
    {**GRUND, "selvrisiko_kr": "0", "leverandoergaranti_kr": "1.000.000", "aar": _aar(("1", "1.000.000", "2.900"))},
    {**GRUND, "selvrisiko_kr": "0", "leverandoergaranti_kr": "0", "aar": _aar(("1", "1.000.000", "2.900"))},
    # Years out of order and with a gap; decimals with comma; dot as decimal point.
    {**GRUND, "energipris_kr_pr_kwh": "1.25", "aar": _aar(("4", "790.000,5", "3.000"), ("1", "905000", "3.300"))},
    {**GRUND, "graddageuafhaengig_andel_pct": "12,5", "aar": _aar(*((str(n), str(800_000 + n * 9_999), "3.000") for n in range(1, 11)))},
    # Input errors, each with its field path.
    {**GRUND, "aar": _aar(("11", "870.000", "3.050"))},
    {**GRUND, "aar": _aar(("2", "870.000", "3.050"), ("2", "880.000", "3.000"))},
    {**GRUND, "aar": _aar(*((str(n), "870.000", "3.050") for n in range(1, 12)))},
    {**GRUND, "aar": []},
    {**GRUND, "graddageuafhaengig_andel_pct": "120", "energipris_kr_pr_kwh": "gratis", "aar": _aar(("1", "", "0"))},
    {k: "" for k in GRUND} | {"aar": _aar(("", "", ""))},
    {**GRUND, "baseline_graddage": "0,000001", "aar": _aar(("1", "870.000", "3.050"))},
]


def _tilfaeldige(n: int, seed: int = 6) -> list[dict]:
    """Reproducible random inputs, as a user would type them (Danish format)."""
    rnd = random.Random(seed)
    ud = []
    for _ in range(n):
        antal = rnd.randint(1, 10)
        aar = rnd.sample(range(1, 11), antal)
        ud.append({
            "baseline_forbrug_kwh": tal(Decimal(rnd.randint(1, 5_000_000))),
            "baseline_graddage": tal(Decimal(rnd.randint(1_500, 4_000))),
            "normalaar_graddage": tal(Decimal(rnd.randint(2_500, 3_500))),
            "graddageuafhaengig_andel_pct": tal(Decimal(rnd.randint(0, 1000)) / 10),
            "beregnet_besparelse_kwh": tal(Decimal(rnd.randint(0, 1_000_000))),
            "energipris_kr_pr_kwh": tal(Decimal(rnd.randint(0, 300)) / 100),
            "selvrisiko_kr": tal(Decimal(rnd.randint(0, 200_000))),
            "leverandoergaranti_kr": tal(Decimal(rnd.randint(0, 200_000))),
            "aar": _aar(*((str(a), tal(Decimal(rnd.randint(0, 5_000_000))), tal(Decimal(rnd.randint(1_000, 4_500))))
                          for a in aar)),
        })
    return ud


def _ren(tekst: str) -> str:
    """Text with non-breaking spaces and runs of white space as single spaces."""
    return " ".join(tekst.replace("\xa0", " ").split())


def aaben(page, base_url):
    page.goto(base_url + SIDE)
    vent_paa_klar(page)


def udfyld_grund(page):
    felter = {
        "Forbrug i baselineåret": "1.000.000", "Graddage i baselineåret": "2.900",
        "Andel af forbruget, der ikke afhænger af vejret": "20", "Beregnet besparelse pr. år": "200.000",
        "Energipris": "0,80", "Selvrisiko pr. år": "50.000",
        "Garanti fra leverandør eller rådgiver pr. år": "40.000",
    }
    for label, v in felter.items():
        page.get_by_label(label, exact=True).fill(v)


# -- the built page, without a browser ------------------------------------------------------
def test_siden_folger_datafilen(bygget_site):
    """The self-check and the hints quote calculators/data/groen_garanti.toml word for word, so an
    editor who changes a text there is told to change the page too."""
    side = (bygget_site / "beregnere" / "groen-garanti" / "index.html").read_text(encoding="utf-8")
    tekst = _ren(html.unescape(re.sub(r"<[^>]+>", " ", side)))
    assert not re.search(r"\{\{\s*(groen_garanti|eksempel)", side), "a placeholder was left unfilled"
    r = regler()
    for f in (*r.forudsaetninger, *r.kriterier):
        assert _ren(f.spoergsmaal) in tekst, f.spoergsmaal
        assert _ren(f.hvis_nej) in tekst, f.hvis_nej
        assert _ren(f.kilde) in tekst, f.kilde
    for x in r.ikke_fastsat:
        assert _ren(x.tekst) in tekst, x.felt
        assert f'name="{x.felt}"' in side
    forslag = r.forslag["normalaar_graddage"]
    assert f'value="{tal(forslag.vaerdi)}"' in side
    assert _ren(forslag.kilde) in tekst and _ren(forslag.status) in tekst
    assert f'data-max="{r.varighed.maks_aar}"' in side
    # The worked example's prose states the example's inputs.
    e = EKSEMPEL
    for v in (e["baseline_forbrug_kwh"], e["baseline_graddage"], e["normalaar_graddage"],
              e["beregnet_besparelse_kwh"], e["selvrisiko_kr"], e["leverandoergaranti_kr"],
              *(a["forbrug_kwh"] for a in e["aar"]), *(a["graddage"] for a in e["aar"])):
        assert tal(Decimal(v)) in tekst, v
    assert _ren(pct(Decimal(e["graddageuafhaengig_andel_pct"]))) in tekst
    assert len(e["aar"]) == 3 and "tre første år" in tekst
    # The pre-rendered example is the calculator's own.
    forventet = calculators.run("groen_garanti", EKSEMPEL)
    assert _ren(forventet["konklusion"]) in tekst
    # Linked from the calculators' index and the navigation.
    oversigt = (bygget_site / "beregnere" / "index.html").read_text(encoding="utf-8")
    assert 'href="groen-garanti/"' in oversigt


def test_eksempel_og_selvtjek_uden_javascript(browser, base_url):
    ctx = browser.new_context(java_script_enabled=False)
    p = ctx.new_page()
    p.goto(base_url + SIDE)
    eksempel = p.locator(".lbf-eksempel")
    expect(eksempel.locator("svg[role=img]")).to_have_count(2)
    expect(eksempel.locator("svg > title").first).to_have_text("Beregnet og opnået normaliseret besparelse pr. år")
    expect(eksempel.locator("table")).to_contain_text("I alt (3 år)")
    # Without JavaScript every "what to do" is shown, and the "all yes" note is not.
    # Four prerequisites and one criterion (the payback time), each with its "what to do".
    expect(p.locator(".lbf-gg-hvisnej")).to_have_count(5)
    for i in range(5):
        expect(p.locator(".lbf-gg-hvisnej").nth(i)).to_be_visible()
    expect(p.locator("[data-gg-alle-ja]")).to_be_hidden()
    ctx.close()


# -- in the browser ------------------------------------------------------------------------
def test_samme_svar_som_cpython(page, base_url):
    aaben(page, base_url)
    samme_svar_som_cpython(page, "groen_garanti", KORPUS + _tilfaeldige(25))


def test_formularen_beregner_og_bevares_ved_genindlaesning(page, base_url):
    aaben(page, base_url)
    assert page.get_by_label("Graddage i et normalår", exact=True).input_value() == "3.112"
    udfyld_grund(page)
    page.get_by_label("Målt forbrug i kWh, række 1").fill("870.000")
    page.get_by_label("Graddage, række 1").fill("3.050")
    page.get_by_role("button", name="Tilføj år").click()
    # The new row continues the sequence of years and gets the focus.
    assert page.get_by_label("År efter aflevering, række 2").input_value() == "2"
    assert page.evaluate("document.activeElement.id") == "felt-aar-1-aar"
    page.get_by_label("Målt forbrug i kWh, række 2").fill("900.000")
    page.get_by_label("Graddage, række 2").fill("2.800")
    page.get_by_role("button", name="Beregn", exact=True).click()
    resultat = page.locator("[data-resultat]")
    resultat.locator(".lbf-udfald").wait_for()

    data = {**EKSEMPEL, "aar": EKSEMPEL["aar"][:2]}
    forventet = calculators.run("groen_garanti", data)
    tekst = _ren(resultat.inner_text())
    assert _ren(forventet["konklusion"]) in tekst
    for k in forventet["konklusioner"]:
        assert _ren(k) in tekst
    # Two charts with their titles, named by aria-labelledby, and the table they point to.
    grafer = resultat.locator("svg[role=img]")
    expect(grafer).to_have_count(2)
    for i, titel in enumerate(["Beregnet og opnået normaliseret besparelse pr. år", "Hvem dækker manko i hvert år"]):
        g = grafer.nth(i)
        expect(g.locator(":scope > title")).to_have_text(titel)
        for del_id in g.get_attribute("aria-labelledby").split():
            assert page.locator(f"#{del_id}").count() == 1, del_id
    expect(resultat.locator("table caption")).to_have_text("Opfølgning år for år")
    expect(resultat.locator("tfoot")).to_contain_text("I alt (2 år)")
    assert page.evaluate("document.activeElement.closest('[data-resultat]') !== null")
    # Ids in the live result never clash with the worked example's.
    assert page.evaluate("""() => { const ids = [...document.querySelectorAll('[id]')].map(e => e.id);
        return ids.length === new Set(ids).size; }""")

    # A change recalculates at once; an invalid change marks the result as out of date.
    page.get_by_label("Selvrisiko pr. år", exact=True).fill("0")
    expect(resultat).to_contain_text("I år 1 mangler 25.665\xa0kWh, svarende til 20.532\xa0kr.; aftalen med")
    expect(page.locator("[data-foraeldet]")).to_be_hidden()
    page.get_by_label("Energipris", exact=True).fill("gratis")
    expect(page.locator("[data-foraeldet]")).to_be_visible()
    page.get_by_label("Energipris", exact=True).fill("0,80")
    expect(page.locator("[data-foraeldet]")).to_be_hidden()

    # Remove a row: the rest is renumbered.
    page.get_by_role("button", name="Fjern række 1").click()
    assert page.get_by_label("År efter aflevering, række 1").input_value() == "2"
    expect(page.get_by_label("År efter aflevering, række 2")).to_have_count(0)

    page.reload()
    vent_paa_klar(page)
    assert page.get_by_label("Forbrug i baselineåret", exact=True).input_value() == "1.000.000"
    assert page.get_by_label("Selvrisiko pr. år", exact=True).input_value() == "0"
    assert page.get_by_label("År efter aflevering, række 1").input_value() == "2"
    assert page.get_by_label("Målt forbrug i kWh, række 1").input_value() == "900.000"
    expect(page.get_by_label("Målt forbrug i kWh, række 2")).to_have_count(0)


def test_fejl_vises_ved_feltet_og_input_bevares(page, base_url):
    aaben(page, base_url)
    udfyld_grund(page)
    page.get_by_label("Energipris", exact=True).fill("gratis")
    page.get_by_label("År efter aflevering, række 1").fill("11")
    page.get_by_label("Målt forbrug i kWh, række 1").fill("870.000")
    page.get_by_label("Graddage, række 1").fill("3.050")
    page.get_by_role("button", name="Beregn", exact=True).click()
    opsummering = page.locator(".lbf-fejlopsummering")
    expect(opsummering).to_be_focused()
    expect(opsummering).to_contain_text("Der er problemer")
    expect(opsummering).to_contain_text("energiprisen")
    # The 10-year limit is cited at the year's field.
    expect(opsummering).to_contain_text("Grøn garanti løber i højst 10 år")
    assert page.title().startswith("Fejl: ")
    felt = page.get_by_label("Energipris", exact=True)
    assert felt.get_attribute("aria-invalid") == "true"
    assert felt.input_value() == "gratis"
    aar = page.get_by_label("År efter aflevering, række 1")
    assert aar.get_attribute("aria-invalid") == "true"
    assert aar.input_value() == "11"
    assert "Fejl:" in page.locator(".lbf-felt-fejl").first.inner_text()
    opsummering.get_by_role("link", name=re.compile("højst 10 år")).click()
    assert page.evaluate("document.activeElement.id") == "felt-aar-0-aar"
    opsummering.get_by_role("link", name=re.compile("energiprisen")).click()
    assert page.evaluate("document.activeElement.id") == "felt-energipris_kr_pr_kwh"
    expect(page.locator("[data-resultat]")).to_be_empty()

    # At most ten rows: the eleventh is refused with the rule, next to the button.
    for _ in range(9):
        page.get_by_role("button", name="Tilføj år").click()
    expect(page.locator("[data-raekker] > tr")).to_have_count(10)
    page.get_by_role("button", name="Tilføj år").click()
    expect(page.locator("[data-raekker] > tr")).to_have_count(10)
    expect(page.locator("[data-gentag] [data-besked]")).to_have_text(
        "Grøn garanti løber i højst 10 år, så der kan højst være 10 opfølgningsår.")


def test_indsaet_kolonne_og_selvtjek(page, base_url):
    aaben(page, base_url)
    udfyld_grund(page)
    page.evaluate("""([sel, tekst]) => {
        const felt = document.querySelector(sel);
        const dt = new DataTransfer();
        dt.setData('text/plain', tekst);
        felt.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    }""", ["#felt-aar-0-forbrug_kwh", "870.000\r\n900.000\r\n800.000\r\n"])
    expect(page.locator("[data-raekker] > tr")).to_have_count(3)
    for i, (aar, forbrug) in enumerate([("1", "870.000"), ("2", "900.000"), ("3", "800.000")], start=1):
        assert page.get_by_label(f"År efter aflevering, række {i}").input_value() == aar
        assert page.get_by_label(f"Målt forbrug i kWh, række {i}").input_value() == forbrug
    # A column pasted into the second row fills from there down (tab-separated: first column).
    page.evaluate("""([sel, tekst]) => {
        const felt = document.querySelector(sel);
        const dt = new DataTransfer();
        dt.setData('text/plain', tekst);
        felt.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    }""", ["#felt-aar-0-graddage", "3.050\tx\n2.800\tx\n3.200\tx"])
    page.get_by_role("button", name="Beregn", exact=True).click()
    page.locator("[data-resultat] .lbf-udfald").wait_for()
    forventet = calculators.run("groen_garanti", EKSEMPEL)
    assert _ren(forventet["konklusion"]) in _ren(page.locator("[data-resultat]").inner_text())

    # The self-check: what to do appears for "Nej" and "Ved ikke"; the answers are not sent.
    hint = page.locator(".lbf-gg-hvisnej").first
    expect(hint).to_be_hidden()
    page.get_by_role("group", name="Er der udarbejdet en helhedsplan for afdelingen?").get_by_label("Nej").check()
    expect(hint).to_be_visible()
    expect(hint).to_contain_text("Få udarbejdet en helhedsplan først")
    page.get_by_role("group", name="Er der udarbejdet en helhedsplan for afdelingen?").get_by_label("Ved ikke").check()
    expect(hint).to_be_visible()
    alle_ja = page.locator("[data-gg-alle-ja]")
    grupper = page.locator(".lbf-gg-spoergsmaal").all()
    assert len(grupper) == 5
    for gruppe in grupper[:4]:  # the four prerequisites
        expect(alle_ja).to_be_hidden()
        gruppe.get_by_label("Ja", exact=True).check()
    expect(alle_ja).to_be_visible()
    expect(alle_ja).to_contain_text("alle fire forudsætninger")
    # The payback time is a criterion, not a fifth prerequisite: "Nej" there leaves the note.
    kriterium = grupper[4]
    kriterium.get_by_label("Nej", exact=True).check()
    expect(kriterium.locator(".lbf-gg-hvisnej")).to_be_visible()
    expect(kriterium.locator(".lbf-gg-hvisnej")).to_contain_text("ikke en af de fire forudsætninger")
    expect(alle_ja).to_be_visible()
    kriterium.get_by_label("Ja", exact=True).check()
    expect(page.locator(".lbf-gg-hvisnej").first).to_be_hidden()
    sendt = page.evaluate(f"{ROD}.lbf.samlData()")
    assert not any(k.startswith("_") for k in sendt)


def test_json_hent_og_indlaes(page, base_url):
    aaben(page, base_url)
    page.evaluate(f"""d => {{ {ROD}.lbf.udfyld(d); }}""", {
        **GRUND,
        "aar[0].aar": "1", "aar[0].forbrug_kwh": "870.000", "aar[0].graddage": "3.050",
        "aar[1].aar": "2", "aar[1].forbrug_kwh": "900.000", "aar[1].graddage": "2.800",
    })
    page.get_by_role("button", name="Beregn", exact=True).click()
    page.locator("[data-resultat] .lbf-udfald").wait_for()
    with page.expect_download() as hentning:
        page.get_by_role("button", name="Download beregning (JSON)").click()
    d = hentning.value
    assert d.suggested_filename == "groen_garanti-beregning.json"
    with open(d.path(), encoding="utf-8") as f:
        gemt = json.load(f)
    assert gemt["beregner"] == "groen_garanti"
    assert gemt["inddata"]["selvrisiko_kr"] == "50.000"
    assert len(gemt["inddata"]["aar"]) == 2
    assert gemt["resultat"] == calculators.run("groen_garanti", gemt["inddata"], formular=True)

    # Change everything, then load the file: the inputs and the result come back.
    page.get_by_label("Selvrisiko pr. år", exact=True).fill("1")
    page.get_by_role("button", name="Tilføj år").click()
    indlaes = page.get_by_label("Indlæs beregning")
    indlaes.set_input_files(d.path())
    besked = page.locator(".lbf-gg-filer [data-besked]")
    expect(besked).to_contain_text("er indlæst")
    assert page.get_by_label("Selvrisiko pr. år", exact=True).input_value() == "50.000"
    expect(page.locator("[data-raekker] > tr")).to_have_count(2)
    expect(page.locator("[data-resultat]")).to_contain_text(_ren(gemt["resultat"]["konklusioner"][1]).split(";")[0])

    # Wrong files: a Danish message, and the inputs stay as they are.
    foer = page.evaluate(f"{ROD}.lbf.samlData()")
    daarlige = [
        ("forkert.json", b"{ikke json", "kunne ikke læses"),
        ("anden.json", json.dumps({"beregner": "noegletal", "version": 1, "inddata": {"rolle": "bygherre"}}).encode(),
         "gemt fra en anden beregner"),
        ("liste.json", b"[1, 2, 3]", "indeholder ikke en gemt beregning"),
        ("stor.json", b'{"beregner": "groen_garanti", "inddata": {}, "x": "' + b"x" * (1024 * 1024) + b'"}',
         "er for stor"),
    ]
    for navn, indhold, besked_tekst in daarlige:
        indlaes.set_input_files({"name": navn, "mimeType": "application/json", "buffer": indhold})
        expect(besked).to_contain_text(besked_tekst)
        expect(besked).to_contain_text(navn)
        assert page.evaluate(f"{ROD}.lbf.samlData()") == foer

    # More than ten years in a file: refused with the same limit the calculator follows (one source,
    # calculators.raekkegraenser), and the form keeps what it had.
    for_mange = {"beregner": "groen_garanti", "version": 1, "inddata": {
        **GRUND, "aar": [{"aar": str(n), "forbrug_kwh": "870.000", "graddage": "3.050"} for n in range(1, 12)]}}
    indlaes.set_input_files({"name": "mange.json", "mimeType": "application/json",
                             "buffer": json.dumps(for_mange).encode()})
    expect(besked).to_contain_text("mange.json")
    expect(besked).to_contain_text("der kan højst være 10 opfølgningsår")
    assert page.evaluate(f"{ROD}.lbf.samlData()") == foer
