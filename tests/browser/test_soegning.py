"""Material's search, in Chromium, finds the key terms of the knowledge base in Danish."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

# term -> a page the search must list among its results (the page that explains the term)
TERMER = {
    "trangsprincip": "groen-garanti/",
    "merinvestering": "merinvestering/",
    "BOSSINF": "noegletal/",
}


@pytest.mark.parametrize("term,side", TERMER.items())
def test_search_finds_key_term(page, base_url, term, side):
    page.goto(f"{base_url}/")
    page.locator("label[for='__search']").first.click()
    felt = page.locator("input.md-search__input")
    expect(felt).to_be_visible()
    felt.fill(term)
    resultater = page.locator(".md-search-result__item")
    expect(resultater.first).to_be_visible()
    expect(page.locator(f".md-search-result__item a[href*='{side}']").first).to_be_attached()
    # The hit is highlighted in the result text (Material marks matches with <mark>).
    expect(page.locator(".md-search-result mark").first).to_be_visible()


def test_search_result_opens_the_page(page, base_url):
    page.goto(f"{base_url}/")
    page.locator("label[for='__search']").first.click()
    page.locator("input.md-search__input").fill("trangsprincip")
    link = page.locator(".md-search-result__item a[href*='groen-garanti/']").first
    expect(link).to_be_visible()
    link.click()
    expect(page.locator("h1")).to_have_text("Grøn garanti")
