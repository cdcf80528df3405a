// @ts-check
// Starts the calculator's Python worker from <head>, before the page has finished loading:
// a classic script runs at once, while the glue (a module) runs only after parsing and
// after Material's bundle. Messages that arrive before the glue takes over are kept for it
// (beregner/worker-klient.js takes them over).
// Only on calculator pages (docs/overrides/main.html adds it when a page has a calculator;
// build_scripts/efterbyg.py adds the manifest, data-manifest, so the worker asks for nothing first).
//
// The start path: the memory snapshot (fast to start, ~4 MB more to download), unless
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
})();
