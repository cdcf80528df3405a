// @ts-check
// Module Web Worker: starts Pyodide from the site's own copy, installs the calculators
// wheel and answers run requests. No rule lives here: all logic is the Python package.
// The messages are typed in beregner/beskeder.js.
//
// Start paths: a memory snapshot made at build time (build_scripts/snapshot.mjs) restores
// a started Python in about a second; if the snapshot is missing or fails to load, the
// worker falls back to the normal start. The snapshot API is underscore (unstable) in the
// pinned Pyodide, which is why the fallback exists and is tested.
//
// Every download starts at once, when the start message comes (it carries the manifest, read
// from the page): the snapshot, the wheel, the standard library, Pyodide's two scripts and the
// WebAssembly, which is compiled while it streams in (and while the snapshot still downloads:
// Pyodide itself compiles only after it has the snapshot). Pyodide then gets what was already
// fetched (see `forhaand`). The lock file is passed inline (manifest.laas): never downloaded.

/** @typedef {import("./beregner/beskeder.js").FraWorker} FraWorker */
/** @typedef {import("./beregner/beskeder.js").TilWorker} TilWorker */
/** @typedef {import("./beregner/beskeder.js").Manifest} Manifest */
/** @typedef {import("pyodide").PyodideAPI} PyodideAPI */
/** @typedef {typeof import("pyodide").loadPyodide} LoadPyodide */

const basis = new URL("../assets/", import.meta.url);
/** Python's calculators._browser.kald(navn, data_json, formular, med_csv, med_resultat) -> JSON text.
 * @type {((navn: string, data: string, formular: boolean, csv: boolean, resultat: boolean) => string) | null} */
let kald = null;
/** Python's calculators._browser.opvarm(navn): the worked example, computed and thrown away.
 * @type {((navn: string) => void) | null} */
let opvarm = null;
/** Python's calculators._browser.sammenlign(data_json) -> JSON text (merinvestering alternatives).
 * @type {((data: string) => string) | null} */
let sammenlign = null;

/** @param {FraWorker} m */
function send(m) {
  postMessage(m);
}

/** @param {string} tekst */
function status(tekst) {
  send({ type: "status", tekst });
}

// Phase times (absolute ms since the epoch) for `make bench`.
/** @param {string} fase @param {number} [t] ms since this worker's time origin */
function maerke(fase, t = performance.now()) {
  send({ type: "tid", fase, t: performance.timeOrigin + t });
}

/** @param {URL | string} url */
async function hentSvar(url) {
  const svar = await fetch(url);
  if (!svar.ok) throw new Error(`${new URL(url).pathname}: ${svar.status}`);
  return svar;
}

/** @param {URL | string} url */
async function hent(url) {
  return new Uint8Array(await (await hentSvar(url)).arrayBuffer());
}

/** A promise that is also already handled (it is awaited later; a failure must not be reported twice).
 * @template T @param {Promise<T>} p */
function senere(p) {
  p.catch(() => {});
  return p;
}

/** Downloads started before Pyodide asks for them, by URL: Pyodide's fetch() of the same URL gets the
 * same response (see `medForhaand`).
 * @type {Map<string, Promise<Response>>} */
const forhaand = new Map();

/**
 * Run `loadPyodide` with fetch() answering from `forhaand` and WebAssembly.instantiateStreaming()
 * instantiating the module compiled in advance (Pyodide's own fetch of the WebAssembly, `wasmURL`,
 * gets an empty answer it never reads). Both are this worker's own globals (nothing else runs
 * here), put back when the start is over.
 * @template T
 * @param {Promise<WebAssembly.Module>} modul
 * @param {string} wasmURL
 * @param {() => Promise<T>} start
 * @param {((instans: WebAssembly.Instance) => void | Promise<void>) | null} nyInstans called with the fresh
 *   instance before Pyodide runs anything in it
 * @returns {Promise<T>}
 */
async function medForhaand(modul, wasmURL, start, nyInstans) {
  const fetchFoer = globalThis.fetch;
  const instantierFoer = WebAssembly.instantiateStreaming;
  globalThis.fetch = (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (url === wasmURL) return Promise.resolve(new Response(new Uint8Array(0)));
    const svar = forhaand.get(url);
    forhaand.delete(url);
    return svar || fetchFoer(input, init);
  };
  WebAssembly.instantiateStreaming = async (_kilde, imports) => {
    const m = await modul;
    const instance = await WebAssembly.instantiate(m, imports);
    if (nyInstans) await nyInstans(instance);
    maerke("wasm instantieret");
    return { module: m, instance };
  };
  try {
    // Pyodide logs a failed instantiation and waits for ever: a failed download or compile ends the start.
    return await Promise.race([start(), modul.then(() => /** @type {Promise<T>} */ (new Promise(() => {})))]);
  } finally {
    globalThis.fetch = fetchFoer;
    WebAssembly.instantiateStreaming = instantierFoer;
  }
}

/**
 * @param {string} navn
 * @param {boolean} normalStart
 * @param {Manifest | undefined} manifestFraSiden
 * @returns {Promise<{ sti: "snapshot" | "normal", filer: string[] }>}
 */
async function start(navn, normalStart, manifestFraSiden) {
  if (!/^[a-z_]+$/.test(navn)) throw new Error(`ukendt beregner ${navn}`);
  maerke("worker");
  status("Henter og starter Python …");
  const manifestURL = new URL("beregnere/manifest.json", basis);
  const manifest = manifestFraSiden || /** @type {Manifest} */ (await (await hentSvar(manifestURL)).json());
  // The runtime lives under its version (assets/pyodide/<version>/), named by the manifest.
  const index = new URL(`pyodide/${manifest.pyodide}/`, basis).href;
  const url = {
    wasm: new URL("pyodide.asm.wasm", index).href,
    hjul: new URL(`beregnere/${manifest.hjul}`, basis).href,
    snapshot: manifest.snapshot ? new URL(`beregnere/${manifest.snapshot}`, basis).href : null,
    stdlib: new URL(`beregnere/${manifest.stdlib.normal}`, basis).href,
    stdlibSnapshot: manifest.stdlib.snapshot ? new URL(`beregnere/${manifest.stdlib.snapshot}`, basis).href : null,
  };
  const medSnapshot = Boolean(url.snapshot && url.stdlibSnapshot && !normalStart);

  // Everything at once.
  const snapshot = medSnapshot ? senere(Promise.all([
    hent(/** @type {string} */ (url.snapshot)),
    /** @type {Promise<typeof import("./beregner/snapshotfil.mjs")>} */ (import("./beregner/snapshotfil.mjs")),
  ]).then(([fil, snapshotfil]) => {
    maerke("snapshot hentet");
    return { ...snapshotfil, udfyldt: snapshotfil.udfyld(fil) };
  })) : null;
  const modul = senere(WebAssembly.compileStreaming(fetch(url.wasm)).then((m) => {
    maerke("wasm oversat");
    return m;
  }));
  const stdlibURL = medSnapshot ? /** @type {string} */ (url.stdlibSnapshot) : url.stdlib;
  forhaand.set(stdlibURL, senere(fetch(stdlibURL)));
  const hjul = senere(hent(url.hjul));
  senere(import(new URL("pyodide.asm.mjs", index).href));  // the same module Pyodide imports
  const { loadPyodide } = /** @type {{ loadPyodide: LoadPyodide }} */ (await import(new URL("pyodide.mjs", index).href));
  maerke("pyodide.mjs");

  /** Pyodide restores the snapshot after it has instantiated the WebAssembly; the pages the file left out are
   * copied from that fresh instance first (beregner/snapshotfil.mjs).
   * @param {string} stdLibURL @param {typeof snapshot} snap */
  const laes = (stdLibURL, snap) => medForhaand(modul, url.wasm, () => loadPyodide({
    indexURL: index,
    stdLibURL,
    lockFileContents: manifest.laas,
    packages: [],
    env: { PYTHONOPTIMIZE: "2" },  // as the snapshot was made (build_scripts/snapshot.mjs): no docstrings
    ...(snap ? { _loadSnapshot: senere(snap.then((s) => s.udfyldt.snapshot)) } : {}),
  }), snap && (async (instans) => {
    const s = await snap;
    s.fraInstansen(s.udfyldt, /** @type {WebAssembly.Memory} */ (instans.exports.memory).buffer);
  }));
  /** @type {PyodideAPI | null} */
  let pyodide = null;
  /** @type {"snapshot" | "normal"} */
  let sti = "normal";
  if (medSnapshot) {
    try {
      pyodide = await laes(stdlibURL, snapshot);
      sti = "snapshot";
    } catch (err) {
      console.warn("Pyodide-snapshot kunne ikke bruges; starter normalt.", err);
    }
  }
  if (!pyodide) pyodide = await laes(url.stdlib, null);
  maerke("python");
  pyodide.unpackArchive(await hjul, "wheel");
  maerke("hjul");
  // Import only the page's calculator, so start-up does no work for the others (on the snapshot
  // path every calculator is imported already).
  pyodide.runPython(`import calculators._browser, calculators.${navn}, calculators.visning.${navn}`);
  // Everything alive now (the runtime, the modules, the rule data) lives as long as the page: frozen, the cycle
  // collector stops scanning it on each of the many young collections a calculation triggers. Measured in this
  // worker (merinvestering, 20 measures × 40 years): a call took 36 ms after a snapshot start and 20 ms after a
  // normal one, 14 and 13 ms frozen (issue 17).
  pyodide.runPython("import gc; gc.freeze()");
  kald = pyodide.pyimport("calculators._browser").kald;
  sammenlign = pyodide.pyimport("calculators._browser").sammenlign;
  opvarm = pyodide.pyimport("calculators._browser").opvarm;
  maerke("import");
  // When each download ended, for `make bench`.
  for (const e of /** @type {PerformanceResourceTiming[]} */ (performance.getEntriesByType("resource"))) {
    const fil = e.name.split("/").pop()?.replace(/-[0-9a-f]{12}\./, ".");
    if (fil && e.responseEnd > 0) maerke(`hentet ${fil}`, e.responseEnd);
  }
  // What this start loaded, for the service worker's offline cache: the runtime files the
  // build copied (the manifest lists them), the wheel, the manifest, the standard library and
  // the snapshot.
  // The service worker stores them in this order: the largest last.
  const filer = sti === "snapshot" ? [new URL("beregner/snapshotfil.mjs", import.meta.url).href] : [];
  filer.push(...manifest.runtime.map((f) => new URL(f, index).href));
  filer.push(url.hjul, manifestURL.href, sti === "snapshot" ? stdlibURL : url.stdlib);
  if (sti === "snapshot") filer.push(/** @type {string} */ (url.snapshot));
  return { sti, filer };
}

/** @type {Promise<void> | null} */
let klar = null;

// Warming up. WebAssembly starts in the engine's baseline compiler, and the engine optimises a function in the
// background only once it has run enough; until then a recalculation takes two to three times as long, and the
// optimising competes with it for the processor (measured in Chromium, budgettjek: 17 ms of Python per change
// and 28 ms of background compiling during the first 50 changes; 7 ms and 3 ms after a second of warm-up). So
// after the start the worker runs the calculator on its worked example while the page is idle: never while the
// reader is typing (a real call in the last half second), one run per task so a real call waits for at most
// one run, and no more than OPVARMNING_MS of Python in all.
const OPVARMNING_MS = 1500;
const STILLE_MS = 500;
let sidsteKald = -Infinity;

/** @param {(navn: string) => void} python calculators._browser.opvarm @param {string} navn */
async function varmOp(python, navn) {
  const vent = (/** @type {number} */ ms) => new Promise((r) => setTimeout(r, ms));
  let brugt = 0;
  while (brugt < OPVARMNING_MS) {
    await vent(0);
    const stille = performance.now() - sidsteKald;
    if (stille < STILLE_MS) {
      await vent(STILLE_MS - stille);
      continue;
    }
    const t0 = performance.now();
    python(navn);
    brugt += performance.now() - t0;
  }
  maerke("opvarmet");
}

/** The message of a thrown error (or the thrown value as text).
 * @param {unknown} err */
const tekst = (err) => String(/** @type {{ message?: unknown } | null} */ (err)?.message || err);

onmessage = async (e) => {
  const m = /** @type {TilWorker} */ (e.data);
  if (m.type === "start") {
    klar = start(m.navn, m.normalStart, m.manifest).then(
      ({ sti, filer }) => {
        send({ type: "klar", sti, filer });
        varmOp(/** @type {NonNullable<typeof opvarm>} */ (opvarm), m.navn).catch((err) => console.warn("Opvarmning:", err));
      },
      (err) => send({ type: "startfejl", besked: tekst(err) }),
    );
    return;
  }
  if (m.type === "kald") {
    sidsteKald = performance.now();
    await klar;
    try {
      const python = /** @type {NonNullable<typeof kald>} */ (kald);
      const json = m.sammenlign
        ? /** @type {NonNullable<typeof sammenlign>} */ (sammenlign)(JSON.stringify(m.data))
        : python(m.navn, JSON.stringify(m.data), true, Boolean(m.csv), m.resultat !== false);
      send({ type: "svartekst", id: m.id, json });
    } catch (err) {
      send({ type: "svartekst", id: m.id, json: null, intern: tekst(err) });
    }
  }
};

export {};
