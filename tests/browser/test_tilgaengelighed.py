"""axe-core (pinned from npm), with all its rules – WCAG 2.x A/AA and best practices such as unique landmarks
and named table headers – finds nothing on any built page, nor on any calculator page in each state: empty,
with the error summary shown, and with a result."""

from __future__ import annotations

from pathlib import Path

import pytest
from hjaelp import vent_paa_klar  # tests/browser/hjaelp.py

import calculators

pytestmark = pytest.mark.browser

ROD = Path(__file__).resolve().parents[2]
AXE = (ROD / "node_modules" / "axe-core" / "axe.min.js").read_text()
# Every rule axe has (its default set: all tags but the experimental ones), not only the WCAG tags.
REGLER: dict = {}


def sider(site: Path) -> list[str]:
    ud = []
    for html in sorted(site.rglob("index.html")):
        rel = html.parent.relative_to(site).as_posix()
        ud.append("/" if rel == "." else f"/{rel}/")
    return ud


def overtraedelser(page) -> list[str]:
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE)  # evaluated by the test driver, so the page's CSP still applies to the page
    resultat = page.evaluate("r => axe.run(document, r)", REGLER)
    return [f"{v['id']}: {v['help']} ({', '.join(n['target'][0] for n in v['nodes'][:3])})"
            for v in resultat["violations"]]


def eksempel_som_formulartekst(navn: str) -> dict:
    """The calculator's worked example as the texts a user would type (Danish numbers)."""
    ud = {}

    def flad(v, sti):
        if isinstance(v, dict):
            for k, x in v.items():
                flad(x, f"{sti}.{k}" if sti else k)
        elif isinstance(v, list):
            for i, x in enumerate(v):
                flad(x, f"{sti}[{i}]")
        elif isinstance(v, bool):
            ud[sti] = v
        elif isinstance(v, (int, float)):
            ud[sti] = str(v).replace(".", ",")
        else:
            ud[sti] = "" if v is None else v

    flad(calculators.modul(navn).EKSEMPEL, "")
    return ud


@pytest.fixture(scope="module")
def alle_sider(bygget_site):
    return sider(bygget_site)


def test_alle_sider_findes(alle_sider):
    assert "/" in alle_sider and "/beregnere/noegletal/" in alle_sider and "/tilgaengelighed/" in alle_sider


def test_ingen_overtraedelser_paa_nogen_side(page, base_url, alle_sider):
    fund = {}
    for side in alle_sider:
        page.goto(base_url + side)
        if page.locator("[data-beregner]").count():
            page.wait_for_selector("[data-beregner]:not([data-state='loading'])")
        v = overtraedelser(page)
        if v:
            fund[side] = v
    assert fund == {}


@pytest.mark.parametrize("navn", [n for n in calculators.BEREGNERE])
def test_beregner_i_alle_tilstande(page, base_url, bygget_site, navn):
    side = next((s for s in sider(bygget_site)
                 if f'data-beregner="{navn}"' in (bygget_site / s.strip("/") / "index.html").read_text()), None)
    if side is None:
        pytest.skip(f"no page for {navn} yet")
    page.goto(base_url + side)
    vent_paa_klar(page)
    assert overtraedelser(page) == [], "tom"

    # With the error summary: submit what the form holds when nothing is filled in.
    page.evaluate("""() => { const r = document.querySelector('[data-beregner]');
        const form = r.querySelector('form');
        for (const f of form.elements) { if (f.type === 'radio' || f.type === 'checkbox') f.checked = false;
                                         else if (f.name) f.value = ''; }
        return r.lbf.beregn.koer(); }""")
    page.wait_for_selector(".lbf-fejlopsummering")
    assert overtraedelser(page) == [], "med fejl"

    page.evaluate("f => { const r = document.querySelector('[data-beregner]'); r.lbf.udfyld(f); return r.lbf.beregn.koer(); }",
                  eksempel_som_formulartekst(navn))
    page.wait_for_selector("[data-resultat][data-beregning]")
    assert page.locator(".lbf-fejlopsummering").count() == 0
    assert overtraedelser(page) == [], "med resultat"
