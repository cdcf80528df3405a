"""A named publisher, and review dates: what the pages say, and what a production build refuses."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from indhold_hjaelp import ROD


def test_hver_side_viser_naeste_gennemgang(bygget_site):
    tekst = (bygget_site / "noegletal" / "index.html").read_text(encoding="utf-8")
    assert "Senest gennemgået:" in tekst and "Næste gennemgang:" in tekst


def test_foden_siger_at_udgiveren_mangler(bygget_site):
    tekst = (bygget_site / "index.html").read_text(encoding="utf-8")
    assert "Udgiveren er endnu ikke angivet" in tekst


def _byg(kopi_fra: Path, ud: Path, **miljoe) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(ud)], cwd=kopi_fra,
                          capture_output=True, text=True,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **miljoe})


def test_udgivelse_afvises_uden_udgiver_kontakt_og_adresse(tmp_path):
    proc = _byg(ROD, tmp_path / "site", LBF_UDGIVELSE="1", LBF_UDEN_SNAPSHOT="1")
    assert proc.returncode != 0
    fejl = proc.stdout + proc.stderr
    assert "Sitet kan ikke udgives" in fejl and "»udgiver«" in fejl and "»site_url«" in fejl


def test_udviklingsbyg_advarer_og_lister_forfaldne_sider(tmp_path):
    proc = _byg(ROD, tmp_path / "site", LBF_I_DAG="2031-01-01", LBF_UDEN_SNAPSHOT="1")
    assert proc.returncode == 0, proc.stderr
    log = proc.stdout + proc.stderr
    assert "før udgivelse mangler" in log
    assert "næste gennemgang er overskredet" in log and "noegletal/index.md" in log


def test_i_dag_styrer_listen(tmp_path):
    proc = _byg(ROD, tmp_path / "site", LBF_I_DAG="2026-11-30", LBF_UDEN_SNAPSHOT="1")
    assert proc.returncode == 0 and "næste gennemgang er overskredet" not in proc.stdout + proc.stderr
