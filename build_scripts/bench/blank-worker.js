// The bare reference: the same self-hosted runtime, started the plain way, then 1+1. Stock Pyodide:
// its whole standard library and its lock file, as the npm package ships them (the site has neither:
// it ships a trimmed standard library and passes the lock file inline); the bench serves them from
// node_modules/pyodide under /__bench/pyodide/.
const manifest = await (await fetch("../assets/beregnere/manifest.json")).json();
const indexURL = new URL(`../assets/pyodide/${manifest.pyodide}/`, import.meta.url).href;
const { loadPyodide } = await import(new URL("pyodide.mjs", indexURL).href);
const pyodide = await loadPyodide({
  indexURL,
  stdLibURL: new URL("pyodide/python_stdlib.zip", import.meta.url).href,
  lockFileURL: new URL("pyodide/pyodide-lock.json", import.meta.url).href,
});
postMessage(pyodide.runPython("1+1"));
