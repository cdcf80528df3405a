"""MkDocs hook: self-host the Pyodide runtime and ship the calculators wheel with the site.

The runtime comes from the npm package pinned in ``package-lock.json`` (the one version
pin); only the files a start needs are copied, and nothing is ever loaded by name from
Pyodide's package index (that would fall back to a CDN). The wheel is rebuilt on every
build, so an editor who changes ``calculators/data`` while ``make serve`` runs sees the change in
the calculators too. Its file name carries a content hash, so browsers may cache it forever.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from mkdocs.exceptions import PluginError

ROD = Path(__file__).resolve().parents[2]
if str(ROD) not in sys.path:
    sys.path.insert(0, str(ROD))

from build_scripts.hjul import byg_hjul, kort_hash  # noqa: E402

PYODIDE = ROD / "node_modules" / "pyodide"
# The runtime files a start needs: copied here, and named in manifest.json, from which the
# worker (docs/javascripts/beregner-worker.js) tells the service worker what to keep offline.
RUNTIME_FILER = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip",
                 "pyodide-lock.json")

_hjul: dict[str, Path | str] = {}
log = logging.getLogger("mkdocs.hooks.pyodide_assets")


def on_pre_build(config, **kwargs):
    if not (PYODIDE / "package.json").is_file():
        raise PluginError("Pyodide mangler i node_modules/pyodide. Kør »npm ci« (eller »make serve«).")
    tmp = Path(tempfile.mkdtemp(prefix="lbf-hjul-"))
    try:
        sti = byg_hjul(tmp)
    except Exception as e:  # the build must stop with the reason, not a traceback
        raise PluginError(str(e)) from None
    _hjul.update(sti=sti, navn=f"calculators-{kort_hash(sti)}.whl")


def on_post_build(config, **kwargs):
    site = Path(config["site_dir"])
    version = json.loads((PYODIDE / "package.json").read_text())["version"]
    # The version in the path makes every runtime file cacheable forever.
    runtime = site / "assets" / "pyodide" / version
    if runtime.parent.exists():
        shutil.rmtree(runtime.parent)
    runtime.mkdir(parents=True)
    for navn in RUNTIME_FILER:
        shutil.copy2(PYODIDE / navn, runtime / navn)

    beregnere = site / "assets" / "beregnere"
    if beregnere.exists():
        shutil.rmtree(beregnere)
    beregnere.mkdir(parents=True)
    shutil.copy2(_hjul["sti"], beregnere / _hjul["navn"])
    snapshot = _lav_snapshot(Path(_hjul["sti"]), beregnere)
    (beregnere / "manifest.json").write_text(json.dumps(
        {"hjul": _hjul["navn"], "pyodide": version, "snapshot": snapshot, "runtime": list(RUNTIME_FILER)},
        indent=2) + "\n")
    shutil.rmtree(Path(_hjul["sti"]).parent, ignore_errors=True)


def _lav_snapshot(hjul: Path, ud: Path) -> str | None:
    """A memory snapshot of a started Python (see build_scripts/snapshot.mjs); None if it
    cannot be made, in which case pages simply start Python the normal way."""
    if os.environ.get("LBF_UDEN_SNAPSHOT"):
        return None
    midlertidig = ud / "snapshot.tmp"
    proc = subprocess.run(["node", str(ROD / "build_scripts" / "snapshot.mjs"), str(PYODIDE), str(hjul),
                           str(midlertidig)], capture_output=True, text=True)
    if proc.returncode:
        log.warning("Pyodide-snapshot kunne ikke laves; siderne starter Python uden: %s", proc.stderr[-500:])
        midlertidig.unlink(missing_ok=True)
        return None
    navn = f"snapshot-{kort_hash(midlertidig)}.bin"
    midlertidig.rename(ud / navn)
    return navn

