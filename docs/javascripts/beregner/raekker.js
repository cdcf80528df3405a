// @ts-check
// Repeated rows (measures, budget lines, years):
//   <div data-gentag="aar" data-min="1" data-max="10" [data-max-besked="…"]> with a
//   <template> of one [data-raekke], a [data-raekker] list, [data-tilfoej]/[data-fjern]
//   buttons, [data-nr] row numbers and an optional [data-besked] line of its own; a field
//   marked data-fortloebende in the template starts one above the largest number in its column.

import { maal } from "./dom.js";

/** @typedef {import("./dom.js").Felt} Felt */

// The most rows a block may get when the page sets no data-max, and what a loaded file or
// saved state may ask for: a few more than the page allows are loaded, and the calculator
// explains its limit at the field; far more are refused before anything changes, since
// building them one by one would hang the page.
/** The block's row limit: its data-max, which the page takes from the calculator (calculators.raekkegraenser),
 * so the form, a loaded file and the calculator follow one limit.
 * @param {HTMLElement} gentag */
export function maksRaekker(gentag) {
  return Number(gentag.dataset.max);
}

/** The message when a block is full.
 * @param {HTMLElement} gentag */
export function maksBesked(gentag) {
  return gentag.dataset.maxBesked || `Der kan højst være ${maksRaekker(gentag)} rækker.`;
}

/** @param {HTMLElement} gentag */
function liste(gentag) {
  return /** @type {HTMLElement} */ (gentag.querySelector("[data-raekker]"));
}

/** @param {HTMLElement} gentag
 * @param {number} antal */
export function saetAntalRaekker(gentag, antal) {
  const l = liste(gentag);
  // Numbered once at the end: numbering after each row made a long file take seconds.
  while (l.children.length < antal) tilfoejRaekke(gentag, false);
  while (l.children.length > antal) l.lastElementChild?.remove();
  nummerer(gentag);
}

/** Renumber names, ids, labels and row numbers after rows were added or removed.
 * @param {HTMLElement} gentag */
export function nummerer(gentag) {
  const navn = gentag.dataset.gentag;
  [...liste(gentag).children].forEach((r, i) => {
    for (const e of r.querySelectorAll("[name], [for], [id], [data-nr], [aria-describedby]")) {
      for (const a of ["name", "for", "id", "aria-describedby"]) {
        const v = e.getAttribute(a);
        if (v) e.setAttribute(a, v.replace(new RegExp(`${navn}(\\[|-)\\d+`, "g"), (_, s) => `${navn}${s}${i}`));
      }
      if (e.hasAttribute("data-nr")) e.textContent = String(i + 1);
    }
  });
}

/** @param {HTMLElement} gentag
 * @param {boolean} [nummerering] */
export function tilfoejRaekke(gentag, nummerering = true) {
  const skabelon = /** @type {HTMLTemplateElement} */ (gentag.querySelector("template"));
  const l = liste(gentag);
  const ny = /** @type {HTMLElement} */ (/** @type {Element} */ (skabelon.content.firstElementChild).cloneNode(true));
  l.append(ny);
  if (nummerering) nummerer(gentag);
  // A field marked data-fortloebende (e.g. a year number) starts one above the largest
  // number already in its column, so adding a row continues the sequence.
  for (const f of /** @type {NodeListOf<Felt>} */ (ny.querySelectorAll("[data-fortloebende][name]"))) {
    const kolonne = f.name.slice(f.name.lastIndexOf("]") + 1);
    const tal = [.../** @type {NodeListOf<Felt>} */ (l.querySelectorAll("[data-fortloebende][name]"))]
      .filter((x) => x !== f && x.name.endsWith(kolonne))
      .map((x) => Number.parseInt(x.value, 10)).filter(Number.isFinite);
    f.value = String(tal.length ? Math.max(...tal) + 1 : l.children.length);
  }
  return ny;
}

/**
 * The buttons and pasting of every repeated-rows block in the form.
 * @param {HTMLFormElement} form
 * @param {{ sigTil: (tekst: string, ved?: Element | null) => void, gem: () => void }} side
 *   sigTil writes a message (in the block's own line), gem saves the form in the browser.
 */
export function opsaetRaekker(form, { sigTil, gem }) {
  for (const g of /** @type {NodeListOf<HTMLElement>} */ (form.querySelectorAll("[data-gentag]"))) {
    // Pasting a column (e.g. from a spreadsheet) into one cell fills the rows below,
    // adding rows as needed.
    g.addEventListener("paste", (e) => {
      const felt = /** @type {Felt} */ (maal(e));
      const m = felt.name && felt.name.match(/^(.*)\[(\d+)\]\.(.+)$/);
      const tekst = e.clipboardData?.getData("text/plain") || "";
      const linjer = tekst.replace(/\r/g, "").split("\n").map((l) => l.split("\t")[0].trim());
      while (linjer.length && linjer[linjer.length - 1] === "") linjer.pop();
      if (!m || linjer.length < 2) return;
      e.preventDefault();
      const start = Number(m[2]);
      const antal = Math.min(linjer.length, maksRaekker(g) - start);
      saetAntalRaekker(g, Math.max(liste(g).children.length, start + antal));
      for (let j = 0; j < antal; j++) {
        const x = /** @type {Felt | null} */ (form.querySelector(`[name="${CSS.escape(`${m[1]}[${start + j}].${m[3]}`)}"]`));
        if (x) x.value = linjer[j];
      }
      form.dispatchEvent(new Event("input"));
    });
    g.addEventListener("click", (e) => {
      const k = maal(e).closest("button");
      if (!k) return;
      if (k.matches("[data-tilfoej]")) {
        if (liste(g).children.length >= maksRaekker(g)) {
          sigTil(maksBesked(g), g);
          return;
        }
        sigTil("", g);
        const ny = tilfoejRaekke(g);
        /** @type {HTMLElement | null} */ (ny.querySelector("input, select"))?.focus();
        gem();
      } else if (k.matches("[data-fjern]")) {
        if (liste(g).children.length <= Number(g.dataset.min || 1)) return;
        k.closest("[data-raekke]")?.remove();
        nummerer(g);
        /** @type {HTMLElement | null} */ (g.querySelector("[data-tilfoej]"))?.focus();
        gem();
      }
    });
  }
}

/** The number of rows each block needs for the fields in `data` ({path: text}).
 * Throws a RangeError (a Danish message) when a block would get more rows than its limit.
 * @param {HTMLFormElement} form
 * @param {Record<string, unknown>} data
 * @returns {Map<HTMLElement, number>} */
export function raekkerTil(form, data) {
  const antal = new Map();
  for (const g of /** @type {NodeListOf<HTMLElement>} */ (form.querySelectorAll("[data-gentag]"))) {
    const moenster = new RegExp(`^${g.dataset.gentag}\\[(\\d+)\\]`);
    let n = 0;
    for (const k of Object.keys(data)) {
      const m = k.match(moenster);
      if (m) n = Math.max(n, Number(m[1]) + 1);
    }
    if (!n) continue;
    if (n > maksRaekker(g)) throw new RangeError(maksBesked(g));
    antal.set(g, n);
  }
  return antal;
}
