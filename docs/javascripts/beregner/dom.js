// @ts-check
// Small DOM helpers shared by the calculator glue.

/**
 * A named form control. Inputs, selects and textareas share what the glue reads (name,
 * type, value, disabled, dataset); `checked` is read only after `type` says radio or
 * checkbox, so every control is read as an input.
 * @typedef {HTMLInputElement} Felt
 */

/**
 * A new element with attributes (`text` sets its text; false/null leave an attribute out,
 * true sets it empty) and children.
 * @param {string} tag
 * @param {Record<string, string | boolean | null | undefined>} [attrs]
 * @param {(Node | string)[]} born
 * @returns {HTMLElement}
 */
export function el(tag, attrs = {}, ...born) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "text") e.textContent = /** @type {string} */ (v);
    else if (v !== false && v != null) e.setAttribute(k, v === true ? "" : v);
  }
  for (const b of born) e.append(b);
  return e;
}

/** The id of the input for the JSON path `navn` ("poster[2].beloeb_kr" -> "felt-poster-2-beloeb_kr").
 * @param {string} navn */
export function feltId(navn) {
  return "felt-" + navn.replace(/[\[\].]+/g, "-").replace(/-$/, "");
}

/** The form's controls, in page order.
 * @param {HTMLFormElement} form
 * @returns {Felt[]} */
export function felter(form) {
  return /** @type {Felt[]} */ ([...form.elements]);
}

/** The element an event happened on (events here always come from elements).
 * @param {Event} e */
export function maal(e) {
  return /** @type {Element} */ (e.target);
}

/** The one element `selektor` must find (the markup contract guarantees it).
 * @template {Element} [T=HTMLElement]
 * @param {ParentNode} i
 * @param {string} selektor
 * @returns {T} */
export function find(i, selektor) {
  return /** @type {T} */ (i.querySelector(selektor));
}
