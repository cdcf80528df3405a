// @ts-check
// The memory snapshot's file on the wire: written at build time (build_scripts/snapshot.mjs, in Node) and
// read back by the calculator's worker (beregner-worker.js), so both sides share this one module.
//
// Pyodide's snapshot is a header followed by the whole WebAssembly memory (31 MB). Two things in that memory
// need not travel:
// - pages that are all zeros (over half of it: the unused stack, the heap's unused top);
// - the WebAssembly file's own data segments (3,2 MB of static data: strings, tables, Python's static
//   objects), which the browser has anyway, because it downloads the WebAssembly to run it. Python changes a
//   few bytes of them while it starts (reference counts, pointers), so the file holds memory XOR data
//   segment: almost all zeros, which brotli encodes in next to nothing, and whole zero pages are left out.
//
// File ("LBS2", little-endian u32s): magic, the snapshot's full length, where the memory starts in it (the
// offset in Pyodide's header; 0 = no data segments were XORed), the number of runs, each run's (offset,
// length), then the runs' bytes. A file in Pyodide's own format is read as it is.

const MAGI = 0x3253424c;  // "LBS2"
const SIDE = 4096;

/** @typedef {{ adresse: number, start: number, laengde: number }} Datasegment
 *  a data segment: its address in memory, and where its bytes start in the WebAssembly file and how many */

/**
 * The active data segments for memory 0 with a constant address, read from the WebAssembly file's data
 * section (the binary format's section 11). Segments placed by a global (position-independent code) are
 * left out: both sides skip the same ones.
 * @param {Uint8Array} wasm
 * @returns {Datasegment[]}
 */
export function datasegmenter(wasm) {
  let i = 8;  // after the magic and the version
  const leb = () => {
    let r = 0;
    let skift = 1;
    let x;
    do {
      if (i >= wasm.length) throw new Error("WebAssembly-filen slutter midt i et tal");
      x = wasm[i++];
      r += (x & 0x7f) * skift;
      skift *= 128;
    } while (x & 0x80);
    return { r, skift, x };
  };
  const uleb = () => leb().r;
  const sleb = () => {
    const { r, skift, x } = leb();
    return x & 0x40 ? r - skift : r;
  };
  /** A constant expression: the address when it is i32.const, else null. */
  const adresse = () => {
    const op = wasm[i++];
    const v = op === 0x41 ? sleb() : op === 0x23 ? (uleb(), null) : undefined;
    if (v === undefined || wasm[i++] !== 0x0b) throw new Error(`ukendt adresseudtryk (0x${op.toString(16)}) i et datasegment`);
    return v;
  };
  while (i < wasm.length) {
    const id = wasm[i++];
    const slut = uleb() + i;
    if (id === 11) {
      /** @type {Datasegment[]} */
      const segmenter = [];
      for (let n = uleb(); n > 0; n--) {
        const art = uleb();  // 0: active in memory 0; 1: passive; 2: active in the memory given
        const hukommelse = art === 2 ? uleb() : 0;
        const a = art === 1 ? null : adresse();
        const laengde = uleb();
        if (a !== null && hukommelse === 0) segmenter.push({ adresse: a, start: i, laengde });
        i += laengde;
      }
      return segmenter;
    }
    i = slut;
  }
  return [];
}

/** XOR the data segments into the memory image (in place; doing it twice undoes it).
 * @param {Uint8Array} hukommelse @param {Uint8Array} wasm @param {Datasegment[]} segmenter */
function xorData(hukommelse, wasm, segmenter) {
  for (const { adresse, start, laengde } of segmenter) {
    const n = Math.min(laengde, hukommelse.length - adresse);
    for (let j = 0; j < n; j++) hukommelse[adresse + j] ^= wasm[start + j];
  }
}

/**
 * The file for a snapshot in Pyodide's format: its memory XOR the WebAssembly's data segments, without its
 * zero pages. Changes `snapshot`.
 * @param {Uint8Array} snapshot what pyodide.makeMemorySnapshot() returned
 * @param {Uint8Array} wasm the pyodide.asm.wasm the page will run
 */
export function tynd(snapshot, wasm) {
  const hukommelsenStarter = new DataView(snapshot.buffer, snapshot.byteOffset).getUint32(4, true);
  xorData(snapshot.subarray(hukommelsenStarter), wasm, datasegmenter(wasm));
  /** @type {[number, number][]} */
  const runs = [];
  for (let start = 0; start < snapshot.length; start += SIDE) {
    const slut = Math.min(start + SIDE, snapshot.length);
    if (!snapshot.subarray(start, slut).some((x) => x !== 0)) continue;
    const sidste = runs.at(-1);
    if (sidste && sidste[0] + sidste[1] === start) sidste[1] += slut - start;
    else runs.push([start, slut - start]);
  }
  const hoved = 16 + 8 * runs.length;
  const ud = new Uint8Array(hoved + runs.reduce((n, [, l]) => n + l, 0));
  const v = new DataView(ud.buffer);
  v.setUint32(0, MAGI, true);
  v.setUint32(4, snapshot.length, true);
  v.setUint32(8, hukommelsenStarter, true);
  v.setUint32(12, runs.length, true);
  let pos = hoved;
  runs.forEach(([o, l], i) => {
    v.setUint32(16 + 8 * i, o, true);
    v.setUint32(20 + 8 * i, l, true);
    ud.set(snapshot.subarray(o, o + l), pos);
    pos += l;
  });
  return ud;
}

/**
 * The snapshot in Pyodide's format, from the file `tynd` wrote and the same WebAssembly file.
 * @param {Uint8Array} fil
 * @param {Uint8Array} wasm
 */
export function udfyld(fil, wasm) {
  const v = new DataView(fil.buffer, fil.byteOffset, fil.byteLength);
  if (fil.length < 16 || v.getUint32(0, true) !== MAGI) return fil;
  const ud = new Uint8Array(v.getUint32(4, true));
  const hukommelsenStarter = v.getUint32(8, true);
  const runs = v.getUint32(12, true);
  let pos = 16 + 8 * runs;
  for (let i = 0; i < runs; i++) {
    const laengde = v.getUint32(20 + 8 * i, true);
    if (pos + laengde > fil.length) throw new Error("snapshot-filen er ufuldstændig");
    ud.set(fil.subarray(pos, pos + laengde), v.getUint32(16 + 8 * i, true));
    pos += laengde;
  }
  if (pos !== fil.length) throw new Error("snapshot-filen er ufuldstændig");
  if (hukommelsenStarter) xorData(ud.subarray(hukommelsenStarter), wasm, datasegmenter(wasm));
  return ud;
}
