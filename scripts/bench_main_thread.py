"""What a page's load costs a phone's main thread, traced rather than scored: each page is loaded
in headless Chromium (Debian's) at a 4x slower CPU and a phone's viewport, and Chromium's own trace
of the renderer's main thread is summed: busy time, style recalculation, layout, and the part of
each task beyond 50 ms (what Lighthouse's TBT adds up, here from navigation on). Medians of
several loads, against the same baseline as scripts/bench_pages.py (a plain Material page built
and served in the same run).

    .venv/bin/python scripts/bench_main_thread.py [--pages lessons/autodiff ...] [--runs 5]

Lighthouse's mobile TBT simulates a slower CPU from one unthrottled load, and moves by 100 ms and
more between runs of the same page on this 2-core machine; these sums move by about a tenth, so
they show a change of a page's weight that TBT hides. Style recalculation is what a lesson's size
costs most: Material restyles the whole page several times while it starts.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scripts.bench_pages import BASELINE, serve_targets  # noqa: E402
from tests.support.browser import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

PHONE = {"viewport": {"width": 412, "height": 823}, "is_mobile": True, "device_scale_factor": 1.75}
CATEGORIES = "devtools.timeline,disabled-by-default-devtools.timeline"
QUIET = 3000  # ms after the load event: widgets mount when the browser is idle
COLUMNS = ("busy", "style", "layout", "over 50")
DEFAULT_PAGES = ["index", "lessons/one-training-step", "lessons/autodiff", "lessons/learning-rate-and-optimizers", "lessons/build-your-own-autograd"]


def trace_load(browser, url: str) -> list[dict]:
    """The trace events of one load of `url`, from navigation to QUIET ms after its load event."""
    context = browser.new_context(**PHONE, service_workers="block")  # one load, not the isolation reload
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
    events, done = [], []
    cdp.on("Tracing.dataCollected", lambda message: events.extend(message["value"]))
    cdp.on("Tracing.tracingComplete", lambda _: done.append(True))
    cdp.send("Tracing.start", {"categories": CATEGORIES, "transferMode": "ReportEvents"})
    page.goto(url, wait_until="load")
    page.wait_for_timeout(QUIET)
    cdp.send("Tracing.end")
    while not done:
        page.wait_for_timeout(50)
    context.close()
    return events


def main_thread_sums(events: list[dict]) -> dict[str, float]:
    """Sums in ms over the renderer's main thread of the page (the busiest CrRendererMain)."""
    threads = {(e["pid"], e["tid"]) for e in events if e.get("name") == "thread_name" and e["args"].get("name") == "CrRendererMain"}
    spans: dict[tuple, list[dict]] = {thread: [] for thread in threads}
    for e in events:
        if e.get("ph") == "X" and (e["pid"], e["tid"]) in spans:
            spans[e["pid"], e["tid"]].append(e)
    main = max(spans.values(), key=lambda es: sum(e["dur"] for e in es if e["name"] == "RunTask"))
    total = lambda name: sum(e["dur"] for e in main if e["name"] == name) / 1000  # noqa: E731
    tasks = [e["dur"] / 1000 for e in main if e["name"] == "RunTask"]
    return {"busy": sum(tasks), "style": total("UpdateLayoutTree"), "layout": total("Layout"),
            "over 50": sum(task - 50 for task in tasks if task > 50)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", nargs="*", default=DEFAULT_PAGES, help="paths under the site root ('index' is the home page)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="gradlab-main-thread-") as workdir:
        targets, servers = serve_targets(Path(workdir), args.pages)
        rows: dict[str, list[dict[str, float]]] = {name: [] for name in targets}
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                for run in range(args.runs):  # rounds, so a busy moment costs every page alike
                    for name, address in targets.items():
                        rows[name].append(main_thread_sums(trace_load(browser, address)))
                    print(f"  round {run + 1} of {args.runs} done", file=sys.stderr, flush=True)
                browser.close()
        finally:
            for server in servers:
                server.shutdown()
    report(rows, args.runs)


def report(rows: dict[str, list[dict[str, float]]], runs: int) -> None:
    medians = {name: {column: statistics.median(run[column] for run in values) for column in COLUMNS} for name, values in rows.items()}
    base = medians[BASELINE]
    print(f"\nMain thread during load at a 4x slower CPU, phone viewport: medians of {runs} loads, ms;")
    print(f"x: busy and style as multiples of the {BASELINE}\n")
    print(f"{'page':45} " + " ".join(f"{column:>8}" for column in COLUMNS) + f" {'busy x':>7} {'style x':>7}")
    for name, median in medians.items():
        print(f"{name:45} " + " ".join(f"{median[column]:8.0f}" for column in COLUMNS)
              + f" {median['busy'] / base['busy']:7.2f} {median['style'] / base['style']:7.2f}")


if __name__ == "__main__":
    main()
