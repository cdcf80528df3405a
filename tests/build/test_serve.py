"""`make serve`'s server sends what nginx sends: after a rebuild an editor's browser revalidates pages at once,
and versioned files are cached for a year (the values are read from deploy/nginx.conf itself)."""

from __future__ import annotations

import gzip
import threading
import urllib.request

import brotli
import pytest

from build_scripts.serve import lav_server


@pytest.fixture
def server(tmp_path):
    (tmp_path / "index.html").write_text("<!DOCTYPE html><title>x</title>", encoding="utf-8")
    runtime = tmp_path / "assets" / "pyodide" / "314.0.7"
    runtime.mkdir(parents=True)
    (runtime / "pyodide.asm.wasm").write_bytes(b"\0asm")
    (runtime / "pyodide.asm.wasm.br").write_bytes(brotli.compress(b"\0asm"))
    (runtime / "pyodide.asm.wasm.gz").write_bytes(gzip.compress(b"\0asm"))
    (tmp_path / "kun.js").write_text("const x = 1;")
    (tmp_path / "aendringer.xml").write_text("<feed/>")
    (tmp_path / "sitemap.xml").write_text("<urlset/>")
    (tmp_path / "kun.js.gz").write_bytes(gzip.compress(b"const x = 1;"))
    srv = lav_server(tmp_path)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{srv.server_address[1]}"
    srv.shutdown()


def _hoveder(url: str) -> dict[str, str]:
    with urllib.request.urlopen(url) as svar:
        return dict(svar.headers)


def test_sider_revalideres_og_versionerede_filer_gemmes(server):
    assert _hoveder(server + "/")["Cache-Control"] == "no-cache"
    assert _hoveder(server + "/assets/pyodide/314.0.7/pyodide.asm.wasm")["Cache-Control"] == \
        "public, max-age=31536000, immutable"


def test_sikkerhedshovederne_som_nginx(server):
    h = _hoveder(server + "/")
    assert h["Content-Security-Policy"].startswith("default-src 'self'")
    assert h["X-Content-Type-Options"] == "nosniff"


def _hent(url: str, accept: str | None) -> tuple[str | None, bytes]:
    req = urllib.request.Request(url, headers={"Accept-Encoding": accept} if accept else {})
    with urllib.request.urlopen(req) as svar:
        return svar.headers.get("Content-Encoding"), svar.read()


def test_brotli_foer_gzip_som_nginx(server):
    """As nginx's brotli_static and gzip_static: the .br copy when the browser accepts br, else the .gz."""
    wasm = server + "/assets/pyodide/314.0.7/pyodide.asm.wasm"
    kodning, krop = _hent(wasm, "gzip, deflate, br, zstd")
    assert kodning == "br" and brotli.decompress(krop) == b"\0asm"
    kodning, krop = _hent(wasm, "gzip, deflate")
    assert kodning == "gzip" and gzip.decompress(krop) == b"\0asm"
    assert _hent(wasm, None) == (None, b"\0asm")
    # No .br copy: gzip even when br is accepted.
    kodning, krop = _hent(server + "/kun.js", "br, gzip")
    assert kodning == "gzip" and gzip.decompress(krop) == b"const x = 1;"


def test_aendringsfeedet_er_atom_som_hos_nginx(server):
    for sti, typ in (("/aendringer.xml", "application/atom+xml"), ("/sitemap.xml", "application/xml")):
        with urllib.request.urlopen(server + sti) as svar:
            assert svar.headers.get_content_type() == typ, sti
