"""The source texts under /kilder/ (issue 15, item 3): every page is built, every §, stk., pkt. and section has
its stable anchor (the scheme in docs/redaktoer.md, "Kildeteksterne under /kilder/"), the text is the source's
own wording cleaned of extraction noise, LBF's Grøn garanti description appears only as cited extracts, and no
page links outside the site except the ELI address of BEK 314/2016.

The page checks read the built site (``LBF_SITE_DIR``); the quotes are pinned to their lines with ``citat``."""

from __future__ import annotations

import doctest
import html
import re
from html.parser import HTMLParser

import pytest
from kildecitat import _norm, citat, linjer

from build_scripts import kildetekster

ELI = "https://www.retsinformation.dk/eli/lta/2016/314"
SIDER = {
    "bek-314-2016": "kilder/bek-314-2016/index.html",
    "noegletal-notat": "kilder/noegletal-notat/index.html",
    "administrationsgrundlag": "kilder/administrationsgrundlag/index.html",
    "digitaliseringsstrategi": "kilder/digitaliseringsstrategi/index.html",
    "groen-garanti": "kilder/groen-garanti/index.html",
}


class _Elementer(HTMLParser):
    """Every attribute that loads or links something, and the text of each element that has an id."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.adresser: list[tuple[str, str, str]] = []    # (tag, attribute, value)
        self.aabne: list[tuple[str, str | None]] = []
        self.tekst: dict[str, list[str]] = {}
        self.citater: list[str] = []
        self.i_citat = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for navn in ("href", "src", "srcset", "action", "data", "poster"):
            if a.get(navn):
                self.adresser.append((tag, navn, a[navn]))
        if tag in ("br", "img", "input", "meta", "link", "hr", "source", "wbr"):
            return
        self.aabne.append((tag, a.get("id")))
        if a.get("id"):
            self.tekst.setdefault(a["id"], [])
        if tag == "blockquote":
            self.i_citat += 1
            self.citater.append("")

    def handle_endtag(self, tag):
        while self.aabne:
            t, _ = self.aabne.pop()
            if t == "blockquote":
                self.i_citat -= 1
            if t == tag:
                break

    def handle_data(self, data):
        for _, id_ in self.aabne:
            if id_:
                self.tekst[id_].append(data)
        if self.i_citat:
            self.citater[-1] += data


def _laes(bygget_site, navn: str) -> _Elementer:
    p = _Elementer()
    p.feed((bygget_site / SIDER[navn]).read_text(encoding="utf-8"))
    return p


def _tekst(p: _Elementer, id_: str) -> str:
    return " ".join("".join(p.tekst[id_]).replace("\u00a0", " ").split())


def test_the_cleaning_module_examples_run():
    assert doctest.testmod(kildetekster).failed == 0


@pytest.mark.parametrize("navn", sorted(SIDER))
def test_every_source_page_is_built_and_in_the_nav(bygget_site, sider, navn):
    assert (bygget_site / SIDER[navn]).is_file()
    assert "kilder-til-siden" in sider[SIDER[navn]].ids
    assert (bygget_site / "kilder/index.html").is_file()
    # the nav of every page lists the source pages
    assert any(h.rstrip("/").endswith(f"kilder/{navn}") for h in sider["index.html"].links), navn


def test_every_paragraph_and_stk_of_bek_314_has_its_anchor(sider):
    # Read the structure from the source itself, so a § the cleaning misses fails here.
    paragraffer, stykker = [], []
    for s in linjer("B"):
        if m := re.match(r"^\s*§ (\d+)\. ", s):
            paragraffer.append(int(m.group(1)))
        elif m := re.match(r"^\s*Stk\. (\d+)\. ", s):
            stykker.append(f"p{paragraffer[-1]}-stk{m.group(1)}")
    assert paragraffer == list(range(1, 17))
    ids = sider[SIDER["bek-314-2016"]].ids
    assert {f"p{n}" for n in paragraffer} <= ids
    assert set(stykker) <= ids and len(stykker) == 11
    assert {"p3-stk2-nr1", "p3-stk2-nr2", "p12-stk2-nr1", "p12-stk2-nr2"} <= ids
    assert {f"kap{n}" for n in range(1, 7)} <= ids


def test_the_numbered_sections_of_the_notat_and_the_administrationsgrundlag_have_anchors(sider):
    assert {"s1", "s2", "s3", "s4", "side1", "side2", "side3", "side4"} <= sider[SIDER["noegletal-notat"]].ids
    punkter = [int(m.group(1)) for s in linjer("A")[:430]
               if (m := re.match(r"^\s*(\d)\. [A-ZÆØÅ][a-zæøå]", s))]
    assert punkter == list(range(1, 10))
    ids = sider[SIDER["administrationsgrundlag"]].ids
    assert {f"pkt{n}" for n in punkter} | {"pkt5-investeringsrammemidler", "pkt5-forsoegsmidler"} <= ids
    assert {"indledning", "strategiens-formaal", "anvendelse-af-midler", "strategiens-overordnede-indhold",
            "projekterne", "dcab", "almen-byggeportal", "organisering", "tidsplan",
            "milepaele-paa-kort-sigt"} <= sider[SIDER["digitaliseringsstrategi"]].ids


def test_a_quoted_sentence_of_each_document_is_on_its_page_at_its_anchor(bygget_site):
    tilfaelde = [
        ("B", 89, 90, "bek-314-2016", "p11",
         "Det er en forudsætning for kommunalbestyrelsens godkendelse af merinvesteringen forud for byggeriets "
         "påbegyndelse, at merinvesteringen er totaløkonomisk rentabel, jf. § 3, stk. 2."),
        ("B", 10, 11, "bek-314-2016", "p1", "opgørelse og dokumentation af merinvesteringer"),      # "dokumenta-⏎tion"
        ("B", 52, 53, "bek-314-2016", "p6", "Udlændinge-, Integrations- og Boligministeriets model"),
        ("N", 118, 120, "noegletal-notat", "s2",
         "Hvis en entrepriseopgave er udbudt den 1. november 2015 eller senere, er opgaven ikke underlagt "
         "nøgletalsbekendtgørelsen."),
        ("A", 316, 320, "administrationsgrundlag", "pkt6",
         "Det er alene almene boligorganisationer, som kan ansøge om midler fra puljen, og ved tildeling af "
         "puljemidler indgår LBF dermed alene aftaler om anvendelsen af puljens midler med disse organisationer."),
        ("A", 231, 233, "administrationsgrundlag", "pkt5-forsoegsmidler",
         "Forsøgsmidlerne udmøntes med 8,5 mio. kr. årligt i 2021-25 og 7,5 mio. kr. i 2026."),
        ("A", 631, 633, "digitaliseringsstrategi", "anvendelse-af-midler",
         "Der er for hele perioden 2020-2026 afsat i alt 50 mio. kr. af Landsdispositionsfondens midler til "
         "digitalisering."),
        ("G", 72, 72, "groen-garanti", "sagsbehandling-i-fonden",
         "Forudsætningerne er, at der skal udarbejdes en helhedsplan for afdelingen"),
    ]
    for dok, fra, til, navn, anker, saetning in tilfaelde:
        citat(dok, fra, til, saetning)
        p = _laes(bygget_site, navn)
        if anker.startswith(("s", "pkt", "anvendelse", "sagsbehandling")) and anker not in ("side1",):
            # a heading's anchor: the sentence stands in the text after it, before the next heading
            html_tekst = (bygget_site / SIDER[navn]).read_text(encoding="utf-8")
            start = html_tekst.index(f'id="{anker}"')
            slut = min([i for i in (html_tekst.find("<h2", start + 1), html_tekst.find("<h3", start + 1))
                        if i > 0] or [len(html_tekst)])
            afsnit = html.unescape(re.sub(r"<[^>]+>", " ", html_tekst[start:slut]))
            assert _norm(saetning) in _norm(afsnit), (navn, anker)
        else:
            assert _norm(saetning) in _norm(_tekst(p, anker)), (navn, anker)


def test_the_pages_are_free_of_extraction_noise(sider):
    alt = " ".join(sider[sti].tekst for sti in SIDER.values())
    for stoej in ("Print icon", "BEK nr 314 af 30/03/2016 1", "Side 2/4", "Side 3/4", "Klik her for at angive",
                  "DCAB lan-", "dokumenta- tion", "foreta- ger", "Rådgi- ver", "kalender- år", "\uf0b7"):
        assert stoej not in alt, stoej
    assert "  " not in alt
    bek = sider[SIDER["bek-314-2016"]].tekst
    assert "foretager indberetning heraf til BOSSINF-STB" in bek      # "foreta-⏎ger", "BOSSINF-STB" kept


def test_the_cleaning_joins_layout_hyphens_and_keeps_compounds():
    assert kildetekster.saml(["energiram-", "men for"]) == "energirammen for"
    assert kildetekster.saml(["rente- ", "og inflations"]) == "rente- og inflations"
    with pytest.raises(kildetekster.Kildefejl):
        kildetekster.uddrag("G", 72, "Landsbyggefonden prioriterer", "ord der ikke står der")


def test_groen_garanti_is_only_cited_extracts_with_the_citatret_note(bygget_site, sider):
    p = _laes(bygget_site, "groen-garanti")
    kilde = _norm("\n".join(linjer("G")))
    assert p.citater, "no extracts"
    for c in p.citater:
        assert _norm(c.strip().strip("»«")) in kilde, c          # word for word from the source
    assert sum(len(_norm(c)) for c in p.citater) < len(kilde) / 3
    tekst = sider[SIDER["groen-garanti"]].tekst
    assert "citatretten i ophavsretslovens § 22" in tekst
    assert "»Grøn garanti – jf. Boligaftale 2020« er udgivet af Landsbyggefonden" in tekst
    for ikke_citeret in ("Bent Madsen", "Print", "ESCO-leverandører", "Det nye grønne kriterie"):
        assert ikke_citeret not in tekst
    # every line of G the quote tests pin is among the extracts
    for linje in (11, 21, 27, 70, 72):
        assert any(linje == n for _, _, stykker in kildetekster.GROEN_GARANTI_UDDRAG for n, _, _ in stykker)


@pytest.mark.parametrize("navn", sorted(SIDER))
def test_no_source_page_links_or_loads_from_another_host(bygget_site, navn):
    p = _laes(bygget_site, navn)
    eksterne = [(tag, attr, v) for tag, attr, v in p.adresser
                if re.match(r"^(?:[a-z][a-z0-9+.-]*:|//)", v, re.I) and not v.startswith(("#", "data:"))]
    if navn == "bek-314-2016":
        assert ("a", "href", ELI) in eksterne
        eksterne.remove(("a", "href", ELI))
    assert eksterne == []
