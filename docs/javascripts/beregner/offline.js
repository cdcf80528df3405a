// @ts-check
// Offline: the service worker (sw.js, written by build_scripts/efterbyg.py from
// sw.template.js) caches what a page used once the page has loaded, so the next visit
// works without network.

/** @typedef {import("./beskeder.js").GemBesked} GemBesked */

// The site root: this module lives in <root>/javascripts/beregner/.
const ROD = new URL("../../", import.meta.url);

// What Material's search worker loads with importScripts for the search language (mkdocs.yml:
// plugins.search.lang: da; the rule is Material's: the stemmer support and lunr.<lang> for every
// language but English). A worker's loads are not in the page's resource list, and on the first
// visit the worker started before the service worker controlled the page, so name them here;
// otherwise the search worker fails offline ("A network error occurred" from importScripts).
const SOEGESPROG = ["assets/javascripts/lunr/min/lunr.stemmer.support.min.js", "assets/javascripts/lunr/min/lunr.da.min.js"];

/** Ask the service worker to cache these files (the page's, or the runtime a worker loaded).
 * @param {string[]} urls */
export function gemTilOffline(urls) {
  if (!("serviceWorker" in navigator) || !urls || !urls.length) return;
  /** @type {GemBesked} */
  const besked = { type: "gem", urls };
  navigator.serviceWorker.ready.then((reg) => reg.active && reg.active.postMessage(besked));
}

/** Register the service worker and, once the page has loaded, name the files it used. */
export function startOffline() {
  if (!("serviceWorker" in navigator) || location.protocol === "file:") return;
  navigator.serviceWorker.register(new URL("sw.js", ROD)).catch((err) => {
    console.warn("Offline-funktionen kunne ikke startes:", err);
  });
  // Also what Material loads outside the page's own resource list: the icon, the search
  // index and the search language files (read and loaded by its search worker). The page's
  // resources include every module of this glue.
  const gemSiden = () => gemTilOffline([location.href.split("#")[0],
    /** @type {HTMLLinkElement | null} */ (document.querySelector('link[rel="icon"]'))?.href,
    new URL("search/search_index.json", ROD).href,
    ...SOEGESPROG.map((u) => new URL(u, ROD).href),
    ...performance.getEntriesByType("resource").map((e) => e.name)
      .filter((u) => u.startsWith(location.origin) && !u.includes("/assets/pyodide/"))]
    .filter(/** @returns {u is string} */ (u) => Boolean(u)));
  if (document.readyState === "complete") gemSiden(); else addEventListener("load", gemSiden);
}
