"""`make test` runs every test file under tests/.

pytest's default ``norecursedirs`` skips folders named ``build``, ``dist`` and ``venv``: tests/build/ (the post-build
step, the page guards, the Nu Html Checker, the dev server) was silently left out of every run, just as an
unanchored ``build/`` in .gitignore once kept it out of git (tests/test_gitignore.py). This asks pytest itself what
a plain run collects, as ``make test`` starts it.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROD = Path(__file__).resolve().parent.parent


def test_hver_testfil_samles_af_en_almindelig_koersel():
    proc = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q"], cwd=ROD,
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    samlede = {linje.split("::", 1)[0] for linje in proc.stdout.splitlines() if "::" in linje}
    filer = {p.relative_to(ROD).as_posix() for p in (ROD / "tests").rglob("test_*.py")}
    assert filer - samlede == set()
    assert "tests/build/test_efterbyg.py" in samlede
