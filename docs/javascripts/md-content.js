// @ts-check
// Material for MkDocs' content script (partials/javascripts/content.html), as a file for
// the Content-Security-Policy: open the tab a link points to.
var target = /** @type {HTMLInputElement | null} */ (document.getElementById(location.hash.slice(1)));
target && target.name && (target.checked = target.name.startsWith("__tabbed_"));
