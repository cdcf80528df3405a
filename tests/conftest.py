"""Fixtures shared by the whole suite: one build of the site per test session."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROD = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def bygget_site(tmp_path_factory) -> Path:
    """The built site. ``make test`` builds ``site/`` first and passes it in LBF_SITE_DIR;
    run on its own, the suite builds a fresh copy (strict, plus the post-build step) into a
    temporary folder."""
    faerdig = os.environ.get("LBF_SITE_DIR")
    if faerdig:
        sti = (ROD / faerdig).resolve()
        assert (sti / "index.html").is_file(), f"{sti} is not a built site"
        return sti
    ud = tmp_path_factory.mktemp("site")
    # As `make build`: the site generator, then the post-build step (wheel, Pyodide, sw.js, gzip).
    for befaling in (["mkdocs", "build", "--strict", "-q", "-d", str(ud)], ["build_scripts.efterbyg", str(ud)]):
        proc = subprocess.run([sys.executable, "-m", *befaling], cwd=ROD, capture_output=True, text=True,
                              env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        assert proc.returncode == 0, proc.stderr
    return ud
