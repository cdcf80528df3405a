// The bare reference: the same self-hosted runtime, started the plain way, then 1+1.
const manifest = await (await fetch("../assets/beregnere/manifest.json")).json();
const indexURL = new URL(`../assets/pyodide/${manifest.pyodide}/`, import.meta.url).href;
const { loadPyodide } = await import(new URL("pyodide.mjs", indexURL).href);
const pyodide = await loadPyodide({ indexURL });
postMessage(pyodide.runPython("1+1"));
