"""Numbers and dates on the pages that come from the data folder match it: every placeholder in
a page's Markdown appears on the built page exactly as the data formats it."""

from __future__ import annotations

import re

import pytest
from indhold_hjaelp import DOCS, formater, html_sti, kildesider, slaa_op

from calculators import regeldata
from calculators.sideformater import Formatfejl

# A placeholder of a rule file's value: {{ fil.noegle.sti }} or {{ fil.noegle.sti | format }}
# (a loop's own variables, {{ l.betegnelse }}, are not a rule file's name and are left out).
PLADSHOLDER = re.compile(r"\{\{\s*([a-z_][a-z0-9_]*(?:\.[A-Za-z0-9_]+)+)\s*(?:\|\s*([a-z_]+)\s*)?\}\}")


def pladsholdere(md: str) -> list[tuple[str, str]]:
    """(placeholder, the text it shows) for every placeholder of a page (a ``link`` shows its address)."""
    tekst = (DOCS / md).read_text(encoding="utf-8")
    return [(m.group(0), formater(slaa_op(m.group(1)), m.group(2)).strip("<>"))
            for m in PLADSHOLDER.finditer(tekst) if m.group(1).split(".")[0] in regeldata.filnavne()]


def normaliser(s: str) -> str:
    return " ".join(s.replace("\u00a0", " ").split())


@pytest.mark.parametrize("md", [m for m in kildesider() if not m.startswith("beregnere/")])
def test_every_data_value_on_the_page_is_the_data_folders(md, sider):
    tekst = sider[html_sti(md)].tekst
    for pladsholder, vaerdi in pladsholdere(md):
        if vaerdi.strip():
            assert normaliser(vaerdi) in tekst, f"{md}: {pladsholder} -> {vaerdi!r} not on the page"


def test_content_pages_take_their_numbers_from_the_data_folder():
    # The values a calculator also uses are placeholders (or loops) on the pages, not literals.
    brugte = [(DOCS / md).read_text(encoding="utf-8") for md in kildesider()]
    for noegle in ("noegletal.roller.entreprenoer.taerskel_kr", "noegletal.roller.raadgiver.taerskel_kr",
                   "noegletal.roller.bygherre.taerskel_kr", "noegletal.skaeringsdato.gyldig_fra",
                   "aarsrammer.investeringsramme", "aarsrammer.forsoegsmidler",
                   "baeredygtighedspuljen.delpuljer.investeringsramme.merforbrug_pct",
                   "groen_garanti.varighed.maks_aar", "groen_garanti.ramme.beloeb_kr",
                   "merinvestering.periode.aar"):
        assert any(noegle in b for b in brugte), noegle


@pytest.mark.parametrize("side,forventet", [
    ("noegletal/index.html", ["300.000 kr.", "150.000 kr.", "5.000.000 kr.", "1. november 2015",
                              "1. marts 2007", "1. maj 2008", "1. januar 2010"]),
    ("baeredygtighedspuljen/index.html", ["150 mio. kr.", "100 mio. kr.", "50 mio. kr.", "16,5 mio. kr.",
                                          "17,5 mio. kr.", "8,5 mio. kr.", "7,5 mio. kr.", "20 %",
                                          "mindst 3 måneder", "senest 2 måneder", "udgangen af 2026"]),
    ("groen-garanti/index.html", ["404 mio. kr.", "højst 10 år", "1. oktober 2021", "10 % af lejemålene"]),
    ("merinvestering/index.html", ["40 år", "1. april 2016", "§ 13", "§ 15"]),
])
def test_known_values_are_on_the_pages(sider, side, forventet):
    tekst = sider[side].tekst
    for v in forventet:
        assert v in tekst, (side, v)


def test_a_changed_data_value_changes_the_page(byg_kopi, tmp_path):
    """One source of truth: change the threshold in the TOML and the page follows."""
    def aendr(kopi):
        fil = kopi / "calculators" / "data" / "noegletal.toml"
        fil.write_text(re.sub(r"taerskel_kr = 300000", "taerskel_kr = 310000", fil.read_text(), count=1))
    proc = byg_kopi(aendr)
    assert proc.returncode == 0, proc.stderr
    html = (tmp_path / "site" / "noegletal" / "index.html").read_text()
    assert "310.000\u00a0kr." in html and "300.000\u00a0kr." not in html


# -- text fields an editor fills in later --------------------------------------------------------
@pytest.mark.parametrize("fmt", [None, "link"])
@pytest.mark.parametrize("tom", ["", "   "])
def test_an_empty_text_shows_as_not_given(fmt, tom):
    assert formater(tom, fmt) == "ikke angivet"


def test_a_filled_in_text_shows_as_it_is():
    assert formater("Bæredygtighedspuljen", None) == "Bæredygtighedspuljen"
    assert formater("https://lbf.dk/a", "link") == "<https://lbf.dk/a>"


@pytest.mark.parametrize("v", ["lbf.dk/a", "ftp://lbf.dk", "https://lbf.dk/a b", 5])
def test_link_refuses_what_is_not_a_web_address(v):
    with pytest.raises(Formatfejl, match="link"):
        formater(v, "link")


@pytest.mark.parametrize("fmt", ["kr", "mio_kr", "pct", "tal", "dato"])
def test_an_empty_number_or_date_still_stops_the_build(fmt):
    with pytest.raises(Formatfejl):
        formater("", fmt)


def test_every_data_value_check_sees_not_given():
    # The placeholders of the May 2022 note render as text the page check above can find.
    vises = dict(pladsholdere("baeredygtighedspuljen/index.md"))
    for felt in ("titel", "adresse"):
        noegle = next(k for k in vises if f"kilder.lbf_maj_2022.{felt}" in k)
        assert vises[noegle].strip()


def test_a_new_entry_in_the_data_reaches_the_pages_that_list_it(byg_kopi, tmp_path):
    """The energy kinds and service lives are looped over: a new TOML entry needs no page edit."""
    def aendr(kopi):
        fil = kopi / "calculators" / "data" / "merinvestering.toml"
        tekst = fil.read_text(encoding="utf-8")
        tekst = tekst.replace("[energiarter.naturgas]", '[energiarter.testvarme]\nbetegnelse = "Testvarme"\n\n'
                              '[[energiarter.testvarme.versioner]]\ngyldig_fra = 2021-01-18\n'
                              'realprisstigning_pct = 2.5\nkilde = "Test"\n\n[energiarter.naturgas]', 1)
        # A new dated version of the discount rate, in force from 2027: the old one ends the day before.
        tekst = tekst.replace('[[kalkulationsrente.versioner]]\ngyldig_fra = 2021-01-18\n',
                              '[[kalkulationsrente.versioner]]\ngyldig_fra = 2021-01-18\ngyldig_til = 2026-12-31\n', 1)
        tekst = tekst.replace("# Real price growth per year per energy type.",
                              '[[kalkulationsrente.versioner]]\ngyldig_fra = 2027-01-01\npct = 2.75\nkilde = "Test 2027"\n\n'
                              "# Real price growth per year per energy type.", 1)
        fil.write_text(tekst, encoding="utf-8")
    proc = byg_kopi(aendr, miljoe={"LBF_I_DAG": "2027-01-01"})
    assert proc.returncode == 0, proc.stderr
    html = (tmp_path / "site" / "beregnere" / "merinvestering" / "index.html").read_text(encoding="utf-8")
    assert "<li>Testvarme: 2,5\u00a0%</li>" in html and '<option value="Testvarme">' in html
    # The page shows the version in force on the build date; the worked example (dated 30 November 2026) still
    # computes with the version of its own date.
    assert "standardværdien på 2,75\u00a0%" in html
    assert "Test 2027" in html
    eksempel = html[html.index("lbf-eksempel"):]
    assert "3,00\u00a0%" in eksempel



def test_raekkeblokkenes_graenser_kommer_fra_beregnerne(bygget_site):
    """A page's row block allows exactly the rows its calculator reads (the pages said 100/20/100 while the
    calculators read 500)."""
    import calculators
    graenser = calculators.raekkegraenser()
    fundet = {}
    for sti, navn in (("beregnere/merinvestering/index.html", "merinvestering"),
                      ("beregnere/budgettjek/index.html", "budgettjek"),
                      ("beregnere/groen-garanti/index.html", "groen_garanti")):
        html = (bygget_site / sti).read_text(encoding="utf-8")
        for blok, maks in re.findall(r'data-gentag="([a-z_]+)" data-min="\d+" data-max="(\d+)"', html):
            fundet[(navn, blok)] = int(maks)
    assert fundet == {(n, b): m for n, g in graenser.items() for b, m in g.items()}
