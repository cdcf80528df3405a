// @ts-check
// Starts the calculator's Python worker from <head>, before the page has finished loading:
// a classic script runs at once, while the glue (a module) runs only after parsing and
// after Material's bundle. Messages that arrive before the glue takes over are kept for it
// (beregner/worker-klient.js takes them over).
// Only on calculator pages (docs/overrides/main.html adds it when a page has a calculator).
(() => {
  const script = /** @type {HTMLScriptElement} */ (document.currentScript);
  try {
    const worker = new Worker(new URL("beregner-worker.js", script.src), { type: "module" });
    /** @type {import("./beregner/worker-klient.js").TidligWorker} */
    const tidlig = { navn: script.dataset.startBeregner, worker, beskeder: [], fejl: [] };
    worker.onmessage = (e) => tidlig.beskeder.push(e);
    worker.onerror = (e) => { e.preventDefault(); tidlig.fejl.push(e); };
    /** @type {import("./beregner/beskeder.js").StartBesked} */
    const besked = { type: "start", navn: tidlig.navn || "",
      normalStart: new URLSearchParams(location.search).get("start") === "normal" };
    worker.postMessage(besked);
    /** @type {import("./beregner/worker-klient.js").LbfVindue} */ (window).__lbfTidligWorker = tidlig;
  } catch (err) {
    // The glue starts the worker itself, and reports a failure the usual way.
  }
})();
