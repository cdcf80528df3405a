// @ts-check
// The memory snapshot's file on the wire: written at build time (build_scripts/snapshot.mjs, in Node) and
// read back by the calculator's worker (beregner-worker.js), so both sides share this one module.
//
// Pyodide's snapshot is a header followed by the whole WebAssembly memory (31 MB). Two kinds of 4 KB page in
// that memory need not travel:
// - pages that are all zeros (over half of it: the unused stack, the heap's unused top);
// - pages just as the WebAssembly's own data segments put them (3,2 MB of static data: strings, tables,
//   Python's static objects; Python changes a few of those pages as it starts). The browser has them anyway: a
//   fresh instance of the module holds exactly them, and the worker copies them from it into the snapshot
//   before Pyodide restores it (`fraInstansen`).
//
// File ("LBS3", little-endian u32s): magic, the snapshot's full length, where the memory starts in it (the
// offset in Pyodide's header), the number of runs in the file, the number of runs to take from the instance,
// each run's (offset, length) in the snapshot (those in the file first), then the bytes of the runs in the file.
// A file in Pyodide's own format is read as it is.

const MAGI = 0x3353424c;  // "LBS3"
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

/** The memory of a fresh instance: the data segments in place, zeros elsewhere.
 * @param {Uint8Array} wasm @param {number} laengde */
function friskHukommelse(wasm, laengde) {
  const h = new Uint8Array(laengde);
  for (const { adresse, start, laengde: n } of datasegmenter(wasm)) {
    h.set(wasm.subarray(start, start + Math.min(n, laengde - adresse)), adresse);
  }
  return h;
}

/** Consecutive pages as (offset, length) runs. @param {number[]} sider */
function runs(sider) {
  /** @type {[number, number][]} */
  const ud = [];
  for (const s of sider) {
    const sidste = ud.at(-1);
    if (sidste && sidste[0] + sidste[1] === s) sidste[1] += SIDE;
    else ud.push([s, SIDE]);
  }
  return ud;
}

/**
 * The file for a snapshot in Pyodide's format, without its zero pages and its pages that a fresh instance of
 * `wasm` already holds.
 * @param {Uint8Array} snapshot what pyodide.makeMemorySnapshot() returned (a whole number of pages after its header)
 * @param {Uint8Array} wasm the pyodide.asm.wasm the page will run
 */
export function tynd(snapshot, wasm) {
  const hukommelsenStarter = new DataView(snapshot.buffer, snapshot.byteOffset).getUint32(4, true);
  const frisk = friskHukommelse(wasm, snapshot.length - hukommelsenStarter);
  /** @type {number[]} */
  const iFilen = [];
  /** @type {number[]} */
  const fraInstans = [];
  for (let start = 0; start < snapshot.length; start += SIDE) {
    const side = snapshot.subarray(start, start + SIDE);
    const h = start - hukommelsenStarter;
    // The header's page, and any page not whole in memory, always travels.
    const friskSide = h >= 0 && start + SIDE <= snapshot.length ? frisk.subarray(h, h + SIDE) : null;
    const nul = !side.some((x) => x !== 0);
    if (friskSide && friskSide.every((x, i) => x === side[i])) {
      if (!nul) fraInstans.push(start);
    } else if (!nul || friskSide) {
      iFilen.push(start);
    }
  }
  const a = runs(iFilen).map(([o, l]) => /** @type {[number, number]} */ ([o, Math.min(l, snapshot.length - o)]));
  const b = runs(fraInstans);
  const hoved = 20 + 8 * (a.length + b.length);
  const ud = new Uint8Array(hoved + a.reduce((n, [, l]) => n + l, 0));
  const v = new DataView(ud.buffer);
  v.setUint32(0, MAGI, true);
  v.setUint32(4, snapshot.length, true);
  v.setUint32(8, hukommelsenStarter, true);
  v.setUint32(12, a.length, true);
  v.setUint32(16, b.length, true);
  let pos = hoved;
  [...a, ...b].forEach(([o, l], i) => {
    v.setUint32(20 + 8 * i, o, true);
    v.setUint32(24 + 8 * i, l, true);
  });
  for (const [o, l] of a) {
    ud.set(snapshot.subarray(o, o + l), pos);
    pos += l;
  }
  return ud;
}

/** @typedef {{ snapshot: Uint8Array, hukommelsenStarter: number, fraInstans: [number, number][] }} Udfyldt
 *  the snapshot with the file's pages in place; `fraInstans` still to be copied from a fresh instance */

/**
 * The snapshot from the file `tynd` wrote, still without the pages a fresh instance holds (see `fraInstansen`).
 * @param {Uint8Array} fil
 * @returns {Udfyldt}
 */
export function udfyld(fil) {
  const v = new DataView(fil.buffer, fil.byteOffset, fil.byteLength);
  if (fil.length < 20 || v.getUint32(0, true) !== MAGI) return { snapshot: fil, hukommelsenStarter: 0, fraInstans: [] };
  const snapshot = new Uint8Array(v.getUint32(4, true));
  const hukommelsenStarter = v.getUint32(8, true);
  const iFilen = v.getUint32(12, true);
  const alle = iFilen + v.getUint32(16, true);
  let pos = 20 + 8 * alle;
  /** @type {[number, number][]} */
  const fraInstans = [];
  for (let i = 0; i < alle; i++) {
    const o = v.getUint32(20 + 8 * i, true);
    const l = v.getUint32(24 + 8 * i, true);
    if (o + l > snapshot.length || (i < iFilen && pos + l > fil.length)) throw new Error("snapshot-filen er ufuldstændig");
    if (i < iFilen) {
      snapshot.set(fil.subarray(pos, pos + l), o);
      pos += l;
    } else {
      fraInstans.push([o, l]);
    }
  }
  if (pos !== fil.length) throw new Error("snapshot-filen er ufuldstændig");
  return { snapshot, hukommelsenStarter, fraInstans };
}

/**
 * Copy into the snapshot the pages that the file left to a fresh instance. Call it right after
 * `WebAssembly.instantiate`, before the instance has run: then its memory holds the data segments alone.
 * @param {Udfyldt} u
 * @param {ArrayBuffer} hukommelse the fresh instance's memory
 */
export function fraInstansen(u, hukommelse) {
  const h = new Uint8Array(hukommelse);
  for (const [o, l] of u.fraInstans) u.snapshot.set(h.subarray(o - u.hukommelsenStarter, o - u.hukommelsenStarter + l), o);
}
