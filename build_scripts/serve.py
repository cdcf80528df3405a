"""A small static server for the built site: ``python -m build_scripts.serve [--host H] [--port P] DIR``.

Like ``python -m http.server``, plus what the site needs from a real host: it sends the
pre-compressed copy of a file the browser accepts, brotli (``.br``) before gzip (``.gz``), as
nginx's ``brotli_static`` and ``gzip_static`` do (the Pyodide runtime and snapshot shrink to a
fifth). It sends the types and headers deploy/nginx.conf sends – read from that file, so the two cannot drift:
its ``types`` block and the ``default_type`` of its exact locations (``.wasm``, ``.mjs``, ``.whl``; the change feed
as Atom), the Cache-Control of its ``map`` (versioned files for a year, pages ``no-cache``, so an editor's rebuild
shows at once) and its ``add_header`` lines (the security policy and friends). Production hosting is described in the
README.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import os
import re
import urllib.parse
from pathlib import Path

NGINX = Path(__file__).resolve().parents[1] / "deploy" / "nginx.conf"


def nginx_hoveder(konf: Path = NGINX) -> tuple[str, list[tuple[re.Pattern[str], str]], list[tuple[str, str]]]:
    """From nginx.conf: the default Cache-Control, its ``(uri regex, value)`` rules and the fixed headers.

    >>> standard, regler, faste = nginx_hoveder()
    >>> standard, cache_control("/assets/pyodide/314.0.7/pyodide.asm.wasm", standard, regler)
    ('no-cache', 'public, max-age=31536000, immutable')
    >>> "Content-Security-Policy" in dict(faste)
    True
    """
    tekst = konf.read_text(encoding="utf-8")
    blok = re.search(r"map \$uri \$lbf_cache_control \{(.*?)\n\}", tekst, re.S)
    assert blok, f"{konf}: no map for $lbf_cache_control"
    standard = re.search(r'default\s+"([^"]*)"', blok.group(1))
    regler = [(re.compile(m.group(1)), m.group(2)) for m in re.finditer(r'"~([^"]+)"\s+"([^"]*)"', blok.group(1))]
    faste = [(m.group(1), m.group(2)) for m in re.finditer(r'add_header\s+(\S+)\s+"([^"]*)"\s+always;', tekst)]
    return (standard.group(1) if standard else "no-cache"), regler, faste


def nginx_typer(konf: Path = NGINX) -> tuple[dict[str, str], dict[str, str]]:
    """From nginx.conf: the type of each file extension (its ``types`` block) and of each exact location that sets
    its own ``default_type`` (``location = /aendringer.xml``).

    >>> endelser, steder = nginx_typer()
    >>> endelser[".wasm"], endelser[".xml"], steder["/aendringer.xml"]
    ('application/wasm', 'application/xml', 'application/atom+xml')
    """
    tekst = konf.read_text(encoding="utf-8")
    blok = re.search(r"^\s*types \{\n(.*?)^\s*\}", tekst, re.S | re.M)
    assert blok, f"{konf}: no types block"
    endelser = {f".{e}": m.group(1) for m in re.finditer(r"^\s*(\S+)\s+([^;]+);", blok.group(1), re.M)
                for e in m.group(2).split()}
    steder = {m.group(1): t.group(1) for m in re.finditer(r"location = (\S+) \{(.*?)\n    \}", tekst, re.S)
              if (t := re.search(r"default_type\s+(\S+);", m.group(2)))}
    return endelser, steder


def cache_control(uri: str, standard: str, regler: list[tuple[re.Pattern[str], str]]) -> str:
    return next((vaerdi for regex, vaerdi in regler if regex.search(uri)), standard)


def komprimeret_kopi(sti: Path, accept_encoding: str) -> tuple[Path, str] | None:
    """The pre-compressed copy of ``sti`` to send for this Accept-Encoding, and its Content-Encoding:
    ``.br`` when brotli is accepted and the copy exists, else ``.gz`` likewise, else None.

    >>> komprimeret_kopi(Path("/findes/ikke.js"), "gzip, br") is None
    True
    """
    koder = {k.split(";")[0].strip().lower() for k in accept_encoding.split(",")}
    for endelse, kodning in ((".br", "br"), (".gz", "gzip")):
        kopi = sti.with_name(sti.name + endelse)
        if kodning in koder and kopi.is_file():
            return kopi, kodning
    return None


_STANDARD, _REGLER, _FASTE = nginx_hoveder()
_ENDELSER, _STEDER = nginx_typer()


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **_ENDELSER}

    def guess_type(self, path):
        sted = _STEDER.get(urllib.parse.urlsplit(self.path).path)
        return sted or super().guess_type(path)

    def send_head(self):
        sti = Path(self.translate_path(self.path))
        kopi = sti.is_file() and komprimeret_kopi(sti, self.headers.get("Accept-Encoding", ""))
        if kopi:
            fil, kodning = kopi
            try:
                f = fil.open("rb")
            except OSError:
                return super().send_head()
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(sti)))
            self.send_header("Content-Encoding", kodning)
            self.send_header("Content-Length", str(os.fstat(f.fileno()).st_size))
            self.send_header("Vary", "Accept-Encoding")
            self.send_header("Last-Modified", self.date_time_string(int(sti.stat().st_mtime)))
            self.end_headers()
            return f
        return super().send_head()

    def end_headers(self) -> None:
        self.send_header("Cache-Control", cache_control(self.path.split("?", 1)[0], _STANDARD, _REGLER))
        for navn, vaerdi in _FASTE:
            self.send_header(navn, vaerdi)
        super().end_headers()

    def log_message(self, *args):
        if os.environ.get("LBF_LOG"):
            super().log_message(*args)


def lav_server(mappe: Path, host: str = "127.0.0.1", port: int = 0) -> http.server.ThreadingHTTPServer:
    return http.server.ThreadingHTTPServer((host, port), functools.partial(SiteHandler, directory=str(mappe)))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=8000)
    ap.add_argument("mappe", nargs="?", default="site")
    a = ap.parse_args()
    srv = lav_server(Path(a.mappe), a.host, a.port)
    print(f"Serverer {a.mappe}/ på http://{a.host}:{a.port}/ (Ctrl+C stopper)", flush=True)
    with contextlib.suppress(KeyboardInterrupt):
        srv.serve_forever()


if __name__ == "__main__":
    main()
