// @ts-check
// One calculator on a page: the form, the worker, the result, and what ties them together.
//
// Markup contract (see docs/beregnere/*.md):
//   <div class="lbf-beregner" data-beregner="NAVN" data-state="loading">
//     <p data-status aria-live="polite">…</p>
//     <form data-formular [data-trinvis]> fields named by their JSON path … </form>
//     [<p data-foraeldet hidden>] <div data-resultat></div>
//     [<section data-gemte-beregninger hidden><h2>Gemte beregninger</h2></section>]
//     [<button data-nulstil>]
//   </div>
// The parts: betingelser.js (data-vis-hvis), formdata.js (form <-> data), raekker.js
// (repeated rows), fejl.js (errors), trinvis.js (step-by-step flow), filer.js (files),
// lager.js (this browser's storage), gemte.js (saved cases), link.js (a shareable link),
// dialog.js (yes/no questions), worker-klient.js (the Python worker).
//
// The result is honest about its inputs: it is on screen only with the inputs it was computed from. When an input
// changes and the new inputs are invalid (or, in a step flow, not yet computed), the result is marked or taken
// away, and a note says why; a fresh result removes the note. A reload shows the inputs and, when a result
// belonged to them, computes it again (no result HTML is ever stored).

import { bekraeft } from "./dialog.js";
import { el, erstatIndhold, find } from "./dom.js";
import { feltFor, ryd, visFejl } from "./fejl.js";
import { opsaetFiler, regelAendring, regelsaetI } from "./filer.js";
import { erstat, fladgoer, raaData, samlData, udfyld } from "./formdata.js";
import { opdaterSynlighed } from "./betingelser.js";
import { opsaetGemte } from "./gemte.js";
import { opsaetSammenlign } from "./sammenlign.js";
import { gem as gemForm, gendan, glem, lagerfejlTekst, tilstand } from "./lager.js";
import { laesLinkFraAdresse, opsaetLink } from "./link.js";
import { opsaetRaekker } from "./raekker.js";
import { trinvis } from "./trinvis.js";
import { startWorker } from "./worker-klient.js";

/** @typedef {import("./beskeder.js").Resultatsvar} Resultatsvar */
/** @typedef {import("./beskeder.js").Svar} Svar */
/** @typedef {import("./beskeder.js").Fejl} Fejl */
/** @typedef {import("./beskeder.js").SvarBesked} SvarBesked */
/** @typedef {import("./lager.js").Sag} Sag */
/**
 * A small handle on the calculator's element for tests and benchmarks: the same calls the form makes.
 * @typedef {object} Haandtag
 * @property {{ valider: (trin: HTMLElement) => Promise<Fejl[]>, koer: () => Promise<Svar | null> }} beregn
 * @property {(data: unknown, valg?: { csv?: boolean }) => Promise<SvarBesked>} kald
 * @property {() => Record<string, unknown>} samlData
 * @property {(felter: Record<string, unknown>) => void} udfyld
 * @property {() => void} gem
 */

/** The rule set the page's worked example was computed with (rendered at build time from the same rules as the
 *  browser's wheel, see calculators/visning/_regler.py): what "the rules now" are before the page has computed
 *  anything itself. */
function eksempletsRegelsaet() {
  const m = document.querySelector(".lbf-eksempel .lbf-regelsaet")?.textContent?.match(/Regelsæt ([0-9a-f]+)/);
  return m ? m[1] : null;
}

/** @param {HTMLElement} rod the element with data-beregner="NAVN" */
export function opsaet(rod) {
  const navn = /** @type {string} */ (rod.dataset.beregner);
  const formular = find(rod, "form[data-formular]");
  if (!(formular instanceof HTMLFormElement)) throw new Error(`beregneren ${navn} har ingen formular`);
  const form = formular;
  const resultat = find(rod, "[data-resultat]");
  const trinvist = form.hasAttribute("data-trinvis");
  // The form as the page gives it, before anything is restored: inputs that need no keeping.
  const standard = JSON.stringify(raaData(form));
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
  const knaptekst = (form.dataset.knap || form.querySelector(".lbf-send button")?.textContent || "Beregn").trim();
  const filknap = rod.querySelector("[data-hent-json]");
  // How else to keep the numbers when this browser's storage will not.
  const raad = filknap ? `Gem beregningen i en fil med »${filknap.textContent?.trim()}«, hvis I vil beholde den.`
    : "Brug »Kopiér link« under »Gemte beregninger«, hvis I vil beholde tallene.";

  // A shared link's inputs (#inddata=…) are read, and dropped from the address bar, before the step flow reads the
  // fragment for its own steps.
  const link = laesLinkFraAdresse(navn);
  // Restore what the user typed last time (this browser only).
  const gendannet = gendan(form, navn);
  if (!gendannet) besked?.replaceChildren("De gemte svar i browseren kunne ikke læses og er slettet. Start forfra.");
  const foer = tilstand(navn);

  /** A result on screen that belongs to the inputs (what a reload restores). */
  let frisk = false;
  /** The inputs (samlData, as JSON) of the last result shown, kept while a step flow has taken it away. */
  /** @type {string | null} */
  let beregnetFor = null;
  /** The rule set of the last result, or of the worked example until there is one. */
  let regelsaet = eksempletsRegelsaet();
  /** The saved case the form came from (data-sagsnavn names it for the printout). */
  /** @type {{ id: string, navn: string } | null} */
  let sag = foer.sag ? { id: foer.sag, navn: "" } : null;   // named once gemte.js has found it

  let lageradvaret = false;
  let nulstillet = false;   // after "Nulstil": nothing is saved again before the page reloads
  const gem = () => {
    if (nulstillet) return;
    const fejl = gemForm(form, navn, { resultat: frisk, sag: sag && sag.id });
    // Said once: a full storage would otherwise repeat it on every keystroke.
    if (fejl && !lageradvaret) sigTil(lagerfejlTekst(fejl, "jeres svar", raad));
    lageradvaret = Boolean(fejl);
  };

  // The note that the result no longer fits the inputs: the page's own [data-foraeldet], or one made here; in a
  // polite live region, so a screen reader hears it when it appears.
  const note = /** @type {HTMLElement} */ (rod.querySelector("[data-foraeldet]")
    || el("p", { class: "lbf-foraeldet", "data-foraeldet": true, hidden: true }));
  note.classList.add("lbf-foraeldet");
  note.id ||= `${navn}-foraeldet`;
  const region = el("div", { class: "lbf-foraeldet-region", role: "status" });
  resultat.before(region);
  region.append(note);
  /** Mark the result as not fitting the inputs, with the reason.
   * @param {string} grund */
  function foraeldet(grund) {
    frisk = false;
    note.hidden = false;
    note.replaceChildren(el("strong", { text: `Resultatet passer ikke længere til jeres ${trinvist ? "svar" : "tal"}:` }), ` ${grund}`);
    resultat.classList.add("lbf-resultat--foraeldet");
    resultat.setAttribute("aria-describedby", note.id);
    gem();
  }
  function ikkeForaeldet() {
    note.hidden = true;
    note.replaceChildren();
    resultat.classList.remove("lbf-resultat--foraeldet");
    resultat.removeAttribute("aria-describedby");
  }
  /** @param {Fejl[]} fejl */
  const fejlgrund = (fejl) => `${fejl[0].besked.trim().replace(/([^.!?])$/, "$1.")}`
    + (fejl.length > 1 ? ` Der er ${fejl.length - 1} fejl mere.` : "")
    + ` Tryk »${knaptekst}« for at se, hvad der skal rettes.`;
  const trinGrund = () => `I har ændret et svar, siden resultatet blev beregnet. Tryk »${knaptekst}« under »Tjek jeres svar« for at beregne det igen.`;

  /** Show a computed result: the HTML the Python package rendered (and escaped), a new
   *  result number, no "outdated" note; then tell the page (files, tests) about it.
   * @param {Resultatsvar} svar
   * @param {string} inddata the inputs it was computed from (samlData, as JSON) */
  function visResultat(svar, inddata) {
    erstatIndhold(resultat, svar.html);
    resultat.dataset.beregning = String(++antalBeregninger);
    ikkeForaeldet();
    frisk = true;
    beregnetFor = inddata;
    const nyt = regelsaetI(svar);
    const skift = nyt !== regelsaet;
    regelsaet = nyt || regelsaet;
    gem();
    if (skift) gemte?.opdater();
    rod.dispatchEvent(new CustomEvent("lbf-svar", { detail: svar }));
  }

  const beregn = {
    /** Check one step's answers; shows and returns the errors in it.
     * @param {HTMLElement} trin */
    async valider(trin) {
      if (rod.dataset.state !== "ready") return [];
      const svar = await worker.kald(samlData(form));
      const fejl = (svar.svar?.fejl || []).filter((f) => { const x = feltFor(form, f.felt); return x && trin.contains(x); });
      if (fejl.length) visFejl(rod, form, fejl, trin);
      return fejl;
    },
    /** Compute from the form and show the result or the errors (`stille`: errors are not shown, and the focus
     * stays, for a result the page restores on its own).
     * @param {{ stille?: boolean }} [valg]
     * @returns {Promise<Svar | null>} */
    async koer({ stille = false } = {}) {
      const data = samlData(form);
      resultat.setAttribute("aria-busy", "true");
      const svar = await worker.kald(data);
      resultat.removeAttribute("aria-busy");
      if (!svar.svar) {
        if (!stille) visFejl(rod, form, [{ felt: "", besked: "Der opstod en fejl i beregneren. Prøv igen, eller kontakt os, hvis det bliver ved." }]);
        console.error("Intern fejl i beregneren:", svar.intern);
        return null;
      }
      if (svar.svar.fejl) {
        if (!stille) visFejl(rod, form, svar.svar.fejl);
        if (resultat.childElementCount) foraeldet(fejlgrund(svar.svar.fejl));
        return svar.svar;
      }
      if (!stille) ryd(rod);
      visResultat(svar.svar, JSON.stringify(data));
      rod.dispatchEvent(new CustomEvent("lbf-resultat", { detail: svar.svar.resultat }));
      return svar.svar;
    },
  };
  /** @type {Haandtag} */
  const haandtag = { beregn, kald: (data, valg) => worker.kald(data, valg), samlData: () => samlData(form),
    udfyld: (f) => udfyld(form, f), gem };
  /** @type {HTMLElement & { lbf?: Haandtag }} */ (rod).lbf = haandtag;

  // In a step flow the result is taken away when an answer is reopened (as the flow always did); the note says
  // so once an answer differs from the result's, and the summary shows the result again when nothing changed.
  function trinStatus() {
    if (!beregnetFor || resultat.childElementCount) return;
    if (JSON.stringify(samlData(form)) !== beregnetFor) foraeldet(trinGrund());
    else ikkeForaeldet();
  }
  rod.addEventListener("lbf-trin", (e) => {
    const { tjek } = /** @type {CustomEvent<{ tjek: boolean }>} */ (e).detail;
    if (!tjek && resultat.childElementCount) {
      resultat.replaceChildren();
      frisk = false;
      gem();
    }
    trinStatus();
    if (tjek && beregnetFor && !resultat.childElementCount && JSON.stringify(samlData(form)) === beregnetFor
        && rod.dataset.state === "ready") beregn.koer({ stille: true });
  });

  opsaetRaekker(form, { sigTil, gem });
  const flow = trinvist ? trinvis(rod, form, beregn) : null;

  /** @param {Sag | null} s */
  const saetSag = (s) => {
    const skift = (s && s.id) !== (sag && sag.id);
    sag = s && { id: s.id, navn: s.navn };
    if (s) rod.dataset.sagsnavn = s.navn; else delete rod.dataset.sagsnavn;
    if (skift) gem();
  };
  opsaetFiler(rod, form, { navn, kald: (valg) => worker.kald(samlData(form), valg), sigTil, gem, async indlaest() {
    saetSag(null);
    flow?.tilTjek();   // a step-by-step flow shows the loaded answers in "Tjek jeres svar"
    if (rod.dataset.state === "ready") await beregn.koer();
  } });

  /** The rule set of the inputs' result now, without waiting for Python (null: no result, or not started yet). */
  async function regelsaetNu() {
    if (frisk) return regelsaet;
    if (rod.dataset.state !== "ready") return null;
    const svar = await worker.kald(samlData(form));
    return svar.svar && !svar.svar.fejl ? regelsaetI(svar.svar) : null;
  }

  /**
   * Replace the form with saved inputs (a case, a link) and compute them, keeping the answers it held first.
   * @param {Record<string, unknown>} inddata raw inputs (raaData)
   * @param {{ hvad: string, aabnet: string, gemtRegelsaet: string | null, ved: HTMLElement, nySag: Sag | null, erstat?: boolean }} valg
   *   hvad names it in a message ("»Tag«", "Linket"), aabnet is the message when it is open
   */
  async function aabn(inddata, { hvad, aabnet, gemtRegelsaet, ved, nySag, erstat: erstatHistorik = false }) {
    const flad = fladgoer(inddata);
    const bevaret = gemte ? await gemte.bevar(inddata, rod) : { fortsaet: true, gemtSom: null };
    if (!bevaret.fortsaet) { sigTil(`${hvad} er ikke åbnet. Tallene i formularen er uændrede.`, ved); return false; }
    try {
      erstat(form, flad);
    } catch (err) {
      const grund = err instanceof RangeError ? ` ${err.message}` : "";
      sigTil(`${hvad} kunne ikke bruges.${grund} Jeres nuværende tal er uændrede.`, ved);
      return false;
    }
    saetSag(nySag);
    flow?.tilTjek(erstatHistorik ? { historik: "erstat", fokus: false } : undefined);
    const foerst = bevaret.gemtSom ? ` Det, der stod i formularen før, er gemt som »${bevaret.gemtSom}« under »Gemte beregninger«.` : "";
    sigTil(`${aabnet}${foerst}`, ved);
    if (rod.dataset.state === "error") return true;
    const svar = await beregn.koer();
    sigTil(`${aabnet}${regelAendring(gemtRegelsaet, svar && !svar.fejl ? regelsaetI(svar) : null)}${foerst}`, ved);
    return true;
  }

  // Merinvestering: saved cases side by side (sammenlign.js; Python compares them).
  const sammenligning = /** @type {HTMLElement | null} */ (rod.querySelector("[data-sammenlign]"));
  if (sammenligning) opsaetSammenlign(rod, sammenligning, worker);

  const sektion = /** @type {HTMLElement | null} */ (rod.querySelector("[data-gemte-beregninger]"));
  const gemte = sektion ? opsaetGemte(sektion, form, {
    navn, id: `gemte-${navn}`, raaData: () => raaData(form), standard, regelsaet: regelsaetNu, gaeldende: () => regelsaet,
    aabenSag: () => sag && sag.id, saetSag, raad,
    aabn: (s) => aabn(s.inddata, { hvad: `»${s.navn}«`, aabnet: `»${s.navn}« er åbnet i beregneren.`, gemtRegelsaet: s.regelsaet,
      ved: sektion, nySag: s }),
  }) : null;
  if (sektion) {
    opsaetLink(sektion, { navn, id: `gemte-${navn}`, raaData: () => raaData(form), regelsaet: () => (frisk ? regelsaet : null),
      alternativ: filknap ? `Gem den i en fil med »${filknap.textContent?.trim()}« i stedet.` : "Gem den under »Gemte beregninger« i stedet." });
  }

  // Once a result is shown, a changed input recalculates at once (forms that are not a
  // step-by-step flow). Errors wait for the user to press the button, as GOV.UK advises;
  // until then the result is marked as not fitting, with the first error as the reason.
  // Each keystroke recalculates (a few milliseconds); an answer that a newer one has
  // overtaken is dropped, so the page always shows the latest input's result.
  let genberegning = 0;
  async function genberegn() {
    if (flow || !resultat.dataset.beregning || rod.dataset.state !== "ready") return;
    const nr = ++genberegning;
    const data = samlData(form);
    // Only the HTML: the result's data (tens of kB for a long merinvestering) is asked for when a file is saved.
    const svar = await worker.kald(data, { resultat: false });
    if (nr !== genberegning) return;
    if (svar.svar && !svar.svar.fejl) visResultat(svar.svar, JSON.stringify(data));
    else foraeldet(svar.svar?.fejl ? fejlgrund(svar.svar.fejl) : "Der opstod en fejl i beregneren.");
  }
  form.addEventListener("input", genberegn);
  form.addEventListener("input", () => { opdaterSynlighed(form); gem(); if (flow) trinStatus(); });
  form.addEventListener("change", () => { opdaterSynlighed(form); gem(); if (flow) trinStatus(); });
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
  // Reset asks first (a confirm, not an undo: an undo would keep the deleted answers for a while after the reader
  // asked to delete them, and would have to survive the reload that gives a clean form and worker).
  rod.querySelector("[data-nulstil]")?.addEventListener("click", async () => {
    if (!(await bekraeft(rod, { spoergsmaal: "Vil I slette alle svar?",
      tekst: "Alle tal og svar i beregneren bliver slettet fra formularen og fra denne browser, og resultatet forsvinder. "
        + "Det kan ikke fortrydes. De gemte beregninger under »Gemte beregninger« bliver ikke slettet.",
      ja: "Ja, slet alle svar", nej: "Nej, behold svarene" }))) return;
    nulstillet = true;
    glem(navn);
    location.hash = "";
    location.reload();
  });
  opdaterSynlighed(form);

  /** Opened from a shared link: the form gets its inputs and computes; in a step flow the link's address becomes
   *  the summary's ("#tjek"), so Back leaves the page as it would have before.
   * @param {ReturnType<typeof laesLinkFraAdresse>} l */
  const aabnLink = (l) => {
    if (typeof l === "string") sigTil(l);
    else if (l) {
      aabn(l.inddata, { hvad: "Linket", aabnet: "Tallene fra linket er indlæst i beregneren.", gemtRegelsaet: l.regelsaet,
        ved: rod, nySag: null, erstat: true });
    }
  };
  // A link pasted into the address bar of this very page changes only the fragment: no new page load.
  addEventListener("hashchange", () => aabnLink(laesLinkFraAdresse(navn)));
  if (link) aabnLink(link);
  if ((!link || typeof link === "string") && gendannet && foer.resultat) {
    // A result was on screen when the page was left: show it again once Python is ready. A step flow shows it
    // in "Tjek jeres svar" (not when the address names a question).
    const vedTjek = !flow || location.hash === "#tjek" || !location.hash;
    if (flow && vedTjek && location.hash !== "#tjek") flow.tilTjek({ historik: "erstat", fokus: false });
    if (vedTjek) {
      worker.klar.then(() => {
        if (!resultat.childElementCount && (!flow || location.hash === "#tjek")) return beregn.koer({ stille: true });
        return null;
      }).catch(() => { /* the page already says Python could not start */ });
    }
  }
}
