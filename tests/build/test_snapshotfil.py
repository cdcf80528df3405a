"""The memory snapshot's file (docs/javascripts/beregner/snapshotfil.mjs): the build writes it without zero pages
and XOR the WebAssembly's data segments; the worker reads it back with the same module. Run in Node, on the pinned
Pyodide's real pyodide.asm.wasm; the data segments are cross-checked by a parser written here from the WebAssembly
binary format (section 11), so a slip in the module's parser cannot pass by agreeing with itself."""

from __future__ import annotations

import json
import subprocess

import pytest

from build_scripts.efterbyg import PYODIDE, SNAPSHOT_FIL

WASM = PYODIDE / "pyodide.asm.wasm"
HOVED = 144  # Pyodide's header before the memory, as in a real snapshot (its second u32 says where memory starts)


def _node(kode: str) -> dict:
    proc = subprocess.run(["node", "--input-type=module", "-e", kode], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def _leb(b: bytes, i: int, signed: bool = False) -> tuple[int, int]:
    """A LEB128 number at ``b[i]``, and where the next field starts."""
    r = skift = 0
    while True:
        x = b[i]
        i += 1
        r |= (x & 0x7F) << skift
        skift += 7
        if x < 0x80:
            return (r - (1 << skift) if signed and x & 0x40 else r), i


def _datasegmenter(wasm: bytes) -> list[tuple[int, int, int]]:
    """(address, file offset, length) of each active segment in memory 0 with an i32.const address."""
    i = 8
    while i < len(wasm):
        sektion = wasm[i]
        stoerrelse, i = _leb(wasm, i + 1)
        if sektion != 11:
            i += stoerrelse
            continue
        antal, i = _leb(wasm, i)
        ud = []
        for _ in range(antal):
            art, i = _leb(wasm, i)
            hukommelse, adresse = 0, None
            if art == 2:
                hukommelse, i = _leb(wasm, i)
            if art in (0, 2):
                op = wasm[i]
                if op == 0x41:
                    adresse, i = _leb(wasm, i + 1, signed=True)
                else:
                    _, i = _leb(wasm, i + 1)
                assert wasm[i] == 0x0B
                i += 1
            laengde, i = _leb(wasm, i)
            if adresse is not None and hukommelse == 0:
                ud.append((adresse, i, laengde))
            i += laengde
        return ud
    return []


@pytest.fixture(scope="module")
def modul_url() -> str:
    return SNAPSHOT_FIL.as_uri()


def test_datasegmenterne_er_dem_webassembly_filen_har(modul_url):
    forventet = _datasegmenter(WASM.read_bytes())
    assert len(forventet) > 1000 and sum(n for _, _, n in forventet) > 1_000_000  # Python's static data
    svar = _node(f"""
import fs from "node:fs";
import {{ datasegmenter }} from {json.dumps(modul_url)};
const s = datasegmenter(new Uint8Array(fs.readFileSync({json.dumps(str(WASM))})));
console.log(JSON.stringify(s.map((d) => [d.adresse, d.start, d.laengde])));""")
    assert [tuple(s) for s in svar] == forventet


# A fresh instance of the real module in Node: every import a stand-in (nothing runs; what is tested is the memory
# instantiation leaves, which is what the worker copies pages from).
FRISK_INSTANS = """
const modul = new WebAssembly.Module(wasm);
const imports = {};
for (const i of WebAssembly.Module.imports(modul)) {
  imports[i.module] ??= {};
  imports[i.module][i.name] = i.kind === "function" ? () => 0 : new WebAssembly.Global({ value: "i32", mutable: true }, 0);
}
const instans = new WebAssembly.Instance(modul, imports);
"""

# A memory as Python leaves it: the data segments where instantiation puts them, a few bytes changed in a few pages
# (reference counts, pointers), a heap of other data (1 MB), and zeros; the header's bytes before it.
SNAPSHOT = f"""
const segmenter = datasegmenter(wasm);
const slut = Math.max(...segmenter.map((d) => d.adresse + d.laengde));
const snapshot = new Uint8Array({HOVED} + Math.ceil((slut + (4 << 20)) / 4096) * 4096);
new DataView(snapshot.buffer).setUint32(4, {HOVED}, true);
snapshot.fill(7, 8, {HOVED});
const hukommelse = snapshot.subarray({HOVED});
for (const d of segmenter) hukommelse.set(wasm.subarray(d.start, d.start + d.laengde), d.adresse);
let aendrede = 0;
for (let a = 1024; a < slut; a += 65536, aendrede++) hukommelse[a] += 1;
for (let a = slut + 4096; a < slut + (1 << 20); a++) hukommelse[a] = (a * 31) & 255;
const original = snapshot.slice();
"""


def test_filen_og_en_frisk_instans_giver_snapshottet_tilbage(modul_url):
    """Every byte comes back: from the file, or copied from a fresh instance of the real module, which must hold
    the data segments and nothing else (no start function has run in it). The file holds the header's page, the
    heap and only the changed pages of the 3 MB of data segments."""
    svar = _node(f"""
import fs from "node:fs";
import {{ datasegmenter, fraInstansen, tynd, udfyld }} from {json.dumps(modul_url)};
const wasm = new Uint8Array(fs.readFileSync({json.dumps(str(WASM))}));
{SNAPSHOT}
{FRISK_INSTANS}
const fil = tynd(snapshot, wasm);
const u = udfyld(fil);
fraInstansen(u, instans.exports.memory.buffer);
let forskelle = 0;
for (let i = 0; i < original.length; i++) if (u.snapshot[i] !== original[i]) forskelle++;
const uden = udfyld(fil);  // without the instance's pages: the data segments are missing
let mangler = 0;
for (let i = 0; i < original.length; i++) if (uden.snapshot[i] !== original[i]) mangler++;
let stumpet = null;
try {{ udfyld(fil.subarray(0, fil.length - 1)); }} catch (err) {{ stumpet = String(err.message); }}
const pyodides = new Uint8Array(64).fill(3);
console.log(JSON.stringify({{ laengde: original.length, tilbage: u.snapshot.length, forskelle, mangler,
  fil: fil.length, aendrede, stumpet, pyodidesUroert: udfyld(pyodides).snapshot === pyodides }}));""")
    assert svar["tilbage"] == svar["laengde"] and svar["forskelle"] == 0
    assert svar["mangler"] > 1_000_000
    assert svar["fil"] <= 4096 + (1 << 20) + 4096 * (svar["aendrede"] + 2) + 20 + 8 * (svar["aendrede"] + 40)
    assert svar["stumpet"] == "snapshot-filen er ufuldstændig"
    assert svar["pyodidesUroert"] is True
