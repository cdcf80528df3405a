"""Material's search, in Chromium, finds the key terms of the knowledge base in Danish."""

from __future__ import annotations

import re

import pytest
from hjaelp import vent_paa_klar  # tests/browser/hjaelp.py
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


# -- On a calculator page the search index is built after the calculator has started (issue 17) -------------------
SOEGEWORKER = re.compile(r"/workers/search\.[^/]*\.js$")


def _soegeworkere(page) -> list[str]:
    return [w.url for w in page.workers if SOEGEWORKER.search(w.url)]


def test_beregnersiden_bygger_soegeindekset_efter_start(page, base_url):
    """With Python held back (its WebAssembly never arrives), the search worker is not started while the page
    loads; going to the search field starts it, and the search works."""
    page.route(re.compile(r"pyodide\.asm\.wasm"), lambda route: None)  # never answered: the calculator stays loading
    page.goto(base_url + "/beregnere/groen-garanti/")
    page.wait_for_load_state("load")
    page.wait_for_timeout(1500)  # Material's bundle has long since asked for its search worker
    assert page.locator("[data-beregner]").get_attribute("data-state") != "ready"
    assert _soegeworkere(page) == []
    felt = page.locator("input.md-search__input")
    with page.expect_worker(lambda w: bool(SOEGEWORKER.search(w.url))):
        felt.click()
    felt.press_sequentially("trangsprincip")
    expect(page.locator(".md-search-result__item a[href*='groen-garanti/']").first).to_be_attached()


def test_beregnersiden_starter_soegningen_naar_beregneren_er_klar(page, base_url):
    with page.expect_worker(lambda w: bool(SOEGEWORKER.search(w.url)), timeout=120_000):
        page.goto(base_url + "/beregnere/noegletal/")
        vent_paa_klar(page)
    # Guide pages are not held back: their search worker starts with the page.
    ny = page.context.new_page()
    with ny.expect_worker(lambda w: bool(SOEGEWORKER.search(w.url)), timeout=20_000):
        ny.goto(base_url + "/baeredygtighedspuljen/")
    # Material's own constructor is back once the page has loaded.
    assert page.evaluate("Worker.toString().includes('[native code]')")
