"""Helpers shared by the browser tests (import as `from hjaelp import …`)."""

from __future__ import annotations

import html
import re

from playwright.sync_api import expect

import calculators
from calculators import visning

START_TIMEOUT_MS = 90_000  # Pyodide's first start on a busy 2-core machine; not a speed goal


def vent_paa_klar(page, rod: str = "[data-beregner]") -> None:
    """Wait until the calculator's worker has Python and the wheel loaded."""
    page.wait_for_selector(f"{rod}[data-state='ready']", timeout=START_TIMEOUT_MS)


# The focused element is visibly marked: an outline of at least 2 px or a box shadow.
SYNLIGT_FOKUS = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return false;
  const s = getComputedStyle(e);
  const omrids = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
  return omrids || (s.boxShadow && s.boxShadow !== 'none');
}"""


def tab_til(page, selector: str, maks: int = 150, baglaens: bool = False) -> None:
    """Press Tab until `selector` has focus, checking a visible focus on each stop."""
    for _ in range(maks):
        page.keyboard.press("Shift+Tab" if baglaens else "Tab")
        aktiv = page.evaluate("() => document.activeElement && document.activeElement.tagName")
        if aktiv and aktiv != "BODY":
            assert page.evaluate(SYNLIGT_FOKUS), page.evaluate("document.activeElement.outerHTML.slice(0, 200)")
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


ROD = "document.querySelector('[data-beregner]')"


def som_i_browseren(navn: str, data) -> str:
    """The HTML CPython renders for ``data`` with the browser's id prefix: what the page's worker
    (calculators._browser.kald) must answer, byte for byte."""
    return visning.html(navn, calculators.beregn(navn, data, formular=True), idprefiks=visning.BROWSER_IDPRAEFIKS)


def samme_svar_som_cpython(page, navn: str, korpus, *, csv: bool = False) -> None:
    """Each input gives the same answer in the page (the glue, the worker, Pyodide) as in
    CPython: the errors, or the result, its HTML (ids included) and (with ``csv``) its CSV table."""
    for data in korpus:
        svar = page.evaluate(f"([d, csv]) => {ROD}.lbf.kald(d, {{csv}})", [data, csv])["svar"]
        forventet = calculators.run(navn, data, formular=True)
        if "fejl" in forventet:
            assert svar == forventet, data
            continue
        assert svar["resultat"] == forventet, data
        assert svar["html"] == som_i_browseren(navn, data), data
        if csv:
            assert svar["csv"] == visning.csv(navn, forventet), data


def fortsaet_med_tastatur(page, trin: str, naeste: str | None = None) -> None:
    """Tab to the step's "Fortsæt" and press Enter; ``naeste`` is the step that must follow."""
    tab_til(page, f"#{trin} .lbf-knapper .md-button--primary")
    page.keyboard.press("Enter")
    if naeste:
        expect(page.locator(f"#{naeste}")).to_be_visible()


def start_ved_overskriften(page, base_url, side):
    """Open a calculator page, wait for Python, and put the keyboard focus on its heading."""
    page.goto(base_url + side)
    vent_paa_klar(page)
    page.locator("h1").evaluate("h => { h.tabIndex = -1; h.focus(); }")


def skriv_i(page, selector: str, tekst: str) -> None:
    """Tab to a text field and type into it (a field reached by Tab has its text selected)."""
    tab_til(page, selector)
    page.keyboard.type(tekst)
    expect(page.locator(selector)).to_have_value(tekst)


def forventet_titel(navn: str, data: dict) -> str:
    """The verdict heading the Python package renders for these inputs."""
    m = re.search(r'<h3 class="lbf-udfald__titel">(.*?)</h3>',
                  visning.html(navn, calculators.run(navn, data, formular=True)))
    assert m, data
    return html.unescape(m.group(1))


def ren(tekst: str) -> str:
    return " ".join(tekst.replace("\u00a0", " ").split())
