"""``make bench``: how fast the calculators start and answer, measured in Chromium.

One run on this machine, the built site served on 127.0.0.1 by the project's own server
(build_scripts/serve.py: pre-compressed files, like deploy/nginx.conf), a cold browser
cache for every page load (a new browser context each time) unless said otherwise:

(a) bare Pyodide: a blank page whose module worker runs ``loadPyodide()`` then ``1+1``
    (the same self-hosted runtime; the reference for every ratio);
(b) calculator page → Ready: the calculator can answer (Python and the wheel loaded);
(c) page → first answer: the worked example rendered at build time is visible, and
    page → first computed answer (Ready plus one round trip);
(d) recalculation: input changed in the form → Python in the worker → HTML in the page,
    p50/p95 over 50 changes (page-side performance.now());
(e) bytes transferred by a guide page and by a calculator page (to Ready);
(f) the start paths at 20 Mbit/s (Chromium DevTools network emulation): snapshot vs plain;
(g) warm visit: a second visit in the same browser (HTTP cache and service worker).

Start figures are medians of ``--runs`` runs. It prints, with the goal of each figure from
the speed issue; it never fails (speed is not asserted in tests).
"""

from __future__ import annotations

import argparse
import functools
import http.server
import statistics
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

import calculators
from build_scripts.bench import motorer
from build_scripts.serve import SiteHandler

ROD = Path(__file__).resolve().parents[2]
BENCH = Path(__file__).resolve().parent
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
MBIT_20 = 20_000_000 / 8  # bytes per second
GUIDESIDE = "/baeredygtighedspuljen/"


def _formtekst(v):
    """The worked example as the texts a user types (Danish decimal comma)."""
    if isinstance(v, dict):
        return {k: _formtekst(x) for k, x in v.items()}
    if isinstance(v, list):
        return [_formtekst(x) for x in v]
    if isinstance(v, bool) or v is None:
        return v
    if isinstance(v, (int, float)):
        return str(v).replace(".", ",")
    return v


def _flad(v, sti="", ud=None):
    ud = {} if ud is None else ud
    if isinstance(v, dict):
        for k, x in v.items():
            _flad(x, f"{sti}.{k}" if sti else k, ud)
    elif isinstance(v, list):
        for i, x in enumerate(v):
            _flad(x, f"{sti}[{i}]", ud)
    else:
        ud[sti] = "" if v is None else v
    return ud


def _merinvestering_20(i: int) -> dict:
    """A 40-year case with 20 measures (the size the speed goal names)."""
    d = dict(calculators.modul("merinvestering").EKSEMPEL)
    levetider = [40, 30, 20, 15, 10]
    d["foranstaltninger"] = [{"navn": f"Tiltag {k + 1}", "merpris_kr": 50_000 + 1_000 * k + i,
                              "levetid_aar": levetider[k % 5], "aendret_drift_kr_aar": 100 * (k % 3)}
                             for k in range(20)]
    d["periode_aar"] = 40
    return d


def _aendring(navn: str, i: int) -> dict:
    """The i-th changed input for calculator ``navn``: its example with one amount moved."""
    if navn == "merinvestering":
        return _flad(_formtekst(_merinvestering_20(i)))
    d = dict(calculators.modul(navn).EKSEMPEL)
    for felt in ("beloeb_kr", "ansoegt_beloeb_kr", "baseline_forbrug_kwh"):
        if felt in d:
            d[felt] = d[felt] + i if felt != "ansoegt_beloeb_kr" else d[felt]
            break
    if navn == "budgettjek":
        d["klimagevinst_ton_co2e"] = 100 + i
    return _flad(_formtekst(d))


# The amount each bench changes (the one _aendring varies).
AENDRET_FELT = {"noegletal": "beloeb_kr", "budgettjek": "klimagevinst_ton_co2e",
                "groen_garanti": "baseline_forbrug_kwh", "merinvestering": "foranstaltninger[0].merpris_kr"}

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
    """The built site, plus the bare-Pyodide reference page under /__bench/. It counts the
    bytes it sends (bodies as sent, compressed where the browser accepted it): the bytes a
    page and its workers transferred."""

    sendt = 0
    laas = threading.Lock()

    def __init__(self, *a, site: str, **kw):
        super().__init__(*a, directory=site, **kw)

    def copyfile(self, source, outputfile):
        while blok := source.read(1 << 16):
            outputfile.write(blok)
            with _Handler.laas:
                _Handler.sendt += len(blok)

    def translate_path(self, path):
        if path.startswith("/__bench/"):
            return str(BENCH / path.split("?")[0][len("/__bench/"):])
        return super().translate_path(path)


def _server(site: Path):
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Handler, site=str(site)))
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    return srv, f"http://127.0.0.1:{srv.server_address[1]}"


class _Bytetaeller:
    """Bytes the server sent from now on; optionally DevTools network emulation (throttling
    applies to the page and its dedicated workers)."""

    def __init__(self, ctx, page, throttle: float | None = None):
        self.start = _Handler.sendt
        self.urls: list[str] = []
        page.on("request", lambda r: self.urls.append(r.url))
        ctx.on("request", lambda r: self.urls.append(r.url))
        if throttle:
            cdp = ctx.new_cdp_session(page)
            cdp.send("Network.enable")
            cdp.send("Network.emulateNetworkConditions", {
                "offline": False, "latency": 20, "downloadThroughput": throttle, "uploadThroughput": throttle})

    @property
    def bytes(self) -> int:
        return _Handler.sendt - self.start


def _bare(browser, base: str, throttle: float | None = None) -> float:
    ctx = browser.new_context()
    page = ctx.new_page()
    if throttle:
        _Bytetaeller(ctx, page, throttle)
    page.goto(base + "/__bench/blank.html")
    page.wait_for_function("window.__bare", timeout=300_000)
    ms = page.evaluate("window.__bare.klar")
    assert page.evaluate("window.__bare.svar") == 2
    ctx.close()
    return ms


def _klar(browser, url: str, throttle: float | None = None) -> dict:
    ctx = browser.new_context(service_workers="block")
    page = ctx.new_page()
    taeller = _Bytetaeller(ctx, page, throttle)
    page.add_init_script(KLAR_MAALER)
    page.goto(url)
    page.wait_for_selector("[data-beregner][data-state='ready']", timeout=300_000)
    maal = page.evaluate("window.__lbf")
    maal["faser"] = page.evaluate("window.__lbfTider || {}")
    maal["start"] = page.get_attribute("[data-beregner]", "data-start")
    maal["bytes"] = taeller.bytes
    return {"ctx": ctx, "page": page, **maal}


def _side(browser, base: str, navn: str, sti: str) -> dict:
    m = _klar(browser, base + sti)
    page = m["page"]
    foerste = page.evaluate("""async (d) => {
        const r = document.querySelector('[data-beregner]');
        const t0 = performance.now();
        await r.lbf.kald(d);
        return performance.now() - t0; }""", _aendring(navn, 0))
    # A first result, then 50 changes of one amount as a user makes them: the field's value
    # changes and an input event fires. Forms that recalculate live are timed until the new
    # result is in the page; step-by-step flows until "Se resultat" has shown it.
    page.evaluate("async (d) => { const r = document.querySelector('[data-beregner]');"
                  " r.lbf.udfyld(d); await r.lbf.beregn.koer(); }", _aendring(navn, 0))
    felt = next(k for k in _aendring(navn, 0) if k.endswith(AENDRET_FELT[navn]))
    runder = page.evaluate("""async ([felt, vaerdier]) => {
        const r = document.querySelector('[data-beregner]');
        const form = r.querySelector('form');
        const res = r.querySelector('[data-resultat]');
        const live = !form.hasAttribute('data-trinvis');
        const input = form.querySelector(`[name="${CSS.escape(felt)}"]`);
        const tider = [];
        for (const v of vaerdier) {
          const foer = res.dataset.beregning;
          const t0 = performance.now();
          const nyt = live ? new Promise((ok) => {
            const obs = new MutationObserver(() => { if (res.dataset.beregning !== foer) { obs.disconnect(); ok(); } });
            obs.observe(res, { attributes: true, attributeFilter: ['data-beregning'] });
          }) : null;
          input.value = v;
          input.dispatchEvent(new Event('input', { bubbles: true }));
          if (live) {
            await nyt;
          } else {
            await r.lbf.beregn.koer();
          }
          tider.push(performance.now() - t0);
        }
        return tider; }""", [felt, [_aendring(navn, i)[felt] for i in range(1, 51)]])
    fejl = page.evaluate("document.querySelectorAll('.lbf-fejlopsummering').length")
    m["ctx"].close()
    return {**{k: v for k, v in m.items() if k not in ("ctx", "page")},
            "foerste_svar": m["klar"] + foerste, "runder": runder, "fejl": fejl}


def _guide_bytes(browser, base: str) -> tuple[int, bool]:
    ctx = browser.new_context(service_workers="block")
    page = ctx.new_page()
    t = _Bytetaeller(ctx, page)
    page.goto(base + GUIDESIDE, wait_until="networkidle")
    page.wait_for_timeout(500)
    ctx.close()
    return t.bytes, any("/assets/pyodide/" in u or "snapshot-" in u for u in t.urls)


def _varm(browser, base: str, sti: str) -> float:
    ctx = browser.new_context(service_workers="allow")
    page = ctx.new_page()
    page.goto(base + sti)
    page.wait_for_selector("[data-beregner][data-state='ready']", timeout=300_000)
    page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=60_000)
    page.wait_for_timeout(1500)  # let the service worker store the runtime
    tider = []
    for _ in range(3):
        ny = ctx.new_page()
        ny.add_init_script(KLAR_MAALER)
        ny.goto(base + sti)
        ny.wait_for_selector("[data-beregner][data-state='ready']", timeout=300_000)
        tider.append(ny.evaluate("window.__lbf.klar"))
        ny.close()
    ctx.close()
    return statistics.median(tider)


def _pct(xs, p):
    xs = sorted(xs)
    k = (len(xs) - 1) * p / 100
    f = int(k)
    return xs[f] + (xs[min(f + 1, len(xs) - 1)] - xs[f]) * (k - f)


def _maal(ok: bool) -> str:
    return "ok " if ok else "NOT MET"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--site", default=str(ROD / "site"))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--kun", nargs="*", help="only these calculators")
    args = ap.parse_args()
    site = Path(args.site)
    sider = {}
    for navn in calculators.BEREGNERE:
        for html in site.rglob("index.html"):
            if f'data-beregner="{navn}"' in html.read_text():
                sider[navn] = "/" + html.parent.relative_to(site).as_posix() + "/"
    if args.kun:
        sider = {k: v for k, v in sider.items() if k in args.kun}
    srv, base = _server(site)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        bare = statistics.median(_bare(browser, base) for _ in range(args.runs))
        print(f"(a) bare Pyodide, navigation → 1+1 (median of {args.runs}): {bare:6.0f} ms  (reference)")
        for navn, sti in sider.items():
            maalinger = [_side(browser, base, navn, sti) for _ in range(args.runs)]
            klar = statistics.median(m["klar"] for m in maalinger)
            eks = statistics.median(m["eksempel"] for m in maalinger if m.get("eksempel") is not None)
            foerste = statistics.median(m["foerste_svar"] for m in maalinger)
            runder = [t for m in maalinger for t in m["runder"]]
            p95 = _pct(runder, 95)
            graense = 50 if navn == "merinvestering" else 20
            faser = {k: statistics.median(m["faser"].get(k, 0) for m in maalinger) for k in maalinger[0]["faser"]}
            print(f"\n{navn} ({sti}), start path: {maalinger[0]['start']}")
            print(f"(b) navigation → Ready:            {klar:6.0f} ms = {klar / bare:.2f} × bare"
                  f"   goal ≤ 0.35 × bare  {_maal(klar <= 0.35 * bare)}")
            print("    phases (ms after navigation): " + ", ".join(f"{k} {v:.0f}" for k, v in faser.items()))
            print(f"(c) navigation → example visible:  {eks:6.0f} ms   goal ≤ 500 ms  {_maal(eks <= 500)}")
            print(f"    navigation → first computed:   {foerste:6.0f} ms")
            case = " (40 years, 20 measures)" if navn == "merinvestering" else ""
            print(f"(d) recalculation{case}, {len(runder)} changes: p50 {_pct(runder, 50):.1f} ms, "
                  f"p95 {p95:.1f} ms   goal p95 ≤ {graense} ms  {_maal(p95 <= graense)}"
                  + ("" if not any(m["fejl"] for m in maalinger) else "  (input errors shown!)"))
            print(f"(e) calculator page bytes to Ready: {statistics.median(m['bytes'] for m in maalinger) / 1e6:.1f} MB")

        guide, runtime = _guide_bytes(browser, base)
        print(f"\n(e) guide page {GUIDESIDE}: {guide / 1e3:.0f} KB transferred   goal ≤ 400 KB  "
              f"{_maal(guide <= 400_000)};  requests the Pyodide runtime: {'yes' if runtime else 'no'}")

        if sider:
            navn, sti = next(iter(sider.items()))
            snap = [_klar(browser, base + sti, MBIT_20) for _ in range(args.runs)]
            norm = [_klar(browser, base + sti + "?start=normal", MBIT_20) for _ in range(args.runs)]
            for m in snap + norm:
                m["ctx"].close()
            s_klar = statistics.median(m["klar"] for m in snap)
            n_klar = statistics.median(m["klar"] for m in norm)
            print(f"(f) at 20 Mbit/s, {sti}: snapshot path Ready {s_klar:.0f} ms "
                  f"({statistics.median(m['bytes'] for m in snap) / 1e6:.1f} MB), plain path Ready {n_klar:.0f} ms "
                  f"({statistics.median(m['bytes'] for m in norm) / 1e6:.1f} MB)   goal: chosen path faster  "
                  f"{_maal(s_klar < n_klar)}")
            varm = _varm(browser, base, sti)
            print(f"(g) warm visit, {sti}: Ready {varm:.0f} ms = {varm / bare:.2f} × bare cold   "
                  f"goal ≤ 0.2 × bare  {_maal(varm <= 0.2 * bare)}")
        browser.close()
        # Issue 14: Ready per engine beside Chromium's (b); the same cold loads, in Firefox and WebKit.
        print(f"\nReady per engine (median of {args.runs} cold loads; Chromium's is (b) above):")
        try:
            motorer.maal(base, pw, runs=args.runs)
        except Exception as e:  # a missing browser must not hide Chromium's figures
            print(f"(b) Firefox/WebKit not measured: {e}")
    srv.shutdown()


if __name__ == "__main__":
    main()
