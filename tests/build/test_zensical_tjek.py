"""``make zensical-check`` (build_scripts/zensical_tjek.py) reports and never fails. A stand-in for
Zensical (which, like the real one, runs no hooks) writes only the pages into the site_dir it is given."""

from __future__ import annotations

import shutil
import stat
import sys
from pathlib import Path

from build_scripts import zensical_tjek

ROD = Path(__file__).resolve().parents[2]

STEDFORTRAEDER = """#!{python}
import re, shutil, sys
from pathlib import Path
konfig = Path(sys.argv[sys.argv.index("-f") + 1]).read_text()
ud = Path(re.search(r"(?m)^site_dir: (.*)$", konfig).group(1))
for side in Path({kilde!r}).rglob("*.html"):
    maal = ud / side.relative_to({kilde!r})
    maal.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(side, maal)
"""


def _reference(rod: Path) -> Path:
    site = rod / "reference"
    (site / "beregnere" / "noegletal").mkdir(parents=True)
    (site / "index.html").write_text("<!doctype html><title>Forside</title>")
    (site / "beregnere" / "noegletal" / "index.html").write_text('<div data-beregner="noegletal"></div>')
    (site / "sw.js").write_text("// sw")
    (site / "assets" / "beregnere").mkdir(parents=True)
    (site / "assets" / "beregnere" / "manifest.json").write_text("{}")
    return site


def test_rapporterer_hvad_zensical_mangler_foer_og_efter_efterbyg(tmp_path, capsys):
    reference = _reference(tmp_path)
    program = tmp_path / "zensical"
    program.write_text(STEDFORTRAEDER.format(python=sys.executable, kilde=str(reference)))
    program.chmod(program.stat().st_mode | stat.S_IXUSR)
    ud = tmp_path / "zensical-site"

    assert zensical_tjek.main(["--zensical", str(program), "--ud", str(ud), str(reference)]) == 0
    ud_tekst = capsys.readouterr().out
    foer, efter = ud_tekst.split("== Zensical + efterbyg")
    assert "sw.js: MANGLER" in foer and "assets/beregnere/manifest.json: MANGLER" in foer
    assert "sw.js: findes" in efter and "Pyodide-runtime: findes" in efter and "beregner-hjul: findes" in efter
    assert "sider med en beregner: 1 (site/: 1)" in efter
    assert (ud / "sw.js.gz").is_file()
    assert not (ROD / ".zensical-check.yml").exists()  # the temporary config is gone


def test_uden_zensical_fejler_tjekket_ikke(tmp_path, capsys):
    reference = _reference(tmp_path)
    assert zensical_tjek.main(["--zensical", str(tmp_path / "findes-ikke"), "--ud", str(tmp_path / "ud"),
                               str(reference)]) == 0
    assert "intet sammenlignet" in capsys.readouterr().out
    shutil.rmtree(reference)
    assert zensical_tjek.main(["--zensical", str(tmp_path / "findes-ikke"), "--ud", str(tmp_path / "ud"),
                               str(reference)]) == 0
