// Starts the calculator's Python worker from <head>, before the page has finished loading:
// a classic script runs at once, while the glue (a module) runs only after parsing and
// after Material's bundle. Messages that arrive before the glue takes over are kept for it.
// Only on calculator pages (docs/overrides/main.html adds it when a page has a calculator).
(() => {
  const script = document.currentScript;
  try {
    const worker = new Worker(new URL("beregner-worker.js", script.src), { type: "module" });
    const tidlig = { navn: script.dataset.startBeregner, worker, beskeder: [], fejl: [] };
    worker.onmessage = (e) => tidlig.beskeder.push(e);
    worker.onerror = (e) => { e.preventDefault(); tidlig.fejl.push(e); };
    worker.postMessage({ type: "start", navn: tidlig.navn,
      normalStart: new URLSearchParams(location.search).get("start") === "normal" });
    window.__lbfTidligWorker = tidlig;
  } catch (err) {
    // The glue starts the worker itself, and reports a failure the usual way.
  }
})();
