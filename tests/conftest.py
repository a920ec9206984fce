"""Shared fixtures: one build of the site per test session, a local static server, and headless
Debian Chromium driven by Playwright (never `playwright install`)."""

from __future__ import annotations

import functools
import http.server
import os
import socket
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import urlparse

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


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


@pytest.fixture(scope="session")
def site_port() -> int:
    return free_port()


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory, site_port) -> Path:
    out = tmp_path_factory.mktemp("site")
    result = build_site(out, site_url=f"http://127.0.0.1:{site_port}/")
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}"
    return out


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


@pytest.fixture(scope="session")
def base_url(site_dir, site_port) -> str:
    url, server = serve(site_dir, port=site_port)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is missing: run `make test` (it installs it) or `apt-get install chromium`.")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class PageWatch:
    """Records what a page did that a test may want to forbid: requests to other hosts and
    console errors."""

    def __init__(self, page, base_url: str):
        self.external: list[str] = []
        self.console_errors: list[str] = []
        host = urlparse(base_url).netloc
        page.on("request", lambda r: self._request(r.url, host))
        page.on("console", lambda m: m.type == "error" and self.console_errors.append(m.text))
        page.on("pageerror", lambda e: self.console_errors.append(str(e)))

    def _request(self, url: str, host: str):
        parts = urlparse(url)
        if parts.scheme in ("http", "https", "ws", "wss") and parts.netloc != host:
            self.external.append(url)

    def assert_clean(self):
        assert not self.external, f"requests to other hosts: {self.external}"
        assert not self.console_errors, f"console errors: {self.console_errors}"


@pytest.fixture
def context(browser):
    context = browser.new_context()
    yield context
    context.close()


@pytest.fixture
def page(context, base_url):
    page = context.new_page()
    page.watch = PageWatch(page, base_url)
    yield page
    page.close()


def axe_violations(page) -> list:
    """Run axe-core (bundled with axe-playwright-python, no network) and return its violations."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return results.response["violations"]


def describe_violations(violations) -> str:
    return "\n".join(
        f"{v['id']}: {v['help']} — " + "; ".join(n["target"][0] if isinstance(n["target"][0], str) else str(n["target"]) for n in v["nodes"][:5])
        for v in violations
    )
