"""The post-build step: everything the site needs beyond what the site generator writes.

``python -m build_scripts.efterbyg SITE_DIR`` (``make build`` runs it right after ``mkdocs build``)
adds to a built site, in this order:

1. the calculators wheel (``assets/beregnere/calculators-<hash>.whl``, built by ``build_scripts/hjul.py``
   from ``calculators/`` with the rules in ``calculators/data/``);
2. the Pyodide runtime files a start needs (``assets/pyodide/<version>/``), copied from the npm package
   pinned in ``package-lock.json`` (nothing is ever loaded by name from Pyodide's package index: that
   would fall back to a CDN);
3. a Pyodide memory snapshot (``build_scripts/snapshot.mjs``), skipped when ``LBF_UDEN_SNAPSHOT=1``
   or when it cannot be made (pages then start Python the normal way);
4. ``assets/beregnere/manifest.json``, naming the wheel, the runtime version and files and the snapshot;
5. the service worker ``sw.js`` (from ``docs/javascripts/sw.template.js``), whose version is a hash of
   every file written so far;
6. last, a gzip copy beside every text file and the big runtime files, ``sw.js`` included.

It needs nothing from MkDocs: what it must know about the site (which pages have a calculator, the
theme's hashed bundles) it reads from the built files, so it works after any site generator that
writes the same HTML. ``make preview`` (``mkdocs serve``) runs it through a small hook
(``build_scripts/hooks/pyodide_assets.py``) because ``mkdocs serve`` builds into a folder of its own.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from build_scripts.hjul import byg_hjul, kort_hash

ROD = Path(__file__).resolve().parent.parent
PYODIDE = ROD / "node_modules" / "pyodide"
SNAPSHOT_SCRIPT = ROD / "build_scripts" / "snapshot.mjs"
SKABELON = ROD / "docs" / "javascripts" / "sw.template.js"
# The runtime files a start needs: copied, and named in manifest.json, from which the worker
# (docs/javascripts/beregner-worker.js) tells the service worker what to keep offline.
RUNTIME_FILER = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip",
                 "pyodide-lock.json")
# Files whose name changes with their content (the service worker caches them for good and drops
# those an older build used). The same pattern is in sw.template.js.
VERSIONERET = re.compile(r"^assets/(pyodide/[0-9][^/]*/|beregnere/(calculators|snapshot)-[0-9a-f]+\.)"
                         r"|\.[0-9a-f]{8}\.min\.(js|css)$")
KOMPRIMERES = {".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".ics", ".txt", ".wasm", ".bin"}
MINDST = 1024
BEREGNER_ATTR = re.compile(r'\bdata-beregner="([a-z_]+)"')


class EfterbygFejl(RuntimeError):
    """The step cannot finish; the message (Danish) says why and what to do."""


def main(site_dir: str | os.PathLike, *, snapshot: bool | None = None, komprimer: bool = True) -> dict:
    """Run every step on ``site_dir`` and return the manifest written.

    ``snapshot=None`` makes the snapshot unless ``LBF_UDEN_SNAPSHOT`` is set; ``komprimer=False``
    skips the gzip copies (``make preview``: its server does not send them)."""
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
        snapshotnavn = lav_snapshot(hjul, beregnere) if snapshot else None
    manifest = skriv_manifest(beregnere, hjul=hjulnavn, pyodide=version, snapshot=snapshotnavn)
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


def lav_snapshot(hjul: Path, ud: Path) -> str | None:
    """A memory snapshot of a started Python (see build_scripts/snapshot.mjs); None if it
    cannot be made, in which case pages simply start Python the normal way."""
    midlertidig = ud / "snapshot.tmp"
    proc = subprocess.run(["node", str(SNAPSHOT_SCRIPT), str(PYODIDE), str(hjul), str(midlertidig)],
                          capture_output=True, text=True)
    if proc.returncode:
        print(f"ADVARSEL: Pyodide-snapshot kunne ikke laves; siderne starter Python uden: {proc.stderr[-500:]}",
              file=sys.stderr)
        midlertidig.unlink(missing_ok=True)
        return None
    navn = f"snapshot-{kort_hash(midlertidig)}.bin"
    midlertidig.rename(ud / navn)
    return navn


def skriv_manifest(beregnere: Path, *, hjul: str, pyodide: str, snapshot: str | None) -> dict:
    manifest = {"hjul": hjul, "pyodide": pyodide, "snapshot": snapshot, "runtime": list(RUNTIME_FILER)}
    (beregnere / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
    return manifest


def skriv_service_worker(site: Path) -> None:
    """Write sw.js. Its VERSION is a hash of every file of the build (so any change — a page, a
    rule, the calculators — installs a new worker, which drops the old page cache); it lists the
    build's versioned files, so that runtime files of older builds are removed."""
    h = hashlib.sha256()
    versionerede = []
    for fil in sorted(p for p in site.rglob("*") if p.is_file()):
        rel = fil.relative_to(site).as_posix()
        if rel == "sw.js" or rel.endswith(".gz"):
            continue
        h.update(rel.encode() + b"\0" + hashlib.sha256(fil.read_bytes()).digest())
        if VERSIONERET.search(rel):
            versionerede.append(rel)
    sw = (SKABELON.read_text()
          .replace("__VERSION__", h.hexdigest()[:16])
          .replace("__VERSIONEREDE__", json.dumps(versionerede)))
    (site / "sw.js").write_text(sw)


def komprimer_site(site: Path) -> list[Path]:
    """A gzip copy beside every text file and the big runtime files (nginx ``gzip_static`` and
    build_scripts/serve.py send it). Runs last, so every file is there, sw.js included. Returns
    the copies written (an up-to-date copy is kept)."""
    skrevet = []
    for fil in sorted(site.rglob("*")):
        if fil.suffix not in KOMPRIMERES or not fil.is_file() or fil.stat().st_size < MINDST:
            continue
        gz = fil.with_name(fil.name + ".gz")
        if gz.exists() and gz.stat().st_mtime >= fil.stat().st_mtime:
            continue
        with fil.open("rb") as ind, gzip.GzipFile(gz, "wb", compresslevel=6, mtime=0) as ud:
            shutil.copyfileobj(ind, ud, 1 << 20)
        skrevet.append(gz)
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
                                 description="Tilføj beregnere, Pyodide, service worker og gzip-kopier til et bygget site.")
    ap.add_argument("site", nargs="?", default="site", help="det byggede site (standard: site)")
    ap.add_argument("--uden-komprimering", action="store_true", help="skriv ingen .gz-kopier")
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
