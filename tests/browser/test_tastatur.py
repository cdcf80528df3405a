"""Keyboard only: each calculator can be completed with Tab, arrows, Space, Enter and typing,
and the element that has focus is visibly marked at every step."""

from __future__ import annotations

import pytest
from hjaelp import fortsaet_med_tastatur, tab_til, vent_paa_klar  # tests/browser/hjaelp.py
from playwright.sync_api import expect

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
    fortsaet_med_tastatur(page, "trin-rolle", "trin-tilsagn")
    tab_til(page, "#felt-tilsagnsdato")
    page.keyboard.type("1.3.2012")
    expect(page.locator("#felt-tilsagnsdato")).to_have_value("1.3.2012")
    fortsaet_med_tastatur(page, "trin-tilsagn", "trin-udbud-bygherre")
    tab_til(page, "input[name=_udbudt]")
    page.keyboard.press("Space")
    expect(page.locator("#felt-_udbudt")).to_be_checked()
    fortsaet_med_tastatur(page, "trin-udbud-bygherre")
    tab_til(page, "#felt-udbudsdato")
    page.keyboard.type("15.9.2015")
    fortsaet_med_tastatur(page, "trin-udbud")
    tab_til(page, "#felt-beloeb_kr")
    page.keyboard.type("24.000.000")
    page.keyboard.press("Enter")  # Enter in a text field continues, as a form submit would
    expect(page.locator(".lbf-tjek")).to_be_visible()
    tab_til(page, ".lbf-tjek button[type=submit]")
    page.keyboard.press("Enter")
    expect(page.locator("[data-resultat] .lbf-udfald")).to_contain_text("Som bygherre er I omfattet")
