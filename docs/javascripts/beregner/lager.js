// @ts-check
// This browser's own storage (localStorage), and the one module that touches it. It holds two things per
// calculator, and neither is ever sent anywhere:
//   lbf-beregner:<navn>  the form as the user left it (autosave), restored on the next visit, with a flag that a
//                        result was on screen (so a reload shows it again) and the open saved case;
//   lbf-gemte:<navn>     the saved cases ("Gemte beregninger"): name, date, rule set, the raw inputs.
// Tampered or foreign state is dropped. Every write is guarded: a full or disabled storage gives a Lagerfejl,
// which the page explains in Danish (lagerfejlTekst) while the form keeps its values; nothing here throws.
//
// Why localStorage is enough (issue 16): the largest realistic case, merinvestering with 100 measures and 20
// kinds of energy, takes about 17.000 characters (tests/browser/test_gemte_beregninger.py measures it and holds
// it under 25.000). With at most MAKS_SAGER = 30 cases per calculator that is at most about 0,75 MB for that
// calculator and well under 1 MB for all four, a fifth of the 5 MB (5 million characters) browsers give a site.

import { forDybt, raaFelter, udfyld } from "./formdata.js";

/** The version of the saved form, of a saved case and of the files (one case, or all cases). */
export const LAGER_VERSION = 1;

/** The most a saved form or a loaded file may be: far more than any form (a hundred rows
 *  of short texts), so anything larger is not ours, or tampered. */
export const MAKS_FILSTOERRELSE = 1024 * 1024;

/** The most saved cases per calculator (see the sizes above). */
export const MAKS_SAGER = 30;

/** The longest name of a saved case, in characters. */
export const MAKS_NAVN = 100;

/** What went wrong when writing: the storage is full, or the browser lets the site store nothing (a private
 *  window, storage turned off, a blocked origin).
 * @typedef {"fuldt" | "slaaet-fra"} Lagerfejl */

/** What the autosave remembers besides the fields.
 * @typedef {{ resultat: boolean, sag: string | null }} Tilstand */

/**
 * One saved case. `inddata` is the raw form (formdata.raaData), `gemt` an ISO date and time, `regelsaet` the rule
 * set of the result it was saved with (null when the inputs gave no result then).
 * @typedef {{ id: string, navn: string, gemt: string, regelsaet: string | null, inddata: Record<string, unknown> }} Sag
 */

/** @param {unknown} err
 * @returns {Lagerfejl} */
function somLagerfejl(err) {
  const e = /** @type {{ name?: string, code?: number } | null} */ (err);
  return e && (e.name === "QuotaExceededError" || e.name === "NS_ERROR_DOM_QUOTA_REACHED" || e.code === 22)
    ? "fuldt" : "slaaet-fra";
}

/** @param {string} noegle
 * @returns {{ tekst: string | null, fejl: Lagerfejl | null }} */
function laes(noegle) {
  try {
    return { tekst: localStorage.getItem(noegle), fejl: null };
  } catch (err) {
    return { tekst: null, fejl: somLagerfejl(err) };
  }
}

/** @param {string} noegle
 * @param {string} tekst
 * @returns {Lagerfejl | null} */
function skriv(noegle, tekst) {
  try {
    localStorage.setItem(noegle, tekst);
    return null;
  } catch (err) {
    return somLagerfejl(err);
  }
}

/** @param {string} noegle */
function fjern(noegle) {
  try { localStorage.removeItem(noegle); } catch { /* storage off: nothing to remove */ }
}

/** The Danish message for a failed write: what happened, that nothing typed is lost, and what to do instead.
 * @param {Lagerfejl} fejl
 * @param {string} hvad what could not be saved ("jeres svar", "beregningen »Tag«")
 * @param {string} raad a sentence on keeping the numbers another way (the file, the link) */
export function lagerfejlTekst(fejl, hvad, raad) {
  const grund = fejl === "fuldt"
    ? `Browserens lager er fuldt, så ${hvad} kunne ikke gemmes i browseren.`
    : `Browseren tillader ikke, at siden gemmer noget (det sker fx i et privat vindue, eller når lagring er slået fra), så ${hvad} kunne ikke gemmes i browseren.`;
  return `${grund} Intet af det, I har skrevet, er tabt: tallene står stadig i formularen. ${raad}`;
}

// ---- the form as the user left it (autosave) ---------------------------------------------------------------

/** @param {string} navn */
const formNoegle = (navn) => `lbf-beregner:${navn}`;

/** The saved form of calculator `navn`, checked, or null (nothing saved); throws on tampered state.
 * @param {string} navn */
function gemtForm(navn) {
  const { tekst } = laes(formNoegle(navn));
  if (!tekst) return null;
  if (tekst.length > MAKS_FILSTOERRELSE) throw new Error("size");
  const g = JSON.parse(tekst);
  if (!g || g.version !== LAGER_VERSION || typeof g.felter !== "object" || Array.isArray(g.felter)
      || !Object.values(g.felter).every((v) => ["string", "boolean"].includes(typeof v))
      || !["undefined", "boolean"].includes(typeof g.resultat)
      || !(g.sag === undefined || g.sag === null || (typeof g.sag === "string" && g.sag.length <= 64))) {
    throw new Error("form");
  }
  return /** @type {{ felter: Record<string, string | boolean>, resultat?: boolean, sag?: string | null }} */ (g);
}

/**
 * Restore the saved form of calculator `navn`. Returns false (and forgets the saved
 * state) when it could not be read.
 * @param {HTMLFormElement} form
 * @param {string} navn
 */
export function gendan(form, navn) {
  try {
    const g = gemtForm(navn);
    if (g) udfyld(form, g.felter);
    return true;
  } catch {
    glem(navn);
    return false;
  }
}

/** What the saved form remembers besides its fields (nothing, when there is none or it cannot be read).
 * @param {string} navn
 * @returns {Tilstand} */
export function tilstand(navn) {
  try {
    const g = gemtForm(navn);
    return { resultat: Boolean(g && g.resultat), sag: (g && g.sag) || null };
  } catch {
    return { resultat: false, sag: null };
  }
}

/** Save the form's fields, and whether a result that belongs to them is on screen.
 * @param {HTMLFormElement} form
 * @param {string} navn
 * @param {Tilstand} [t]
 * @returns {Lagerfejl | null} */
export function gem(form, navn, t = { resultat: false, sag: null }) {
  return skriv(formNoegle(navn), JSON.stringify({ version: LAGER_VERSION, felter: raaFelter(form), ...t }));
}

/** @param {string} navn */
export function glem(navn) {
  fjern(formNoegle(navn));
}

// ---- saved cases ("Gemte beregninger") ---------------------------------------------------------------------

/** @param {string} navn */
const sagNoegle = (navn) => `lbf-gemte:${navn}`;

/** A new id for a saved case (not secret, only unique in this browser). */
export function nyId() {
  return Date.now().toString(36) + Math.random().toString(36).slice(2, 10);
}

/** Raw inputs as formdata.raaData gives them: nested objects and lists of texts and ticks, nothing else.
 * @param {unknown} x */
export function erRaaData(x) {
  if (!x || typeof x !== "object" || Array.isArray(x) || forDybt(x)) return false;
  /** @type {unknown[]} */
  const stak = [x];
  while (stak.length) {
    const v = stak.pop();
    if (v && typeof v === "object") stak.push(...Object.values(v));
    else if (typeof v !== "string" && typeof v !== "boolean") return false;
  }
  return true;
}

/** A case name as it is kept: trimmed, runs of white space as one space.
 * @param {string} navn */
export function rensNavn(navn) {
  return navn.replace(/\s+/g, " ").trim();
}

/** The case, checked, or null when it is not one of ours (tampered, foreign, of another version).
 * @param {unknown} x
 * @returns {Sag | null} */
export function somSag(x) {
  const s = /** @type {Record<string, unknown> | null} */ (x && typeof x === "object" && !Array.isArray(x) ? x : null);
  if (!s) return null;
  const { id, navn, gemt, regelsaet, inddata } = s;
  if (typeof id !== "string" || !/^[0-9a-z]{1,64}$/.test(id)) return null;
  if (typeof navn !== "string" || !rensNavn(navn) || rensNavn(navn).length > MAKS_NAVN) return null;
  if (typeof gemt !== "string" || gemt.length > 40 || Number.isNaN(Date.parse(gemt))) return null;
  if (!(regelsaet === null || (typeof regelsaet === "string" && /^[0-9a-f]{1,64}$/.test(regelsaet)))) return null;
  if (!erRaaData(inddata)) return null;
  return { id, navn: rensNavn(navn), gemt, regelsaet, inddata: /** @type {Record<string, unknown>} */ (inddata) };
}

/**
 * The saved cases of calculator `navn`, newest first as they were kept. `kasseret` counts cases that could not be
 * read (they are left out, and go at the next write); `ulaeselig` is true when the whole store was not ours (it
 * is deleted); `fejl` says the browser lets the site read nothing.
 * @param {string} navn
 * @returns {{ sager: Sag[], kasseret: number, ulaeselig: boolean, fejl: Lagerfejl | null }}
 */
export function hentSager(navn) {
  const { tekst, fejl } = laes(sagNoegle(navn));
  if (fejl || !tekst) return { sager: [], kasseret: 0, ulaeselig: false, fejl };
  try {
    if (tekst.length > MAKS_SAGER * MAKS_FILSTOERRELSE) throw new Error("size");
    const g = JSON.parse(tekst);
    if (!g || g.version !== LAGER_VERSION || !Array.isArray(g.sager)) throw new Error("form");
    const sager = /** @type {Sag[]} */ (g.sager.map(somSag).filter(Boolean));
    // Two cases with one id (a tampered store) would open and delete each other: the first one counts.
    const unikke = sager.filter((s, i) => sager.findIndex((t) => t.id === s.id) === i);
    return { sager: unikke, kasseret: g.sager.length - unikke.length, ulaeselig: false, fejl: null };
  } catch {
    fjern(sagNoegle(navn));
    return { sager: [], kasseret: 0, ulaeselig: true, fejl: null };
  }
}

/** Keep `sager` as calculator `navn`'s saved cases.
 * @param {string} navn
 * @param {Sag[]} sager
 * @returns {Lagerfejl | null} */
export function gemSager(navn, sager) {
  return skriv(sagNoegle(navn), JSON.stringify({ version: LAGER_VERSION, sager }));
}

/** Whether `noegle` (of a storage event) is calculator `navn`'s saved cases.
 * @param {string | null} noegle
 * @param {string} navn */
export function erSagNoegle(noegle, navn) {
  return noegle === null || noegle === sagNoegle(navn);
}

/** `navn`, or "navn (2)", "navn (3)" … when a case of that name exists (names compare without case).
 * @param {string} navn
 * @param {string[]} navne */
export function unikNavn(navn, navne) {
  const brugt = new Set(navne.map((n) => n.toLocaleLowerCase("da")));
  const rod = navn.replace(/ \(\d+\)$/, "");
  if (!brugt.has(navn.toLocaleLowerCase("da"))) return navn;
  for (let i = 2; ; i++) {
    const forslag = `${rod.slice(0, MAKS_NAVN - 6)} (${i})`;
    if (!brugt.has(forslag.toLocaleLowerCase("da"))) return forslag;
  }
}
