"""The post-build step: everything the site needs beyond what the site generator writes.

``python -m build_scripts.efterbyg SITE_DIR`` (``make build`` runs it right after ``mkdocs build``)
adds to a built site, in this order:

1. the calculators wheel (``assets/beregnere/calculators-<hash>.whl``, built by ``build_scripts/hjul.py``
   from ``calculators/`` with the rules in ``calculators/data/``);
2. the Pyodide runtime files a start needs (``assets/pyodide/<version>/``), copied from the npm package
   pinned in ``package-lock.json`` (nothing is ever loaded by name from Pyodide's package index: that
   would fall back to a CDN; the worker passes the lock file's ``info`` inline, with no packages);
3. the standard library trimmed to what a start and the calculators use (``stdlib-<hash>.zip``, see
   ``build_scripts/standardbibliotek.py``), an empty one for the snapshot start, and a Pyodide memory
   snapshot (``build_scripts/snapshot.mjs``); skipped when ``LBF_UDEN_SNAPSHOT=1`` or when they cannot be
   made (pages then start Python the normal way, from the whole standard library). The snapshot and the
   trimmed zip are kept in a cache (:data:`CACHE`) under the wheel's hash: a build whose calculators did not
   change reuses them;
4. ``assets/beregnere/manifest.json``, naming the wheel, the runtime version and files, the standard
   library of each start path and the snapshot; the calculator pages carry the same manifest on their
   start script (``data-manifest``), so the worker starts its downloads without asking for it;
5. the service worker ``sw.js`` (from ``docs/javascripts/sw.template.js``), whose version is a hash of
   every file written so far;
6. last, a brotli and a gzip copy beside every text file and the big runtime files, ``sw.js`` included
   (nginx's ``brotli_static``/``gzip_static`` and ``build_scripts/serve.py`` send them). Each file is
   compressed once per content (:data:`CACHE`): brotli at quality 11, except files over
   :data:`STOR` bytes (the snapshot, which changes with every change to the calculators) at
   ``LBF_BROTLI_STOR`` (default 9; ``make bench`` and ``make build UDGIVELSE=1`` use 11, which takes
   a few minutes for the snapshot).

It needs nothing from MkDocs: what it must know about the site (which pages have a calculator, the
theme's hashed bundles) it reads from the built files, so it works after any site generator that
writes the same HTML. ``make preview`` (``mkdocs serve``) runs it through a small hook
(``build_scripts/hooks/pyodide_assets.py``) because ``mkdocs serve`` builds into a folder of its own.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import gzip
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from html import escape
from pathlib import Path

import brotli  # type: ignore[import-untyped]  # (no type stubs in the package)

from build_scripts import standardbibliotek
from build_scripts.hjul import byg_hjul, kort_hash

ROD = Path(__file__).resolve().parent.parent
PYODIDE = ROD / "node_modules" / "pyodide"
SNAPSHOT_SCRIPT = ROD / "build_scripts" / "snapshot.mjs"
SNAPSHOT_FIL = ROD / "docs" / "javascripts" / "beregner" / "snapshotfil.mjs"  # the file's format, read by the worker
SKABELON = ROD / "docs" / "javascripts" / "sw.template.js"
# The runtime files a start needs: copied, and named in manifest.json, from which the worker
# (docs/javascripts/beregner-worker.js) tells the service worker what to keep offline.
RUNTIME_FILER = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")
# Files whose name changes with their content (the service worker caches them for good and drops
# those an older build used). The same pattern is in sw.template.js and deploy/nginx.conf.
VERSIONERET = re.compile(r"^assets/(pyodide/[0-9][^/]*/|beregnere/(calculators|snapshot|stdlib)-[0-9a-f]+\.)"
                         r"|\.[0-9a-f]{8}\.min\.(js|css)$")
# .zip: the trimmed standard library is stored uncompressed inside (brotli does better over the whole).
KOMPRIMERES = {".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".ics", ".txt", ".wasm", ".bin", ".zip"}
MINDST = 1024
# Brotli: quality 11 (lgwin 24, its largest window, for files over a few MB) except files over STOR bytes:
# LBF_BROTLI_STOR (default 9). Quality 11 takes ~1 minute per 10 MB here; 9 takes seconds.
STOR = 16 << 20
BEREGNER_ATTR = re.compile(r'\bdata-beregner="([a-z_]+)"')
START_SCRIPT = re.compile(r'(<script\b[^>]*\bdata-start-beregner="[a-z_]+")( data-manifest="[^"]*")?')
# Compressed copies and the snapshot, under their content's hash: made once per machine, not once per build.
CACHE = Path(os.environ.get("LBF_CACHE") or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
             / "lbf-vejledning")


class EfterbygFejl(RuntimeError):
    """The step cannot finish; the message (Danish) says why and what to do."""


def main(site_dir: str | os.PathLike, *, snapshot: bool | None = None, komprimer: bool = True) -> dict:
    """Run every step on ``site_dir`` and return the manifest written.

    ``snapshot=None`` makes the snapshot (and the trimmed standard library) unless ``LBF_UDEN_SNAPSHOT`` is
    set; ``komprimer=False`` skips the compressed copies (``make preview``: its server does not send them)."""
    site = Path(site_dir)
    if not (site / "index.html").is_file():
        raise EfterbygFejl(f"{site} er ikke et bygget site (index.html mangler). Byg sitet først.")
    if snapshot is None:
        snapshot = not os.environ.get("LBF_UDEN_SNAPSHOT")
    fjern_kildefiler(site)
    with tempfile.TemporaryDirectory(prefix="lbf-hjul-") as tmp:
        try:
            hjul = byg_hjul(Path(tmp))
        except Exception as e:  # the build must stop with the reason, not a traceback
            raise EfterbygFejl(str(e)) from None
        version = kopier_runtime(site)
        beregnere = lav_beregnermappe(site)
        hjulnavn = f"calculators-{kort_hash(hjul)}.whl"
        shutil.copy2(hjul, beregnere / hjulnavn)
        python = lav_python(hjul, beregnere) if snapshot else None
    if python is None:
        python = {"snapshot": None, "stdlib": {"normal": kopier_hashet(PYODIDE / "python_stdlib.zip", beregnere,
                                                                      "stdlib"), "snapshot": None}}
    manifest = skriv_manifest(beregnere, hjul=hjulnavn, pyodide=version, **python)
    skriv_i_sider(site, manifest)
    skriv_service_worker(site)
    if komprimer:
        komprimer_site(site)
    return manifest


def fjern_kildefiler(site: Path) -> None:
    """Source files a generator may have copied that are not part of the site."""
    (site / "javascripts" / SKABELON.name).unlink(missing_ok=True)


def pyodide_version() -> str:
    pakke = PYODIDE / "package.json"
    if not pakke.is_file():
        raise EfterbygFejl("Pyodide mangler i node_modules/pyodide. Kør »npm ci« (eller »make serve«).")
    return json.loads(pakke.read_text())["version"]


def kopier_runtime(site: Path) -> str:
    """Copy the runtime under its version (which makes every file cacheable forever); return the version."""
    version = pyodide_version()
    runtime = site / "assets" / "pyodide" / version
    if runtime.parent.exists():
        shutil.rmtree(runtime.parent)
    runtime.mkdir(parents=True)
    for navn in RUNTIME_FILER:
        shutil.copy2(PYODIDE / navn, runtime / navn)
    return version


def lav_beregnermappe(site: Path) -> Path:
    beregnere = site / "assets" / "beregnere"
    if beregnere.exists():
        shutil.rmtree(beregnere)
    beregnere.mkdir(parents=True)
    return beregnere


def kopier_hashet(fil: Path, ud: Path, praefiks: str) -> str:
    """Copy ``fil`` into ``ud`` as ``<praefiks>-<hash><suffix>``; return the name."""
    navn = f"{praefiks}-{kort_hash(fil)}{fil.suffix}"
    shutil.copyfile(fil, ud / navn)
    return navn


def _python_noegle(hjul: Path) -> str:
    """What the snapshot and the trimmed standard library are made from: the wheel, the runtime, the code."""
    h = hashlib.sha256()
    for fil in (hjul, PYODIDE / "pyodide.asm.wasm", PYODIDE / "python_stdlib.zip", SNAPSHOT_SCRIPT, SNAPSHOT_FIL,
                Path(standardbibliotek.__file__)):
        h.update(hashlib.sha256(fil.read_bytes()).digest())
    return h.hexdigest()[:24]


def lav_python(hjul: Path, ud: Path) -> dict | None:
    """The standard library of each start path and the memory snapshot (build_scripts/snapshot.mjs,
    build_scripts/standardbibliotek.py), from the cache when the same wheel made them before; None if
    they cannot be made, in which case pages start Python the normal way from the whole library."""
    cache = CACHE / "python" / _python_noegle(hjul)
    filer = {"snapshot": cache / "snapshot.bin", "normal": cache / "stdlib.zip", "tom": cache / "stdlib-tom.zip"}
    if not all(f.is_file() for f in filer.values()):
        moduler = standardbibliotek.importerede_moduler()
        fremmede = standardbibliotek.ikke_standardbibliotek(moduler)
        if fremmede:
            raise EfterbygFejl(f"Beregnerne importerer {', '.join(fremmede)}, som ikke er i Pythons standardbibliotek; "
                               "de skal kunne køre i browseren uden andre pakker.")
        with tempfile.TemporaryDirectory(prefix="lbf-python-") as tmp:
            t = Path(tmp)
            proc = subprocess.run(["node", str(SNAPSHOT_SCRIPT), "lav", str(PYODIDE), str(hjul),
                                   str(PYODIDE / "python_stdlib.zip"), str(t / "snapshot.bin"), str(t / "brugte.json"),
                                   *moduler], capture_output=True, text=True)
            if proc.returncode:
                print("ADVARSEL: Pyodide-snapshot og standardbibliotek kunne ikke laves; siderne starter Python "
                      f"uden: {proc.stderr[-800:]}", file=sys.stderr)
                return None
            standardbibliotek.skriv_zip(PYODIDE / "python_stdlib.zip", json.loads((t / "brugte.json").read_text()),
                                        t / "stdlib.zip")
            standardbibliotek.skriv_tom_zip(t / "stdlib-tom.zip")
            cache.mkdir(parents=True, exist_ok=True)
            for fil in filer.values():  # via a temporary name: builds running side by side share the cache
                midlertidig = fil.with_name(f"{fil.name}.{os.getpid()}.tmp")
                shutil.copyfile(t / fil.name, midlertidig)
                os.replace(midlertidig, fil)
    return {"snapshot": kopier_hashet(filer["snapshot"], ud, "snapshot"),
            "stdlib": {"normal": kopier_hashet(filer["normal"], ud, "stdlib"),
                       "snapshot": kopier_hashet(filer["tom"], ud, "stdlib")}}


def skriv_manifest(beregnere: Path, *, hjul: str, pyodide: str, snapshot: str | None, stdlib: dict) -> dict:
    """``manifest.json``: what a start loads. ``laas`` is the Pyodide lock file's ``info`` with no packages
    (the worker passes it as ``lockFileContents``: the 119 KB lock file is never downloaded)."""
    info = json.loads((PYODIDE / "pyodide-lock.json").read_text())["info"]
    manifest = {"hjul": hjul, "pyodide": pyodide, "snapshot": snapshot, "stdlib": stdlib,
                "laas": {"info": info, "packages": {}}, "runtime": list(RUNTIME_FILER)}
    (beregnere / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
    return manifest


def skriv_i_sider(site: Path, manifest: dict) -> int:
    """Put the manifest on every calculator page's start script (``data-manifest``), so that the worker
    needs no request for it. Returns the number of pages changed."""
    attribut = f' data-manifest="{escape(json.dumps(manifest, separators=(",", ":")), quote=True)}"'
    antal = 0
    for side in site.rglob("*.html"):
        tekst = side.read_text(encoding="utf-8")
        ny, n = START_SCRIPT.subn(lambda m: m.group(1) + attribut, tekst)
        if n and ny != tekst:
            side.write_text(ny, encoding="utf-8")
            antal += 1
    return antal


def skriv_service_worker(site: Path) -> None:
    """Write sw.js. Its VERSION is a hash of every file of the build (so any change — a page, a
    rule, the calculators — installs a new worker, which drops the old page cache); it lists the
    build's versioned files, so that runtime files of older builds are removed."""
    h = hashlib.sha256()
    versionerede = []
    for fil in sorted(p for p in site.rglob("*") if p.is_file()):
        rel = fil.relative_to(site).as_posix()
        if rel == "sw.js" or rel.endswith((".gz", ".br")):
            continue
        h.update(rel.encode() + b"\0" + hashlib.sha256(fil.read_bytes()).digest())
        if VERSIONERET.search(rel):
            versionerede.append(rel)
    sw = (SKABELON.read_text()
          .replace("__VERSION__", h.hexdigest()[:16])
          .replace("__VERSIONEREDE__", json.dumps(versionerede)))
    (site / "sw.js").write_text(sw)


def brotli_kvalitet(stoerrelse: int) -> int:
    """Quality 11, or ``LBF_BROTLI_STOR`` (default 9) for files over :data:`STOR` bytes."""
    return 11 if stoerrelse <= STOR else int(os.environ.get("LBF_BROTLI_STOR") or 9)


def _komprimer(data: bytes, metode: str) -> bytes:
    if metode == "gz":
        return gzip.compress(data, compresslevel=9, mtime=0)
    kvalitet = brotli_kvalitet(len(data))
    return brotli.compress(data, quality=kvalitet, lgwin=24 if len(data) > (4 << 20) else 22)


def _komprimeret(fil: Path, metode: str) -> tuple[Path, bytes | None]:
    """The compressed copy of ``fil`` (from the cache, else made and cached); None when it is not smaller."""
    data = fil.read_bytes()
    kvalitet = brotli_kvalitet(len(data)) if metode == "br" else 9
    cache = CACHE / "komprimeret" / f"{hashlib.sha256(data).hexdigest()}.{metode}{kvalitet}"
    if cache.is_file():
        ud = cache.read_bytes()
    else:
        ud = _komprimer(data, metode)
        cache.parent.mkdir(parents=True, exist_ok=True)
        midlertidig = cache.with_name(f"{cache.name}.{os.getpid()}.tmp")
        midlertidig.write_bytes(ud)
        os.replace(midlertidig, cache)  # atomic: builds running side by side share the cache
    return fil, (ud if len(ud) < len(data) else None)


def komprimer_site(site: Path) -> list[Path]:
    """A brotli (``.br``) and a gzip (``.gz``) copy beside every text file and the big runtime files
    (nginx ``brotli_static``/``gzip_static`` and build_scripts/serve.py send them). Runs last, so every
    file is there, sw.js included. Compression runs on every core; each content is compressed once
    (:data:`CACHE`). Returns the copies written (an up-to-date copy is kept)."""
    opgaver = []
    for fil in sorted(site.rglob("*")):
        if fil.suffix not in KOMPRIMERES or not fil.is_file() or fil.stat().st_size < MINDST:
            continue
        for metode in ("br", "gz"):
            kopi = fil.with_name(f"{fil.name}.{metode}")
            if not (kopi.exists() and kopi.stat().st_mtime >= fil.stat().st_mtime):
                opgaver.append((fil, metode))
    # The largest first, so that the long ones start at once.
    opgaver.sort(key=lambda o: -o[0].stat().st_size)
    skrevet: list[Path] = []
    if not opgaver:
        return skrevet
    filer, metoder = zip(*opgaver, strict=True)
    with concurrent.futures.ProcessPoolExecutor(max_workers=os.cpu_count() or 1) as pulje:
        for fil, metode, (_, data) in zip(filer, metoder, pulje.map(_komprimeret, filer, metoder), strict=True):
            kopi = fil.with_name(f"{fil.name}.{metode}")
            if data is None:
                kopi.unlink(missing_ok=True)
                continue
            kopi.write_bytes(data)
            skrevet.append(kopi)
    return skrevet


def beregnersider(site: Path) -> dict[str, str]:
    """Which page has which calculator, read from the built HTML (``data-beregner="…"``)."""
    sider = {}
    for html in sorted(site.rglob("*.html")):
        m = BEREGNER_ATTR.search(html.read_text(errors="replace"))
        if m:
            sider[html.relative_to(site).as_posix()] = m.group(1)
    return sider


def cli(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m build_scripts.efterbyg",
                                 description="Tilføj beregnere, Pyodide, service worker og komprimerede kopier til et bygget site.")
    ap.add_argument("site", nargs="?", default="site", help="det byggede site (standard: site)")
    ap.add_argument("--uden-komprimering", action="store_true", help="skriv ingen .br- og .gz-kopier")
    a = ap.parse_args(argv)
    try:
        manifest = main(a.site, komprimer=not a.uden_komprimering)
    except EfterbygFejl as e:
        print(f"efterbyg: {e}", file=sys.stderr)
        return 1
    sider = beregnersider(Path(a.site))
    print(f"efterbyg: {a.site}: hjul {manifest['hjul']}, Pyodide {manifest['pyodide']}, "
          f"snapshot {manifest['snapshot'] or 'ingen'}, {len(sider)} beregnersider, sw.js skrevet")
    if not sider:
        print("ADVARSEL: ingen side har en beregner (data-beregner); er sidernes HTML fra en anden generator?",
              file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(cli())
