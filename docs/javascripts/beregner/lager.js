// @ts-check
// What the user typed, kept in this browser only (localStorage), so the form is filled
// again on the next visit. Tampered or foreign state is dropped.

import { raaFelter, udfyld } from "./formdata.js";

/** The version of the saved form (in localStorage and in a downloaded file). */
export const LAGER_VERSION = 1;

/** The most a saved form or a loaded file may be: far more than any form (a hundred rows
 *  of short texts), so anything larger is not ours, or tampered. */
export const MAKS_FILSTOERRELSE = 1024 * 1024;

/**
 * Restore the saved form of calculator `navn`. Returns false (and forgets the saved
 * state) when it could not be read.
 * @param {HTMLFormElement} form
 * @param {string} navn
 */
export function gendan(form, navn) {
  try {
    const gemt = localStorage.getItem(noegle(navn));
    if (gemt && gemt.length > MAKS_FILSTOERRELSE) throw new Error("size");
    if (gemt) {
      const g = JSON.parse(gemt);
      if (!g || g.version !== LAGER_VERSION || typeof g.felter !== "object" || Array.isArray(g.felter)
          || !Object.values(g.felter).every((v) => ["string", "boolean"].includes(typeof v))) {
        throw new Error("form");
      }
      udfyld(form, g.felter);
    }
    return true;
  } catch {
    glem(navn);
    return false;
  }
}

/** Save the form's fields (quietly does nothing when storage is full or off).
 * @param {HTMLFormElement} form
 * @param {string} navn */
export function gem(form, navn) {
  try {
    localStorage.setItem(noegle(navn), JSON.stringify({ version: LAGER_VERSION, felter: raaFelter(form) }));
  } catch { /* storage full or off */ }
}

/** @param {string} navn */
export function glem(navn) {
  localStorage.removeItem(noegle(navn));
}

/** @param {string} navn */
function noegle(navn) {
  return `lbf-beregner:${navn}`;
}
