"""A small static server for the built site: ``python -m build_scripts.serve [--host H] [--port P] DIR``.

Like ``python -m http.server``, plus what the site needs from a real host: it sends the
pre-compressed ``.gz`` copy of a file when the browser accepts gzip (the Pyodide runtime and
snapshot shrink to a quarter), and it sends the correct types for ``.wasm``, ``.mjs`` and
``.whl``. Production hosting is described in the README (nginx configuration in deploy/).
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import os
from pathlib import Path

TYPER = {".wasm": "application/wasm", ".mjs": "text/javascript", ".js": "text/javascript",
         ".whl": "application/zip", ".bin": "application/octet-stream", ".ics": "text/calendar"}


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **TYPER}

    def send_head(self):
        sti = Path(self.translate_path(self.path))
        gz = sti.with_name(sti.name + ".gz")
        if (sti.is_file() and gz.is_file() and "gzip" in self.headers.get("Accept-Encoding", "")):
            try:
                f = gz.open("rb")
            except OSError:
                return super().send_head()
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(sti)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(os.fstat(f.fileno()).st_size))
            self.send_header("Vary", "Accept-Encoding")
            self.send_header("Last-Modified", self.date_time_string(int(sti.stat().st_mtime)))
            self.end_headers()
            return f
        return super().send_head()

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
