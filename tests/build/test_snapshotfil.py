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


def _uleb(b: bytes, i: int) -> tuple[int, int]:
    r = skift = 0
    while True:
        x = b[i]
        i += 1
        r |= (x & 0x7F) << skift
        skift += 7
        if x < 0x80:
            return r, i


def _sleb(b: bytes, i: int) -> tuple[int, int]:
    r = skift = 0
    while True:
        x = b[i]
        i += 1
        r |= (x & 0x7F) << skift
        skift += 7
        if x < 0x80:
            return (r - (1 << skift) if x & 0x40 else r), i


def _datasegmenter(wasm: bytes) -> list[tuple[int, int, int]]:
    """(address, file offset, length) of each active segment in memory 0 with an i32.const address."""
    i = 8
    while i < len(wasm):
        sektion = wasm[i]
        stoerrelse, i = _uleb(wasm, i + 1)
        if sektion != 11:
            i += stoerrelse
            continue
        antal, i = _uleb(wasm, i)
        ud = []
        for _ in range(antal):
            art, i = _uleb(wasm, i)
            hukommelse, adresse = 0, None
            if art == 2:
                hukommelse, i = _uleb(wasm, i)
            if art in (0, 2):
                op = wasm[i]
                if op == 0x41:
                    adresse, i = _sleb(wasm, i + 1)
                else:
                    _, i = _uleb(wasm, i + 1)
                assert wasm[i] == 0x0B
                i += 1
            laengde, i = _uleb(wasm, i)
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


def test_filen_giver_snapshottet_tilbage_og_er_lille(modul_url):
    """A memory as Python leaves it: the data segments where instantiation put them with a few bytes changed, a
    heap of other data, and zeros. The file gives back every byte, and holds little of what the WebAssembly has."""
    svar = _node(f"""
import fs from "node:fs";
import {{ datasegmenter, tynd, udfyld }} from {json.dumps(modul_url)};
const wasm = new Uint8Array(fs.readFileSync({json.dumps(str(WASM))}));
const segmenter = datasegmenter(wasm);
const slut = Math.max(...segmenter.map((d) => d.adresse + d.laengde));
const snapshot = new Uint8Array({HOVED} + slut + (4 << 20));
new DataView(snapshot.buffer).setUint32(4, {HOVED}, true);
snapshot.fill(7, 8, {HOVED});
const hukommelse = snapshot.subarray({HOVED});
for (const d of segmenter) hukommelse.set(wasm.subarray(d.start, d.start + d.laengde), d.adresse);
let aendrede = 0;
for (let a = 1024; a < slut; a += 65536, aendrede++) hukommelse[a] += 1;  // reference counts, pointers
for (let a = slut + 4096; a < slut + (1 << 20); a++) hukommelse[a] = (a * 31) & 255;  // the heap
const original = snapshot.slice();
const fil = tynd(snapshot, wasm);
const tilbage = udfyld(fil, wasm);
let forskelle = 0;
for (let i = 0; i < original.length; i++) if (tilbage[i] !== original[i]) forskelle++;
let stumpet = null;
try {{ udfyld(fil.subarray(0, fil.length - 1), wasm); }} catch (err) {{ stumpet = String(err.message); }}
const pyodides = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17]);
console.log(JSON.stringify({{ laengde: original.length, tilbage: tilbage.length, forskelle, fil: fil.length,
  aendrede, stumpet,
  pyodidesUroert: udfyld(pyodides, wasm) === pyodides }}));""")
    assert svar["tilbage"] == svar["laengde"] and svar["forskelle"] == 0
    # The heap's 1 MB travels; of the 3 MB of data segments, only the 4 KB pages with a changed byte (and the
    # header's page, and the run table).
    assert svar["fil"] <= (1 << 20) + 4096 * (svar["aendrede"] + 2) + 16 + 8 * (svar["aendrede"] + 3)
    assert svar["stumpet"] == "snapshot-filen er ufuldstændig"
    assert svar["pyodidesUroert"] is True


def test_uaendrede_datasegmenter_rejser_ikke(modul_url):
    """Data segments Python left as they were become zero pages: the file is the header and the heap only."""
    svar = _node(f"""
import fs from "node:fs";
import {{ datasegmenter, tynd }} from {json.dumps(modul_url)};
const wasm = new Uint8Array(fs.readFileSync({json.dumps(str(WASM))}));
const segmenter = datasegmenter(wasm);
const slut = Math.max(...segmenter.map((d) => d.adresse + d.laengde));
const snapshot = new Uint8Array({HOVED} + slut + (1 << 20));
new DataView(snapshot.buffer).setUint32(4, {HOVED}, true);
const hukommelse = snapshot.subarray({HOVED});
for (const d of segmenter) hukommelse.set(wasm.subarray(d.start, d.start + d.laengde), d.adresse);
hukommelse.fill(9, slut + 4096, slut + 4096 + 65536);
console.log(JSON.stringify({{ fil: tynd(snapshot, wasm).length }}));""")
    assert svar["fil"] <= 4096 + 65536 + 8192 + 4096  # the header's page, the heap's 64 KB (two pages at most
    # straddled), the run table
