"""Offline after the first visit, and no stale calculator after a new build (service worker)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hjaelp import vent_paa_klar  # tests/browser/hjaelp.py
from nginx import nginx_server
from playwright.sync_api import expect

import calculators

pytestmark = pytest.mark.browser

ROD = Path(__file__).resolve().parents[2]
SIDE = "/beregnere/noegletal/"
DATA = {"rolle": "entreprenoer", "tilsagnsdato": "2012-01-01", "udbudsdato": "2015-01-01", "beloeb_kr": "320.000"}

VENT_PAA_CACHE = """async () => {
  const reg = await navigator.serviceWorker.ready;
  for (let i = 0; i < 600; i++) {
    const runtime = await (await caches.open('lbf-runtime')).keys();
    const sider = (await caches.keys()).filter(n => n.startsWith('lbf-sider-'));
    const side = sider.length ? await (await caches.open(sider[0])).match(location.href.split('#')[0]) : null;
    if (navigator.serviceWorker.controller && side && runtime.some(r => r.url.endsWith('.wasm'))
        && runtime.some(r => r.url.endsWith('.whl'))
        && (document.querySelector('[data-beregner]').dataset.start !== 'snapshot' || runtime.some(r => r.url.endsWith('.bin'))))
      return sider;
    await new Promise(r => setTimeout(r, 100));
  }
  throw new Error('the service worker did not cache the page and runtime');
}"""


def kald(page, data):
    return page.evaluate("d => document.querySelector('[data-beregner]').lbf.kald(d)", data)["svar"]


@pytest.fixture
def sw_side(browser, base_url):
    ctx = browser.new_context(service_workers="allow", locale="da-DK")
    page = ctx.new_page()
    fejl = []
    page.on("console", lambda m: m.type == "error" and fejl.append(m.text))
    yield ctx, page, fejl
    ctx.close()


def test_virker_offline_efter_foerste_besoeg(sw_side, base_url):
    ctx, page, fejl = sw_side
    page.goto(base_url + SIDE)
    vent_paa_klar(page)
    page.evaluate(VENT_PAA_CACHE)
    ctx.set_offline(True)
    page.reload()
    vent_paa_klar(page)
    assert kald(page, DATA)["resultat"] == calculators.run("noegletal", DATA, formular=True)
    # A guide page visited before works offline too; the example is there.
    expect(page.locator(".lbf-eksempel")).to_be_visible()
    assert fejl == []


def _byg(kilde: Path, ud: Path) -> None:
    """As `make build`, from the copy: `python -m` with the copy as working folder imports the
    copy's calculators and build_scripts, so the wheel carries the changed rule."""
    for befaling in (["mkdocs", "build", "--strict", "-q", "-d", str(ud)], ["build_scripts.efterbyg", str(ud)]):
        proc = subprocess.run([sys.executable, "-m", *befaling], cwd=kilde, capture_output=True, text=True,
                              env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "LBF_UDEN_SNAPSHOT": "1"})
        assert proc.returncode == 0, proc.stderr


def test_ny_build_erstatter_cachen(browser, tmp_path):
    """A rule changes (the entreprenør threshold), the site is rebuilt in place: the next
    visit computes with the new rule and the old page cache is gone."""
    kopi = tmp_path / "projekt"
    shutil.copytree(ROD, kopi, ignore=shutil.ignore_patterns(".git", ".venv", "site", "node_modules", "dist"))
    (kopi / "node_modules").symlink_to(ROD / "node_modules")
    site = tmp_path / "site"
    _byg(kopi, site)
    with nginx_server(site, tmp_path / "nginx") as url:
        ctx = browser.new_context(service_workers="allow", locale="da-DK")
        page = ctx.new_page()
        page.goto(url + SIDE)
        vent_paa_klar(page)
        foer = page.evaluate(VENT_PAA_CACHE)
        assert kald(page, DATA)["resultat"]["omfattet"] is True

        toml = kopi / "calculators" / "data" / "noegletal.toml"
        toml.write_text(toml.read_text().replace("taerskel_kr = 300000", "taerskel_kr = 350000", 1))
        _byg(kopi, site)

        page.reload()
        vent_paa_klar(page)
        svar = kald(page, DATA)["resultat"]
        assert svar["omfattet"] is False
        assert "350.000" in next(b["tekst"] for b in svar["begrundelser"] if b["betingelse"] == "beloeb")
        page.wait_for_function(
            "async (gamle) => { const n = (await caches.keys()).filter(k => k.startsWith('lbf-sider-'));"
            " return n.length === 1 && !gamle.includes(n[0]); }", arg=foer, timeout=30_000)
        ctx.close()
