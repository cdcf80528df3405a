"""The post-build step (build_scripts/efterbyg.py): on a small fake site, on the built site, and the
project install that lets every tool import it without sys.path edits."""

from __future__ import annotations

import gzip
import json
import re
import subprocess
import sys
import zipfile
from html import unescape as html_unescape
from pathlib import Path

import brotli
import pytest

from build_scripts import efterbyg
from build_scripts.hjul import kort_hash

ROD = Path(__file__).resolve().parents[2]
DATA = sorted(p.name for p in (ROD / "calculators" / "data").glob("*.toml"))
STOR_JS = "// glue\n" + "const x = 1;\n" * 200  # over efterbyg.MINDST


def _fake_site(rod: Path) -> Path:
    """What a site generator leaves: pages (one with a calculator), a theme bundle, our glue,
    a small file, and the service-worker template a generator may have copied."""
    site = rod / "site"
    (site / "beregnere" / "noegletal").mkdir(parents=True)
    (site / "index.html").write_text("<!doctype html><title>Forside</title>" + "<p>tekst</p>" * 200)
    (site / "beregnere" / "noegletal" / "index.html").write_text(
        '<!doctype html><script src="../../javascripts/beregner-start.js" data-start-beregner="noegletal"></script>'
        '<div data-beregner="noegletal" data-state="loading"></div>' + "<p>x</p>" * 200)
    (site / "assets" / "javascripts").mkdir(parents=True)
    (site / "assets" / "javascripts" / "bundle.a5f9d56c.min.js").write_text(STOR_JS)
    (site / "javascripts").mkdir()
    (site / "javascripts" / "beregner.js").write_text(STOR_JS)
    (site / "javascripts" / "sw.template.js").write_text("// template")
    (site / "lille.css").write_text("p{}")
    return site


@pytest.fixture(scope="module")
def kørt(tmp_path_factory):
    site = _fake_site(tmp_path_factory.mktemp("efterbyg"))
    manifest = efterbyg.main(site, snapshot=False)
    return site, manifest


def _laes_manifest_fra_side(html: str) -> dict:
    m = re.search(r'data-start-beregner="[a-z_]+" data-manifest="([^"]+)"', html)
    assert m, html[:300]
    return json.loads(html_unescape(m.group(1)))


def test_hjulet_er_navngivet_efter_sin_hash_og_har_reglerne(kørt):
    site, manifest = kørt
    assert re.fullmatch(r"calculators-[0-9a-f]{12}\.whl", manifest["hjul"])
    hjul = site / "assets" / "beregnere" / manifest["hjul"]
    assert manifest["hjul"] == f"calculators-{kort_hash(hjul)}.whl"
    with zipfile.ZipFile(hjul) as z:
        navne = z.namelist()
        wheel_meta = next(z.read(n).decode() for n in navne if n.endswith(".dist-info/WHEEL"))
    assert "Tag: py3-none-any" in wheel_meta
    assert DATA and all(f"calculators/data/{n}" in navne for n in DATA)
    # Only the calculators: the build scripts stay out of the browser's wheel.
    assert {n.split("/")[0] for n in navne} == {"calculators", "calculators-0.1.0.dist-info"}


def test_runtime_er_kopieret_og_staar_i_manifestet(kørt):
    site, manifest = kørt
    version = json.loads((efterbyg.PYODIDE / "package.json").read_text())["version"]
    assert manifest["pyodide"] == version
    assert manifest["runtime"] == list(efterbyg.RUNTIME_FILER)
    for navn in manifest["runtime"]:
        kopi = site / "assets" / "pyodide" / version / navn
        assert kopi.stat().st_size == (efterbyg.PYODIDE / navn).stat().st_size, navn
    assert json.loads((site / "assets" / "beregnere" / "manifest.json").read_text()) == manifest
    assert manifest["snapshot"] is None  # snapshot=False: pages start Python the normal way
    # ... from the whole standard library, under its hash; no standard library for a snapshot start.
    assert manifest["stdlib"]["snapshot"] is None
    stdlib = site / "assets" / "beregnere" / manifest["stdlib"]["normal"]
    assert re.fullmatch(r"stdlib-[0-9a-f]{12}\.zip", stdlib.name)
    assert stdlib.read_bytes() == (efterbyg.PYODIDE / "python_stdlib.zip").read_bytes()
    # The lock file is passed inline: its info, no packages (nothing can be loaded by name).
    laas = json.loads((efterbyg.PYODIDE / "pyodide-lock.json").read_text())
    assert manifest["laas"] == {"info": laas["info"], "packages": {}}
    assert not (site / "assets" / "pyodide" / version / "pyodide-lock.json").exists()


def test_beregnersiden_har_manifestet_paa_startscriptet(kørt):
    site, manifest = kørt
    side = (site / "beregnere" / "noegletal" / "index.html").read_text()
    assert _laes_manifest_fra_side(side) == manifest
    assert side.count("data-manifest=") == 1
    assert "data-manifest" not in (site / "index.html").read_text()


def test_service_worker_lister_de_versionerede_filer(kørt):
    site, manifest = kørt
    sw = (site / "sw.js").read_text()
    assert "__VERSION__" not in sw and "__VERSIONEREDE__" not in sw
    versionerede = set(json.loads(re.search(r"new Set\((\[.*?\])\)", sw).group(1)))
    assert f"assets/beregnere/{manifest['hjul']}" in versionerede
    assert f"assets/pyodide/{manifest['pyodide']}/pyodide.asm.wasm" in versionerede
    assert "assets/javascripts/bundle.a5f9d56c.min.js" in versionerede
    assert "javascripts/beregner.js" not in versionerede
    assert not (site / "javascripts" / "sw.template.js").exists()


def test_komprimering_sker_sidst_ogsaa_for_sw_js(kørt):
    site, _ = kørt
    assert gzip.decompress((site / "sw.js.gz").read_bytes()) == (site / "sw.js").read_bytes()
    assert brotli.decompress((site / "sw.js.br").read_bytes()) == (site / "sw.js").read_bytes()
    tekst = [p for p in site.rglob("*") if p.is_file() and p.suffix in efterbyg.KOMPRIMERES]
    store = [p for p in tekst if p.stat().st_size >= efterbyg.MINDST and p.suffix != ".zip"]
    assert len(store) >= 8
    for fil in store:
        gz, br = fil.with_name(fil.name + ".gz"), fil.with_name(fil.name + ".br")
        assert gz.is_file() and br.is_file(), fil
        assert gzip.decompress(gz.read_bytes()) == fil.read_bytes(), fil
        assert brotli.decompress(br.read_bytes()) == fil.read_bytes(), fil
        assert br.stat().st_size <= gz.stat().st_size, fil
    assert not (site / "lille.css.gz").exists() and not (site / "lille.css.br").exists()
    # A copy that would not be smaller is not written (the full standard library is deflated already).
    for fil in site.rglob("*.zip"):
        for kopi in (fil.with_name(fil.name + ".gz"), fil.with_name(fil.name + ".br")):
            assert not kopi.exists() or kopi.stat().st_size < fil.stat().st_size


def test_hver_fil_komprimeres_en_gang_pr_indhold(tmp_path, monkeypatch):
    """The cache: a second build compresses nothing it has compressed before (the copy comes from the
    cache, here replaced by a marker to prove it), and a changed file is compressed anew."""
    monkeypatch.setattr(efterbyg, "CACHE", tmp_path / "cache")
    site = tmp_path / "site"
    site.mkdir()
    fil = site / "side.js"
    fil.write_text(STOR_JS)
    assert {p.name for p in efterbyg.komprimer_site(site)} == {"side.js.br", "side.js.gz"}
    cachet = next((tmp_path / "cache" / "komprimeret").glob("*.br11"))
    cachet.write_bytes(brotli.compress(b"fra cachen"))
    (site / "side.js.br").unlink()
    efterbyg.komprimer_site(site)
    assert brotli.decompress((site / "side.js.br").read_bytes()) == b"fra cachen"
    fil.write_text(STOR_JS + "// ny\n")
    efterbyg.komprimer_site(site)
    assert brotli.decompress((site / "side.js.br").read_bytes()) == fil.read_bytes()


def test_brotlikvalitet(monkeypatch):
    monkeypatch.delenv("LBF_BROTLI_STOR", raising=False)
    assert efterbyg.brotli_kvalitet(10 << 20) == 11  # the WebAssembly: compressed once per machine
    assert efterbyg.brotli_kvalitet(efterbyg.STOR + 1) == 9  # the snapshot, in an everyday build
    monkeypatch.setenv("LBF_BROTLI_STOR", "11")
    assert efterbyg.brotli_kvalitet(efterbyg.STOR + 1) == 11  # make bench


def test_beregnersider_laeses_fra_html(kørt):
    site, _ = kørt
    assert efterbyg.beregnersider(site) == {"beregnere/noegletal/index.html": "noegletal"}


def test_gentaget_koersel_giver_samme_build_og_en_aendring_ny_version(tmp_path):
    site = _fake_site(tmp_path)
    foerste = efterbyg.main(site, snapshot=False)
    sw1 = (site / "sw.js").read_text()
    assert efterbyg.main(site, snapshot=False) == foerste  # the wheel is reproducible
    assert (site / "sw.js").read_text() == sw1
    (site / "index.html").write_text((site / "index.html").read_text() + "<p>ny</p>")
    efterbyg.main(site, snapshot=False)
    sw3 = (site / "sw.js").read_text()
    assert sw3 != sw1
    assert gzip.decompress((site / "sw.js.gz").read_bytes()).decode() == sw3


def test_intet_site_giver_en_klar_fejl(tmp_path):
    with pytest.raises(efterbyg.EfterbygFejl, match="index.html mangler"):
        efterbyg.main(tmp_path, snapshot=False)
    proc = subprocess.run([sys.executable, "-m", "build_scripts.efterbyg", str(tmp_path)], cwd=tmp_path,
                          capture_output=True, text=True)
    assert proc.returncode == 1 and "index.html mangler" in proc.stderr


def test_projektet_er_installeret_og_importeres_fra_enhver_mappe(tmp_path):
    proc = subprocess.run([sys.executable, "-c", "import calculators, build_scripts.efterbyg, sys;"
                           "print(calculators.__file__); print(build_scripts.efterbyg.__file__)"],
                          cwd=tmp_path, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == [str(ROD / "calculators" / "__init__.py"), str(ROD / "build_scripts" / "efterbyg.py")]


def test_ingen_sys_path_indgreb_i_build_scripts():
    fund = [str(p.relative_to(ROD)) for p in (ROD / "build_scripts").rglob("*.py")
            if "sys.path.insert" in p.read_text() or "sys.path.append" in p.read_text()]
    assert fund == []


def test_forhaandsvisningens_hook_koerer_kun_med_lbf_preview(monkeypatch):
    from build_scripts.hooks import pyodide_assets

    kald = []
    monkeypatch.setattr(pyodide_assets, "main", lambda site, **kw: kald.append((site, kw)))
    monkeypatch.delenv("LBF_PREVIEW", raising=False)
    pyodide_assets.on_post_build({"site_dir": "/x"})
    assert kald == []
    monkeypatch.setenv("LBF_PREVIEW", "1")
    pyodide_assets.on_post_build({"site_dir": "/x"})
    assert kald == [("/x", {"komprimer": False})]
    # After every other hook's on_post_build, whatever its place in mkdocs.yml.
    assert pyodide_assets.on_post_build.mkdocs_priority < 0


def test_det_byggede_site_har_alt_fra_efterbyg(bygget_site):
    manifest = json.loads((bygget_site / "assets" / "beregnere" / "manifest.json").read_text())
    beregnere = bygget_site / "assets" / "beregnere"
    assert (beregnere / manifest["hjul"]).is_file()
    for navn in manifest["runtime"]:
        assert (bygget_site / "assets" / "pyodide" / manifest["pyodide"] / navn).is_file()
    assert (bygget_site / "sw.js.gz").is_file() and (bygget_site / "sw.js.br").is_file()
    assert gzip.decompress((bygget_site / "sw.js.gz").read_bytes()) == (bygget_site / "sw.js").read_bytes()
    for fil in bygget_site.rglob("*"):
        if fil.is_file() and fil.suffix in efterbyg.KOMPRIMERES - {".zip"} and fil.stat().st_size >= efterbyg.MINDST:
            assert fil.with_name(fil.name + ".gz").is_file(), fil
            assert fil.with_name(fil.name + ".br").is_file(), fil
    assert len(efterbyg.beregnersider(bygget_site)) == 4
    # The snapshot (without its zero pages), its brotli copy under a third of it; the trimmed standard library, a fraction of the whole
    # (its brotli copy under 1 MB); the snapshot start's standard library, an empty zip.
    snapshot = beregnere / manifest["snapshot"]
    assert snapshot.with_name(snapshot.name + ".br").stat().st_size < snapshot.stat().st_size / 3
    stdlib = beregnere / manifest["stdlib"]["normal"]
    assert stdlib.with_name(stdlib.name + ".br").stat().st_size < 1_000_000
    with zipfile.ZipFile(stdlib) as z, zipfile.ZipFile(efterbyg.PYODIDE / "python_stdlib.zip") as fuld:
        assert len(z.namelist()) < len(fuld.namelist()) / 2
    with zipfile.ZipFile(beregnere / manifest["stdlib"]["snapshot"]) as z:
        assert z.namelist() == []
    # Every calculator page carries the manifest.
    for side in efterbyg.beregnersider(bygget_site):
        assert _laes_manifest_fra_side((bygget_site / side).read_text()) == manifest, side
