// @ts-check
// One calculator on a page: the form, the worker, the result, and what ties them together.
//
// Markup contract (see docs/beregnere/*.md):
//   <div class="lbf-beregner" data-beregner="NAVN" data-state="loading">
//     <p data-status aria-live="polite">…</p>
//     <form data-formular [data-trinvis]> fields named by their JSON path … </form>
//     <div data-resultat></div>
//   </div>
// The parts: betingelser.js (data-vis-hvis), formdata.js (form <-> data), raekker.js
// (repeated rows), fejl.js (errors), trinvis.js (step-by-step flow), filer.js (files),
// lager.js (this browser's storage), worker-klient.js (the Python worker).

import { feltFor, ryd, visFejl } from "./fejl.js";
import { find } from "./dom.js";
import { opsaetFiler } from "./filer.js";
import { samlData, udfyld } from "./formdata.js";
import { opdaterSynlighed } from "./betingelser.js";
import { gem as gemForm, gendan, glem } from "./lager.js";
import { opsaetRaekker } from "./raekker.js";
import { trinvis } from "./trinvis.js";
import { startWorker } from "./worker-klient.js";

/** @typedef {import("./beskeder.js").Resultatsvar} Resultatsvar */
/** @typedef {import("./beskeder.js").Svar} Svar */
/** @typedef {import("./beskeder.js").Fejl} Fejl */
/** @typedef {import("./beskeder.js").SvarBesked} SvarBesked */
/**
 * A small handle on the calculator's element for tests and benchmarks: the same calls the form makes.
 * @typedef {object} Haandtag
 * @property {{ valider: (trin: HTMLElement) => Promise<Fejl[]>, koer: () => Promise<Svar | null> }} beregn
 * @property {(data: unknown, valg?: { csv?: boolean }) => Promise<SvarBesked>} kald
 * @property {() => Record<string, unknown>} samlData
 * @property {(felter: Record<string, unknown>) => void} udfyld
 * @property {() => void} gem
 */

/** @param {HTMLElement} rod the element with data-beregner="NAVN" */
export function opsaet(rod) {
  const navn = /** @type {string} */ (rod.dataset.beregner);
  const form = find(rod, "form[data-formular]");
  if (!(form instanceof HTMLFormElement)) throw new Error(`beregneren ${navn} har ingen formular`);
  const resultat = find(rod, "[data-resultat]");
  const worker = startWorker(rod);
  let antalBeregninger = 0;
  // A repeated-rows block may have its own message line, next to its buttons.
  const besked = [...rod.querySelectorAll("[data-besked]")].find((b) => !b.closest("[data-gentag]"));
  /** @param {string} t
   * @param {Element | null} [ved] */
  const sigTil = (t, ved) => {
    const b = ved?.querySelector("[data-besked]") || besked;
    if (b) b.textContent = t;
  };

  // Restore what the user typed last time (this browser only).
  if (!gendan(form, navn)) besked?.replaceChildren("De gemte svar i browseren kunne ikke læses og er slettet. Start forfra.");
  const gem = () => gemForm(form, navn);

  /** @param {{ csv?: boolean }} [valg] */
  const kald = (valg) => worker.kald(samlData(form), valg);

  /** Show a computed result: the HTML the Python package rendered (and escaped), a new
   *  result number, no "outdated" note; then tell the page (files, tests) about it.
   * @param {Resultatsvar} svar */
  function visResultat(svar) {
    resultat.innerHTML = svar.html;
    resultat.dataset.beregning = String(++antalBeregninger);
    rod.querySelector("[data-foraeldet]")?.setAttribute("hidden", "");
    rod.dispatchEvent(new CustomEvent("lbf-svar", { detail: svar }));
  }

  const beregn = {
    /** Check one step's answers; shows and returns the errors in it.
     * @param {HTMLElement} trin */
    async valider(trin) {
      if (rod.dataset.state !== "ready") return [];
      const svar = await kald();
      const fejl = (svar.svar?.fejl || []).filter((f) => { const x = feltFor(form, f.felt); return x && trin.contains(x); });
      if (fejl.length) visFejl(rod, form, fejl, trin);
      return fejl;
    },
    /** Compute from the form and show the result or the errors.
     * @returns {Promise<Svar | null>} */
    async koer() {
      resultat.setAttribute("aria-busy", "true");
      const svar = await kald();
      resultat.removeAttribute("aria-busy");
      if (!svar.svar) {
        visFejl(rod, form, [{ felt: "", besked: "Der opstod en fejl i beregneren. Prøv igen, eller kontakt os, hvis det bliver ved." }]);
        console.error("Intern fejl i beregneren:", svar.intern);
        return null;
      }
      if (svar.svar.fejl) {
        visFejl(rod, form, svar.svar.fejl);
        return svar.svar;
      }
      ryd(rod);
      visResultat(svar.svar);
      rod.dispatchEvent(new CustomEvent("lbf-resultat", { detail: svar.svar.resultat }));
      return svar.svar;
    },
  };
  /** @type {Haandtag} */
  const haandtag = { beregn, kald: (data, valg) => worker.kald(data, valg), samlData: () => samlData(form),
    udfyld: (f) => udfyld(form, f), gem };
  /** @type {HTMLElement & { lbf?: Haandtag }} */ (rod).lbf = haandtag;

  opsaetRaekker(form, { sigTil, gem });
  const flow = form.hasAttribute("data-trinvis") ? trinvis(rod, form, beregn) : null;
  opsaetFiler(rod, form, { navn, kald, sigTil, gem, async indlaest() {
    flow?.tilTjek();   // a step-by-step flow shows the loaded answers in "Tjek jeres svar"
    if (rod.dataset.state === "ready") await beregn.koer();
  } });

  // Once a result is shown, a changed input recalculates at once (forms that are not a
  // step-by-step flow). Errors wait for the user to press the button, as GOV.UK advises.
  // Each keystroke recalculates (a few milliseconds); an answer that a newer one has
  // overtaken is dropped, so the page always shows the latest input's result.
  let genberegning = 0;
  async function genberegn() {
    if (flow || !resultat.dataset.beregning || rod.dataset.state !== "ready") return;
    const nr = ++genberegning;
    const svar = await kald();
    if (nr !== genberegning) return;
    if (svar.svar && !svar.svar.fejl) visResultat(svar.svar);
    else rod.querySelector("[data-foraeldet]")?.removeAttribute("hidden");
  }
  form.addEventListener("input", genberegn);
  form.addEventListener("input", () => { opdaterSynlighed(form); gem(); });
  form.addEventListener("change", () => { opdaterSynlighed(form); gem(); });
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    if (flow && flow.fortsaetHvisTrin()) return;
    // A live recalculation still under way would replace the new result (and take the
    // focus from its heading) a moment later.
    genberegning++;
    const svar = await beregn.koer();
    if (svar && !svar.fejl) {
      const overskrift = /** @type {HTMLElement | null} */ (resultat.querySelector("h2, h3"));
      overskrift?.setAttribute("tabindex", "-1");
      overskrift?.focus();
    }
  });
  rod.querySelector("[data-nulstil]")?.addEventListener("click", () => {
    glem(navn);
    location.hash = "";
    location.reload();
  });
  opdaterSynlighed(form);
}
