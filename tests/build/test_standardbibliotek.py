"""The standard library the browser downloads (build_scripts/standardbibliotek.py): trimmed to what Pyodide's
start and the calculators use. The built site's trimmed zip must start Python and run every calculator; a zip
without a module a calculator imports must fail, naming the module."""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from build_scripts import standardbibliotek
from build_scripts.efterbyg import PYODIDE, SNAPSHOT_SCRIPT

FULD = PYODIDE / "python_stdlib.zip"


def test_importer_findes_overalt_i_koden(tmp_path):
    """Function-level and conditional imports count; relative imports, the package itself and __future__ do
    not."""
    pakke = tmp_path / "calculators"
    (pakke / "visning").mkdir(parents=True)
    (pakke / "__init__.py").write_text("from __future__ import annotations\nimport json\nfrom . import visning\n")
    (pakke / "visning" / "__init__.py").write_text(
        "from calculators import x\nfrom ..x import y\n\ndef f():\n    import csv\n    from xml.dom import minidom\n"
        "if False:\n    import zoneinfo\n")
    assert standardbibliotek.importerede_moduler(pakke) == ["csv", "json", "xml.dom", "zoneinfo"]


def test_kun_standardbiblioteket_er_tilladt():
    assert standardbibliotek.ikke_standardbibliotek(["json", "xml.dom", "numpy", "numpy.linalg"]) == \
        ["numpy", "numpy.linalg"]
    # The calculators themselves: stdlib only (the build refuses otherwise).
    assert standardbibliotek.ikke_standardbibliotek(standardbibliotek.importerede_moduler()) == []


def test_skriv_zip_beholder_det_brugte_og_pyodides_pakker(tmp_path):
    ud = tmp_path / "stdlib.zip"
    navne = standardbibliotek.skriv_zip(FULD, ["json/__init__.py", "json/decoder.py", "csv.py"], ud)
    with zipfile.ZipFile(ud) as z:
        infos = z.infolist()
    assert [i.filename for i in infos] == navne
    assert {"json/", "json/__init__.py", "json/decoder.py", "csv.py", "pyodide/__init__.py",
            "_pyodide/__init__.py"} <= set(navne)
    assert "json/encoder.py" not in navne and "email/__init__.py" not in navne
    assert all(i.compress_type == zipfile.ZIP_STORED and i.date_time == standardbibliotek.DATO for i in infos)
    with zipfile.ZipFile(ud) as z, zipfile.ZipFile(FULD) as fuld:
        assert z.read("csv.py") == fuld.read("csv.py")
    # The same files give the same bytes (the file's name is its hash).
    igen = tmp_path / "igen.zip"
    standardbibliotek.skriv_zip(FULD, ["csv.py", "json/decoder.py", "json/__init__.py"], igen)
    assert igen.read_bytes() == ud.read_bytes()
    with pytest.raises(ValueError, match="findes_ikke.py"):
        standardbibliotek.skriv_zip(FULD, ["findes_ikke.py"], tmp_path / "x.zip")


def test_tom_zip(tmp_path):
    standardbibliotek.skriv_tom_zip(tmp_path / "tom.zip")
    with zipfile.ZipFile(tmp_path / "tom.zip") as z:
        assert z.namelist() == []


def _tjek(hjul: Path, stdlib: Path, ud: Path) -> subprocess.CompletedProcess:
    """build_scripts/snapshot.mjs tjek: start Python from ``stdlib`` the normal way, import every calculator and
    every standard-library module they import, run every worked example and error path."""
    return subprocess.run(["node", str(SNAPSHOT_SCRIPT), "tjek", str(PYODIDE), str(hjul), str(stdlib), str(ud),
                           *standardbibliotek.importerede_moduler()], capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def bygget(bygget_site):
    beregnere = bygget_site / "assets" / "beregnere"
    manifest = json.loads((beregnere / "manifest.json").read_text())
    return beregnere / manifest["hjul"], beregnere / manifest["stdlib"]["normal"]


def test_det_trimmede_standardbibliotek_er_nok_til_alle_beregnere(bygget, tmp_path):
    hjul, stdlib = bygget
    proc = _tjek(hjul, stdlib, tmp_path / "brugte.json")
    assert proc.returncode == 0, proc.stderr[-2000:]
    with zipfile.ZipFile(stdlib) as z:
        i_zip = set(z.namelist())
    assert set(json.loads((tmp_path / "brugte.json").read_text())) <= i_zip
    # The check imported every module the calculators import (from the zip, or built into Pyodide: math, sys, io);
    # the ones only the calculators need are in the zip.
    assert {"tomllib", "csv", "decimal", "calendar", "fractions"} <= standardbibliotek.moduler_i_zip(stdlib)


def test_en_beregners_import_uden_for_zippen_faar_tjekket_til_at_fejle(bygget, tmp_path):
    """The zip without tomllib (which the calculators import, Pyodide's start does not): the check fails and
    names it."""
    hjul, stdlib = bygget
    uden = tmp_path / "uden-tomllib.zip"
    with zipfile.ZipFile(stdlib) as kilde, zipfile.ZipFile(uden, "w") as z:
        for info in kilde.infolist():
            if not info.filename.startswith("tomllib/"):
                z.writestr(info, kilde.read(info))
    assert "tomllib" in standardbibliotek.importerede_moduler()
    proc = _tjek(hjul, uden, tmp_path / "brugte.json")
    assert proc.returncode != 0
    assert "No module named 'tomllib'" in proc.stderr


def test_node_findes():
    assert shutil.which("node"), "Node is needed to build the snapshot and to check the standard library"
