// @ts-check
// A yes/no question before something that cannot be undone (reset, delete a saved case, replace one): a modal
// <dialog> with the question as its heading and buttons that name the action (GOV.UK: "Ja, slet alle svar", never
// "OK"). The focus starts on the safe answer; Esc, like "Nej", changes nothing; the focus returns to the button
// that asked.

import { el } from "./dom.js";

let antal = 0;

/**
 * @param {HTMLElement} ved the element the dialog is placed in (the calculator, so the site's styles apply)
 * @param {{ spoergsmaal: string, tekst: string, ja: string, nej: string }} valg
 * @returns {Promise<boolean>} true when the reader chose `ja`
 */
export function bekraeft(ved, { spoergsmaal, tekst, ja, nej }) {
  const tidligere = /** @type {HTMLElement | null} */ (document.activeElement);
  const id = `lbf-dialog-${++antal}`;
  const jaKnap = el("button", { type: "button", class: "md-button md-button--primary lbf-advarselsknap", text: ja });
  const nejKnap = el("button", { type: "button", class: "md-button", text: nej });
  const d = /** @type {HTMLDialogElement} */ (el("dialog", { class: "lbf-dialog", "aria-labelledby": `${id}-titel`, "aria-describedby": `${id}-tekst` },
    el("h2", { id: `${id}-titel`, text: spoergsmaal }), el("p", { id: `${id}-tekst`, text: tekst }),
    el("div", { class: "lbf-knapper" }, jaKnap, nejKnap)));
  if (typeof d.showModal !== "function") return Promise.resolve(window.confirm(`${spoergsmaal}\n\n${tekst}`));
  ved.append(d);
  return new Promise((loes) => {
    let svar = false;
    jaKnap.addEventListener("click", () => { svar = true; d.close(); });
    nejKnap.addEventListener("click", () => d.close());
    d.addEventListener("close", () => {
      d.remove();
      if (tidligere && tidligere.isConnected) tidligere.focus();
      loes(svar);
    }, { once: true });
    d.showModal();
    nejKnap.focus();
  });
}
