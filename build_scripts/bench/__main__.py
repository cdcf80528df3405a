"""``make bench``: how fast the calculators start and answer, measured in Chromium.

One run on this machine, the built site served on 127.0.0.1 by Debian's nginx with
deploy/nginx.conf (pre-compressed brotli and gzip copies, as in production and the tests;
``--server python``: the project's own build_scripts/serve.py), a cold browser cache for
every page load (a new browser context each time) unless said otherwise:

(a) bare Pyodide: a blank page whose module worker runs ``loadPyodide()`` then ``1+1``
    (the same self-hosted runtime; the reference for every ratio);
(b) calculator page → Ready: the calculator can answer (Python and the wheel loaded);
(c) page → first answer: the worked example rendered at build time is visible, and
    page → first computed answer (Ready plus one round trip);
(d) recalculation: input changed in the form → Python in the worker → HTML in the page,
    p50/p95 over 50 changes (page-side performance.now()), starting 3 s after the first computed answer
    (a reader reads the form before typing; the worker warms up while the page is idle), and on other loads
    right at Ready (the first changes also pay for the engine's optimising);
(e) bytes transferred by a guide page and by a calculator page (to Ready);
(f) the start paths at 20 Mbit/s (Chromium DevTools network emulation): the path the page
    chooses, and the other one (?start=…), each with its phases;
(g) warm visit: a second visit in the same browser (HTTP cache and service worker).

Start figures are medians of ``--runs`` runs. It prints each figure with the goal of the
second speed issue (17) and of the first; it never fails (speed is not asserted in tests).
``--uden-motorer`` skips Firefox and WebKit.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import importlib
import statistics
import sys
import tempfile
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

import calculators
from build_scripts.bench import motorer
from build_scripts.serve import SiteHandler

ROD = Path(__file__).resolve().parents[2]
BENCH = Path(__file__).resolve().parent
PYODIDE = ROD / "node_modules" / "pyodide"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
MBIT_20 = 20_000_000 / 8  # bytes per second
GUIDESIDE = "/baeredygtighedspuljen/"
PAUSE_MS = 3000  # (d): from the first answer to the first change


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

FASER_JS = ("({ navigation: performance.getEntriesByType('navigation')[0].responseEnd,"
            " ...(window.__lbfTider || {}) })")

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
    """``--server python``: the built site through build_scripts/serve.py, plus the bench's pages under
    /__bench/. It counts the bytes it sends (bodies as sent, compressed where the browser accepted it)."""

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
        if path.startswith("/__bench/pyodide/"):
            return str(PYODIDE / path.split("?")[0][len("/__bench/pyodide/"):])
        if path.startswith("/__bench/"):
            return str(BENCH / path.split("?")[0][len("/__bench/"):])
        return super().translate_path(path)


class _Server:
    """Where the bench gets the site and how it counts the bytes sent (response bodies, compressed as
    sent). ``nginx`` (the default): Debian's nginx with deploy/nginx.conf, as the tests and production
    serve it, plus /__bench/ (the reference page, and the stock Pyodide files under /__bench/pyodide/),
    counting from its access log. ``python``: build_scripts/serve.py (``make serve``)."""

    def __init__(self, site: Path, art: str, mappe: Path):
        self.art = art
        self._stak = contextlib.ExitStack()
        if art == "python":
            srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Handler, site=str(site)))
            threading.Thread(target=srv.serve_forever, daemon=True).start()
            self._stak.callback(srv.shutdown)
            self.url = f"http://127.0.0.1:{srv.server_address[1]}"
            return
        sys.path[:0] = [str(ROD / "tests" / "browser")]
        nginx = importlib.import_module("nginx")  # tests/browser/nginx.py: deploy/nginx.conf, listen and root set
        self.log = mappe / "bytes.log"
        gengiv = nginx.render_konfiguration

        def med_bench(site_, port, mappe_):
            hoved = gengiv(site_, port, mappe_)
            konf = mappe_ / "lbf.conf"
            tekst = konf.read_text()
            tekst = tekst.replace("server {", f"log_format lbf_bytes '$body_bytes_sent';\nserver {{\n"
                                  f"    access_log {self.log} lbf_bytes;\n"
                                  f"    location /__bench/pyodide/ {{ alias {PYODIDE}/; }}\n"
                                  f"    location /__bench/ {{ alias {BENCH}/; }}", 1)
            konf.write_text(tekst)
            return hoved

        nginx.render_konfiguration = med_bench  # type: ignore[attr-defined]
        self.url = self._stak.enter_context(nginx.nginx_server(site, mappe))

    @property
    def sendt(self) -> int:
        if self.art == "python":
            return _Handler.sendt
        try:
            return sum(int(linje) for linje in self.log.read_text().split())
        except FileNotFoundError:
            return 0

    def luk(self) -> None:
        self._stak.close()


SERVER: _Server


class _Bytetaeller:
    """Bytes the server sent from now on; optionally DevTools network emulation (throttling
    applies to the page and its dedicated workers)."""

    def __init__(self, ctx, page, throttle: float | None = None):
        self.start = SERVER.sendt
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
        return SERVER.sendt - self.start


def _bare(browser, base: str, throttle: float | None = None) -> float:
    ctx = browser.new_context()
    page = ctx.new_page()
    if throttle:
        _Bytetaeller(ctx, page, throttle)
    page.goto(base + "/__bench/blank.html")
    # evaluate(), not wait_for_function(): the latter polls with eval, which the site's
    # security policy (sent by the server for every path) forbids.
    page.evaluate("async () => { while (!window.__bare) await new Promise((r) => setTimeout(r, 20)); }")
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
    maal["faser"] = page.evaluate(FASER_JS)
    maal["start"] = page.get_attribute("[data-beregner]", "data-start")
    maal["bytes"] = taeller.bytes
    return {"ctx": ctx, "page": page, **maal}


def _lukket(m: dict) -> dict:
    """A measured load with its browser context closed at once: a page left open warms its calculator up after
    Ready (beregner-worker.js) and would take the processor from the next load."""
    m.pop("ctx").close()
    m.pop("page", None)
    return m


def _side(browser, base: str, navn: str, sti: str, pause_ms: int = 0) -> dict:
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
    page.wait_for_timeout(pause_ms)
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
    return {**_lukket(m), "foerste_svar": m["klar"] + foerste, "runder": runder, "fejl": fejl}


def _guide_bytes(browser, base: str) -> tuple[int, bool]:
    ctx = browser.new_context(service_workers="block")
    page = ctx.new_page()
    t = _Bytetaeller(ctx, page)
    page.goto(base + GUIDESIDE, wait_until="networkidle")
    page.wait_for_timeout(500)
    ctx.close()
    return t.bytes, any("/assets/pyodide/" in u or "snapshot-" in u for u in t.urls)


def _varm(browser, base: str, sti: str) -> tuple[float, str]:
    """Ready on three later visits in the same browser (median), and their phases (the medians, then each
    visit's)."""
    ctx = browser.new_context(service_workers="allow")
    page = ctx.new_page()
    page.goto(base + sti)
    page.wait_for_selector("[data-beregner][data-state='ready']", timeout=300_000)
    page.evaluate("async () => { await navigator.serviceWorker.ready;"
                  " while (!navigator.serviceWorker.controller) await new Promise((r) => setTimeout(r, 50)); }")
    page.wait_for_timeout(1500)  # let the service worker store the runtime
    page.close()  # its worker would warm up during the visits measured
    maalinger = []
    for _ in range(3):
        ny = ctx.new_page()
        ny.add_init_script(KLAR_MAALER)
        ny.goto(base + sti)
        ny.wait_for_selector("[data-beregner][data-state='ready']", timeout=300_000)
        maalinger.append({"klar": ny.evaluate("window.__lbf.klar"), "faser": ny.evaluate(FASER_JS)})
        ny.close()
    ctx.close()
    return statistics.median(m["klar"] for m in maalinger), _faser(maalinger) + _faser_hver(maalinger)


def _pct(xs, p):
    xs = sorted(xs)
    k = (len(xs) - 1) * p / 100
    f = int(k)
    return xs[f] + (xs[min(f + 1, len(xs) - 1)] - xs[f]) * (k - f)


def _maal(ok: bool) -> str:
    return "ok " if ok else "NOT MET"


def _faser(maalinger: list[dict]) -> str:
    """The start's phases in the order they ended (medians; ms after navigation): the page's (navigation:
    the HTML received) and the worker's (worker: its start message; hentet X: download of X done;
    wasm oversat: WebAssembly compiled; wasm instantieret: instantiated; snapshot hentet; python: Python
    started or restored; hjul: the wheel unpacked; import: the calculator imported), then klar (Ready)."""
    navne = {k for m in maalinger for k in m["faser"]}
    faser = {k: statistics.median(m["faser"][k] for m in maalinger if k in m["faser"]) for k in navne}
    faser["klar"] = statistics.median(m["klar"] for m in maalinger)
    return ", ".join(f"{k} {v:.0f}" for k, v in sorted(faser.items(), key=lambda kv: kv[1]))


def _faser_hver(maalinger: list[dict]) -> str:
    """The phases of each run on its own line (issue 17 asks for the breakdown over three runs)."""
    return "".join(f"\n      run {i}: {_faser([m])}" for i, m in enumerate(maalinger, 1))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--site", default=str(ROD / "site"))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--kun", nargs="*", help="only these calculators")
    ap.add_argument("--server", choices=("nginx", "python"), default="nginx",
                    help="nginx with deploy/nginx.conf (default), or build_scripts/serve.py")
    ap.add_argument("--uden-motorer", action="store_true", help="Chromium only (no Firefox/WebKit figures)")
    args = ap.parse_args()
    site = Path(args.site)
    sider = {}
    for navn in calculators.BEREGNERE:
        for html in site.rglob("index.html"):
            if f'data-beregner="{navn}"' in html.read_text():
                sider[navn] = "/" + html.parent.relative_to(site).as_posix() + "/"
    if args.kun:
        sider = {k: v for k, v in sider.items() if k in args.kun}
    global SERVER
    SERVER = _Server(site, args.server, Path(tempfile.mkdtemp(prefix="lbf-bench-")))
    base = SERVER.url
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        bare = statistics.median(_bare(browser, base) for _ in range(args.runs))
        print(f"(a) bare Pyodide, navigation → 1+1 (median of {args.runs}): {bare:6.0f} ms  (reference)")
        print("    goals: issue 17 first, then the first speed issue's")
        for navn, sti in sider.items():
            maalinger = [_side(browser, base, navn, sti) for _ in range(args.runs)]
            efter_pause = [_side(browser, base, navn, sti, PAUSE_MS) for _ in range(args.runs)]
            klar = statistics.median(m["klar"] for m in maalinger)
            eks = statistics.median(m["eksempel"] for m in maalinger if m.get("eksempel") is not None)
            foerste = statistics.median(m["foerste_svar"] for m in maalinger)
            runder = [t for m in efter_pause for t in m["runder"]]
            straks = [t for m in maalinger for t in m["runder"]]
            p95 = _pct(runder, 95)
            graense17, graense = (33, 50) if navn == "merinvestering" else (16, 20)
            print(f"\n{navn} ({sti}), start path: {', '.join(sorted({str(m['start']) for m in maalinger}))}")
            print(f"(b) navigation → Ready:            {klar:6.0f} ms = {klar / bare:.2f} × bare"
                  f"   goal ≤ 0.30 × bare  {_maal(klar <= 0.30 * bare)};  ≤ 0.35  {_maal(klar <= 0.35 * bare)}")
            print("    phases (ms after navigation, median): " + _faser(maalinger) + _faser_hver(maalinger))
            print(f"(c) navigation → example visible:  {eks:6.0f} ms   goal ≤ 500 ms  {_maal(eks <= 500)}")
            print(f"    navigation → first computed:   {foerste:6.0f} ms")
            case = " (40 years, 20 measures)" if navn == "merinvestering" else " (worked example)"
            print(f"(d) recalculation{case}, {len(runder)} changes from {PAUSE_MS / 1000:.0f} s after the first answer: "
                  f"p50 {_pct(runder, 50):.1f} ms, p95 {p95:.1f} ms   goal p95 ≤ {graense17} ms  "
                  f"{_maal(p95 <= graense17)};  ≤ {graense} ms  {_maal(p95 <= graense)}"
                  + ("" if not any(m["fejl"] for m in maalinger + efter_pause) else "  (input errors shown!)"))
            print(f"    the same {len(straks)} changes right at Ready: p50 {_pct(straks, 50):.1f} ms, "
                  f"p95 {_pct(straks, 95):.1f} ms")
            mb = statistics.median(m["bytes"] for m in maalinger) / 1e6
            print(f"(e) calculator page bytes to Ready (compressed, chosen path): {mb:.1f} MB   goal ≤ 8 MB  "
                  f"{_maal(mb <= 8)}")

        guide, runtime = _guide_bytes(browser, base)
        print(f"\n(e) guide page {GUIDESIDE}: {guide / 1e3:.0f} KB transferred   goal ≤ 200 KB  "
              f"{_maal(guide <= 200_000)};  ≤ 400 KB  {_maal(guide <= 400_000)};  "
              f"requests the Pyodide runtime: {'yes' if runtime else 'no'}  {_maal(not runtime)}")

        if sider:
            navn, sti = next(iter(sider.items()))
            valgt = [_lukket(_klar(browser, base + sti, MBIT_20)) for _ in range(args.runs)]
            sti_valgt = statistics.mode(str(m["start"]) for m in valgt)
            anden = "normal" if sti_valgt == "snapshot" else "snapshot"
            andre = [_lukket(_klar(browser, base + sti + f"?start={anden}", MBIT_20)) for _ in range(args.runs)]
            v_klar = statistics.median(m["klar"] for m in valgt)
            a_klar = statistics.median(m["klar"] for m in andre)
            print(f"\n(f) at 20 Mbit/s (DevTools emulation, 20 ms latency), {sti}, median of {args.runs}:")
            for navn_sti, ms, mm in ((f"chosen path ({sti_valgt})", v_klar, valgt), (f"other path ({anden})", a_klar, andre)):
                print(f"    {navn_sti:24s} Ready {ms:6.0f} ms, {statistics.median(m['bytes'] for m in mm) / 1e6:.1f} MB; "
                      f"phases: {_faser(mm)}")
            print(f"    goal: chosen path ≤ 4.0 s  {_maal(v_klar <= 4000)};  no slower than the other  "
                  f"{_maal(v_klar <= a_klar)}")
            varm, faser = _varm(browser, base, sti)
            print(f"(g) warm visit, {sti}: Ready {varm:.0f} ms = {varm / bare:.2f} × bare cold   "
                  f"goal ≤ 0.15 × bare  {_maal(varm <= 0.15 * bare)};  ≤ 0.2  {_maal(varm <= 0.2 * bare)}")
            print(f"    phases: {faser}")
        browser.close()
        # Issue 14: Ready per engine beside Chromium's (b); the same cold loads, in Firefox and WebKit.
        if args.uden_motorer:
            print("\nFirefox/WebKit not measured (--uden-motorer)")
        else:
            print(f"\nReady per engine (median of {args.runs} cold loads; Chromium's is (b) above):")
            try:
                motorer.maal(base, pw, runs=args.runs)
            except Exception as e:  # a missing browser must not hide Chromium's figures
                print(f"(b) Firefox/WebKit not measured: {e}")
    SERVER.luk()


if __name__ == "__main__":
    main()
