"""Keyboard only: each calculator can be completed with Tab, arrows, Space, Enter and typing,
and the element that has focus is visibly marked at every step."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from hjaelp import tab_til, vent_paa_klar  # tests/browser/hjaelp.py

pytestmark = pytest.mark.browser


def test_noegletal_med_tastatur(page, base_url):
    page.goto(base_url + "/beregnere/noegletal/")
    vent_paa_klar(page)
    # Start where a keyboard user lands after the skip link: the page's main heading.
    page.locator("h1").evaluate("h => { h.tabIndex = -1; h.focus(); }")
    tab_til(page, "input[name=rolle]")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")  # Bygherre
    expect(page.locator("#felt-rolle-bygherre")).to_be_checked()
    tab_til(page, "#trin-rolle button")
    page.keyboard.press("Enter")
    expect(page.locator("#trin-tilsagn")).to_be_visible()
    tab_til(page, "#felt-tilsagnsdato")
    page.keyboard.type("1.3.2012")
    expect(page.locator("#felt-tilsagnsdato")).to_have_value("1.3.2012")
    tab_til(page, "#trin-tilsagn button.md-button--primary")
    page.keyboard.press("Enter")
    expect(page.locator("#trin-udbud-bygherre")).to_be_visible()
    tab_til(page, "input[name=_udbudt]")
    page.keyboard.press("Space")
    expect(page.locator("#felt-_udbudt")).to_be_checked()
    tab_til(page, "#trin-udbud-bygherre button.md-button--primary")
    page.keyboard.press("Enter")
    tab_til(page, "#felt-udbudsdato")
    page.keyboard.type("15.9.2015")
    tab_til(page, "#trin-udbud button.md-button--primary")
    page.keyboard.press("Enter")
    tab_til(page, "#felt-beloeb_kr")
    page.keyboard.type("24.000.000")
    page.keyboard.press("Enter")  # Enter in a text field continues, as a form submit would
    expect(page.locator(".lbf-tjek")).to_be_visible()
    tab_til(page, ".lbf-tjek button[type=submit]")
    page.keyboard.press("Enter")
    expect(page.locator("[data-resultat] .lbf-udfald")).to_contain_text("Som bygherre er I omfattet")
