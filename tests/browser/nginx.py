"""Run the built site through Debian's nginx with the shipped deploy/nginx.conf, on 127.0.0.1."""

from __future__ import annotations

import contextlib
import re
import shutil
import socket
import subprocess
import time
from pathlib import Path

ROD = Path(__file__).resolve().parents[2]
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
# deploy/nginx.conf's brotli_static needs this module (Debian: libnginx-mod-http-brotli-static, installed by
# `make system-deps`); a distribution's nginx.conf loads it from modules-enabled/, this minimal one by path.
BROTLI_MODUL = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")


def fri_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def render_konfiguration(site: Path, port: int, mappe: Path) -> Path:
    """deploy/nginx.conf with only `listen` and `root` changed, wrapped in a minimal nginx.conf."""
    server = (ROD / "deploy" / "nginx.conf").read_text()
    server, n1 = re.subn(r"(?m)^(\s*)listen\s+[^;]+;", rf"\1listen 127.0.0.1:{port};", server)
    server, n2 = re.subn(r"(?m)^(\s*)root\s+[^;]+;", rf"\1root {site};", server)
    assert (n1, n2) == (1, 1), "deploy/nginx.conf must have exactly one listen and one root line"
    (mappe / "lbf.conf").write_text(server)
    for d in ("tmp", "logs"):
        (mappe / d).mkdir(exist_ok=True)
    hoved = mappe / "nginx.conf"
    # user root: the test site may sit in a private temporary folder (mode 0700).
    hoved.write_text(f"""
load_module {BROTLI_MODUL};
user root;
worker_processes 1;
daemon off;
pid {mappe}/nginx.pid;
error_log {mappe}/logs/error.log warn;
events {{ worker_connections 256; }}
http {{
    access_log off;
    client_body_temp_path {mappe}/tmp/body;
    proxy_temp_path {mappe}/tmp/proxy;
    fastcgi_temp_path {mappe}/tmp/fastcgi;
    uwsgi_temp_path {mappe}/tmp/uwsgi;
    scgi_temp_path {mappe}/tmp/scgi;
    sendfile on;
    include {mappe}/lbf.conf;
}}
""")
    return hoved


@contextlib.contextmanager
def nginx_server(site: Path, mappe: Path):
    port = fri_port()
    mappe.mkdir(parents=True, exist_ok=True)
    konf = render_konfiguration(site, port, mappe)
    test = subprocess.run([NGINX, "-t", "-p", str(mappe), "-c", str(konf)], capture_output=True, text=True)
    assert test.returncode == 0, test.stderr
    proc = subprocess.Popen([NGINX, "-p", str(mappe), "-c", str(konf)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        for _ in range(100):
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.1):
                break
            if proc.poll() is not None:
                raise RuntimeError(f"nginx stopped: {proc.stderr.read().decode()}")
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(timeout=10)
