// Reference: a bare Pyodide start in a module worker, then 1+1. Nothing of ours is loaded.
const w = new Worker(new URL("blank-worker.js", import.meta.url), { type: "module" });
w.onmessage = (e) => {
  window.__bare = { klar: performance.now(), svar: e.data };
  document.getElementById("ud").textContent = String(e.data);
};
