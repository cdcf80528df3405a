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

/** Make `gammel` look like `ny` (a node of the same kind and name) by changing it in place: attributes, text and,
 *  recursively, children, so an unchanged part keeps its layout and a changed number is one text change. A child
 *  of another kind or name is replaced. A <details> keeps its open state (the reader's choice). Returns false, and
 *  changes nothing, when the two are not of the same kind and name.
 * @param {ChildNode} gammel
 * @param {ChildNode} ny
 * @returns {boolean} */
function morf(gammel, ny) {
  if (gammel.nodeType !== ny.nodeType || gammel.nodeName !== ny.nodeName) return false;
  if (gammel.isEqualNode(ny)) return true;
  if (!(gammel instanceof Element) || !(ny instanceof Element)) {
    gammel.nodeValue = ny.nodeValue;
    return true;
  }
  for (const { name } of [...gammel.attributes]) {
    if (!ny.hasAttribute(name) && !(name === "open" && gammel instanceof HTMLDetailsElement)) gammel.removeAttribute(name);
  }
  for (const { name, value } of ny.attributes) if (gammel.getAttribute(name) !== value) gammel.setAttribute(name, value);
  const gamle = [...gammel.childNodes];
  const nye = [...ny.childNodes];
  nye.forEach((n, k) => {
    const g = gamle[k];
    if (!g) gammel.append(n);
    else if (!morf(g, n)) g.replaceWith(n);
  });
  for (const g of gamle.slice(nye.length)) g.remove();
  return true;
}

/** Put `html` (rendered and escaped by the Python package) into `beholder`, changing only what differs. Top-level
 *  blocks are matched first: the longest run of old blocks, in order, that the new result has too stays as it is
 *  (blocks may appear or vanish: a § 13 paragraph); between two kept blocks, an old and a new block of the same
 *  element are made alike in place (`morf`), the rest replaced. A recalculation changes a few numbers, and
 *  re-laying out and repainting a whole long result on every keystroke took the processor the worker needs
 *  (issue 17); a kept block also keeps its focus and scroll position, and a <details> the reader opened stays open.
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
  /** The kept blocks as [old index, new index], ending with both lengths.
   * @type {[number, number][]} */
  const par = [];
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] === b[j]) par.push([i++, j++]);
    else if (l[i + 1][j] >= l[i][j + 1]) i++;
    else j++;
  }
  par.push([a.length, b.length]);
  /** @type {ChildNode[]} */
  const ud = [];
  let gi = 0;
  let gj = 0;
  for (const [pi, pj] of par) {
    for (let k = 0; gj + k < pj; k++) {
      const g = gi + k < pi ? gamle[gi + k] : null;
      ud.push(g && morf(g, nye[gj + k]) ? g : nye[gj + k]);
    }
    if (pi < a.length) ud.push(gamle[pi]);
    gi = pi + 1;
    gj = pj + 1;
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
