// Module Web Worker: starts Pyodide from the site's own copy, installs the calculators
// wheel and answers run requests. No rule lives here: all logic is the Python package.
//
// Start paths: a memory snapshot made at build time (build_scripts/snapshot.mjs) restores
// a started Python in about a second; if the snapshot is missing or fails to load, the
// worker falls back to the normal start. The snapshot API is underscore (unstable) in the
// pinned Pyodide, which is why the fallback exists and is tested.
const basis = new URL("../assets/", import.meta.url);
let kald = null;
let loadPyodide = null;
let indexURL = null;

function status(tekst) {
  postMessage({ type: "status", tekst });
}

// Phase times (absolute ms since the epoch) for `make bench`.
function maerke(fase) {
  postMessage({ type: "tid", fase, t: performance.timeOrigin + performance.now() });
}

async function hent(url, type) {
  const svar = await fetch(url);
  if (!svar.ok) throw new Error(`${url.pathname}: ${svar.status}`);
  return type === "json" ? svar.json() : new Uint8Array(await svar.arrayBuffer());
}

async function startPython(manifest, normalStart) {
  if (manifest.snapshot && !normalStart) {
    try {
      // Passed as a promise, so the snapshot downloads while the runtime loads.
      const snapshot = hent(new URL(`beregnere/${manifest.snapshot}`, basis));
      snapshot.catch(() => {});  // a failure surfaces in loadPyodide and is handled below
      return { pyodide: await loadPyodide({ indexURL, packages: [], _loadSnapshot: snapshot }), sti: "snapshot" };
    } catch (err) {
      console.warn("Pyodide-snapshot kunne ikke bruges; starter normalt.", err);
    }
  }
  return { pyodide: await loadPyodide({ indexURL, packages: [] }), sti: "normal" };
}

async function start(navn, normalStart) {
  if (!/^[a-z_]+$/.test(navn)) throw new Error(`ukendt beregner ${navn}`);
  maerke("worker");
  status("Henter og starter Python …");
  const manifest = await hent(new URL("beregnere/manifest.json", basis), "json");
  // The runtime lives under its version (assets/pyodide/<version>/), named by the manifest.
  indexURL = new URL(`pyodide/${manifest.pyodide}/`, basis).href;
  ({ loadPyodide } = await import(new URL("pyodide.mjs", indexURL).href));
  const hjul = hent(new URL(`beregnere/${manifest.hjul}`, basis));
  hjul.catch(() => {});  // awaited below; don't report it twice
  const { pyodide, sti } = await startPython(manifest, normalStart);
  maerke("python");
  pyodide.unpackArchive(await hjul, "wheel");
  maerke("hjul");
  // Import only the page's calculator, so start-up does no work for the others.
  pyodide.runPython(`import calculators._browser, calculators.${navn}, calculators.visning.${navn}`);
  kald = pyodide.pyimport("calculators._browser").kald;
  maerke("import");
  // What this start loaded, for the service worker's offline cache.
  const filer = ["pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"]
    .map((f) => new URL(f, indexURL).href);
  filer.push(new URL(`beregnere/${manifest.hjul}`, basis).href, new URL("beregnere/manifest.json", basis).href);
  if (sti === "snapshot") filer.push(new URL(`beregnere/${manifest.snapshot}`, basis).href);
  return { sti, filer };
}

let klar = null;

onmessage = async (e) => {
  const m = e.data;
  if (m.type === "start") {
    klar = start(m.navn, m.normalStart).then(
      ({ sti, filer }) => postMessage({ type: "klar", sti, filer }),
      (err) => postMessage({ type: "startfejl", besked: String(err && err.message || err) }),
    );
    return;
  }
  if (m.type === "kald") {
    await klar;
    try {
      const svar = JSON.parse(kald(m.navn, JSON.stringify(m.data), true, Boolean(m.csv)));
      postMessage({ type: "svar", id: m.id, svar });
    } catch (err) {
      postMessage({ type: "svar", id: m.id, svar: null, intern: String(err && err.message || err) });
    }
  }
};
