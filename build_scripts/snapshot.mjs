// Pyodide at build time, for build_scripts/efterbyg.py (and tests/build/test_standardbibliotek.py).
//
//   node build_scripts/snapshot.mjs lav  PYODIDE_DIR WHEEL STDLIB_ZIP OUT_SNAPSHOT OUT_JSON [MODULE ...]
//   node build_scripts/snapshot.mjs tjek PYODIDE_DIR WHEEL STDLIB_ZIP OUT_JSON [MODULE ...]
//
// Both start Python from STDLIB_ZIP, unpack WHEEL where the page unpacks it (site-packages),
// import every calculator module and MODULE ... (the standard-library modules the calculators
// import anywhere, found by build_scripts/standardbibliotek.py), and run every calculator's worked
// example through the browser's entry point (calculators/_browser.py), with and without the CSV
// table, plus the error paths and a merinvestering comparison. OUT_JSON gets the standard-library
// files that were used (the files of every module then in sys.modules that came from the zip).
//
// `lav` then writes a memory snapshot of that Python: started, everything imported, the rules
// read. The page restores it in about a second instead of starting Python from scratch. Before
// the snapshot, zipimport's cached directory of STDLIB_ZIP is dropped (so the restored Python reads
// the directory of whatever zip the page mounts: on the snapshot path an empty one, because every
// module the calculators can import is already imported), and the memory that is free (dead stack,
// free malloc chunks) is zeroed, which makes the compressed snapshot ~10 % smaller; the file leaves out the
// zero pages and the pages a fresh instance of the WebAssembly holds (docs/javascripts/beregner/snapshotfil.mjs, which the
// worker reads it with).
// `tjek` starts the normal way from a trimmed zip: it fails if a calculator needs a file the zip
// lacks.
//
// Python runs with PYTHONOPTIMIZE=2 (no docstrings in memory, as the worker starts it too). The
// snapshot is made before any loadPackage() (one made after it fails). `_makeSnapshot` and
// `makeMemorySnapshot` are underscore (unstable) APIs of the pinned Pyodide, tested in the browser
// suite, with a plain start as the fallback.
import fs from "node:fs";
import path from "node:path";
import { tynd } from "../docs/javascripts/beregner/snapshotfil.mjs";

const [tilstand, pyodideDir, wheel, stdlib, ...rest] = process.argv.slice(2);
if (!["lav", "tjek"].includes(tilstand)) throw new Error("usage: snapshot.mjs lav|tjek PYODIDE_DIR WHEEL STDLIB_ZIP ...");
const [snapshotUd, jsonUd, ...moduler] = tilstand === "lav" ? rest : [null, ...rest];

const indexURL = path.resolve(pyodideDir) + "/";
const laas = JSON.parse(fs.readFileSync(path.join(pyodideDir, "pyodide-lock.json"), "utf8"));
const { loadPyodide } = await import(path.join(indexURL, "pyodide.mjs"));
const pyodide = await loadPyodide({
  indexURL,
  stdLibURL: path.resolve(stdlib),
  lockFileContents: { info: laas.info, packages: {} },  // as the worker passes it: no package index
  env: { PYTHONOPTIMIZE: "2" },
  _makeSnapshot: tilstand === "lav",
});
pyodide.unpackArchive(new Uint8Array(fs.readFileSync(wheel)), "wheel");
pyodide.globals.set("STDLIB_MODULER", pyodide.toPy(moduler));
/** Python, with a failure reported as its traceback alone (not Pyodide's minified source).
 * @param {string} kode */
function python(kode) {
  try {
    return pyodide.runPython(kode);
  } catch (err) {
    console.error(String(/** @type {Error} */ (err).message || err));
    process.exit(1);
  }
}
python(`
import importlib, json, pkgutil, sys
import calculators, calculators.visning
from calculators import _browser

for pakke in (calculators, calculators.visning):
    for m in pkgutil.iter_modules(pakke.__path__, pakke.__name__ + "."):
        if not m.name.endswith("__main__"):
            importlib.import_module(m.name)
for navn in STDLIB_MODULER:
    importlib.import_module(navn)

def _svar(tekst, noegle):
    svar = json.loads(tekst)
    if noegle not in svar:
        raise RuntimeError(f"expected {noegle!r} in the answer, got {tekst[:300]}")
    return svar

for navn in calculators.BEREGNERE:
    eksempel = json.dumps(calculators.modul(navn).EKSEMPEL)
    for formular in (False, True):
        for csv in (False, True):
            _svar(_browser.kald(navn, eksempel, formular, csv), "resultat")
    _svar(_browser.kald(navn, "{}", True, False), "fejl")
    _svar(_browser.kald(navn, "[1, ", True, False), "fejl")
eksempel = calculators.modul("merinvestering").EKSEMPEL
_svar(_browser.sammenlign(json.dumps({"alternativer": [{"navn": "A", "inddata": eksempel},
                                                       {"navn": "B", "inddata": eksempel}]})), "resultat")
_svar(_browser.sammenlign("{}"), "fejl")
`);
// An error crossing into JavaScript formats its traceback: that code path is part of a page's life too.
try {
  pyodide.runPython("raise ValueError('prøve')");
} catch (err) { /* expected */ }
const brugte = python(`
import json, sys
zip_sti = next(p for p in sys.path if p.endswith(".zip")) + "/"
json.dumps(sorted({spec.origin[len(zip_sti):] for m in list(sys.modules.values())
                   if (spec := getattr(m, "__spec__", None)) and spec.origin and spec.origin.startswith(zip_sti)}))
`);
fs.writeFileSync(jsonUd, brugte);

if (tilstand === "lav") {
  python(`
import gc, importlib, linecache, sys, zipimport
zipimport._zip_directory_cache.clear()
importlib.invalidate_caches()
linecache.clearcache()
del STDLIB_MODULER
gc.collect()
`);
  nulstilFriHukommelse(pyodide._module);
  const snapshot = pyodide.makeMemorySnapshot();
  const tyndt = tynd(snapshot, new Uint8Array(fs.readFileSync(path.join(pyodideDir, "pyodide.asm.wasm"))));
  fs.writeFileSync(snapshotUd, tyndt);
  console.log(`snapshot: ${snapshot.length} bytes, ${tyndt.length} in its file`);
}

/** Zero the memory nothing uses: the stack below its pointer and every free malloc chunk (found by
 * allocating them all, with the heap not allowed to grow, then freeing them). Brotli then has less
 * leftover data to encode. Skipped if this Pyodide does not export what it needs.
 * @param {any} M the Emscripten module */
function nulstilFriHukommelse(M) {
  const noedvendige = ["_emscripten_stack_get_current", "_emscripten_stack_get_end", "_malloc", "_free",
    "_malloc_footprint", "_malloc_set_footprint_limit", "_malloc_footprint_limit"];
  if (!noedvendige.every((f) => typeof M[f] === "function")) {
    console.log("snapshot: free memory not zeroed (this Pyodide does not export malloc's functions)");
    return;
  }
  M.HEAP8.fill(0, M._emscripten_stack_get_end(), M._emscripten_stack_get_current() - 256);
  const stoerrelse = M.HEAP8.length;
  const graense = M._malloc_footprint_limit();
  M._malloc_set_footprint_limit(M._malloc_footprint());
  const blokke = [];
  try {
    for (let n = 1 << 24; n >= 16; n >>= 1) {
      for (let p = M._malloc(n); p; p = M._malloc(n)) {
        M.HEAP8.fill(0, p, p + n);
        blokke.push(p);
      }
    }
  } finally {
    for (const p of blokke) M._free(p);
    M._malloc_set_footprint_limit(graense);
  }
  if (M.HEAP8.length !== stoerrelse) throw new Error("the heap grew while zeroing free memory");
}
