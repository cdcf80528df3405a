"""In Firefox and WebKit each calculator's worked example and a handful of inputs give exactly
CPython's answer and HTML (the Chromium suite's corpus and check, tests/browser/hjaelp.py)."""

from __future__ import annotations

import importlib

import pytest
from hjaelp import samme_svar_som_cpython  # tests/browser/hjaelp.py
from test_motor_start import SIDER

pytestmark = pytest.mark.browser

# The Chromium suite's test module per calculator (its KORPUS: edge cases, errors, both verdicts).
MODUL = {"noegletal": "test_noegletal_side", "budgettjek": "test_budgettjek_side",
         "merinvestering": "test_merinvestering_side", "groen_garanti": "test_groen_garanti_side"}


def korpus(navn: str) -> list:
    eksempel = importlib.import_module(f"calculators.{navn}").EKSEMPEL
    alle = importlib.import_module(MODUL[navn]).KORPUS
    # The worked example, the first six cases and the last two (invalid and empty input).
    return [eksempel, *alle[:6], *alle[-2:]]


@pytest.mark.parametrize("navn", SIDER)
def test_samme_svar_og_html_som_cpython(side, navn):
    side.aaben(SIDER[navn])
    samme_svar_som_cpython(side, navn, korpus(navn))


def test_proeven_ser_fejl(side):
    """The probe would see a foreign request, a security-policy violation and an uncaught error
    (so a clean run means something)."""
    side.aaben(SIDER["noegletal"])
    side.evaluate("""() => { const i = new Image(); i.src = 'http://example.invalid/x.png'; document.body.append(i);
                             setTimeout(() => { throw new Error('prøvefejl'); }, 0); }""")
    fundet = side.vent("() => { const p = window.__lbfProeve.problemer;"
                       " return p.some(s => s.includes('CSP violation')) && p.some(s => s.includes('prøvefejl')) && p; }",
                       besked="the probe to record the planted problems")
    assert any("example.invalid" in s for s in fundet), fundet
    # Clean up what was planted, so the fixture's own check passes.
    side.evaluate("() => { window.__lbfProeve.problemer.length = 0; }")
    if side.navn == "firefox":
        assert any("prøvefejl" in s for s in side.driver_problemer), side.driver_problemer
        side.driver_problemer.clear()
