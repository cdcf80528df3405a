"""`make serve`'s server sends what nginx sends: after a rebuild an editor's browser revalidates pages at once,
and versioned files are cached for a year (the values are read from deploy/nginx.conf itself)."""

from __future__ import annotations

import threading
import urllib.request

import pytest

from build_scripts.serve import lav_server


@pytest.fixture
def server(tmp_path):
    (tmp_path / "index.html").write_text("<!DOCTYPE html><title>x</title>", encoding="utf-8")
    runtime = tmp_path / "assets" / "pyodide" / "314.0.7"
    runtime.mkdir(parents=True)
    (runtime / "pyodide.asm.wasm").write_bytes(b"\0asm")
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
