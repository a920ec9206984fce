"""Page speed as Lighthouse scores it: every page of the built course, both presets (mobile, the
default, and desktop), medians of several runs, against a baseline measured in the same run.
Headless Chromium (Debian's), a local server.

    .venv/bin/python scripts/bench_pages.py [--pages index lessons/autodiff] [--runs 3]
        [--presets mobile desktop] [--save DIR]

The site is built with its site_url naming the port it is then served on (Material's instant
navigation only works on that port), and served with text gzip-compressed as GitHub Pages
serves it (scripts/serve_compressed.py). Lighthouse 12.8.2 is not a dependency of the site, so it
runs through `npx -y` (npm's cache makes that work offline once it has been fetched). Mobile
scores wobble on a loaded 2-core machine: hence the median. --save keeps every JSON report, to
read what a page spends its main thread on (audits "mainthread-work-breakdown", "bootup-time").

The baseline is what Material costs on its own: a plain Material page (the site's theme settings,
none of Gradlab's overrides, macros, hooks or scripts), holding this repository's
docs/how-it-is-built.md as text, built in the same run and served by the same kind of server. Its
runs take turns with the pages' (each round measures the baseline, then every page), so a busy
moment of the machine costs both alike; the table gives each page's TBT and LCP as a multiple of
the baseline's (the site's own how-it-is-built/ page is the same text with all of Gradlab).

Goals (issue 14): mobile performance >= 95, CLS < 0.05, TBT < 200 ms; desktop 100.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scripts.serve_compressed import serve_compressed  # noqa: E402
from tests.support.site import build_site, free_port  # noqa: E402

LIGHTHOUSE = ["npx", "-y", "lighthouse@12.8.2"]
CHROME_FLAGS = "--headless --no-sandbox --disable-gpu --disable-dev-shm-usage"
PRESETS = ("mobile", "desktop")
# (column, Lighthouse audit, format): the performance score is a category, not an audit.
COLUMNS = (
    ("CLS", "cumulative-layout-shift", "{:.3f}"),
    ("TBT ms", "total-blocking-time", "{:.0f}"),
    ("LCP ms", "largest-contentful-paint", "{:.0f}"),
)


# The site's theme without its overrides: what a page costs before Gradlab adds anything.
BASELINE_CONFIG = """site_name: Baseline
site_url: {url}
theme:
  name: material
  font: false
  features: [navigation.instant, navigation.sections, navigation.footer, search.suggest, content.code.copy]
  palette:
    - {{media: "(prefers-color-scheme: light)", scheme: default, primary: indigo, accent: deep orange}}
    - {{media: "(prefers-color-scheme: dark)", scheme: slate, primary: indigo, accent: deep orange}}
plugins: [search]
markdown_extensions: [admonition, tables, toc, pymdownx.highlight, pymdownx.superfences]
nav:
  - Plain page: index.md
"""
BASELINE = "baseline: plain Material page"


def serve_baseline(workdir: Path):
    """Build the baseline site for the port it is served on; returns (its URL, the server)."""
    site = workdir / "site"
    url, server = serve_compressed(site)
    (workdir / "docs").mkdir(parents=True)
    (workdir / "docs" / "index.md").write_text((ROOT / "docs" / "how-it-is-built.md").read_text(encoding="utf-8"), encoding="utf-8")
    (workdir / "mkdocs.yml").write_text(BASELINE_CONFIG.format(url=url), encoding="utf-8")
    built = build_site(site, workdir / "mkdocs.yml", strict=False)  # its links to other guide pages lead nowhere
    if built.returncode != 0:
        server.shutdown()
        raise SystemExit(f"baseline build failed:\n{built.stderr[-3000:]}")
    return url, server


def site_pages(site: Path) -> list[str]:
    """Every page of the built site, as paths relative to its root ("" is the home page)."""
    pages = sorted(path.parent.relative_to(site).as_posix() for path in site.rglob("index.html"))
    return ["" if page == "." else page + "/" for page in pages if not page.startswith(("assets", "search"))]


def page_path(name: str) -> str:
    """"index" or "" is the home page; "lessons/autodiff" is "lessons/autodiff/"."""
    name = name.strip("/")
    return "" if name in ("", "index") else name + "/"


def lighthouse(url: str, preset: str) -> dict:
    command = [*LIGHTHOUSE, url, "--output=json", "--output-path=stdout", "--quiet", "--only-categories=performance", f"--chrome-flags={CHROME_FLAGS}"]
    if preset == "desktop":
        command.append("--preset=desktop")
    result = subprocess.run(command, capture_output=True, text=True, env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"})
    if result.returncode != 0:
        raise SystemExit(f"lighthouse failed on {url} ({preset}):\n{result.stderr[-3000:]}")
    return json.loads(result.stdout)


def scores(report: dict) -> dict[str, float]:
    row = {"perf": report["categories"]["performance"]["score"] * 100}
    for column, audit, _ in COLUMNS:
        row[column] = report["audits"][audit]["numericValue"]
    return row


def serve_targets(workdir: Path, pages: list[str] | None) -> tuple[dict[str, str], list]:
    """Build the site under `workdir` for the port it is then served on, and the baseline beside
    it; returns ({name: URL}, the baseline first, then `pages` or every page) and the servers."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    site = workdir / "site"
    built = build_site(site, site_url=url)
    if built.returncode != 0:
        raise SystemExit(f"build failed:\n{built.stderr[-3000:]}")
    known = site_pages(site)
    wanted = [page_path(page) for page in pages] if pages else known
    unknown = [page for page in wanted if page not in known]
    if unknown:
        raise SystemExit(f"no such pages: {unknown}; the site has {known}")
    baseline_url, baseline_server = serve_baseline(workdir / "baseline")
    servers = [serve_compressed(site, port=port)[1], baseline_server]
    return {BASELINE: baseline_url, **{page or "/": url + page for page in wanted}}, servers


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", nargs="*", help="paths under the site root, e.g. index lessons/autodiff (default: every page)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--presets", nargs="*", choices=PRESETS, default=list(PRESETS))
    parser.add_argument("--save", type=Path, help="a folder for every run's JSON report")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="gradlab-pages-") as workdir:
        targets, servers = serve_targets(Path(workdir), args.pages)
        rows: dict[tuple[str, str], list[dict[str, float]]] = {}
        try:
            for run in range(args.runs):  # rounds: the baseline and every page in each
                for name, address in targets.items():
                    for preset in args.presets:
                        result = lighthouse(address, preset)
                        if args.save:
                            args.save.mkdir(parents=True, exist_ok=True)
                            stem = "baseline" if name == BASELINE else name.strip("/").replace("/", "_") or "index"
                            (args.save / f"{stem}-{preset}-{run + 1}.json").write_text(json.dumps(result))
                        rows.setdefault((name, preset), []).append(scores(result))
                        print(f"  run {run + 1}: {name} {preset}: {round(rows[name, preset][-1]['perf'])}", file=sys.stderr, flush=True)
        finally:
            for server in servers:
                server.shutdown()
    report(rows, args.runs)


def report(rows: dict[tuple[str, str], list[dict[str, float]]], runs: int) -> None:
    medians = {key: {column: statistics.median(run[column] for run in values) for column in values[0]} for key, values in rows.items()}
    print(f"\nLighthouse 12.8.2, medians of {runs} runs (performance score; CLS; TBT and LCP in ms);")
    print(f"x: TBT and LCP as multiples of the {BASELINE} (same preset, same run)\n")
    ratios = ("TBT ms", "LCP ms")
    print(f"{'page':45} {'preset':8} {'perf':>5} " + " ".join(f"{column:>7}" for column, *_ in COLUMNS)
          + "".join(f" {column.split()[0] + ' x':>7}" for column in ratios))
    for (page, preset), median in medians.items():
        cells = " ".join(f"{fmt.format(median[column]):>7}" for column, _, fmt in COLUMNS)
        base = medians.get((BASELINE, preset))
        times = "".join(f" {median[column] / base[column]:7.2f}" if base and base[column] else f" {'-':>7}" for column in ratios)
        print(f"{page:45} {preset:8} {median['perf']:5.0f} {cells}{times}")


if __name__ == "__main__":
    main()
