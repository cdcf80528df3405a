"""MkDocs hook: write the service worker (site/sw.js) that keeps the site usable offline.

Its VERSION is a hash of every file of the build, so any change — a page, a rule, the
calculators — makes browsers install the new worker, which drops the old cache. The
template is docs/javascripts/sw.template.js; it lists the build's versioned files so that
runtime files of older builds are removed.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

ROD = Path(__file__).resolve().parents[2]
SKABELON = ROD / "docs" / "javascripts" / "sw.template.js"
VERSIONERET = re.compile(r"^assets/(pyodide/[0-9][^/]*/|beregnere/(calculators|snapshot)-[0-9a-f]+\.)"
                         r"|\.[0-9a-f]{8}\.min\.(js|css)$")


def on_post_build(config, **kwargs):
    site = Path(config["site_dir"])
    (site / "javascripts" / SKABELON.name).unlink(missing_ok=True)
    h = hashlib.sha256()
    versionerede = []
    for fil in sorted(p for p in site.rglob("*") if p.is_file()):
        rel = fil.relative_to(site).as_posix()
        if rel == "sw.js" or rel.endswith(".gz"):
            continue
        h.update(rel.encode() + b"\0" + hashlib.sha256(fil.read_bytes()).digest())
        if VERSIONERET.search(rel):
            versionerede.append(rel)
    sw = (SKABELON.read_text()
          .replace("__VERSION__", h.hexdigest()[:16])
          .replace("__VERSIONEREDE__", json.dumps(versionerede)))
    (site / "sw.js").write_text(sw)
