"""``make bench``: how fast the calculators start and answer, measured in Chromium.

Measures, in one run on this machine, with a cold browser cache for every page load
(a new browser context each time) and the built site served on 127.0.0.1:

a. bare Pyodide: a blank page whose module worker runs ``loadPyodide()`` then ``1+1``;
b. calculator page navigation → ready (the worker has Python and the wheel loaded);
c. navigation → first result: the worked example rendered at build time is visible, and
   navigation → first computed answer (ready plus one round trip);
d. recalculation round trip (form filled, Python run in the worker, HTML inserted) p50/p95
   over 50 changes.

Each start figure is the median of ``--runs`` runs. Nothing here asserts: it prints.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import statistics
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

from build_scripts.serve import SiteHandler

ROD = Path(__file__).resolve().parents[2]
BENCH = Path(__file__).resolve().parent
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]

# Per calculator page: a function of i giving the i-th changed input (form texts).
AENDRINGER = {
    "noegletal": lambda i: {"rolle": "entreprenoer", "tilsagnsdato": "2012-01-01",
                            "udbudsdato": "2015-01-01", "beloeb_kr": f"{299_990 + i}"},
}
SIDER = {"noegletal": "/beregnere/noegletal/"}

KLAR_MAALER = """
(() => {
  const t = {};
  const obs = new MutationObserver(() => {
    const r = document.querySelector('[data-beregner]');
    if (r && r.dataset.state === 'ready' && !t.klar) t.klar = performance.now();
    if (!t.eksempel && document.querySelector('.lbf-eksempel')) t.eksempel = performance.now();
  });
  obs.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
  window.__lbf = t;
})();
"""


class _Handler(SiteHandler):
    """The built site, plus the bare-Pyodide reference page under /__bench/."""

    def __init__(self, *a, site: str, **kw):
        super().__init__(*a, directory=site, **kw)

    def translate_path(self, path):
        if path.startswith("/__bench/"):
            return str(BENCH / path.split("?")[0][len("/__bench/"):])
        return super().translate_path(path)

    def log_message(self, *a):
        pass


def _server(site: Path):
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Handler, site=str(site)))
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    return srv, f"http://127.0.0.1:{srv.server_address[1]}"


def _bare(browser, base: str) -> float:
    ctx = browser.new_context()
    page = ctx.new_page()
    page.goto(base + "/__bench/blank.html")
    page.wait_for_function("window.__bare", timeout=120_000)
    ms = page.evaluate("window.__bare.klar")
    assert page.evaluate("window.__bare.svar") == 2
    ctx.close()
    return ms


def _side(browser, base: str, navn: str) -> dict:
    ctx = browser.new_context()
    page = ctx.new_page()
    page.add_init_script(KLAR_MAALER)
    page.goto(base + SIDER[navn])
    page.wait_for_selector("[data-beregner][data-state='ready']", timeout=120_000)
    maal = page.evaluate("window.__lbf")
    maal["faser"] = page.evaluate("window.__lbfTider || {}")
    # First computed answer: one round trip right after ready.
    foerste = page.evaluate("""async (d) => {
        const r = document.querySelector('[data-beregner]');
        const t0 = performance.now();
        await r.lbf.kald(d);
        return performance.now() - t0; }""", AENDRINGER[navn](0))
    runder = page.evaluate("""async (liste) => {
        const r = document.querySelector('[data-beregner]');
        const tider = [];
        for (const d of liste) {
          const t0 = performance.now();
          r.lbf.udfyld(d);
          await r.lbf.beregn.koer();
          tider.push(performance.now() - t0);
        }
        return tider; }""", [AENDRINGER[navn](i) for i in range(1, 51)])
    ctx.close()
    return {"faser": maal["faser"], "klar": maal["klar"], "eksempel": maal.get("eksempel"), "foerste_svar": maal["klar"] + foerste,
            "runder": runder}


def _pct(xs, p):
    xs = sorted(xs)
    k = (len(xs) - 1) * p / 100
    f = int(k)
    return xs[f] + (xs[min(f + 1, len(xs) - 1)] - xs[f]) * (k - f)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--site", default=str(ROD / "site"))
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    srv, base = _server(Path(args.site))
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        bare = statistics.median(_bare(browser, base) for _ in range(args.runs))
        print(f"(a) bare Pyodide, navigation → 1+1 (median of {args.runs}):  {bare:8.0f} ms")
        for navn in SIDER:
            maalinger = [_side(browser, base, navn) for _ in range(args.runs)]
            klar = statistics.median(m["klar"] for m in maalinger)
            eks = statistics.median(m["eksempel"] for m in maalinger if m["eksempel"] is not None)
            foerste = statistics.median(m["foerste_svar"] for m in maalinger)
            runder = [t for m in maalinger for t in m["runder"]]
            print(f"\n{navn} ({SIDER[navn]}):")
            print(f"(b) navigation → ready:                      {klar:8.0f} ms   ratio b/a = {klar / bare:.2f}")
            print(f"(c) navigation → worked example visible:     {eks:8.0f} ms")
            print(f"    navigation → first computed answer:      {foerste:8.0f} ms")
            faser = {k: statistics.median(m["faser"].get(k, 0) for m in maalinger) for k in maalinger[0]["faser"]}
            print("    phases (ms after navigation): " + ", ".join(f"{k} {v:.0f}" for k, v in faser.items()))
            print(f"(d) recalculation round trip over {len(runder)} changes: "
                  f"p50 {_pct(runder, 50):.1f} ms, p95 {_pct(runder, 95):.1f} ms")
        browser.close()
    srv.shutdown()


if __name__ == "__main__":
    main()
