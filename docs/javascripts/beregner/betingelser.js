// @ts-check
// Conditions: data-vis-hvis="rolle=a,b;_udbudt=ja" shows an element (and sends its fields)
// only when one of the ";"-separated conditions holds ("!=" for "not one of").

/** @typedef {import("./dom.js").Felt} Felt */

/** The value a condition compares: the chosen radio, "ja"/"nej" for a checkbox, else the text.
 * @param {HTMLFormElement} form
 * @param {string} navn */
export function vaerdi(form, navn) {
  // namedItem is the browser's own index of the form's fields: no search per call.
  const x = form.elements.namedItem(navn);
  if (!x) return "";
  const f = /** @type {Felt} */ (x instanceof RadioNodeList ? x[0] : x);
  if (f.type === "radio") return x instanceof RadioNodeList ? x.value : (f.checked ? f.value : "");
  if (f.type === "checkbox") return f.checked ? "ja" : "nej";
  return f.value;
}

/** @param {HTMLFormElement} form
 * @param {string} udtryk */
export function betingelseOpfyldt(form, udtryk) {
  return udtryk.split(";").some((del) => {
    const m = del.trim().match(/^([\w.\[\]]+)(!?=)(.*)$/);
    if (!m) return true;
    const v = vaerdi(form, m[1]);
    const hit = m[3].split(",").map((s) => s.trim()).includes(v);
    return m[2] === "=" ? hit : !hit;
  });
}

/** Whether an element's own condition (if any) holds.
 * @param {HTMLFormElement} form
 * @param {Element} e */
export function vises(form, e) {
  const udtryk = e.getAttribute("data-vis-hvis");
  return udtryk == null || betingelseOpfyldt(form, udtryk);
}

/** @param {HTMLFormElement} form */
export function opdaterSynlighed(form) {
  const trinvis = form.hasAttribute("data-trinvis");
  for (const e of form.querySelectorAll("[data-vis-hvis]")) {
    // In a step-by-step flow the flow itself shows one step at a time.
    if (trinvis && e.classList.contains("lbf-trin")) continue;
    /** @type {HTMLElement} */ (e).hidden = !vises(form, e);
  }
}

/** True when a condition on the field or an enclosing element does not hold.
 * @param {Element} felt
 * @param {HTMLFormElement} form */
export function erSkjult(felt, form) {
  for (let e = /** @type {Element | null} */ (felt); e && e !== form; e = e.parentElement) {
    if (!vises(form, e)) return true;
  }
  return false;
}

/** Text of a node without the parts whose condition does not hold (legend variants).
 * @param {HTMLFormElement} form
 * @param {Node | null} node
 * @returns {string} */
export function synligTekst(form, node) {
  if (!node) return "";   // a question without a legend
  if (node.nodeType === Node.TEXT_NODE) return node.textContent || "";
  if (!(node instanceof Element)) return "";
  if (!vises(form, node)) return "";
  return [...node.childNodes].map((n) => synligTekst(form, n)).join("").trim();
}
