// @ts-check
// "Gemte beregninger": save the current case under a name, list the saved cases (name, date, rule set), open,
// rename, copy and delete them, and move all of them to and from one file. They stay in this browser
// (lager.js); nothing is sent anywhere. The page gives the container:
//   <section class="lbf-gemte" data-gemte-beregninger aria-labelledby="…" hidden><h2 id="…">Gemte beregninger</h2></section>
// and this module builds the rest (without JavaScript the section stays hidden).

import { bekraeft } from "./dialog.js";
import { el, maal } from "./dom.js";
import { hentFil, laesJsonFil } from "./filer.js";
import { fladgoer } from "./formdata.js";
import {
  LAGER_VERSION, MAKS_NAVN, MAKS_SAGER, erSagNoegle, gemSager, hentSager, lagerfejlTekst, nyId, rensNavn, somSag,
  unikNavn,
} from "./lager.js";
import { raekkerTil } from "./raekker.js";

/** @typedef {import("./lager.js").Sag} Sag */

/** What the file of all saved cases says it is. */
const SAMLING = "gemte-beregninger";

/** "5. januar 2024 kl. 14.03" (the date alone when no time was kept).
 * @param {string} iso */
export function datoTekst(iso) {
  const d = new Date(iso);
  const dato = d.toLocaleDateString("da-DK", { day: "numeric", month: "long", year: "numeric" });
  return iso.includes("T") ? `${dato} kl. ${d.toLocaleTimeString("da-DK", { hour: "2-digit", minute: "2-digit" })}` : dato;
}

/** Show a GOV.UK field error above `felt` (its label and hint stay above it), or remove it (tekst null).
 * @param {HTMLInputElement} felt
 * @param {string | null} tekst */
function feltFejl(felt, tekst) {
  document.getElementById(`${felt.id}-fejl`)?.remove();
  const beskrevet = (felt.getAttribute("aria-describedby") || "").split(" ").filter((x) => x && x !== `${felt.id}-fejl`);
  if (!tekst) {
    felt.removeAttribute("aria-invalid");
    if (beskrevet.length) felt.setAttribute("aria-describedby", beskrevet.join(" ")); else felt.removeAttribute("aria-describedby");
    return;
  }
  felt.before(el("p", { class: "lbf-felt-fejl", id: `${felt.id}-fejl` }, el("span", { class: "lbf-skjult", text: "Fejl: " }), tekst));
  felt.setAttribute("aria-invalid", "true");
  felt.setAttribute("aria-describedby", [...beskrevet, `${felt.id}-fejl`].join(" "));
  felt.focus();
}

/** The message for a name the reader typed, or null when it can be used.
 * @param {string} navn already cleaned (rensNavn) */
function navnFejl(navn) {
  if (!navn) return "Skriv et navn til beregningen, fx »Afdeling 12, tag og vinduer«.";
  if (navn.length > MAKS_NAVN) return `Navnet må højst være ${MAKS_NAVN} tegn. Det har ${navn.length} tegn nu.`;
  return null;
}

/** @param {Sag[]} sager
 * @param {string} navn
 * @param {string} [undtagen] an id that does not count */
const medNavn = (sager, navn, undtagen) =>
  sager.find((s) => s.id !== undtagen && s.navn.toLocaleLowerCase("da") === navn.toLocaleLowerCase("da"));

/**
 * @param {HTMLElement} sektion the page's [data-gemte-beregninger] section
 * @param {HTMLFormElement} form the calculator's form
 * @param {object} side
 * @param {string} side.navn the calculator
 * @param {string} side.id a prefix for ids
 * @param {() => Record<string, unknown>} side.raaData the raw inputs now
 * @param {string} side.standard the raw inputs the page starts with (JSON), which need no keeping
 * @param {() => Promise<string | null>} side.regelsaet the rule set of the inputs' result now (null: no result)
 * @param {() => string | null} side.gaeldende the rule set the page computes with, when known
 * @param {(sag: Sag) => Promise<boolean>} side.aabn fills the form with a case and computes it
 * @param {() => string | null} side.aabenSag the id of the open case
 * @param {(sag: Sag | null) => void} side.saetSag marks a case as open (data-sagsnavn) or none
 * @param {string} side.raad how else to keep the numbers, for the storage messages
 */
export function opsaetGemte(sektion, form, side) {
  const { navn, id } = side;
  const intro = el("p", { text: "Gem jeres tal under et navn, så I kan åbne dem igen senere. De gemte beregninger bliver kun i denne "
    + "browser på denne computer og bliver ikke sendt nogen steder hen. Rydder I browserens data, forsvinder de også, så gem "
    + "dem i en fil, hvis I vil være sikre på at beholde dem." });
  const navnefelt = /** @type {HTMLInputElement} */ (el("input", { type: "text", id: `${id}-navn`, class: "lbf-gemte__navnefelt",
    "aria-describedby": `${id}-navn-hint`, autocomplete: "off" }));
  const gemForm = el("form", { class: "lbf-gemte__gem", novalidate: true },
    el("label", { for: `${id}-navn`, text: "Navn på beregningen" }),
    el("p", { class: "lbf-hint", id: `${id}-navn-hint`, text: `Fx »Afdeling 12, tag og vinduer«. Højst ${MAKS_NAVN} tegn.` }),
    navnefelt,
    el("div", { class: "lbf-knapper" }, el("button", { type: "submit", class: "md-button md-button--primary", text: "Gem beregningen" })));
  const besked = el("p", { class: "lbf-besked", "data-besked": true, "aria-live": "polite" });
  const listeTitel = el("h3", { id: `${id}-liste`, tabindex: "-1", text: "Gemt i denne browser" });
  const liste = el("div", { class: "lbf-gemte__sager" });
  const eksport = el("button", { type: "button", class: "md-button", "data-eksporter-gemte": true, text: "Gem alle i en fil (JSON)" });
  const importfelt = /** @type {HTMLInputElement} */ (el("input", { type: "file", id: `${id}-import`, accept: "application/json,.json",
    "aria-describedby": `${id}-import-hint` }));
  const filbesked = el("p", { class: "lbf-besked", "data-besked": true, "aria-live": "polite" });
  sektion.append(intro, gemForm, besked, listeTitel, liste,
    el("h3", { text: "Alle gemte beregninger i én fil" }),
    el("p", { text: "Flyt jeres gemte beregninger til en anden browser eller computer, eller tag en kopi af dem. Filen bliver på jeres egen computer." }),
    el("div", { class: "lbf-knapper" }, eksport),
    el("label", { for: `${id}-import`, text: "Hent gemte beregninger fra en fil" }),
    el("p", { class: "lbf-hint", id: `${id}-import-hint`, text: "Vælg en fil, som I har gemt med »Gem alle i en fil«. Beregningerne bliver lagt "
      + "til dem, der er her; har to samme navn, får den nye » (2)« efter navnet." }),
    importfelt, filbesked);
  /** @param {string} t */
  const sig = (t) => { besked.textContent = t; };

  /** Keep `sager`; says why in Danish (and returns false) when the browser would not.
   * @param {Sag[]} sager
   * @param {string} hvad */
  function gem(sager, hvad) {
    const fejl = gemSager(navn, sager);
    if (fejl) sig(lagerfejlTekst(fejl, hvad, side.raad));
    // Others on the page follow the list (the comparison of alternatives, sammenlign.js).
    else sektion.dispatchEvent(new CustomEvent("lbf-sager", { bubbles: true }));
    return !fejl;
  }

  /** The saved cases, with a message when some could not be read. */
  function sager() {
    const h = hentSager(navn);
    if (h.ulaeselig) sig("De gemte beregninger i browseren kunne ikke læses og er slettet.");
    else if (h.kasseret) sig(`${h.kasseret === 1 ? "En gemt beregning" : `${h.kasseret} gemte beregninger`} kunne ikke læses og er udeladt.`);
    return h;
  }

  /** Rebuild the list; then focus the button `fokus` (a selector inside the list), if given.
   * @param {string} [fokus] */
  function vis(fokus) {
    const { sager: alle, fejl } = sager();
    const nu = side.gaeldende();
    if (fejl) {
      liste.replaceChildren(el("p", { text: "Browseren tillader ikke, at siden læser eller gemmer noget (det sker fx i et privat vindue, "
        + `eller når lagring er slået fra), så der kan ikke gemmes beregninger her. ${side.raad}` }));
      return;
    }
    if (!alle.length) {
      liste.replaceChildren(el("p", { text: "Der er ingen gemte beregninger i denne browser endnu." }));
      return;
    }
    const aaben = side.aabenSag();
    liste.replaceChildren(el("ul", { class: "lbf-gemte__liste" }, ...alle.map((s) => {
      const navnTekst = `»${s.navn}«`;
      /** @param {string} tekst
       * @param {string} handling */
      const knap = (tekst, handling) => el("button", { type: "button", class: "md-button", "data-handling": handling },
        tekst, el("span", { class: "lbf-skjult", text: ` ${navnTekst}` }));
      const regler = !s.regelsaet
        ? el("p", { class: "lbf-gemte__info", text: "Gemt uden et beregnet resultat." })
        : nu && nu !== s.regelsaet
          ? el("p", { class: "lbf-gemte__regler" }, el("strong", { text: "Reglerne er ændret siden." }),
            ` Beregningen blev lavet med regelsæt ${s.regelsaet}, og siden bruger nu regelsæt ${nu}. Når I åbner den, `
            + "bliver den regnet igen med de gældende regler, så resultatet kan blive et andet.")
          : el("p", { class: "lbf-gemte__info", text: `Beregnet med regelsæt ${s.regelsaet}.` });
      return el("li", { class: "lbf-gemte__sag", "data-sag": s.id },
        el("p", { class: "lbf-gemte__titel" }, el("strong", { text: s.navn }),
          ...(s.id === aaben ? [el("span", { class: "lbf-gemte__aaben", text: " (åben i beregneren)" })] : [])),
        el("p", { class: "lbf-gemte__info", text: `Gemt ${datoTekst(s.gemt)}.` }), regler,
        el("div", { class: "lbf-knapper" }, knap("Åbn", "aabn"), knap("Omdøb", "omdoeb"), knap("Kopiér", "kopier"), knap("Slet", "slet")));
    })));
    if (fokus) /** @type {HTMLElement | null} */ (liste.querySelector(fokus))?.focus();
  }

  /** @param {string} sagId
   * @param {string} handling */
  const knapFor = (sagId, handling) => `[data-sag="${CSS.escape(sagId)}"] [data-handling="${handling}"]`;

  gemForm.addEventListener("submit", async (e) => {
    e.preventDefault();
    const nyt = rensNavn(navnefelt.value);
    const fejl = navnFejl(nyt);
    feltFejl(navnefelt, fejl);
    if (fejl) return;
    const alle = sager().sager;
    const samme = medNavn(alle, nyt);
    // Saving the open case again under its own name updates it; another case of that name is replaced only when
    // the reader says so.
    if (samme && samme.id !== side.aabenSag() && !(await bekraeft(sektion, {
      spoergsmaal: `Vil I erstatte »${samme.navn}«?`,
      tekst: `Der er allerede en gemt beregning, der hedder »${samme.navn}«. Hvis I erstatter den, bliver tallene i den skiftet ud med tallene i formularen nu.`,
      ja: `Ja, erstat »${samme.navn}«`, nej: "Nej, behold den" }))) return;
    if (!samme && alle.length >= MAKS_SAGER) {
      sig(`Der er plads til ${MAKS_SAGER} gemte beregninger i denne browser, og der er ${alle.length}. Slet en af dem, eller gem dem i en fil og slet dem her, før I gemmer flere. Tallene i formularen er uændrede.`);
      return;
    }
    /** @type {Sag} */
    const ny = { id: samme ? samme.id : nyId(), navn: nyt, gemt: new Date().toISOString(), regelsaet: await side.regelsaet(),
      inddata: side.raaData() };
    if (!gem(samme ? alle.map((s) => (s.id === ny.id ? ny : s)) : [ny, ...alle], `beregningen »${nyt}«`)) return;
    side.saetSag(ny);
    vis();
    sig(samme ? `»${nyt}« er gemt igen med tallene i formularen nu.` : `Beregningen er gemt som »${nyt}«.`);
  });

  liste.addEventListener("click", async (e) => {
    const k = /** @type {HTMLElement | null} */ (maal(e).closest("[data-handling]"));
    const sagId = k?.closest("[data-sag]")?.getAttribute("data-sag");
    if (!k || !sagId) return;
    const alle = sager().sager;
    const sag = alle.find((s) => s.id === sagId);
    if (!sag) { vis(); return; }
    const handling = k.dataset.handling;
    if (handling === "aabn") {
      if (await side.aabn(sag)) vis(knapFor(sag.id, "aabn"));
    } else if (handling === "omdoeb") {
      omdoeb(sag);
    } else if (handling === "kopier") {
      if (alle.length >= MAKS_SAGER) {
        sig(`Der er plads til ${MAKS_SAGER} gemte beregninger i denne browser. Slet en, før I kopierer flere.`);
        return;
      }
      const kopi = { ...sag, id: nyId(), navn: unikNavn(sag.navn, alle.map((s) => s.navn)) };
      const i = alle.indexOf(sag);
      if (!gem([...alle.slice(0, i + 1), kopi, ...alle.slice(i + 1)], `kopien af »${sag.navn}«`)) return;
      vis(knapFor(kopi.id, "omdoeb"));
      sig(`»${sag.navn}« er kopieret. Kopien hedder »${kopi.navn}«.`);
    } else if (handling === "slet") {
      if (!(await bekraeft(sektion, { spoergsmaal: `Vil I slette »${sag.navn}«?`,
        tekst: "Den gemte beregning bliver slettet fra denne browser, og det kan ikke fortrydes. Tallene i formularen bliver stående.",
        ja: `Ja, slet »${sag.navn}«`, nej: "Nej, behold den" }))) return;
      if (!gem(alle.filter((s) => s.id !== sag.id), "ændringen")) return;
      if (side.aabenSag() === sag.id) side.saetSag(null);
      vis();
      listeTitel.focus();
      sig(`»${sag.navn}« er slettet.`);
    }
  });

  /** Rename in place: the case's row becomes a small form (Enter saves, Esc cancels).
   * @param {Sag} sag */
  function omdoeb(sag) {
    const raekke = liste.querySelector(`[data-sag="${CSS.escape(sag.id)}"]`);
    if (!raekke) return;
    const felt = /** @type {HTMLInputElement} */ (el("input", { type: "text", id: `${id}-omdoeb`, value: sag.navn, autocomplete: "off" }));
    const annuller = el("button", { type: "button", class: "md-button", text: "Annullér" });
    const f = el("form", { class: "lbf-gemte__omdoeb", novalidate: true },
      el("label", { for: `${id}-omdoeb`, text: `Nyt navn til »${sag.navn}«` }), felt,
      el("div", { class: "lbf-knapper" }, el("button", { type: "submit", class: "md-button md-button--primary", text: "Gem navnet" }), annuller));
    raekke.replaceChildren(f);
    felt.focus();
    felt.select();
    const tilbage = () => vis(knapFor(sag.id, "omdoeb"));
    annuller.addEventListener("click", tilbage);
    f.addEventListener("keydown", (e) => { if (e.key === "Escape") { e.preventDefault(); tilbage(); } });
    f.addEventListener("submit", (e) => {
      e.preventDefault();
      const nyt = rensNavn(felt.value);
      const alle = sager().sager;
      const fejl = navnFejl(nyt) || (medNavn(alle, nyt, sag.id)
        ? `Der er allerede en gemt beregning, der hedder »${nyt}«. Vælg et andet navn.` : null);
      feltFejl(felt, fejl);
      if (fejl) return;
      if (!gem(alle.map((s) => (s.id === sag.id ? { ...s, navn: nyt } : s)), `det nye navn »${nyt}«`)) return;
      if (side.aabenSag() === sag.id) side.saetSag({ ...sag, navn: nyt });
      vis(knapFor(sag.id, "omdoeb"));
      sig(`»${sag.navn}« hedder nu »${nyt}«.`);
    });
  }

  eksport.addEventListener("click", () => {
    const alle = sager().sager;
    if (!alle.length) {
      filbesked.textContent = "Der er ingen gemte beregninger at gemme i en fil.";
      return;
    }
    const indhold = { beregner: navn, version: LAGER_VERSION, indhold: SAMLING, eksporteret: new Date().toISOString(),
      sager: alle.map(({ navn: n, gemt, regelsaet, inddata }) => ({ navn: n, gemt, regelsaet, inddata })) };
    hentFil(`${navn}-gemte-beregninger.json`, JSON.stringify(indhold), "application/json");
    filbesked.textContent = `${alle.length === 1 ? "Den gemte beregning er" : `De ${alle.length} gemte beregninger er`} gemt i filen »${navn}-gemte-beregninger.json«.`;
  });

  importfelt.addEventListener("change", async () => {
    const fil = importfelt.files?.[0];
    importfelt.value = "";
    if (!fil) return;
    const nye = await laesSamling(fil);
    if (typeof nye === "string") { filbesked.textContent = nye; return; }
    const alle = sager().sager;
    if (alle.length + nye.length > MAKS_SAGER) {
      filbesked.textContent = `Der er plads til ${MAKS_SAGER} gemte beregninger i denne browser. Filen har ${nye.length}, og der er `
        + `${alle.length} her i forvejen. Slet nogle, før I henter filen. Intet er hentet.`;
      return;
    }
    const navne = alle.map((s) => s.navn);
    const tilfoejet = nye.map((s) => { const n = unikNavn(s.navn, navne); navne.push(n); return { ...s, navn: n }; });
    if (!gem([...tilfoejet, ...alle], "beregningerne fra filen")) return;
    vis();
    const omdoebt = tilfoejet.filter((s, i) => s.navn !== nye[i].navn).length;
    filbesked.textContent = `${nye.length === 1 ? "1 gemt beregning" : `${nye.length} gemte beregninger`} fra filen »${fil.name}« er hentet.`
      + (omdoebt ? ` ${omdoebt === 1 ? "En af dem hed" : `${omdoebt} af dem hed`} det samme som en, der var her, og har fået et tal efter navnet.` : "");
  });

  /** The cases in a file of all saved cases, checked like a loaded file (filer.js) and each like a stored case;
   * or a Danish message saying why nothing was loaded.
   * @param {File} fil
   * @returns {Promise<Sag[] | string>} */
  async function laesSamling(fil) {
    const vaelg = "Vælg en fil, som I har gemt med »Gem alle i en fil«.";
    const json = await laesJsonFil(fil, vaelg);
    if (typeof json === "string") return json;
    const g = /** @type {Record<string, unknown> | null} */ (json.json);
    const ikke = `Filen »${fil.name}« indeholder ikke gemte beregninger fra denne beregner. Intet er hentet.`;
    if (!g || typeof g !== "object" || Array.isArray(g)) return ikke;
    if (g.beregner !== navn) return `Filen »${fil.name}« er gemt fra en anden beregner. Intet er hentet.`;
    if (g.inddata && !g.sager) {
      return `Filen »${fil.name}« er én beregning, ikke en samling af gemte beregninger. `
        + (form.closest("[data-beregner]")?.querySelector("[data-indlaes-json]") ? "Hent den under »Gem, indlæs og udskriv« i stedet." : "Intet er hentet.");
    }
    if (g.indhold !== SAMLING || g.version !== LAGER_VERSION || !Array.isArray(g.sager)) return ikke;
    /** @type {Sag[]} */
    const ud = [];
    for (const [i, x] of g.sager.entries()) {
      const sag = somSag(x && typeof x === "object" ? { ...x, id: nyId() } : x);
      const nr = `beregning nr. ${i + 1}`;
      if (!sag) return `Filen »${fil.name}« er ændret eller beskadiget: ${nr} kan ikke læses. Intet er hentet.`;
      try {
        raekkerTil(form, fladgoer(sag.inddata));
      } catch (err) {
        return `Filen »${fil.name}« kunne ikke bruges: ${nr} (»${sag.navn}«) har for mange rækker. ${err instanceof RangeError ? err.message : ""} Intet er hentet.`;
      }
      ud.push(sag);
    }
    return ud;
  }

  // Another tab of this site changed the saved cases.
  addEventListener("storage", (e) => { if (erSagNoegle(e.key, navn)) vis(); });

  const aabenId = side.aabenSag();
  if (aabenId) {
    const s = sager().sager.find((x) => x.id === aabenId);
    side.saetSag(s || null);
  }
  sektion.hidden = false;
  vis();

  return {
    /** Rebuild the list (the rule set now known, a case opened). */
    opdater: () => vis(),
    /**
     * Before the form is replaced (a case or a link is opened): keep what it holds as a saved case, unless it is
     * the page's empty form, a saved case already, or the same as what comes. When that cannot be done (no room,
     * storage off) the reader is asked. Returns false when the form must stay as it is.
     * @param {Record<string, unknown>} kommende the inputs that will replace the form
     * @param {HTMLElement} ved where to put the question
     * @returns {Promise<{ fortsaet: boolean, gemtSom: string | null }>}
     */
    async bevar(kommende, ved) {
      const nu = side.raaData();
      const tekst = JSON.stringify(nu);
      const alle = sager().sager;
      if (tekst === side.standard || tekst === JSON.stringify(kommende) || alle.some((s) => JSON.stringify(s.inddata) === tekst)) {
        return { fortsaet: true, gemtSom: null };
      }
      const n = unikNavn(`Ikke gemte svar fra ${datoTekst(new Date().toISOString())}`, alle.map((s) => s.navn));
      const fejl = alle.length >= MAKS_SAGER ? "der er ikke plads til flere gemte beregninger"
        : gemSager(navn, [{ id: nyId(), navn: n, gemt: new Date().toISOString(), regelsaet: null, inddata: nu }, ...alle])
          ? "browseren tillader det ikke lige nu" : null;
      if (!fejl) { vis(); return { fortsaet: true, gemtSom: n }; }
      const fortsaet = await bekraeft(ved, { spoergsmaal: "Vil I erstatte jeres svar?",
        tekst: `Tallene i formularen er ikke gemt, og de kunne ikke gemmes automatisk, fordi ${fejl}. Hvis I fortsætter, bliver de erstattet.`,
        ja: "Ja, erstat mine svar", nej: "Nej, behold mine svar" });
      return { fortsaet, gemtSom: null };
    },
  };
}
