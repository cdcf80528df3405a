"""Source notes in calculator results link the cited passage under /kilder/ (issue 15, item 3):
calculators/kildehenvisning.py finds the passages, calculators/visning/_html.kilde() makes the links."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from build_scripts import kildetekster
from calculators import BEREGNERE, beregn, modul, visning
from calculators.kildehenvisning import ANKRE, henvisninger
from calculators.visning import _html
from calculators.visning._html import Html, kilde, kildetekst

ROD = Path(__file__).resolve().parents[2]
DATA = ROD / "calculators" / "data"

#: Every source page under /kilder/ and its anchors, as the build makes them.
SIDERNES_ANKRE = {side: frozenset(kildetekster.ankre(side)) for side in [*kildetekster.SIDER, "groen-garanti"]}

#: Source texts in the rules data that cite only sources NOT published under /kilder/, so nothing in them is
#: linked: (how the text begins, why). Matched by the beginning, so a small edit further on keeps its entry.
UDEN_FOR_KILDER = (
    ("Den frivillige bæredygtighedsklasse:",
     "the frivillige bæredygtighedsklasse's »Totaløkonomisk analyse – beregningsforudsætninger« is not published "
     "under /kilder/"),
    ("Almindelig dansk praksis for graddagekorrektion",
     "common practice; LBF's description is named only for what it does not say, so no passage is cited"),
    ("Normalåret i en graddagetabel fra Dansk Fjernvarme",
     "Dansk Fjernvarme's degree-day table is not published under /kilder/"),
    ("Landsbyggefonden (lbf.dk), oplysning om Bæredygtighedspuljen, maj 2022",
     "LBF's web page of May 2022 is not published under /kilder/ (its title and address are still unknown)"),
)


def _uden_for(tekst: str) -> str | None:
    return next((grund for start, grund in UDEN_FOR_KILDER if tekst.startswith(start)), None)


def _kildetekster_i_data() -> list[tuple[str, str]]:
    """(where, text) of every source text in calculators/data/*.toml, read now: every ``kilde``, every
    ``…_kilde`` and every value of a ``[kilder]`` table."""
    ud: dict[str, str] = {}

    def gaa(v: object, sti: str, i_kilder: bool) -> None:
        if isinstance(v, dict):
            for k, x in v.items():
                gaa(x, f"{sti}.{k}", k == "kilder" and isinstance(x, dict))
                if isinstance(x, str) and (k == "kilde" or k.endswith("_kilde") or i_kilder):
                    ud.setdefault(x, f"{sti}.{k}")
        elif isinstance(v, list):
            for n, x in enumerate(v):
                gaa(x, f"{sti}[{n}]", False)

    for fil in sorted(DATA.glob("*.toml")):
        gaa(tomllib.loads(fil.read_text(encoding="utf-8")), fil.stem, False)
    return [(sted, tekst) for tekst, sted in ud.items()]


DATATEKSTER = _kildetekster_i_data()


def _links(tekst: str) -> list[tuple[str, str]]:
    return [(tekst[hv.start:hv.slut], hv.maal) for hv in henvisninger(tekst)]


def _tjek_linket_eller_listet(tekst: str) -> None:
    """``tekst`` links at least one passage, every link to an existing page and anchor, or it is listed in
    UDEN_FOR_KILDER and links nothing."""
    hv = henvisninger(tekst)
    if _uden_for(tekst):
        assert hv == (), f"listed as citing only sources outside /kilder/, but links {_links(tekst)}: {tekst!r}"
        return
    assert hv, (f"no passage linked in {tekst!r}: link it (calculators/kildehenvisning.py) or list it in "
                "UDEN_FOR_KILDER with the reason")
    forrige = 0
    for h in hv:
        assert h.side in SIDERNES_ANKRE, h
        assert not h.anker or h.anker in SIDERNES_ANKRE[h.side], f"no anchor #{h.anker} on /kilder/{h.side}/"
        assert forrige <= h.start < h.slut and tekst[h.start:h.slut] == tekst[h.start:h.slut].strip(), h
        forrige = h.slut


# -- the anchors are the pages' ---------------------------------------------------------------------------------
def test_ankre_er_dem_siderne_faar():
    ny = {side: kildetekster.ankre(side) for side in SIDERNES_ANKRE}
    assert dict(ANKRE) == SIDERNES_ANKRE, f"the source pages changed: set ANKRE in calculators/kildehenvisning.py to {ny}"


def test_hver_side_findes_under_docs_kilder():
    assert {p.stem for p in (ROD / "docs" / "kilder").glob("*.md")} - {"index"} == set(ANKRE)


# -- what is linked, and where to -------------------------------------------------------------------------------
@pytest.mark.parametrize("tekst, forventet", [
    # the brief's examples
    ("BEK nr. 314 af 30. marts 2016, § 3, stk. 2, nr. 2, jf. almenboliglovens § 129, stk. 4, og bekendtgørelsens § 15",
     [("§ 3, stk. 2, nr. 2", "bek-314-2016/#p3-stk2-nr2"), ("§ 15", "bek-314-2016/#p15")]),
    ("Nøgletalsbekendtgørelsens § 4, stk. 3, jf. notatet s. 1", [("s. 1", "noegletal-notat/#side1")]),
    ("Administrationsgrundlaget for Bæredygtighedspuljen, pkt. 6 (Ansøgerkreds) og pkt. 5 (Forsøgsmidler)",
     [("pkt. 6", "administrationsgrundlag/#pkt6"), ("pkt. 5", "administrationsgrundlag/#pkt5-forsoegsmidler")]),
    ("Landsbyggefonden: »Grøn garanti – jf. Boligaftale 2020«, afsnittet »Sagsbehandling i fonden«",
     [("»Sagsbehandling i fonden«", "groen-garanti/#sagsbehandling-i-fonden")]),
    # the most specific anchor that exists
    ("BEK nr. 314, § 3, stk. 2, nr. 1", [("§ 3, stk. 2, nr. 1", "bek-314-2016/#p3-stk2-nr1")]),
    ("BEK nr. 314, § 4, stk. 2, nr. 1", [("§ 4, stk. 2, nr. 1", "bek-314-2016/#p4-stk2")]),
    ("BEK nr. 314, § 5, stk. 2", [("§ 5, stk. 2", "bek-314-2016/#p5")]),
    ("BEK nr. 314 af 30/03/2016, § 15, stk. 1", [("§ 15, stk. 1", "bek-314-2016/#p15")]),
    ("BEK nr. 314/2016, kapitel 5", [("kapitel 5", "bek-314-2016/#kap5")]),
    ("Administrationsgrundlaget, pkt. 5 (Investeringsrammemidler)",
     [("pkt. 5", "administrationsgrundlag/#pkt5-investeringsrammemidler")]),
    ("Administrationsgrundlaget, pkt. 5 (prioriteringskriterierne for Investeringsrammemidler og Forsøgsmidler)",
     [("pkt. 5", "administrationsgrundlag/#pkt5")]),
    # lists
    ("Notat af 19. december 2016 om nøgletal, s. 1–3",
     [("s. 1", "noegletal-notat/#side1"), ("3", "noegletal-notat/#side3")]),
    ("Administrationsgrundlag for Bæredygtighedspuljen, pkt. 1, 3 og 5",
     [("pkt. 1", "administrationsgrundlag/#pkt1"), ("3", "administrationsgrundlag/#pkt3"),
      ("5", "administrationsgrundlag/#pkt5")]),
    ("BEK nr. 314 af 30/03/2016, §§ 11 og 13", [("§§ 11", "bek-314-2016/#p11"), ("13", "bek-314-2016/#p13")]),
    ("BEK nr. 314, § 12, stk. 2, nr. 1 og 2",
     [("§ 12, stk. 2, nr. 1", "bek-314-2016/#p12-stk2-nr1"), ("2", "bek-314-2016/#p12-stk2-nr2")]),
    # the strategy: a section by its heading, "indledningen"
    ("Strategi for digitalisering af alment byggeri, indledningen og afsnittet »Milepæle på kort sigt«",
     [("indledningen", "digitaliseringsstrategi/#indledning"),
      ("»Milepæle på kort sigt«", "digitaliseringsstrategi/#milepaele-paa-kort-sigt")]),
    # after a source outside /kilder/, BEK 314 named again
    ("BR15, bilag 6 »Rentable energibesparelser«, tabel 1 (jf. BEK nr. 314/2016, § 7, stk. 2)",
     [("§ 7, stk. 2", "bek-314-2016/#p7-stk2")]),
    ("Sidens egen konvention, ikke bekendtgørelsens: BEK nr. 314, § 3, stk. 2, nr. 1, nævner ingen restværdi",
     [("§ 3, stk. 2, nr. 1", "bek-314-2016/#p3-stk2-nr1")]),
    # a published document named with no passage that can be linked: its page
    ("Bekendtgørelse nr. 314 af 30. marts 2016 om totaløkonomiske merinvesteringer",
     [("Bekendtgørelse nr. 314 af 30. marts 2016", "bek-314-2016/")]),
    ("Landsbyggefonden: »Grøn garanti – jf. Boligaftale 2020«: »Fondens garanti vil løbe i maksimalt 10 år.«",
     [("Landsbyggefonden: »Grøn garanti – jf. Boligaftale 2020«", "groen-garanti/")]),
    ("BEK nr. 314 af 30/03/2016, § 17", [("BEK nr. 314 af 30/03/2016", "bek-314-2016/")]),
    ("Administrationsgrundlaget, § 3", [("Administrationsgrundlaget", "administrationsgrundlag/")]),
])
def test_henvisninger(tekst, forventet):
    assert _links(tekst) == forventet


@pytest.mark.parametrize("tekst", [
    "BEK nr. 675 af 18. juni 2010, § 3, stk. 3",
    "Retsinformation, BEK nr. 675 af 18. juni 2010 (historisk)",
    "Nøgletalsbekendtgørelsen, jf. bekendtgørelsens § 15",
    "Ophævelsesbekendtgørelsen (BEK nr. 1171 af 30. september 2015), § 2",
    "BR15, bilag 6 »Rentable energibesparelser«, tabel 1; BR10 kap. 7.4.1; BR18 § 275",
    "almenboliglovens § 129, stk. 4",
    "Lov om almene boliger m.v., § 129, stk. 1 og 4",
    "Den frivillige bæredygtighedsklasse: »Totaløkonomisk analyse – beregningsforudsætninger«, tabel 6",
    "vejledning nr. 56 af 21. oktober 2008, s. 2",
    # no document named: never guess which one is meant
    "§ 3, stk. 2",
    "bekendtgørelsens § 15",
    "pkt. 5 og s. 2",
    "afsnittet »Sagsbehandling i fonden«",
])
def test_aldrig_link(tekst):
    assert henvisninger(tekst) == ()


def test_bekendtgoerelsens_er_den_sidst_naevnte_bekendtgoerelse():
    # After BEK 314 (with a law in between) it is BEK 314; after the nøgletalsbekendtgørelse it is BEK 675.
    assert _links("BEK nr. 314, § 3, jf. almenboliglovens § 129, og bekendtgørelsens § 15")[-1] == (
        "§ 15", "bek-314-2016/#p15")
    assert _links("BEK nr. 314, § 3; Nøgletalsbekendtgørelsen, jf. bekendtgørelsens § 15") == [
        ("§ 3", "bek-314-2016/#p3")]


def test_henvisningerne_kan_faa_andre_ankre():
    # The anchors are an argument: with a page that has § 4, stk. 2, nr. 1 the link goes there.
    ankre = {**ANKRE, "bek-314-2016": ANKRE["bek-314-2016"] | {"p4-stk2-nr1"}}
    (hv,) = henvisninger("BEK nr. 314, § 4, stk. 2, nr. 1", ankre)
    assert hv.anker == "p4-stk2-nr1"


# -- every source text in the rules data ------------------------------------------------------------------------
def test_data_har_kildetekster():
    assert len(DATATEKSTER) >= 30
    assert any(sted.startswith("merinvestering.kilder.") for sted, _ in DATATEKSTER)


@pytest.mark.parametrize("sted, tekst", DATATEKSTER, ids=[sted for sted, _ in DATATEKSTER])
def test_hver_kildetekst_i_data_er_linket_eller_uden_for_kilder(sted, tekst):
    _tjek_linket_eller_listet(tekst)


# -- every text the views pass to kilde() -----------------------------------------------------------------------
def _eksempler() -> list[tuple[str, dict]]:
    ud = [(navn, modul(navn).EKSEMPEL) for navn in BEREGNERE]
    ud += [("noegletal", {**modul("noegletal").EKSEMPEL, "rolle": rolle}) for rolle in ("raadgiver", "bygherre")]
    return ud


def test_hver_tekst_visningerne_sender_til_kilde(monkeypatch):
    sendt: dict[str, set[str]] = {}
    aegte = _html.kildetekst

    for navn, data in _eksempler():
        def optag(tekst, navn=navn):
            sendt.setdefault(navn, set()).add(tekst)
            return aegte(tekst)
        monkeypatch.setattr(_html, "kildetekst", optag)
        visning.glem_gemte_dele()  # a piece kept from an earlier call would not pass kildetekst again
        visning.html(navn, beregn(navn, data))
    monkeypatch.undo()
    assert set(sendt) == set(BEREGNERE)
    for tekster in sendt.values():
        for tekst in tekster:
            _tjek_linket_eller_listet(tekst)


# -- the HTML ---------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("tekst, href, linktekst", [
    ("BEK nr. 314 af 30. marts 2016, § 3, stk. 2, nr. 2, jf. almenboliglovens § 129, stk. 4, og bekendtgørelsens § 15",
     "../../kilder/bek-314-2016/#p3-stk2-nr2", "§ 3, stk. 2, nr. 2"),
    ("Nøgletalsbekendtgørelsens § 4, stk. 3, jf. notatet s. 1", "../../kilder/noegletal-notat/#side1", "s. 1"),
    ("Administrationsgrundlaget for Bæredygtighedspuljen, pkt. 6 (Ansøgerkreds) og pkt. 5 (Forsøgsmidler)",
     "../../kilder/administrationsgrundlag/#pkt5-forsoegsmidler", "pkt. 5"),
    ("Landsbyggefonden: »Grøn garanti – jf. Boligaftale 2020«, afsnittet »Sagsbehandling i fonden«",
     "../../kilder/groen-garanti/#sagsbehandling-i-fonden", "»Sagsbehandling i fonden«"),
    ("Strategi for digitalisering af alment byggeri, afsnittet »Tidsplan«",
     "../../kilder/digitaliseringsstrategi/#tidsplan", "»Tidsplan«"),
])
def test_kilde_linker_med_relativ_adresse(tekst, href, linktekst):
    ud = kilde(tekst)
    assert isinstance(ud, Html)
    assert f'<a href="{href}">{linktekst}</a>' in ud
    # The text around the links is unchanged.
    assert re.sub(r"<[^>]+>", "", ud) == "Kilde: " + tekst


def test_kilde_uden_link_og_escaping():
    assert kilde("BR15, bilag 6 <x> & y") == ('<p class="lbf-kilde"><span class="lbf-kilde__label">Kilde:</span> '
                                            'BR15, bilag 6 &lt;x&gt; &amp; y</p>')
    assert kildetekst("BEK nr. 314, § 6 <script>") == (
        'BEK nr. 314, <a href="../../kilder/bek-314-2016/#p6">§ 6</a> &lt;script&gt;')
    assert kildetekst(Html("<b>x</b>")) == "<b>x</b>"


def test_hrefs_i_et_resultat_peger_paa_sider_der_findes():
    # The worked example of the merinvestering calculator: every link into /kilder/ hits an existing anchor.
    side = str(visning.html("merinvestering", beregn("merinvestering", modul("merinvestering").EKSEMPEL)))
    hrefs = re.findall(r'href="\.\./\.\./kilder/([^/"]+)/(?:#([^"]*))?"', side)
    assert len(hrefs) >= 3
    for s, anker in hrefs:
        assert s in SIDERNES_ANKRE and (not anker or anker in SIDERNES_ANKRE[s]), (s, anker)
