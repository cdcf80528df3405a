// @ts-check
// Files: download the inputs and result as JSON (and the table as CSV where the calculator
// offers one), load a saved JSON back, print. Everything stays in the browser.

import { el, maal } from "./dom.js";
import { visFejl } from "./fejl.js";
import { fladgoer, forDybt, samlData, udfyld } from "./formdata.js";
import { LAGER_VERSION, MAKS_FILSTOERRELSE } from "./lager.js";

/** @typedef {import("./beskeder.js").Svar} Svar */
/** @typedef {import("./beskeder.js").SvarBesked} SvarBesked */

/** Let the browser save `tekst` as the file `navn`.
 * @param {string} navn
 * @param {string} tekst
 * @param {string} type */
export function hentFil(navn, tekst, type) {
  const url = URL.createObjectURL(new Blob([tekst], { type }));
  const a = el("a", { href: url, download: navn });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A file's JSON, or a Danish message saying why it cannot be read (too large, not JSON). The calculator's own
 * file and the file of all saved cases (gemte.js) are read alike.
 * @param {File} fil
 * @param {string} vaelg what to choose instead ("Vælg en fil, som beregneren har gemt.")
 * @returns {Promise<{ json: unknown } | string>} */
export async function laesJsonFil(fil, vaelg) {
  if (fil.size > MAKS_FILSTOERRELSE) {
    return `Filen »${fil.name}« er for stor (over ${MAKS_FILSTOERRELSE / (1024 * 1024)} MB). ${vaelg}`;
  }
  try {
    return { json: JSON.parse(await fil.text()) };
  } catch {
    return `Filen »${fil.name}« kunne ikke læses. ${vaelg.replace("en fil", "en JSON-fil")}`;
  }
}

/** The saved inputs (and the rule set they were computed with) in a file's or a link's JSON, or a Danish message
 * saying why they cannot be used.
 * @param {unknown} indhold the parsed JSON
 * @param {string} navn the calculator it must come from
 * @param {string} hvad what it is, as the message's subject ("Filen »x.json«", "Linket")
 * @param {string} [anden] how it says that another calculator made it
 * @returns {string | { inddata: Record<string, unknown>, regelsaet: string | null }} */
export function tjekGemt(indhold, navn, hvad, anden = "er gemt fra en anden beregner") {
  const g = /** @type {{ inddata?: unknown, beregner?: unknown, regelsaet?: unknown }} */ (indhold);
  if (!g || typeof g !== "object" || Array.isArray(g) || forDybt(g) || !g.inddata
      || typeof g.inddata !== "object" || Array.isArray(g.inddata)) {
    return `${hvad} indeholder ikke en gemt beregning. Jeres nuværende tal er uændrede.`;
  }
  if (g.beregner !== navn) {
    return `${hvad} ${anden}. Jeres nuværende tal er uændrede.`;
  }
  return { inddata: /** @type {Record<string, unknown>} */ (g.inddata), regelsaet: typeof g.regelsaet === "string" ? g.regelsaet : null };
}

/** The rule-set id of a result (issue 15: every result names its rules), or null.
 * @param {Svar | null | undefined} svar */
export function regelsaetI(svar) {
  const id = svar && !svar.fejl ? svar.regelsaet : null;
  return typeof id === "string" ? id : null;
}

/** The sentence (with a leading space) saying that saved inputs were computed with other rules than today's, or "".
 * @param {string | null} gemt the rule set it was saved with
 * @param {string | null} nu the rule set of the new result */
export function regelAendring(gemt, nu) {
  return gemt && nu && gemt !== nu
    ? ` Den blev gemt med en tidligere udgave af reglerne (regelsæt ${gemt}) og er nu regnet igen med de`
      + ` gældende (regelsæt ${nu}). Se »Regler brugt i beregningen«.`
    : "";
}

/**
 * The calculator's file buttons.
 * @param {HTMLElement} rod
 * @param {HTMLFormElement} form
 * @param {object} side
 * @param {string} side.navn the calculator
 * @param {(valg?: { csv?: boolean }) => Promise<SvarBesked>} side.kald runs the form's data
 * @param {(tekst: string, ved?: Element | null) => void} side.sigTil writes a message
 * @param {() => void} side.gem saves the form in the browser
 * @param {() => Promise<void>} side.indlaest what follows a loaded file (show and compute it)
 */
export function opsaetFiler(rod, form, { navn, kald, sigTil, gem, indlaest }) {
  /** @type {Svar | null} */
  let sidsteSvar = null;
  rod.addEventListener("lbf-svar", (e) => { sidsteSvar = /** @type {CustomEvent<Svar>} */ (e).detail; });
  rod.querySelector("[data-hent-json]")?.addEventListener("click", async () => {
    // A recalculation as the reader typed left the result's data out (only its HTML is shown): it is computed now,
    // from the same inputs.
    const svar = sidsteSvar && !sidsteSvar.fejl && !sidsteSvar.resultat ? (await kald()).svar : sidsteSvar;
    // The rule set the result was computed with, so a later load can say whether the rules changed since.
    const indhold = { beregner: navn, version: LAGER_VERSION, regelsaet: regelsaetI(svar),
      beregnet: new Date().toISOString().slice(0, 10), inddata: samlData(form),
      resultat: svar && !svar.fejl ? svar.resultat : null };
    hentFil(`${navn}-beregning.json`, JSON.stringify(indhold, null, 2), "application/json");
  });
  rod.querySelector("[data-hent-csv]")?.addEventListener("click", async () => {
    const svar = await kald({ csv: true });
    if (svar.svar && svar.svar.csv) hentFil(`${navn}-aarstabel.csv`, "\ufeff" + svar.svar.csv, "text/csv;charset=utf-8");
    else if (svar.svar && svar.svar.fejl) visFejl(rod, form, svar.svar.fejl);
  });
  rod.querySelector("[data-udskriv]")?.addEventListener("click", () => window.print());
  rod.querySelector("[data-indlaes-json]")?.addEventListener("change", async (e) => {
    const input = /** @type {HTMLInputElement} */ (maal(e));
    const fil = input.files?.[0];
    input.value = "";
    if (!fil) return;
    const ved = input.parentElement;
    const json = await laesJsonFil(fil, "Vælg en fil, som beregneren har gemt.");
    if (typeof json === "string") { sigTil(json, ved); return; }
    const gemt = tjekGemt(json.json, navn, `Filen »${fil.name}«`);
    if (typeof gemt === "string") { sigTil(gemt, ved); return; }
    try {
      udfyld(form, fladgoer(gemt.inddata));
    } catch (err) {
      const grund = err instanceof RangeError ? ` ${err.message}` : "";
      sigTil(`Filen »${fil.name}« kunne ikke bruges.${grund} Jeres nuværende tal er uændrede.`, ved);
      return;
    }
    gem();
    sidsteSvar = null;
    await indlaest();
    sigTil(`Beregningen fra filen »${fil.name}« er indlæst.${regelAendring(gemt.regelsaet, regelsaetI(sidsteSvar))}`, ved);
  });
}
