"""The change list: the pages' ``aendringer`` front matter and the rules' dated versions, on the page »Ændringer«
and in the Atom feed ``aendringer.xml`` (build_scripts/aendringer.py, build_scripts/hooks/aendringer.py).

The pure functions are tested with fixture dicts and texts, "today" always given (or injected through LBF_I_DAG);
the built site (``bygget_site``: LBF_SITE_DIR or a fresh build) is read as a feed reader reads it, with feedparser.
"""

from __future__ import annotations

import datetime as dt
import doctest
import html
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import pytest

from build_scripts import aendringer, udgivelse
from build_scripts.aendringer import Aendringsfejl

ROD = Path(__file__).resolve().parents[2]
ATOM = "{http://www.w3.org/2005/Atom}"
I_DAG = dt.date(2026, 11, 30)

SIDE = """---
title: Nøgletal for alment byggeri
description: D.
senest_gennemgaaet: 2026-11-22
aendringer:
  - dato: 2026-11-30
    tekst: "Rettet: skæringsdatoen gælder udbuddet, ikke tilsagnet."
---

# Nøgletal
"""

REGLER = {
    "noegletal": {
        "kilde": "Notatet",
        "roller": {
            "bygherre": {"betegnelse": "bygherre", "gyldig_fra": dt.date(2010, 1, 1), "kilde": "Notatet, s. 3",
                         "gyldig_til": dt.date(2015, 10, 31)},
        },
    },
    "baeredygtighedspuljen": {
        "delpuljer": {"investeringsramme": {"betegnelse": "Investeringsrammemidler", "aarsrammer": [
            {"gyldig_fra": dt.date(2021, 1, 1), "gyldig_til": dt.date(2025, 12, 31), "beloeb_kr": 16500000,
             "kilde": "pkt. 5"},
            {"gyldig_fra": dt.date(2026, 1, 1), "gyldig_til": dt.date(2026, 12, 31), "beloeb_kr": 17500000,
             "kilde": "pkt. 5"},
            {"gyldig_fra": dt.date(2027, 1, 1), "beloeb_kr": 18000000, "kilde": "pkt. 5"},
        ]}},
    },
    "kilder": {"lbf_maj_2022": {"titel": "", "adresse": ""}},
}
SIDER = {"noegletal/index.md": SIDE,
         "baeredygtighedspuljen/index.md": "---\ntitle: Bæredygtighedspuljen\n---\n# B\n",
         "aendringer.md": "---\ntitle: Ændringer\n---\n# Ændringer\n"}


def _side(*poster: str) -> str:
    return "---\ntitle: T\naendringer:\n" + "".join(poster) + "---\n# T\n"


# -- the pure functions ------------------------------------------------------------------------------------
def test_the_module_examples_run():
    assert doctest.testmod(aendringer, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE).failed == 0


def test_a_page_entry_becomes_a_change_linked_to_its_page():
    [a] = aendringer.fra_side("noegletal/index.md", SIDE, I_DAG)
    assert (a.dato, a.emne, a.sider) == (I_DAG, "Nøgletal for alment byggeri", ("noegletal/index.md",))
    assert a.tekst == "Rettet: skæringsdatoen gælder udbuddet, ikke tilsagnet."
    assert a.id.startswith("urn:uuid:") and a.id == aendringer.fra_side("noegletal/index.md", SIDE, I_DAG)[0].id


def test_a_page_without_a_change_log_has_no_entries():
    assert aendringer.fra_side("x.md", "---\ntitle: T\n---\n# T\n", I_DAG) == []
    assert aendringer.fra_side("x.md", "# Uden front matter\n", I_DAG) == []


@pytest.mark.parametrize(("post", "linje", "besked"), [
    ('  - tekst: "Rettet: x."\n', 4, "»dato« mangler. Skriv den dag, ændringen blev lavet, som åååå-mm-dd"),
    ('  - dato: "30.11.2026"\n    tekst: "Rettet: x."\n', 4,
     "»dato« skal være en dato skrevet åååå-mm-dd uden anførselstegn, fx 2026-11-30, fik '30.11.2026'"),
    ('  - dato: 2026-12-01\n    tekst: "Rettet: x."\n', 4,
     "»dato« (1. december 2026) ligger efter i dag (30. november 2026)"),
    ('  - dato: 2026-11-30\n    tekst: ""\n', 5, "»tekst« mangler eller er tom"),
    ('  - dato: 2026-11-30\n    tekst: "Rettet: x."\n    kilde: "BEK"\n', 6,
     "ukendt nøgle »kilde« (kendte: dato, tekst)"),
    ("  - 2026-11-30 Rettet\n", 4, "en ændring skal have »dato« og »tekst«"),
])
def test_a_slip_in_the_front_matter_names_file_line_and_fix(post, linje, besked):
    with pytest.raises(Aendringsfejl) as e:
        aendringer.fra_side("noegletal/index.md", _side(post), I_DAG)
    assert f"docs/noegletal/index.md, linje {linje}: ændring nr. 1 i »aendringer«: " in str(e.value)
    assert besked in str(e.value)


def test_every_slip_on_every_page_is_reported_at_once():
    sider = {"a.md": _side('  - dato: 2026-11-30\n    tekst: ""\n', '  - dato: 2026-11-30\n    txt: "x"\n'),
             "b.md": "---\ntitle: B\naendringer: Rettet\n---\n"}
    with pytest.raises(Aendringsfejl) as e:
        aendringer.fra_sider(sider, I_DAG)
    besked = str(e.value)
    assert "docs/a.md, linje 5: ændring nr. 1" in besked and "docs/a.md, linje 7: ændring nr. 2" in besked
    assert "ukendt nøgle »txt«" in besked
    assert "docs/b.md, linje 3: »aendringer« skal være en liste" in besked


def test_the_same_entry_twice_is_a_slip():
    post = '  - dato: 2026-11-30\n    tekst: "Rettet: x."\n'
    with pytest.raises(Aendringsfejl, match="samme dato og tekst står to gange"):
        aendringer.fra_side("x.md", _side(post, post), I_DAG)


def test_dated_versions_are_found_in_tables_and_arrays_of_tables():
    fundne = aendringer.versioner("baeredygtighedspuljen", REGLER["baeredygtighedspuljen"])
    assert [v.sti for v in fundne] == [f"delpuljer.investeringsramme.aarsrammer[{i}]" for i in range(3)]
    assert fundne[1].betegnelse == "Investeringsrammemidler (delpuljer.investeringsramme.aarsrammer[1])"
    assert aendringer.versioner("kilder", REGLER["kilder"]) == []
    rente = aendringer.versioner("merinvestering", {"kalkulationsrente": {
        "betegnelse": "Kalkulationsrente", "versioner": [{"gyldig_fra": dt.date(2021, 1, 18), "kilde": "tabel 6"}]}})
    assert [(v.sti, v.betegnelse) for v in rente] == [("kalkulationsrente.versioner[0]", "Kalkulationsrente")]


def test_a_dated_version_without_a_source_or_with_a_text_date_stops_the_build():
    with pytest.raises(Aendringsfejl) as e:
        aendringer.versioner("groen_garanti", {"ramme": {"gyldig_fra": "2021-01-01"},
                                               "varighed": {"gyldig_fra": dt.date(2021, 10, 1), "kilde": " "}})
    besked = str(e.value)
    assert "calculators/data/groen_garanti.toml: »ramme«: »gyldig_fra« skal være en dato" in besked
    assert "calculators/data/groen_garanti.toml: »varighed«: en dateret regel skal have sin »kilde«" in besked


def test_past_ends_are_changes_and_future_versions_are_coming():
    samling = aendringer.samle(SIDER, REGLER, I_DAG)
    tekster = [a.tekst for a in samling.aendringer]
    # gyldig_til in the past: an entry on its gyldig_fra and one on its gyldig_til
    assert "Bygherre: gældende fra 1. januar 2010 (kilde: Notatet, s. 3)." in tekster
    assert "Bygherre: gælder ikke længere efter 31. oktober 2015 (kilde: Notatet, s. 3)." in tekster
    # gyldig_til in the future: only the start has happened; the end is coming, as is the 2027 version
    ramme = "Investeringsrammemidler (delpuljer.investeringsramme.aarsrammer[{}])"
    assert f"{ramme.format(1)}: gældende fra 1. januar 2026 (kilde: pkt. 5)." in tekster
    assert not any("efter 31. december 2026" in t or "2027" in t for t in tekster)
    assert [(a.dato, a.tekst) for a in samling.kommende] == [
        (dt.date(2026, 12, 31), f"{ramme.format(1)}: gælder ikke længere efter 31. december 2026 (kilde: pkt. 5)."),
        (dt.date(2027, 1, 1), f"{ramme.format(2)}: gældende fra 1. januar 2027 (kilde: pkt. 5)."),
    ]
    # newest first, front matter and data together, each linked to its page
    assert [a.dato for a in samling.aendringer] == sorted((a.dato for a in samling.aendringer), reverse=True)
    assert samling.aendringer[0].sider == ("noegletal/index.md",)
    assert {a.emne for a in samling.aendringer} == {"Nøgletal for alment byggeri", "Bæredygtighedspuljen"}


def test_today_comes_from_LBF_I_DAG(monkeypatch):
    monkeypatch.setenv(udgivelse.I_DAG_VARIABEL, "2027-01-01")
    samling = aendringer.samle(SIDER, REGLER, udgivelse.i_dag())
    assert samling.kommende == ()
    assert samling.aendringer[0].tekst.endswith("gældende fra 1. januar 2027 (kilde: pkt. 5).")
    monkeypatch.setenv(udgivelse.I_DAG_VARIABEL, "2026-11-29")
    with pytest.raises(Aendringsfejl, match="ligger efter i dag"):
        aendringer.samle(SIDER, REGLER, udgivelse.i_dag())


def test_a_rule_file_without_a_page_links_nowhere():
    samling = aendringer.samle({}, {"ukendt": {"x": {"gyldig_fra": dt.date(2020, 1, 1), "kilde": "K"}}}, I_DAG)
    [a] = samling.aendringer
    assert (a.emne, a.sider) == ("Datafilen ukendt.toml", ())
    side = aendringer.markdown(samling)
    assert "- **1. januar 2020** · Datafilen ukendt.toml: X: gældende fra 1. januar 2020 (kilde: K)." in side
    assert "](" not in side


def test_the_page_lists_coming_then_years_newest_first_and_links_the_feed():
    side = aendringer.markdown(aendringer.samle(SIDER, REGLER, I_DAG), "aendringer.md", "../aendringer.xml")
    assert '<a href="../aendringer.xml" type="application/atom+xml">' in side
    overskrifter = re.findall(r"^## (.+)$", side, flags=re.M)
    assert overskrifter == ["Kommende {#kommende}", "2026 {#aar-2026}", "2025 {#aar-2025}", "2021 {#aar-2021}",
                            "2015 {#aar-2015}", "2010 {#aar-2010}"]
    assert ("- **30. november 2026** · [Nøgletal for alment byggeri](noegletal/index.md): Rettet: skæringsdatoen "
            "gælder udbuddet, ikke tilsagnet.") in side


def _url(side: str) -> str:
    """A page's address with directory URLs: noegletal/index.md → noegletal/, aendringer.md → aendringer/."""
    return side.removesuffix("index.md").removesuffix(".md").rstrip("/") + "/"


def _feed(samling, **kw) -> bytes:
    return aendringer.atom(samling.aendringer, titel="Ændringer – T", forfatter="Udgiveren", url=_url, **kw)


def test_the_feed_is_deterministic_and_valid_atom():
    samling = aendringer.samle(SIDER, REGLER, I_DAG)
    feed = _feed(samling)
    assert feed == _feed(aendringer.samle(dict(reversed(SIDER.items())), REGLER, I_DAG))
    assert b"xml:base" not in feed
    d = feedparser.parse(feed)
    assert not d.bozo, d.get("bozo_exception")
    assert d.feed.updated == "2026-11-30T00:00:00+01:00"  # the newest entry, never the build's time
    assert d.feed.author_detail.name == "Udgiveren"
    assert len(d.entries) == len(samling.aendringer)
    assert [e.id for e in d.entries] == [a.id for a in samling.aendringer]
    assert not any("2027" in e.summary for e in d.entries)  # coming versions stay out of the feed
    # with site_url, relative links resolve against it
    med = feedparser.parse(_feed(samling, site_url="https://vejledning.example/lbf"))
    assert med.entries[0].link == "https://vejledning.example/lbf/noegletal/"
    assert ET.fromstring(_feed(samling, site_url="https://x.example")).get(
        "{http://www.w3.org/XML/1998/namespace}base") == "https://x.example/"


def test_an_entry_keeps_its_id_when_other_entries_change():
    foer = aendringer.samle(SIDER, REGLER, I_DAG)
    efter = aendringer.samle({**SIDER, "noegletal/index.md": SIDE.replace(
        "---\n\n#", '  - dato: 2026-11-29\n    tekst: "Tilføjet: y."\n---\n\n#')}, REGLER, I_DAG)
    assert {a.id for a in foer.aendringer} < {a.id for a in efter.aendringer}


# -- the built site ---------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def feed(bygget_site):
    sti = bygget_site / aendringer.FEED_NAVN
    assert sti.is_file(), "the build wrote no aendringer.xml"
    return sti.read_bytes()


def test_the_built_feed_reads_without_error_and_has_every_required_element(feed):
    d = feedparser.parse(feed)
    assert not d.bozo, d.get("bozo_exception")
    assert d.version == "atom10"
    for felt in ("id", "title", "updated"):
        assert d.feed.get(felt), felt
    assert d.feed.author_detail.name
    assert any(l.rel == "self" and l.href.endswith("aendringer.xml") for l in d.feed.links)
    assert d.entries
    for e in d.entries:
        for felt in ("id", "title", "updated", "link", "summary"):
            assert e.get(felt), (felt, e.get("id"))
    ids = [e.id for e in d.entries]
    assert all(i.startswith("urn:uuid:") for i in ids) and len(set(ids)) == len(ids)
    assert d.feed.updated == max(e.updated for e in d.entries)


def test_the_built_feed_is_atom_by_the_letter(feed):
    """RFC 4287 without a reader's leniency: the elements in the Atom namespace, one of each where one is allowed."""
    rod = ET.fromstring(feed)
    assert rod.tag == f"{ATOM}feed"
    for navn in ("id", "title", "updated"):
        assert len(rod.findall(f"{ATOM}{navn}")) == 1, navn
    assert [a.findtext(f"{ATOM}name") for a in rod.findall(f"{ATOM}author")] != []
    assert all(a.findtext(f"{ATOM}name") for a in rod.findall(f"{ATOM}author"))
    for e in rod.findall(f"{ATOM}entry"):
        for navn in ("id", "title", "updated"):
            assert len(e.findall(f"{ATOM}{navn}")) == 1, navn
        alternativ = [l for l in e.findall(f"{ATOM}link") if l.get("rel", "alternate") == "alternate"]
        assert len(alternativ) == 1 and alternativ[0].get("href")
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d", e.find(f"{ATOM}updated").text)


def test_the_built_feed_has_entries_from_both_sources(feed):
    d = feedparser.parse(feed)
    arter = {t.term for e in d.entries for t in e.get("tags", [])}
    assert arter == {"regel", "rettelse"}
    rettelser = [e for e in d.entries if e.tags[0].term == "rettelse"]
    # the legal corrections of 30 November 2026, on the guide pages
    for side in ("baeredygtighedspuljen/", "digitalisering/", "groen-garanti/", "merinvestering/", "noegletal/"):
        assert 1 <= sum(e.link.endswith(side) for e in rettelser) <= 3, side
    assert any(e.tags[0].term == "regel" and "gældende fra" in e.summary for e in d.entries)


def _tekst(h: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", h)).split())


def test_the_page_lists_the_same_entries_as_the_feed(bygget_site, feed):
    side = (bygget_site / "aendringer" / "index.html").read_text(encoding="utf-8")
    artikel = side[side.index("<article"):side.index("</article>")]
    assert 'href="../aendringer.xml"' in artikel
    kommende, _, aarene = artikel.partition('id="aar-')
    aarene = aarene.partition('id="kilder-til-siden"')[0]  # the page's own sources follow the list
    assert 'id="kommende"' in kommende
    punkter = [_tekst(p) for p in re.findall(r"<li>(.*?)</li>", aarene, flags=re.S)]
    poster = feedparser.parse(feed).entries
    assert len(punkter) == len(poster)
    for punkt, e in zip(punkter, poster, strict=True):
        d = dt.date.fromisoformat(e.updated[:10])
        assert punkt.startswith(f"{d.day}. ") and punkt.endswith(_tekst(e.summary)), (punkt, e.summary)


def test_every_page_points_browsers_to_the_feed(bygget_site):
    for sti in ("index.html", "noegletal/index.html", "beregnere/noegletal/index.html", "aendringer/index.html"):
        tekst = (bygget_site / sti).read_text(encoding="utf-8")
        # "alternate feed", not "alternate" alone: Material fetches sitemap.xml beside every link[rel=alternate]
        # (its language selector), a request that also fails offline.
        m = re.search(r'<link rel="alternate feed" type="application/atom\+xml" href="([^"]+)"', tekst)
        assert m, sti
        assert 'rel="alternate"' not in tekst, sti
        assert (bygget_site / sti).parent.joinpath(m.group(1)).resolve() == (bygget_site / "aendringer.xml").resolve()


def _byg_kopi(tmp_path: Path, aendr) -> subprocess.CompletedProcess:
    """Build a copy of the project (as tests/content's ``byg_kopi``) after ``aendr(kopi)``, today 30 November 2026."""
    kopi = tmp_path / "projekt"
    ignorer = shutil.ignore_patterns("__pycache__", "*.pyc")
    for navn in ("docs", "build_scripts", "calculators", "kilder"):
        shutil.copytree(ROD / navn, kopi / navn, ignore=ignorer)
    for navn in ("mkdocs.yml", "pyproject.toml"):
        shutil.copy2(ROD / navn, kopi / navn)
    if (ROD / "node_modules").is_dir():
        (kopi / "node_modules").symlink_to(ROD / "node_modules", target_is_directory=True)
    aendr(kopi)
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(tmp_path / "site")],
                          cwd=kopi, capture_output=True, text=True,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1",
                               udgivelse.I_DAG_VARIABEL: "2026-11-30"})


def test_a_slip_in_a_page_stops_the_real_build(tmp_path):
    """The hook's wiring: the editor's slip reaches the build's output with file, line and fix."""
    linje = 0

    def aendr(kopi: Path) -> None:
        nonlocal linje
        side = kopi / "docs" / "noegletal" / "index.md"
        tekst = side.read_text(encoding="utf-8")
        assert "  - dato: 2026-11-30\n" in tekst
        tekst = tekst.replace("  - dato: 2026-11-30\n", '  - dato: "30.11.2026"\n', 1)
        side.write_text(tekst, encoding="utf-8")
        linje = tekst.splitlines().index('  - dato: "30.11.2026"') + 1

    proc = _byg_kopi(tmp_path, aendr)
    assert proc.returncode != 0
    assert (f"docs/noegletal/index.md, linje {linje}: ændring nr. 1 i »aendringer«: »dato« skal være en dato "
            "skrevet åååå-mm-dd uden anførselstegn") in proc.stdout + proc.stderr


def test_a_published_site_gives_the_feed_its_publisher_and_address(tmp_path):
    def aendr(kopi: Path) -> None:
        data = kopi / "calculators" / "data" / "tilgaengelighed.toml"
        tekst = data.read_text(encoding="utf-8")
        tekst, n = re.subn(r'(?m)^udgiver = ".*"$', 'udgiver = "Boligorganisationernes Videnscenter"', tekst)
        assert n == 1
        data.write_text(tekst, encoding="utf-8")
        konfig = kopi / "mkdocs.yml"
        assert 'site_url: ""' in konfig.read_text(encoding="utf-8")
        konfig.write_text(konfig.read_text(encoding="utf-8").replace(
            'site_url: ""', "site_url: https://vejledning.example/lbf/", 1), encoding="utf-8")

    proc = _byg_kopi(tmp_path, aendr)
    assert proc.returncode == 0, proc.stderr
    d = feedparser.parse((tmp_path / "site" / "aendringer.xml").read_bytes())
    assert not d.bozo
    assert d.feed.author_detail.name == "Boligorganisationernes Videnscenter"
    assert all(e.link.startswith("https://vejledning.example/lbf/") for e in d.entries)
    assert any(l.rel == "self" and l.href == "https://vejledning.example/lbf/aendringer.xml" for l in d.feed.links)
