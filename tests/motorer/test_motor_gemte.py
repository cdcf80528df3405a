"""Saved cases and the link (issue 16) in Firefox and WebKit: save under a name, find the case again on a later
visit and open it (the numbers then in the form are kept as a case of their own), copy a link and open it in a
visit with nothing stored."""

from __future__ import annotations

import importlib

import pytest
from test_motor_start import SIDER

pytestmark = pytest.mark.browser

ROD = "document.querySelector('[data-beregner]')"
SAMME = f"d => JSON.stringify({ROD}.lbf.samlData()) === JSON.stringify(d)"
TITLER = "() => [...document.querySelectorAll('.lbf-gemte__sag .lbf-gemte__titel strong')].map(e => e.textContent)"


def test_gem_aabn_og_del_et_link(side):
    side.aaben(SIDER["merinvestering"])
    felter = importlib.import_module("test_merinvestering_side").KORPUS[0]
    side.evaluate(f"async f => {{ {ROD}.lbf.udfyld(f); await {ROD}.lbf.beregn.koer(); return true; }}", felter)
    data = side.samlet()

    # Save under a name (the real button, clicked).
    side.evaluate("() => { document.querySelector('#gemte-merinvestering-navn').value = 'Afdeling 12'; }")
    side.klik("[data-gemte-beregninger] form button[type=submit]")
    side.vent(f"() => JSON.stringify(({TITLER})()) === JSON.stringify(['Afdeling 12'])", besked="the saved case")

    # A later visit with other numbers in the form: opening the case brings its numbers back, and what the form
    # held is kept as a case of its own.
    side.reload()
    side.vent_paa_klar()
    side.evaluate(f"() => {{ {ROD}.lbf.udfyld({{ beboerbetalingsprocent: '9' }}); {ROD}.lbf.gem(); }}")
    assert side.samlet() != data
    side.klik(".lbf-gemte__sag [data-handling=aabn]")
    side.vent(SAMME, data, besked="the case's numbers in the form")
    titler = side.evaluate(TITLER)
    assert "Afdeling 12" in titler and any(t.startswith("Ikke gemte svar fra ") for t in titler), titler

    # Kopiér link: the link is always shown in its field (whether or not the clipboard took it) ...
    side.klik("[data-kopier-link]")
    link = side.vent("() => document.querySelector('.lbf-gemte__link')?.value", besked="the link")
    assert link.startswith(side.url + SIDER["merinvestering"] + "#inddata="), link
    # ... and a visit with nothing stored opens it with the same numbers, the data gone from the address bar.
    side.evaluate("() => { localStorage.clear(); sessionStorage.clear(); }")
    side.goto(side.url + "/")
    side.goto(link)
    side.vent_paa_klar()
    side.vent(SAMME, data, besked="the link's numbers in the form")
    side.vent("() => !location.href.includes('inddata')", besked="the address bar without the numbers")
