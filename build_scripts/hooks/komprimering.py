"""MkDocs hook: write a gzip copy beside every text file and the big runtime files.

Servers that send pre-compressed files (nginx ``gzip_static``, build_scripts/serve.py) then
send a guide page in a fraction of its size, without compressing on every request. Runs
after the hooks that write files (it is listed after them in mkdocs.yml).
"""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

KOMPRIMERES = {".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".ics", ".txt", ".wasm", ".bin"}
MINDST = 1024


def on_post_build(config, **kwargs):
    for fil in Path(config["site_dir"]).rglob("*"):
        if fil.suffix in KOMPRIMERES and fil.is_file() and fil.stat().st_size >= MINDST:
            gz = fil.with_name(fil.name + ".gz")
            if gz.exists() and gz.stat().st_mtime >= fil.stat().st_mtime:
                continue
            with fil.open("rb") as ind, gzip.GzipFile(gz, "wb", compresslevel=6, mtime=0) as ud:
                shutil.copyfileobj(ind, ud, 1 << 20)
