// Thin browser glue for the calculator pages. It knows no rule: it turns the form into
// the texts the user typed, asks the Python package (in a Web Worker) for an answer and
// shows the HTML the package renders. Everything stays in this browser tab.
//
// Markup contract (see docs/beregnere/*.md):
//   <div class="lbf-beregner" data-beregner="NAVN" data-state="loading">
//     <p data-status aria-live="polite">…</p>
//     <form data-formular [data-trinvis]> fields named by their JSON path … </form>
//     <div data-resultat></div>
//   </div>
// Field names are JSON paths ("poster[2].beloeb_kr"); names starting with "_" are for the
// page only and never sent. data-vis-hvis="rolle=a,b;_udbudt=ja" shows an element (and sends
// its fields) only when one of the ";"-separated conditions holds; hidden fields are sent as null.
// Repeated rows: <div data-gentag="aar" data-min="1" data-max="10" [data-max-besked="…"]> with a
// <template> of one [data-raekke], a [data-raekker] list, [data-tilfoej]/[data-fjern] buttons,
// [data-nr] row numbers and an optional [data-besked] line of its own; a field marked
// data-fortloebende in the template starts one above the largest number in its column.

const LAGER_VERSION = 1;

function el(tag, attrs = {}, ...born) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "text") e.textContent = v;
    else if (v !== false && v != null) e.setAttribute(k, v === true ? "" : v);
  }
  for (const b of born) e.append(b);
  return e;
}

export function feltId(navn) {
  return "felt-" + navn.replace(/[\[\].]+/g, "-").replace(/-$/, "");
}

// ---- conditions ---------------------------------------------------------------------
function vaerdi(form, navn) {
  // namedItem is the browser's own index of the form's fields: no search per call.
  const x = form.elements.namedItem(navn);
  if (!x) return "";
  const f = x instanceof RadioNodeList ? x[0] : x;
  if (f.type === "radio") return x instanceof RadioNodeList ? x.value : (f.checked ? f.value : "");
  if (f.type === "checkbox") return f.checked ? "ja" : "nej";
  return f.value;
}

function betingelseOpfyldt(form, udtryk) {
  return udtryk.split(";").some((del) => {
    const m = del.trim().match(/^([\w.\[\]]+)(!?=)(.*)$/);
    if (!m) return true;
    const v = vaerdi(form, m[1]);
    const hit = m[3].split(",").map((s) => s.trim()).includes(v);
    return m[2] === "=" ? hit : !hit;
  });
}

function opdaterSynlighed(form) {
  const trinvis = form.hasAttribute("data-trinvis");
  for (const e of form.querySelectorAll("[data-vis-hvis]")) {
    // In a step-by-step flow the flow itself shows one step at a time.
    if (trinvis && e.classList.contains("lbf-trin")) continue;
    e.hidden = !betingelseOpfyldt(form, e.dataset.visHvis);
  }
}

/** True when a condition on the field or an enclosing element does not hold. */
function erSkjult(felt, form) {
  for (let e = felt; e && e !== form; e = e.parentElement) {
    if (e.hasAttribute("data-vis-hvis") && !betingelseOpfyldt(form, e.dataset.visHvis)) return true;
  }
  return false;
}

/** Text of a node without the parts whose condition does not hold (legend variants). */
function synligTekst(form, node) {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent;
  if (node.nodeType !== Node.ELEMENT_NODE) return "";
  if (node.hasAttribute("data-vis-hvis") && !betingelseOpfyldt(form, node.dataset.visHvis)) return "";
  return [...node.childNodes].map((n) => synligTekst(form, n)).join("").trim();
}

// ---- form <-> data ------------------------------------------------------------------
function saetSti(obj, sti, v) {
  const dele = sti.match(/[^.\[\]]+/g);
  let o = obj;
  dele.forEach((d, i) => {
    const sidste = i === dele.length - 1;
    const naeste = dele[i + 1];
    const noegle = /^\d+$/.test(d) ? Number(d) : d;
    if (sidste) { o[noegle] = v; return; }
    if (o[noegle] == null) o[noegle] = /^\d+$/.test(naeste) ? [] : {};
    o = o[noegle];
  });
}

/** The data object Python reads in form mode: texts as typed, null for hidden fields. */
export function samlData(form) {
  const data = {};
  const set = new Set();
  for (const f of form.elements) {
    const navn = f.name;
    if (!navn || navn.startsWith("_") || set.has(navn) || f.disabled) continue;
    set.add(navn);
    let v = vaerdi(form, navn);
    if (f.type === "checkbox") v = f.checked;
    if (erSkjult(f, form)) v = null;
    saetSti(data, navn, v);
  }
  // Sparse arrays (after a row was removed) become dense lists.
  const komprimer = (x) => Array.isArray(x) ? x.filter((y) => y !== undefined).map(komprimer)
    : (x && typeof x === "object") ? Object.fromEntries(Object.entries(x).map(([k, y]) => [k, komprimer(y)])) : x;
  return komprimer(data);
}

/** Every named field's raw value, for the browser's own storage. */
function raaFelter(form) {
  const ud = {};
  for (const f of form.elements) {
    if (!f.name) continue;
    if (f.type === "radio") { if (f.checked) ud[f.name] = f.value; }
    else if (f.type === "checkbox") ud[f.name] = f.checked;
    else if (f.type !== "file") ud[f.name] = f.value;
  }
  return ud;
}

// Rows a loaded file or saved state may ask for. A few more than the page allows are
// loaded, and the calculator explains its limit at the field; far more are refused before
// anything changes, since building them one by one would hang the page.
const MAKS_RAEKKER_I_FIL = 500;

/** Fill the form from {path: text}; throws a RangeError (a Danish message), before changing
 *  anything, when the data asks for more than MAKS_RAEKKER_I_FIL rows in a block. */
function udfyld(form, felter) {
  const antal = new Map();
  for (const g of form.querySelectorAll("[data-gentag]")) {
    const moenster = new RegExp(`^${g.dataset.gentag}\\[(\\d+)\\]`);
    let n = 0;
    for (const k of Object.keys(felter)) {
      const m = k.match(moenster);
      if (m) n = Math.max(n, Number(m[1]) + 1);
    }
    if (!n) continue;
    const maks = Number(g.dataset.max || MAKS_RAEKKER_I_FIL);
    if (n > Math.max(maks, MAKS_RAEKKER_I_FIL)) throw new RangeError(g.dataset.maxBesked || `Der kan højst være ${maks} rækker.`);
    antal.set(g, n);
  }
  for (const [g, n] of antal) saetAntalRaekker(g, n);
  for (const f of form.elements) {
    if (!f.name || !(f.name in felter)) continue;
    const v = felter[f.name];
    if (f.type === "radio") f.checked = f.value === (typeof v === "boolean" ? (v ? "ja" : "nej") : v);
    else if (f.type === "checkbox") f.checked = v === true;
    else if (f.type !== "file") f.value = v == null ? "" : String(v);
  }
  opdaterSynlighed(form);
}

/** Flatten a saved/loaded nested object into {path: text}; numbers in Danish notation. */
export function fladgoer(obj, praefiks = "", ud = {}) {
  if (Array.isArray(obj)) obj.forEach((v, i) => fladgoer(v, `${praefiks}[${i}]`, ud));
  else if (obj && typeof obj === "object") {
    for (const [k, v] of Object.entries(obj)) fladgoer(v, praefiks ? `${praefiks}.${k}` : k, ud);
  } else if (typeof obj === "number") ud[praefiks] = String(obj).replace(".", ",");
  else if (typeof obj === "boolean") ud[praefiks] = obj;
  else ud[praefiks] = obj == null ? "" : String(obj);
  return ud;
}

// ---- repeated rows (measures, budget lines, years) ----------------------------------
function saetAntalRaekker(gentag, antal) {
  const liste = gentag.querySelector("[data-raekker]");
  // Numbered once at the end: numbering after each row made a long file take seconds.
  while (liste.children.length < antal) tilfoejRaekke(gentag, false);
  while (liste.children.length > antal) liste.lastElementChild.remove();
  nummerer(gentag);
}

function nummerer(gentag) {
  const navn = gentag.dataset.gentag;
  [...gentag.querySelector("[data-raekker]").children].forEach((r, i) => {
    for (const e of r.querySelectorAll("[name], [for], [id], [data-nr], [aria-describedby]")) {
      for (const a of ["name", "for", "id", "aria-describedby"]) {
        const v = e.getAttribute(a);
        if (v) e.setAttribute(a, v.replace(new RegExp(`${navn}(\\[|-)\\d+`, "g"), (_, s) => `${navn}${s}${i}`));
      }
      if (e.hasAttribute("data-nr")) e.textContent = String(i + 1);
    }
  });
}

function tilfoejRaekke(gentag, nummerering = true) {
  const skabelon = gentag.querySelector("template");
  const liste = gentag.querySelector("[data-raekker]");
  const ny = skabelon.content.firstElementChild.cloneNode(true);
  liste.append(ny);
  if (nummerering) nummerer(gentag);
  // A field marked data-fortloebende (e.g. a year number) starts one above the largest
  // number already in its column, so adding a row continues the sequence.
  for (const f of ny.querySelectorAll("[data-fortloebende][name]")) {
    const kolonne = f.name.slice(f.name.lastIndexOf("]") + 1);
    const tal = [...liste.querySelectorAll("[data-fortloebende][name]")]
      .filter((x) => x !== f && x.name.endsWith(kolonne))
      .map((x) => Number.parseInt(x.value, 10)).filter(Number.isFinite);
    f.value = String(tal.length ? Math.max(...tal) + 1 : liste.children.length);
  }
  return ny;
}

// ---- errors ---------------------------------------------------------------------------
function ryd(rod) {
  rod.querySelectorAll(".lbf-fejlopsummering").forEach((e) => e.remove());
  rod.querySelectorAll(".lbf-felt-fejl").forEach((e) => e.remove());
  rod.querySelectorAll("[aria-invalid]").forEach((e) => {
    e.removeAttribute("aria-invalid");
    const d = (e.getAttribute("aria-describedby") || "").split(" ").filter((x) => !x.endsWith("-fejl")).join(" ");
    if (d) e.setAttribute("aria-describedby", d); else e.removeAttribute("aria-describedby");
  });
  document.title = document.title.replace(/^Fejl: /, "");
}

function feltFor(form, felt) {
  const id = feltId(felt);
  return document.getElementById(id) || form.querySelector(`[name="${CSS.escape(felt)}"]`);
}

function visFejl(rod, form, fejl, foran) {
  ryd(rod);
  const liste = el("ul", { class: "lbf-fejlopsummering__liste" });
  for (const f of fejl) {
    const felt = f.felt ? feltFor(form, f.felt) : null;
    const li = el("li");
    if (felt) {
      const maal = felt.type === "radio" ? (form.querySelector(`[name="${CSS.escape(felt.name)}"]`)) : felt;
      li.append(el("a", { href: "#" + (maal.id || feltId(f.felt)), text: f.besked }));
      const besked = el("p", { class: "lbf-felt-fejl", id: (maal.id || feltId(f.felt)) + "-fejl" });
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
    const a = e.target.closest("a");
    if (!a) return;
    e.preventDefault();
    const maal = document.getElementById(a.getAttribute("href").slice(1));
    if (!maal) return;
    rod.dispatchEvent(new CustomEvent("lbf-vis-felt", { detail: maal }));
    maal.focus();
  });
}

// ---- files ----------------------------------------------------------------------------
const MAKS_FILSTOERRELSE = 1024 * 1024;

function hentFil(navn, tekst, type) {
  const url = URL.createObjectURL(new Blob([tekst], { type }));
  const a = el("a", { href: url, download: navn });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The saved inputs from a file, or a Danish message saying why it cannot be used. */
async function indlaesFil(fil, navn) {
  if (fil.size > MAKS_FILSTOERRELSE) return `Filen »${fil.name}« er for stor (over 1 MB). Vælg en fil, som beregneren har gemt.`;
  let indhold;
  try {
    indhold = JSON.parse(await fil.text());
  } catch {
    return `Filen »${fil.name}« kunne ikke læses. Vælg en JSON-fil, som beregneren har gemt.`;
  }
  if (!indhold || typeof indhold !== "object" || Array.isArray(indhold) || !indhold.inddata
      || typeof indhold.inddata !== "object" || Array.isArray(indhold.inddata)) {
    return `Filen »${fil.name}« indeholder ikke en gemt beregning. Jeres nuværende tal er uændrede.`;
  }
  if (indhold.beregner !== navn) {
    return `Filen »${fil.name}« er gemt fra en anden beregner. Jeres nuværende tal er uændrede.`;
  }
  return indhold.inddata;
}

// ---- the worker -----------------------------------------------------------------------
function startWorker(rod) {
  const navn = rod.dataset.beregner;
  const status = rod.querySelector("[data-status]");
  const afventer = new Map();
  let naesteId = 1;
  let klarLoes;
  let klarAfvis;
  const klar = new Promise((l, a) => { klarLoes = l; klarAfvis = a; });
  let worker;
  // The worker may already be running: beregner-start.js starts it from <head>.
  const tidlig = window.__lbfTidligWorker;
  if (tidlig && tidlig.navn === navn) {
    delete window.__lbfTidligWorker;
    worker = tidlig.worker;
  } else {
    try {
      worker = new Worker(new URL("./beregner-worker.js", import.meta.url), { type: "module" });
    } catch (err) {
      klarAfvis(err);
    }
  }
  const visStatus = (t) => { if (status) status.textContent = t; };
  if (worker) {
    worker.onmessage = (e) => {
      const m = e.data;
      if (m.type === "status") visStatus(m.tekst);
      else if (m.type === "tid") (window.__lbfTider ||= {})[m.fase] = m.t - performance.timeOrigin;
      else if (m.type === "klar") {
        gemTilOffline([...m.filer, new URL("./beregner-worker.js", import.meta.url).href]);
        rod.dataset.start = m.sti;
        rod.dataset.state = "ready";
        visStatus("Beregneren er klar.");
        klarLoes();
      }
      else if (m.type === "startfejl") klarAfvis(new Error(m.besked));
      else if (m.type === "svar") { afventer.get(m.id)?.(m); afventer.delete(m.id); }
    };
    worker.onerror = (e) => { e.preventDefault?.(); klarAfvis(new Error(e.message || "worker")); };
    if (tidlig && tidlig.worker === worker) {
      // Messages and errors from before this script ran, in the order they came.
      for (const e of tidlig.beskeder) worker.onmessage(e);
      for (const e of tidlig.fejl) worker.onerror(e);
    } else {
      // ?start=normal skips the snapshot (for comparison and as a way out if it misbehaves).
      const normalStart = new URLSearchParams(location.search).get("start") === "normal";
      worker.postMessage({ type: "start", navn, normalStart });
    }
  }
  klar.catch((err) => {
    rod.dataset.state = "error";
    visStatus("Beregneren kunne ikke starte i denne browser. Vejledningen og eksemplet på siden gælder stadig.");
    console.warn("Beregneren kunne ikke starte:", err);
  });
  return {
    klar,
    kald(data, { csv = false } = {}) {
      return klar.then(() => new Promise((loes) => {
        const id = naesteId++;
        afventer.set(id, loes);
        worker.postMessage({ type: "kald", id, navn, data, csv });
      }));
    },
  };
}

// ---- step-by-step flow (GOV.UK "one question per page", with "Tjek dine svar") --------
function trinvis(rod, form, beregn) {
  const trin = [...form.querySelectorAll(":scope > .lbf-trin")];
  const tjek = el("section", { class: "lbf-tjek", hidden: true, "aria-labelledby": "tjek-overskrift" },
    el("h2", { id: "tjek-overskrift", text: "Tjek dine svar", tabindex: "-1" }));
  const oversigt = el("dl", { class: "lbf-tjek__liste" });
  const se = el("button", { type: "submit", class: "md-button md-button--primary", text: form.dataset.knap || "Se resultat" });
  tjek.append(oversigt, se);
  form.append(tjek);
  form.querySelector(":scope > .lbf-send")?.remove();
  let aktuel = 0;
  let fraTjek = false;
  const synlige = () => trin.filter((t) => !t.hasAttribute("data-vis-hvis") || betingelseOpfyldt(form, t.dataset.visHvis));

  const etiket = (f) => {
    const l = f.id && form.querySelector(`label[for="${CSS.escape(f.id)}"]`);
    return l ? synligTekst(form, l) : "";
  };

  /** One field's answer as the user reads it ("" when unanswered). */
  function feltSvar(f) {
    if (f.type === "radio") return f.checked ? (f.closest(".lbf-valg")?.querySelector("label")?.textContent.trim() || f.value) : "";
    if (f.type === "checkbox") return f.checked ? etiket(f) || "Ja" : "";
    if (f.tagName === "SELECT") return f.value ? f.selectedOptions[0]?.textContent.trim() || f.value : "";
    if (f.type === "date" && f.value) return new Date(f.value + "T12:00").toLocaleDateString("da-DK", { day: "numeric", month: "long", year: "numeric" });
    return f.value ? f.value + (f.dataset.enhed ? " " + f.dataset.enhed : "") : "";
  }

  /** The answer to one question: the ticked boxes as a list, else the values joined. */
  function svarNode(felter) {
    if (felter.length > 1 && felter.every((f) => f.type === "checkbox")) {
      const valgt = felter.filter((f) => f.checked).map(feltSvar);
      return valgt.length ? el("ul", { class: "lbf-tjek__valgt" }, ...valgt.map((v) => el("li", { text: v })))
        : document.createTextNode("Ingen er valgt");
    }
    const tom = felter.find((f) => f.dataset.tom)?.dataset.tom;
    return document.createTextNode(felter.map(feltSvar).filter(Boolean).join(", ") || tom || "Ikke besvaret");
  }

  /** Repeated rows as a table; column headings from data-kolonne (or the label). */
  function raekkeTabel(g) {
    const raekker = [...g.querySelector("[data-raekker]").children];
    const felter = (r) => [...r.querySelectorAll("[name]")];
    if (!raekker.length) return document.createTextNode("Ikke besvaret");
    const tal = (f) => ["decimal", "numeric"].includes(f.getAttribute("inputmode"));
    return el("table", { class: "lbf-tjek__tabel" },
      el("thead", {}, el("tr", {}, ...felter(raekker[0]).map((f) => el("th", { scope: "col", class: tal(f) && "lbf-tal", text: f.dataset.kolonne || etiket(f) })))),
      el("tbody", {}, ...raekker.map((r) => el("tr", {}, ...felter(r).map((f) => el("td", { class: tal(f) && "lbf-tal", text: feltSvar(f) || "–" }))))));
  }

  /** A step's answers: one question as before; several as a list of "question: answer". */
  function visningsvaerdi(t) {
    const grupper = new Map();   // question -> its fields, in page order
    for (const f of t.querySelectorAll("[name]")) {
      if (f.type === "file" || erSkjult(f, form)) continue;
      const g = f.closest("[data-gentag]");
      // Radios and checkboxes answer the question of their fieldset; other fields their label.
      const noegle = g && t.contains(g) ? g : ["radio", "checkbox"].includes(f.type) ? f.closest("fieldset") || f : f;
      if (!grupper.has(noegle)) grupper.set(noegle, []);
      grupper.get(noegle).push(f);
    }
    const svar = [...grupper].map(([noegle, felter]) => {
      const gentag = noegle instanceof Element && noegle.hasAttribute("data-gentag");
      const titel = gentag || noegle === t ? "" : noegle.tagName === "FIELDSET"
        ? synligTekst(form, noegle.querySelector("legend")) : etiket(felter[0]);
      return [titel, gentag ? raekkeTabel(noegle) : svarNode(felter)];
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
      ret.addEventListener("click", (e) => { e.preventDefault(); fraTjek = true; gaaTil(trin.indexOf(t)); });
      oversigt.append(el("div", { class: "lbf-tjek__raekke" }, el("dt", { text: spoergsmaal }),
        el("dd", {}, visningsvaerdi(t)), el("dd", { class: "lbf-tjek__ret" }, ret)));
    }
  }

  function vis(indeks, { historik = true, fokus = true } = {}) {
    aktuel = indeks;
    if (indeks === trin.length) fraTjek = false;  // "Ret" returns to the summary once
    opdaterSynlighed(form);
    trin.forEach((t, i) => { t.hidden = i !== indeks; });
    tjek.hidden = indeks !== trin.length;
    if (indeks === trin.length) bygTjek();
    // A result belongs to the answers it was computed from: it goes when an answer is reopened.
    else rod.querySelector("[data-resultat]")?.replaceChildren();
    const id = indeks === trin.length ? "tjek" : trin[indeks].id;
    if (historik && location.hash !== "#" + id) history.pushState({ trin: indeks }, "", "#" + id);
    if (fokus) (indeks === trin.length ? tjek.querySelector("h2") : trin[indeks].querySelector("legend h2, legend"))?.focus?.();
  }
  const gaaTil = (i) => vis(i);

  for (const t of trin) {
    const legend = t.querySelector("legend");
    if (legend) legend.setAttribute("tabindex", "-1");
    const knapper = el("div", { class: "lbf-knapper" });
    const fortsaet = el("button", { type: "button", class: "md-button md-button--primary", text: "Fortsæt" });
    fortsaet.addEventListener("click", async () => {
      const fejl = await beregn.valider(t);
      if (fejl.length) return;
      ryd(rod);
      const s = synlige();
      // After "Ret": back to the summary, unless the changed answer opened a question
      // that has no answer yet (e.g. a role that is asked one more thing).
      const ubesvaret = (x) => {
        const valg = [...x.querySelectorAll("input[type=radio][name]")].filter((f) => !erSkjult(f, form));
        return valg.length > 0 && !valg.some((f) => f.checked);  // a choice nobody has made yet
      };
      const efter = s.slice(s.indexOf(t) + 1);
      const naeste = fraTjek ? (efter.find(ubesvaret) ? trin.indexOf(efter.find(ubesvaret)) : trin.length)
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
    const t = e.detail.closest(".lbf-trin");
    if (t && t.hidden) vis(trin.indexOf(t), { fokus: false });
  });
  const start = location.hash === "#tjek" ? trin.length : trin.findIndex((t) => "#" + t.id === location.hash);
  history.replaceState({ trin: Math.max(0, start) }, "", location.hash || location.pathname + location.search);
  vis(Math.max(0, start), { historik: false, fokus: false });
  return {
    tilTjek: () => vis(trin.length),
    // Enter in a field of a question page means "Fortsæt", as on any one-question page.
    fortsaetHvisTrin() {
      if (aktuel >= trin.length) return false;
      trin[aktuel].querySelector(".lbf-knapper .md-button--primary").click();
      return true;
    },
  };
}

// ---- one calculator -------------------------------------------------------------------
function opsaet(rod) {
  const navn = rod.dataset.beregner;
  const form = rod.querySelector("form[data-formular]");
  const resultat = rod.querySelector("[data-resultat]");
  const lagerNoegle = `lbf-beregner:${navn}`;
  const worker = startWorker(rod);
  let antalBeregninger = 0;
  // A repeated-rows block may have its own message line, next to its buttons.
  const besked = [...rod.querySelectorAll("[data-besked]")].find((b) => !b.closest("[data-gentag]"));
  const sigTil = (t, ved) => {
    const b = ved?.querySelector("[data-besked]") || besked;
    if (b) b.textContent = t;
  };

  // Restore what the user typed last time (this browser only). Tampered state is dropped.
  try {
    const gemt = localStorage.getItem(lagerNoegle);
    // Far more than any saved form (a hundred rows of short texts): not ours, or tampered.
    if (gemt && gemt.length > MAKS_FILSTOERRELSE) throw new Error("size");
    if (gemt) {
      const g = JSON.parse(gemt);
      if (!g || g.version !== LAGER_VERSION || typeof g.felter !== "object" || Array.isArray(g.felter)
          || !Object.values(g.felter).every((v) => ["string", "boolean"].includes(typeof v))) {
        throw new Error("form");
      }
      udfyld(form, g.felter);
    }
  } catch {
    localStorage.removeItem(lagerNoegle);
    besked?.replaceChildren("De gemte svar i browseren kunne ikke læses og er slettet. Start forfra.");
  }
  const gem = () => {
    try { localStorage.setItem(lagerNoegle, JSON.stringify({ version: LAGER_VERSION, felter: raaFelter(form) })); } catch { /* storage full or off */ }
  };

  async function kald(valg) {
    return worker.kald(samlData(form), valg);
  }

  const beregn = {
    async valider(trin) {
      if (rod.dataset.state !== "ready") return [];
      const svar = await kald();
      const fejl = (svar.svar?.fejl || []).filter((f) => { const x = feltFor(form, f.felt); return x && trin.contains(x); });
      if (fejl.length) visFejl(rod, form, fejl, trin);
      return fejl;
    },
    async koer() {
      resultat.setAttribute("aria-busy", "true");
      const svar = await kald();
      resultat.removeAttribute("aria-busy");
      if (!svar.svar) {
        visFejl(rod, form, [{ felt: "", besked: "Der opstod en fejl i beregneren. Prøv igen, eller kontakt os, hvis det bliver ved." }]);
        console.error("Intern fejl i beregneren:", svar.intern);
        return null;
      }
      if (svar.svar.fejl) {
        visFejl(rod, form, svar.svar.fejl);
        return svar.svar;
      }
      ryd(rod);
      rod.querySelector("[data-foraeldet]")?.setAttribute("hidden", "");
      resultat.innerHTML = svar.svar.html;   // rendered and escaped by the Python package
      rod.dispatchEvent(new CustomEvent("lbf-svar", { detail: svar.svar }));
      resultat.dataset.beregning = String(++antalBeregninger);
      rod.dispatchEvent(new CustomEvent("lbf-resultat", { detail: svar.svar.resultat }));
      return svar.svar;
    },
  };
  // A small handle for tests and benchmarks: the same calls the form makes.
  rod.lbf = { beregn, kald: (data, valg) => worker.kald(data, valg), samlData: () => samlData(form), udfyld: (f) => udfyld(form, f), gem };

  for (const g of form.querySelectorAll("[data-gentag]")) {
    // Pasting a column (e.g. from a spreadsheet) into one cell fills the rows below,
    // adding rows as needed.
    g.addEventListener("paste", (e) => {
      const felt = e.target;
      const m = felt.name && felt.name.match(/^(.*)\[(\d+)\]\.(.+)$/);
      const tekst = e.clipboardData?.getData("text/plain") || "";
      const linjer = tekst.replace(/\r/g, "").split("\n").map((l) => l.split("\t")[0].trim());
      while (linjer.length && linjer[linjer.length - 1] === "") linjer.pop();
      if (!m || linjer.length < 2) return;
      e.preventDefault();
      const start = Number(m[2]);
      const liste = g.querySelector("[data-raekker]");
      const maks = Number(g.dataset.max || 500);
      const antal = Math.min(linjer.length, maks - start);
      saetAntalRaekker(g, Math.max(liste.children.length, start + antal));
      for (let j = 0; j < antal; j++) {
        const x = form.querySelector(`[name="${CSS.escape(`${m[1]}[${start + j}].${m[3]}`)}"]`);
        if (x) x.value = linjer[j];
      }
      form.dispatchEvent(new Event("input"));
    });
    g.addEventListener("click", (e) => {
      const k = e.target.closest("button");
      if (!k) return;
      if (k.matches("[data-tilfoej]")) {
        if (g.querySelector("[data-raekker]").children.length >= Number(g.dataset.max || 500)) {
          sigTil(g.dataset.maxBesked || `Der kan højst være ${g.dataset.max} rækker.`, g);
          return;
        }
        sigTil("", g);
        const ny = tilfoejRaekke(g);
        ny.querySelector("input, select")?.focus();
        gem();
      } else if (k.matches("[data-fjern]")) {
        const liste = g.querySelector("[data-raekker]");
        if (liste.children.length <= Number(g.dataset.min || 1)) return;
        k.closest("[data-raekke]").remove();
        nummerer(g);
        g.querySelector("[data-tilfoej]")?.focus();
        gem();
      }
    });
  }

  // Files: download the inputs and result as JSON (and the table as CSV where the
  // calculator offers one), load a saved JSON back, print.
  let sidsteSvar = null;
  rod.addEventListener("lbf-svar", (e) => { sidsteSvar = e.detail; });
  rod.querySelector("[data-hent-json]")?.addEventListener("click", () => {
    const indhold = { beregner: navn, version: LAGER_VERSION, inddata: samlData(form),
      resultat: sidsteSvar ? sidsteSvar.resultat : null };
    hentFil(`${navn}-beregning.json`, JSON.stringify(indhold, null, 2), "application/json");
  });
  rod.querySelector("[data-hent-csv]")?.addEventListener("click", async () => {
    const svar = await kald({ csv: true });
    if (svar.svar && svar.svar.csv) hentFil(`${navn}-aarstabel.csv`, "\ufeff" + svar.svar.csv, "text/csv;charset=utf-8");
    else if (svar.svar && svar.svar.fejl) visFejl(rod, form, svar.svar.fejl);
  });
  rod.querySelector("[data-udskriv]")?.addEventListener("click", () => window.print());
  rod.querySelector("[data-indlaes-json]")?.addEventListener("change", async (e) => {
    const fil = e.target.files[0];
    e.target.value = "";
    if (!fil) return;
    const fejl = await indlaesFil(fil, navn);
    const ved = e.target.parentElement;
    if (typeof fejl === "string") { sigTil(fejl, ved); return; }
    try {
      udfyld(form, fladgoer(fejl));
    } catch (err) {
      const grund = err instanceof RangeError ? ` ${err.message}` : "";
      sigTil(`Filen »${fil.name}« kunne ikke bruges.${grund} Jeres nuværende tal er uændrede.`, ved);
      return;
    }
    gem();
    sigTil(`Beregningen fra filen »${fil.name}« er indlæst.`, ved);
    flow?.tilTjek();   // a step-by-step flow shows the loaded answers in "Tjek dine svar"
    if (rod.dataset.state === "ready") await beregn.koer();
  });

  const flow = form.hasAttribute("data-trinvis") ? trinvis(rod, form, beregn) : null;
  // Once a result is shown, a changed input recalculates at once (forms that are not a
  // step-by-step flow). Errors wait for the user to press the button, as GOV.UK advises.
  // Each keystroke recalculates (a few milliseconds); an answer that a newer one has
  // overtaken is dropped, so the page always shows the latest input's result.
  let genberegning = 0;
  async function genberegn() {
    if (flow || !resultat.dataset.beregning || rod.dataset.state !== "ready") return;
    const nr = ++genberegning;
    const svar = await kald();
    if (nr !== genberegning) return;
    if (svar.svar && !svar.svar.fejl) {
      resultat.innerHTML = svar.svar.html;
      resultat.dataset.beregning = String(++antalBeregninger);
      rod.querySelector("[data-foraeldet]")?.setAttribute("hidden", "");
      rod.dispatchEvent(new CustomEvent("lbf-svar", { detail: svar.svar }));
    } else {
      rod.querySelector("[data-foraeldet]")?.removeAttribute("hidden");
    }
  }
  form.addEventListener("input", genberegn);
  form.addEventListener("input", () => { opdaterSynlighed(form); gem(); });
  form.addEventListener("change", () => { opdaterSynlighed(form); gem(); });
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    if (flow && flow.fortsaetHvisTrin()) return;
    // A live recalculation still under way would replace the new result (and take the
    // focus from its heading) a moment later.
    genberegning++;
    const svar = await beregn.koer();
    if (svar && !svar.fejl) resultat.querySelector("h2, h3")?.setAttribute("tabindex", "-1");
    if (svar && !svar.fejl) resultat.querySelector("h2, h3")?.focus();
  });
  rod.querySelector("[data-nulstil]")?.addEventListener("click", () => {
    localStorage.removeItem(lagerNoegle);
    location.hash = "";
    location.reload();
  });
  opdaterSynlighed(form);
  void flow;
}

// ---- offline ---------------------------------------------------------------------------
// The service worker (sw.js, written by build_scripts/hooks/offline.py) caches what a page
// used once the page has loaded, so the next visit works without network.
function gemTilOffline(urls) {
  if (!("serviceWorker" in navigator) || !urls || !urls.length) return;
  navigator.serviceWorker.ready.then((reg) => reg.active && reg.active.postMessage({ type: "gem", urls }));
}

if ("serviceWorker" in navigator && location.protocol !== "file:") {
  navigator.serviceWorker.register(new URL("../sw.js", import.meta.url)).catch((err) => {
    console.warn("Offline-funktionen kunne ikke startes:", err);
  });
  // Also what Material loads outside the page's own resource list: the icon and the
  // search index (read by its search worker).
  const gemSiden = () => gemTilOffline([location.href.split("#")[0],
    document.querySelector('link[rel="icon"]')?.href, new URL("../search/search_index.json", import.meta.url).href,
    ...performance.getEntriesByType("resource").map((e) => e.name)
      .filter((u) => u.startsWith(location.origin) && !u.includes("/assets/pyodide/"))].filter(Boolean));
  if (document.readyState === "complete") gemSiden(); else addEventListener("load", gemSiden);
}

// ---- print -----------------------------------------------------------------------------
// A printed result shows everything: closed <details> in a result or a worked example
// (the yearly table, the conventions) open for printing and close again afterwards.
let aabnetTilUdskrift = [];
addEventListener("beforeprint", () => {
  aabnetTilUdskrift = [...document.querySelectorAll("[data-resultat] details:not([open]), .lbf-eksempel details:not([open])")];
  for (const d of aabnetTilUdskrift) d.open = true;
});
addEventListener("afterprint", () => {
  for (const d of aabnetTilUdskrift) d.open = false;
  aabnetTilUdskrift = [];
});

// Wide tables scroll sideways inside Material's wrapper; a keyboard user must be able to
// reach and scroll them too (WCAG 2.1.1), so a scrolling wrapper becomes a named, focusable region.
function rulbareTabeller() {
  for (const w of document.querySelectorAll(".md-typeset__scrollwrap")) {
    if (w.scrollWidth > w.clientWidth + 1) {
      w.tabIndex = 0;
      w.setAttribute("role", "region");
      w.setAttribute("aria-label", "Tabel, kan rulles vandret");
    }
  }
}
addEventListener("load", rulbareTabeller);
addEventListener("resize", () => { clearTimeout(rulbareTabeller.t); rulbareTabeller.t = setTimeout(rulbareTabeller, 200); });

for (const rod of document.querySelectorAll("[data-beregner]")) opsaet(rod);
