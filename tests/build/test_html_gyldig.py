"""Every built page is valid HTML: the Nu Html Checker (vnu, pinned from npm) over the whole site.

The few things the stock Material theme writes that the checker rejects are corrected where they are written
(build_scripts/hooks/html_rettelser.py), never tolerated here. Warnings are allowed except the ones listed.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

ROD = Path(__file__).resolve().parents[2]
VNU = ROD / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


@pytest.fixture(scope="module")
def vnu_rapport(bygget_site) -> list[dict]:
    java = shutil.which("java")
    assert java, "Java is needed for the Nu Html Checker (make test installs default-jre-headless)"
    assert VNU.is_file(), "vnu-jar is missing: run npm ci"
    sider = sorted(str(p) for p in bygget_site.rglob("*.html"))
    assert len(sider) > 10
    proc = subprocess.run([java, "-jar", str(VNU), "--format", "json", "--exit-zero-always", *sider],
                          capture_output=True, text=True, timeout=600)
    return json.loads(proc.stderr or '{"messages": []}')["messages"]


def test_ingen_fejl_paa_nogen_side(vnu_rapport, bygget_site):
    fejl = [f"{Path(m['url']).relative_to(bygget_site.resolve()) if m.get('url', '').startswith('/') else m.get('url')}"
            f":{m.get('lastLine')}: {m['message']}"
            for m in vnu_rapport if m["type"] == "error"]
    assert fejl == []


def test_tjekket_ser_hver_side(vnu_rapport, tmp_path):
    """The checker really reads the pages: a broken copy gives an error."""
    side = tmp_path / "brudt.html"
    side.write_text('<!DOCTYPE html><html lang="da"><head><title>x</title></head><body><p><div></p></body></html>')
    proc = subprocess.run([shutil.which("java") or "java", "-jar", str(VNU), "--format", "json", str(side)],
                          capture_output=True, text=True, timeout=120)
    assert any(m["type"] == "error" for m in json.loads(proc.stderr)["messages"])
