// @ts-check
// Module Web Worker: starts Pyodide from the site's own copy, installs the calculators
// wheel and answers run requests. No rule lives here: all logic is the Python package.
// The messages are typed in beregner/beskeder.js.
//
// Start paths: a memory snapshot made at build time (build_scripts/snapshot.mjs) restores
// a started Python in about a second; if the snapshot is missing or fails to load, the
// worker falls back to the normal start. The snapshot API is underscore (unstable) in the
// pinned Pyodide, which is why the fallback exists and is tested.

/** @typedef {import("./beregner/beskeder.js").FraWorker} FraWorker */
/** @typedef {import("./beregner/beskeder.js").TilWorker} TilWorker */
/** @typedef {import("./beregner/beskeder.js").Manifest} Manifest */
/** @typedef {import("pyodide").PyodideAPI} PyodideAPI */
/** @typedef {typeof import("pyodide").loadPyodide} LoadPyodide */

const basis = new URL("../assets/", import.meta.url);
/** Python's calculators._browser.kald(navn, data_json, formular, med_csv) -> JSON text.
 * @type {((navn: string, data: string, formular: boolean, csv: boolean) => string) | null} */
let kald = null;
/** Python's calculators._browser.sammenlign(data_json) -> JSON text (merinvestering alternatives).
 * @type {((data: string) => string) | null} */
let sammenlign = null;
/** @type {LoadPyodide | null} */
let loadPyodide = null;
/** @type {string | null} */
let indexURL = null;

/** @param {FraWorker} m */
function send(m) {
  postMessage(m);
}

/** @param {string} tekst */
function status(tekst) {
  send({ type: "status", tekst });
}

// Phase times (absolute ms since the epoch) for `make bench`.
/** @param {string} fase */
function maerke(fase) {
  send({ type: "tid", fase, t: performance.timeOrigin + performance.now() });
}

/** @param {URL} url */
async function hentSvar(url) {
  const svar = await fetch(url);
  if (!svar.ok) throw new Error(`${url.pathname}: ${svar.status}`);
  return svar;
}

/** @param {URL} url */
async function hent(url) {
  return new Uint8Array(await (await hentSvar(url)).arrayBuffer());
}

/**
 * @param {Manifest} manifest
 * @param {boolean} normalStart
 * @returns {Promise<{ pyodide: PyodideAPI, sti: "snapshot" | "normal" }>}
 */
async function startPython(manifest, normalStart) {
  const laes = /** @type {LoadPyodide} */ (loadPyodide);
  const index = /** @type {string} */ (indexURL);
  if (manifest.snapshot && !normalStart) {
    try {
      // Passed as a promise, so the snapshot downloads while the runtime loads.
      const snapshot = hent(new URL(`beregnere/${manifest.snapshot}`, basis));
      snapshot.catch(() => {});  // a failure surfaces in loadPyodide and is handled below
      return { pyodide: await laes({ indexURL: index, packages: [], _loadSnapshot: snapshot }), sti: "snapshot" };
    } catch (err) {
      console.warn("Pyodide-snapshot kunne ikke bruges; starter normalt.", err);
    }
  }
  return { pyodide: await laes({ indexURL: index, packages: [] }), sti: "normal" };
}

/**
 * @param {string} navn
 * @param {boolean} normalStart
 * @returns {Promise<{ sti: "snapshot" | "normal", filer: string[] }>}
 */
async function start(navn, normalStart) {
  if (!/^[a-z_]+$/.test(navn)) throw new Error(`ukendt beregner ${navn}`);
  maerke("worker");
  status("Henter og starter Python …");
  const manifestURL = new URL("beregnere/manifest.json", basis);
  const manifest = /** @type {Manifest} */ (await (await hentSvar(manifestURL)).json());
  // The runtime lives under its version (assets/pyodide/<version>/), named by the manifest.
  const index = new URL(`pyodide/${manifest.pyodide}/`, basis).href;
  indexURL = index;
  ({ loadPyodide } = await import(new URL("pyodide.mjs", index).href));
  const hjul = hent(new URL(`beregnere/${manifest.hjul}`, basis));
  hjul.catch(() => {});  // awaited below; don't report it twice
  const { pyodide, sti } = await startPython(manifest, normalStart);
  maerke("python");
  pyodide.unpackArchive(await hjul, "wheel");
  maerke("hjul");
  // Import only the page's calculator, so start-up does no work for the others.
  pyodide.runPython(`import calculators._browser, calculators.${navn}, calculators.visning.${navn}`);
  kald = pyodide.pyimport("calculators._browser").kald;
  sammenlign = pyodide.pyimport("calculators._browser").sammenlign;
  maerke("import");
  // What this start loaded, for the service worker's offline cache: the runtime files the
  // build copied (the manifest lists them), the wheel, the manifest and the snapshot.
  const filer = manifest.runtime.map((f) => new URL(f, index).href);
  filer.push(new URL(`beregnere/${manifest.hjul}`, basis).href, manifestURL.href);
  if (sti === "snapshot") filer.push(new URL(`beregnere/${manifest.snapshot}`, basis).href);
  return { sti, filer };
}

/** @type {Promise<void> | null} */
let klar = null;

/** The message of a thrown error (or the thrown value as text).
 * @param {unknown} err */
const tekst = (err) => String(/** @type {{ message?: unknown } | null} */ (err)?.message || err);

onmessage = async (e) => {
  const m = /** @type {TilWorker} */ (e.data);
  if (m.type === "start") {
    klar = start(m.navn, m.normalStart).then(
      ({ sti, filer }) => send({ type: "klar", sti, filer }),
      (err) => send({ type: "startfejl", besked: tekst(err) }),
    );
    return;
  }
  if (m.type === "kald") {
    await klar;
    try {
      const python = /** @type {NonNullable<typeof kald>} */ (kald);
      const svar = JSON.parse(m.sammenlign
        ? /** @type {NonNullable<typeof sammenlign>} */ (sammenlign)(JSON.stringify(m.data))
        : python(m.navn, JSON.stringify(m.data), true, Boolean(m.csv)));
      send({ type: "svar", id: m.id, svar });
    } catch (err) {
      send({ type: "svar", id: m.id, svar: null, intern: tekst(err) });
    }
  }
};

export {};
