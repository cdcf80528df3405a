"""Saved cases, the shareable link and an honest result state (issue 16, items 1, 3 and 5), in Chromium.

For each of the four calculators: save, list, open, rename, copy and delete cases with the keyboard only; move all
cases to a file and back (and refuse foreign, oversized and tampered files); a full or disabled storage explained
in Danish with the form intact; "Kopiér link" to a fresh browser and back into the step flow; a result marked as
not fitting when its inputs change; "Nulstil" asking first; and a reload that shows the result again.
"""

from __future__ import annotations

import base64
import json
import re
from dataclasses import dataclass

import pytest
from hjaelp import START_TIMEOUT_MS, SYNLIGT_FOKUS, tab_til, vent_paa_klar  # tests/browser/hjaelp.py
from playwright.sync_api import expect
from test_tilgaengelighed import eksempel_som_formulartekst, overtraedelser

import calculators
from calculators._data import regelsaet

pytestmark = pytest.mark.browser

ROD = "document.querySelector('[data-beregner]')"
MAANEDER = "januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december"
DANSK_TIDSPUNKT = rf"\d{{1,2}}\. ({MAANEDER}) \d{{4}} kl\. \d{{2}}\.\d{{2}}"
MAKS_SAGER = 30        # lager.js
MAKS_LINK = 32_000     # link.js


@dataclass(frozen=True)
class Beregner:
    navn: str
    side: str
    trinvis: bool
    knap: str              # the button that computes
    felt: str              # a field to change (its JSON path) ...
    andet: str             # ... to this valid value
    ugyldigt: str          # ... or to this invalid one
    ret: str               # step flows: the "Ret" link of the step that has the field


BEREGNERE = {b.navn: b for b in [
    Beregner("noegletal", "/beregnere/noegletal/", True, "Se resultat", "beloeb_kr", "150.000", "mange", "Ret beløb"),
    Beregner("merinvestering", "/beregnere/merinvestering/", False, "Beregn", "beboerbetalingsprocent", "9", "ni", ""),
    Beregner("budgettjek", "/beregnere/budgettjek/", True, "Tjek ansøgningen", "ansoegt_beloeb_kr", "3.000.000", "mange",
             "Ret år og ansøgt beløb"),
    Beregner("groen_garanti", "/beregnere/groen-garanti/", False, "Beregn", "selvrisiko_kr", "0", "ingen", ""),
]}
NAVNE = list(BEREGNERE)


def felt_id(sti: str) -> str:
    return "felt-" + re.sub(r"-$", "", re.sub(r"[\[\].]+", "-", sti))


def raa(page) -> dict:
    """The form's raw fields as the browser holds them (radios and boxes as ticks)."""
    return dict(page.evaluate("""() => [...document.querySelector('[data-beregner] form[data-formular]').elements]
        .filter((e) => e.name && e.type !== 'file')
        .map((e) => [e.name + (e.type === 'radio' ? '=' + e.value : ''), ['radio', 'checkbox'].includes(e.type) ? e.checked : e.value])"""))


def resultattekst(page) -> str:
    return " ".join(page.locator("[data-resultat]").inner_text().split())


def beregninger(page) -> int:
    return int(page.locator("[data-resultat]").get_attribute("data-beregning") or 0)


def aaben(page, base_url, b: Beregner, hash_: str = "") -> None:
    page.goto(base_url + b.side + hash_)
    vent_paa_klar(page)


def til_tjek(page, base_url, b: Beregner) -> None:
    """A step flow's summary (a same-document navigation: the flow follows the fragment)."""
    page.goto(base_url + b.side + "#tjek")
    expect(page.locator("section.lbf-tjek")).to_be_visible()


def med_resultat(page, base_url, b: Beregner, **aendring) -> None:
    """The calculator's worked example (with `aendring`) in the form, computed with the page's own button."""
    aaben(page, base_url, b)
    page.evaluate(f"f => {{ {ROD}.lbf.udfyld(f); {ROD}.lbf.gem(); }}", {**eksempel_som_formulartekst(b.navn), **aendring})
    if b.trinvis:
        til_tjek(page, base_url, b)
    foer = beregninger(page)
    page.get_by_role("button", name=b.knap, exact=True).click()
    expect(page.locator("[data-resultat]")).not_to_have_attribute("data-beregning", str(foer))
    page.locator("[data-resultat] .lbf-udfald").wait_for()


def til_sektionen(page, b: Beregner) -> None:
    """Start the keyboard at the section's heading (where a screen reader's heading list lands)."""
    page.locator("[data-gemte-beregninger] h2").evaluate("h => { h.tabIndex = -1; h.focus(); }")


def sektion(page):
    return page.locator("[data-gemte-beregninger]")


def sager(page) -> list[str]:
    return [" ".join(t.split()) for t in sektion(page).locator(".lbf-gemte__titel strong").all_inner_texts()]


def titler(page):
    """The saved cases' names in the list, for expect(): the list is rebuilt after async work (a file, Python)."""
    return sektion(page).locator(".lbf-gemte__titel strong")


def gemte_i_lageret(page, navn: str) -> list[dict]:
    tekst = page.evaluate(f"localStorage.getItem('lbf-gemte:{navn}')")
    return json.loads(tekst)["sager"] if tekst else []


def fokus_tekst(page) -> str:
    return page.evaluate("document.activeElement.textContent.replace(/\\s+/g, ' ').trim()")


# ---- save, list, open, rename, copy and delete, keyboard only -------------------------------------------------
@pytest.mark.parametrize("navn", NAVNE)
def test_gem_aabn_omdoeb_kopier_og_slet_med_tastaturet(page, base_url, navn):
    b = BEREGNERE[navn]
    med_resultat(page, base_url, b)
    gemt_raa = raa(page)
    gemt_data = page.evaluate(f"{ROD}.lbf.samlData()")
    foer_tekst = resultattekst(page)
    expect(sektion(page).get_by_text("Der er ingen gemte beregninger i denne browser endnu.")).to_be_visible()

    # Save: an empty name is a field error; then a name, and Enter.
    til_sektionen(page, b)
    tab_til(page, f"#gemte-{navn}-navn")
    page.keyboard.press("Enter")
    fejl = sektion(page).locator(".lbf-felt-fejl")
    expect(fejl).to_have_text("Fejl: Skriv et navn til beregningen, fx »Afdeling 12, tag og vinduer«.")
    assert page.evaluate("document.activeElement.id") == f"gemte-{navn}-navn"
    assert page.locator(f"#gemte-{navn}-navn").get_attribute("aria-invalid") == "true"
    page.keyboard.type("Afdeling 12")
    page.keyboard.press("Enter")
    expect(sektion(page).locator("[data-besked]").first).to_have_text("Beregningen er gemt som »Afdeling 12«.")
    expect(fejl).to_have_count(0)
    expect(titler(page)).to_have_text(["Afdeling 12"])
    sag = sektion(page).locator(".lbf-gemte__sag").first
    expect(sag).to_contain_text(re.compile(rf"Gemt {DANSK_TIDSPUNKT}\."))
    expect(sag).to_contain_text(f"Beregnet med regelsæt {regelsaet()}.")
    expect(page.locator("[data-beregner]")).to_have_attribute("data-sagsnavn", "Afdeling 12")
    lagret = gemte_i_lageret(page, navn)
    assert [s["navn"] for s in lagret] == ["Afdeling 12"] and lagret[0]["regelsaet"] == regelsaet()

    # Copy: "Afdeling 12 (2)", and the focus on the copy's "Omdøb".
    tab_til(page, "li.lbf-gemte__sag:first-child [data-handling=kopier]")
    assert page.evaluate("document.activeElement.textContent") == "Kopiér »Afdeling 12«"
    page.keyboard.press("Enter")
    expect(sektion(page).locator(".lbf-gemte__sag")).to_have_count(2)
    expect(titler(page)).to_have_text(["Afdeling 12", "Afdeling 12 (2)"])
    assert fokus_tekst(page) == "Omdøb »Afdeling 12 (2)«"

    # Rename in place: Enter opens the field with the name selected; an empty name is refused, Esc cancels.
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.labels[0].textContent") == "Nyt navn til »Afdeling 12 (2)«"
    assert page.evaluate("getSelection().toString() || document.activeElement.value.slice("
                         "document.activeElement.selectionStart, document.activeElement.selectionEnd)") == "Afdeling 12 (2)"
    page.keyboard.press("Delete")
    page.keyboard.press("Enter")
    expect(sektion(page).locator(".lbf-felt-fejl")).to_have_text("Fejl: Skriv et navn til beregningen, fx »Afdeling 12, tag og vinduer«.")
    page.keyboard.type("afdeling 12")
    page.keyboard.press("Enter")
    expect(sektion(page).locator(".lbf-felt-fejl")).to_have_text(
        "Fejl: Der er allerede en gemt beregning, der hedder »afdeling 12«. Vælg et andet navn.")
    page.keyboard.press("Escape")
    expect(titler(page)).to_have_text(["Afdeling 12", "Afdeling 12 (2)"])
    assert fokus_tekst(page) == "Omdøb »Afdeling 12 (2)«"
    page.keyboard.press("Enter")
    page.keyboard.type("Blok B")
    page.keyboard.press("Enter")
    expect(titler(page)).to_have_text(["Afdeling 12", "Blok B"])
    assert fokus_tekst(page) == "Omdøb »Blok B«"
    expect(sektion(page).locator("[data-besked]").first).to_have_text("»Afdeling 12 (2)« hedder nu »Blok B«.")

    # Change the form, then open "Afdeling 12": the changed answers are kept as a case of their own, the form gets
    # the saved inputs back, and the result is computed again.
    page.evaluate(f"f => {{ {ROD}.lbf.udfyld(f); {ROD}.lbf.gem(); }}", {b.felt: b.andet})
    assert raa(page) != gemt_raa
    foer = beregninger(page)
    tab_til(page, "li.lbf-gemte__sag:first-child [data-handling=aabn]", baglaens=True)
    assert fokus_tekst(page) == "Åbn »Afdeling 12«"
    page.keyboard.press("Enter")
    expect(page.locator("[data-resultat]")).not_to_have_attribute("data-beregning", str(foer))
    besked = sektion(page).locator("[data-besked]").first
    expect(besked).to_contain_text("»Afdeling 12« er åbnet i beregneren.")
    expect(besked).to_contain_text(re.compile(r"Det, der stod i formularen før, er gemt som »Ikke gemte svar fra "
                                              rf"{DANSK_TIDSPUNKT}« under »Gemte beregninger«\."))
    assert raa(page) == gemt_raa
    assert page.evaluate(f"{ROD}.lbf.samlData()") == gemt_data
    assert resultattekst(page) == foer_tekst
    assert len(sager(page)) == 3 and sager(page)[0].startswith("Ikke gemte svar fra ")
    expect(page.locator("[data-beregner]")).to_have_attribute("data-sagsnavn", "Afdeling 12")
    if b.trinvis:
        expect(page.locator("section.lbf-tjek")).to_be_visible()
    expect(sektion(page).locator("[data-sag]", has_text="Afdeling 12").first).to_contain_text("(åben i beregneren)")

    # Delete asks first: Esc keeps it; "Ja, slet" deletes it, and the focus goes to the list's heading.
    tab_til(page, "li.lbf-gemte__sag:last-child [data-handling=slet]")
    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog", name="Vil I slette »Blok B«?")
    expect(dialog).to_be_visible()
    assert fokus_tekst(page) == "Nej, behold den"
    assert page.evaluate(SYNLIGT_FOKUS)
    page.keyboard.press("Escape")
    expect(dialog).to_have_count(0)
    assert fokus_tekst(page) == "Slet »Blok B«"
    assert "Blok B" in sager(page)
    page.keyboard.press("Enter")
    expect(dialog).to_be_visible()
    page.keyboard.press("Shift+Tab")
    assert fokus_tekst(page) == "Ja, slet »Blok B«"
    page.keyboard.press("Enter")
    expect(dialog).to_have_count(0)
    expect(sektion(page).locator("[data-besked]").first).to_have_text("»Blok B« er slettet.")
    assert "Blok B" not in sager(page) and len(sager(page)) == 2
    assert page.evaluate("document.activeElement.id") == f"gemte-{navn}-liste"
    assert [s["navn"] for s in gemte_i_lageret(page, navn)] == sager(page)

    # The open case's name survives a reload (the printout names it), as does the list.
    page.reload()
    vent_paa_klar(page)
    expect(page.locator("[data-beregner]")).to_have_attribute("data-sagsnavn", "Afdeling 12")
    assert len(sager(page)) == 2


@pytest.mark.parametrize("navn", ["noegletal", "merinvestering"])
def test_gem_under_et_navn_der_findes_spoerger_foerst(page, base_url, navn):
    b = BEREGNERE[navn]
    med_resultat(page, base_url, b)
    felt = page.locator(f"#gemte-{navn}-navn")
    felt.fill("Tag")
    felt.press("Enter")
    expect(sektion(page).locator(".lbf-gemte__sag")).to_have_count(1)
    # Saving the open case again updates it, without asking.
    felt.press("Enter")
    expect(sektion(page).locator("[data-besked]").first).to_have_text("»Tag« er gemt igen med tallene i formularen nu.")
    expect(titler(page)).to_have_text(["Tag"])
    # Another case of that name is replaced only when the reader says so.
    felt.fill("Vinduer")
    felt.press("Enter")
    expect(titler(page)).to_have_text(["Vinduer", "Tag"])
    tag_foer = gemte_i_lageret(page, navn)[1]
    page.evaluate(f"f => {{ {ROD}.lbf.udfyld(f); }}", {b.felt: b.andet})
    felt.fill("tag")
    felt.press("Enter")
    dialog = page.get_by_role("dialog", name="Vil I erstatte »Tag«?")
    expect(dialog).to_be_visible()
    dialog.get_by_role("button", name="Nej, behold den").click()
    expect(titler(page)).to_have_text(["Vinduer", "Tag"])
    felt.press("Enter")
    dialog.get_by_role("button", name="Ja, erstat »Tag«").click()
    expect(titler(page)).to_have_text(["Vinduer", "tag"])
    tag = gemte_i_lageret(page, navn)[1]
    assert tag["id"] == tag_foer["id"] and tag["inddata"] != tag_foer["inddata"]
    assert tag["inddata"][b.felt] == b.andet


def test_reglerne_er_aendret_siden(page, base_url):
    """A case saved with another rule set says so in the list (before the page has computed anything: the rule set
    is the worked example's) and when it is opened."""
    b = BEREGNERE["merinvestering"]
    med_resultat(page, base_url, b)
    page.locator("#gemte-merinvestering-navn").fill("Gammel")
    page.locator("#gemte-merinvestering-navn").press("Enter")
    expect(sektion(page).locator(".lbf-gemte__sag")).to_have_count(1)
    page.evaluate("""() => { const k = 'lbf-gemte:merinvestering'; const g = JSON.parse(localStorage.getItem(k));
        g.sager[0].regelsaet = '000000000000'; localStorage.setItem(k, JSON.stringify(g));
        localStorage.removeItem('lbf-beregner:merinvestering'); }""")
    page.reload()
    sag = sektion(page).locator(".lbf-gemte__sag")
    expect(sag.locator(".lbf-gemte__regler")).to_have_text(
        f"Reglerne er ændret siden. Beregningen blev lavet med regelsæt 000000000000, og siden bruger nu regelsæt "
        f"{regelsaet()}. Når I åbner den, bliver den regnet igen med de gældende regler, så resultatet kan blive et andet.")
    assert beregninger(page) == 0
    vent_paa_klar(page)
    sag.get_by_role("button", name="Åbn »Gammel«").click()
    expect(sektion(page).locator("[data-besked]").first).to_have_text(
        "»Gammel« er åbnet i beregneren. Den blev gemt med en tidligere udgave af reglerne (regelsæt 000000000000) og "
        f"er nu regnet igen med de gældende (regelsæt {regelsaet()}). Se »Regler brugt i beregningen«.")
    page.locator("[data-resultat] .lbf-udfald").wait_for()


def test_fuld_liste(page, base_url):
    """At most MAKS_SAGER cases: one more is refused in Danish; opening a case when the form's answers cannot be kept
    as a case first asks before replacing them."""
    b = BEREGNERE["merinvestering"]
    med_resultat(page, base_url, b)
    navnefelt = page.locator("#gemte-merinvestering-navn")
    navnefelt.fill("Sag 1")
    navnefelt.press("Enter")
    expect(titler(page)).to_have_text(["Sag 1"])
    page.evaluate("""n => { const k = 'lbf-gemte:merinvestering'; const g = JSON.parse(localStorage.getItem(k));
        for (let i = 2; i <= n; i++) g.sager.push({ ...g.sager[0], id: 'x' + i, navn: 'Sag ' + i });
        localStorage.setItem(k, JSON.stringify(g)); dispatchEvent(new StorageEvent('storage', { key: k })); }""", MAKS_SAGER)
    expect(titler(page)).to_have_count(MAKS_SAGER)
    besked = sektion(page).locator("[data-besked]").first
    navnefelt.fill("Sag 31")
    navnefelt.press("Enter")
    expect(besked).to_have_text(f"Der er plads til {MAKS_SAGER} gemte beregninger i denne browser, og der er {MAKS_SAGER}. "
                                "Slet en af dem, eller gem dem i en fil og slet dem her, før I gemmer flere. Tallene i formularen er uændrede.")
    sektion(page).get_by_role("button", name="Kopiér »Sag 2«").click()
    expect(besked).to_have_text(f"Der er plads til {MAKS_SAGER} gemte beregninger i denne browser. Slet en, før I kopierer flere.")
    expect(titler(page)).to_have_count(MAKS_SAGER)

    page.evaluate(f"f => {{ {ROD}.lbf.udfyld(f); }}", {b.felt: b.andet})
    foer = raa(page)
    sektion(page).get_by_role("button", name="Åbn »Sag 2«").click()
    dialog = page.get_by_role("dialog", name="Vil I erstatte jeres svar?")
    expect(dialog).to_contain_text("Tallene i formularen er ikke gemt, og de kunne ikke gemmes automatisk, fordi der er "
                                   "ikke plads til flere gemte beregninger. Hvis I fortsætter, bliver de erstattet.")
    dialog.get_by_role("button", name="Nej, behold mine svar").click()
    expect(besked).to_have_text("»Sag 2« er ikke åbnet. Tallene i formularen er uændrede.")
    assert raa(page) == foer
    sektion(page).get_by_role("button", name="Åbn »Sag 2«").click()
    dialog.get_by_role("button", name="Ja, erstat mine svar").click()
    expect(besked).to_have_text("»Sag 2« er åbnet i beregneren.")
    assert raa(page) != foer and page.locator(f"#{felt_id(b.felt)}").input_value() != b.andet
    expect(titler(page)).to_have_count(MAKS_SAGER)


# ---- all cases in one file ------------------------------------------------------------------------------------
def fil(navn: str, indhold) -> dict:
    data = indhold if isinstance(indhold, bytes) else json.dumps(indhold).encode()
    return {"name": navn, "mimeType": "application/json", "buffer": data}


@pytest.mark.parametrize("navn", NAVNE)
def test_eksporter_og_importer_alle(page, base_url, navn, tmp_path):
    b = BEREGNERE[navn]
    med_resultat(page, base_url, b)
    felt = page.locator(f"#gemte-{navn}-navn")
    felt.fill("Første")
    felt.press("Enter")
    page.evaluate(f"f => {{ {ROD}.lbf.udfyld(f); }}", {b.felt: b.andet})
    felt.fill("Anden")
    felt.press("Enter")
    expect(titler(page)).to_have_text(["Anden", "Første"])
    lagret = gemte_i_lageret(page, navn)

    with page.expect_download() as hentning:
        sektion(page).get_by_role("button", name="Gem alle i en fil (JSON)").click()
    d = hentning.value
    assert d.suggested_filename == f"{navn}-gemte-beregninger.json"
    sti = tmp_path / d.suggested_filename
    d.save_as(sti)
    samling = json.loads(sti.read_text(encoding="utf-8"))
    assert samling["beregner"] == navn and samling["indhold"] == "gemte-beregninger" and samling["version"] == 1
    assert [(s["navn"], s["gemt"], s["regelsaet"], s["inddata"]) for s in samling["sager"]] == [
        (s["navn"], s["gemt"], s["regelsaet"], s["inddata"]) for s in lagret]
    assert "id" not in samling["sager"][0]
    filbesked = sektion(page).locator("[data-besked]").nth(1)
    expect(filbesked).to_have_text(f"De 2 gemte beregninger er gemt i filen »{navn}-gemte-beregninger.json«.")

    importfelt = page.get_by_label("Hent gemte beregninger fra en fil")
    # Wrong files: each says why in Danish, and nothing changes.
    anden = next(n for n in NAVNE if n != navn)
    manipuleret = json.loads(json.dumps(samling))
    manipuleret["sager"][1]["inddata"] = {"x": ['<img src=x onerror="window.__xss=1">', 7]}
    for f, tekst in [
        (fil("anden.json", {**samling, "beregner": anden}), "Filen »anden.json« er gemt fra en anden beregner. Intet er hentet."),
        (fil("en.json", {"beregner": navn, "version": 1, "inddata": {}}), "Filen »en.json« er én beregning, ikke en samling af gemte beregninger."),
        (fil("ukendt.json", {"beregner": navn, "version": 2, "indhold": "gemte-beregninger", "sager": []}),
         "Filen »ukendt.json« indeholder ikke gemte beregninger fra denne beregner. Intet er hentet."),
        (fil("manipuleret.json", manipuleret), "Filen »manipuleret.json« er ændret eller beskadiget: beregning nr. 2 kan ikke læses. Intet er hentet."),
        (fil("navn.json", {**samling, "sager": [{**samling["sager"][0], "navn": {"toString": "x"}}]}),
         "Filen »navn.json« er ændret eller beskadiget: beregning nr. 1 kan ikke læses. Intet er hentet."),
        (fil("oedelagt.json", b"{ikke json"), "Filen »oedelagt.json« kunne ikke læses. Vælg en JSON-fil, som I har gemt med »Gem alle i en fil«."),
        (fil("stor.json", json.dumps({**samling, "fyld": "A" * (1024 * 1024)}).encode()),
         "Filen »stor.json« er for stor (over 1 MB). Vælg en fil, som I har gemt med »Gem alle i en fil«."),
        (fil("mange.json", {**samling, "sager": samling["sager"] * 15}),
         f"Der er plads til {MAKS_SAGER} gemte beregninger i denne browser. Filen har 30, og der er 2 her i forvejen. "
         "Slet nogle, før I henter filen. Intet er hentet."),
    ]:
        importfelt.set_input_files(f)
        expect(filbesked).to_contain_text(tekst)
        expect(titler(page)).to_have_text(["Anden", "Første"])
    assert page.evaluate("typeof window.__xss") == "undefined"

    # The file itself: both cases come in, and the names that clash get " (2)".
    importfelt.set_input_files(sti)
    expect(filbesked).to_have_text(f"2 gemte beregninger fra filen »{navn}-gemte-beregninger.json« er hentet. "
                                   "2 af dem hed det samme som en, der var her, og har fået et tal efter navnet.")
    expect(titler(page)).to_have_text(["Anden (2)", "Første (2)", "Anden", "Første"])
    # A fresh browser (storage cleared) gets them back as they were, and they open.
    page.evaluate("localStorage.clear()")
    page.reload()
    vent_paa_klar(page)
    expect(titler(page)).to_have_text([])
    page.get_by_label("Hent gemte beregninger fra en fil").set_input_files(sti)
    expect(titler(page)).to_have_text(["Anden", "Første"])
    assert [s["inddata"] for s in gemte_i_lageret(page, navn)] == [s["inddata"] for s in lagret]
    foer = beregninger(page)
    sektion(page).get_by_role("button", name="Åbn »Første«").click()
    expect(page.locator("[data-resultat]")).not_to_have_attribute("data-beregning", str(foer))
    page.locator("[data-resultat] .lbf-udfald").wait_for()


# ---- storage that is full or turned off ------------------------------------------------------------------------
FULDT = """Storage.prototype.setItem = function () {
  throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };"""
SLAAET_FRA = """Object.defineProperty(window, 'localStorage', { get() {
  throw new DOMException('Access is denied for this document.', 'SecurityError'); } });"""


@pytest.mark.parametrize("navn", NAVNE)
def test_fuldt_lager_forklares_og_intet_tabes(page, base_url, navn):
    b = BEREGNERE[navn]
    page.add_init_script(FULDT)
    aaben(page, base_url, b)
    felt = page.locator(f"#{felt_id(b.felt)}")
    if b.trinvis:
        page.evaluate(f"f => {ROD}.lbf.udfyld(f)", eksempel_som_formulartekst(navn))
        page.goto(base_url + b.side + f"#{page.locator('.lbf-trin').filter(has=felt).get_attribute('id')}")
    felt.focus()
    page.keyboard.press("Control+A")
    page.keyboard.type(b.andet)
    top = page.locator("[data-beregner] [data-besked]").first
    expect(top).to_have_text(re.compile(r"^Browserens lager er fuldt, så jeres svar kunne ikke gemmes i browseren\. "
                                        r"Intet af det, I har skrevet, er tabt: tallene står stadig i formularen\. "))
    assert felt.input_value() == b.andet
    # Saving a case: the same explanation at the section, the list unchanged, the form as it was.
    foer = raa(page)
    navnefelt = page.locator(f"#gemte-{navn}-navn")
    navnefelt.fill("Tag")
    navnefelt.press("Enter")
    besked = sektion(page).locator("[data-besked]").first
    expect(besked).to_contain_text("Browserens lager er fuldt, så beregningen »Tag« kunne ikke gemmes i browseren. "
                                   "Intet af det, I har skrevet, er tabt: tallene står stadig i formularen.")
    raad = "Gem beregningen i en fil med" if page.locator("[data-hent-json]").count() else "Brug »Kopiér link«"
    expect(besked).to_contain_text(raad)
    expect(titler(page)).to_have_text([])
    assert raa(page) == foer
    assert navnefelt.input_value() == "Tag"


def test_lager_slaaet_fra(page, base_url):
    """A private window or storage turned off: the page works, says so, and keeps the form."""
    b = BEREGNERE["groen_garanti"]
    page.add_init_script(SLAAET_FRA)
    med_resultat(page, base_url, b)
    expect(sektion(page)).to_contain_text("Browseren tillader ikke, at siden læser eller gemmer noget")
    expect(page.locator("[data-beregner] [data-besked]").first).to_contain_text(
        "Browseren tillader ikke, at siden gemmer noget (det sker fx i et privat vindue, eller når lagring er slået fra), "
        "så jeres svar kunne ikke gemmes i browseren. Intet af det, I har skrevet, er tabt")
    foer = raa(page)
    page.locator("#gemte-groen_garanti-navn").fill("Tag")
    page.locator("#gemte-groen_garanti-navn").press("Enter")
    expect(sektion(page).locator("[data-besked]").first).to_contain_text("så beregningen »Tag« kunne ikke gemmes i browseren")
    assert raa(page) == foer
    expect(page.locator("[data-resultat] .lbf-udfald")).to_be_visible()


# ---- the shareable link --------------------------------------------------------------------------------------------
@pytest.fixture
def ny_browser(browser, browser_context_args, base_url):
    """Another reader: a fresh context (no storage), failing on console errors and foreign requests."""
    ctx = browser.new_context(**browser_context_args)
    problemer: list[str] = []
    vaert = base_url.split("//", 1)[1]
    ctx.on("request", lambda r: None if r.url.split("//", 1)[-1].startswith(vaert) or r.url.startswith(("data:", "blob:"))
           else problemer.append(r.url))
    p = ctx.new_page()
    p.set_default_timeout(START_TIMEOUT_MS)
    p.on("console", lambda m: problemer.append(m.text) if m.type == "error" else None)
    p.on("pageerror", lambda e: problemer.append(str(e)))
    yield p
    ctx.close()
    assert problemer == []


@pytest.mark.parametrize("navn", NAVNE)
def test_link_til_en_anden_browser(page, base_url, navn, ny_browser):
    b = BEREGNERE[navn]
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url)
    med_resultat(page, base_url, b)
    data = page.evaluate(f"{ROD}.lbf.samlData()")
    felter = raa(page)
    tekst = resultattekst(page)
    knap = sektion(page).get_by_role("button", name="Kopiér link")
    # The sentence beside the button says the link carries the numbers.
    forklaring = page.locator(f"#{knap.get_attribute('aria-describedby')}")
    expect(forklaring).to_contain_text("Linket indeholder alle jeres tal, så den, der får det, kan se dem")
    knap.focus()
    page.keyboard.press("Enter")
    linkfelt = sektion(page).get_by_label("Link til beregningen")
    expect(linkfelt).to_be_visible()
    link = linkfelt.input_value()
    assert link.startswith(f"{base_url}{b.side}#inddata=")
    assert linkfelt.get_attribute("readonly") is not None
    expect(sektion(page).locator("[data-besked]").last).to_have_text(
        "Linket er kopieret. Sæt det ind, hvor I vil dele det, fx i en mail. Det står også i feltet ovenfor.")
    assert page.evaluate("navigator.clipboard.readText()") == link
    assert page.url == f"{base_url}{b.side}" + ("#tjek" if b.trinvis else "")   # the page's own address is unchanged

    # Another browser opens it: the form is filled, the result computed, and the data gone from the address bar.
    p = ny_browser
    p.goto(link)
    vent_paa_klar(p)
    p.locator("[data-resultat] .lbf-udfald").wait_for()
    assert raa(p) == felter
    assert p.evaluate(f"{ROD}.lbf.samlData()") == data
    assert resultattekst(p) == tekst
    assert "inddata" not in p.url
    expect(p.locator("[data-beregner] [data-besked]").first).to_have_text("Tallene fra linket er indlæst i beregneren.")
    if b.trinvis:
        # The link lands on "Tjek jeres svar"; the step flow and Back work as before.
        assert p.url == f"{base_url}{b.side}#tjek"
        p.get_by_role("link", name=b.ret).click()
        expect(p.locator(f"#{felt_id(b.felt)}")).to_be_visible()
        assert p.url.endswith("#" + p.locator(".lbf-trin").filter(has=p.locator(f"#{felt_id(b.felt)}")).get_attribute("id"))
        p.go_back()
        expect(p.locator("section.lbf-tjek")).to_be_visible()
        p.locator("[data-resultat] .lbf-udfald").wait_for()   # nothing changed, so the result is back
        assert p.url == f"{base_url}{b.side}#tjek"
    else:
        assert p.url == f"{base_url}{b.side}"
    # Back never returns to the address with the numbers in it: the link's entry was replaced, not added to.
    p.go_back()
    assert "inddata" not in p.url
    if not p.url.startswith(base_url):
        p.go_forward()
    # Its own storage now holds the inputs (a reload keeps them, and the result).
    p.reload()
    vent_paa_klar(p)
    p.locator("[data-resultat] .lbf-udfald").wait_for()
    assert raa(p) == felter


def test_link_naar_udklipsholderen_naegtes(page, base_url):
    """The clipboard may be denied: the link is in the read-only field anyway, and the message says to copy it."""
    page.add_init_script("navigator.clipboard.writeText = () => Promise.reject(new DOMException('nej', 'NotAllowedError'));")
    b = BEREGNERE["noegletal"]
    med_resultat(page, base_url, b)
    sektion(page).get_by_role("button", name="Kopiér link").click()
    expect(sektion(page).locator("[data-besked]").last).to_have_text(
        "Browseren tillod ikke, at siden kopierede linket. Markér linket i feltet ovenfor, og kopiér det selv (Ctrl+C eller Cmd+C).")
    felt = sektion(page).get_by_label("Link til beregningen")
    assert felt.input_value().startswith(f"{base_url}{b.side}#inddata=")
    felt.focus()
    assert page.evaluate("document.activeElement.selectionEnd - document.activeElement.selectionStart") == len(felt.input_value())


def test_link_fylder_ikke_over_det_man_havde(page, base_url, ny_browser):
    """The reader who opens a link keeps what the form held: it is saved as a case first."""
    b = BEREGNERE["budgettjek"]
    med_resultat(page, base_url, b)
    page.get_by_role("button", name="Kopiér link").click()
    link = sektion(page).get_by_label("Link til beregningen").input_value()
    p = ny_browser
    p.goto(base_url + b.side)
    vent_paa_klar(p)
    p.evaluate(f"f => {{ {ROD}.lbf.udfyld(f); {ROD}.lbf.gem(); }}", {"ansoegt_beloeb_kr": "123"})
    egne = raa(p)
    p.goto(link)
    vent_paa_klar(p)
    expect(p.locator("[data-beregner] [data-besked]").first).to_contain_text("Tallene fra linket er indlæst i beregneren. "
                                                                            "Det, der stod i formularen før, er gemt som »Ikke gemte svar fra ")
    assert len(sager(p)) == 1
    p.get_by_role("button", name=re.compile("^Åbn »Ikke gemte svar")).click()
    expect(sektion(p).locator("[data-besked]").first).to_contain_text("er åbnet i beregneren.")
    assert raa(p) == egne


def test_link_for_stort_oedelagt_eller_fremmed(page, base_url):
    b = BEREGNERE["merinvestering"]
    aaben(page, base_url, b)
    # The largest realistic case: 100 measures and 20 kinds of energy. It fits in a link and in the storage.
    stor = {**eksempel_som_formulartekst("merinvestering")}
    for i in range(100):
        stor |= {f"foranstaltninger[{i}].navn": f"Efterisolering af tag og gavle, blok {i + 1}",
                 f"foranstaltninger[{i}].merpris_kr": "1.640.000,50", f"foranstaltninger[{i}].levetid_aar": "40",
                 f"foranstaltninger[{i}].aendret_drift_kr_aar": "-12.500"}
    for i in range(20):
        stor |= {f"energibesparelser[{i}].energiart": "Fjernvarme", f"energibesparelser[{i}].maengde_aar": "125.000",
                 f"energibesparelser[{i}].enhed": "kWh", f"energibesparelser[{i}].pris_kr_pr_enhed": "0,85",
                 f"energibesparelser[{i}].realprisstigning_pct": "1,5"}
    page.evaluate(f"f => {ROD}.lbf.udfyld(f)", stor)
    expect(page.locator("[data-gentag=foranstaltninger] [data-raekke]")).to_have_count(100)
    page.locator("#gemte-merinvestering-navn").fill("Hele afdelingen, 100 foranstaltninger")
    page.locator("#gemte-merinvestering-navn").press("Enter")
    expect(sektion(page).locator(".lbf-gemte__sag")).to_have_count(1)
    stoerrelse = page.evaluate("localStorage.getItem('lbf-gemte:merinvestering').length")
    # The numbers lager.js states: about 17.000 characters a case, 30 cases far below the 5 MB a site gets.
    assert 10_000 < stoerrelse < 25_000, stoerrelse
    assert MAKS_SAGER * stoerrelse < 1_000_000
    page.get_by_role("button", name="Kopiér link").click()
    link = sektion(page).get_by_label("Link til beregningen").input_value()
    assert 15_000 < len(link) <= MAKS_LINK, len(link)

    # Longer names make it too large for a link: a Danish message pointing to the file, and no field.
    page.evaluate(f"f => {ROD}.lbf.udfyld(f)", {f"foranstaltninger[{i}].navn": "Efterisolering " * 20 for i in range(100)})
    page.get_by_role("button", name="Kopiér link").click()
    expect(sektion(page).locator("[data-besked]").last).to_have_text(re.compile(
        r"^Beregningen er for stor til et link: linket ville få \d{2}\.\d{3} tegn, og et link kan højst have 32\.000 tegn, "
        r"før browsere og mailprogrammer klipper det over\. Gem den i en fil med »Download beregning \(JSON\)« i stedet\.$"))
    expect(sektion(page).get_by_label("Link til beregningen")).to_be_hidden()

    # A broken link, one from another calculator and one without inputs: a Danish message, the form unchanged.
    foer = raa(page)
    anden = link.replace("/merinvestering/", "/noegletal/")
    for adresse, tekst in [
        (f"{base_url}{b.side}#inddata=%%%", "Linket kunne ikke læses. Det er måske blevet klippet over, da det blev kopieret."),
        (link[: len(link) // 2], "Linket kunne ikke læses. Det er måske blevet klippet over, da det blev kopieret."),
        (f"{base_url}{b.side}#inddata=" + base64.urlsafe_b64encode(b'{"beregner": "merinvestering", "version": 1}').decode(),
         "Linket indeholder ikke en gemt beregning. Jeres nuværende tal er uændrede."),
    ]:
        page.goto(adresse)
        expect(page.locator("[data-beregner] [data-besked]").first).to_contain_text(tekst)
        assert "inddata" not in page.url
        assert raa(page) == foer
    page.goto(anden)
    expect(page.locator("[data-beregner] [data-besked]").first).to_have_text(
        "Linket er lavet i en anden beregner. Jeres nuværende tal er uændrede.")
    assert "inddata" not in page.url


# ---- an honest result state ------------------------------------------------------------------------------------
@pytest.mark.parametrize("navn", NAVNE)
def test_resultatet_markeres_naar_det_ikke_passer(page, base_url, navn):
    b = BEREGNERE[navn]
    med_resultat(page, base_url, b)
    note = page.locator("[data-foraeldet]")
    resultat = page.locator("[data-resultat]")
    expect(note).to_be_hidden()
    # The note sits in a polite live region, so a screen reader hears it when it appears.
    assert note.evaluate("n => n.parentElement.getAttribute('role')") == "status"
    felt = page.locator(f"#{felt_id(b.felt)}")
    if not b.trinvis:
        # An invalid change: the result stays, marked, with the reason; a valid one gives a fresh result.
        felt.fill(b.ugyldigt)
        expect(note).to_be_visible()
        fejl = calculators.run(navn, page.evaluate(f"{ROD}.lbf.samlData()"), formular=True)["fejl"]
        foerste = fejl[0]["besked"].strip()
        expect(note).to_have_text(f"Resultatet passer ikke længere til jeres tal: {foerste}{'' if foerste[-1] in '.!?' else '.'}"
                                  + (f" Der er {len(fejl) - 1} fejl mere." if len(fejl) > 1 else "")
                                  + f" Tryk »{b.knap}« for at se, hvad der skal rettes.")
        expect(resultat).to_have_class(re.compile("lbf-resultat--foraeldet"))
        assert resultat.get_attribute("aria-describedby") == note.get_attribute("id")
        assert overtraedelser(page) == []
        # Pressing the button shows the errors; the old result stays marked.
        page.get_by_role("button", name=b.knap, exact=True).click()
        expect(page.locator(".lbf-fejlopsummering")).to_be_visible()
        expect(note).to_be_visible()
        foer = beregninger(page)
        felt.fill(b.andet)
        expect(resultat).not_to_have_attribute("data-beregning", str(foer))
        expect(note).to_be_hidden()
        expect(resultat).not_to_have_class(re.compile("lbf-resultat--foraeldet"))
        return
    # A step flow: reopening an answer takes the result away; a changed answer says why, in the step and in the
    # summary, until the result is computed again.
    page.get_by_role("link", name=b.ret).click()
    expect(felt).to_be_visible()
    expect(resultat).to_be_empty()
    expect(note).to_be_hidden()
    felt.fill(b.andet)
    tekst = (f"Resultatet passer ikke længere til jeres svar: I har ændret et svar, siden resultatet blev beregnet. "
             f"Tryk »{b.knap}« under »Tjek jeres svar« for at beregne det igen.")
    expect(note).to_have_text(tekst)
    page.locator(".lbf-trin:not([hidden]) .lbf-knapper .md-button--primary").click()
    expect(page.locator("section.lbf-tjek")).to_be_visible()
    expect(note).to_have_text(tekst)
    expect(resultat).to_be_empty()
    assert overtraedelser(page) == []
    page.get_by_role("button", name=b.knap, exact=True).click()
    page.locator("[data-resultat] .lbf-udfald").wait_for()
    expect(note).to_be_hidden()
    # Reopened and left unchanged: the summary shows the same result again at once.
    foer = beregninger(page)
    page.get_by_role("link", name=b.ret).click()
    expect(resultat).to_be_empty()
    page.locator(".lbf-trin:not([hidden]) .lbf-knapper .md-button--primary").click()
    expect(resultat).not_to_have_attribute("data-beregning", str(foer))
    expect(note).to_be_hidden()


@pytest.mark.parametrize("navn", NAVNE)
def test_genindlaesning_viser_resultatet_igen(page, base_url, navn):
    b = BEREGNERE[navn]
    med_resultat(page, base_url, b)
    tekst = resultattekst(page)
    felter = raa(page)
    page.reload()
    vent_paa_klar(page)
    page.locator("[data-resultat] .lbf-udfald").wait_for()
    assert resultattekst(page) == tekst
    assert raa(page) == felter
    # The focus is not moved, and no error summary appears.
    assert page.evaluate("document.activeElement === document.body")
    assert page.locator(".lbf-fejlopsummering").count() == 0
    if b.trinvis:
        # A new visit (no fragment) goes to "Tjek jeres svar" with the result; a question's address does not.
        page.goto(base_url + b.side)
        vent_paa_klar(page)
        page.locator("[data-resultat] .lbf-udfald").wait_for()
        assert page.url.endswith("#tjek")
        page.get_by_role("link", name=b.ret).click()
        trin = page.url.split("#")[1]
        page.reload()
        vent_paa_klar(page)
        expect(page.locator(f"#{trin}")).to_be_visible()
        expect(page.locator("[data-resultat]")).to_be_empty()
    else:
        # A result that no longer fits is not shown again after a reload.
        page.locator(f"#{felt_id(b.felt)}").fill(b.ugyldigt)
        expect(page.locator("[data-foraeldet]")).to_be_visible()
        page.reload()
        vent_paa_klar(page)
        assert page.locator(f"#{felt_id(b.felt)}").input_value() == b.ugyldigt
        # (Not a timed wait: the page computes nothing, so the result stays empty once Python is ready.)
        assert page.evaluate(f"{ROD}.lbf.beregn.koer().then(() => null)") is None
        page.locator(".lbf-fejlopsummering").wait_for()
        expect(page.locator("[data-resultat] .lbf-udfald")).to_have_count(0)


@pytest.mark.parametrize("navn", NAVNE)
def test_nulstil_spoerger_foerst_med_tastaturet(page, base_url, navn):
    b = BEREGNERE[navn]
    med_resultat(page, base_url, b)
    page.locator("#gemte-" + navn + "-navn").fill("Beholdes")
    page.locator("#gemte-" + navn + "-navn").press("Enter")
    felter = raa(page)
    til_sektionen(page, b)
    tab_til(page, "[data-nulstil]")
    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog", name="Vil I slette alle svar?")
    expect(dialog).to_be_visible()
    expect(dialog).to_contain_text("De gemte beregninger under »Gemte beregninger« bliver ikke slettet.")
    assert fokus_tekst(page) == "Nej, behold svarene"
    assert overtraedelser(page) == []
    page.keyboard.press("Escape")
    expect(dialog).to_have_count(0)
    assert page.evaluate("document.activeElement.matches('[data-nulstil]')")
    assert raa(page) == felter
    expect(page.locator("[data-resultat] .lbf-udfald")).to_be_visible()
    page.keyboard.press("Enter")
    expect(dialog).to_be_visible()
    page.keyboard.press("Shift+Tab")
    assert fokus_tekst(page) == "Ja, slet alle svar"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    vent_paa_klar(page)
    assert raa(page) != felter
    assert page.evaluate(f"localStorage.getItem('lbf-beregner:{navn}')") is None
    expect(page.locator("[data-resultat]")).to_be_empty()
    expect(titler(page)).to_have_text(["Beholdes"])
