// @ts-check
// The page's side of the calculator's Web Worker (../beregner-worker.js): start it (or take
// over the one ../beregner-start.js started from <head>), show its status, send it calls.

import { gemTilOffline } from "./offline.js";

/** @typedef {import("./beskeder.js").FraWorker} FraWorker */
/** @typedef {import("./beskeder.js").TilWorker} TilWorker */
/** @typedef {import("./beskeder.js").SvarBesked} SvarBesked */

/**
 * The worker beregner-start.js starts from <head>, with what it heard before the glue ran.
 * @typedef {{ navn: string | undefined, worker: Worker, beskeder: MessageEvent<FraWorker>[], fejl: ErrorEvent[] }} TidligWorker
 */
/**
 * The globals the glue shares: the early worker, and the phase times `make bench` reads.
 * @typedef {Window & { __lbfTidligWorker?: TidligWorker, __lbfTider?: Record<string, number> }} LbfVindue
 */

/**
 * @typedef {object} WorkerKlient
 * @property {Promise<void>} klar resolves when Python is ready, rejects when it cannot start
 * @property {(data: unknown, valg?: { csv?: boolean, resultat?: boolean }) => Promise<SvarBesked>} kald
 *   runs the calculator on `data` (the CSV table too when `csv`; without the result's data when `resultat` is false)
 * @property {(alternativer: { navn: string, inddata: Record<string, unknown> }[]) => Promise<SvarBesked>} sammenlign
 *   compares merinvestering alternatives (calculators/alternativer.py)
 */

// The same URL beregner-start.js uses, so the offline cache names one file.
const WORKER_URL = new URL("../beregner-worker.js", import.meta.url);

/** The manifest the page carries on its start script (build_scripts/efterbyg.py), if any.
 * @returns {import("./beskeder.js").Manifest | undefined} */
function sidensManifest() {
  const tekst = /** @type {HTMLElement | null} */ (document.querySelector("script[data-manifest]"))?.dataset.manifest;
  try {
    return tekst ? JSON.parse(tekst) : undefined;
  } catch (err) {
    return undefined;  // the worker fetches manifest.json
  }
}

/**
 * @param {HTMLElement} rod the calculator's element (data-beregner="NAVN")
 * @returns {WorkerKlient}
 */
export function startWorker(rod) {
  const navn = /** @type {string} */ (rod.dataset.beregner);
  const vindue = /** @type {LbfVindue} */ (window);
  const status = rod.querySelector("[data-status]");
  /** @type {Map<number, (m: SvarBesked) => void>} */
  const afventer = new Map();
  let naesteId = 1;
  /** @type {() => void} */
  let klarLoes = () => {};
  /** @type {(err: Error) => void} */
  let klarAfvis = () => {};
  /** @type {Promise<void>} */
  const klar = new Promise((l, a) => { klarLoes = l; klarAfvis = a; });
  /** @type {Worker | undefined} */
  let worker;
  // The worker may already be running: beregner-start.js starts it from <head>.
  const tidlig = vindue.__lbfTidligWorker;
  if (tidlig && tidlig.navn === navn) {
    delete vindue.__lbfTidligWorker;
    worker = tidlig.worker;
  } else {
    try {
      worker = new Worker(WORKER_URL, { type: "module" });
    } catch (err) {
      klarAfvis(/** @type {Error} */ (err));
    }
  }
  /** @param {TilWorker} m */
  const send = (m) => worker?.postMessage(m);
  /** @param {string} t */
  const visStatus = (t) => { if (status) status.textContent = t; };

  /** @param {MessageEvent<FraWorker>} e */
  const paaBesked = (e) => {
    const m = e.data;
    if (m.type === "status") visStatus(m.tekst);
    else if (m.type === "tid") (vindue.__lbfTider ||= {})[m.fase] = m.t - performance.timeOrigin;
    else if (m.type === "klar") {
      gemTilOffline([...m.filer, WORKER_URL.href]);
      rod.dataset.start = m.sti;
      rod.dataset.state = "ready";
      visStatus("Beregneren er klar.");
      klarLoes();
    }
    else if (m.type === "startfejl") klarAfvis(new Error(m.besked));
    else if (m.type === "svartekst") {
      /** @type {SvarBesked} */
      let svar = { type: "svar", id: m.id, svar: null, intern: m.intern };
      try {
        if (m.json !== null) svar = { type: "svar", id: m.id, svar: JSON.parse(m.json) };
      } catch (err) {
        svar.intern = String(err);
      }
      afventer.get(m.id)?.(svar);
      afventer.delete(m.id);
    }
  };
  /** @param {ErrorEvent} e */
  const paaFejl = (e) => { e.preventDefault?.(); klarAfvis(new Error(e.message || "worker")); };

  if (worker) {
    worker.onmessage = paaBesked;
    worker.onerror = paaFejl;
    if (tidlig && tidlig.worker === worker) {
      // Messages and errors from before this script ran, in the order they came.
      for (const e of tidlig.beskeder) paaBesked(e);
      for (const e of tidlig.fejl) paaFejl(e);
    } else {
      // ?start=normal skips the snapshot (for comparison and as a way out if it misbehaves).
      const normalStart = new URLSearchParams(location.search).get("start") === "normal";
      send({ type: "start", navn, normalStart, manifest: sidensManifest() });
    }
  }
  klar.catch((err) => {
    rod.dataset.state = "error";
    visStatus("Beregneren kunne ikke starte i denne browser. Vejledningen og eksemplet på siden gælder stadig.");
    console.warn("Beregneren kunne ikke starte:", err);
  });
  return {
    klar,
    kald(data, { csv = false, resultat = true } = {}) {
      return klar.then(() => new Promise((loes) => {
        const id = naesteId++;
        afventer.set(id, loes);
        send({ type: "kald", id, navn, data, csv, resultat });
      }));
    },
    /** Compare merinvestering alternatives (saved cases): `alternativer` is `[{ navn, inddata }, …]`.
     * @param {{ navn: string, inddata: Record<string, unknown> }[]} alternativer
     * @returns {Promise<SvarBesked>} */
    sammenlign(alternativer) {
      return klar.then(() => new Promise((loes) => {
        const id = naesteId++;
        afventer.set(id, loes);
        send({ type: "kald", id, navn, data: { alternativer }, csv: false, sammenlign: true });
      }));
    },
  };
}
