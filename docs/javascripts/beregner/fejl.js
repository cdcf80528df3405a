// @ts-check
// Errors, as GOV.UK shows them: a summary at the top ("Der er problemer") with a link to
// each field, and the message again right above the field.

import { el, feltId, maal } from "./dom.js";

/** @typedef {import("./beskeder.js").Fejl} Fejl */
/** @typedef {import("./dom.js").Felt} Felt */

/** Remove every error message and mark from the calculator.
 * @param {HTMLElement} rod */
export function ryd(rod) {
  rod.querySelectorAll(".lbf-fejlopsummering").forEach((e) => e.remove());
  rod.querySelectorAll(".lbf-felt-fejl").forEach((e) => e.remove());
  rod.querySelectorAll("[aria-invalid]").forEach((e) => {
    e.removeAttribute("aria-invalid");
    const d = (e.getAttribute("aria-describedby") || "").split(" ").filter((x) => !x.endsWith("-fejl")).join(" ");
    if (d) e.setAttribute("aria-describedby", d); else e.removeAttribute("aria-describedby");
  });
  document.title = document.title.replace(/^Fejl: /, "");
}

/** The input for a JSON path.
 * @param {HTMLFormElement} form
 * @param {string} felt
 * @returns {Felt | null} */
export function feltFor(form, felt) {
  const id = feltId(felt);
  return /** @type {Felt | null} */ (document.getElementById(id) || form.querySelector(`[name="${CSS.escape(felt)}"]`));
}

/**
 * The legend or label to bring into view with a field, as GOV.UK's error summary does
 * (govuk-frontend, ErrorSummary#getAssociatedLegendOrLabel): the question (legend) of a
 * radio or checkbox; for another field in a fieldset the legend when the field then still
 * sits in the top half of the window; else the field's label.
 * @param {HTMLElement} felt
 * @returns {Element | null}
 */
function legendEllerLabel(felt) {
  const legend = felt.closest("fieldset")?.querySelector("legend");
  if (legend) {
    if (felt instanceof HTMLInputElement && ["checkbox", "radio"].includes(felt.type)) return legend;
    const legendTop = legend.getBoundingClientRect().top;
    const r = felt.getBoundingClientRect();
    if (r.height && window.innerHeight && r.top + r.height - legendTop < window.innerHeight / 2) return legend;
  }
  return (felt.id && document.querySelector(`label[for="${CSS.escape(felt.id)}"]`)) || felt.closest("label");
}

/** Scroll the field's legend or label to the top of the window (below Material's header,
 *  which stays there), then focus the field without scrolling again.
 * @param {HTMLElement} felt */
function visOgFokuser(felt) {
  const over = legendEllerLabel(felt);
  if (over) {
    const hoved = document.querySelector(".md-header")?.getBoundingClientRect().height || 0;
    window.scrollTo({ top: window.scrollY + over.getBoundingClientRect().top - hoved - 8 });
  }
  felt.focus({ preventScroll: Boolean(over) });
}

/**
 * Show the errors: each at its field (when there is one) and all in a summary, which takes
 * the focus; the summary goes at the top of `foran` (a step) or of the form.
 * @param {HTMLElement} rod
 * @param {HTMLFormElement} form
 * @param {Fejl[]} fejl
 * @param {HTMLElement} [foran]
 */
export function visFejl(rod, form, fejl, foran) {
  ryd(rod);
  const liste = el("ul", { class: "lbf-fejlopsummering__liste" });
  for (const f of fejl) {
    const felt = f.felt ? feltFor(form, f.felt) : null;
    const li = el("li");
    if (felt) {
      const feltet = felt.type === "radio" ? /** @type {Felt} */ (form.querySelector(`[name="${CSS.escape(felt.name)}"]`)) : felt;
      li.append(el("a", { href: "#" + (feltet.id || feltId(f.felt)), text: f.besked }));
      const besked = el("p", { class: "lbf-felt-fejl", id: (feltet.id || feltId(f.felt)) + "-fejl" });
      besked.append(el("span", { class: "lbf-skjult", text: "Fejl: " }), f.besked);
      // The message goes right above the input (or the list of choices), below label and hint.
      (felt.closest(".lbf-valgliste, .lbf-med-enhed") || felt).before(besked);
      for (const x of form.querySelectorAll(`[name="${CSS.escape(felt.name)}"]`)) {
        x.setAttribute("aria-invalid", "true");
        x.setAttribute("aria-describedby", ((x.getAttribute("aria-describedby") || "") + " " + besked.id).trim());
      }
    } else {
      li.textContent = f.besked;
    }
    liste.append(li);
  }
  const opsummering = el("div", { class: "lbf-fejlopsummering", role: "alert", tabindex: "-1" },
    el("h2", { text: "Der er problemer" }), liste);
  (foran || form).prepend(opsummering);
  document.title = "Fejl: " + document.title;
  opsummering.focus();
  opsummering.addEventListener("click", (e) => {
    const a = maal(e).closest("a");
    if (!a) return;
    e.preventDefault();
    const felt = document.getElementById((a.getAttribute("href") || "").slice(1));
    if (!felt) return;
    // A step-by-step flow first shows the step the field is on.
    rod.dispatchEvent(new CustomEvent("lbf-vis-felt", { detail: felt }));
    visOgFokuser(felt);
  });
}
