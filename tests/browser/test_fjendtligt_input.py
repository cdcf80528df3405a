"""Hostile input is data, never markup.

Text a user types and files a user loads are shown as text: markup in them is never parsed,
no script runs (`window.__xss` stays undefined, no `<img src=x>` appears), and the autouse
guard in conftest.py fails the test on any console error (a blocked inline handler would be
one under the site's CSP). Files that are malformed, of the wrong shape or too large, and
tampered state in the browser's storage, give a Danish message and change nothing.

Pyodide starts anew on every page load (about 5 s here), so each page's checks share one
test, and the reloads that only test the restore of saved state do not wait for Python.
"""

from __future__ import annotations

import json

import pytest
from hjaelp import vent_paa_klar  # tests/browser/hjaelp.py
from playwright.sync_api import expect

import calculators

pytestmark = pytest.mark.browser

ROD = "document.querySelector('[data-beregner]')"

IMG = '<img src=x onerror="window.__xss=1">'
SCRIPT = '"><script>window.__xss=1</script>'
SVG = "</td></tr><svg onload=window.__xss=1>"
ENTITETER = "&lt;b&gt; &amp; <b>fed</b> ${7*7} {{7*7}}"
IFRAME = "<iframe srcdoc=\"<script>parent.__xss=1</script>\"></iframe>"

# Every named field of the calculator's form, as the browser holds it (radios and boxes as ticks).
RAA = """() => [...document.querySelector('[data-beregner] form[data-formular]').elements]
  .filter((e) => e.name && e.type !== 'file')
  .map((e) => [e.name, ['radio', 'checkbox'].includes(e.type) ? e.checked : e.value])"""

GEMT_SLETTET = "De gemte svar i browseren kunne ikke læses og er slettet. Start forfra."


def ingen_markup_koert(page) -> None:
    """No script ran, and no element or handler came from the user's text."""
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert page.locator("img[src=x]").count() == 0
    assert page.evaluate("document.querySelectorAll('[onerror], [onload], iframe').length") == 0
    assert not page.evaluate("[...document.scripts].some((s) => s.textContent.includes('__xss'))")
    # A "__proto__" key in a loaded file must not reach Object.prototype.
    assert page.evaluate("({}).forurenet") is None


def som_tekst(tekst: str) -> str:
    """The text as the result shows it: the calculators strip surrounding spaces."""
    return tekst.strip()


def glue_besked(page):
    """The glue's own message line: the first [data-besked] outside a repeated-rows block."""
    return page.locator("[data-beregner] [data-besked]:not([data-gentag] [data-besked])").first


def beregninger(page) -> int:
    """How many results the page has shown (the glue counts them on the result element)."""
    return int(page.locator("[data-resultat]").get_attribute("data-beregning") or 0)


def vent_paa_ny_beregning(page, foer: int) -> None:
    # (Not wait_for_function: its polling evaluates a string, which the site's CSP forbids.)
    expect(page.locator("[data-resultat]")).not_to_have_attribute("data-beregning", str(foer))


def fil(navn: str, indhold) -> dict:
    data = indhold if isinstance(indhold, bytes) else json.dumps(indhold).encode()
    return {"name": navn, "mimeType": "application/json", "buffer": data}


def forkerte_filer(beregner: str, anden: str) -> list[tuple[dict, str]]:
    """Files the page must refuse, each with the exact Danish message it must give."""
    stor = json.dumps({"beregner": beregner, "version": 1,
                       "inddata": {"x": "A" * (1024 * 1024)}}).encode()
    assert len(stor) > 1024 * 1024
    return [
        (fil("oedelagt.json", b'{"beregner": "' + beregner.encode() + b'", "inddata": {'),
         "Filen »oedelagt.json« kunne ikke læses. Vælg en JSON-fil, som beregneren har gemt."),
        (fil("ikke-json.json", b"<script>window.__xss=1</script>"),
         "Filen »ikke-json.json« kunne ikke læses. Vælg en JSON-fil, som beregneren har gemt."),
        (fil("liste.json", [{"beregner": beregner, "inddata": {}}]),
         "Filen »liste.json« indeholder ikke en gemt beregning. Jeres nuværende tal er uændrede."),
        (fil("null.json", None),
         "Filen »null.json« indeholder ikke en gemt beregning. Jeres nuværende tal er uændrede."),
        (fil("inddata-tekst.json", {"beregner": beregner, "version": 1, "inddata": SCRIPT}),
         "Filen »inddata-tekst.json« indeholder ikke en gemt beregning. Jeres nuværende tal er uændrede."),
        (fil("inddata-liste.json", {"beregner": beregner, "version": 1, "inddata": [IMG]}),
         "Filen »inddata-liste.json« indeholder ikke en gemt beregning. Jeres nuværende tal er uændrede."),
        (fil("anden.json", {"beregner": anden, "version": 1, "inddata": {"x": IMG}}),
         "Filen »anden.json« er gemt fra en anden beregner. Jeres nuværende tal er uændrede."),
        # Nested 50.000 levels deep (well under 1 MB): refused in Danish, not the engine's "Maximum call stack".
        (fil("dyb.json", b'{"beregner": "' + beregner.encode() + b'", "version": 1, "inddata": {"x": '
             + b"[" * 50_000 + b"]" * 50_000 + b"}}"),
         "Filen »dyb.json« indeholder ikke en gemt beregning. Jeres nuværende tal er uændrede."),
        (fil("stor.json", stor),
         "Filen »stor.json« er for stor (over 1 MB). Vælg en fil, som beregneren har gemt."),
    ]


def for_mange_raekker(page, beregner: str, raekke: str) -> list[tuple[dict, str]]:
    """Far more rows than the page allows: 501 (a few more are loaded, and the calculator
    explains its limit, see test_*_side.py) and a hundred thousand in under 1 MB (which, built
    one by one, would hang the page). The message is the block's data-max-besked, else the glue's."""
    blok = page.locator(f"[data-gentag={raekke}]")
    maks = int(blok.get_attribute("data-max"))
    grund = blok.get_attribute("data-max-besked") or f"Der kan højst være {maks} rækker."
    ud = []
    for navn, antal in (("501.json", 501), ("mange.json", 100_000)):
        indhold = {"beregner": beregner, "version": 1, "inddata": {raekke: [{"n": "0"}] * antal}}
        data = json.dumps(indhold, separators=(",", ":")).encode()
        assert len(data) < 1024 * 1024
        ud.append((fil(navn, data), f"Filen »{navn}« kunne ikke bruges. {grund} Jeres nuværende tal er uændrede."))
    return ud


def afvis_forkerte_filer(page, filfelt, besked, beregner: str, anden: str, ekstra=()) -> None:
    """Each wrong file gives its message and leaves the form and the result as they were."""
    foer = page.evaluate(RAA)
    resultat_foer = page.locator("[data-resultat]").inner_html()
    for f, tekst in [*forkerte_filer(beregner, anden), *ekstra]:
        filfelt.set_input_files(f)
        expect(besked).to_have_text(tekst)
        assert page.evaluate(RAA) == foer, f["name"]
        assert page.locator("[data-resultat]").inner_html() == resultat_foer, f["name"]
        ingen_markup_koert(page)


def tampered_tilstande(noegle_felt: str) -> list[str]:
    """Saved states (as JS expressions) the page must discard: invalid JSON, another version,
    the wrong shape, objects or numbers where texts belong, a text of 3 MB. (Each page adds a
    row number far out of range.)"""
    felt = json.dumps(noegle_felt)
    return [
        "'{ikke json'",
        "'<img src=x onerror=\"window.__xss=1\">'",
        "'null'",
        "'[1, 2]'",
        f"JSON.stringify({{version: 99, felter: {{{felt}: 'x'}}}})",
        "JSON.stringify({version: 1, felter: 'x'})",
        "JSON.stringify({version: 1, felter: ['x']})",
        f"JSON.stringify({{version: 1, felter: {{{felt}: {{toString: '<img src=x onerror=window.__xss=1>'}}}}}})",
        f"JSON.stringify({{version: 1, felter: {{{felt}: ['<b>x</b>']}}}})",
        f"JSON.stringify({{version: 1, felter: {{{felt}: 12}}}})",
        f"JSON.stringify({{version: 1, felter: {{{felt}: 'A'.repeat(3 * 1024 * 1024)}}}})",
    ]


def afvis_tampered_tilstand(page, navn: str, udtryk: list[str], standard: list) -> None:
    """Each tampered state: reload, a Danish message, the state is gone, the form is as new."""
    noegle = f"lbf-beregner:{navn}"
    adresse = page.url.split("#")[0]
    for u in udtryk:
        page.evaluate(f"localStorage.setItem({json.dumps(noegle)}, {u})")
        page.goto(adresse)
        expect(glue_besked(page), u[:120]).to_have_text(GEMT_SLETTET)
        # Where it is seen: above the form, not down by the file buttons.
        assert glue_besked(page).evaluate(
            "b => !!(b.compareDocumentPosition(b.closest('[data-beregner]').querySelector('form'))"
            " & Node.DOCUMENT_POSITION_FOLLOWING)")
        assert page.evaluate(f"localStorage.getItem({json.dumps(noegle)})") is None, u
        assert page.evaluate(RAA) == standard, u
        expect(page.locator("[data-resultat]")).to_be_empty()
        ingen_markup_koert(page)


# ---- merinvestering ---------------------------------------------------------------------

MI_SIDE = "/beregnere/merinvestering/"


def mi_raekke(page, i: int, navn: str, merpris: str, levetid: str) -> None:
    if page.locator(f"#felt-foranstaltninger-{i}-navn").count() == 0:
        page.get_by_role("button", name="Tilføj foranstaltning").click()
    page.locator(f"#felt-foranstaltninger-{i}-navn").fill(navn)
    page.locator(f"#felt-foranstaltninger-{i}-merpris_kr").fill(merpris)
    page.locator(f"#felt-foranstaltninger-{i}-levetid_aar").fill(levetid)


def test_merinvestering(page, base_url):
    page.goto(base_url + MI_SIDE)
    vent_paa_klar(page)
    standard = page.evaluate(RAA)
    resultat = page.locator("[data-resultat]")

    # Typed: measure names, an energy type and its unit.
    for i, navn in enumerate((IMG, SCRIPT, SVG, ENTITETER)):
        mi_raekke(page, i, navn, "100.000", "40")
    page.locator("#felt-energibesparelser-0-energiart").fill(IFRAME)
    page.locator("#felt-energibesparelser-0-maengde_aar").fill("50.000")
    page.locator("#felt-energibesparelser-0-enhed").fill("<b>kWh</b>")
    page.locator("#felt-energibesparelser-0-pris_kr_pr_enhed").fill("1")
    page.locator("#felt-energibesparelser-0-realprisstigning_pct").fill("1")
    page.locator("#felt-beboerbetalingsprocent").fill("4")
    page.get_by_role("button", name="Beregn", exact=True).click()
    resultat.locator(".lbf-udfald").wait_for()
    tekst = resultat.inner_text()
    for t in (IMG, SCRIPT, SVG, ENTITETER, IFRAME, "<b>kWh</b>"):
        assert som_tekst(t) in tekst, t
    ingen_markup_koert(page)
    # The same texts the Python package computed with (nothing lost or added on the way).
    data = page.evaluate(f"{ROD}.lbf.samlData()")
    assert [f["navn"] for f in data["foranstaltninger"]] == [IMG, SCRIPT, SVG, ENTITETER]
    assert "konklusion" in calculators.run("merinvestering", data, formular=True)

    # A live recalculation inserts the new text as text too.
    page.locator("#felt-foranstaltninger-0-navn").fill("<u>Ny</u><script>window.__xss=1</script>")
    expect(resultat).to_contain_text("<u>Ny</u><script>window.__xss=1</script>")
    ingen_markup_koert(page)

    # Markup in a number field: a Danish message at the field, the text kept as typed.
    page.locator("#felt-foranstaltninger-1-merpris_kr").fill(IMG)
    page.get_by_role("button", name="Beregn", exact=True).click()
    opsummering = page.locator(".lbf-fejlopsummering")
    expect(opsummering).to_contain_text("Indtast merprisen")
    assert page.locator("#felt-foranstaltninger-1-merpris_kr").input_value() == IMG
    ingen_markup_koert(page)
    page.locator("#felt-foranstaltninger-1-merpris_kr").fill("100.000")

    # The texts are restored from the browser's storage as texts.
    foer = page.evaluate(RAA)
    page.reload()
    vent_paa_klar(page)
    assert page.evaluate(RAA) == foer
    page.get_by_role("button", name="Beregn", exact=True).click()
    resultat.locator(".lbf-udfald").wait_for()
    assert som_tekst(SVG) in resultat.inner_text()
    ingen_markup_koert(page)

    # A loaded file with markup, script-like content and a prototype key: texts again.
    filfelt = page.get_by_label("Indlæs beregning")
    besked = page.locator(".lbf-mi-filer [data-besked]")
    ondt_navn = '<img src=x onerror="window.__xss=1">.json'
    inddata = {
        "foranstaltninger": [
            {"navn": "<script>window.__xss=1</script>", "merpris_kr": "200.000", "levetid_aar": 30},
            {"navn": IFRAME, "merpris_kr": 50000, "levetid_aar": "20", "aendret_drift_kr_aar": "-1.000"},
        ],
        "energibesparelser": [{"energiart": SCRIPT, "maengde_aar": 20000, "enhed": "<i>m³</i>",
                               "pris_kr_pr_enhed": "2,5", "realprisstigning_pct": 0.5}],
        "beboerbetalingsprocent": "4,5",
        "__proto__": {"forurenet": 1},
        "constructor": {"prototype": {"forurenet": 1}},
        "ukendt_felt": IMG,
    }
    gemt = json.dumps({"beregner": "merinvestering", "version": 1, "inddata": inddata,
                       "resultat": {"html": IMG + SCRIPT}})
    foer = beregninger(page)
    filfelt.set_input_files({"name": ondt_navn, "mimeType": "application/json", "buffer": gemt.encode()})
    expect(besked).to_have_text(f"Beregningen fra filen »{ondt_navn}« er indlæst.")
    vent_paa_ny_beregning(page, foer)
    tekst = resultat.inner_text()
    for t in ("<script>window.__xss=1</script>", IFRAME, SCRIPT, "<i>m³</i>"):
        assert som_tekst(t) in tekst, t
    assert page.locator("#felt-foranstaltninger-0-navn").input_value() == "<script>window.__xss=1</script>"
    assert page.locator("[data-gentag=foranstaltninger] [data-raekke]").count() == 2
    ingen_markup_koert(page)

    afvis_forkerte_filer(page, filfelt, besked, "merinvestering", "groen_garanti", for_mange_raekker(
        page, "merinvestering", "foranstaltninger"))

    # Tampered saved state; afterwards the calculator still works.
    afvis_tampered_tilstand(page, "merinvestering", tampered_tilstande("foranstaltninger[0].navn") + [
        "JSON.stringify({version: 1, felter: {'foranstaltninger[99999].navn': 'x'}})",
    ], standard)
    vent_paa_klar(page)
    mi_raekke(page, 0, "Isolering", "100.000", "40")
    page.locator("#felt-energibesparelser-0-energiart").fill("Fjernvarme")
    page.locator("#felt-energibesparelser-0-maengde_aar").fill("10.000")
    page.locator("#felt-energibesparelser-0-pris_kr_pr_enhed").fill("1")
    page.locator("#felt-beboerbetalingsprocent").fill("5")
    page.get_by_role("button", name="Beregn", exact=True).click()
    resultat.locator(".lbf-udfald").wait_for()
    expect(resultat).to_contain_text("Isolering")


# ---- budgettjek -------------------------------------------------------------------------

BT_SIDE = "/beregnere/budgettjek/"
BT_FELTER = {
    "delpulje": "investeringsramme", "ansoeger": "boligorganisation", "aar": "2024",
    "ansoegt_beloeb_kr": "300.000", "stoettet_af_lbf": "nej", "anden_statslig_pulje": "nej",
    **{f"indhold.{k}": True for k in ("effekt", "maal_og_succeskriterier", "evaluering", "tidsplan",
                                      "kompetencer", "budget")},
}


def fortsaet(page, trin: str) -> None:
    page.locator(f"#{trin}").get_by_role("button", name="Fortsæt").click()


def test_budgettjek(page, base_url):
    page.goto(base_url + BT_SIDE)
    vent_paa_klar(page)
    standard = page.evaluate(RAA)
    resultat = page.locator("[data-resultat]")
    tjek = page.locator("section.lbf-tjek")

    # The other answers are set directly; the budget lines' texts are typed.
    page.evaluate(f"f => {ROD}.lbf.udfyld(f)", BT_FELTER)
    for trin in ("trin-delpulje", "trin-ansoeger", "trin-beloeb"):
        fortsaet(page, trin)
    tekster = (IMG, SCRIPT, SVG, ENTITETER)
    for i, t in enumerate(tekster):
        if i:
            page.get_by_role("button", name="Tilføj en budgetpost").click()
        page.get_by_label(f"Budgetpost {i + 1}: hvad posten dækker").fill(t)
        page.get_by_label(f"Budgetpost {i + 1}: beløb i kroner").fill("100.000")
        page.get_by_label(f"Budgetpost {i + 1}: hvem betaler").select_option("pulje" if i < 3 else "egen")
    fortsaet(page, "trin-budget")
    fortsaet(page, "trin-stoette")
    # Markup in the climate-gain number: a Danish message, the text kept as typed.
    page.locator("#felt-klimagevinst_ton_co2e").fill(SCRIPT)
    fortsaet(page, "trin-klima")
    expect(page.locator(".lbf-fejlopsummering")).to_contain_text("klimagevinst")
    assert page.locator("#felt-klimagevinst_ton_co2e").input_value() == SCRIPT
    ingen_markup_koert(page)
    page.locator("#felt-klimagevinst_ton_co2e").fill("")
    fortsaet(page, "trin-klima")
    fortsaet(page, "trin-indhold")

    # "Tjek jeres svar" shows each line's text in its own cell, as text.
    expect(tjek).to_be_visible()
    celler = tjek.locator("table.lbf-tjek__tabel tbody tr td:first-child")
    expect(celler).to_have_count(4)
    assert [som_tekst(c) for c in celler.all_inner_texts()] == [som_tekst(t) for t in tekster]
    ingen_markup_koert(page)
    page.get_by_role("button", name="Tjek ansøgningen").click()
    resultat.locator(".lbf-udfald").wait_for()
    data = page.evaluate(f"{ROD}.lbf.samlData()")
    assert [p["tekst"] for p in data["poster"]] == list(tekster)
    assert calculators.run("budgettjek", data, formular=True)["kan_indsendes"] is True
    expect(resultat.locator(".lbf-udfald")).to_have_class("lbf-udfald lbf-udfald--ja")
    ingen_markup_koert(page)

    # A loaded file with markup in the texts and script-like content elsewhere.
    filfelt = page.get_by_label("Hent svar fra en fil")
    besked = page.locator(".lbf-bt-filer [data-besked]")
    inddata = {
        "delpulje": "investeringsramme", "ansoeger": "boligorganisation", "aar": 2024,
        "ansoegt_beloeb_kr": "250.000",
        "poster": [{"tekst": IFRAME, "beloeb_kr": 250000, "finansiering": "pulje"},
                   {"tekst": "<script>window.__xss=1</script>", "beloeb_kr": "1.000", "finansiering": "egen"}],
        "stoettet_af_lbf": "nej", "vandtaette_skotter": IMG, "anden_statslig_pulje": "nej",
        "klimagevinst_ton_co2e": "",
        "indhold": {k: True for k in ("effekt", "maal_og_succeskriterier", "evaluering", "tidsplan",
                                      "kompetencer", "budget")},
        "__proto__": {"forurenet": 1},
    }
    foer = beregninger(page)
    filfelt.set_input_files(fil("ond.json", {"beregner": "budgettjek", "version": 1, "inddata": inddata}))
    expect(besked).to_have_text("Beregningen fra filen »ond.json« er indlæst.")
    expect(tjek).to_be_visible()
    expect(celler).to_have_count(2)
    assert [som_tekst(c) for c in celler.all_inner_texts()] == [IFRAME, "<script>window.__xss=1</script>"]
    vent_paa_ny_beregning(page, foer)
    expect(resultat.locator(".lbf-udfald")).to_have_class("lbf-udfald lbf-udfald--ja")
    ingen_markup_koert(page)

    afvis_forkerte_filer(page, filfelt, besked, "budgettjek", "merinvestering", for_mange_raekker(
        page, "budgettjek", "poster"))

    afvis_tampered_tilstand(page, "budgettjek", tampered_tilstande("poster[0].tekst") + [
        "JSON.stringify({version: 1, felter: {'poster[99999].tekst': 'x'}})",
    ], standard)
    vent_paa_klar(page)
    expect(page.locator("#trin-delpulje")).to_be_visible()
    page.get_by_label("Investeringsrammemidler").check()
    fortsaet(page, "trin-delpulje")
    expect(page.locator("#trin-ansoeger")).to_be_visible()
    page.evaluate(f"f => {ROD}.lbf.udfyld(f)", {**BT_FELTER, "poster[0].tekst": "Varmepumper",
                                                "poster[0].beloeb_kr": "300.000", "poster[0].finansiering": "pulje"})
    page.goto(base_url + BT_SIDE + "#tjek")
    page.get_by_role("button", name="Tjek ansøgningen").click()
    resultat.locator(".lbf-udfald").wait_for()


# ---- Grøn garanti -----------------------------------------------------------------------

GG_SIDE = "/beregnere/groen-garanti/"
GG_GRUND = {
    "baseline_forbrug_kwh": "1.000.000", "baseline_graddage": "2.900", "normalaar_graddage": "3.112",
    "graddageuafhaengig_andel_pct": "20", "beregnet_besparelse_kwh": "200.000",
    "energipris_kr_pr_kwh": "0,80", "selvrisiko_kr": "50.000", "leverandoergaranti_kr": "40.000",
}


def test_groen_garanti(page, base_url):
    page.goto(base_url + GG_SIDE)
    vent_paa_klar(page)
    standard = page.evaluate(RAA)
    resultat = page.locator("[data-resultat]")

    # The form has no free text: markup typed into number fields gives messages, never markup.
    for navn, v in GG_GRUND.items():
        page.locator(f"#felt-{navn}").fill(v)
    page.locator("#felt-baseline_forbrug_kwh").fill(IMG)
    page.locator("#felt-aar-0-aar").fill(SCRIPT)
    page.locator("#felt-aar-0-forbrug_kwh").fill(SVG)
    page.locator("#felt-aar-0-graddage").fill("3.000")
    page.get_by_role("button", name="Beregn", exact=True).click()
    opsummering = page.locator(".lbf-fejlopsummering")
    expect(opsummering).to_be_visible()
    forventet = calculators.run("groen_garanti", page.evaluate(f"{ROD}.lbf.samlData()"), formular=True)
    assert {f["felt"] for f in forventet["fejl"]} == {"baseline_forbrug_kwh", "aar[0].aar", "aar[0].forbrug_kwh"}
    expect(opsummering.locator("li")).to_have_count(3)
    assert page.locator("#felt-baseline_forbrug_kwh").input_value() == IMG
    assert page.locator("#felt-aar-0-aar").input_value() == SCRIPT
    ingen_markup_koert(page)

    # A loaded file with markup in its values: loaded into the fields as text, refused by Python.
    filfelt = page.get_by_label("Indlæs beregning")
    besked = page.locator(".lbf-gg-filer [data-besked]")
    inddata = {**GG_GRUND, "selvrisiko_kr": IFRAME,
               "aar": [{"aar": 1, "forbrug_kwh": "<script>window.__xss=1</script>", "graddage": 3000}],
               "__proto__": {"forurenet": 1}}
    filfelt.set_input_files(fil("ond.json", {"beregner": "groen_garanti", "version": 1, "inddata": inddata}))
    expect(besked).to_have_text("Beregningen fra filen »ond.json« er indlæst.")
    expect(page.locator("#felt-selvrisiko_kr")).to_have_value(IFRAME)
    expect(page.locator("#felt-aar-0-forbrug_kwh")).to_have_value("<script>window.__xss=1</script>")
    expect(opsummering).to_be_visible()
    ingen_markup_koert(page)

    # A good state, then the wrong files change nothing.
    for navn, v in GG_GRUND.items():
        page.locator(f"#felt-{navn}").fill(v)
    page.locator("#felt-aar-0-forbrug_kwh").fill("870.000")
    page.get_by_role("button", name="Beregn", exact=True).click()
    resultat.locator(".lbf-udfald").wait_for()
    afvis_forkerte_filer(page, filfelt, besked, "groen_garanti", "budgettjek", for_mange_raekker(
        page, "groen_garanti", "aar"))

    afvis_tampered_tilstand(page, "groen_garanti", tampered_tilstande("baseline_forbrug_kwh") + [
        "JSON.stringify({version: 1, felter: {'aar[99999].aar': '1'}})",
    ], standard)
    vent_paa_klar(page)
    for navn, v in GG_GRUND.items():
        page.locator(f"#felt-{navn}").fill(v)
    page.locator("#felt-aar-0-forbrug_kwh").fill("870.000")
    page.locator("#felt-aar-0-graddage").fill("3.050")
    page.get_by_role("button", name="Beregn", exact=True).click()
    resultat.locator(".lbf-udfald").wait_for()


# ---- nøgletal ---------------------------------------------------------------------------

def test_noegletal(page, base_url):
    """No free text and no file field here; markup in a date and tampered state are covered."""
    page.goto(base_url + "/beregnere/noegletal/")
    vent_paa_klar(page)
    standard = page.evaluate(RAA)
    page.get_by_label("Entreprenør").check()
    page.locator("#trin-rolle").get_by_role("button", name="Fortsæt").click()
    page.locator("#felt-tilsagnsdato").fill(IMG)
    page.locator("#trin-tilsagn").get_by_role("button", name="Fortsæt").click()
    expect(page.locator(".lbf-fejlopsummering")).to_be_visible()
    assert page.locator("#felt-tilsagnsdato").input_value() == IMG
    ingen_markup_koert(page)

    afvis_tampered_tilstand(page, "noegletal", tampered_tilstande("tilsagnsdato"), standard)
    vent_paa_klar(page)
    data = {"rolle": "entreprenoer", "tilsagnsdato": "1.5.2014", "udbudsdato": "15.6.2015",
            "beloeb_kr": "2.400.000"}
    page.evaluate(f"f => {ROD}.lbf.udfyld(f)", data)
    page.goto(base_url + "/beregnere/noegletal/#tjek")
    page.get_by_role("button", name="Se resultat").click()
    page.locator("[data-resultat] .lbf-udfald").wait_for()
