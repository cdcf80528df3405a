// @ts-check
// "Sammenlign alternativer" (merinvestering): the reader ticks two or more saved cases and the Python package
// computes each one and compares them (calculators/alternativer.py). The list is read from this browser's saved
// cases (lager.js) each time the section opens or the cases change; nothing is sent anywhere.

import { el } from "./dom.js";
import { hentSager } from "./lager.js";

/** @typedef {import("./worker-klient.js").WorkerKlient} WorkerKlient */

/** The most alternatives side by side (calculators/alternativer.py MAKS_ALTERNATIVER says the same to Python,
 *  which refuses more with a Danish message; this only keeps the button honest). */
const MAKS = 6;

/**
 * @param {HTMLElement} rod the calculator (data-beregner="merinvestering")
 * @param {HTMLElement} sektion `<section data-sammenlign>`
 * @param {WorkerKlient} worker
 */
export function opsaetSammenlign(rod, sektion, worker) {
  const navn = /** @type {string} */ (rod.dataset.beregner);
  const liste = /** @type {HTMLElement} */ (sektion.querySelector("[data-sammenlign-liste]"));
  const knap = /** @type {HTMLButtonElement} */ (sektion.querySelector("[data-sammenlign-knap]"));
  const besked = /** @type {HTMLElement} */ (sektion.querySelector("[data-sammenlign-besked]"));
  const ud = /** @type {HTMLElement} */ (sektion.querySelector("[data-sammenlign-resultat]"));

  function tegn() {
    const valgt = new Set([...liste.querySelectorAll("input:checked")].map((i) => /** @type {HTMLInputElement} */ (i).value));
    const { sager } = hentSager(navn);
    liste.replaceChildren();
    if (sager.length < 2) {
      liste.append(el("p", {}, "Gem mindst to beregninger under »Gemte beregninger« – fx en for taget og en for "
        + "vinduerne – så kan I sammenligne dem her."));
      knap.hidden = true;
      return;
    }
    const fs = el("fieldset", { class: "lbf-valggruppe" }, el("legend", {}, "Vælg de alternativer, I vil sammenligne"));
    for (const s of sager) {
      const id = `sammenlign-${s.id}`;
      const boks = /** @type {HTMLInputElement} */ (el("input", { type: "checkbox", id, value: s.id }));
      boks.checked = valgt.has(s.id);
      fs.append(el("div", { class: "lbf-valg" }, boks, el("label", { for: id }, s.navn)));
    }
    liste.append(fs);
    knap.hidden = false;
  }

  knap.addEventListener("click", async () => {
    const { sager } = hentSager(navn);
    const valgte = /** @type {import("./lager.js").Sag[]} */ ([...liste.querySelectorAll("input:checked")]
      .map((i) => sager.find((s) => s.id === /** @type {HTMLInputElement} */ (i).value))
      .filter((s) => s !== undefined));
    if (valgte.length < 2 || valgte.length > MAKS) {
      besked.textContent = `Vælg mellem 2 og ${MAKS} alternativer. I har valgt ${valgte.length}.`;
      /** @type {HTMLInputElement | null} */ (liste.querySelector("input"))?.focus();
      return;
    }
    besked.textContent = "";
    ud.setAttribute("aria-busy", "true");
    const svar = await worker.sammenlign(valgte.map((s) => ({ navn: s.navn, inddata: s.inddata })));
    ud.removeAttribute("aria-busy");
    if (!svar.svar) {
      besked.textContent = "Sammenligningen kunne ikke laves. Prøv igen.";
      return;
    }
    if (svar.svar.fejl) {
      // Each message names the alternative ("»Tag«: …"); the reader opens that case to correct it.
      besked.textContent = svar.svar.fejl.map((f) => f.besked).join(" ");
      return;
    }
    ud.innerHTML = svar.svar.html;   // rendered and escaped by Python (calculators/visning/alternativer.py)
    const overskrift = /** @type {HTMLElement | null} */ (ud.querySelector("h3"));
    overskrift?.setAttribute("tabindex", "-1");
    overskrift?.focus();
  });

  // The saved cases change in this page (gemte.js) or in another tab (the storage event).
  rod.addEventListener("lbf-sager", tegn);
  addEventListener("storage", tegn);
  tegn();
}
