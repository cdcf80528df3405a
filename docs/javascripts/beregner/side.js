// @ts-check
// Page-wide behaviour on every page: printing and wide tables.

import { udskrift } from "./udskrift.js";

/** A printed result shows everything: closed <details> in a result or a worked example
 *  (the yearly table, the conventions) open for printing and close again afterwards; a calculator
 *  with a live result prints as a case file, headed by its inputs (udskrift.js). */
export function aabnVedUdskrift() {
  udskrift();
  /** @type {HTMLDetailsElement[]} */
  let aabnet = [];
  addEventListener("beforeprint", () => {
    aabnet = [...document.querySelectorAll("[data-resultat] details:not([open]), .lbf-eksempel details:not([open])")]
      .map((d) => /** @type {HTMLDetailsElement} */ (d));
    for (const d of aabnet) d.open = true;
  });
  addEventListener("afterprint", () => {
    for (const d of aabnet) d.open = false;
    aabnet = [];
  });
}

/** Wide tables scroll sideways inside Material's wrapper; a keyboard user must be able to
 *  reach and scroll them too (WCAG 2.1.1), so a scrolling wrapper becomes a named,
 *  focusable region. */
export function rulbareTabeller() {
  const marker = () => {
    for (const w of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll(".md-typeset__scrollwrap"))) {
      if (w.scrollWidth > w.clientWidth + 1) {
        w.tabIndex = 0;
        w.setAttribute("role", "region");
        w.setAttribute("aria-label", "Tabel, kan rulles vandret");
      }
    }
  };
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let t;
  addEventListener("load", marker);
  addEventListener("resize", () => { clearTimeout(t); t = setTimeout(marker, 200); });
}
