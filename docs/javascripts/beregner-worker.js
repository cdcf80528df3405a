// Module Web Worker: starts Pyodide from the site's own copy, installs the calculators
// wheel and answers run requests. No rule lives here: all logic is the Python package.
import { loadPyodide } from "../assets/pyodide/pyodide.mjs";

const basis = new URL("../assets/", import.meta.url);
let kald = null;

function status(tekst) {
  postMessage({ type: "status", tekst });
}

async function start(navn) {
  status("Henter beregneren …");
  const manifestSvar = fetch(new URL("beregnere/manifest.json", basis), { cache: "no-cache" })
    .then((r) => { if (!r.ok) throw new Error(`manifest ${r.status}`); return r.json(); });
  const [pyodide, manifest] = await Promise.all([
    loadPyodide({ indexURL: new URL("pyodide/", basis).href, packages: [] }),
    manifestSvar,
  ]);
  status("Starter Python …");
  const hjul = await fetch(new URL(`beregnere/${manifest.hjul}`, basis));
  if (!hjul.ok) throw new Error(`wheel ${hjul.status}`);
  pyodide.unpackArchive(new Uint8Array(await hjul.arrayBuffer()), "wheel");
  // Import only the page's calculator, so start-up does no work for the others.
  if (!/^[a-z_]+$/.test(navn)) throw new Error(`ukendt beregner ${navn}`);
  pyodide.runPython(`import calculators._browser, calculators.${navn}, calculators.visning.${navn}`);
  kald = pyodide.pyimport("calculators._browser").kald;
}

let klar = null;

onmessage = async (e) => {
  const m = e.data;
  if (m.type === "start") {
    klar = start(m.navn).then(
      () => postMessage({ type: "klar" }),
      (err) => postMessage({ type: "startfejl", besked: String(err && err.message || err) }),
    );
    return;
  }
  if (m.type === "kald") {
    await klar;
    try {
      const svar = JSON.parse(kald(m.navn, JSON.stringify(m.data), true));
      postMessage({ type: "svar", id: m.id, svar });
    } catch (err) {
      postMessage({ type: "svar", id: m.id, svar: null, intern: String(err && err.message || err) });
    }
  }
};
