"""How a calculator page starts Python (docs/javascripts/beregner-start.js, beregner-worker.js): what each start
path downloads, the path chosen from what the browser says about the connection, and the manifest the page
carries (build_scripts/efterbyg.py). Snapshot failure and ?start=normal: test_noegletal_side.py."""

from __future__ import annotations

import json
import re

import pytest
from hjaelp import vent_paa_klar  # tests/browser/hjaelp.py

import calculators

pytestmark = pytest.mark.browser

SIDE = "/beregnere/noegletal/"
DATA = {"rolle": "entreprenoer", "tilsagnsdato": "2012-01-01", "udbudsdato": "2015-01-01", "beloeb_kr": "320.000"}


@pytest.fixture(scope="module")
def manifest(bygget_site):
    return json.loads((bygget_site / "assets" / "beregnere" / "manifest.json").read_text())


@pytest.fixture
def anmodninger(page):
    """The paths the page and its worker requested."""
    stier: list[str] = []
    page.context.on("request", lambda r: stier.append(re.sub(r"^https?://[^/]+", "", r.url)))
    return stier


def _svar(page):
    return page.evaluate("d => document.querySelector('[data-beregner]').lbf.kald(d)", DATA)["svar"]["resultat"]


def _langsom(page, latens_ms: int = 400) -> None:
    """DevTools network emulation with a round trip that Chromium calls 3G (navigator.connection.effectiveType),
    at a high throughput, so that the test does not wait for the bytes."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", {"offline": False, "latency": latens_ms,
                                                   "downloadThroughput": 50e6, "uploadThroughput": 50e6})


def test_snapshotstarten_henter_kun_det_den_bruger(page, base_url, manifest, anmodninger):
    """The snapshot path: the snapshot and the empty standard library; no lock file, no standard library with
    files in it, and no manifest.json (the page carries it)."""
    page.goto(base_url + SIDE)
    vent_paa_klar(page)
    assert page.get_attribute("[data-beregner]", "data-start") == "snapshot"
    assert _svar(page) == calculators.run("noegletal", DATA, formular=True)
    hentet = set(anmodninger)
    b = "/assets/beregnere/"
    assert {b + manifest["snapshot"], b + manifest["stdlib"]["snapshot"], b + manifest["hjul"]} <= hentet
    assert b + manifest["stdlib"]["normal"] not in hentet
    assert b + "manifest.json" not in hentet
    assert not [s for s in hentet if s.endswith(("pyodide-lock.json", "python_stdlib.zip"))]
    # Each runtime file once: the worker's early downloads are the ones Pyodide uses.
    wasm = [s for s in anmodninger if s.endswith("pyodide.asm.wasm")]
    assert len(wasm) == 1, wasm


def test_normal_start_henter_det_trimmede_standardbibliotek(page, base_url, manifest, anmodninger):
    page.goto(base_url + SIDE + "?start=normal")
    vent_paa_klar(page)
    assert page.get_attribute("[data-beregner]", "data-start") == "normal"
    assert _svar(page) == calculators.run("noegletal", DATA, formular=True)
    hentet = set(anmodninger)
    assert "/assets/beregnere/" + manifest["stdlib"]["normal"] in hentet
    assert not [s for s in hentet if "snapshot-" in s or s.endswith("pyodide-lock.json")]


def test_langsom_forbindelse_giver_normal_start(page, base_url, anmodninger):
    """On a connection the browser calls 3G (or slower), or with Save-Data, the page skips the snapshot's
    extra megabytes."""
    _langsom(page)
    page.goto(base_url + SIDE)
    assert page.evaluate("navigator.connection.effectiveType") == "3g"
    vent_paa_klar(page)
    assert page.get_attribute("[data-beregner]", "data-start") == "normal"
    assert not [s for s in anmodninger if "snapshot-" in s]
    assert _svar(page) == calculators.run("noegletal", DATA, formular=True)


def test_start_snapshot_gaelder_ogsaa_paa_langsom_forbindelse(page, base_url):
    _langsom(page)
    page.goto(base_url + SIDE + "?start=snapshot")
    vent_paa_klar(page)
    assert page.get_attribute("[data-beregner]", "data-start") == "snapshot"


def test_uden_manifest_paa_siden_henter_workeren_det(page, base_url, anmodninger):
    """A page without data-manifest (another generator, or a page cached from an older build): the worker asks
    for manifest.json and starts as usual."""
    def uden_manifest(route):
        svar = route.fetch()
        html = re.sub(r' data-manifest="[^"]*"', "", svar.text())
        assert "data-start-beregner" in html
        route.fulfill(response=svar, body=html)

    page.route(re.compile(r".*/beregnere/noegletal/(\?.*)?$"), uden_manifest)
    page.goto(base_url + SIDE)
    vent_paa_klar(page)
    assert "/assets/beregnere/manifest.json" in anmodninger
    assert page.get_attribute("[data-beregner]", "data-start") == "snapshot"
    assert _svar(page) == calculators.run("noegletal", DATA, formular=True)


def test_workeren_varmer_op_naar_siden_er_stille_og_svarer_imens(page, base_url):
    """After the start the worker runs the calculator's worked example while the page is idle (issue 17: the engine
    optimises only code that has run), and ends the warm-up; a call made meanwhile gets its own, right answer."""
    page.goto(base_url + SIDE)
    vent_paa_klar(page)
    assert _svar(page) == calculators.run("noegletal", DATA, formular=True)
    # Polled with evaluate(): wait_for_function() uses eval, which the site's security policy forbids.
    opvarmet = page.evaluate("""async () => {
      for (let i = 0; i < 600 && !(window.__lbfTider || {}).opvarmet; i++) await new Promise((r) => setTimeout(r, 100));
      return Boolean((window.__lbfTider || {}).opvarmet); }""")
    assert opvarmet
    assert _svar(page) == calculators.run("noegletal", DATA, formular=True)
