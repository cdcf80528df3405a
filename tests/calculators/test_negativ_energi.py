"""Issue 16, item 6: forgiving fields in the calculators.

A negative energy line in the merinvestering (a ventilation unit that uses more electricity than before). BEK
nr. 314 documents "de årlige energibesparelser til opvarmning, varmt vand og elektricitet" by the calculation of
the building's energy need in SBi-anvisning 213 (§ 8) and prices them with the suppliers' prices (§ 9); operating
costs of the measures are a different thing, documented by experience figures and levies (§ 7, stk. 3). The
saving of one energy kind is therefore the net figure that calculation gives, and it can be negative: the site
accepts a negative line as a net increase of that kind, priced at that kind's price and price growth. What stays
refused (a negative price) says where a higher consumption belongs.
"""

from __future__ import annotations

import copy
import re
from decimal import Decimal
from pathlib import Path

import pytest
from kildecitat import citat  # tests/kildecitat.py

import calculators
from calculators import merinvestering as mi
from calculators import visning


def _med_linje(maengde, pris=2.2, **over) -> dict:
    data = copy.deepcopy(mi.EKSEMPEL)
    data["energibesparelser"].append({"energiart": "el", "maengde_aar": maengde, "enhed": "kWh",
                                      "pris_kr_pr_enhed": pris, **over})
    return data


class TestNegativEnergilinje:
    def test_kilden(self):
        # § 8: the savings per kind are those of the energy-need calculation (a net figure per kind) …
        citat("B", 72, 74, "De årlige energibesparelser til opvarmning, varmt vand og elektricitet skal dokumenteres "
                           "på grundlag af beregningsmetoden i SBi-anvisning 213")
        citat("B", 73, 74, "Som dokumentation skal anvendes udskrifter fra beregningsmodul Be15 eller lignende "
                           "beregningsprogrammer.")
        # … priced with the suppliers' prices, electricity included (§ 9) …
        citat("B", 76, 77, "Priser på elektricitet, varmt vand og opvarmning skal dokumenteres ved henvisning til "
                           "tilbud, prisblade eller lign. fra de leverandører, som påtænkes at forsyne byggeriet.")
        # … while the operating costs of the measures are documented otherwise (§ 7, stk. 3).
        citat("B", 69, 70, "Forskelle i udgifter til drift m.v. af foranstaltningerne skal dokumenteres ved "
                           "henvisning til erfaringstal, lovpligtige afgifter m.v.")
        # The condition weighs the savings together (§ 3, stk. 2, nr. 1).
        citat("B", 25, 27, "at nutidsværdien af energibesparelserne mindst skal svare til den samlede merinvestering")

    def test_negativ_linje_er_et_nettomerforbrug(self):
        """A line of −1.200 kWh lowers the savings' present value exactly as much as +1.200 kWh raises it."""
        uden = calculators.run("merinvestering", mi.EKSEMPEL)
        minus = calculators.run("merinvestering", _med_linje(-1200))
        plus = calculators.run("merinvestering", _med_linje(1200))
        assert "fejl" not in minus, minus
        pv = Decimal(str(uden["nutidsvaerdi_besparelser_kr"]))
        ned = pv - Decimal(str(minus["nutidsvaerdi_besparelser_kr"]))
        op = Decimal(str(plus["nutidsvaerdi_besparelser_kr"])) - pv
        assert ned > 0 and abs(ned - op) <= Decimal("0.01")
        assert minus["besparelse_foerste_aar_kr"] == uden["besparelse_foerste_aar_kr"] - 2640
        # Priced at electricity's own real price growth (the default for el), not as a flat operating cost.
        assert minus["energibesparelser"][-1]["realprisstigning_pct"] == plus["energibesparelser"][-1][
            "realprisstigning_pct"]
        assert minus["nutidsvaerdi_drift_kr"] == uden["nutidsvaerdi_drift_kr"]
        # The result lists the line as typed, with its sign.
        assert '<td class="lbf-tal">-1.200 kWh</td>' in visning.html("merinvestering", minus)

    @pytest.mark.parametrize("tekst", ["-1.200", "\u22121.200", "-1.200 kWh", "\u22121200\u00a0kWh"])
    def test_negativ_linje_i_formularen(self, tekst):
        svar = calculators.run("merinvestering", _med_linje(tekst, "2,20"), formular=True)
        assert "fejl" not in svar, svar
        assert svar["energibesparelser"][-1]["maengde_aar"] == -1200

    def test_negativ_pris_peger_paa_besparelsesfeltet(self):
        svar = calculators.run("merinvestering", _med_linje(1200, -2.2))
        assert svar["fejl"] == [{
            "felt": "energibesparelser[2].pris_kr_pr_enhed",
            "besked": "Prisen pr. enhed i energilinje 3 kan ikke være negativ. Bruger foranstaltningerne mere af "
                      "energiarten, end de sparer, så skriv merforbruget med minus i feltet »Besparelse pr. år« i "
                      "samme række, fx -1.200, og prisen som et positivt tal."}]

    def test_for_stor_negativ_linje_afvises_paa_feltet(self):
        svar = calculators.run("merinvestering", _med_linje(-10 ** 14, 1))
        assert [f["felt"] for f in svar["fejl"]] == ["energibesparelser[2].maengde_aar"]


class TestEnergilinjensEnhed:
    """An energy line's amount may carry the unit its unit field names; another unit names the field's."""

    @pytest.mark.parametrize("enhed,tekst", [("kWh", "1.200 kWh"), ("m³", "800 m³"), ("m³", "800 m3"),
                                             ("MWh", "12 mwh")])
    def test_raekkens_enhed(self, enhed, tekst):
        svar = calculators.run("merinvestering", _med_linje(tekst, "2,20", enhed=enhed, energiart="fjernvarme"),
                               formular=True)
        assert "fejl" not in svar, svar

    def test_anden_enhed_naevner_raekkens(self):
        svar = calculators.run("merinvestering", _med_linje("12 MWh", "2,20"), formular=True)
        assert svar["fejl"] == [{
            "felt": "energibesparelser[2].maengde_aar",
            "besked": "Den årlige mængde i energilinje 3 skrives i kWh, så »MWh« passer ikke. "
                      "Skriv fx 12.500 eller 12.500\u00a0kWh."}]


def test_siden_siger_hvor_et_merforbrug_skal_staa():
    side = (Path(__file__).resolve().parents[2] / "docs" / "beregnere" / "merinvestering.md").read_text(
        encoding="utf-8")
    hint = re.search(r'<p class="lbf-hint" id="mi-energi-hint">(.*?)</p>', side, re.S).group(1)
    assert "skriv merforbruget med minus, fx -1.200" in hint and "ventilationsaggregat" in hint
    assert "Besparelsen for en energiart er nettoændringen" in side and "(§ 7, stk. 3)" in side
