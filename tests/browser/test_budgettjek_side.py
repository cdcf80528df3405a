"""The budget checker page in Chromium: the flow, parity with CPython, the JSON round trip.

Set ``LBF_SKAERMBILLEDER=/some/dir`` to save screenshots of "Tjek jeres svar" and the result
(for a person to look at; nothing is asserted about them).
"""

from __future__ import annotations

import copy
import json
import os
from pathlib import Path

import pytest
from hjaelp import samme_svar_som_cpython, vent_paa_klar  # tests/browser/hjaelp.py
from playwright.sync_api import expect

import calculators

pytestmark = pytest.mark.browser

SIDE = "/beregnere/budgettjek/"
ROD = "document.querySelector('[data-beregner]')"

# What the form sends (texts as typed, radios as "ja"/"nej"), in form mode.
GRUND = {
    "delpulje": "investeringsramme",
    "ansoeger": "boligorganisation",
    "aar": "2024",
    "ansoegt_beloeb_kr": "3.450.000",
    "poster": [
        {"tekst": "Varmepumper", "beloeb_kr": "3.200.000", "finansiering": "pulje"},
        {"tekst": "Måling og evaluering", "beloeb_kr": "250.000", "finansiering": "pulje"},
        {"tekst": "Projektledelse", "beloeb_kr": "400.000", "finansiering": "egen"},
    ],
    "stoettet_af_lbf": "nej",
    "vandtaette_skotter": None,
    "anden_statslig_pulje": "nej",
    "klimagevinst_ton_co2e": "420",
    "indhold": {k: True for k in ("effekt", "maal_og_succeskriterier", "evaluering", "tidsplan",
                                  "kompetencer", "budget")},
}


def variant(**aendringer):
    d = copy.deepcopy(GRUND)
    for noegle, v in aendringer.items():
        if noegle == "pulje":  # one line paid by the pool, and the same amount applied for
            d["poster"] = [{"tekst": "Projekt", "beloeb_kr": v, "finansiering": "pulje"},
                           {"tekst": "Egen andel", "beloeb_kr": "1.000", "finansiering": "egen"}]
            d["ansoegt_beloeb_kr"] = v
        elif noegle.startswith("indhold_"):
            d["indhold"][noegle.removeprefix("indhold_")] = v
        else:
            d[noegle] = v
    return d


KORPUS = [
    GRUND,
    variant(pulje="16.500.000"),                      # the year's frame exactly
    variant(pulje="16.500.000,01"),                   # above the frame: advarsel
    variant(pulje="19.800.000"),                      # 120 % exactly
    variant(pulje="19.800.000,01"),                   # above 120 %: still an advarsel, no ceiling
    variant(delpulje="forsoegsmidler", aar="2026", pulje="7.500.000,01"),
    variant(delpulje="forsoegsmidler", aar="2025", pulje="8.500.000"),
    variant(aar="2020"), variant(aar="2021"), variant(aar="2026"), variant(aar="2027"),
    variant(ansoegt_beloeb_kr="3.450.000,01"),        # sums off by one øre
    variant(ansoegt_beloeb_kr="3449999,99"),
    variant(ansoeger="boligafdeling"),
    variant(ansoeger="raadgivning_forskning"),
    variant(ansoeger="raadgivning_forskning", delpulje="forsoegsmidler"),
    variant(ansoeger="anden"),
    variant(stoettet_af_lbf="ja", vandtaette_skotter="ja"),
    variant(stoettet_af_lbf="ja", vandtaette_skotter="nej"),
    variant(anden_statslig_pulje="ja"),
    variant(klimagevinst_ton_co2e=""), variant(klimagevinst_ton_co2e="0"),
    variant(klimagevinst_ton_co2e="12,5"),
    variant(poster=[{"tekst": "Alt", "beloeb_kr": "3.450.000", "finansiering": "pulje"}]),  # no own money
    variant(indhold_evaluering=False, indhold_budget=False),
    # Input errors: every problem, with its field, exactly as CPython reports them.
    variant(ansoegt_beloeb_kr="-5", klimagevinst_ton_co2e="1,2345"),
    variant(poster=[{"tekst": "", "beloeb_kr": "tre", "finansiering": ""}]),
    variant(poster=[]),
    variant(stoettet_af_lbf="ja", vandtaette_skotter=""),
    {"delpulje": "", "ansoeger": "", "aar": "", "ansoegt_beloeb_kr": "", "poster": [{"tekst": "", "beloeb_kr": "", "finansiering": ""}],
     "stoettet_af_lbf": "", "vandtaette_skotter": None, "anden_statslig_pulje": "", "klimagevinst_ton_co2e": "",
     "indhold": {k: False for k in GRUND["indhold"]}},
]

# The page's raw fields for GRUND (what the browser keeps and what a saved file restores).
FELTER = {
    "delpulje": "investeringsramme", "ansoeger": "boligorganisation", "aar": "2024",
    "ansoegt_beloeb_kr": "3.450.000",
    **{f"poster[{i}].{k}": v for i, p in enumerate(GRUND["poster"]) for k, v in p.items()},
    "stoettet_af_lbf": "ja", "vandtaette_skotter": "ja", "anden_statslig_pulje": "nej",
    "klimagevinst_ton_co2e": "", **{f"indhold.{k}": k != "evaluering" for k in GRUND["indhold"]},
}


def aaben(page, base_url):
    page.goto(base_url + SIDE)
    vent_paa_klar(page)


def skaermbillede(page, navn):
    mappe = os.environ.get("LBF_SKAERMBILLEDER")
    if mappe:
        page.screenshot(path=str(Path(mappe) / navn), full_page=True)


def fortsaet(page, trin):
    page.locator(f"#{trin}").get_by_role("button", name="Fortsæt").click()


def samlet(page):
    return page.evaluate(f"{ROD}.lbf.samlData()")


def forventede_statusser(page, data):
    """Every check's status in the shown result equals CPython's for the same input."""
    forventet = calculators.run("budgettjek", data, formular=True)
    assert "tjek" in forventet, forventet
    resultat = page.locator("[data-resultat]")
    for t in forventet["tjek"]:
        expect(resultat.locator(f'[data-tjek="{t["id"]}"]')).to_have_class(f"lbf-tjek lbf-tjek--{t['status']}")
    return forventet


def test_eksempel_vises_uden_javascript(browser, base_url):
    ctx = browser.new_context(java_script_enabled=False)
    p = ctx.new_page()
    p.goto(base_url + SIDE)
    eksempel = p.locator(".lbf-eksempel")
    tekst = eksempel.inner_text()
    assert "Ansøgningen kan sendes" in tekst
    assert "Nøgletal for ansøgningen" in tekst
    assert eksempel.locator('a[href="../../baeredygtighedspuljen/#udmoentning"]').count() >= 1
    # The rules table on the page shows the frames from the data folder.
    assert "16,5\u00a0mio. kr." in p.locator("article").inner_text()
    ctx.close()


def test_samme_svar_som_cpython(page, base_url):
    aaben(page, base_url)
    samme_svar_som_cpython(page, "budgettjek", KORPUS)
    # The corpus reaches every status the checker has, and both kinds of answer.
    statusser = {(t["id"], t["status"]) for d in KORPUS
                 for t in calculators.run("budgettjek", d, formular=True).get("tjek", [])}
    assert {("aarsramme", s) for s in ("ok", "advarsel", "fejl")} <= statusser
    assert {("ansoegerkreds", s) for s in ("ok", "fejl")} <= statusser
    # No ceiling per application, and an institution never passes (issue 11, items 2 and 3).
    assert ("aarsramme", "fejl") in {(t["id"], t["status"]) for t in calculators.run(
        "budgettjek", variant(aar="2027"), formular=True)["tjek"]}
    over = calculators.run("budgettjek", variant(pulje="19.800.000,01"), formular=True)
    assert [t["status"] for t in over["tjek"] if t["id"] == "aarsramme"] == ["advarsel"]
    assert not any(t["status"] == "advarsel" for d in KORPUS
                   for t in calculators.run("budgettjek", d, formular=True).get("tjek", [])
                   if t["id"] == "ansoegerkreds")
    assert {("lbf_kombination", s) for s in ("ok", "advarsel", "fejl")} <= statusser


def test_flowet_gennem_siden(page, base_url):
    aaben(page, base_url)
    expect(page.locator("#trin-delpulje")).to_be_visible()
    expect(page.locator("#trin-ansoeger")).to_be_hidden()

    # Step 1 validates: nothing chosen.
    fortsaet(page, "trin-delpulje")
    expect(page.locator(".lbf-fejlopsummering")).to_contain_text("Vælg hvilken delpulje I søger.")
    assert page.title().startswith("Fejl: ")
    page.get_by_label("Investeringsrammemidler").check()
    fortsaet(page, "trin-delpulje")

    page.get_by_label("En almen boligorganisation").check()
    fortsaet(page, "trin-ansoeger")

    page.get_by_label("År", exact=True).fill("2024")
    page.get_by_label("Ansøgt beløb", exact=True).fill("3.450.000")
    fortsaet(page, "trin-beloeb")

    # The budget: an editable table with add and remove.
    budget = page.locator("#trin-budget")
    expect(budget.locator("[data-raekke]")).to_have_count(1)
    raekker = [("Luft-vand-varmepumper", "3.200.000", "pulje"), ("Måling og evaluering", "250.000", "pulje"),
               ("Projektledelse", "tre hundrede", "egen")]
    for i, (tekst, beloeb, hvem) in enumerate(raekker):
        if i:
            budget.get_by_role("button", name="Tilføj en budgetpost").click()
            assert page.evaluate("document.activeElement.id") == f"felt-poster-{i}-tekst"
        page.get_by_label(f"Budgetpost {i + 1}: hvad posten dækker").fill(tekst)
        page.get_by_label(f"Budgetpost {i + 1}: beløb i kroner").fill(beloeb)
        page.get_by_label(f"Budgetpost {i + 1}: hvem betaler").select_option(hvem)
    budget.get_by_role("button", name="Tilføj en budgetpost").click()
    expect(budget.locator("[data-raekke]")).to_have_count(4)
    budget.get_by_role("button", name="Fjern budgetpost 4").click()
    expect(budget.locator("[data-raekke]")).to_have_count(3)
    # A wrong amount in row 3: the message names it, sits at the field and its link focuses it.
    fortsaet(page, "trin-budget")
    opsummering = page.locator(".lbf-fejlopsummering")
    expect(opsummering).to_contain_text("Indtast beløbet for budgetpost 3 som et tal, fx 250.000.")
    felt = page.locator("#felt-poster-2-beloeb_kr")
    assert felt.get_attribute("aria-invalid") == "true"
    assert felt.input_value() == "tre hundrede"
    opsummering.locator("a").click()
    assert page.evaluate("document.activeElement.id") == "felt-poster-2-beloeb_kr"
    felt.fill("400.000")
    fortsaet(page, "trin-budget")

    # Other support: the watertight-bulkhead question only when LBF supports the project.
    stoette = page.locator("#trin-stoette")
    skotter = page.locator("#felt-vandtaette_skotter")
    expect(skotter).to_be_hidden()
    page.locator("#felt-stoettet_af_lbf").check()
    expect(skotter).to_be_visible()
    skotter.check()
    fortsaet(page, "trin-stoette")
    # The unanswered question gets its message above its own choices.
    besked = stoette.locator(".lbf-felt-fejl")
    expect(besked).to_contain_text("Svar ja eller nej til om projektet allerede er støttet af Klima-, Energi- og "
                                   "Forsyningsministeriets puljer eller andre tilsvarende statslige puljer.")
    assert besked.evaluate("b => b.nextElementSibling.contains(document.getElementById('felt-anden_statslig_pulje'))")
    page.locator("#felt-anden_statslig_pulje-nej").check()
    fortsaet(page, "trin-stoette")

    # The climate gain may be left out.
    fortsaet(page, "trin-klima")

    indhold = page.locator("#trin-indhold")
    for navn in ("effekt", "maal_og_succeskriterier", "tidsplan", "kompetencer", "budget"):
        indhold.locator(f"#felt-indhold-{navn}").check()
    fortsaet(page, "trin-indhold")

    # Tjek jeres svar: one line per question, the budget as a table.
    tjek = page.locator("section.lbf-tjek")
    expect(tjek).to_be_visible()
    expect(tjek.get_by_role("heading", name="Tjek jeres svar")).to_be_visible()
    tekst = tjek.inner_text()
    for del_ in ("Investeringsrammemidler", "En almen boligorganisation", "År: 2024", "Ansøgt beløb: 3.450.000 kr.",
                 "Ikke angivet", "Projektets mål og konkrete succeskriterier"):
        assert del_ in tekst, del_
    tabel = tjek.locator("table.lbf-tjek__tabel")
    expect(tabel.locator("tbody tr")).to_have_count(3)
    expect(tabel.locator("tbody tr").nth(2)).to_contain_text("Projektledelse")
    expect(tabel.locator("tbody tr").nth(2)).to_contain_text("400.000 kr.")
    expect(tabel.locator("tbody tr").nth(2)).to_contain_text("Jer selv")
    assert "Er der vandtætte skotter" in tekst
    # The content step lists what was ticked: five of six.
    expect(tjek.locator("ul.lbf-tjek__valgt li")).to_have_count(5)
    assert "evaluering, der måler" not in tjek.locator("ul.lbf-tjek__valgt").inner_text()
    skaermbillede(page, "budgettjek-tjek-dine-svar.png")

    # "Ret" goes to the step and back to the summary, not to the next step.
    tjek.get_by_role("link", name="Ret anden støtte").click()
    expect(stoette).to_be_visible()
    page.locator("#felt-stoettet_af_lbf-nej").check()
    fortsaet(page, "trin-stoette")
    expect(tjek).to_be_visible()
    assert "Er der vandtætte skotter" not in tjek.inner_text()

    page.get_by_role("button", name="Tjek ansøgningen").click()
    resultat = page.locator("[data-resultat]")
    resultat.locator(".lbf-udfald").wait_for()
    expect(resultat.locator(".lbf-udfald__titel")).to_have_text("Ret 1 fejl før I sender ansøgningen.")
    forventet = forventede_statusser(page, samlet(page))
    assert [t["id"] for t in forventet["tjek"] if t["status"] == "fejl"] == ["indhold_evaluering"]
    fejl = resultat.locator('[data-tjek="indhold_evaluering"]')
    expect(fejl).to_contain_text("Det skal I gøre:")
    expect(fejl.locator("a", has_text="Læs afsnittet")).to_have_attribute(
        "href", "../../baeredygtighedspuljen/#ansoegningens-indhold")
    # The rule's source links to the exact passage under /kilder/ (issue 15).
    expect(fejl.locator("a", has_text="pkt. 7")).to_have_attribute("href", "../../kilder/administrationsgrundlag/#pkt7")
    expect(resultat.locator("table.lbf-noegletal")).to_contain_text("10,4\u00a0%")  # 400.000 of 3.850.000
    skaermbillede(page, "budgettjek-resultat.png")

    # Browser Back reopens the last step answered; the result, now out of date, goes.
    page.go_back()
    expect(stoette).to_be_visible()
    expect(resultat).to_be_empty()


def test_json_gem_og_hent_og_forkert_fil(page, base_url, tmp_path):
    aaben(page, base_url)
    page.evaluate(f"f => {{ {ROD}.lbf.udfyld(f); {ROD}.lbf.gem(); }}", FELTER)
    data = samlet(page)
    assert data["vandtaette_skotter"] == "ja" and data["indhold"]["evaluering"] is False

    # The answers survive a reload (this browser only); the summary has its own address.
    page.reload()
    vent_paa_klar(page)
    assert samlet(page) == data
    page.goto(base_url + SIDE + "#tjek")
    page.get_by_role("button", name="Tjek ansøgningen").click()
    page.locator("[data-resultat] .lbf-udfald").wait_for()

    with page.expect_download() as hentning:
        page.get_by_role("button", name="Gem svarene i en fil (JSON)").click()
    assert hentning.value.suggested_filename == "budgettjek-beregning.json"
    fil = tmp_path / "budgettjek-beregning.json"
    hentning.value.save_as(fil)
    gemt = json.loads(fil.read_text(encoding="utf-8"))
    assert gemt["beregner"] == "budgettjek"
    assert gemt["inddata"] == data
    assert gemt["resultat"] == calculators.run("budgettjek", data, formular=True)

    # A wrong file changes nothing and says why, in Danish, next to the file field.
    filfelt = page.get_by_label("Hent svar fra en fil")
    besked = page.locator(".lbf-bt-filer [data-besked]")
    filfelt.set_input_files({"name": "noegletal.json", "mimeType": "application/json",
                             "buffer": json.dumps({"beregner": "noegletal", "version": 1,
                                                   "inddata": {"rolle": "bygherre"}}).encode()})
    expect(besked).to_have_text("Filen »noegletal.json« er gemt fra en anden beregner. Jeres nuværende tal er uændrede.")
    assert samlet(page) == data
    filfelt.set_input_files({"name": "budget.json", "mimeType": "application/json", "buffer": b"{ikke json"})
    expect(besked).to_contain_text("Filen »budget.json« kunne ikke læses.")
    assert samlet(page) == data

    # Start again: everything is empty; then the saved file brings it all back.
    page.evaluate("window.lbfGammelSide = true")
    page.get_by_role("button", name="Nulstil og start forfra").click()
    # It asks first (issue 16).
    page.get_by_role("dialog", name="Vil I slette alle svar?").get_by_role("button", name="Ja, slet alle svar").click()
    page.wait_for_function("!window.lbfGammelSide")
    vent_paa_klar(page)
    expect(page.locator("#trin-delpulje")).to_be_visible()
    tom = samlet(page)
    assert tom["delpulje"] == "" and len(tom["poster"]) == 1 and tom["poster"][0]["tekst"] == ""
    page.get_by_label("Hent svar fra en fil").set_input_files(fil)
    expect(page.locator(".lbf-bt-filer [data-besked]")).to_contain_text("er indlæst")
    expect(page.locator("section.lbf-tjek")).to_be_visible()
    page.locator("[data-resultat] .lbf-udfald").wait_for()
    assert samlet(page) == data
    forventede_statusser(page, data)
