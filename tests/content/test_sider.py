"""The built site: every page in the nav exists and is reachable, no internal link or anchor is
broken, every page carries complete front matter, and the build refuses a page without it."""

from __future__ import annotations

import posixpath
import re
from collections import deque
from urllib.parse import unquote, urlsplit

import pytest
from indhold_hjaelp import front_matter, html_sti, kildesider, mkdocs_konfig

from build_scripts.hooks import indhold

# Pages every kind of reader is sent to: the content this issue owns.
INDHOLDSSIDER = [
    "baeredygtighedspuljen/index.md",
    "digitalisering/index.md",
    "groen-garanti/index.md",
    "merinvestering/index.md",
    "noegletal/index.md",
]


def nav_sider(nav) -> list[str]:
    ud = []
    for punkt in nav:
        if isinstance(punkt, str):
            ud.append(punkt)
        elif isinstance(punkt, dict):
            for v in punkt.values():
                ud += nav_sider(v) if isinstance(v, list) else [v]
    return [p for p in ud if p.endswith(".md")]


def intern_maal(fra: str, href: str) -> tuple[str, str] | None:
    """(site path of the target HTML file, fragment) for an internal link, else None."""
    u = urlsplit(href)
    if u.scheme or u.netloc or href.startswith(("mailto:", "tel:", "javascript:")):
        return None
    sti = unquote(u.path)
    if not sti:
        return fra, unquote(u.fragment)
    if sti.startswith("/"):  # the 404 page links from the site root
        maal = posixpath.normpath(sti.lstrip("/") or ".")
    else:
        maal = posixpath.normpath(posixpath.join(posixpath.dirname(fra), sti))
    if sti.endswith("/") or maal == ".":
        maal = posixpath.join(maal, "index.html") if maal != "." else "index.html"
    return maal, unquote(u.fragment)


def test_every_nav_page_exists_and_is_built(bygget_site):
    nav = nav_sider(mkdocs_konfig()["nav"])
    assert set(INDHOLDSSIDER + ["index.md", "frister.md", "ordliste.md"]) <= set(nav)
    for md in nav:
        assert (bygget_site / html_sti(md)).is_file(), f"{md} is in the nav but was not built"


def test_every_page_is_in_the_nav_unless_declared_outside_it():
    konfig = mkdocs_konfig()
    nav = set(nav_sider(konfig["nav"]))
    udenfor = {linje.strip() for linje in (konfig.get("not_in_nav") or "").splitlines() if linje.strip()}
    mangler = [md for md in kildesider() if md not in nav and md not in udenfor]
    assert mangler == [], f"pages neither in nav nor in not_in_nav: {mangler}"


def test_every_nav_page_is_reachable_from_the_start_page(sider):
    nav = {html_sti(md) for md in nav_sider(mkdocs_konfig()["nav"])}
    set_, koe = {"index.html"}, deque(["index.html"])
    while koe:
        side = koe.popleft()
        for href in sider[side].links:
            maal = intern_maal(side, href)
            if maal and maal[0] in sider and maal[0] not in set_:
                set_.add(maal[0])
                koe.append(maal[0])
    assert nav - set_ == set()


def test_no_broken_internal_link_or_anchor(bygget_site, sider):
    brudte = []
    for side, s in sider.items():
        for href in s.links:
            maal = intern_maal(side, href)
            if maal is None:
                continue
            fil, anker = maal
            if not (bygget_site / fil).exists():
                brudte.append(f"{side}: {href} (no file {fil})")
            elif anker and fil.endswith(".html") and anker not in sider[fil].ids:
                brudte.append(f"{side}: {href} (no id #{anker} in {fil})")
    assert brudte == []


def test_broken_anchor_check_can_fail(sider):
    """The anchor check above is only worth something if a missing id is seen as missing."""
    assert "findes-ikke" not in sider["baeredygtighedspuljen/index.html"].ids
    assert intern_maal("frister/index.html", "../baeredygtighedspuljen/#udmoentning") == (
        "baeredygtighedspuljen/index.html", "udmoentning")


@pytest.mark.parametrize("md", kildesider())
def test_front_matter_complete(md):
    assert indhold.tjek_front_matter(front_matter(md)) == [], md


def test_pool_page_has_the_anchors_the_budget_checker_links_to(sider):
    ids = sider["baeredygtighedspuljen/index.html"].ids
    for anker in ("hvem-kan-soege", "ansoegningens-indhold", "udmoentning",
                  "kombination-med-anden-stoette", "prioriteringskriterier"):
        assert anker in ids


@pytest.mark.parametrize("md", INDHOLDSSIDER)
def test_every_section_names_its_source(md, sider):
    s = sider[html_sti(md)]
    assert s.afsnit, md
    uden = [h2 for h2, kilder in s.afsnit if kilder == 0 and h2 != "kilder-til-siden"]
    assert uden == [], f"{md}: sections without a »Kilde:« line: {uden}"


@pytest.mark.parametrize("md", kildesider())
def test_page_shows_its_sources_and_review_date(md, sider):
    s = sider[html_sti(md)]
    meta = front_matter(md)
    assert "kilder-til-siden" in s.ids
    dato = indhold.som_dato(meta["senest_gennemgaaet"])
    assert f"Senest gennemgået: {indhold.fmt_dato(dato)}" in s.tekst
    for k in meta["kilder"]:
        assert " ".join(k["titel"].split()) in s.tekst


def test_no_edit_link_without_a_configured_address(sider):
    assert "edit_uri_template" not in mkdocs_konfig(), "set: then this test should check the link instead"
    assert not any(("a", "md-content__button md-icon") in s.klasser for s in sider.values())


def test_no_placeholder_left_on_any_page(sider):
    # The editor guide shows placeholders as examples (inside {% raw %}).
    rester = [sti for sti, s in sider.items()
              if sti != "redaktoer/index.html" and re.search(r"\{\{|\}\}", s.tekst)]
    assert rester == []


def test_build_fails_on_a_page_without_front_matter(byg_kopi):
    def aendr(kopi):
        (kopi / "docs" / "noegletal" / "uden.md").write_text("# Uden front matter\n\nTekst.\n")
        (kopi / "docs" / "frister.md").write_text(
            (kopi / "docs" / "frister.md").read_text().replace("senest_gennemgaaet: 2026-11-22\n", ""))
    proc = byg_kopi(aendr)
    assert proc.returncode != 0
    fejl = proc.stdout + proc.stderr
    assert "noegletal/uden.md: mangler »title«" in fejl
    assert "frister.md: mangler »senest_gennemgaaet«" in fejl


def test_edit_link_follows_the_configured_template(byg_kopi, tmp_path):
    def aendr(kopi):
        konfig = kopi / "mkdocs.yml"
        tekst = konfig.read_text()
        assert "\nextra:\n" in tekst
        konfig.write_text(tekst.replace("\nextra:\n", "\nedit_uri_template: https://git.test/rediger/{path}\nextra:\n", 1))
    proc = byg_kopi(aendr)
    assert proc.returncode == 0, proc.stderr
    html = (tmp_path / "site" / "noegletal" / "index.html").read_text()
    assert 'href="https://git.test/rediger/noegletal/index.md"' in html and 'rel="edit"' in html


def test_a_typo_in_a_placeholder_stops_the_build_and_names_the_page(byg_kopi):
    def aendr(kopi):
        side = kopi / "docs" / "noegletal" / "index.md"
        tekst = side.read_text(encoding="utf-8")
        assert "noegletal.skaeringsdato.gyldig_fra" in tekst
        side.write_text(tekst.replace("noegletal.skaeringsdato.gyldig_fra", "noegletal.skaeringsdato.dat0", 1),
                        encoding="utf-8")
    proc = byg_kopi(aendr)
    assert proc.returncode != 0
    fejl = proc.stdout + proc.stderr
    assert "noegletal/index.md" in fejl and "dat0" in fejl




def test_a_placeholder_missing_a_brace_stops_the_build(byg_kopi):
    """The issue's slip: »{{ … | kr }« was published as raw text and shifted a table row."""
    def aendr(kopi):
        side = kopi / "docs" / "noegletal" / "index.md"
        tekst = side.read_text(encoding="utf-8")
        assert "{{ noegletal.roller.raadgiver.taerskel_kr | kr }}" in tekst
        side.write_text(tekst.replace("{{ noegletal.roller.raadgiver.taerskel_kr | kr }}",
                                      "{{ noegletal.roller.raadgiver.taerskel_kr | kr }", 1), encoding="utf-8")
    proc = byg_kopi(aendr)
    assert proc.returncode != 0
    assert "noegletal/index.md" in proc.stdout + proc.stderr


def test_a_date_wrapped_to_the_start_of_a_line_stops_the_build(byg_kopi):
    """The issue's slip: a wrapped line starting "1. november 2015" inside a list became list item 1."""
    def aendr(kopi):
        side = kopi / "docs" / "beregnere" / "index.md"
        side.write_text(side.read_text(encoding="utf-8") + "\n\n- Opgaver, der er udbudt inden den\n"
                        "1. november 2015, er omfattet.\n", encoding="utf-8")
    proc = byg_kopi(aendr)
    assert proc.returncode != 0
    fejl = proc.stdout + proc.stderr
    assert "beregnere/index.md" in fejl and "datoen »1. november 2015« står ikke uændret" in fejl
