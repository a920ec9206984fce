"""How fast code cells answer, against the floor of what Pyodide itself costs. One run, headless
Chromium (Debian's), a local server, the real theme, macros, hooks, runtime and microtorch wheel.

    .venv/bin/python scripts/bench_runtime.py [--runs 3]
    .venv/bin/python scripts/bench_runtime.py --wheels [--runs 7]
    .venv/bin/python scripts/bench_runtime.py --epoch [--runs 5]
    .venv/bin/python scripts/bench_runtime.py --throttled [--runs 3]

--epoch times, in the browser's Python, one epoch of scripts/bench_autograd.py's `epoch` workload
(the digits lesson's MLP through a DataLoader) under microtorch against the same epoch in
hand-written NumPy, epochs taking turns in one worker (the code is bench_autograd.py's own).

--wheels measures only the microtorch wheel, each kind scripts/hooks/runtime.py can build (plain
sources are the baseline), in fresh workers that take turns: loadPackage(wheel) (fetch, unpack)
and `import microtorch, gradlab_runner`, once NumPy is loaded and imported. The hook's KIND
keeps the fastest that still lets lesson 6 read microtorch's sources.

--throttled times a first visit on a slow connection (10 Mbit/s both ways, 40 ms round trip,
Chromium's DevTools protocol `Network.emulateNetworkConditions`): load, click Run as soon as it
shows, output; and the bytes fetched before that output, as decoded (uncompressed) and as sent
over the wire, from a server that compresses text and WebAssembly as GitHub Pages does
(scripts/serve_compressed.py), with the largest files.

Measured (medians over --runs fresh browser contexts; times from navigation start or click):
- floor: a bare page whose worker loads Pyodide with its own standard library and the site's lock
  file, then microtorch (and NumPy with it) by name, then runs the snippet; navigation start ->
  output.
- Gradlab, for each way of starting Python (click: on first Run; visible: when a cell nears
  the viewport; idle: when the browser is idle), cold and warm cache:
  load -> Run clicked as soon as it shows -> output; and Run clicked after 3 s on the page ->
  output (click to output); a rerun (click to output).
- the longest main-thread long task between a click and its output (PerformanceObserver).
- bytes of the runtime fetched by a page without cells.
Targets: cold load->output <= 1.15 x floor; after 3 s <= 300 ms; rerun <= 50 ms;
no long task > 50 ms during a run; 0 bytes on pages without cells.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import shutil
import statistics
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scripts.serve_compressed import serve_compressed  # noqa: E402
from scripts.vendor_pyodide import Cache, cache_dir  # noqa: E402
from tests.support.browser import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from tests.support.project import SITE_HOOKS, write_project  # noqa: E402  (the tests' site builder)
from tests.support.site import build_site, serve  # noqa: E402

SNIPPET = """x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
(x * x).sum().backward()
print(x.grad)"""
STRATEGIES = ("click", "visible", "idle")
RUNTIME_FILES = re.compile(r"pyodide|/wheels/|/runtime/|chunks/(editor|viz)")

FLOOR_PAGE = """<!doctype html><html lang="en"><title>floor</title><body><pre id="out"></pre><script>
const worker = new Worker("worker.js");
worker.onmessage = ({data}) => { document.getElementById("out").textContent = data; window.__done = performance.now(); };
</script></body></html>"""
FLOOR_WORKER = """importScripts("../assets/pyodide/pyodide.js");
(async () => {
  const pyodide = await loadPyodide({indexURL: new URL("../assets/pyodide/", location).href, lockFileURL: new URL("../LOCK", location).href, stdLibURL: new URL("../floor/python_stdlib.zip", location).href});
  await pyodide.loadPackage(["microtorch"], {messageCallback: () => {}});
  let out = "";
  pyodide.setStdout({batched: (line) => { out += line + "\\n"; }});
  pyodide.runPython(`import microtorch as torch\\nSNIPPET`);
  postMessage(out);
})();"""

EPOCH_PAGE = FLOOR_PAGE.replace("<title>floor</title>", "<title>epoch</title>")
EPOCH_WORKER = """importScripts("../assets/pyodide/pyodide.js");
(async () => {
  const pyodide = await loadPyodide({indexURL: new URL("../assets/pyodide/", location).href, lockFileURL: new URL("../LOCK", location).href, stdLibURL: new URL("../floor/python_stdlib.zip", location).href});
  await pyodide.loadPackage(["microtorch"], {messageCallback: () => {}});
  pyodide.FS.writeFile("/home/pyodide/bench_autograd.py", await (await fetch("bench_autograd.py")).text());
  postMessage(pyodide.runPython(`
import json, microtorch, bench_autograd as b
x, y = b.make_epoch_data()
weights = b.make_weights(b.EPOCH_SIZES, seed=5)
times = {"numpy": [], "microtorch": []}
for _ in range(RUNS):   # taking turns, so a busy moment costs both alike
    b.epoch_numpy(x, y, weights, 1, times["numpy"])
    b.epoch_torchlike(microtorch, x, y, weights, 1, times["microtorch"])
json.dumps(times)`));
})();"""

# Records, in page time, when a cell's status says "Done", when Run was clicked, and long tasks.
PROBE = """
window.__done = null; window.__click = null; window.__long = [];
new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__long.push([e.startTime, e.duration]); })
  .observe({type: "longtask", buffered: true});
document.addEventListener("click", () => { window.__click = performance.now(); }, true);
new MutationObserver(() => {
  const status = document.querySelector(".gl-cell__status");
  if (status && status.textContent.startsWith("Done") && window.__done === null) window.__done = performance.now();
}).observe(document, {subtree: true, childList: true, characterData: true});
"""


def build(workdir: Path) -> Path:
    pages = {"bench.md": f"# Bench\n\n```python run title=\"Bench\"\nimport torch\n{SNIPPET}\n```\n", "plain.md": "# Plain\n\nNo cells here.\n"}
    config = write_project(workdir, pages, SITE_HOOKS)
    site = workdir / "site"
    result = build_site(site, config)
    if result.returncode != 0:
        raise SystemExit(f"build failed:\n{result.stderr[-3000:]}")
    html = (site / "bench" / "index.html").read_text()
    marker = '<script id="gradlab-config" type="application/json">{'
    for strategy in STRATEGIES:
        (site / f"bench-{strategy}").mkdir()
        (site / f"bench-{strategy}" / "index.html").write_text(html.replace(marker, marker + f'"start": "{strategy}", '))
    manifest_path = json.loads(re.search(re.escape(marker[:-1]) + r"(\{.*?\})</script>", html, re.S)[1])["manifest"]
    lock = Path(manifest_path).parent / json.loads((site / manifest_path).read_text())["lockFileURL"]
    (site / "floor").mkdir()
    (site / "floor" / "index.html").write_text(FLOOR_PAGE)
    # The floor is Pyodide as it ships: its whole standard library, as sources (the site serves
    # the part a start needs, compiled); the epoch and wheel pages use it too.
    shutil.copy2(Cache(cache_dir()).path("python_stdlib.zip"), site / "floor" / "python_stdlib.zip")
    (site / "floor" / "worker.js").write_text(FLOOR_WORKER.replace("LOCK", lock.as_posix()).replace("SNIPPET", SNIPPET.replace("\n", "\\n")))
    (site / "epoch").mkdir()
    (site / "epoch" / "index.html").write_text(EPOCH_PAGE)
    (site / "epoch" / "worker.js").write_text(EPOCH_WORKER.replace("LOCK", lock.as_posix()))
    shutil.copy2(ROOT / "scripts" / "bench_autograd.py", site / "epoch")
    return site


def wait_done(page):
    page.wait_for_function("window.__done !== null", timeout=180_000)
    return page.evaluate("[window.__click, window.__done, window.__long]")


def longest_between(long_tasks, start, end) -> float:
    return max((duration for begin, duration in long_tasks if begin + duration >= start and begin <= end), default=0.0)


def click_run(page):
    page.evaluate("window.__done = null")
    page.get_by_role("button", name="Run").click()
    click, done, long_tasks = wait_done(page)
    return done - click, longest_between(long_tasks, click, done)


def measure(browser, url: str, runs: int) -> dict[str, list[float]]:
    results: dict[str, list[float]] = {}

    def record(key, value):
        results.setdefault(key, []).append(value)

    for _ in range(runs):
        # floor, cold then warm (same context: the HTTP cache is filled)
        context = browser.new_context()
        page = context.new_page()
        for cache in ("cold", "warm"):
            page.goto(url + "floor/")
            page.wait_for_function("window.__done !== undefined", timeout=180_000)
            record(f"floor {cache}: load -> output", page.evaluate("window.__done"))
        context.close()

        for strategy in STRATEGIES:
            for wait in (0, 3000):
                context = browser.new_context()
                context.add_init_script(PROBE)
                page = context.new_page()
                for cache in ("cold", "warm"):
                    page.goto(url + f"bench-{strategy}/")
                    if wait:
                        page.wait_for_timeout(wait)
                        after, longest = click_run(page)
                        record(f"{strategy} {cache}: after 3 s, click -> output", after)
                        continue
                    page.get_by_role("button", name="Run").click()
                    click, done, long_tasks = wait_done(page)
                    record(f"{strategy} {cache}: load -> click -> output", done)
                    record(f"{strategy} {cache}: longest task, first run", longest_between(long_tasks, click, done))
                    rerun, longest = click_run(page)
                    record(f"{strategy} {cache}: rerun, click -> output", rerun)
                    record(f"{strategy} {cache}: longest task, rerun", longest)
                context.close()

        context = browser.new_context()
        page = context.new_page()
        sizes = []
        page.on("requestfinished", lambda request: sizes.append((request.url, request.sizes()["responseBodySize"])))
        page.goto(url + "plain/", wait_until="networkidle")
        page.wait_for_timeout(3000)
        record("page without cells: runtime bytes", sum(size for link, size in sizes if RUNTIME_FILES.search(link)))
        record("page without cells: all bytes", sum(size for _, size in sizes))
        context.close()
    return results


SLOW_LINK = {"offline": False, "latency": 40, "downloadThroughput": 10e6 / 8, "uploadThroughput": 10e6 / 8}


def measure_throttled(browser, url: str, site: Path, runs: int) -> tuple[dict[str, list[float]], dict[str, list[int]]]:
    """A reader's first visit on SLOW_LINK; returns the measures and, from the last run, each
    file's [decoded bytes, transferred bytes, requests] before the output. Decoded is the file's size in
    the site; transferred is what crossed the wire (body and headers). Service workers are
    blocked: the throttling applies to the page and its workers, not to a service worker's own
    fetches."""
    results: dict[str, list[float]] = {}
    for _ in range(runs):
        context = browser.new_context(service_workers="block")
        context.add_init_script(PROBE)
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", SLOW_LINK)
        fetched = []
        page.on("requestfinished", lambda request: fetched.append(request))
        page.goto(url + "bench-visible/")
        page.get_by_role("button", name="Run").click()
        click, done, _ = wait_done(page)
        by_file = {}  # URL -> [decoded, transferred, requests]: a file fetched twice shows
        for request in fetched:
            sizes = request.sizes()
            path = site / urlparse(request.url).path.lstrip("/")
            path = path / "index.html" if path.is_dir() else path
            entry = by_file.setdefault(request.url, [path.stat().st_size if path.is_file() else 0, 0, 0])
            entry[1] += sizes["responseBodySize"] + sizes["responseHeadersSize"]
            entry[2] += 1
        for key, value in (
            ("load -> click -> output (ms)", done),
            ("click -> output (ms)", done - click),
            ("bytes before the output, decoded", sum(decoded for decoded, _, _ in by_file.values())),
            ("bytes before the output, transferred", sum(sent for _, sent, _ in by_file.values())),
        ):
            results.setdefault(key, []).append(value)
        context.close()
    return results, by_file


def report_throttled(results: tuple, runs: int) -> None:
    measures, by_file = results
    print(f"\nfirst visit on 10 Mbit/s, 40 ms round trip, medians of {runs} runs\n")
    print(f"{'measure':45} {'median':>12}")
    for key, values in measures.items():
        print(f"{key:45} {statistics.median(values):12,.0f}")
    print(f"\nlargest files (last run): {'decoded':>12} {'transferred':>12} {'requests':>9}")
    for link, (decoded, sent, requests) in sorted(by_file.items(), key=lambda item: -item[1][0])[:10]:
        print(f"  {link.rsplit('/', 1)[-1][:40]:40} {decoded:12,} {sent:12,} {requests:9}")


WHEEL_PAGE = """<!doctype html><html lang="en"><title>wheel</title><body><script>
window.measure = (wheel) => new Promise((resolve) => {
  const worker = new Worker("worker.js");
  worker.onmessage = ({data}) => { worker.terminate(); resolve(data); };
  worker.postMessage(new URL(wheel, location).href);
});
</script></body></html>"""
WHEEL_WORKER = """importScripts("../assets/pyodide/pyodide.js");
onmessage = async ({data: wheel}) => {
  const pyodide = await loadPyodide({indexURL: new URL("../assets/pyodide/", location).href, lockFileURL: new URL("../LOCK", location).href, stdLibURL: new URL("../floor/python_stdlib.zip", location).href});
  await pyodide.loadPackage("numpy", {messageCallback: () => {}});
  pyodide.runPython("import numpy");
  const t0 = performance.now();
  await pyodide.loadPackage(wheel, {messageCallback: () => {}});
  const t1 = performance.now();
  pyodide.runPython("import microtorch, gradlab_runner");
  const t2 = performance.now();
  postMessage({load: t1 - t0, import: t2 - t1, total: t2 - t0});
};"""


def build_wheel_pages(site: Path) -> dict[str, str]:
    """Both kinds of wheel, and a page whose workers time them; returns {kind: wheel URL}."""
    spec = importlib.util.spec_from_file_location("runtime_hook", ROOT / "scripts" / "hooks" / "runtime.py")
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    official = hook.vendor.Cache(hook.vendor.cache_dir()).path(hook.vendor.LOCK)
    (site / "wheels").mkdir()
    urls = {}
    for kind in hook.KINDS:  # "plain" first: the baseline
        wheel, _ = hook.build_wheel(official, kind)
        (site / "wheels" / kind).mkdir()
        shutil.copy2(wheel, site / "wheels" / kind / wheel.name)
        urls[kind] = f"{kind}/{wheel.name}"
    manifest = next((site / "assets" / "pyodide").glob("gradlab-runtime-*.json"))
    lock = f"assets/pyodide/{json.loads(manifest.read_text())['lockFileURL']}"
    (site / "wheels" / "index.html").write_text(WHEEL_PAGE)
    (site / "wheels" / "worker.js").write_text(WHEEL_WORKER.replace("LOCK", lock))
    return urls


def measure_wheels(browser, url: str, urls: dict[str, str], runs: int) -> dict[str, list[float]]:
    results: dict[str, list[float]] = {}
    page = browser.new_page()
    page.goto(url + "wheels/")
    for _ in range(runs):
        for kind, wheel in urls.items():  # alternating, so a busy moment costs both kinds alike
            for step, ms in page.evaluate("(wheel) => measure(wheel)", wheel).items():
                results.setdefault(f"{kind}: {step}", []).append(ms)
    page.close()
    return results


def report_wheels(results: dict[str, list[float]], runs: int) -> None:
    medians = {key: statistics.median(values) for key, values in results.items()}
    baseline = next(iter(results)).split(": ")[0]
    print(f"\nmicrotorch wheel in a fresh worker, medians of {runs} runs (ms); ratio against {baseline}\n")
    print(f"{'measure':40} {'median':>10} {'ratio':>8}")
    for key, value in medians.items():
        step = key.split(": ", 1)[1]
        print(f"{key:40} {value:10.1f} {value / medians[f'{baseline}: {step}']:7.2f}x")


def measure_epoch(browser, url: str, runs: int) -> dict[str, list[float]]:
    page = browser.new_page()
    page.goto(url + "epoch/")
    page.wait_for_function("window.__done !== undefined", timeout=600_000)
    times = json.loads(page.evaluate("document.getElementById('out').textContent"))
    page.close()
    return {name: [t * 1000 for t in values] for name, values in times.items()}


def report_epoch(results: dict[str, list[float]], runs: int) -> None:
    medians = {key: statistics.median(values) for key, values in results.items()}
    print(f"\none epoch in the browser (Pyodide), medians of {runs} epochs (ms); ratio against NumPy\n")
    print(f"{'row':40} {'ms/epoch':>10} {'ratio':>8}")
    for key, value in medians.items():
        print(f"{key:40} {value:10.1f} {value / medians['numpy']:7.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=None, help="default: 3, or 7 with --wheels")
    parser.add_argument("--wheels", action="store_true", help="time only the wheel, each kind against plain sources")
    parser.add_argument("--epoch", action="store_true", help="time one epoch of the digits MLP, against NumPy")
    parser.add_argument("--throttled", action="store_true", help="a first visit on a slow connection, and the bytes it fetches")
    args = parser.parse_args()
    runs = args.runs or (7 if args.wheels else 5 if args.epoch else 3)
    from playwright.sync_api import sync_playwright

    workdir = Path(tempfile.mkdtemp(prefix="gradlab-bench-"))
    try:
        site = build(workdir)
        if args.epoch:
            (site / "epoch" / "worker.js").write_text((site / "epoch" / "worker.js").read_text().replace("RUNS", str(runs)))
        urls = build_wheel_pages(site) if args.wheels else None
        url, server = serve_compressed(site) if args.throttled else serve(site)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            if args.throttled:
                results = measure_throttled(browser, url, site, runs)
            elif args.epoch:
                results = measure_epoch(browser, url, runs)
            else:
                results = measure_wheels(browser, url, urls, runs) if args.wheels else measure(browser, url, runs)
            browser.close()
        server.shutdown()
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    (report_throttled if args.throttled else report_epoch if args.epoch else report_wheels if args.wheels else report)(results, runs)


def report(results: dict[str, list[float]], runs: int) -> None:
    medians = {key: statistics.median(values) for key, values in results.items()}
    print(f"\nmedians of {runs} runs (ms, or bytes)\n")
    print(f"{'measure':55} {'median':>10} {'ratio':>8}")
    for key, value in medians.items():
        ratio = ""
        if "load -> click -> output" in key:
            cache = "cold" if "cold" in key else "warm"
            ratio = f"{value / medians[f'floor {cache}: load -> output']:.2f}x"
        print(f"{key:55} {value:10.0f} {ratio:>8}")


if __name__ == "__main__":
    main()
