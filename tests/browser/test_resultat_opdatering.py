"""A recalculation changes the result on the page in place (docs/javascripts/beregner/dom.js, erstatIndhold and
morf; issue 17): whatever it keeps or changes, the result must then be exactly the HTML the calculator rendered,
as if it had been inserted anew, and a <details> the reader opened stays open."""

from __future__ import annotations

import pytest
from hjaelp import ROD, vent_paa_klar
from test_tilgaengelighed import eksempel_som_formulartekst

# The page's result next to a fresh parse of the last answer's HTML; the reader's open <details> set aside.
SAMMENLIGN = """() => {
  const norm = (rod) => {
    rod.querySelectorAll('details[open]').forEach((d) => d.removeAttribute('open'));
    return rod.innerHTML;
  };
  const ny = document.createElement('div');
  const skabelon = document.createElement('template');
  skabelon.innerHTML = window.__sidsteHtml;
  ny.append(skabelon.content);
  return [norm(document.querySelector('[data-resultat]').cloneNode(true)), norm(ny)];
}"""

# (field, value) changes in order: numbers that move every table and chart, and answers that change the
# result's structure (a verdict and its § 13 paragraph, a fourth year, a year taken away again).
AENDRINGER = {
    "merinvestering": [
        ("foranstaltninger[0].merpris_kr", "1.300.000"),
        ("beboerbetalingsprocent", "50"),
        ("energibesparelser[0].maengde_aar", "20.000"),
        ("beboerbetalingsprocent", "4"),
        ("foranstaltninger[0].merpris_kr", "640.000"),
    ],
    "groen_garanti": [
        ("baseline_forbrug_kwh", "1.200.000"),
        ("aar[2].forbrug_kwh", "1.250.000"),
        ("energipris_kr_pr_kwh", "2,5"),
        ("aar[2].forbrug_kwh", "800.000"),
        ("baseline_forbrug_kwh", "1.000.000"),
    ],
}


SIDER = {"merinvestering": "/beregnere/merinvestering/", "groen_garanti": "/beregnere/groen-garanti/"}


@pytest.mark.parametrize("navn", AENDRINGER)
def test_resultatet_er_som_nyt_efter_hver_aendring(page, base_url, navn):
    page.goto(base_url + SIDER[navn])
    vent_paa_klar(page)
    page.evaluate(f"{ROD}.addEventListener('lbf-svar', (e) => {{ window.__sidsteHtml = e.detail.html; }})")
    page.evaluate(f"f => {{ {ROD}.lbf.udfyld(f); return {ROD}.lbf.beregn.koer(); }}", eksempel_som_formulartekst(navn))
    page.wait_for_selector("[data-resultat][data-beregning]")
    aabne = page.evaluate("""() => {
      const d = [...document.querySelectorAll('[data-resultat] details')];
      d.forEach((x) => { x.open = true; });
      return d.length; }""")
    for felt, vaerdi in AENDRINGER[navn]:
        foer = page.get_attribute("[data-resultat]", "data-beregning")
        page.evaluate("""([felt, vaerdi]) => {
          const i = document.querySelector(`[data-beregner] form [name="${CSS.escape(felt)}"]`);
          i.value = vaerdi;
          i.dispatchEvent(new Event('input', { bubbles: true })); }""", [felt, vaerdi])
        # evaluate(), not wait_for_function(): the latter polls with eval, which the site's security policy forbids.
        page.evaluate("""async (foer) => {
          while (document.querySelector('[data-resultat]').dataset.beregning === foer) await new Promise((r) => setTimeout(r, 20));
        }""", foer)
        paa_siden, som_nyt = page.evaluate(SAMMENLIGN)
        assert paa_siden == som_nyt, (felt, vaerdi)
        # Every <details> the reader opened is still open (a kept or changed one; a new one starts closed).
        assert page.evaluate("document.querySelectorAll('[data-resultat] details[open]').length") >= min(aabne, 1)
    assert page.locator(".lbf-fejlopsummering").count() == 0
