// Service worker: the site and the Pyodide runtime keep working offline after a first visit.
// The post-build step (build_scripts/efterbyg.py) writes this file to the site root as sw.js,
// filling in VERSION (a hash of every file of the build) and VERSIONEREDE (the build's
// versioned files); the compressed copies are written after it, so sw.js has them too.
//
// Nothing is downloaded in advance (a guide page stays light): each page, once loaded,
// names the files it used and they are cached from the browser's HTTP cache; a calculator
// page also names the Python runtime its worker loaded.
// - Pages, the calculators manifest and other unversioned files: network first, so a new
//   build (a changed rule) is used as soon as the network answers; the cache is the
//   fallback when offline.
// - Versioned files (Pyodide under its version, the hashed wheel, snapshot and stdlib, Material's
//   hashed bundles): cache first; their content never changes under the same name.
// - A new build installs a new worker, which drops the old page cache and the versioned
//   files the new build no longer uses.
const VERSION = "__VERSION__";
const VERSIONEREDE = new Set(__VERSIONEREDE__);
const SIDE_CACHE = `lbf-sider-${VERSION}`;
const RUNTIME_CACHE = "lbf-runtime";
const VERSIONERET = /\/assets\/(pyodide\/[0-9][^/]*\/|beregnere\/(calculators|snapshot|stdlib)-[0-9a-f]+\.)|\.[0-9a-f]{8}\.min\.(js|css)$/;

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const navn of await caches.keys()) {
      if (navn.startsWith("lbf-sider-") && navn !== SIDE_CACHE) await caches.delete(navn);
    }
    const runtime = await caches.open(RUNTIME_CACHE);
    for (const req of await runtime.keys()) {
      if (!VERSIONEREDE.has(new URL(req.url).pathname.slice(new URL(self.registration.scope).pathname.length))) {
        await runtime.delete(req);
      }
    }
    await self.clients.claim();
  })());
});

// Pages name the files they used (and a calculator page the runtime its worker loaded).
self.addEventListener("message", (event) => {
  if (!event.data || event.data.type !== "gem" || !Array.isArray(event.data.urls)) return;
  event.waitUntil((async () => {
    for (const u of event.data.urls.slice(0, 200)) {
      let url;
      try { url = new URL(u, self.registration.scope); } catch { continue; }
      url.hash = "";
      if (!url.href.startsWith(self.registration.scope)) continue;
      const cache = await caches.open(VERSIONERET.test(url.pathname) ? RUNTIME_CACHE : SIDE_CACHE);
      if (VERSIONERET.test(url.pathname) && await cache.match(url.href, { ignoreVary: true })) continue;
      try {
        const svar = await fetch(url.href);
        if (svar.ok) await cache.put(url.href, svar);
      } catch { /* offline: keep what is cached */ }
    }
  })());
});

// A request that cannot be answered (offline and not cached, or given up by a page that went on to another)
// ends as a network error, as it would without this worker; a failed answer would instead be reported to the
// page as an error of the service worker (Firefox: "NS_BINDING_ABORTED" when a page left while the WebAssembly
// was still coming).
self.addEventListener("fetch", (event) => {
  const req = event.request;
  if (req.method !== "GET" || !req.url.startsWith(self.registration.scope)) return;
  if (VERSIONERET.test(new URL(req.url).pathname)) {
    event.respondWith((async () => {
      const gemt = await caches.match(req.url, { ignoreVary: true });
      if (gemt) return gemt;
      try {
        const svar = await fetch(req);
        if (svar.ok) gemI(RUNTIME_CACHE, req.url, svar.clone());
        return svar;
      } catch {
        return Response.error();
      }
    })());
    return;
  }
  event.respondWith((async () => {
    try {
      const svar = await fetch(req);
      if (svar.ok) gemI(SIDE_CACHE, req, svar.clone());
      return svar;
    } catch {
      return (await caches.match(req, { ignoreSearch: true, ignoreVary: true })) || Response.error();
    }
  })());
});

/** Store an answer as it arrives; an answer cut off (its page went on) is simply not stored.
 * @param {string} cache @param {Request | string} req @param {Response} svar */
function gemI(cache, req, svar) {
  caches.open(cache).then((c) => c.put(req, svar)).catch(() => {});
}
