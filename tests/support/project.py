"""Throwaway MkDocs projects that use this repository's theme overrides, macros and (when asked)
its build hooks, for tests that need a real `mkdocs build` of content they control; and the
builder and static server every built site in the tests goes through.
Import it as `tests.support.project` (pytest.ini puts the repository root on sys.path)."""

from __future__ import annotations

import functools
import http.server
import os
import socket
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

from mkdocs.utils.yaml import yaml_load

ROOT = Path(__file__).resolve().parents[2]

with open(ROOT / "mkdocs.yml", encoding="utf-8") as _config:
    # The site's own hooks (front end, Python runtime, microtorch wheel), as mkdocs.yml lists them.
    SITE_HOOKS = tuple(yaml_load(_config)["hooks"])
FRONT_END = ("scripts/hooks/frontend.py",)  # the JavaScript bundle alone: no Python runtime


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


def write_project(root: Path, pages: dict[str, str], hooks: tuple[str, ...] = (), extra: str = "") -> Path:
    """Write a MkDocs project under `root` with `pages` ({path under docs/: text}) that uses this
    repository's theme overrides and macros, and `hooks` (FRONT_END, SITE_HOOKS or none);
    `extra` is appended to its mkdocs.yml. Returns the path of that mkdocs.yml."""
    for name, text in pages.items():
        path = root / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    nav = "".join(f"  - {name}\n" for name in pages if name.endswith(".md"))
    listed = "".join(f"  - {ROOT / hook}\n" for hook in hooks)
    config = root / "mkdocs.yml"
    # INHERIT keeps the site's Markdown extensions and theme; paths are made absolute because
    # the inherited ones are relative to the repository.
    config.write_text(
        f"INHERIT: {ROOT / 'mkdocs.yml'}\n"
        "site_name: Test project\n"
        f"theme:\n  custom_dir: {ROOT / 'overrides'}\n"
        "plugins:\n"
        "  - search\n"
        "  - macros:\n"
        f"      module_name: {ROOT / 'macros'}\n"
        "      on_error_fail: true\n"
        "      on_undefined: strict\n"
        f"hooks:\n{listed or '  []'}\n"
        f"nav:\n{nav}{extra}",
        encoding="utf-8",
    )
    return config


def build_project(root: Path, pages: dict[str, str], hooks: tuple[str, ...] = (), site_url: str | None = None,
                  extra: str = ""):
    """Write the project under `root`, build it; returns (finished process, site directory)."""
    config = write_project(root, pages, hooks, extra)
    site = root / "site"
    return build_site(site, config, site_url=site_url), site


def serve_project(root: Path, pages: dict[str, str], hooks: tuple[str, ...] = FRONT_END, extra: str = ""):
    """Build the project and serve it; a generator for module fixtures: `yield from
    serve_project(...)` yields the base URL and stops the server afterwards. Its site_url names
    another port, so links load whole pages (instant navigation needs build_project(site_url=))."""
    result, site = build_project(root, pages, hooks, extra=extra)
    assert result.returncode == 0, result.stdout + result.stderr
    url, server = serve(site)
    yield url
    server.shutdown()
