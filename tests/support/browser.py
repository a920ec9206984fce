"""Headless Debian Chromium for the browser tests (never `playwright install`): how it is started,
what a page is watched for, and axe-core's accessibility verdict."""

from __future__ import annotations

import json
import re
from urllib.parse import urlparse

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


def open_page(browser, url: str, service_workers: str = "allow"):
    """A fresh tab (own context, so own cache and service workers) watched for other hosts."""
    context = browser.new_context(service_workers=service_workers)
    page = context.new_page()
    page.watch = PageWatch(page, url)
    page.workers_started = []
    page.on("worker", lambda worker: page.workers_started.append(worker.url))
    return page


PYTHON_WORKER = re.compile(r"/assets/runtime/worker-[0-9a-f]{12}\.js$")  # the URL carries a hash of worker.js


def python_workers(page) -> list[str]:
    """The Python workers a tab from open_page started."""
    return [url for url in page.workers_started if PYTHON_WORKER.search(url)]


# Every Python worker a page starts gets an empty script instead, in the page itself: a route
# would miss the worker's script once the service worker controls the page (its fetches bypass
# Playwright's routing), and Pyodide would load after all.
NO_PYTHON = """(() => {
  const Real = window.Worker;
  const python = new RegExp(%s);
  const empty = URL.createObjectURL(new Blob([""], { type: "text/javascript" }));
  window.Worker = function Worker(url, options) {
    return new Real(python.test(String(url)) ? empty : url, options);
  };
  window.Worker.prototype = Real.prototype;
})();""" % json.dumps(PYTHON_WORKER.pattern)


def without_python(context) -> None:
    """For a test that reads a page with code cells but runs none: the Python worker never
    answers, so Pyodide is not loaded (seconds of CPU for every page that shows a cell)."""
    context.add_init_script(NO_PYTHON)


def wait_for_widgets(page) -> None:
    """Every widget of the page has mounted: those in view at once, the rest a few at a time in
    the browser's idle moments after the load (overrides/assets/gradlab.js). A concrete sign,
    where `networkidle` costs half a second of silence."""
    page.wait_for_function("!document.querySelector('[data-gl-component]:not([data-gl-mounted])')")


def edit_code(box) -> None:
    """Click a code cell's code (`box`, its textbox) and wait for its editor to take the focus:
    until the reader uses a cell, its highlighted code stands in for the editor, and keys pressed
    before the editor has arrived are not typed."""
    box.click()
    box.page.wait_for_function("document.activeElement?.classList.contains('cm-content')")


def axe_violations(page) -> list:
    """Run axe-core (bundled with axe-playwright-python, no network) and return its violations."""
    return _axe(page, {"resultTypes": ["violations"]})  # axe-playwright-python's default


def contrast_violations(page) -> list:
    """axe's colour-contrast rule alone: the one rule a colour scheme changes."""
    return _axe(page, {"runOnly": ["color-contrast"], "resultTypes": ["violations"]})


# A lesson's blocks below the first screens are painted only as they near the viewport
# (content-visibility: auto, overrides/assets/base.css), and axe read the colours of a block not
# painted yet from whatever the point showed (1.3:1, black on black). It checks every block as a
# reader sees it once there: painted.
EVERY_BLOCK_PAINTED = ".md-content__inner > * { content-visibility: visible !important; }"


def _axe(page, options: dict) -> list:
    from axe_playwright_python.sync_playwright import Axe

    style = page.add_style_tag(content=EVERY_BLOCK_PAINTED)
    try:
        settle(page)
        return Axe().run(page, options=options).response["violations"]
    finally:
        style.evaluate("(style) => style.remove()")


def settle(page) -> None:
    """Bring running transitions and animations to their end: a colour caught mid-way (Material
    fades the header title on scroll, a button its focus colour) is not the colour a reader sees.
    Finished at once rather than awaited: awaiting `animation.finished` once hung a full run for
    good, in a headless frame that stopped advancing."""
    page.evaluate("document.getAnimations()"
                  ".filter(a => isFinite(a.effect?.getTiming().iterations ?? 1)).forEach(a => a.finish())")


def switch_to_dark(page) -> None:
    """Switch the colour scheme as a reader does: Material's palette toggle, a radio named for
    what it does, pressed from the keyboard."""
    page.get_by_role("radio", name="Switch to dark mode").focus()
    page.keyboard.press("Enter")
    page.wait_for_function("document.body.dataset.mdColorScheme === 'slate'")


def describe_violations(violations) -> str:
    return "\n".join(
        f"{v['id']}: {v['help']} — " + "; ".join(
            (n["target"][0] if isinstance(n["target"][0], str) else str(n["target"]))
            + (f" ({' '.join(n['failureSummary'].split())})" if n.get("failureSummary") else "")
            for n in v["nodes"][:5]
        )
        for v in violations
    )
