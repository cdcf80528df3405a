"""The merinvestering guide and calculator page say what BEK nr. 314 says (issue 11, items 1, 5, 8, 9, 10,
15 and 18). Each wording is pinned to the sentence of the source it follows with a quote test
(tests/kildecitat.py); the page checks read the built site."""

from __future__ import annotations

import re

from indhold_hjaelp import DOCS
from kildecitat import afsnit, citat

GUIDE = "merinvestering/index.html"
BEREGNER = "beregnere/merinvestering/index.html"
MAANEDER = "januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december"
REN = "inkl. reinvesteringer og merudgifter til drift"


def _afsnit(bygget_site, side: str, id_: str) -> str:
    """The text of one h2 section of a built page, tags removed."""
    html = (bygget_site / side).read_text(encoding="utf-8")
    start = html.index(f'id="{id_}"')
    slut = html.find("<h2", start)
    tekst = re.sub(r"<[^>]+>", " ", html[start:slut if slut > 0 else None])
    return " ".join(tekst.replace("&nbsp;", " ").replace("\u00a0", " ").split())


# -- item 1: a wrapped date keeps its day -------------------------------------------------------------
def test_ophaevet_bekendtgoerelse_har_hele_datoen(bygget_site):
    citat("B", 129, 131, "Bekendtgørelse nr. 815 af 30. juni 2011 om totaløkonomiske merinvesteringer")
    tekst = _afsnit(bygget_site, GUIDE, "ikrafttraeden")
    assert "bekendtgørelse nr. 815 af 30. juni 2011 om totaløkonomiske merinvesteringer" in tekst
    html = (bygget_site / GUIDE).read_text(encoding="utf-8")
    assert not re.search(rf"<li>\s*(?:{MAANEDER}) \d{{4}}", html)


def test_ingen_linje_paa_siderne_begynder_med_en_dato():
    for md in ("merinvestering/index.md", "beregnere/merinvestering.md"):
        for nr, linje in enumerate((DOCS / md).read_text(encoding="utf-8").splitlines(), 1):
            assert not re.match(rf"\s*\d{{1,2}}\. (?:{MAANEDER})\b", linje), (md, nr, linje)


# -- item 8: skema A is optional ------------------------------------------------------------------------
def test_skema_a_er_frivilligt(sider):
    citat("B", 35, 36, "Bygherren kan i forbindelse med ansøgning om tilsagn om støtte (skema A) til alment "
                       "nybyggeri ansøge om godkendelse")
    citat("B", 48, 50, "Bygherren indberetter til kommunalbestyrelsen i forbindelse med ansøgning om godkendelse "
                       "af byggeriets anskaffelsessum før byggeriets påbegyndelse (skema B) ansøgning om "
                       "godkendelse af merinvesteringen")
    citat("B", 99, 100, "Bygherren indberetter i forbindelse med indberetning af byggeregnskabet (skema C) den "
                        "endelige merinvestering")
    tekst = sider[GUIDE].tekst
    assert "tre gange" not in tekst
    assert ("Merinvesteringen skal godkendes ved skema B (før byggeriet går i gang) og ved skema C "
            "(byggeregnskabet). Bygherren kan også søge allerede ved skema A (tilsagn), men det er frivilligt.") \
        in tekst
    assert "Trin 1: Skema A – ansøgning om tilsagn (frivilligt)" in tekst


# -- item 15: the whole of § 3, stk. 2, nr. 1 -------------------------------------------------------------
def test_definitionen_har_reinvesteringer_og_drift(sider):
    citat("B", 24, 27, "at nutidsværdien af energibesparelserne mindst skal svare til den samlede merinvestering "
                       f"{REN} set over en periode på 40 år")
    forkortelser = (DOCS / "includes" / "forkortelser.md").read_text(encoding="utf-8")
    for term in ("totaløkonomisk rentabel", "totaløkonomisk rentabilitet", "Totaløkonomisk rentabel",
                 "Totaløkonomisk rentabilitet"):
        forklaring = re.search(rf"^\*\[{term}\]: (.+)$", forkortelser, re.M).group(1)
        assert f"den samlede merinvestering {REN} over 40 år" in forklaring, term
    titler = {titel for tekst, titel in sider[GUIDE].abbr if tekst.lower().startswith("totaløkonomisk rentab")}
    assert titler and all(REN in t for t in titler)
    tekst = sider[GUIDE].tekst
    kort = tekst[tekst.index("Kort fortalt"):tekst.index("BR18 har afløst BR15")]
    assert f"skal mindst svare til den samlede merinvestering {REN}" in kort
    assert "geninvesteringer" not in tekst


# -- item 5: § 11 at skema B, § 13 at skema C ---------------------------------------------------------------
def test_paragraf_11_og_13_paa_siderne(bygget_site, sider):
    citat("B", 89, 90, "Det er en forudsætning for kommunalbestyrelsens godkendelse af merinvesteringen forud for "
                       "byggeriets påbegyndelse, at merinvesteringen er totaløkonomisk rentabel")
    citat("B", 106, 107, "afholder den almene boligorganisation så stor en del af merinvesteringen, at "
                         "rentabiliteten opnås")
    afsnit_ = _afsnit(bygget_site, GUIDE, "ikke-rentabel")
    assert ("Det er en forudsætning for kommunalbestyrelsens godkendelse af merinvesteringen, at den er "
            "totaløkonomisk rentabel (§ 11)") in afsnit_
    assert "»så stor en del af merinvesteringen, at rentabiliteten opnås« (§ 13)" in afsnit_
    assert "Den er ikke en vej uden om kravet om rentabilitet før byggeriet går i gang" in afsnit_
    guide, beregner = sider[GUIDE].tekst, sider[BEREGNER].tekst
    for tekst in (guide, beregner):
        assert "betaler forskellen" not in tekst and "betaler boligorganisationen selv" not in tekst
    assert "kan kommunalbestyrelsen ikke godkende den (skema B)" in guide
    assert ("Er merinvesteringen ikke rentabel, kan kommunalbestyrelsen ikke godkende den, før byggeriet "
            "påbegyndes (skema B, § 11).") in beregner
    assert "den regel gælder den endelige opgørelse ved byggeregnskabet (skema C)" in beregner


# -- item 9: only energy ---------------------------------------------------------------------------------------
def test_kun_energi_ikke_vand(bygget_site, sider):
    citat("B", 72, 72, "De årlige energibesparelser til opvarmning, varmt vand og elektricitet")
    citat("B", 69, 70, "Forskelle i udgifter til drift m.v. af foranstaltningerne")
    html = (bygget_site / BEREGNER).read_text(encoding="utf-8")
    assert '<option value="Vand">' not in html and not re.search(r"<li>\s*Vand:", html)
    beregner = sider[BEREGNER].tekst
    assert "Kun energibesparelser til opvarmning, varmt vand og el tæller (BEK nr. 314, § 8)" in beregner
    assert ("Driftsudgiften er forskellen i udgifterne til drift af selve foranstaltningen (BEK nr. 314, "
            "§ 7, stk. 3) – ikke en besparelse på vand eller andet, der ikke er energi.") in beregner
    guide = sider[GUIDE].tekst
    assert ("En besparelse på koldt vand er ikke en energibesparelse og kan ikke regnes med – heller ikke som en "
            "lavere driftsudgift efter § 7, stk. 3") in guide


# -- item 10: the residual value is the site's convention, off by default ------------------------------------
def test_restvaerdi_er_fravalgt_og_maerket(bygget_site, sider):
    assert "restværdi" not in afsnit("B", 1, 138).lower()
    html = (bygget_site / BEREGNER).read_text(encoding="utf-8")
    boks = re.search(r'<input type="checkbox" name="medregn_restvaerdi"[^>]*>', html).group(0)
    assert "checked" not in boks
    tekst = sider[BEREGNER].tekst
    assert "Medregn restværdien ved periodens udløb (sidens egen konvention, ikke bekendtgørelsens)" in tekst
    assert "Bekendtgørelsen nævner ingen restværdi, så beregneren regner som standard uden." in tekst
    assert "restværdien er ikke medregnet (standard)" in tekst
    # The worked example is computed without it: no side-by-side columns anywhere on the page.
    assert "Uden restværdi</th>" not in html


# -- item 18: the rate is not the kommune's, and the default is explained ------------------------------------
def test_kalkulationsrenten_forklares(sider):
    citat("B", 52, 52, "Opgørelse af merinvestering og totaløkonomi skal ske på grundlag af Udlændinge-,")
    assert "kalkulationsrente" not in afsnit("B", 1, 138).lower()
    tekst = sider[BEREGNER].tekst
    assert "kommunen beder" not in tekst
    assert "Bekendtgørelsen fastsætter ingen kalkulationsrente." in tekst
    assert ("den reale kalkulationsrente for private bygherrer i Den frivillige bæredygtighedsklasses "
            "»Totaløkonomisk analyse – beregningsforudsætninger« (tabel 6, 2021), en kilde uden for "
            "bekendtgørelsen") in tekst
