// @ts-check
// Form <-> data. Field names are JSON paths ("poster[2].beloeb_kr"); names starting with
// "_" are for the page only and never sent. Fields whose condition does not hold
// (data-vis-hvis) are sent as null.

import { erSkjult, opdaterSynlighed, vaerdi } from "./betingelser.js";
import { felter } from "./dom.js";
import { raekkerTil, saetAntalRaekker } from "./raekker.js";

/** Values the form holds by path: texts as typed, true/false for a checkbox.
 * @typedef {Record<string, string | boolean>} Felter */

/**
 * @param {Record<string | number, any>} obj
 * @param {string} sti
 * @param {unknown} v
 */
function saetSti(obj, sti, v) {
  const dele = /** @type {string[]} */ (sti.match(/[^.\[\]]+/g));
  let o = obj;
  dele.forEach((d, i) => {
    const sidste = i === dele.length - 1;
    const naeste = dele[i + 1];
    const noegle = /^\d+$/.test(d) ? Number(d) : d;
    if (sidste) { o[noegle] = v; return; }
    if (o[noegle] == null) o[noegle] = /^\d+$/.test(naeste) ? [] : {};
    o = o[noegle];
  });
}

/** Sparse arrays (after a row was removed) become dense lists.
 * @param {unknown} x
 * @returns {unknown} */
function komprimer(x) {
  return Array.isArray(x) ? x.filter((y) => y !== undefined).map(komprimer)
    : (x && typeof x === "object") ? Object.fromEntries(Object.entries(x).map(([k, y]) => [k, komprimer(y)])) : x;
}

/** The data object Python reads in form mode: texts as typed, null for hidden fields.
 * @param {HTMLFormElement} form */
export function samlData(form) {
  /** @type {Record<string, unknown>} */
  const data = {};
  const set = new Set();
  for (const f of felter(form)) {
    const navn = f.name;
    if (!navn || navn.startsWith("_") || set.has(navn) || f.disabled) continue;
    set.add(navn);
    /** @type {string | boolean | null} */
    let v = vaerdi(form, navn);
    if (f.type === "checkbox") v = f.checked;
    if (erSkjult(f, form)) v = null;
    saetSti(data, navn, v);
  }
  return /** @type {Record<string, unknown>} */ (komprimer(data));
}

/** Every named field's raw value, for the browser's own storage.
 * @param {HTMLFormElement} form
 * @returns {Felter} */
export function raaFelter(form) {
  /** @type {Felter} */
  const ud = {};
  for (const f of felter(form)) {
    if (!f.name) continue;
    if (f.type === "radio") { if (f.checked) ud[f.name] = f.value; }
    else if (f.type === "checkbox") ud[f.name] = f.checked;
    else if (f.type !== "file") ud[f.name] = f.value;
  }
  return ud;
}

/** Every named field's raw value as a nested object ({"poster": [{"tekst": …}], "_udbudt": "ja"}): what a saved
 *  case and a shared link hold. Unlike samlData it keeps the page's own "_" fields and the answers of hidden
 *  questions, so opening it gives back exactly the form the user left; fladgoer() turns it back into paths.
 * @param {HTMLFormElement} form */
export function raaData(form) {
  /** @type {Record<string, unknown>} */
  const data = {};
  for (const [sti, v] of Object.entries(raaFelter(form))) saetSti(data, sti, v);
  return /** @type {Record<string, unknown>} */ (komprimer(data));
}

/** Replace the whole form with {path: text}: the page's defaults first (form.reset(); each repeated-rows block
 *  back to its data-min rows), then the data. Throws the RangeError of udfyld, before changing anything, when the
 *  data asks for more rows than a block allows.
 * @param {HTMLFormElement} form
 * @param {Record<string, unknown>} data */
export function erstat(form, data) {
  const antal = raekkerTil(form, data);
  form.reset();
  for (const g of /** @type {NodeListOf<HTMLElement>} */ (form.querySelectorAll("[data-gentag]"))) {
    saetAntalRaekker(g, antal.get(g) || Number(g.dataset.min || 1));
  }
  udfyld(form, data);
}

/** Fill the form from {path: text}; throws a RangeError (a Danish message), before changing
 *  anything, when the data asks for more rows in a block than its data-max allows.
 * @param {HTMLFormElement} form
 * @param {Record<string, unknown>} data */
export function udfyld(form, data) {
  for (const [g, n] of raekkerTil(form, data)) saetAntalRaekker(g, n);
  for (const f of felter(form)) {
    if (!f.name || !(f.name in data)) continue;
    const v = data[f.name];
    if (f.type === "radio") f.checked = f.value === (typeof v === "boolean" ? (v ? "ja" : "nej") : v);
    else if (f.type === "checkbox") f.checked = v === true;
    else if (f.type !== "file") f.value = v == null ? "" : String(v);
  }
  opdaterSynlighed(form);
}

/** A saved form is at most a few levels deep (object → rows → object); anything deeper is not one of ours. */
export const MAKS_DYBDE = 8;

/** Whether `obj` nests deeper than `maks` levels, checked without recursion (a hostile file may nest
 * thousands of levels, and a recursive walk would end in the engine's English "Maximum call stack size").
 * @param {unknown} obj
 * @param {number} [maks]
 * @returns {boolean} */
export function forDybt(obj, maks = MAKS_DYBDE) {
  /** @type {Array<[unknown, number]>} */
  const stak = [[obj, 0]];
  while (stak.length) {
    const [x, d] = /** @type {[unknown, number]} */ (stak.pop());
    if (d > maks) return true;
    if (x && typeof x === "object") for (const v of Object.values(x)) stak.push([v, d + 1]);
  }
  return false;
}

/** Flatten a saved/loaded nested object into {path: text}; numbers in Danish notation.
 * @param {unknown} obj
 * @param {string} [praefiks]
 * @param {Felter} [ud]
 * @returns {Felter} */
export function fladgoer(obj, praefiks = "", ud = {}) {
  if (Array.isArray(obj)) obj.forEach((v, i) => fladgoer(v, `${praefiks}[${i}]`, ud));
  else if (obj && typeof obj === "object") {
    for (const [k, v] of Object.entries(obj)) fladgoer(v, praefiks ? `${praefiks}.${k}` : k, ud);
  } else if (typeof obj === "number") ud[praefiks] = String(obj).replace(".", ",");
  else if (typeof obj === "boolean") ud[praefiks] = obj;
  else ud[praefiks] = obj == null ? "" : String(obj);
  return ud;
}
