"""One small page API over two drivers: Playwright (Firefox) and Selenium (WebKit).

Each side has ``evaluate(js, arg)`` (a JS function, called with ``arg``, or an expression;
promises are awaited) and ``keyboard.press/type`` with Playwright's key names, so the Chromium
suite's helpers (tests/browser/hjaelp.py: ``tab_til``, ``samme_svar_som_cpython``) run unchanged.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

FIREFOX = "/usr/bin/firefox-esr"
WEBKITDRIVER = "/usr/bin/WebKitWebDriver"
MINIBROWSER = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser"
START_TIMEOUT_S = 90  # Pyodide's first start on a busy 2-core machine; not a speed goal

ROD = "document.querySelector('[data-beregner]')"

PROBLEMER_JS = "() => window.__lbfProeve ? window.__lbfProeve.problemer.slice() : ['the probe did not run']"
SIDSTE_FIL_JS = """async () => {
  const f = window.__lbfProeve.filer.at(-1);
  return f ? { navn: f.navn, tekst: f.blob ? await f.blob.text() : null } : null;
}"""


class _Side:
    """What both engines share: waiting, state, problems."""

    navn = ""

    def __init__(self, site):
        self.site = site
        self.url = site.url
        self._tidligere: list[str] = []

    def vent(self, js: str, arg=None, timeout: float = 30, besked: str = ""):
        """Poll ``js`` until it is truthy; its value."""
        slut = time.monotonic() + timeout
        while True:
            v = self.evaluate(js, arg)
            if v:
                return v
            if time.monotonic() > slut:
                raise AssertionError(f"{self.navn}: timed out waiting for {besked or js}")
            time.sleep(0.05)

    def vent_paa_klar(self) -> str:
        """Wait for data-state="ready" (failing at once on "error"); the start path taken."""
        tilstand = self.vent(f"() => {{ const r = {ROD}; return r && ['ready', 'error'].includes(r.dataset.state)"
                             f" && r.dataset.state; }}", timeout=START_TIMEOUT_S, besked="data-state=ready")
        assert tilstand == "ready", (self.navn, self.evaluate(f"{ROD}.querySelector('[data-status]')?.textContent"))
        return self.evaluate(f"{ROD}.dataset.start")

    def aaben(self, sti: str) -> str:
        self.goto(self.url + sti)
        return self.vent_paa_klar()

    def aktiv_id(self) -> str:
        return self.evaluate("document.activeElement && document.activeElement.id")

    def vaerdi(self, selector: str):
        return self.evaluate("s => document.querySelector(s).value", selector)

    def synlig(self, selector: str) -> bool:
        return self.evaluate("s => { const e = document.querySelector(s); return !!e && e.checkVisibility(); }",
                             selector)

    def vent_synlig(self, selector: str, timeout: float = 30) -> None:
        self.vent("s => { const e = document.querySelector(s); return !!e && e.checkVisibility(); }", selector,
                  timeout=timeout, besked=f"{selector} visible")

    def tekst(self, selector: str) -> str:
        return self.evaluate("s => document.querySelector(s)?.innerText ?? ''", selector)

    def samlet(self) -> dict:
        return self.evaluate(f"{ROD}.lbf.samlData()")

    def _proeve_problemer(self) -> list[str]:
        try:
            return list(self.evaluate(PROBLEMER_JS) or [])
        except Exception as e:
            return [f"probe unreadable: {e}"]

    def problemer(self) -> list[str]:
        return self._tidligere + self._proeve_problemer() + list(self.site.problemer)

    def foer_navigation(self) -> None:
        """Keep what the current page's probe saw before it is replaced."""
        try:
            if self.evaluate("location.protocol") == "about:":
                return
            self._tidligere += self.evaluate(PROBLEMER_JS) or []
        except Exception:
            pass


class FirefoxSide(_Side):
    navn = "firefox"

    def __init__(self, browser, site):
        super().__init__(site)
        self.browser = browser
        self.ctx = browser.new_context(locale="da-DK", accept_downloads=True)
        self.page = self.ctx.new_page()
        self.keyboard = self.page.keyboard
        self.driver_problemer: list[str] = []
        self.page.on("console", lambda m: m.type == "error" and self.driver_problemer.append(f"console error: {m.text}"))
        # Except Firefox's bare "NS_BINDING_ABORTED" (an nsresult, with no script and no stack): a request the
        # browser itself dropped when the test navigated on. With its rel=next prefetch off (conftest.py) it still
        # came, once in a fresh-clone run; no script of the site throws it.
        self.page.on("pageerror", lambda e: str(e) != "NS_BINDING_ABORTED"
                     and self.driver_problemer.append(f"page error: {e}"))

        def anmodning(req):
            from urllib.parse import urlsplit
            u = urlsplit(req.url)
            if u.scheme not in ("data", "blob", "about") and f"{u.scheme}://{u.netloc}" != self.url:
                self.driver_problemer.append(f"request to another host: {req.url}")
        self.ctx.on("request", anmodning)

    def evaluate(self, js, arg=None):
        return self.page.evaluate(js, arg)

    def goto(self, url):
        self.foer_navigation()
        self.page.goto(url)

    def reload(self):
        self.foer_navigation()
        self.page.reload()

    def saet_fil(self, selector: str, sti: Path) -> None:
        self.page.locator(selector).set_input_files(sti)

    def hent_fil(self, selector: str, mappe: Path) -> tuple[str, str]:
        """Click a download button; the file's name and text, as Firefox saved it.

        Not ``page.expect_download()``: for a download from a link (``<a download>``) Firefox ESR
        153 sends WebDriver BiDi's ``browsingContext.downloadWillBegin``/``downloadEnd`` with
        ``navigation: null`` and no download id, and Playwright 1.64.1 drops such events (its
        ``_onDownloadWillBegin`` returns when both are missing), so no "download" event ever
        comes although Firefox saved the file (``downloadEnd`` status "complete", with its path).
        The browser was launched with ``downloads_path``: wait for the new file there.
        """
        hentemappe = Path(self.browser.lbf_hentemappe)
        foer = set(hentemappe.iterdir())
        self.page.locator(selector).click()

        def ny_fil():
            nye = [f for f in set(hentemappe.iterdir()) - foer if not f.name.endswith(".part")]
            return nye[0] if len(nye) == 1 and nye[0].stat().st_size > 0 else None
        slut = time.monotonic() + 30
        while not (fil := ny_fil()):
            if time.monotonic() > slut:
                raise AssertionError(f"firefox: no file saved in {hentemappe}: {sorted(hentemappe.iterdir())}")
            time.sleep(0.05)
        time.sleep(0.2)  # Firefox renames the finished file into place; let it settle
        kopi = mappe / fil.name
        kopi.write_bytes(fil.read_bytes())
        return kopi.name, kopi.read_text(encoding="utf-8")

    def klik(self, selector: str) -> None:
        self.page.locator(selector).click()

    def problemer(self):
        return self.driver_problemer + super().problemer()

    def luk(self):
        self.ctx.close()


# Playwright key names → WebDriver keys.
def _noegle(navn: str) -> str:
    from selenium.webdriver.common.keys import Keys
    kort = {"Tab": Keys.TAB, "Enter": Keys.ENTER, "Space": Keys.SPACE, "Escape": Keys.ESCAPE,
            "ArrowDown": Keys.ARROW_DOWN, "ArrowUp": Keys.ARROW_UP, "ArrowLeft": Keys.ARROW_LEFT,
            "ArrowRight": Keys.ARROW_RIGHT, "Shift": Keys.SHIFT, "Control": Keys.CONTROL,
            "Backspace": Keys.BACKSPACE, "Home": Keys.HOME, "End": Keys.END}
    return kort.get(navn, navn.lower() if len(navn) == 1 else navn)


class _Tastatur:
    def __init__(self, driver):
        self.driver = driver

    def press(self, kombination: str) -> None:
        from selenium.webdriver.common.action_chains import ActionChains
        *mod, tast = kombination.split("+")
        a = ActionChains(self.driver)
        for m in mod:
            a.key_down(_noegle(m))
        a.send_keys(_noegle(tast))
        for m in reversed(mod):
            a.key_up(_noegle(m))
        a.perform()

    def type(self, tekst: str) -> None:
        from selenium.webdriver.common.action_chains import ActionChains
        ActionChains(self.driver).send_keys(tekst).perform()


class WebKitSide(_Side):
    """MiniBrowser (WebKitGTK) through WebKitWebDriver, on the session's Xvfb display."""

    navn = "webkit"

    def __init__(self, display: str, site, mappe: Path):
        from selenium import webdriver
        from selenium.webdriver.webkitgtk.options import Options
        from selenium.webdriver.webkitgtk.service import Service
        super().__init__(site)
        opts = Options()
        # Passing any argument needs binary_location and --automation too, or the session hangs.
        opts.binary_location = MINIBROWSER
        opts.add_argument("--automation")
        opts.add_argument("--geometry=1280x1000")
        import os
        self.driver = webdriver.WebKitGTK(
            options=opts,
            service=Service(executable_path=WEBKITDRIVER, env={**os.environ, "DISPLAY": display,
                                                                "LANGUAGE": "da_DK:da", "LANG": "C.UTF-8"}))
        self.driver.set_script_timeout(START_TIMEOUT_S)
        self.driver.set_page_load_timeout(START_TIMEOUT_S)
        self.keyboard = _Tastatur(self.driver)

    def evaluate(self, js, arg=None):
        # Playwright semantics: a function is called with the argument; a promise is awaited
        # (WebDriver awaits a returned promise). JSON round trip keeps dicts plain.
        skript = (f"const f = ({js});\n"
                  "return Promise.resolve(typeof f === 'function' ? f(arguments[0]) : f)"
                  ".then(v => JSON.stringify(v === undefined ? null : v));")
        return json.loads(self.driver.execute_script(skript, arg))

    def goto(self, url):
        self.foer_navigation()
        self.driver.get(url)

    def reload(self):
        self.foer_navigation()
        self.driver.refresh()

    def saet_fil(self, selector: str, sti: Path) -> None:
        from selenium.webdriver.common.by import By
        self.driver.find_element(By.CSS_SELECTOR, selector).send_keys(str(sti))

    def hent_fil(self, selector: str, mappe: Path) -> tuple[str, str]:
        """The driver has no download API: the probe records the file the page hands over."""
        foer = self.evaluate("() => window.__lbfProeve.filer.length")
        self.klik(selector)
        self.vent("n => window.__lbfProeve.filer.length > n", foer, besked="a file to save")
        f = self.evaluate(SIDSTE_FIL_JS)
        return f["navn"], f["tekst"]

    def klik(self, selector: str) -> None:
        from selenium.webdriver.common.by import By
        self.driver.find_element(By.CSS_SELECTOR, selector).click()

    def luk(self):
        self.driver.quit()
