"""The built site through Debian's nginx with deploy/nginx.conf: types, compression, caching
and a strict security policy."""

from __future__ import annotations

import json
import re
import urllib.request
from pathlib import Path

import brotli
import pytest
import yaml

ROD = Path(__file__).resolve().parents[2]


def hent(url: str, gzip: bool = False, accept: str | None = None):
    accept = accept or ("gzip" if gzip else None)
    req = urllib.request.Request(url, headers={"Accept-Encoding": accept} if accept else {})
    with urllib.request.urlopen(req) as svar:
        return svar.status, svar.headers, svar.read()


@pytest.fixture(scope="module")
def manifest(base_url):
    return json.loads(hent(base_url + "/assets/beregnere/manifest.json")[2])


def test_typer(base_url, manifest):
    pyo = f"/assets/pyodide/{manifest['pyodide']}/"
    forventet = {pyo + "pyodide.asm.wasm": "application/wasm", pyo + "pyodide.mjs": "text/javascript",
                 pyo + "pyodide.asm.mjs": "text/javascript", "/": "text/html",
                 "/javascripts/beregner.js": "text/javascript", "/frister.ics": "text/calendar",
                 "/aendringer.xml": "application/atom+xml", "/sitemap.xml": "application/xml"}
    for sti, typ in forventet.items():
        assert hent(base_url + sti)[1]["Content-Type"].startswith(typ), sti


def test_store_filer_sendes_forkomprimeret(base_url, manifest):
    for sti in (f"/assets/pyodide/{manifest['pyodide']}/pyodide.asm.wasm", f"/assets/beregnere/{manifest['snapshot']}",
                f"/assets/beregnere/{manifest['stdlib']['normal']}"):
        status, h, krop = hent(base_url + sti, gzip=True)
        assert h["Content-Encoding"] == "gzip", sti
        assert int(h["Content-Length"]) < 0.5 * len(__import__("gzip").decompress(krop))
        # Brotli (nginx's brotli_static) where the browser accepts it: smaller still.
        status, hb, krop_br = hent(base_url + sti, accept="gzip, deflate, br, zstd")
        assert hb["Content-Encoding"] == "br", sti
        assert brotli.decompress(krop_br) == __import__("gzip").decompress(krop), sti
        assert int(hb["Content-Length"]) < int(h["Content-Length"]), sti
        assert "Accept-Encoding" in hb.get("Vary", ""), sti
    # A page too.
    assert hent(base_url + "/", accept="br")[1]["Content-Encoding"] == "br"


def test_cache_regler(base_url, manifest):
    evig = "public, max-age=31536000, immutable"
    assert hent(base_url + f"/assets/pyodide/{manifest['pyodide']}/pyodide.asm.wasm")[1]["Cache-Control"] == evig
    assert hent(base_url + f"/assets/beregnere/{manifest['hjul']}")[1]["Cache-Control"] == evig
    for sti in ("/", "/beregnere/noegletal/", "/assets/beregnere/manifest.json", "/sw.js", "/javascripts/beregner.js"):
        assert hent(base_url + sti)[1]["Cache-Control"] == "no-cache", sti


def test_sikkerhedshoveder(base_url):
    h = hent(base_url + "/")[1]
    csp = h["Content-Security-Policy"]
    for d in ("default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "worker-src 'self'", "object-src 'none'",
              "base-uri 'none'", "frame-ancestors 'none'"):
        assert d in csp
    assert "unsafe-eval'" not in csp.replace("wasm-unsafe-eval", "") and "unsafe-inline" not in csp
    assert h["X-Content-Type-Options"] == "nosniff"
    assert h["Referrer-Policy"] and h["Permissions-Policy"]
    # 404 pages carry the policy too.
    with pytest.raises(urllib.error.HTTPError) as e:
        hent(base_url + "/findes-ikke/")
    assert e.value.headers["Content-Security-Policy"] == csp


def test_meta_politik_er_den_samme_som_serverens(base_url):
    server = hent(base_url + "/")[1]["Content-Security-Policy"]
    meta = yaml.load((ROD / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)["extra"]["csp"]
    assert server == meta.replace("; form-action", "; frame-ancestors 'none'; form-action")
    html = hent(base_url + "/beregnere/noegletal/")[2].decode()
    m = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)"', html)
    assert m and m.group(1).replace("&#39;", "'") == meta
