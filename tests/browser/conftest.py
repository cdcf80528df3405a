"""Browser tests drive the real built site in Debian's Chromium via Playwright.

Every test page fails on a console error, an uncaught page error, or a request to any host
but the local server: the site must be self-contained.
"""

from __future__ import annotations

import os
import threading
from urllib.parse import urlsplit

import pytest
from hjaelp import START_TIMEOUT_MS
from nginx import nginx_server  # tests/browser/nginx.py

from build_scripts.serve import lav_server

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic", "--lang=da-DK",
]


@pytest.fixture(scope="session")
def base_url(bygget_site, tmp_path_factory):
    """The site as a real host serves it: nginx with deploy/nginx.conf (LBF_SERVER=python
    switches to the small development server, for a quick local run)."""
    if os.environ.get("LBF_SERVER") == "python":
        server = lav_server(bygget_site)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        yield f"http://127.0.0.1:{server.server_address[1]}"
        server.shutdown()
        return
    with nginx_server(bygget_site, tmp_path_factory.mktemp("nginx")) as url:
        yield url


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # The service worker is blocked here, so that page.route() sees every request; the
    # offline tests open their own contexts with it allowed.
    return {**browser_context_args, "locale": "da-DK", "service_workers": "block"}


@pytest.fixture
def problemer():
    """Console errors, page errors and foreign requests seen by the test's page."""
    return []


@pytest.fixture(autouse=True)
def _vagt(request, problemer):
    if "page" not in request.fixturenames:
        yield
        return
    page = request.getfixturevalue("page")
    base = request.getfixturevalue("base_url")
    vaert = urlsplit(base).netloc
    page.set_default_timeout(START_TIMEOUT_MS)

    def konsol(msg):
        if msg.type == "error":
            problemer.append(f"console error: {msg.text}")

    def anmodning(req):
        u = urlsplit(req.url)
        if u.scheme in ("data", "blob", "about"):
            return
        if u.netloc != vaert:
            problemer.append(f"request to another host: {req.url}")

    page.on("console", konsol)
    page.on("pageerror", lambda e: problemer.append(f"page error: {e}"))
    # On the context, so that requests from the calculator's Web Worker are seen too.
    page.context.on("request", anmodning)
    yield
    tilladte = getattr(request.node, "tilladte_problemer", ())
    rest = [p for p in problemer if not any(t in p for t in tilladte)]
    assert rest == [], rest
