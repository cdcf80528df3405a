"""Save to a file and load it back, and an offline reload, in Firefox and WebKit."""

from __future__ import annotations

import importlib
import json

import pytest
from test_motor_start import SIDER

import calculators

pytestmark = pytest.mark.browser

ROD = "document.querySelector('[data-beregner]')"
MED_FILER = ("budgettjek", "merinvestering", "groen_garanti")


@pytest.mark.parametrize("navn", MED_FILER)
def test_gem_og_hent_fil(side, navn, tmp_path):
    side.aaben(SIDER[navn])
    felter = importlib.import_module(f"test_{navn}_side").KORPUS[0]
    side.evaluate(f"f => {{ {ROD}.lbf.udfyld(f); }}", felter)
    data = side.samlet()
    filnavn, tekst = side.hent_fil("[data-hent-json]", tmp_path)
    gemt = json.loads(tekst)
    assert filnavn.endswith(".json") and gemt["beregner"] == navn
    assert gemt["inddata"] == data
    # Start again from an empty page (a new visit), then load the saved file.
    side.evaluate("() => { localStorage.clear(); sessionStorage.clear(); }")
    side.reload()
    side.vent_paa_klar()
    assert side.samlet() != data
    fil = tmp_path / "gemt.json"
    fil.write_text(tekst, encoding="utf-8")
    side.saet_fil("[data-indlaes-json]", fil)
    # The message is written in the file input's own line (filer.js: sigTil(..., input.parentElement)),
    # not in the calculator's first [data-besked].
    side.vent("() => (document.querySelector('[data-indlaes-json]').parentElement"
              ".querySelector('[data-besked]')?.textContent || '').includes('indlæst')",
              besked="the file to be loaded")
    assert side.samlet() == data


def test_offline_genindlaesning(side):
    """After one visit the service worker serves the page and the runtime: the proxy in front of
    the server drops every connection, the page reloads and still computes."""
    data = {"rolle": "entreprenoer", "tilsagnsdato": "2012-01-01", "udbudsdato": "2015-01-01", "beloeb_kr": "320.000"}
    side.aaben(SIDER["noegletal"])
    # Wait until the service worker has cached the page, every file the page itself loaded (its glue
    # modules too: WebKit once went offline before beregner.js was in the cache; the service worker's own
    # script, which WebKit lists among the page's resources, is never cached), the runtime, and what
    # Material's search worker loads (its language files, which the page names for it: offline.js). On the
    # snapshot path, the snapshot too: it is stored last, after the module that reads it.
    side.vent("""async () => { await navigator.serviceWorker.ready;
        const runtime = await (await caches.open('lbf-runtime')).keys();
        const gemt = async (u) => !!(await caches.match(u, { ignoreVary: true }));
        const egne = performance.getEntriesByType('resource').map(e => e.name)
          .filter(u => u.startsWith(location.origin) && !u.includes('/assets/pyodide/') && !u.endsWith('/sw.js'));
        return !!navigator.serviceWorker.controller && runtime.some(r => r.url.endsWith('.wasm'))
          && runtime.some(r => r.url.endsWith('.whl')) && await gemt(location.href.split('#')[0])
          && (document.querySelector('[data-beregner]').dataset.start !== 'snapshot'
              || runtime.some(r => r.url.endsWith('.bin')))
          && (await Promise.all(egne.map(gemt))).every(Boolean)
          && await gemt(new URL('/assets/javascripts/lunr/min/lunr.da.min.js', location.href).href); }""",
              timeout=90, besked="the service worker's cache")
    side.site.offline = True
    side.reload()
    side.vent_paa_klar()
    svar = side.evaluate(f"d => {ROD}.lbf.kald(d)", data)["svar"]
    assert svar["resultat"] == calculators.run("noegletal", data, formular=True)
