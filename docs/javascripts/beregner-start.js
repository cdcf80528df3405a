// @ts-check
// Starts the calculator's Python worker from <head>, before the page has finished loading:
// a classic script runs at once, while the glue (a module) runs only after parsing and
// after Material's bundle. Messages that arrive before the glue takes over are kept for it
// (beregner/worker-klient.js takes them over).
// Only on calculator pages (docs/overrides/main.html adds it when a page has a calculator;
// build_scripts/efterbyg.py adds the manifest, data-manifest, so the worker asks for nothing first).
//
// The start path: the memory snapshot (fast to start, ~2.4 MB more to download: 6.2 against 3.8 MB), unless
// ?start=normal, or the browser says the connection is slow or the reader wants to save data
// (navigator.connection, where there is one): then Python starts the normal way, which downloads
// less and costs a few seconds of CPU. ?start=snapshot forces the snapshot.
(() => {
  const script = /** @type {HTMLScriptElement} */ (document.currentScript);
  try {
    const worker = new Worker(new URL("beregner-worker.js", script.src), { type: "module" });
    /** @type {import("./beregner/worker-klient.js").TidligWorker} */
    const tidlig = { navn: script.dataset.startBeregner, worker, beskeder: [], fejl: [] };
    worker.onmessage = (e) => tidlig.beskeder.push(e);
    worker.onerror = (e) => { e.preventDefault(); tidlig.fejl.push(e); };
    const valg = new URLSearchParams(location.search).get("start");
    /** @type {{ saveData?: boolean, effectiveType?: string } | undefined} */
    const forbindelse = /** @type {any} */ (navigator).connection;
    const langsom = Boolean(forbindelse && (forbindelse.saveData || /^(slow-2g|2g|3g)$/.test(forbindelse.effectiveType || "")));
    /** @type {import("./beregner/beskeder.js").Manifest | undefined} */
    let manifest;
    try {
      manifest = script.dataset.manifest ? JSON.parse(script.dataset.manifest) : undefined;
    } catch (err) {
      manifest = undefined;  // the worker fetches manifest.json
    }
    /** @type {import("./beregner/beskeder.js").StartBesked} */
    const besked = { type: "start", navn: tidlig.navn || "", manifest,
      normalStart: valg === "normal" || (langsom && valg !== "snapshot") };
    worker.postMessage(besked);
    /** @type {import("./beregner/worker-klient.js").LbfVindue} */ (window).__lbfTidligWorker = tidlig;
  } catch (err) {
    // The glue starts the worker itself, and reports a failure the usual way.
  }
  udsaetSoegning();
})();

/** Material's search builds its index in a worker of its own as the page loads: about 0,4 s of CPU that, on a
 *  machine with two cores, delays the calculator's start by as much (make bench: Ready 1,69 → 1,26 s without it).
 *  On a calculator page that worker starts when the calculator is ready (or failed), when the reader goes to the
 *  search field, or after 10 seconds, whichever comes first; until then Material's messages to it wait in a queue
 *  and the search field says it is getting ready, as it always does while the index is built.
 *  Material creates the worker with `new Worker(url)` when its bundle runs, after this script; the constructor is
 *  replaced only until then. */
function udsaetSoegning() {
  const Aegte = window.Worker;
  /** A stand-in with the part of Worker that Material uses: postMessage and "message" events. */
  class UdsatWorker extends EventTarget {
    /** @param {string | URL} url @param {WorkerOptions} [valg] */
    constructor(url, valg) {
      super();
      /** @type {unknown[] | null} */
      let koe = [];
      /** @type {Worker | null} */
      let aegte = null;
      this.postMessage = (/** @type {unknown} */ m) => (aegte ? aegte.postMessage(m) : koe?.push(m));
      this.terminate = () => { aegte?.terminate(); koe = null; };
      const start = () => {
        if (aegte || !koe) return;
        aegte = new Aegte(url, valg);
        aegte.addEventListener("message", (e) => this.dispatchEvent(new MessageEvent("message", { data: e.data })));
        aegte.addEventListener("error", (e) => this.dispatchEvent(new ErrorEvent("error", { message: e.message })));
        for (const m of koe) aegte.postMessage(m);
        koe = [];
        obs.disconnect();
        document.removeEventListener("focusin", vedFokus);
        clearTimeout(senest);
      };
      const klar = () => {
        const rod = document.querySelector("[data-beregner]");
        return !rod || rod.getAttribute("data-state") === "ready" || rod.getAttribute("data-state") === "error";
      };
      /** @param {FocusEvent} e */
      const vedFokus = (e) => {
        if (e.target instanceof Element && e.target.closest("[data-md-component=search]")) start();
      };
      const obs = new MutationObserver(() => { if (klar()) start(); });
      obs.observe(document.documentElement, { subtree: true, attributes: true, attributeFilter: ["data-state"] });
      document.addEventListener("focusin", vedFokus);
      const senest = setTimeout(start, 10_000);
      if (klar()) start();
    }
  }
  /** @param {string | URL} url @param {WorkerOptions} [valg] */
  function SoegeWorker(url, valg) {
    if (!/\/workers\/search\.[^/]*\.js(\?|$)/.test(String(url))) return new Aegte(url, valg);
    window.Worker = Aegte;
    return new UdsatWorker(url, valg);
  }
  window.Worker = /** @type {typeof Worker} */ (/** @type {unknown} */ (SoegeWorker));
  // Material's bundle has run once the page is loaded: whatever it did, the real constructor is back.
  addEventListener("load", () => { window.Worker = Aegte; });
}
