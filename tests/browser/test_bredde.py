"""No page scrolls sideways on a phone: at 320 and 390 CSS pixels every page (and every calculator with its worked
example and a live result) fits the screen; wide tables scroll inside their own labelled region instead."""

from __future__ import annotations

import pytest
from hjaelp import vent_paa_klar  # tests/browser/hjaelp.py
from test_tilgaengelighed import eksempel_som_formulartekst, sider

import calculators

pytestmark = pytest.mark.browser

BREDDER = (320, 390)
# The page's width beyond the viewport, and the widest elements that cause it (for the failure message).
MAAL = """() => {
  const w = document.documentElement.clientWidth;
  const synder = [];
  for (const e of document.querySelectorAll('body *')) {
    const r = e.getBoundingClientRect();
    if (r.right > w + 1 && r.width > 0) {
      let p = e.parentElement, klippet = false;
      while (p) { const o = getComputedStyle(p).overflowX; if (o === 'auto' || o === 'scroll' || o === 'hidden') { klippet = true; break; } p = p.parentElement; }
      if (!klippet) synder.push(`${e.tagName.toLowerCase()}${e.className ? '.' + String(e.className).split(' ')[0] : ''} ${Math.round(r.right)}`);
    }
  }
  return { overskud: document.documentElement.scrollWidth - w, synder: synder.slice(0, 5) };
}"""


@pytest.mark.parametrize("bredde", BREDDER)
def test_ingen_side_ruller_til_siden(page, base_url, bygget_site, bredde):
    page.set_viewport_size({"width": bredde, "height": 800})
    fund = {}
    for side in sider(bygget_site):
        page.goto(base_url + side)
        m = page.evaluate(MAAL)
        if m["overskud"] > 0:
            fund[side] = m
    assert fund == {}


@pytest.mark.parametrize("bredde", BREDDER)
@pytest.mark.parametrize("navn", list(calculators.BEREGNERE))
def test_beregner_med_resultat_passer_paa_skaermen(page, base_url, bygget_site, navn, bredde):
    side = next(s for s in sider(bygget_site)
                if f'data-beregner="{navn}"' in (bygget_site / s.strip("/") / "index.html").read_text())
    page.set_viewport_size({"width": bredde, "height": 800})
    page.goto(base_url + side)
    vent_paa_klar(page)
    page.evaluate("f => { const r = document.querySelector('[data-beregner]'); r.lbf.udfyld(f); return r.lbf.beregn.koer(); }",
                  eksempel_som_formulartekst(navn))
    page.wait_for_selector("[data-resultat][data-beregning]")
    m = page.evaluate(MAAL)
    assert m["overskud"] <= 0, m


def test_rulleomraader_har_et_navn(page, base_url, bygget_site):
    """A table that scrolls on its own is a focusable region with a name, so keyboard and screen-reader users
    can reach and scroll it (WCAG 2.1.1, 4.1.2)."""
    page.set_viewport_size({"width": 320, "height": 800})
    mangler = {}
    for side in sider(bygget_site):
        page.goto(base_url + side)
        fejl = page.evaluate("""() => [...document.querySelectorAll('table')].map(t => {
              let p = t.parentElement;
              while (p && !['auto', 'scroll'].includes(getComputedStyle(p).overflowX)) p = p.parentElement;
              if (!p || p.scrollWidth <= p.clientWidth) return null;
              const ok = p.getAttribute('tabindex') === '0' && (p.getAttribute('aria-label') || p.getAttribute('aria-labelledby'))
                         && p.getAttribute('role') === 'region';
              return ok ? null : (t.caption?.textContent || t.querySelector('th')?.textContent || '?').trim().slice(0, 40);
            }).filter(Boolean)""")
        if fejl:
            mangler[side] = fejl
    assert mangler == {}


def test_vejledningernes_tabeller_er_hele_paa_en_baerbar(page, base_url, bygget_site):
    """At 1366 px (a common laptop) no guide table is cut off behind a sideways scroll (the merinvestering
    guide's step table was, by long compounds such as »energimærkningsvirksomhed«)."""
    page.set_viewport_size({"width": 1366, "height": 800})
    fund = {}
    for side in sider(bygget_site):
        page.goto(base_url + side)
        brede = page.evaluate("""() => [...document.querySelectorAll('.md-typeset__scrollwrap')]
            .filter(e => e.scrollWidth > e.clientWidth + 1)
            .map(e => (e.querySelector('th') || {}).textContent)""")
        if brede:
            fund[side] = brede
    assert fund == {}
