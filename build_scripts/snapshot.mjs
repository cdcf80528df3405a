// Make a Pyodide memory snapshot at build time: Python already started, with the standard
// library modules our calculators import already imported. The page restores it in about
// a second instead of starting Python from scratch (several seconds of CPU).
//
// Usage: node build_scripts/snapshot.mjs PYODIDE_DIR WHEEL OUT
//
// The snapshot is made before any loadPackage() (a snapshot made after it fails). It also
// holds our calculators already imported (compiling them is most of an import's cost): the
// wheel is unpacked where the page unpacks it (site-packages), so the modules' __file__
// paths stay valid once the page has unpacked the same wheel again (the file system is not
// part of a memory snapshot). The snapshot is built from the very wheel the manifest names.
// `_makeSnapshot`/`_loadSnapshot` are underscore (unstable) APIs of the pinned Pyodide,
// tested in the browser suite, with a plain start as the fallback.
import fs from "node:fs";
import path from "node:path";

const [pyodideDir, wheel, out] = process.argv.slice(2);
const { loadPyodide } = await import(path.resolve(pyodideDir, "pyodide.mjs"));
const pyodide = await loadPyodide({ indexURL: path.resolve(pyodideDir) + "/", _makeSnapshot: true });
pyodide.unpackArchive(new Uint8Array(fs.readFileSync(wheel)), "wheel");
pyodide.runPython(`
import importlib, pkgutil
import calculators, calculators.visning
for pakke in (calculators, calculators.visning):
    for m in pkgutil.iter_modules(pakke.__path__, pakke.__name__ + "."):
        if not m.name.endswith("__main__"):
            importlib.import_module(m.name)
`);
const snapshot = pyodide.makeMemorySnapshot();
fs.writeFileSync(out, snapshot);
console.log(`snapshot: ${snapshot.length} bytes`);
