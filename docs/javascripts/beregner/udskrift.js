// @ts-check
// A printout fit for a case file. While the browser prints (beforeprint … afterprint), a calculator that
// shows a live result gets a print-only header just before it: "Udskrevet <dato> fra <adresse>", the case
// name when one is open (data-sagsnavn on the calculator element, set by the saved-cases module) and every
// input as a summary list (GOV.UK "summary list": <dl> of label → value). The print CSS (docs/stylesheets/
// lbf.css, "Printout") then shows only the page title, this header and the result.
//
// The labels come from the page itself (label[for], a radio group's legend), never from a list of fields here;
// the values are the texts as typed (with the unit the page shows beside the field), a chosen option's or
// radio's label, "Ja"/"Nej" for a checkbox and "Ikke udfyldt" for an empty field. Fields whose condition does
// not hold (data-vis-hvis) are left out, as the calculator ignores them too. The list is the form as it stands
// when printing; if the result no longer fits it, the page's note saying so ([data-foraeldet]) is printed too.

import { erSkjult, synligTekst } from "./betingelser.js";
import { el, felter } from "./dom.js";

/** @typedef {import("./dom.js").Felt} Felt */
/** One line of the summary list: what the page calls the field, and what the reader gave.
 * @typedef {[string, string]} Raekke */

export const TOM = "Ikke udfyldt";

/** Fields that are not inputs of the calculation: buttons, file pickers, read-only fields (a link to copy)
 *  and anything a page marks as not for the printout.
 * @param {Felt} f */
function springOver(f) {
  return !f.name || ["button", "submit", "reset", "file", "hidden", "image"].includes(f.type) || f.readOnly
    || Boolean(f.closest("[data-ikke-udskriv], [data-gemte-beregninger]"));
}

/** The visible text of a label ("" when there is none).
 * @param {HTMLFormElement} form
 * @param {Element | undefined} l */
function tekst(form, l) {
  return l ? synligTekst(form, l).replace(/\s+/g, " ").trim() : "";
}

/** The question a radio group answers: the legend of its own fieldset.
 * @param {HTMLFormElement} form
 * @param {Felt} f */
function spoergsmaal(form, f) {
  return tekst(form, f.closest("fieldset")?.querySelector(":scope > legend") || undefined) || f.name;
}

/** The unit the page shows beside a field ("kr.", "kWh"), or "".
 * @param {Felt} f */
function enhed(f) {
  const boks = f.closest(".lbf-med-enhed");
  return boks ? (boks.querySelector("[aria-hidden='true']")?.textContent || "").trim() : "";
}

/**
 * Every input of the form, in page order, as the reader gave it.
 * @param {HTMLFormElement} form
 * @returns {Raekke[]}
 */
export function inddataRaekker(form) {
  // One look-up table of the labels (a form of 100 rows has some 500 fields).
  const etiketter = new Map([...form.querySelectorAll("label[for]")].map((l) => [l.getAttribute("for"), l]));
  /** @param {Felt} f */
  const etiket = (f) => tekst(form, etiketter.get(f.id)) || f.getAttribute("aria-label") || "";
  /** @type {Raekke[]} */
  const raekker = [];
  const radioer = new Set();
  for (const f of felter(form)) {
    if (springOver(f) || erSkjult(f, form)) continue;
    if (f.type === "radio") {
      if (radioer.has(f.name)) continue;
      radioer.add(f.name);
      const gruppe = form.elements.namedItem(f.name);
      const valgt = gruppe instanceof RadioNodeList
        ? /** @type {Felt[]} */ ([...gruppe]).find((x) => x.checked) : (f.checked ? f : undefined);
      raekker.push([spoergsmaal(form, f), valgt ? etiket(valgt) || valgt.value : TOM]);
    } else if (f.type === "checkbox") {
      raekker.push([etiket(f), f.checked ? "Ja" : "Nej"]);
    } else if (f instanceof HTMLSelectElement) {
      raekker.push([etiket(f), f.value ? (f.selectedOptions[0]?.textContent || f.value).trim() : TOM]);
    } else {
      const e = enhed(f);
      raekker.push([etiket(f) || f.name, f.value.trim() ? f.value + (e ? " " + e : "") : TOM]);
    }
  }
  return raekker;
}

/** A date in Danish: "5. januar 2026".
 * @param {Date} d */
export function danskDato(d) {
  return d.toLocaleDateString("da-DK", { day: "numeric", month: "long", year: "numeric" });
}

/** The page's address without its fragment (which may hold a step or shared inputs). */
function adresse() {
  return location.origin + location.pathname + location.search;
}

/**
 * The print-only header for one calculator.
 * @param {Raekke[]} raekker
 * @param {string | undefined} sagsnavn
 * @param {string} id the heading's id
 * @returns {HTMLElement}
 */
function bygHoved(raekker, sagsnavn, id) {
  const liste = el("dl", { class: "lbf-udskrift__liste" }, ...raekker.map(([navn, vaerdi]) =>
    el("div", { class: "lbf-udskrift__raekke" }, el("dt", { text: navn }), el("dd", { text: vaerdi }))));
  return el("section", { class: "lbf-udskrift", "data-udskrift": true, "aria-labelledby": id },
    el("p", { class: "lbf-udskrift__meta" }, `Udskrevet ${danskDato(new Date())} fra `,
      el("span", { class: "lbf-udskrift__adresse", text: adresse() })),
    ...(sagsnavn ? [el("p", { class: "lbf-udskrift__sag" }, el("strong", { text: "Sag:" }), " " + sagsnavn)] : []),
    el("h2", { id, text: "Jeres oplysninger" }),
    liste);
}

/** Print headers for every calculator on the page, built on beforeprint and removed on afterprint. Called once
 *  per page (side.js). */
export function udskrift() {
  const beregnere = /** @type {HTMLElement[]} */ ([...document.querySelectorAll("[data-beregner]")]);
  if (!beregnere.length) return;
  /** @type {HTMLElement[]} */
  let hoveder = [];
  const fjern = () => {
    for (const h of hoveder) h.remove();
    hoveder = [];
  };
  addEventListener("beforeprint", () => {
    fjern();
    for (const rod of beregnere) {
      const resultat = rod.querySelector("[data-resultat]");
      const form = rod.querySelector("form[data-formular]");
      // Only a live result on show makes a case printout; without one the page prints as a guide.
      if (!resultat || !resultat.hasAttribute("data-beregning") || !resultat.childElementCount
          || !resultat.getClientRects().length || !(form instanceof HTMLFormElement)) continue;
      const h = bygHoved(inddataRaekker(form), rod.dataset.sagsnavn?.trim(), `lbf-udskrift-${rod.dataset.beregner}`);
      rod.before(h);
      hoveder.push(h);
    }
  });
  addEventListener("afterprint", fjern);
}
