"""Ready per engine: navigation → data-state="ready" for each calculator page in Firefox and
WebKit, three cold loads each (a fresh profile per load), medians in ms. Called from
``python -m build_scripts.bench`` beside Chromium's figures: ``motorer.maal(base_url)``."""

from __future__ import annotations

import importlib
import statistics
import sys
import time
from pathlib import Path

ROD = Path(__file__).resolve().parents[2]
SIDER = ("/beregnere/noegletal/", "/beregnere/budgettjek/", "/beregnere/merinvestering/",
         "/beregnere/groen-garanti/")
KLAR_JS = "() => { const r = document.querySelector('[data-beregner]'); return r ? r.dataset.state : null; }"


def _tid(side, url: str) -> float:
    start = time.monotonic()
    side.goto(url)
    side.vent_paa_klar()
    return (time.monotonic() - start) * 1000


def maal(base_url: str, playwright, runs: int = 3) -> dict:
    """{engine: {page: median ms}}; ``playwright`` is a started sync_playwright()."""
    # The drivers' page classes and the Xvfb helper are the cross-browser suite's own (tests/motorer/): one way to
    # drive each engine, for the tests and the benchmark alike.
    sys.path[:0] = [str(ROD / "tests" / "motorer"), str(ROD / "tests" / "browser")]
    xvfb = importlib.import_module("conftest").xvfb
    hjaelp = importlib.import_module("motorhjaelp")
    FIREFOX, FirefoxSide, WebKitSide = hjaelp.FIREFOX, hjaelp.FirefoxSide, hjaelp.WebKitSide

    class _Site:  # what the page classes need from the test proxy
        url = base_url
        problemer: list = []

    ud: dict = {"firefox": {}, "webkit": {}}
    ff = playwright.firefox.launch(executable_path=FIREFOX, channel="moz-firefox")
    try:
        for sti in SIDER:
            tider = []
            for _ in range(runs):
                s = FirefoxSide(ff, _Site)
                tider.append(_tid(s, base_url + sti))
                s.luk()
            ud["firefox"][sti] = statistics.median(tider)
    finally:
        ff.close()
    with xvfb() as display:
        for sti in SIDER:
            tider = []
            for _ in range(runs):
                s = WebKitSide(display, _Site, ROD)
                tider.append(_tid(s, base_url + sti))
                s.luk()
            ud["webkit"][sti] = statistics.median(tider)
    for motor, sider in ud.items():
        for sti, ms in sider.items():
            print(f"(b) {motor:8s} {sti}: navigation → Ready {ms:6.0f} ms (median of {runs} cold loads)")
    return ud
