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

/** Put `html` (rendered and escaped by the Python package) into `beholder`, replacing only the top-level blocks
 *  that differ. An unchanged block stays in place with its layout (a recalculation changes a few numbers, and
 *  re-laying out a whole long result on every keystroke took the worker's CPU: issue 17), its focus and its scroll
 *  position; a <details> the reader opened stays open. Blocks may appear or vanish (a § 13 paragraph); the kept
 *  ones are the longest run of old blocks, in order, that the new result has too.
 * @param {HTMLElement} beholder
 * @param {string} html */
export function erstatIndhold(beholder, html) {
  const skabelon = document.createElement("template");
  skabelon.innerHTML = html;
  const gamle = [...beholder.childNodes];
  const nye = [...skabelon.content.childNodes];
  const aabne = new Set(gamle.flatMap((d) => (d instanceof HTMLDetailsElement && d.open ? [d.className] : [])));
  for (const d of nye) if (d instanceof HTMLDetailsElement && aabne.has(d.className)) d.open = true;
  /** @param {ChildNode} n */
  const noegle = (n) => (n instanceof Element ? n.outerHTML : `${n.nodeType}:${n.textContent}`);
  const a = gamle.map(noegle);
  const b = nye.map(noegle);
  // Longest common subsequence of the two block lists (a result is a few dozen blocks).
  const l = Array.from({ length: a.length + 1 }, () => new Array(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      l[i][j] = a[i] === b[j] ? l[i + 1][j + 1] + 1 : Math.max(l[i + 1][j], l[i][j + 1]);
    }
  }
  /** @type {ChildNode[]} */
  const ud = [];
  let i = 0;
  for (let j = 0; j < b.length; j++) {
    while (i < a.length && a[i] !== b[j] && l[i + 1][j] >= l[i][j + 1]) i++;
    if (i < a.length && a[i] === b[j]) {
      ud.push(gamle[i]);
      i++;
    } else {
      ud.push(nye[j]);
    }
  }
  // Into place without moving a kept block (moving one would lay it out again).
  let her = beholder.firstChild;
  /** Remove the old blocks from `her` up to `stop` (null: to the end).
   * @param {ChildNode | null} stop */
  const fjernTil = (stop) => {
    while (her && her !== stop) {
      const vaek = her;
      her = her.nextSibling;
      vaek.remove();
    }
  };
  for (const n of ud) {
    if (n.parentNode === beholder) {
      fjernTil(n);
      her = n.nextSibling;
    } else {
      beholder.insertBefore(n, her);
    }
  }
  fjernTil(null);
}
