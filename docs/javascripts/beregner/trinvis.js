// @ts-check
// Step-by-step flow (GOV.UK "one question per page", with "Tjek jeres svar"): a form with
// data-trinvis shows one .lbf-trin at a time, each with "Fortsæt" (and "Tilbage"), then a
// summary of the answers with a "Ret" link per question. The browser's back button works.
// Each time a step or the summary is shown, the calculator's element gets an "lbf-trin" event (detail: { tjek }),
// so the page can take away a result whose answers are reopened (opsaet.js).

import { erSkjult, opdaterSynlighed, synligTekst, vises } from "./betingelser.js";
import { el } from "./dom.js";
import { ryd } from "./fejl.js";

/** @typedef {import("./dom.js").Felt} Felt */
/** @typedef {import("./beskeder.js").Fejl} Fejl */
/**
 * What the flow needs from the calculator: check one step's answers (showing their errors).
 * @typedef {{ valider: (trin: HTMLElement) => Promise<Fejl[]> }} Validering
 */
/**
 * How a step is shown: `historik` true adds a history entry (the default), "erstat" replaces the current one
 * (a link or a restored result lands on the summary without a step to go back to), false leaves it.
 * @typedef {{ historik?: boolean | "erstat", fokus?: boolean }} Visning
 */
/**
 * @typedef {object} Flow
 * @property {(valg?: Visning) => void} tilTjek shows the summary ("Tjek jeres svar")
 * @property {() => boolean} fortsaetHvisTrin on a question page, acts as "Fortsæt" and returns true
 */

/** @param {Felt} f */
const erTal = (f) => ["decimal", "numeric"].includes(f.getAttribute("inputmode") || "");

/**
 * @param {HTMLElement} rod
 * @param {HTMLFormElement} form
 * @param {Validering} beregn
 * @returns {Flow}
 */
export function trinvis(rod, form, beregn) {
  const trin = /** @type {HTMLElement[]} */ ([...form.querySelectorAll(":scope > .lbf-trin")]);
  const tjek = el("section", { class: "lbf-tjek", hidden: true, "aria-labelledby": "tjek-overskrift" },
    el("h2", { id: "tjek-overskrift", text: "Tjek jeres svar", tabindex: "-1" }));
  const oversigt = el("dl", { class: "lbf-tjek__liste" });
  const se = el("button", { type: "submit", class: "md-button md-button--primary", text: form.dataset.knap || "Se resultat" });
  tjek.append(oversigt, se);
  form.append(tjek);
  form.querySelector(":scope > .lbf-send")?.remove();
  let aktuel = 0;
  let fraTjek = false;
  const synlige = () => trin.filter((t) => vises(form, t));

  /** @param {Felt} f */
  const etiket = (f) => {
    const l = f.id && form.querySelector(`label[for="${CSS.escape(f.id)}"]`);
    return l ? synligTekst(form, l) : "";
  };

  /** One field's answer as the user reads it ("" when unanswered).
   * @param {Felt} f */
  function feltSvar(f) {
    if (f.type === "radio") return f.checked ? (f.closest(".lbf-valg")?.querySelector("label")?.textContent?.trim() || f.value) : "";
    if (f.type === "checkbox") return f.checked ? etiket(f) || "Ja" : "";
    if (f instanceof HTMLSelectElement) return f.value ? f.selectedOptions[0]?.textContent?.trim() || f.value : "";
    if (f.type === "date" && f.value) return new Date(f.value + "T12:00").toLocaleDateString("da-DK", { day: "numeric", month: "long", year: "numeric" });
    // A value that ends in something other than a digit already carries its unit as the reader typed it
    // ("2.400.000 kr.", "2,8 %"): shown as typed, not "2.400.000 kr. kr.".
    const typet = /\d\s*$/.test(f.value);
    return f.value ? f.value + (f.dataset.enhed && typet ? " " + f.dataset.enhed : "") : "";
  }

  /** The answer to one question: the ticked boxes as a list, else the values joined.
   * @param {Felt[]} felter
   * @returns {Node} */
  function svarNode(felter) {
    if (felter.length > 1 && felter.every((f) => f.type === "checkbox")) {
      const valgt = felter.filter((f) => f.checked).map(feltSvar);
      return valgt.length ? el("ul", { class: "lbf-tjek__valgt" }, ...valgt.map((v) => el("li", { text: v })))
        : document.createTextNode("Ingen er valgt");
    }
    const tom = felter.find((f) => f.dataset.tom)?.dataset.tom;
    return document.createTextNode(felter.map(feltSvar).filter(Boolean).join(", ") || tom || "Ikke besvaret");
  }

  /** Repeated rows as a table; column headings from data-kolonne (or the label).
   * @param {HTMLElement} g
   * @returns {Node} */
  function raekkeTabel(g) {
    const raekker = [.../** @type {HTMLElement} */ (g.querySelector("[data-raekker]")).children];
    /** @param {Element} r */
    const felter = (r) => /** @type {Felt[]} */ ([...r.querySelectorAll("[name]")]);
    if (!raekker.length) return document.createTextNode("Ikke besvaret");
    return el("table", { class: "lbf-tjek__tabel" },
      el("thead", {}, el("tr", {}, ...felter(raekker[0]).map((f) => el("th", { scope: "col", class: erTal(f) && "lbf-tal", text: f.dataset.kolonne || etiket(f) })))),
      el("tbody", {}, ...raekker.map((r) => el("tr", {}, ...felter(r).map((f) => el("td", { class: erTal(f) && "lbf-tal", text: feltSvar(f) || "–" }))))));
  }

  /** A step's answers: one question as before; several as a list of "question: answer".
   * @param {HTMLElement} t
   * @returns {Node} */
  function visningsvaerdi(t) {
    /** @type {Map<Element, Felt[]>} question -> its fields, in page order */
    const grupper = new Map();
    for (const f of /** @type {NodeListOf<Felt>} */ (t.querySelectorAll("[name]"))) {
      if (f.type === "file" || erSkjult(f, form)) continue;
      const g = f.closest("[data-gentag]");
      // Radios and checkboxes answer the question of their fieldset; other fields their label.
      const noegle = g && t.contains(g) ? g : ["radio", "checkbox"].includes(f.type) ? f.closest("fieldset") || f : f;
      if (!grupper.has(noegle)) grupper.set(noegle, []);
      grupper.get(noegle)?.push(f);
    }
    /** @type {[string, Node][]} */
    const svar = [...grupper].map(([noegle, felter]) => {
      const gentag = noegle.hasAttribute("data-gentag");
      const titel = gentag || noegle === t ? "" : noegle.tagName === "FIELDSET"
        ? synligTekst(form, noegle.querySelector("legend")) : etiket(felter[0]);
      return [titel, gentag ? raekkeTabel(/** @type {HTMLElement} */ (noegle)) : svarNode(felter)];
    });
    if (svar.length === 1) return svar[0][1];
    if (!svar.length) return document.createTextNode("Ikke besvaret");
    return el("ul", { class: "lbf-tjek__svar" }, ...svar.map(([titel, node]) =>
      el("li", {}, ...(titel ? [el("span", { class: "lbf-tjek__spoergsmaal", text: titel + (/[?:.]$/.test(titel) ? " " : ": ") })] : []), node)));
  }

  function bygTjek() {
    oversigt.replaceChildren();
    for (const t of synlige()) {
      const spoergsmaal = synligTekst(form, t.querySelector("legend"));
      const kort = t.dataset.kort || spoergsmaal.toLowerCase();
      const ret = el("a", { href: "#" + t.id, class: "lbf-ret" }, "Ret", el("span", { class: "lbf-skjult", text: " " + kort }));
      ret.addEventListener("click", (e) => { e.preventDefault(); fraTjek = true; vis(trin.indexOf(t)); });
      oversigt.append(el("div", { class: "lbf-tjek__raekke" }, el("dt", { text: spoergsmaal }),
        el("dd", {}, visningsvaerdi(t)), el("dd", { class: "lbf-tjek__ret" }, ret)));
    }
  }

  /** Show step `indeks` (trin.length: the summary).
   * @param {number} indeks
   * @param {Visning} [valg] */
  function vis(indeks, { historik = true, fokus = true } = {}) {
    aktuel = indeks;
    if (indeks === trin.length) fraTjek = false;  // "Ret" returns to the summary once
    opdaterSynlighed(form);
    trin.forEach((t, i) => { t.hidden = i !== indeks; });
    tjek.hidden = indeks !== trin.length;
    if (indeks === trin.length) bygTjek();
    const id = indeks === trin.length ? "tjek" : trin[indeks].id;
    if (historik === "erstat") history.replaceState({ trin: indeks }, "", "#" + id);
    else if (historik && location.hash !== "#" + id) history.pushState({ trin: indeks }, "", "#" + id);
    // A result belongs to the answers it was computed from: the page takes it away when an answer is reopened.
    rod.dispatchEvent(new CustomEvent("lbf-trin", { detail: { tjek: indeks === trin.length } }));
    if (fokus) /** @type {HTMLElement | null} */ (indeks === trin.length ? tjek.querySelector("h2") : trin[indeks].querySelector("legend h2, legend"))?.focus?.();
  }

  /** A question nobody has answered yet: it has choices, and none is made.
   * @param {HTMLElement} x */
  const ubesvaret = (x) => {
    const valg = /** @type {Felt[]} */ ([...x.querySelectorAll("input[type=radio][name]")]).filter((f) => !erSkjult(f, form));
    return valg.length > 0 && !valg.some((f) => f.checked);
  };

  for (const t of trin) {
    t.querySelector("legend")?.setAttribute("tabindex", "-1");
    const knapper = el("div", { class: "lbf-knapper" });
    const fortsaet = el("button", { type: "button", class: "md-button md-button--primary", text: "Fortsæt" });
    fortsaet.addEventListener("click", async () => {
      const fejl = await beregn.valider(t);
      if (fejl.length) return;
      ryd(rod);
      const s = synlige();
      // After "Ret": back to the summary, unless the changed answer opened a question
      // that has no answer yet (e.g. a role that is asked one more thing).
      const efter = s.slice(s.indexOf(t) + 1);
      const aaben = efter.find(ubesvaret);
      const naeste = fraTjek ? (aaben ? trin.indexOf(aaben) : trin.length)
        : (efter.length ? trin.indexOf(efter[0]) : trin.length);
      vis(naeste);
    });
    knapper.append(fortsaet);
    if (trin.indexOf(t) > 0) {
      const tilbage = el("button", { type: "button", class: "md-button lbf-tilbage", text: "Tilbage" });
      tilbage.addEventListener("click", () => history.back());
      knapper.append(tilbage);
    }
    t.append(knapper);
  }
  window.addEventListener("popstate", (e) => {
    const i = e.state && Number.isInteger(e.state.trin) ? e.state.trin
      : location.hash === "#tjek" ? trin.length : Math.max(0, trin.findIndex((t) => "#" + t.id === location.hash));
    vis(i, { historik: false });
  });
  rod.addEventListener("lbf-vis-felt", (e) => {
    const t = /** @type {CustomEvent<HTMLElement>} */ (e).detail.closest(".lbf-trin");
    if (t instanceof HTMLElement && t.hidden) vis(trin.indexOf(t), { fokus: false });
  });
  const start = location.hash === "#tjek" ? trin.length : trin.findIndex((t) => "#" + t.id === location.hash);
  history.replaceState({ trin: Math.max(0, start) }, "", location.hash || location.pathname + location.search);
  vis(Math.max(0, start), { historik: false, fokus: false });
  return {
    tilTjek: (valg) => vis(trin.length, valg),
    // Enter in a field of a question page means "Fortsæt", as on any one-question page.
    fortsaetHvisTrin() {
      if (aktuel >= trin.length) return false;
      /** @type {HTMLElement} */ (trin[aktuel].querySelector(".lbf-knapper .md-button--primary")).click();
      return true;
    },
  };
}
