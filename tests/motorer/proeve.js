// Test-only probe, injected by the test harness's proxy (tests/motorer/conftest.py) as the first
// script after the page's <meta> security policy, so it runs under the same policy as the site.
// Never part of site/. It records what a console would show: uncaught errors, unhandled
// rejections, failed loads, security-policy violations, console.error calls, and requests to
// another host; and the files the page hands to the browser to save (WebKit's driver has no
// download API, so there the download itself is cancelled: ?hent=fang).
(() => {
  const p = (window.__lbfProeve = { problemer: [], filer: [], blobs: {} });
  const fang = new URL(document.currentScript.src).searchParams.get("hent") === "fang";
  const notér = (s) => p.problemer.push(String(s).slice(0, 500));
  window.addEventListener("error", (e) => {
    if (e.target && e.target !== window) {
      const t = e.target;
      // Navigation hints are not resources of the page (Firefox fires "error" on rel=next when
      // its prefetching is off, as under automation); no console reports them.
      if (t.tagName === "LINK" && /\b(next|prev|prefetch|dns-prefetch|preconnect)\b/.test(t.rel)) return;
      notér(`failed to load: <${t.tagName}> ${t.src || t.href || ""}`);
    } else {
      notér(`page error: ${e.message} (${e.filename}:${e.lineno})`);
    }
  }, true);
  window.addEventListener("unhandledrejection", (e) => notér(`unhandled rejection: ${e.reason && (e.reason.stack || e.reason)}`));
  document.addEventListener("securitypolicyviolation", (e) =>
    notér(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`), true);
  const fejl = console.error.bind(console);
  console.error = (...a) => { notér(`console error: ${a.map(String).join(" ")}`); fejl(...a); };
  try {
    new PerformanceObserver((liste) => {
      for (const r of liste.getEntries()) {
        const u = new URL(r.name, location.href);
        if (!["data:", "blob:", "about:"].includes(u.protocol) && u.origin !== location.origin) {
          notér(`request to another host: ${r.name}`);
        }
      }
    }).observe({ type: "resource", buffered: true });
  } catch (e) { notér(`probe: ${e}`); }
  const lavUrl = URL.createObjectURL.bind(URL);
  URL.createObjectURL = (obj) => { const u = lavUrl(obj); p.blobs[u] = obj; return u; };
  document.addEventListener("click", (e) => {
    const a = e.target instanceof Element ? e.target.closest("a[download]") : null;
    if (!a) return;
    p.filer.push({ navn: a.getAttribute("download"), blob: p.blobs[a.href] || null });
    if (fang) e.preventDefault();
  }, true);
})();
