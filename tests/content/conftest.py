"""Fixtures for the content checks: the built site (``bygget_site``, one strict build per
session, from ``tests/conftest.py``), its pages parsed once, and a helper that builds a modified copy of the project to prove a check fails the build."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
from indhold_hjaelp import ROD, Side, laes_side


@pytest.fixture(scope="session")
def sider(bygget_site) -> dict[str, Side]:
    """Every HTML page of the built site, parsed, by path ("noegletal/index.html")."""
    return {p.relative_to(bygget_site).as_posix(): laes_side(bygget_site, p.relative_to(bygget_site).as_posix())
            for p in sorted(bygget_site.rglob("*.html"))}


@pytest.fixture
def byg_kopi(tmp_path):
    """Build a copy of the project after ``aendr(kopi_rod)`` has modified it.

    Returns the finished process (returncode, stdout, stderr). ``stille=False`` builds without ``-q``, as
    ``make build`` does: with ``-q`` MkDocs 1.6 drops warnings before strict mode counts them (mkdocs#4126),
    so a missing anchor would not stop the build; ``miljoe`` adds environment variables (``LBF_I_DAG``). The copy holds what the build
    reads (mkdocs.yml, docs, build_scripts, calculators, kilder, pyproject.toml) and links node_modules.
    """
    def byg(aendr, *, stille: bool = True, miljoe: dict[str, str] | None = None) -> subprocess.CompletedProcess:
        kopi = tmp_path / "projekt"
        kopi.mkdir()
        ignorer = shutil.ignore_patterns("__pycache__", "*.pyc")
        for navn in ("docs", "build_scripts", "calculators", "kilder"):
            shutil.copytree(ROD / navn, kopi / navn, ignore=ignorer)
        for navn in ("mkdocs.yml", "pyproject.toml"):
            shutil.copy2(ROD / navn, kopi / navn)
        (kopi / "node_modules").symlink_to(ROD / "node_modules", target_is_directory=True)
        aendr(kopi)
        return subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", *(["-q"] if stille else []),
             "-d", str(tmp_path / "site")],
            cwd=kopi, capture_output=True, text=True,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1", **(miljoe or {})})
    return byg
