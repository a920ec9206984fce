"""Fixtures for code-cell browser tests: a small site of pages with cells, built once per session
with the real theme, macros and hooks (front-end bundle, Pyodide runtime, microtorch wheel), and
served with or without cross-origin isolation."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.support.browser import open_page
from tests.support.project import SITE_HOOKS, build_project
from tests.support.site import free_port, serve

SLOW = 90_000  # ms: loading Pyodide, NumPy and microtorch on a busy 2-core machine
ISOLATION_HEADERS = {"Cross-Origin-Opener-Policy": "same-origin", "Cross-Origin-Embedder-Policy": "require-corp"}

PAGES = {
    "index.md": """
        # Cells

        ```python run title="Make x"
        import torch

        x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
        y = (x * x).sum()
        y.backward()
        print(x.grad)
        ```

        ```python run title="Use x"
        print(x.grad.sum().item() * 2)
        ```

        ```python run title="Alone" isolated
        print("x" in globals())
        ```

        ```python run title="Scratch" isolated
        print("ready")
        ```

        ```python run title="Guess" isolated predict id="guess"
        print(2 + 2)
        --- expect
        4
        ```

        ```python run title="Every kind of token" isolated
        # a comment, then a line long enough to need wrapping on a phone or a narrow window, really
        class Model:
            def forward(self, x=None, scale=2.5, name="model", flag=True):
                return [scale * value for value in range(10) if value % 2 == 0 and flag is not None]
        print(Model().forward())
        ```

        [Second page](second.md)
        """,
    "second.md": """
        # Second

        ```python run title="Second cell"
        import torch.nn as nn
        print(type(nn.Linear(2, 1)).__name__)
        ```
        """,
    "pictures.md": """
        # Pictures

        ```python run title="Plot"
        import matplotlib.pyplot as plt
        plt.plot([3, 1, 2])
        plt.show()
        ```

        ```python run title="Graph"
        import torch
        w = torch.tensor(2.0, requires_grad=True)
        z = w * w + 1
        z.backward()
        torch.viz.show(z, names={"w": w})
        ```

        ```python run title="Between prints" isolated
        import torch
        a = torch.tensor(2.0, requires_grad=True)
        b = torch.tensor(-3.0, requires_grad=True)
        print("before")
        print("still before")
        torch.viz.show(a * b)
        print("after")
        ```
        """,
    "controls.md": """
        # Controls

        {{ study_modes() }}

        {{ control("rate", cell="rated", min=0, max=1, step=0.1, label="Rate") }}

        ```python run title="Rated" id="rated"
        import time

        rate = 0.5
        runs = globals().get("runs", 0) + 1
        started = time.monotonic()
        while runs == 1 and time.monotonic() - started < 2:
            pass  # the first run is slow, so a test can turn the control while it runs
        print(f"rate {rate}, run {runs}")
        ```
        """,
    "plain.md": """
        # No cells

        ```python
        print("just text")
        ```
        """,
}


@pytest.fixture(scope="session")
def cells_port() -> int:
    # Material's instant navigation only follows links whose host *and port* match site_url
    # (from the sitemap), so the site is built for the port it will be served on.
    return free_port()


@pytest.fixture(scope="session")
def cells_root(tmp_path_factory, cells_port) -> Path:
    """The test site built for http://127.0.0.1:PORT/site/ into <root>/site, served from <root>
    as GitHub Pages serves a project site: every code-cell test also checks sub-path hosting (the
    course's own site, which the lesson tests read, is hosted at the root)."""
    root = tmp_path_factory.mktemp("cells")
    result, _ = build_project(root, PAGES, SITE_HOOKS, site_url=f"http://127.0.0.1:{cells_port}/site/")
    assert result.returncode == 0, f"building the code-cell test site failed:\n{result.stdout}\n{result.stderr}"
    return root


@pytest.fixture(scope="session")
def cells_url(cells_root):
    """The test site without isolation headers (like GitHub Pages before the service worker).
    Not on the port the site was built for, so its links load whole pages."""
    url, server = serve(cells_root)
    yield url + "site/"
    server.shutdown()


@pytest.fixture(scope="session")
def isolated_url(cells_root, cells_port):
    """The same site served with COOP/COEP, so the page is cross-origin isolated (as for a
    reader once the service worker has taken over), on the port it was built for."""
    url, server = serve(cells_root, ISOLATION_HEADERS, port=cells_port)
    yield url + "site/"
    server.shutdown()


@pytest.fixture
def cells_page(browser, cells_url):
    page = open_page(browser, cells_url)
    yield page
    page.context.close()


@pytest.fixture(scope="session")
def warmed_tab(browser, isolated_url):
    """One isolated tab on the code-cell site whose Python is loaded once per session, for the tests
    that run cells and read what they show (a cold start costs seconds on these machines). A test
    that uses it leaves it on a page of the site, in the light scheme. `fetched`
    lists every URL it asked for since it opened, `first_output` those before its first output."""
    page = open_page(browser, isolated_url)
    page.fetched = []
    page.on("request", lambda request: page.fetched.append(request.url))
    page.goto(isolated_url)
    scratch = page.get_by_role("group", name="Scratch", exact=True)
    scratch.get_by_role("button", name="Run").click()
    expect(scratch.get_by_role("region", name="Output of Scratch")).to_have_text("ready", timeout=SLOW)
    page.first_output = list(page.fetched)
    yield page
    page.context.close()


@pytest.fixture
def warm_page(warmed_tab, isolated_url):
    """The warmed tab on the first page, every cell showing its code as written, and a fresh
    watch, so each test asserts only on what it did. Instant navigation brings it back without
    restarting Python."""
    page = warmed_tab
    if page.url != isolated_url:
        page.get_by_role("link", name="Cells").first.click()
        page.wait_for_url(isolated_url)
    for reset in page.get_by_role("button", name="Reset").all():
        reset.click()
    page.watch.external.clear()
    page.watch.console_errors.clear()
    return page
