// @ts-check
// Material for MkDocs' helpers (partials/javascripts/base.html), as a file instead of an
// inline script so the site's Content-Security-Policy can forbid inline script. The scope
// is the site root: this file lives in <root>/javascripts/. Material's code is kept as it
// is; `var` (a global, as Material's bare assignment makes) and the JSDoc types are ours.
/* eslint-disable */
var __md_scope = new URL("..", /** @type {HTMLScriptElement} */ (document.currentScript).src);
/** @param {string} e */
var __md_hash = (e) => [...e].reduce((e, _) => (e << 5) - e + _.charCodeAt(0), 0);
/** @param {string} e @param {Storage} [_] @param {URL} [t] */
var __md_get = (e, _ = localStorage, t = __md_scope) => JSON.parse(/** @type {string} */ (_.getItem(t.pathname + "." + e)));
/** @param {string} e @param {unknown} _ @param {Storage} [t] @param {URL} [a] */
var __md_set = (e, _, t = localStorage, a = __md_scope) => { try { t.setItem(a.pathname + "." + e, JSON.stringify(_)); } catch (e) {} };
