"""No file in the source folders can be hidden from git by .gitignore.

An unanchored ``build/`` pattern once matched ``tests/build/``: a whole layer of tests existed only on one machine
and CI never ran it. This test asks git itself, for every tracked file and for a plausible new file in every
folder (including folders named like build outputs), whether .gitignore would hide it.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

ROD = Path(__file__).resolve().parent.parent
KILDEMAPPER = ("tests", "calculators", "build_scripts", "docs", "kilder")
# What may be ignored inside the source folders: Python's caches, never source.
TILLADT = ("__pycache__/", ".pyc")


def _git(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=ROD, input=stdin, capture_output=True, text=True)


def _kandidater() -> list[str]:
    sporede = _git("ls-files", "--", *KILDEMAPPER).stdout.splitlines()
    assert sporede, "git ls-files found no source files"
    mapper = {str(Path(s).parent) for s in sporede} | set(KILDEMAPPER)
    nye = [f"{m}/{navn}/ny_fil.py" for m in mapper for navn in ("build", "dist", "site", "node_modules", "data")]
    return sporede + [f"{m}/ny_fil.py" for m in mapper] + nye


def _skjulte(stier: list[str]) -> list[str]:
    # --no-index: judge by the patterns alone, also for files git already tracks.
    proc = _git("check-ignore", "--no-index", "--stdin", stdin="\n".join(stier) + "\n")
    assert proc.returncode in (0, 1), proc.stderr
    return [s for s in proc.stdout.splitlines() if not any(t in s for t in TILLADT)]


def test_ingen_kildefil_skjules_af_gitignore():
    assert _skjulte(_kandidater()) == []


def test_tjekket_kan_fange_et_skjult_bibliotek():
    # The build outputs at the root are ignored, so the check is not blind.
    assert _skjulte(["build/x.py", "site/index.html", "tests/ny_fil.py"]) == ["build/x.py", "site/index.html"]
