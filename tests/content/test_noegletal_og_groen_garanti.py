"""The nøgletal and Grøn garanti pages as built: dates are not eaten by Markdown, and the legal
corrections of the 2026-11 review (items 1, 11, 13, 14, 16) stand on the pages readers see."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import pytest
from indhold_hjaelp import DOCS
from kildecitat import citat

MAANEDER = r"(?:januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december)"
PUNKT = "\n\u2042"  # where a list item starts in som_vist()
NYT_PUNKT_MED_MAANED = re.compile(rf"{PUNKT}(?:\d+\.|•) {MAANEDER} \d{{4}}")
EGNE_SIDER = ["noegletal/index.md", "beregnere/noegletal.md", "groen-garanti/index.md",
              "beregnere/groen-garanti.md"]


class _SomVist(HTMLParser):
    """The article's text as a reader sees it: each item of an <ol> gets its number ("4. "), each
    item of a <ul> a bullet; both after the mark ``PUNKT``, so a test can find where items start."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.dybde = 0
        self.lister: list[list] = []   # per open list: [ordered?, counter]
        self.ud: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "article":
            self.dybde += 1
        if not self.dybde:
            return
        if tag in ("ol", "ul"):
            start = int(dict(attrs).get("start") or 1)
            self.lister.append([tag == "ol", start - 1])
        elif tag == "li" and self.lister:
            self.lister[-1][1] += 1
            self.ud.append(f"{PUNKT}{self.lister[-1][1]}. " if self.lister[-1][0] else f"{PUNKT}• ")
        elif tag in ("p", "br", "h2", "h3", "tr"):
            self.ud.append("\n")

    def handle_endtag(self, tag):
        if tag == "article":
            self.dybde -= 1
        elif tag in ("ol", "ul") and self.dybde and self.lister:
            self.lister.pop()

    def handle_data(self, data):
        if self.dybde:
            self.ud.append(data)


def som_vist(bygget_site, sti: str) -> str:
    p = _SomVist()
    p.feed((bygget_site / sti).read_text(encoding="utf-8"))
    return re.sub(r"[ \t\u00a0]+", " ", "".join(p.ud))


def afsnit_html(bygget_site, sti: str, anker: str) -> str:
    """The HTML of one h2 section (from its id to the next h2)."""
    side = (bygget_site / sti).read_text(encoding="utf-8")
    start = side.index(f'id="{anker}"')
    slut = side.find("<h2", start)
    return side[start:slut if slut > 0 else len(side)]


# -- item 1: dates eaten by Markdown ----------------------------------------------------------
@pytest.mark.parametrize("md", EGNE_SIDER)
def test_ingen_linje_begynder_med_en_dato(md):
    """A wrapped line that starts with "1. november 2015" (or a date placeholder) inside a list
    becomes a new list item and loses its day. No line of these pages may start that way."""
    for nr, linje in enumerate((DOCS / md).read_text(encoding="utf-8").splitlines(), 1):
        assert not re.match(r"\s*\{\{[^}]*\|\s*dato\s*\}\}", linje), f"{md}:{nr}: {linje}"
        assert not re.match(rf"\s*\d{{1,2}}\.\s+{MAANEDER}\b", linje), f"{md}:{nr}: {linje}"
        assert not re.match(r"\s+\d+\.(\s|$)", linje), f"{md}:{nr}: {linje}"


def test_noegletal_siden_viser_hele_datoer(bygget_site):
    tekst = som_vist(bygget_site, "noegletal/index.html")
    assert "4. november 2015" not in tekst
    assert tekst.count("1. november 2015") >= 8
    for tekst_med_dato in ("udbudt før den 1. november 2015, er heller ikke bygherren omfattet",
                           "(vejledning nr. 56 af 21. oktober 2008)",
                           "fra og med den 1. november 2015 er ikke omfattet",
                           "er udbudt før den 1. november 2015."):
        assert tekst_med_dato in " ".join(tekst.split()), tekst_med_dato
    # No list item starts with a month: that is what a swallowed day looks like.
    assert not NYT_PUNKT_MED_MAANED.search(tekst)


def test_bygherrens_betingelser_er_tre(bygget_site):
    """»alle tre betingelser«: the bygherre's list has exactly three items, the last with the full date."""
    citat("N", 207, 213, "en eller flere entreprise- og/eller rådgiveropgaver er udbudt før den 1. november 2015")
    afsnit = afsnit_html(bygget_site, "noegletal/index.html", "bygherrer")
    ol = afsnit[afsnit.index("<ol>"):afsnit.index("</ol>")]
    punkter = [" ".join(html.unescape(re.sub(r"<[^>]+>", "", p)).split())
               for p in re.findall(r"<li>(.*?)</li>", ol, re.S)]
    assert len(punkter) == 3, punkter
    assert punkter[2] == "en eller flere entreprise- eller rådgiveropgaver er udbudt før den 1. november 2015."


@pytest.mark.parametrize("side", ["groen-garanti/index.html", "beregnere/noegletal/index.html",
                                  "beregnere/groen-garanti/index.html"])
def test_ingen_listepunkter_begynder_med_en_maaned(bygget_site, side):
    assert not NYT_PUNKT_MED_MAANED.search(som_vist(bygget_site, side))


# -- item 14: the 2016 statement is dated -----------------------------------------------------
def test_vilkaaret_i_bek_1226_er_dateret(bygget_site):
    citat("N", 45, 51, "Det er vilkår for det endelige tilsagn til projektet, at de bestemmelser, der er nævnt i "
                       "bilag 2 i bekendtgørelse nr. 1226 af 14. december 2011")
    afsnit = " ".join(html.unescape(re.sub(r"<[^>]+>", " ",
                                           afsnit_html(bygget_site, "noegletal/index.html", "regelgrundlag"))).split())
    assert "ifølge notatet fra 2016" in afsnit
    assert "Ifølge notatet af 19. december 2016 var det et vilkår for det endelige tilsagn" in afsnit
    assert "Det er et vilkår for det endelige tilsagn" not in afsnit


# -- items 11 and 16 on the checker page ------------------------------------------------------
def test_beregnersiden_citerer_notatet_for_raadgivere(bygget_site):
    citat("N", 136, 142, "entreprisesummen for den enkelte entrepriseopgave overstiger 150.000 kr. ekskl. moms, "
                         "jf. bekendtgørelsens § 3, stk. 3")
    side = (bygget_site / "beregnere" / "noegletal" / "index.html").read_text(encoding="utf-8")
    tekst = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", side)).replace("\u00a0", " ").split())
    assert "rådgivningen vedrører" not in tekst
    assert ("»entreprisesummen for den enkelte entrepriseopgave overstiger 150.000 kr. ekskl. moms, jf. "
            "bekendtgørelsens § 3, stk. 3") in tekst
    assert "Ordlyden er notatets egen" in tekst


def test_bossinf_pligten_er_uden_andre_betingelser(bygget_site):
    citat("N", 118, 122, "Hvis en entrepriseopgave er udbudt den 1. november 2015 eller senere, er opgaven ikke "
                         "underlagt nøgletalsbekendtgørelsen. Dette skal angives i entreprenørens virksomhedsmodul "
                         "i BOSSINF-STB.")
    for sti in ("noegletal/index.html", "beregnere/noegletal/index.html"):
        tekst = " ".join(som_vist(bygget_site, sti).split())
        assert "BOSSINF-STB" in tekst and "ingen andre betingelser" in tekst, sti
    # The old, too broad wording ("Er en opgave ikke omfattet, skal det angives …") is gone.
    assert "Er en opgave ikke omfattet" not in som_vist(bygget_site, "noegletal/index.html")


# -- item 13: Grøn garanti ----------------------------------------------------------------------
def test_groen_garanti_fire_forudsaetninger_og_et_kriterium(bygget_site):
    citat("G", 72, 72, "Forudsætningerne er, at der skal udarbejdes en helhedsplan for afdelingen")
    citat("G", 70, 70, "Der ses endvidere på længden af tilbagebetalingstiden")
    side = (bygget_site / "beregnere" / "groen-garanti" / "index.html").read_text(encoding="utf-8")
    tekst = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", side)).split())
    assert "fire forudsætninger" in tekst and "Det er kriterier, som fonden prioriterer efter" in tekst
    assert "Landsbyggefonden nævner disse forudsætninger" not in tekst
    # The "all yes" note depends on the four prerequisites only, not on the payback question.
    foer = side[:side.index("data-gg-alle-ja")]
    aabne = foer[foer.rindex('<div data-vis-hvis="_gg_helhedsplan=ja"'):]
    assert re.findall(r'data-vis-hvis="(_gg_\w+)=ja"', aabne) == [
        "_gg_helhedsplan", "_gg_finansiering", "_gg_medfinansiering", "_gg_godkendelse"]
    # The payback question comes after the note, under its own heading.
    assert side.index("data-gg-alle-ja") < side.index('id="gg-kriterier"') < side.index('name="_gg_tilbagebetaling"')
    vejledning = " ".join(som_vist(bygget_site, "groen-garanti/index.html").split())
    assert "En relativt lang tilbagebetalingstid er ikke en af forudsætningerne" in vejledning


def test_groen_garanti_naermere_bestemt_omfang_og_baseline(bygget_site):
    citat("G", 11, 11, "efter fastlagte vilkår og i nærmere bestemt omfang")
    citat("G", 27, 27, "Seneste hele kalenderår samt data frem til ansøgning")
    citat("G", 21, 21, "følge op på både den faktiske energibesparelse og på beboernes adfærd")
    beregner = " ".join(som_vist(bygget_site, "beregnere/groen-garanti/index.html").split())
    assert "Fonden dækker resten." not in beregner
    assert "»efter fastlagte vilkår og i nærmere bestemt omfang«" in beregner
    assert "ikke nødvendigvis det, fonden dækker" in beregner
    assert "»seneste hele kalenderår samt data frem til ansøgning«" in beregner
    assert "Beregneren bruger ét års forbrug" in beregner
    vejledning = " ".join(som_vist(bygget_site, "groen-garanti/index.html").split())
    assert vejledning.count("nærmere bestemt omfang") >= 3
    assert "både den faktiske energibesparelse og beboernes adfærd" in vejledning
    assert "Beskrivelsen siger ikke, hvad det betyder for garantien" in vejledning
    assert "Beboernes adfærd tæller med" not in vejledning
