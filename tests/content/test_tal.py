"""Numbers and dates on the pages that come from the data folder match it: every placeholder in
a page's Markdown appears on the built page exactly as the data formats it."""

from __future__ import annotations

import re

import pytest

from indhold_hjaelp import DOCS, html_sti, kildesider


def pladsholdere(md: str, regler_hook) -> list[tuple[str, str]]:
    """(placeholder, the text it shows) for every placeholder of a page (a ``link`` shows its address)."""
    tekst = (DOCS / md).read_text(encoding="utf-8")
    return [(m.group(0), regler_hook.formater(regler_hook.slaa_op(m.group(1)), m.group(2)).strip("<>"))
            for m in regler_hook.PLADSHOLDER.finditer(tekst)]


def normaliser(s: str) -> str:
    return " ".join(s.replace("\u00a0", " ").split())


@pytest.mark.parametrize("md", [m for m in kildesider() if not m.startswith("beregnere/")])
def test_every_data_value_on_the_page_is_the_data_folders(md, sider, regler_hook):
    tekst = sider[html_sti(md)].tekst
    for pladsholder, vaerdi in pladsholdere(md, regler_hook):
        if vaerdi.strip():
            assert normaliser(vaerdi) in tekst, f"{md}: {pladsholder} -> {vaerdi!r} not on the page"


def test_content_pages_take_their_numbers_from_the_data_folder(regler_hook):
    # The values a calculator also uses are placeholders on the pages, not literals.
    brugte = {m for md in kildesider() for m, _ in pladsholdere(md, regler_hook)}
    for noegle in ("noegletal.roller.entreprenoer.taerskel_kr", "noegletal.roller.raadgiver.taerskel_kr",
                   "noegletal.roller.bygherre.taerskel_kr", "noegletal.skaeringsdato.dato",
                   "baeredygtighedspuljen.delpuljer.investeringsramme.aarsrammer_kr.2026",
                   "baeredygtighedspuljen.delpuljer.forsoegsmidler.aarsrammer_kr.2021",
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
def test_an_empty_text_shows_as_not_given(regler_hook, fmt, tom):
    assert regler_hook.formater(tom, fmt) == "ikke angivet"


def test_a_filled_in_text_shows_as_it_is(regler_hook):
    assert regler_hook.formater("Bæredygtighedspuljen", None) == "Bæredygtighedspuljen"
    assert regler_hook.formater("https://lbf.dk/a", "link") == "<https://lbf.dk/a>"


@pytest.mark.parametrize("v", ["lbf.dk/a", "ftp://lbf.dk", "https://lbf.dk/a b", 5])
def test_link_refuses_what_is_not_a_web_address(regler_hook, v):
    with pytest.raises(KeyError, match="link"):
        regler_hook.formater(v, "link")


@pytest.mark.parametrize("fmt", ["kr", "mio_kr", "pct", "tal", "dato"])
def test_an_empty_number_or_date_still_stops_the_build(regler_hook, fmt):
    with pytest.raises(KeyError):
        regler_hook.formater("", fmt)


def test_every_data_value_check_sees_not_given(regler_hook):
    # The placeholders of the May 2022 note render as text the page check above can find.
    vises = dict(pladsholdere("baeredygtighedspuljen/index.md", regler_hook))
    for felt in ("titel", "adresse"):
        noegle = next(k for k in vises if f"kilder.lbf_maj_2022.{felt}" in k)
        assert vises[noegle].strip()
