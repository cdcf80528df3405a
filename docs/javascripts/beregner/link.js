// @ts-check
// "Kopiér link": on the reader's request, the inputs go into the address's fragment, #inddata=<base64url of the
// UTF-8 JSON {beregner, version, regelsaet, inddata}> – the same shape as a saved file, checked the same way
// (filer.tjekGemt). A browser never sends the fragment to a server, so the numbers go only where the reader sends
// the link. The prefix cannot clash with the step flow's own fragments ("#trin-…", "#tjek"): opening a link fills
// the form, and the page drops the data from the address bar at once (history.replaceState), before the step flow
// reads the fragment.
//
// The longest link: MAKS_LINK characters. Chromium shows and keeps at most 32 KiB of an address in its address bar
// (url::kMaxURLDisplayChars); longer links get cut when copied from there or pasted into mail, so a larger case
// is refused with a Danish message pointing to the file. A merinvestering case with 100 measures (about 22.000
// characters) fits.

import { el } from "./dom.js";
import { tjekGemt } from "./filer.js";
import { LAGER_VERSION } from "./lager.js";

/** The longest link the page makes or reads, in characters. */
export const MAKS_LINK = 32_000;

const PRAEFIKS = "#inddata=";

/** @param {string} tekst */
function tilBase64url(tekst) {
  const bytes = new TextEncoder().encode(tekst);
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** @param {string} kode throws on anything that is not base64url of UTF-8 (padded or not) */
function fraBase64url(kode) {
  const b = kode.replace(/=+$/, "");
  if (!/^[A-Za-z0-9_-]*$/.test(b)) throw new Error("tegn");
  const s = atob(b.replace(/-/g, "+").replace(/_/g, "/") + "=".repeat((4 - (b.length % 4)) % 4));
  return new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(s, (c) => c.charCodeAt(0)));
}

/** The link to this page that carries `inddata`.
 * @param {string} navn
 * @param {Record<string, unknown>} inddata
 * @param {string | null} regelsaet */
export function lavLink(navn, inddata, regelsaet) {
  const url = new URL(location.href);
  url.hash = PRAEFIKS.slice(1) + tilBase64url(JSON.stringify({ beregner: navn, version: LAGER_VERSION, regelsaet, inddata }));
  return url.href;
}

/**
 * The inputs in this page's address, if it has a link's fragment: then the fragment is dropped from the address
 * bar (the entry is replaced, so Back behaves as before) and the result is the inputs, or a Danish message saying
 * why the link cannot be used. Null when the address carries no inputs.
 * @param {string} navn
 * @returns {null | string | { inddata: Record<string, unknown>, regelsaet: string | null }}
 */
export function laesLinkFraAdresse(navn) {
  if (!location.hash.startsWith(PRAEFIKS)) return null;
  const kode = location.hash.slice(PRAEFIKS.length);
  history.replaceState(history.state, "", location.pathname + location.search);
  if (location.href.length + kode.length > MAKS_LINK + PRAEFIKS.length) {
    return "Linket er for langt til, at beregneren kan bruge det. Bed om en fil med beregningen i stedet.";
  }
  let json;
  try {
    json = JSON.parse(fraBase64url(kode));
  } catch {
    return "Linket kunne ikke læses. Det er måske blevet klippet over, da det blev kopieret. Bed om linket igen, eller om en fil med beregningen.";
  }
  return tjekGemt(json, navn, "Linket", "er lavet i en anden beregner");
}

/**
 * The "Kopiér link" part of the saved-cases section: a button, the sentence that the link carries the numbers,
 * the link in a read-only field (always: the clipboard may be denied) and a message line.
 * @param {HTMLElement} sektion
 * @param {object} side
 * @param {string} side.navn the calculator
 * @param {string} side.id a prefix for ids
 * @param {() => Record<string, unknown>} side.raaData the raw inputs
 * @param {() => string | null} side.regelsaet the rule set of the result on screen, if it belongs to the inputs
 * @param {string} side.alternativ where to keep a case too large for a link ("Brug »Download beregning (JSON)«.")
 */
export function opsaetLink(sektion, { navn, id, raaData, regelsaet, alternativ }) {
  const knap = el("button", { type: "button", class: "md-button", "data-kopier-link": true, text: "Kopiér link" });
  const felt = /** @type {HTMLInputElement} */ (el("input", { type: "text", id: `${id}-link`, readonly: true,
    class: "lbf-gemte__link", autocomplete: "off", spellcheck: "false", "aria-describedby": `${id}-link-hint` }));
  const feltboks = el("div", { class: "lbf-gemte__linkfelt", hidden: true },
    el("label", { for: `${id}-link`, text: "Link til beregningen" }),
    el("p", { class: "lbf-hint", id: `${id}-link-hint`, text: "Markér linket, og kopiér det, hvis browseren ikke selv kopierede det." }),
    felt);
  const besked = el("p", { class: "lbf-besked", "data-besked": true, "aria-live": "polite" });
  sektion.append(
    el("h3", { text: "Del som link" }),
    el("p", { id: `${id}-link-forklaring`, text: "Linket indeholder alle jeres tal, så den, der får det, kan se dem og regne videre med dem. "
      + "Det er det samme, som når I sender en fil med beregningen: send det kun til dem, der må se tallene. "
      + "Tallene bliver ikke sendt til os eller andre, når linket åbnes – de ligger kun i selve linket." }),
    el("div", { class: "lbf-knapper" }, knap), feltboks, besked);
  knap.setAttribute("aria-describedby", `${id}-link-forklaring`);
  felt.addEventListener("focus", () => felt.select());
  knap.addEventListener("click", async () => {
    const link = lavLink(navn, raaData(), regelsaet());
    if (link.length > MAKS_LINK) {
      feltboks.hidden = true;
      felt.value = "";
      besked.textContent = `Beregningen er for stor til et link: linket ville få ${link.length.toLocaleString("da-DK")} tegn, `
        + `og et link kan højst have ${MAKS_LINK.toLocaleString("da-DK")} tegn, før browsere og mailprogrammer klipper det over. ${alternativ}`;
      return;
    }
    felt.value = link;
    feltboks.hidden = false;
    try {
      if (!navigator.clipboard) throw new Error("ingen udklipsholder");
      await navigator.clipboard.writeText(link);
      besked.textContent = "Linket er kopieret. Sæt det ind, hvor I vil dele det, fx i en mail. Det står også i feltet ovenfor.";
    } catch {
      besked.textContent = "Browseren tillod ikke, at siden kopierede linket. Markér linket i feltet ovenfor, og kopiér det selv (Ctrl+C eller Cmd+C).";
    }
  });
}
