"""The printout for a case file (issue 16, item 4), per calculator: filled in as a reader would, computed, then
printed to a real A4 PDF by Chromium (``page.pdf()``, which fires ``beforeprint``/``afterprint`` like the print
dialog, so the print header is built by the page's own code path) and read back with pypdf.

The printed text must hold the title, "Udskrevet <dato>", the page's address, every input's label and value (the
print header's summary list, docs/javascripts/beregner/udskrift.js), every column heading of the result's tables,
"Regler brugt i beregningen", "Side n af N" on every page and the reader's verdict once; it must not hold the worked
example, navigation or buttons. The page counts are the ones measured for these inputs (nøgletal 2, budgettjek 6,
Grøn garanti 4, merinvestering 6 pages of A4): a change to the result's HTML or the print CSS that adds or drops a
page shows here. The header appears in the PDF only because beforeprint fired: nothing else builds it.

Also here: Grøn garanti's year table on a 1366 px laptop screen shows every column without sideways scrolling.

Set ``LBF_UDSKRIFTER=/some/dir`` to keep the PDFs (for a person to look at; nothing is asserted about them).
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
from pathlib import Path

import pytest
from hjaelp import vent_paa_klar  # tests/browser/hjaelp.py
from playwright.sync_api import expect
from pypdf import PdfReader

pytestmark = pytest.mark.browser

ROD = "document.querySelector('[data-beregner]')"
# The printout's date: the page's clock is fixed just before printing.
UDSKREVET = dt.datetime(2026, 1, 5, 10, 30)
UDSKREVET_TEKST = "Udskrevet 5. januar 2026 fra"
# Texts of the page's buttons and navigation: none may be printed.
KNAPPER = ("Beregn", "Udskriv", "Udskriv resultatet", "Nulstil og start forfra", "Fortsæt", "Tilbage", "Se resultat",
           "Tjek ansøgningen", "Tilføj år", "Tilføj foranstaltning", "Tilføj energiart", "Tilføj en budgetpost",
           "Download beregning (JSON)", "Download årstabel (CSV)", "Gem svarene i en fil (JSON)")
NAVIGATION = ("Indholdsfortegnelse", "Frister og milepæle", "Ordliste", "Søg")


def ren(tekst: str) -> str:
    """PDF or DOM text as one line: a soft hyphen where a heading broke (pypdf reads it as U+2010) and its line
    break gone, subscripts joined ("CO ₂ e" -> "CO₂e"), runs of white space (and no-break spaces) as one space."""
    tekst = tekst.replace("\u00ad", "").replace("\xa0", " ")
    tekst = re.sub(r"\s*\u2010\s+", "", tekst)
    tekst = re.sub(r"\s*([₀-₉])\s*", r"\1", tekst)
    return " ".join(tekst.split())


def udskriv(page, navn: str) -> tuple[str, list[str]]:
    """Print the page to an A4 PDF at the fixed date; its text (normalised) and each page's raw text."""
    page.clock.set_fixed_time(UDSKREVET)
    pdf = page.pdf(format="A4", print_background=False)
    mappe = os.environ.get("LBF_UDSKRIFTER")
    if mappe:
        (Path(mappe) / f"{navn}.pdf").write_bytes(pdf)
    sider = [s.extract_text() for s in PdfReader(io.BytesIO(pdf)).pages]
    return ren("\n".join(sider)), sider


def kolonneoverskrifter(page) -> list[str]:
    """Every column heading and caption of the live result's tables, as the screen shows them."""
    tekster = page.evaluate("""() => [...document.querySelectorAll(
        '[data-resultat] table thead th, [data-resultat] table caption')].map(e => e.textContent)""")
    return [ren(t) for t in tekster if ren(t)]


def tjek_udskrift(page, base_url, side: str, tekst: str, sider: list[str], *, titel: str, inddata, dom: str,
                  eksempel: str, antal_sider: int, tabeller: bool = True) -> None:
    """What every printout holds, and what it must not."""
    assert len(sider) == antal_sider, (len(sider), tekst[:3000])
    for i, s in enumerate(sider, 1):
        assert f"Side {i} af {antal_sider}" in ren(s), (i, s[:200])
    assert titel in tekst
    assert f"{UDSKREVET_TEKST} {base_url}{side}" in tekst
    assert "Jeres oplysninger" in tekst
    for etiket, vaerdi in inddata:
        assert f"{ren(etiket)} {ren(vaerdi)}" in tekst, (etiket, vaerdi)
    overskrifter = kolonneoverskrifter(page)
    assert bool(overskrifter) == tabeller  # the nøgletal result is text only
    for o in overskrifter:
        assert o in tekst, o
    assert "Regler brugt i beregningen" in tekst
    # The reader's verdict, once: the worked example (its intro and its own verdict) is not printed.
    assert tekst.count(ren(dom)) == 1, dom
    assert ren(eksempel) not in tekst
    assert "Eksempel" not in tekst.split("Regler brugt i beregningen")[0]
    for knap in KNAPPER:
        assert not re.search(rf"(?<!\w){re.escape(knap)}(?!\w)", tekst), knap
    for n in NAVIGATION:
        assert not re.search(rf"(?<!\w){re.escape(n)}(?!\w)", tekst), n


def efter_udskrift(page) -> None:
    """afterprint removed the print header again; the screen shows the page as before."""
    expect(page.locator("[data-udskrift]")).to_have_count(0)
    expect(page.locator("form[data-formular]")).to_be_visible()


# -- Nøgletal: a step-by-step flow -------------------------------------------------------------------------------
def test_noegletal(page, base_url):
    side = "/beregnere/noegletal/"
    page.goto(base_url + side)
    vent_paa_klar(page)
    page.evaluate(f"""f => {{ {ROD}.lbf.udfyld(f); {ROD}.lbf.gem(); }}""",
                  {"rolle": "entreprenoer", "tilsagnsdato": "1.5.2014", "udbudsdato": "15.6.2015",
                   "beloeb_kr": "2.400.000"})
    page.goto(base_url + side + "#tjek")
    page.get_by_role("button", name="Se resultat").click()
    page.locator("[data-resultat] .lbf-udfald").wait_for()
    # The page has its own print button, as the other calculators do (it calls window.print()).
    expect(page.get_by_role("button", name="Udskriv resultatet")).to_be_visible()
    tekst, sider = udskriv(page, "noegletal")
    tjek_udskrift(page, base_url, side, tekst, sider, titel="Nøgletal – er I omfattet?", inddata=[
        ("Hvilken rolle har I på byggesagen?", "Entreprenør"), ("Tilsagnsdato", "1.5.2014"),
        ("Udbudsdato", "15.6.2015"), ("Beløb i kroner", "2.400.000 kr."),
    ], dom="Som entreprenør er I omfattet af reglerne om nøgletal for alment byggeri.",
        eksempel="En entreprenør har en entrepriseopgave på 2.400.000 kr. ekskl. moms.", antal_sider=2,
        tabeller=False)
    # A question the answers skip (the bygherre's) is left out, and no case is open.
    assert "Er der udbudt rådgiver- eller entrepriseopgaver" not in tekst
    assert "Sag:" not in tekst
    efter_udskrift(page)


# -- Budgettjek: the reader's application fails where the worked example passes -----------------------------------
BUDGET = {
    "delpulje": "investeringsramme", "ansoeger": "boligorganisation", "aar": "2024", "ansoegt_beloeb_kr": "3.450.000",
    "poster[0].tekst": "Luft-vand-varmepumper til tre blokke", "poster[0].beloeb_kr": "3.200.000",
    "poster[0].finansiering": "pulje",
    "poster[1].tekst": "Måling og evaluering af driften i to år", "poster[1].beloeb_kr": "250.000",
    "poster[1].finansiering": "pulje",
    "poster[2].tekst": "Projektledelse i boligorganisationen", "poster[2].beloeb_kr": "400.000",
    "poster[2].finansiering": "egen",
    "poster[3].tekst": "Bidrag fra leverandør til målerudstyr", "poster[3].beloeb_kr": "150.000",
    "poster[3].finansiering": "anden",
    "stoettet_af_lbf": "ja", "vandtaette_skotter": "ja", "anden_statslig_pulje": "nej", "klimagevinst_ton_co2e": "420",
    # The one difference from the worked example: the application has no evaluation.
    **{f"indhold.{k}": k != "evaluering" for k in ("effekt", "maal_og_succeskriterier", "evaluering", "tidsplan",
                                                  "kompetencer", "budget")},
}


def test_budgettjek(page, base_url):
    side = "/beregnere/budgettjek/"
    page.goto(base_url + side)
    vent_paa_klar(page)
    page.evaluate(f"""f => {{ {ROD}.lbf.udfyld(f); {ROD}.lbf.gem(); }}""", BUDGET)
    page.goto(base_url + side + "#tjek")
    page.get_by_role("button", name="Tjek ansøgningen").click()
    page.locator("[data-resultat] .lbf-udfald").wait_for()
    # The worked example on the page says the opposite.
    assert "Ansøgningen kan sendes" in page.locator(".lbf-eksempel").inner_text()
    tekst, sider = udskriv(page, "budgettjek")
    poster = [("Luft-vand-varmepumper til tre blokke", "3.200.000", "Puljen"),
              ("Måling og evaluering af driften i to år", "250.000", "Puljen"),
              ("Projektledelse i boligorganisationen", "400.000", "Jer selv"),
              ("Bidrag fra leverandør til målerudstyr", "150.000", "En anden")]
    tjek_udskrift(page, base_url, side, tekst, sider, titel="Tjek jeres ansøgning til Bæredygtighedspuljen", inddata=[
        ("Hvilken delpulje søger I?", "Investeringsrammemidler"),
        ("Hvem står som ansøger?", "En almen boligorganisation"),
        ("År", "2024"), ("Ansøgt beløb", "3.450.000 kr."),
        *[r for i, (hvad, beloeb, hvem) in enumerate(poster, 1) for r in (
            (f"Budgetpost {i}: hvad posten dækker", hvad), (f"Budgetpost {i}: beløb i kroner", beloeb),
            (f"Budgetpost {i}: hvem betaler", hvem))],
        ("Er projektet i forvejen støttet af Landsbyggefonden?", "Ja"),
        ("Er der vandtætte skotter mellem det projekt, puljen skal støtte, og det, fondens andre støtteordninger "
         "støtter?", "Ja"),
        ("Er projektet allerede støttet af Klima-, Energi- og Forsyningsministeriets puljer eller andre tilsvarende "
         "statslige puljer?", "Nej"),
        ("Klimagevinst (kan udelades)", "420 ton CO₂e"),
        ("En redegørelse for projektets effekt", "Ja"),
        ("En evaluering, der måler, om målene og succeskriterierne er nået", "Nej"),
        ("Det ansøgte beløb og et budget, der viser, hvilke udgifter puljen skal betale, og hvilke I selv "
         "finansierer", "Ja"),
    ], dom="Ret 1 fejl før I sender ansøgningen.",
        eksempel="En almen boligorganisation søger i 2024 om 3.450.000 kr.", antal_sider=6)
    assert "Ansøgningen kan sendes" not in tekst
    efter_udskrift(page)


# -- Grøn garanti: the year table with every column, and a case name ----------------------------------------------
GG_FELTER = {
    "Ansøgningsdato (valgfri)": "30.11.2026", "Forbrug i baselineåret": "1.000.000", "Graddage i baselineåret": "2.900",
    "Graddage i et normalår": "3.112", "Andel af forbruget, der ikke afhænger af vejret": "20",
    "Beregnet besparelse pr. år": "200.000", "Energipris": "0,80", "Selvrisiko pr. år": "50.000",
    "Garanti fra leverandør eller rådgiver pr. år": "40.000",
}
GG_AAR = [("1", "870.000", "3.050"), ("2", "900.000", "2.800"), ("3", "800.000", "3.200")]
GG_SAG = "Afdeling 12, Solhaven – opfølgning 2026"


def udfyld_groen_garanti(page) -> None:
    # The prerequisites: two answered "Ja", one "Ved ikke", one "Nej", one left open.
    for felt in ("felt-_gg_helhedsplan", "felt-_gg_finansiering", "felt-_gg_medfinansiering-ved_ikke",
                 "felt-_gg_godkendelse-nej"):
        page.locator(f"#{felt}").check()
    for etiket, vaerdi in GG_FELTER.items():
        page.get_by_label(etiket, exact=True).fill(vaerdi)
    for i, (aar, forbrug, graddage) in enumerate(GG_AAR, 1):
        if i > 1:
            page.get_by_role("button", name="Tilføj år").click()
        page.get_by_label(f"År efter aflevering, række {i}", exact=True).fill(aar)
        page.get_by_label(f"Målt forbrug i kWh, række {i}", exact=True).fill(forbrug)
        page.get_by_label(f"Graddage, række {i}", exact=True).fill(graddage)
    page.get_by_role("button", name="Beregn", exact=True).click()
    page.locator("[data-resultat] .lbf-udfald").wait_for()


def test_groen_garanti(page, base_url):
    side = "/beregnere/groen-garanti/"
    page.goto(base_url + side)
    vent_paa_klar(page)
    udfyld_groen_garanti(page)
    # The saved-cases module marks an open case on the calculator element; the printout names it.
    page.evaluate(f"n => {{ {ROD}.dataset.sagsnavn = n; }}", GG_SAG)
    tekst, sider = udskriv(page, "groen_garanti")
    enheder = {"Forbrug i baselineåret": "kWh", "Graddage i baselineåret": "graddage",
               "Graddage i et normalår": "graddage", "Andel af forbruget, der ikke afhænger af vejret": "%",
               "Beregnet besparelse pr. år": "kWh", "Energipris": "kr. pr. kWh", "Selvrisiko pr. år": "kr.",
               "Garanti fra leverandør eller rådgiver pr. år": "kr."}
    tjek_udskrift(page, base_url, side, tekst, sider, titel="Grøn garanti – besparelse og manko", inddata=[
        ("Er der udarbejdet en helhedsplan for afdelingen?", "Ja"),
        ("Har afdelingen undersøgt, hvordan arbejderne kan finansieres?", "Ja"),
        ("Vil boligorganisationen være med til at finansiere renoveringen?", "Ved ikke"),
        ("Er renoveringen godkendt af afdelingens beboere, boligorganisationen og kommunen?", "Nej"),
        ("Har de energibesparende tiltag – fx på klimaskærm, tekniske installationer eller energistyring – samlet "
         "set en relativt lang tilbagebetalingstid?", "Ikke udfyldt"),
        *[(etiket, f"{v} {enheder[etiket]}" if etiket in enheder else v) for etiket, v in GG_FELTER.items()],
        *[r for i, (aar, forbrug, graddage) in enumerate(GG_AAR, 1) for r in (
            (f"År efter aflevering, række {i}", aar), (f"Målt forbrug i kWh, række {i}", forbrug),
            (f"Graddage, række {i}", graddage))],
    ], dom="Den beregnede besparelse er ikke nået i 2 af 3 opfølgningsår.",
        eksempel="En afdeling brugte 1.000.000 kWh i baselineåret", antal_sider=4)
    assert f"Sag: {GG_SAG}" in tekst
    # Who pays is not cut off: the year table's last columns and its totals row are printed.
    for kolonne in ("Manko (kr.)", "Selvrisiko dækker (kr.)", "Leverandør/rådgiver dækker (kr.)",
                    "Fonden dækker (kr.)"):
        assert kolonne in tekst, kolonne
    assert "I alt (3 år) 2.646.777 3.175.449 600.000 528.672 147.411 117.928,80 70.532 40.000 7.396,80" in tekst
    efter_udskrift(page)

    # A figure the calculator cannot use: the result stays, marked as no longer fitting, and so it prints – the
    # inputs as they now stand, with the page's note that the result does not fit them.
    page.get_by_label("Energipris", exact=True).fill("abc")
    expect(page.locator("[data-foraeldet]")).to_be_visible()
    tekst, _ = udskriv(page, "groen_garanti-foraeldet")
    assert "Energipris abc kr. pr. kWh" in tekst
    assert "Resultatet passer ikke" in tekst
    efter_udskrift(page)


# -- Merinvestering: repeated rows, empty optional fields, a checkbox, the yearly table inside <details> ------------
MI_MAAL = [("Ekstra isolering af klimaskærmen", "640.000", "40", ""),
           ("3-lags vinduer i stedet for 2-lags", "380.000", "30", ""),
           ("Ventilationsaggregat med højere varmegenvinding", "150.000", "20", "1.500")]
MI_ENERGI = [("fjernvarme", "95.000", "kWh", "0,75"), ("el", "4.000", "kWh", "2,20")]
DRIFT = "ændret driftsudgift pr. år i kroner (plus er en merudgift)"
PRISSTIGNING = "real prisstigning i procent pr. år (tom: standardværdien)"


def udfyld_merinvestering(page) -> None:
    for i, (navn, merpris, levetid, drift) in enumerate(MI_MAAL, 1):
        if i > 1:
            page.get_by_role("button", name="Tilføj foranstaltning").click()
        page.get_by_label(f"Foranstaltning {i}: hvad det er", exact=True).fill(navn)
        page.get_by_label(f"Foranstaltning {i}: merpris i kroner", exact=True).fill(merpris)
        page.get_by_label(f"Foranstaltning {i}: levetid i år", exact=True).fill(levetid)
        page.get_by_label(f"Foranstaltning {i}: {DRIFT}", exact=True).fill(drift)
    for i, (art, maengde, enhed, pris) in enumerate(MI_ENERGI, 1):
        if i > 1:
            page.get_by_role("button", name="Tilføj energiart").click()
        page.get_by_label(f"Energibesparelse {i}: energiart", exact=True).fill(art)
        page.get_by_label(f"Energibesparelse {i}: besparelse pr. år", exact=True).fill(maengde)
        page.get_by_label(f"Energibesparelse {i}: enhed", exact=True).fill(enhed)
        page.get_by_label(f"Energibesparelse {i}: pris pr. enhed i kroner", exact=True).fill(pris)
    page.get_by_label("Beregningsdato (valgfri)", exact=True).fill("30.11.2026")
    page.get_by_label("Beboerbetalingsprocent", exact=True).fill("4")
    page.get_by_role("button", name="Beregn", exact=True).click()
    page.locator("[data-resultat] .lbf-udfald").wait_for()


def test_merinvestering(page, base_url):
    side = "/beregnere/merinvestering/"
    page.goto(base_url + side)
    vent_paa_klar(page)
    udfyld_merinvestering(page)
    tekst, sider = udskriv(page, "merinvestering")
    tjek_udskrift(page, base_url, side, tekst, sider, titel="Totaløkonomisk merinvestering", inddata=[
        *[r for i, (navn, merpris, levetid, drift) in enumerate(MI_MAAL, 1) for r in (
            (f"Foranstaltning {i}: hvad det er", navn), (f"Foranstaltning {i}: merpris i kroner", merpris),
            (f"Foranstaltning {i}: levetid i år", levetid), (f"Foranstaltning {i}: {DRIFT}", drift or "Ikke udfyldt"))],
        *[r for i, (art, maengde, enhed, pris) in enumerate(MI_ENERGI, 1) for r in (
            (f"Energibesparelse {i}: energiart", art), (f"Energibesparelse {i}: besparelse pr. år", maengde),
            (f"Energibesparelse {i}: enhed", enhed), (f"Energibesparelse {i}: pris pr. enhed i kroner", pris),
            (f"Energibesparelse {i}: {PRISSTIGNING}", "Ikke udfyldt"))],
        ("Beregningsdato (valgfri)", "30.11.2026"), ("Tilsagnsår (valgfrit)", "Ikke udfyldt"),
        ("Beboerbetalingsprocent", "4 %"), ("Kalkulationsrente (real, pr. år)", "Ikke udfyldt"),
        ("Beregningsperiode", "Ikke udfyldt"),
        ("Medregn restværdien ved periodens udløb (sidens egen konvention, ikke bekendtgørelsens)", "Nej"),
    ], dom="Merinvesteringen på 1.170.000 kr. er totaløkonomisk rentabel",
        eksempel="Et nyt alment byggeri får tre energibesparende foranstaltninger", antal_sider=6)
    # The yearly table is in a closed <details> on screen; it is opened for printing and closed again after.
    assert "40 120.758,68 1.500,00 0,00 0,00 119.258,68" in tekst
    expect(page.locator("[data-resultat] details[open]")).to_have_count(0)
    # No comparison was made, so its section (an invitation to save cases) is not printed.
    assert "Sammenlign alternativer" not in tekst
    efter_udskrift(page)


# -- The screen: Grøn garanti's year table at 1366 px ------------------------------------------------------------
HEL_TABEL = """() => {
  const w = document.querySelector('[data-resultat] .lbf-tabel-rulle');
  const r = w.getBoundingClientRect();
  const toc = document.querySelector('.md-sidebar--secondary .md-nav').getBoundingClientRect();
  const bredde = document.documentElement.clientWidth;
  return {
    rulles: w.scrollWidth > w.clientWidth,
    udenfor: [...w.querySelectorAll('th, td')].filter(c => c.getBoundingClientRect().right > bredde)
      .map(c => c.textContent).slice(0, 3),
    overlapper: toc.bottom > r.top && toc.top < r.bottom && toc.right > r.left && toc.left < r.right,
    sideRulles: document.documentElement.scrollWidth > bredde,
  };
}"""


@pytest.mark.parametrize("antal_aar", [3, 10])
def test_groen_garanti_aarstabel_hel_paa_en_baerbar(page, base_url, antal_aar):
    """At 1366×768 every column of the year table – who pays included – is on screen without sideways scrolling,
    for the worked example's 3 years and for the guarantee's most, 10."""
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto(base_url + "/beregnere/groen-garanti/")
    vent_paa_klar(page)
    felter = {"baseline_forbrug_kwh": "1.000.000", "baseline_graddage": "2.900", "normalaar_graddage": "3.112",
              "graddageuafhaengig_andel_pct": "20", "beregnet_besparelse_kwh": "200.000",
              "energipris_kr_pr_kwh": "0,80", "selvrisiko_kr": "50.000", "leverandoergaranti_kr": "40.000",
              "ansoegningsdato": "30.11.2026"}
    for i in range(antal_aar):
        aar, forbrug, graddage = GG_AAR[i] if i < len(GG_AAR) else (str(i + 1), "1.100.000", "3.100")
        felter |= {f"aar[{i}].aar": aar, f"aar[{i}].forbrug_kwh": forbrug, f"aar[{i}].graddage": graddage}
    page.evaluate(f"f => {ROD}.lbf.udfyld(f)", felter)
    page.get_by_role("button", name="Beregn", exact=True).click()
    tabel = page.locator("[data-resultat] table.lbf-tabel")
    expect(tabel.locator("tbody tr")).to_have_count(antal_aar)
    tabel.scroll_into_view_if_needed()
    for kolonne in ("Selvrisiko dækker (kr.)", "Leverandør/rådgiver dækker (kr.)", "Fonden dækker (kr.)"):
        expect(tabel.locator("thead th", has_text=kolonne)).to_be_in_viewport()
    assert page.evaluate(HEL_TABEL) == {"rulles": False, "udenfor": [], "overlapper": False, "sideRulles": False}
