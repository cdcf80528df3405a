"""Issue 16, item 6, in Chromium: Material's search finds the everyday spellings (»CO2« for »CO₂e«), keyboard only.

The pairs are the editors' docs/includes/soegeord.toml; the hook build_scripts/hooks/soegeord.py puts them in the
search index, hidden, so a result's preview still shows only what the page says.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def soeg_med_tastatur(page, base_url, term: str):
    page.set_default_timeout(20_000)  # search needs no Pyodide
    svar = page.goto(f"{base_url}/")
    assert svar is not None and svar.ok
    felt = page.locator("input.md-search__input")
    # Material's shortcut: "/" (or "s") puts the focus in the search field from anywhere on the page.
    page.locator("body").press("/")
    expect(felt).to_be_focused()
    page.keyboard.type(term)  # key by key: Material searches on key presses
    expect(page.locator(".md-search-result__item").first).to_be_visible()


@pytest.mark.parametrize("term", ["CO2", "co2", "CO2e"])
def test_co2_finder_baeredygtighedspuljen(page, base_url, term):
    soeg_med_tastatur(page, base_url, term)
    hit = page.locator(".md-search-result__item a[href*='baeredygtighedspuljen/'][href*='#prioriteringskriterier']").first
    expect(hit).to_be_attached()
    # The preview shows the page's own spelling; the everyday one stays hidden.
    artikel = hit.locator("article")
    expect(artikel).to_contain_text("CO₂e")
    assert "CO2e" not in artikel.inner_text()
    # The budget checker, which asks for the climate gain in ton CO₂e, is found too.
    expect(page.locator(".md-search-result__item a[href*='beregnere/budgettjek/']").first).to_be_attached()


def test_m2_finder_noegletal(page, base_url):
    soeg_med_tastatur(page, base_url, "m2")
    expect(page.locator(".md-search-result__item a[href*='noegletal/'][href*='#bygherrer']").first).to_be_attached()


def test_resultatet_aabnes_med_tastaturet(page, base_url):
    soeg_med_tastatur(page, base_url, "CO2")
    # Arrow down through the results to the guide's section, Enter opens it.
    for _ in range(30):
        page.keyboard.press("ArrowDown")
        aktiv = page.evaluate("document.activeElement && document.activeElement.getAttribute('href') || ''")
        if "baeredygtighedspuljen/" in aktiv and "#prioriteringskriterier" in aktiv:
            break
    else:
        raise AssertionError("ArrowDown never reached the Bæredygtighedspuljen result")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/baeredygtighedspuljen/\?h=co2#prioriteringskriterier$"))
    expect(page.locator("h1")).to_contain_text("Bæredygtighedspuljen")
