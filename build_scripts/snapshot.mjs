// Make a Pyodide memory snapshot at build time: Python already started, with the standard
// library modules our calculators import already imported. The page restores it in about
// a second instead of starting Python from scratch (several seconds of CPU).
//
// Usage: node build_scripts/snapshot.mjs PYODIDE_DIR WHEEL OUT
//
// The snapshot is made before any loadPackage() (a snapshot made after it fails) and holds
// no file of ours: the wheel is unpacked here only to learn which standard modules it
// imports, then its modules are forgotten; the page unpacks the current wheel itself.
// `_makeSnapshot`/`_loadSnapshot` are underscore (unstable) APIs of the pinned Pyodide,
// tested in the browser suite, with a plain start as the fallback.
import fs from "node:fs";
import path from "node:path";

const [pyodideDir, wheel, out] = process.argv.slice(2);
const { loadPyodide } = await import(path.resolve(pyodideDir, "pyodide.mjs"));
const pyodide = await loadPyodide({ indexURL: path.resolve(pyodideDir) + "/", _makeSnapshot: true });
pyodide.unpackArchive(new Uint8Array(fs.readFileSync(wheel)), "wheel", { extractDir: "/tmp/lbf-hjul" });
pyodide.runPython(`
import sys, importlib, pkgutil, shutil
sys.path.insert(0, "/tmp/lbf-hjul")
import calculators, calculators.visning
for m in pkgutil.walk_packages(calculators.__path__, "calculators."):
    importlib.import_module(m.name)
for m in pkgutil.walk_packages(calculators.visning.__path__, "calculators.visning."):
    importlib.import_module(m.name)
for navn in [n for n in sys.modules if n == "calculators" or n.startswith("calculators.")]:
    del sys.modules[navn]
sys.path.remove("/tmp/lbf-hjul")
shutil.rmtree("/tmp/lbf-hjul")
importlib.invalidate_caches()
`);
const snapshot = pyodide.makeMemorySnapshot();
fs.writeFileSync(out, snapshot);
console.log(`snapshot: ${snapshot.length} bytes`);
