"""Build a MkDocs site as the Makefile does and serve a built site on loopback: every site the
tests build and open goes through these."""

from __future__ import annotations

import functools
import http.server
import os
import socket
import subprocess
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def build_site(
    out_dir: Path, config: Path = ROOT / "mkdocs.yml", strict: bool = True, site_url: str | None = None
) -> subprocess.CompletedProcess:
    """Run `mkdocs build` as the Makefile does; returns the finished process (check returncode).

    Material's instant navigation only intercepts links listed in sitemap.xml, matched with the
    port of `site_url`; a site served on another port must be built for that port."""
    command = [sys.executable, "-m", "mkdocs", "build", "--config-file", str(config), "--site-dir", str(out_dir)]
    if strict:
        command.append("--strict")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if site_url:
        env["GRADLAB_SITE_URL"] = site_url
    return subprocess.run(command, cwd=config.parent, env=env, capture_output=True, text=True)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class _Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".mjs": "text/javascript",
        ".js": "text/javascript",
        ".whl": "application/octet-stream",
    }
    extra_headers: dict[str, str] = {}

    def end_headers(self):
        for key, value in self.extra_headers.items():
            self.send_header(key, value)
        super().end_headers()

    def log_message(self, *args):
        pass


def serve(directory: Path, headers: dict[str, str] | None = None, port: int = 0):
    """Serve `directory` on loopback (a free port unless given); returns (base_url, server).
    Call server.shutdown() when done."""
    handler = type("Handler", (_Handler,), {"extra_headers": headers or {}})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(handler, directory=str(directory)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server
