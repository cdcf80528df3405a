// @ts-check
// Thin browser glue for the calculator pages. It knows no rule: it turns the form into
// the texts the user typed, asks the Python package (in a Web Worker) for an answer and
// shows the HTML the package renders. Everything stays in this browser tab.
//
// This entry module runs on every page (mkdocs.yml, extra_javascript, type: module); the
// parts live in beregner/ (opsaet.js explains the markup contract and lists them). Types
// are checked by TypeScript: `make typecheck` (tsconfig.json).

import { startOffline } from "./beregner/offline.js";
import { opsaet } from "./beregner/opsaet.js";
import { aabnVedUdskrift, rulbareTabeller } from "./beregner/side.js";

export { feltId } from "./beregner/dom.js";
export { fladgoer, samlData } from "./beregner/formdata.js";

startOffline();
aabnVedUdskrift();
rulbareTabeller();
for (const rod of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll("[data-beregner]"))) opsaet(rod);
