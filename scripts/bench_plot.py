"""What the first matplotlib figure after a page load costs, against the same figure drawn again.
Headless Chromium (Debian's), a local server, the real theme, macros, hooks, runtime and wheel.

    .venv/bin/python scripts/bench_plot.py [--runs 3]

Each run opens a fresh browser context (cold cache), runs a cell without matplotlib so that
Python is loaded, then runs a plotting cell twice. Times are the cells' own "Done in N ms" (the
worker's time from receiving the cell to its end: fetching and importing matplotlib on the
first run, the plot alone on the second). It also says whether the first run printed anything
on stderr (matplotlib's "building the font cache" warning, for one).
Target: first plot <= second plot + the cost of fetching and importing matplotlib, no stderr.
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.support.browser import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from tests.support.project import SITE_HOOKS, write_project  # noqa: E402
from tests.support.site import build_site, serve  # noqa: E402

PAGE = """# Plot

```python run title="Warm"
import torch
print(torch.ones(2))
```

```python run title="Plot"
import matplotlib.pyplot as plt
plt.plot([3, 1, 2], label="a line")
plt.title("A title")
plt.legend()
plt.show()
```
"""
DONE = re.compile(r"^Done in (\d+) ms$")
TIMEOUT = 300_000  # ms: a cold start on a loaded 2-core machine


def run_cell(page, title: str) -> tuple[int, str]:
    """Runs the cell; returns its "Done in" milliseconds and what it printed on stderr."""
    cell = page.get_by_role("group", name=title, exact=True)
    status = cell.get_by_role("status")
    page.evaluate("(el) => { el.textContent = ''; }", status.element_handle())
    cell.get_by_role("button", name="Run").click()
    status.filter(has_text=DONE).wait_for(timeout=TIMEOUT)
    stderr = " ".join(cell.locator(".gl-cell__stderr").all_inner_texts())
    return int(DONE.match(status.inner_text())[1]), stderr


def measure(browser, url: str, runs: int) -> tuple[dict[str, list[float]], list[str]]:
    results: dict[str, list[float]] = {}
    warnings = []
    for _ in range(runs):
        context = browser.new_context()
        page = context.new_page()
        page.goto(url)
        run_cell(page, "Warm")
        first, stderr = run_cell(page, "Plot")
        again, _ = run_cell(page, "Plot")
        results.setdefault("first plot after load", []).append(first)
        results.setdefault("the same plot again", []).append(again)
        if stderr:
            warnings.append(stderr)
        context.close()
    return results, warnings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    workdir = Path(tempfile.mkdtemp(prefix="gradlab-bench-plot-"))
    try:
        config = write_project(workdir, {"index.md": PAGE}, SITE_HOOKS)
        built = build_site(workdir / "site", config)
        if built.returncode != 0:
            raise SystemExit(f"build failed:\n{built.stderr[-3000:]}")
        url, server = serve(workdir / "site")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            results, warnings = measure(browser, url, args.runs)
            browser.close()
        server.shutdown()
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    medians = {key: statistics.median(values) for key, values in results.items()}
    print(f"\nmedians of {args.runs} fresh page loads (ms, the cell's own time)\n")
    print(f"{'measure':30} {'median':>8} {'ratio':>7}")
    for key, value in medians.items():
        print(f"{key:30} {value:8.0f} {value / medians['the same plot again']:6.1f}x")
    print(f"\nfirst runs that printed on stderr: {len(warnings)} of {args.runs}")
    for text in sorted(set(warnings)):
        print("  " + text.strip()[:200])


if __name__ == "__main__":
    main()
