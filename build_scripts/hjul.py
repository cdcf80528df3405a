"""Build the calculators wheel (``py3-none-any``) with the rules from ``calculators/data`` inside.

The package is pure Python, so the standard ``python -m build --wheel`` makes the same wheel
``pyodide build`` would (which cannot run here: it downloads a cross-build environment).
The rules live in ``calculators/data/`` (package data), so the browser gets exactly what the
pages were built from. The build runs on a staging copy holding only ``pyproject.toml`` and
``calculators/``: it leaves no build/ folder behind, and pyproject's package discovery (which
also installs ``build_scripts`` for ``pip install -e .``) finds nothing but the calculators, so
the wheel stays stdlib-only. The post-build step (``build_scripts/efterbyg.py``) calls it.

Usage: ``python -m build_scripts.hjul [OUT_DIR]`` (default ``dist/``).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROD = Path(__file__).resolve().parent.parent


def byg_hjul(ud: Path) -> Path:
    """Build the wheel into ``ud`` and return its path."""
    ud.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="lbf-hjul-") as tmp:
        stage = Path(tmp)
        shutil.copy2(ROD / "pyproject.toml", stage)
        shutil.copytree(ROD / "calculators", stage / "calculators",
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        for gammel in ud.glob("calculators-*.whl"):
            gammel.unlink()
        # A fixed timestamp makes the wheel (and so its content hash, which names the
        # file the browser caches) change only when the code or the rules change.
        miljoe = {**os.environ, "SOURCE_DATE_EPOCH": "1577836800"}
        proc = subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation",
                               "--outdir", str(ud), str(stage)],
                              env=miljoe, capture_output=True, text=True)
        if proc.returncode:
            raise RuntimeError(f"Byggeriet af beregner-hjulet fejlede:\n{proc.stdout}\n{proc.stderr}")
    (hjul,) = ud.glob("calculators-*-py3-none-any.whl")
    return hjul


def kort_hash(sti: Path) -> str:
    return hashlib.sha256(sti.read_bytes()).hexdigest()[:12]


if __name__ == "__main__":
    print(byg_hjul(Path(sys.argv[1]) if len(sys.argv) > 1 else ROD / "dist"))
