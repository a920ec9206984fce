"""What the first matplotlib figure after a page load costs, against the same figure drawn again,
with the font list the runner ships and with a stale one (as Pyodide's wheel has it: matplotlib
then rebuilds the list at every page load). Headless Chromium (Debian's), a local server, the
real theme, macros, hooks, runtime and wheel.

    .venv/bin/python scripts/bench_plot.py [--runs 3]

Each run opens a fresh browser context (cold cache) per variant, the variants taking turns so a
busy moment costs both alike; it runs a cell without matplotlib so that Python is loaded, then a
plotting cell twice. Times are the cells' own "Done in N ms" (the worker's time from receiving
the cell to its end: fetching and importing matplotlib on the first run, the plot alone on the
second). In the stale variant the first cell turns off the runner's step that puts its font
list in place, so matplotlib finds the wheel's own, as before that step existed. It also counts
first runs that printed on stderr (matplotlib's "building the font cache" warning, for one).
Target: no stderr; the first plot costs the plot plus fetching and importing matplotlib.
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
WARM```

```python run title="Plot"
import matplotlib.pyplot as plt
plt.plot([3, 1, 2], label="a line")
plt.title("A title")
plt.legend()
plt.show()
```
"""
STALE = """import gradlab_runner
gradlab_runner._place_font_list = lambda: None
"""
VARIANTS = {"shipped font list": "", "wheel's stale font list": "stale/"}
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


def measure(browser, url: str, runs: int) -> tuple[dict[str, list[float]], dict[str, list[str]]]:
    results: dict[str, list[float]] = {}
    warnings: dict[str, list[str]] = {variant: [] for variant in VARIANTS}
    for _ in range(runs):
        for variant, path in VARIANTS.items():
            context = browser.new_context()
            page = context.new_page()
            page.goto(url + path)
            run_cell(page, "Warm")
            first, stderr = run_cell(page, "Plot")
            again, _ = run_cell(page, "Plot")
            results.setdefault(f"{variant}: first plot after load", []).append(first)
            results.setdefault(f"{variant}: the same plot again", []).append(again)
            if stderr:
                warnings[variant].append(stderr)
            context.close()
    return results, warnings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    workdir = Path(tempfile.mkdtemp(prefix="gradlab-bench-plot-"))
    try:
        pages = {"index.md": PAGE.replace("WARM", ""), "stale.md": PAGE.replace("WARM", STALE)}
        config = write_project(workdir, pages, SITE_HOOKS)
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
    baseline = f"{next(iter(VARIANTS))}: the same plot again"
    print(f"\nmedians of {args.runs} fresh page loads per variant (ms, the cell's own time); ratio against {baseline}\n")
    print(f"{'measure':50} {'median':>8} {'ratio':>7}")
    for key, value in medians.items():
        print(f"{key:50} {value:8.0f} {value / medians[baseline]:6.1f}x")
    for variant, texts in warnings.items():
        print(f"\n{variant}: first runs that printed on stderr: {len(texts)} of {args.runs}")
        for text in sorted(set(texts)):
            print("  " + text.strip()[:200])

if __name__ == "__main__":
    main()
