"""Each calculator page starts in Firefox and WebKit: from the memory snapshot (the default path)
and the normal way (?start=normal), and then answers exactly as CPython."""

from __future__ import annotations

import pytest

import calculators

pytestmark = pytest.mark.browser

SIDER = {"noegletal": "/beregnere/noegletal/", "budgettjek": "/beregnere/budgettjek/",
         "merinvestering": "/beregnere/merinvestering/", "groen_garanti": "/beregnere/groen-garanti/"}


@pytest.mark.parametrize("navn", SIDER)
@pytest.mark.parametrize("sti", ["snapshot", "normal"])
def test_siden_bliver_klar(side, navn, sti):
    start = side.aaben(SIDER[navn] + ("?start=normal" if sti == "normal" else ""))
    assert start == sti, (side.navn, start)
    # The worked example, computed in this engine's worker, is CPython's answer.
    modul = __import__(f"calculators.{navn}", fromlist=["EKSEMPEL"])
    svar = side.evaluate("d => document.querySelector('[data-beregner]').lbf.kald(d)", modul.EKSEMPEL)["svar"]
    assert svar["resultat"] == calculators.run(navn, modul.EKSEMPEL, formular=True)
