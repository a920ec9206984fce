"""How the build scales with content, and what the widgets cost a lesson page in bytes.

1. Builds a synthetic course (N lessons, each with 50 flash cards and 20 quiz questions, plus an
   Explain prompt, a challenge and the study-mode menu) with Gradlab's theme, macros and hooks, at
   several sizes, and prints the build time per item. Linear growth shows as a steady marginal
   cost per item (the step from one size to the next) and a per-item ratio near 1.0 against the
   smallest size, whose fixed costs (theme, bundling, copying the runtime) are largest per item.
2. Opens one synthetic lesson in headless Chromium, uses its widgets (so lazily loaded chunks
   load), and sums the gzip size of the JavaScript and CSS it fetched from assets/gradlab/
   against the 50 KB budget. Code cells' editor and runtime are not widgets and are reported
   apart (the synthetic lesson has no code cells, so they should not load at all).

Usage: .venv/bin/python scripts/bench_build.py [--sizes 25 50 100 200] [--repeat 2]
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CARDS, QUESTIONS = 50, 20
BUDGET = 50 * 1024
CHROMIUM = "/usr/bin/chromium"
# Fetched by a lesson but not the widgets' cost: Material's own files, math, code cells' editor and runtime.
NOT_WIDGETS = {
    "Material theme": re.compile(r"^assets/(javascripts|stylesheets)/"),
    # KaTeX draws math at build time: pages fetch only its fonts (its rules are in the bundle's CSS).
    "math (KaTeX)": re.compile(r"^assets/gradlab/fonts/KaTeX_"),
    "code cells": re.compile(r"(/(editor|viz)-[^/]*\.js$|^assets/(pyodide|runtime)/|^coi-serviceworker)"),
}


def lesson(n: int) -> str:
    cards = "".join(
        f"  - id: c{i}\n    difficulty: beginner\n    front: What is item {i} of lesson {n}, in `code`?\n"
        f"    back: It is **item {i}**, with a gradient of $2 \\cdot {i}$.\n"
        for i in range(CARDS)
    )
    questions = "".join(
        f"  - id: q{i}\n    prompt: Which step of lesson {n} comes {i}th?\n    options:\n"
        f"      - {{text: '`loss.backward()`', correct: true, feedback: 'It fills in the gradients.'}}\n"
        f"      - {{text: '`optimizer.step()`', feedback: 'It uses the gradients, later.'}}\n"
        f"      - {{text: '`zero_grad()`', feedback: 'It clears them first.'}}\n"
        f"    explanation: Backward before step, question {i}.\n"
        for i in range(QUESTIONS)
    )
    return (
        f"# Lesson {n}\n\n{{{{ study_modes() }}}}\n\nSome prose.\n\n"
        f"{{% call flashcards() %}}\nid: deck-{n}\ncards:\n{cards}{{% endcall %}}\n\n"
        f"{{% call quiz() %}}\nid: quiz-{n}\nquestions:\n{questions}{{% endcall %}}\n\n"
        f"{{% call explain() %}}\nid: explain-{n}\nprompts:\n  - id: p\n    prompt: Why zero the gradients?\n"
        f"    hint: backward() adds.\n    concepts: [accumulation, per-step gradient, zero_grad]\n"
        f"    answer: Because backward() adds to .grad.\n{{% endcall %}}\n\n"
        f"{{% call challenge() %}}\nid: challenge-{n}\ntitle: Check\nbadge: Badge {n}\nproblems:\n"
        f"  - id: p\n    category: Conceptual\n    difficulty: beginner\n    hint: Down.\n"
        f"    prompt: Which way?\n    options: [Up, Down]\n    answer: B\n    explanation: Down.\n{{% endcall %}}\n"
    )


def site_hooks() -> list[str]:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    block = re.search(r"^hooks:\n((?:  - .+\n)+)", config, re.M)
    return [str(ROOT / line.strip()[2:]) for line in block[1].splitlines()]


def write_course(root: Path, lessons: int) -> Path:
    docs = root / "docs" / "lessons"
    docs.mkdir(parents=True)
    (root / "docs" / "index.md").write_text("# Course\n", encoding="utf-8")
    (root / "docs" / "review.md").write_text("# Review\n", encoding="utf-8")
    for n in range(lessons):
        (docs / f"lesson-{n}.md").write_text(lesson(n), encoding="utf-8")
    config = root / "mkdocs.yml"
    config.write_text(
        f"INHERIT: {ROOT / 'mkdocs.yml'}\n"
        "site_name: Bench\n"
        f"theme:\n  custom_dir: {ROOT / 'overrides'}\n"
        "plugins:\n  - search\n  - macros:\n"
        f"      module_name: {ROOT / 'macros'}\n      on_error_fail: true\n      on_undefined: strict\n"
        "hooks:\n" + "".join(f"  - {hook}\n" for hook in site_hooks()) + "nav:\n  - index.md\n  - review.md\n"
        + "".join(f"  - lessons/lesson-{n}.md\n" for n in range(lessons)),
        encoding="utf-8",
    )
    return config


def build(config: Path, site: Path) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "--config-file", str(config), "--site-dir", str(site)]
    started = time.perf_counter()
    result = subprocess.run(command, cwd=config.parent, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"build failed:\n{result.stdout}\n{result.stderr}")
    return seconds


def build_table(sizes: list[int], repeat: int, work: Path) -> Path:
    print(f"Build time, {CARDS} cards + {QUESTIONS} questions per lesson (items = cards + questions),")
    print(f"best of {repeat} builds per size (the machine is shared, so the fastest run is the least disturbed)\n")
    print(f"{'lessons':>8} {'items':>7} {'build s':>8} {'ms/item':>8} {'marginal ms/item':>17} {'ms/item vs first':>17}")
    previous = None
    first_per_item = None
    site = None
    for lessons in sizes:
        root = work / f"course-{lessons}"
        config = write_course(root, lessons)
        site = root / "site"
        seconds = min(build(config, site) for _ in range(repeat))
        items = lessons * (CARDS + QUESTIONS)
        per_item = seconds * 1000 / items
        first_per_item = first_per_item or per_item
        marginal = "" if previous is None else f"{(seconds - previous[1]) * 1000 / (items - previous[0]):.2f}"
        print(f"{lessons:>8} {items:>7} {seconds:>8.1f} {per_item:>8.2f} {marginal:>17} {per_item / first_per_item:>16.2f}x")
        previous = (items, seconds)
    return site


def page_weight(site: Path) -> None:
    """Open lesson 0, use its widgets, and weigh what it fetched."""
    import functools
    import http.server
    import threading

    from playwright.sync_api import sync_playwright

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    fetched: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"])
        page = browser.new_page()
        page.on("response", lambda response: fetched.append(response.url))
        page.goto(base + "lessons/lesson-0/", wait_until="networkidle")
        # Use each kind of widget once, so chunks they load on demand are counted too. A control
        # that is missing fails the measurement rather than quietly making it smaller.
        for name in ("Flip card", "Good", "Check", "Show key concepts", "💡 Hint"):
            page.get_by_role("button", name=name).first.click(timeout=10_000)
            page.wait_for_load_state("networkidle")
        page.get_by_label("Test your skills under time pressure").check()
        page.get_by_role("radio", name="Flashcards").check()
        page.wait_for_load_state("networkidle")
        browser.close()
    server.shutdown()

    rows = []
    for url in sorted(set(fetched)):
        path = url.removeprefix(base)
        if not re.search(r"\.(js|css)$", path):
            continue
        data = (site / path).read_bytes()
        kind = next((name for name, pattern in NOT_WIDGETS.items() if pattern.search(path)), None)
        rows.append((path, len(data), len(gzip.compress(data, 9)), kind is None, kind or "widgets"))
    print("\nWhat a lesson page loads (lesson 0 of the last build, every widget used once)\n")
    print(f"{'file':<52} {'bytes':>8} {'gzip':>8}  counted as")
    for path, raw, packed, _, kind in rows:
        print(f"{path:<52} {raw:>8} {packed:>8}  {kind}")
    total = sum(packed for _, _, packed, counted, _ in rows if counted)
    verdict = "within" if total <= BUDGET else "OVER"
    print(f"\nWidgets' JS + CSS, gzip: {total / 1024:.1f} KB of a {BUDGET // 1024} KB budget "
          f"({total / BUDGET:.0%}, {verdict} budget)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[25, 50, 100, 200], help="numbers of lessons")
    parser.add_argument("--repeat", type=int, default=2, help="builds per size; the fastest counts")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="gradlab-bench-") as work:
        site = build_table(sorted(args.sizes), args.repeat, Path(work))
        page_weight(site)


if __name__ == "__main__":
    main()
