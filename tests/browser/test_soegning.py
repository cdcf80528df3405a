"""Material's search, in Chromium, finds the key terms of the knowledge base in Danish."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

# term -> a page the search must list among its results (the page that explains the term)
TERMER = {
    "trangsprincip": "groen-garanti/",
    "merinvestering": "merinvestering/",
    "BOSSINF": "noegletal/",
}


def aaben_soegning(page, base_url):
    """Open the start page and put the focus in the search field in the header."""
    page.set_default_timeout(20_000)  # search needs no Pyodide: no long start-up to wait for
    svar = page.goto(f"{base_url}/")
    assert svar is not None and svar.ok, f"the start page answered {svar and svar.status}"
    felt = page.locator("input.md-search__input")
    felt.click()  # waits until the field is visible (the default viewport is a wide screen)
    expect(felt).to_be_focused()


@pytest.mark.parametrize("term,side", TERMER.items())
def test_search_finds_key_term(page, base_url, term, side):
    aaben_soegning(page, base_url)
    # Typed key by key: Material searches on key presses, not on a pasted value.
    page.locator("input.md-search__input").press_sequentially(term)
    resultater = page.locator(".md-search-result__item")
    expect(resultater.first).to_be_visible()
    expect(page.locator(f".md-search-result__item a[href*='{side}']").first).to_be_attached()
    # The hit is highlighted in the result text (Material marks matches with <mark>).
    expect(page.locator(".md-search-result mark").first).to_be_visible()


def test_search_result_opens_the_page(page, base_url):
    aaben_soegning(page, base_url)
    page.locator("input.md-search__input").press_sequentially("trangsprincip")
    link = page.locator(".md-search-result__item a[href*='groen-garanti/'][href*='#prioritering']")
    expect(link).to_be_visible()
    link.click()
    expect(page).to_have_url(re.compile(r"/groen-garanti/\?h=trangsprincip#prioritering$"))
    expect(page.locator("h1")).to_contain_text("Grøn garanti")
