"""The contract holds in the real page too: hostile values typed into a calculator give Danish field errors from
Pyodide – never "Der opstod en fejl i beregneren" – exactly as CPython answers (see
tests/calculators/test_kontrakt_egenskaber.py for the property test of the same contract)."""

from __future__ import annotations

import pytest
from hjaelp import ROD, vent_paa_klar  # tests/browser/hjaelp.py
from test_tilgaengelighed import sider

import calculators

pytestmark = pytest.mark.browser

# (calculator, a number field, a text field)
FELTER = {
    "noegletal": ("beloeb_kr", None),
    "merinvestering": ("kalkulationsrente_pct", "foranstaltninger[0].navn"),
    "budgettjek": ("ansoegt_beloeb_kr", "poster[0].tekst"),
    "groen_garanti": ("baseline_forbrug_kwh", None),
}
TAL = ["-99,99999999999999999999", "9" * 5000, "\u0661\u0662\u0663", "1e400", "NaN", "99.999.999.999.999,99"]


def _som_formular(v):
    """The worked example as the texts a user types, keeping its shape (numbers in Danish notation)."""
    if isinstance(v, dict):
        return {k: _som_formular(x) for k, x in v.items()}
    if isinstance(v, list):
        return [_som_formular(x) for x in v]
    if isinstance(v, bool) or v is None:
        return v
    return str(v).replace(".", ",") if isinstance(v, (int, float)) else v


@pytest.mark.parametrize("navn", list(FELTER))
def test_fjendtlige_tal_og_tegn_giver_danske_feltfejl(page, base_url, bygget_site, navn):
    side = next(s for s in sider(bygget_site)
                if f'data-beregner="{navn}"' in (bygget_site / s.strip("/") / "index.html").read_text())
    page.goto(base_url + side)
    vent_paa_klar(page)
    grund = _som_formular(calculators.modul(navn).EKSEMPEL)
    talfelt, tekstfelt = FELTER[navn]
    for vaerdi in TAL:
        data = {**grund, talfelt: vaerdi}
        svar = page.evaluate(f"d => {ROD}.lbf.kald(d)", data)["svar"]
        assert svar == calculators.run(navn, data, formular=True), vaerdi
        assert [f["felt"] for f in svar["fejl"]] == [talfelt], vaerdi
    if tekstfelt:
        # A lone surrogate can only be made in the page (Python cannot send one): the same Danish refusal.
        svar = page.evaluate(f"""([d, sti]) => {{ const [liste, i, felt] = sti;
            d[liste][i][felt] = 'a' + String.fromCharCode(0xD800);
            return {ROD}.lbf.kald(d); }}""", [grund, tekstfelt.replace("]", "").replace("[", ".").split(".")])["svar"]
        assert svar["fejl"][0]["besked"].startswith("Inddata indeholder et ugyldigt tegn")
    assert page.locator("[data-beregner]").get_attribute("data-state") == "ready"
