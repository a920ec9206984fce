"""Shared fixtures: one build of the site per test session, served locally, and headless Debian
Chromium driven by Playwright. The helpers behind them live in tests/support/."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.support.browser import CHROMIUM, CHROMIUM_ARGS, PageWatch
from tests.support.site import build_site, free_port, serve


@pytest.fixture(scope="session", autouse=True)
def shared_dir(tmp_path_factory):
    """Under xdist, a directory the run's workers share (their temp dirs' parent): what one
    worker computes for all, such as the course's cell outputs (tests/support/run_cells.py)."""
    if os.environ.get("PYTEST_XDIST_WORKER"):  # set in each worker; also runs with xdist off
        os.environ["GRADLAB_SHARED_DIR"] = str(tmp_path_factory.getbasetemp().parent)
    yield
    os.environ.pop("GRADLAB_SHARED_DIR", None)


@pytest.fixture(scope="session")
def site_port() -> int:
    return free_port()


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory, site_port) -> Path:
    out = tmp_path_factory.mktemp("site")
    result = build_site(out, site_url=f"http://127.0.0.1:{site_port}/")
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}"
    return out


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

