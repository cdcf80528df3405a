// @ts-check
// The messages between the page, the calculator's Web Worker (../beregner-worker.js) and
// the service worker (sw.js), as JSDoc types for TypeScript's check (`make typecheck`).
// Types only: no page loads this file, the other modules name it in JSDoc.

// ---- page -> calculator worker ---------------------------------------------------------

/**
 * Start Python and import calculator `navn`. `normalStart` skips the memory snapshot. `manifest` is the
 * one the page carries (its start script's data-manifest); without it the worker fetches manifest.json.
 * @typedef {{ type: "start", navn: string, normalStart: boolean, manifest?: Manifest }} StartBesked
 */
/**
 * Run calculator `navn` on the form data; the answer comes back with the same `id`. `resultat: false` leaves the
 * result's data out of the answer (a recalculation as the reader types shows only its HTML). With `sammenlign`,
 * `data` is `{ alternativer: [{ navn, inddata }, …] }` and the answer is the comparison of merinvestering
 * alternatives (calculators/alternativer.py).
 * @typedef {{ type: "kald", id: number, navn: string, data: unknown, csv: boolean, resultat?: boolean,
 *   sammenlign?: boolean }} KaldBesked
 */
/** @typedef {StartBesked | KaldBesked} TilWorker */

// ---- calculator worker -> page ---------------------------------------------------------

/** One error at a field (`felt` is its JSON path, "" for the form as a whole).
 * @typedef {{ felt: string, besked: string }} Fejl */
/**
 * The Python package's answer (calculators/_browser.py): a result with its rendered HTML, its rule set (and the
 * CSV table when asked for; its data unless left out), or the errors in the input.
 * @typedef {{ resultat?: Record<string, unknown>, html: string, regelsaet: string, csv?: string, fejl?: undefined }} Resultatsvar
 * @typedef {{ fejl: Fejl[], resultat?: undefined, html?: undefined, csv?: undefined }} Fejlsvar
 * @typedef {Resultatsvar | Fejlsvar} Svar
 */

/** A line for the status text under the calculator's heading.
 * @typedef {{ type: "status", tekst: string }} StatusBesked */
/** A phase time for `make bench` (ms since the epoch).
 * @typedef {{ type: "tid", fase: string, t: number }} TidBesked */
/** Python is ready; `filer` is what the start loaded, for the offline cache.
 * @typedef {{ type: "klar", sti: "snapshot" | "normal", filer: string[] }} KlarBesked */
/** @typedef {{ type: "startfejl", besked: string }} StartfejlBesked */
/** The answer to a call as the worker sends it: the Python package's JSON text as it is (a text crosses to the
 * page as one copy; a parsed object is copied field by field on both sides), null (and `intern` says why) when
 * Python failed.
 * @typedef {{ type: "svartekst", id: number, json: string | null, intern?: string }} SvartekstBesked */
/** @typedef {StatusBesked | TidBesked | KlarBesked | StartfejlBesked | SvartekstBesked} FraWorker */
/** The answer to a call as the page's code gets it (beregner/worker-klient.js parses the text); `svar` is null
 * (and `intern` says why) when Python failed.
 * @typedef {{ type: "svar", id: number, svar: Svar | null, intern?: string }} SvarBesked */

// ---- page -> service worker ------------------------------------------------------------

/** Cache these files (what the page and its worker used) for offline use.
 * @typedef {{ type: "gem", urls: string[] }} GemBesked */

// ---- build -> calculator worker --------------------------------------------------------

/**
 * assets/beregnere/manifest.json, written by build_scripts/efterbyg.py (which also puts it on the
 * calculator pages' start script): the wheel, the Pyodide version (its folder under assets/pyodide/),
 * the snapshot (null when none was made), the standard library of each start path (assets/beregnere/;
 * `snapshot` null without a snapshot), Pyodide's lock file without packages (passed inline) and the
 * runtime files a start loads.
 * @typedef {{ hjul: string, pyodide: string, snapshot: string | null,
 *   stdlib: { normal: string, snapshot: string | null }, laas: import("pyodide").Lockfile,
 *   runtime: string[] }} Manifest
 */

export {};
