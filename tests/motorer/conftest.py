"""The cross-browser suite: the built site in Firefox (Playwright) and WebKit (Selenium).

Chromium has the full suite in tests/browser; here the same site runs in the two other engines
readers use (Firefox; Safari's engine WebKit, as WebKitGTK's MiniBrowser under an Xvfb display).
Both engines load the site through a small test proxy in front of nginx (deploy/nginx.conf).
The proxy adds one test-only probe script (tests/motorer/proeve.js, never in site/) to each page,
after the page's own security policy, which therefore applies to it unchanged; the probe records
what a console would show. The proxy can also go "offline" (it drops every connection), which
works the same in both engines. Each test gets a fresh browser profile (Firefox: a new context;
WebKit: a new session) and fails on anything the probe, the proxy or (Firefox) the driver saw.
"""

from __future__ import annotations

import contextlib
import gzip
import http.client
import http.server
import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

import brotli
import pytest

HER = Path(__file__).resolve().parent
sys.path.insert(0, str(HER.parent / "browser"))  # hjaelp.py, nginx.py (tests/browser)
sys.path.insert(0, str(HER))

from motorhjaelp import FIREFOX, MINIBROWSER, WEBKITDRIVER, FirefoxSide, WebKitSide  # noqa: E402
from nginx import nginx_server  # noqa: E402  (tests/browser/nginx.py)

XVFB = shutil.which("Xvfb") or "/usr/bin/Xvfb"
MOTORER = ("firefox", "webkit")
PROEVE = "/__lbf_proeve__.js"
PROEVE_JS = (HER / "proeve.js").read_bytes()


# -- versions in the test output ------------------------------------------------------------
def _version(befaling: list[str]) -> str:
    try:
        return subprocess.run(befaling, capture_output=True, text=True, timeout=30).stdout.strip() or "?"
    except (OSError, subprocess.TimeoutExpired):
        return "mangler"


def _pakke(navn: str) -> str:
    return _version(["dpkg-query", "-W", "-f=${Version}", navn])


def browser_versioner() -> list[str]:
    from importlib.metadata import PackageNotFoundError, version

    def py(navn):
        try:
            return version(navn)
        except PackageNotFoundError:
            return "mangler"
    return [
        f"Chromium: {_version(['/usr/bin/chromium', '--version'])} (Playwright {py('playwright')})",
        f"Firefox: {_version([FIREFOX, '--version'])} (Playwright {py('playwright')}, WebDriver BiDi)",
        f"WebKitGTK: {_pakke('libwebkit2gtk-4.1-0')} (Selenium {py('selenium')}, WebKitWebDriver "
        f"{_pakke('webkit2gtk-driver')}, Xvfb {_pakke('xvfb')})",
    ]


def pytest_configure(config):
    # Selenium 4.51's own WebKitGTK driver class still uses a deprecated setting internally.
    config.addinivalue_line("filterwarnings", "ignore:setting remote_server_addr:DeprecationWarning")


def pytest_report_header(config):
    return ["browsers: " + "; ".join(browser_versioner())]


# -- the test proxy ---------------------------------------------------------------------------
class Proxy:
    """Forwards to nginx; injects the probe into HTML; records failed responses; can go offline."""

    def __init__(self, upstream: str):
        self.upstream = urlsplit(upstream).netloc
        self.offline = False
        self.problemer: list[str] = []
        proxy = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *a):
                pass

            def do_GET(self):
                proxy.haandter(self)

            do_HEAD = do_GET

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def haandter(self, h) -> None:
        if self.offline:
            h.close_connection = True
            with contextlib.suppress(OSError):
                h.connection.shutdown(2)
            return
        sti = h.path
        if urlsplit(sti).path == PROEVE:
            self._svar(h, 200, [("Content-Type", "text/javascript"), ("Cache-Control", "no-store")], PROEVE_JS)
            return
        forbindelse = http.client.HTTPConnection(self.upstream, timeout=60)
        hoveder = {k: v for k, v in h.headers.items() if k.lower() not in ("host", "connection", "keep-alive")}
        forbindelse.request(h.command, sti, headers=hoveder)
        svar = forbindelse.getresponse()
        krop = svar.read()
        forbindelse.close()
        ud = [(k, v) for k, v in svar.getheaders()
              if k.lower() not in ("connection", "keep-alive", "transfer-encoding", "content-length")]
        if svar.status >= 400:
            self.problemer.append(f"HTTP {svar.status} for {sti}")
        if svar.status == 200 and (svar.getheader("Content-Type") or "").startswith("text/html") and h.command == "GET":
            kodning = svar.getheader("Content-Encoding") or ""
            if kodning == "gzip":
                krop = gzip.decompress(krop)
            elif kodning == "br":  # nginx's brotli_static (deploy/nginx.conf)
                krop = brotli.decompress(krop)
            krop = indsaet_proeve(krop, h.headers.get("X-Lbf-Hent", ""))
            ud = [(k, v) for k, v in ud if k.lower() not in ("content-encoding", "etag")]
        self._svar(h, svar.status, ud, krop)

    @staticmethod
    def _svar(h, status, hoveder, krop):
        h.send_response_only(status)
        for k, v in hoveder:
            h.send_header(k, v)
        h.send_header("Content-Length", str(len(krop)))
        h.end_headers()
        if h.command != "HEAD":
            with contextlib.suppress(OSError):
                h.wfile.write(krop)

    def luk(self):
        self.server.shutdown()
        self.server.server_close()


_CSP_META = re.compile(rb'<meta http-equiv="Content-Security-Policy"[^>]*>', re.I)


def indsaet_proeve(html: bytes, _hent: str = "") -> bytes:
    """The probe as the first script, right after the page's own security policy."""
    tag = f'<script src="{PROEVE}?hent={PROEVE_HENT}"></script>'.encode()
    m = _CSP_META.search(html)
    if m:
        return html[:m.end()] + tag + html[m.end():]
    return re.sub(rb"<head[^>]*>", lambda m: m.group(0) + tag, html, count=1)


# The WebKit run cancels downloads in the probe (set per session by the engine fixture below).
PROEVE_HENT = "lad"


@pytest.fixture(scope="session")
def motor_site(bygget_site, tmp_path_factory):
    with nginx_server(bygget_site, tmp_path_factory.mktemp("nginx-motorer")) as url:
        proxy = Proxy(url)
        yield proxy
        proxy.luk()


# -- the engines ------------------------------------------------------------------------------
@contextlib.contextmanager
def xvfb():
    """A virtual X display for MiniBrowser (it has no headless mode); stopped by its PID."""
    for n in range(90, 200):
        if not Path(f"/tmp/.X{n}-lock").exists() and not Path(f"/tmp/.X11-unix/X{n}").exists():
            break
    proc = subprocess.Popen([XVFB, f":{n}", "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(200):
            if Path(f"/tmp/.X11-unix/X{n}").exists():
                break
            if proc.poll() is not None:
                raise RuntimeError("Xvfb stopped")
            time.sleep(0.05)
        yield f":{n}"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture(scope="session", params=MOTORER)
def motor(request, motor_site):
    """One engine for the session: ("firefox", Playwright browser) or ("webkit", display)."""
    global PROEVE_HENT
    if request.param == "firefox":
        if not Path(FIREFOX).exists():
            pytest.fail("firefox-esr is missing: apt-get install -y firefox-esr")
        pw = request.getfixturevalue("playwright")  # pytest-playwright's session (one per process)
        # Downloads go to a known folder: Playwright 1.64.1 never reports a download of Firefox
        # ESR 153 (see FirefoxSide.hent_fil), so the test reads the file Firefox saved there.
        hentemappe = request.getfixturevalue("tmp_path_factory").mktemp("firefox-hentninger")
        # Firefox fetches a page's <link rel="next"> (Material writes one) in advance; when a test goes on to another
        # page first, the aborted fetch reaches Playwright as a page error "NS_BINDING_ABORTED" (through the
        # service worker only, and only now and then: reproduced 5 in 12 loads, at this commit and the one before,
        # and 0 in 10 with the prefetch off). Nothing of the site's is aborted; a test that fails on it tests timing.
        browser = pw.firefox.launch(executable_path=FIREFOX, channel="moz-firefox", downloads_path=hentemappe,
                                    firefox_user_prefs={"intl.accept_languages": "da-DK, da",
                                                        "network.prefetch-next": False})
        browser.lbf_hentemappe = hentemappe
        PROEVE_HENT = "lad"
        yield ("firefox", browser)
        browser.close()
    else:
        for f in (WEBKITDRIVER, MINIBROWSER, XVFB):
            if not Path(f).exists():
                pytest.fail(f"{f} is missing: apt-get install -y webkit2gtk-driver xvfb")
        PROEVE_HENT = "fang"
        with xvfb() as display:
            yield ("webkit", display)
        PROEVE_HENT = "lad"


@pytest.fixture
def side(motor, motor_site, tmp_path):
    """A fresh page in the engine; fails the test on any problem seen."""
    navn, ting = motor
    motor_site.problemer.clear()
    motor_site.offline = False
    s = FirefoxSide(ting, motor_site) if navn == "firefox" else WebKitSide(ting, motor_site, tmp_path)
    try:
        yield s
        rest = s.problemer()
    finally:
        motor_site.offline = False
        s.luk()
    assert rest == [], rest
