"""Code cells in headless Chromium: what a reader sees when they edit, run and stop Python code.

The site is tests/browser/conftest.py's small build (real theme, macros and hooks), served
without isolation (`cells_page`, as on GitHub Pages before the service worker takes over) or
with COOP/COEP headers (`isolated_page`)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import open_page, write_cells_project
from tests.conftest import ROOT, axe_violations, build_site, describe_violations, free_port, serve

pytestmark = pytest.mark.browser

FINISHED = re.compile(r"^(Done in \d+ ms|Error.*|Stopped.*|Python could not be loaded\.|.*prediction.*)$")
SLOW = 90_000  # ms: the first run loads Pyodide, NumPy and microtorch on a busy 2-core machine


def cell(page, name):
    return page.get_by_role("group", name=name, exact=True)


def editor(page, name):
    return cell(page, name).get_by_role("textbox", name=f"Code of {name}")


def output(page, name):
    return cell(page, name).get_by_role("region", name=f"Output of {name}")


def status(page, name):
    return cell(page, name).get_by_role("status")


def open_cells(page, url, path="", first="Scratch"):
    page.goto(url + path)
    expect(editor(page, first if not path else {"second/": "Second cell", "pictures/": "Plot"}[path])).to_be_visible()


def type_code(page, name, *lines):
    box = editor(page, name)
    box.click()
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    for number, line in enumerate(lines):
        if number:
            page.keyboard.press("Enter")
            page.keyboard.press("Home")  # drop any auto-indent; lines carry their own
        page.keyboard.type(line)


def run(page, name, timeout=SLOW):
    cell(page, name).get_by_role("button", name="Run").click()
    expect(status(page, name)).to_have_text(FINISHED, timeout=timeout)
    return output(page, name)


def python_workers(page) -> list[str]:
    """The Python workers the page started (their URL carries a hash of worker.js)."""
    return [url for url in page.workers_started if re.search(r"/assets/runtime/worker-[0-9a-f]{12}\.js$", url)]


def microtorch_prints(code: str) -> str:
    """What CPython prints for `code` with the same runner and microtorch as the browser."""
    programs = [{"id": "p", "cells": [{"code": code}]}]
    result = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "run_cells.py"), "microtorch"],
        input=json.dumps(programs), capture_output=True, text=True, check=True,
    )
    answer = json.loads(result.stdout)["p"][0]
    assert answer["error"] is None, answer
    return answer["stdout"]


def test_a_cell_prints_what_microtorch_prints(cells_page, cells_url):
    open_cells(cells_page, cells_url)
    expect(cell(cells_page, "Make x").get_by_role("link", name="Runs on microtorch")).to_be_visible()
    out = run(cells_page, "Make x")
    expect(status(cells_page, "Make x")).to_have_text(re.compile(r"^Done in \d+ ms$"))
    code = json.loads(cell(cells_page, "Make x").get_attribute("data-cell"))["code"]
    assert out.inner_text().strip() == microtorch_prints(code).strip()
    cells_page.watch.assert_clean()


def test_shift_enter_runs_the_focused_cell(cells_page, cells_url):
    open_cells(cells_page, cells_url)
    editor(cells_page, "Scratch").click()
    cells_page.keyboard.press("Shift+Enter")
    expect(output(cells_page, "Scratch")).to_have_text("ready", timeout=SLOW)
    assert editor(cells_page, "Scratch").inner_text() == 'print("ready")'  # no newline typed
    cells_page.watch.assert_clean()


def test_stop_without_isolation_restarts_python_and_says_state_was_reset(cells_page, cells_url):
    open_cells(cells_page, cells_url)
    assert cells_page.evaluate("crossOriginIsolated") is False
    run(cells_page, "Scratch")  # Python is loaded: the loop below really runs
    type_code(cells_page, "Scratch", "while True: pass")
    cell(cells_page, "Scratch").get_by_role("button", name="Run").click()
    stop = cell(cells_page, "Scratch").get_by_role("button", name="Stop")
    expect(stop).to_be_visible()
    expect(status(cells_page, "Scratch")).to_have_text("Running…")
    stop.click()
    expect(status(cells_page, "Scratch")).to_have_text(re.compile("Python was restarted.*reset"))
    expect(stop).to_be_hidden()
    cell(cells_page, "Scratch").get_by_role("button", name="Reset").click()
    expect(run(cells_page, "Scratch")).to_have_text("ready")
    assert len(python_workers(cells_page)) == 2
    cells_page.watch.assert_clean()


def test_stop_with_isolation_interrupts_and_keeps_state(isolated_page, isolated_url):
    open_cells(isolated_page, isolated_url)
    assert isolated_page.evaluate("crossOriginIsolated") is True
    run(isolated_page, "Make x")
    type_code(isolated_page, "Scratch", "while True: pass")
    isolated_page.keyboard.press("Shift+Enter")
    expect(status(isolated_page, "Scratch")).to_have_text("Running…", timeout=SLOW)
    cell(isolated_page, "Scratch").get_by_role("button", name="Stop").click()
    expect(status(isolated_page, "Scratch")).to_have_text(re.compile(r"^Stopped \(KeyboardInterrupt\)"))
    expect(output(isolated_page, "Scratch")).to_contain_text("KeyboardInterrupt")
    # The namespace survived: the next cell still sees x from "Make x".
    expect(run(isolated_page, "Use x")).to_have_text("24.0")
    assert len(python_workers(isolated_page)) == 1
    isolated_page.watch.assert_clean()


def test_stop_while_python_loads_cancels_the_run(cells_page, cells_url):
    open_cells(cells_page, cells_url)  # a fresh context: Python takes seconds to load
    cell(cells_page, "Scratch").get_by_role("button", name="Run").click()
    expect(status(cells_page, "Scratch")).to_have_text("Loading Python…")
    cell(cells_page, "Scratch").get_by_role("button", name="Stop").click()
    expect(status(cells_page, "Scratch")).to_have_text("Stopped before it ran: Python was still loading.")
    expect(output(cells_page, "Scratch")).to_have_count(0)  # nothing ran, so no output shows
    expect(run(cells_page, "Scratch")).to_have_text("ready")  # and the next Run works
    cells_page.watch.assert_clean()


def test_the_service_worker_makes_the_next_load_isolated(cells_page, cells_url):
    cells_page.goto(cells_url)
    cells_page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    assert cells_page.evaluate("crossOriginIsolated") is False  # no surprise reload
    cells_page.reload()
    assert cells_page.evaluate("crossOriginIsolated") is True
    cells_page.watch.assert_clean()


def test_a_traceback_points_at_the_editor_line(cells_page, cells_url):
    open_cells(cells_page, cells_url)
    type_code(cells_page, "Scratch", "a = 1", "b = 0", "print(a / b)")
    out = run(cells_page, "Scratch")
    expect(status(cells_page, "Scratch")).to_have_text("Error on line 3.")
    text = out.inner_text()
    assert 'File "<cell>", line 3, in <module>' in text and "ZeroDivisionError: division by zero" in text
    assert "_pyodide" not in text and "gradlab_runner" not in text  # trimmed to the reader's code
    error_line = cell(cells_page, "Scratch").locator(".cm-line.gl-cell__error-line")
    expect(error_line).to_have_text("print(a / b)")
    violations = axe_violations(cells_page)  # the error marks keep the contrast
    assert not violations, describe_violations(violations)
    # An exception leaves Python usable.
    cell(cells_page, "Scratch").get_by_role("button", name="Reset").click()
    expect(run(cells_page, "Scratch")).to_have_text("ready")
    cells_page.watch.assert_clean()


def test_printed_html_is_shown_as_text(cells_page, cells_url):
    open_cells(cells_page, cells_url)
    type_code(cells_page, "Scratch", 'print("<b>x</b>")')
    out = run(cells_page, "Scratch")
    expect(out).to_have_text("<b>x</b>")
    assert out.locator("b").count() == 0
    cells_page.watch.assert_clean()


def test_instant_navigation_keeps_python_loaded(cells_page, cells_url):
    open_cells(cells_page, cells_url)
    run(cells_page, "Scratch")
    cells_page.evaluate("window.sameDocument = true")
    cells_page.get_by_role("link", name="Second page").click()
    expect(editor(cells_page, "Second cell")).to_be_visible()
    expect(run(cells_page, "Second cell")).to_have_text("Linear")
    assert cells_page.evaluate("window.sameDocument") is True  # instant navigation, no reload
    assert len(python_workers(cells_page)) == 1
    cells_page.watch.assert_clean()


def test_cells_share_a_namespace_in_page_order(cells_page, cells_url):
    open_cells(cells_page, cells_url)
    # Running the second cell first runs the one above it, as a notebook read top to bottom.
    expect(run(cells_page, "Use x")).to_have_text("24.0")
    expect(output(cells_page, "Make x")).to_have_text("tensor([2., 4., 6.])")
    expect(run(cells_page, "Alone")).to_have_text("False")  # an isolated cell sees none of it
    cells_page.watch.assert_clean()


def test_reset_restores_the_original_code(cells_page, cells_url):
    open_cells(cells_page, cells_url)
    type_code(cells_page, "Scratch", "print('edited')")
    expect(editor(cells_page, "Scratch")).to_have_text("print('edited')")
    cell(cells_page, "Scratch").get_by_role("button", name="Reset").click()
    expect(editor(cells_page, "Scratch")).to_have_text('print("ready")')
    cells_page.watch.assert_clean()


def test_a_flood_of_output_is_capped(cells_page, cells_url):
    open_cells(cells_page, cells_url)
    type_code(cells_page, "Scratch", "for i in range(1_000_000): print(i)")
    out = run(cells_page, "Scratch")
    expect(status(cells_page, "Scratch")).to_have_text(re.compile(r"^Done in"))
    expect(out).to_contain_text("Output capped at 100,000 characters")
    expect(out).to_contain_text("more characters of output were not shown")
    assert len(out.inner_text()) < 101_000
    assert out.inner_text().startswith("0\n1\n2\n")
    cells_page.watch.assert_clean()


def test_python_errors_and_huge_allocations_leave_the_runtime_usable(cells_page, cells_url):
    open_cells(cells_page, cells_url)
    type_code(cells_page, "Scratch", "big = [0.0] * 10**9  # 4 GB of pointers: more than WebAssembly can address")
    expect(run(cells_page, "Scratch")).to_contain_text("MemoryError")
    cell(cells_page, "Scratch").get_by_role("button", name="Reset").click()
    expect(run(cells_page, "Scratch")).to_have_text("ready")
    cells_page.watch.assert_clean()


def test_missing_runtime_files_show_a_message_and_retry_works(browser, cells_url):
    # Without the service worker, so that Playwright's routing sees every request.
    cells_page = open_page(browser, cells_url, service_workers="block")
    cells_page.route("**/gradlab-runtime-*.json", lambda route: route.fulfill(status=404, body="gone"))
    open_cells(cells_page, cells_url)
    run(cells_page, "Scratch")
    expect(status(cells_page, "Scratch")).to_have_text("Python could not be loaded.")
    expect(output(cells_page, "Scratch")).to_contain_text("The Python runtime is missing")
    cells_page.unroute("**/gradlab-runtime-*.json")
    cell(cells_page, "Scratch").get_by_role("button", name="Retry").click()
    expect(output(cells_page, "Scratch")).to_have_text("ready", timeout=SLOW)
    assert not cells_page.watch.external
    cells_page.context.close()


def test_a_prediction_is_asked_first_then_compared(cells_page, cells_url):
    open_cells(cells_page, cells_url)
    guess = cell(cells_page, "Guess")
    guess.get_by_role("button", name="Run").click()
    expect(status(cells_page, "Guess")).to_have_text("Write your prediction first, then run.")
    field = guess.get_by_role("textbox", name="Predict first: what will this code print?")
    expect(field).to_be_focused()
    field.fill("4")
    run(cells_page, "Guess")
    expect(status(cells_page, "Guess")).to_have_text("Your prediction matched the output.")
    saved = cells_page.evaluate("JSON.parse(localStorage.getItem('gradlab:progress')).predictions.guess")
    assert saved == {"text": "4", "matched": True}
    cells_page.watch.assert_clean()


def test_matplotlib_figures_show_inline(cells_page, cells_url):
    requests = []
    cells_page.on("request", lambda request: requests.append(request.url))
    open_cells(cells_page, cells_url, "pictures/")
    cells_page.wait_for_timeout(1000)
    assert not [url for url in requests if "matplotlib" in url]  # loaded only when a cell imports it
    run(cells_page, "Plot", timeout=2 * SLOW)
    expect(status(cells_page, "Plot")).to_have_text(re.compile(r"^Done in"))
    figure = output(cells_page, "Plot").get_by_role("img", name="Figure 1 drawn by Plot")
    expect(figure).to_be_visible()
    assert figure.evaluate("img => img.naturalWidth") > 100
    assert [url for url in requests if "matplotlib" in url]
    cells_page.watch.assert_clean()


def test_torch_viz_show_draws_the_graph_as_svg(cells_page, cells_url):
    open_cells(cells_page, cells_url, "pictures/")
    run(cells_page, "Graph")
    expect(status(cells_page, "Graph")).to_have_text(re.compile(r"^Done in"))
    graph = output(cells_page, "Graph").get_by_role("img", name="Computation graph drawn by Graph")
    expect(graph).to_be_visible()
    assert graph.evaluate("svg => svg.tagName") == "svg"
    text = graph.text_content()
    assert "w" in text and "grad 4" in text  # dz/dw = 2w = 4 at w = 2
    cells_page.watch.assert_clean()


def test_pages_without_cells_fetch_nothing_of_the_runtime(cells_page, cells_url):
    requests = []
    cells_page.on("request", lambda request: requests.append(request.url))
    cells_page.goto(cells_url + "plain/", wait_until="networkidle")
    cells_page.wait_for_timeout(500)
    runtime = [url for url in requests if re.search(r"pyodide|wheels/|runtime/|chunks/editor|chunks/viz", url)]
    assert runtime == []
    assert cells_page.workers_started == []
    cells_page.watch.assert_clean()


def test_a_page_with_cells_has_no_axe_violations(cells_page, cells_url):
    open_cells(cells_page, cells_url)
    run(cells_page, "Make x")
    violations = axe_violations(cells_page)
    assert not violations, describe_violations(violations)
    cells_page.watch.assert_clean()


def test_the_worker_reads_the_manifest_and_imports_the_runner_from_the_wheel(cells_page, cells_url):
    fetched = []
    cells_page.on("request", lambda request: fetched.append(urlsplit(request.url).path.rsplit("/", 1)[-1]))
    open_cells(cells_page, cells_url)
    type_code(cells_page, "Scratch", "import gradlab_runner", "print(gradlab_runner.__file__)")
    expect(run(cells_page, "Scratch")).to_contain_text("/site-packages/gradlab_runner/__init__.py")
    assert len({name for name in fetched if re.fullmatch(r"gradlab-runtime-[0-9a-f]{12}\.json", name)}) == 1
    assert {name for name in fetched if re.fullmatch(r"gradlab-lock-[0-9a-f]{12}\.json", name)}
    assert {name for name in fetched if re.fullmatch(r"microtorch-.+\.whl", name)}
    assert not {"runner.py", "pyodide-lock.json", "worker.js"} & set(fetched)
    cells_page.watch.assert_clean()


@pytest.fixture(scope="module")
def sub_path_url(tmp_path_factory):
    """The test site built for http://127.0.0.1:PORT/gradlab/ and served one level up, as
    GitHub Pages serves a project site."""
    port = free_port()
    root = tmp_path_factory.mktemp("sub-path")
    result = build_site(root / "host" / "gradlab", write_cells_project(root), site_url=f"http://127.0.0.1:{port}/gradlab/")
    assert result.returncode == 0, f"building the sub-path site failed:\n{result.stdout}\n{result.stderr}"
    url, server = serve(root / "host", port=port)
    yield url + "gradlab/"
    server.shutdown()


def test_cells_run_on_a_site_hosted_under_a_sub_path(browser, sub_path_url):
    page = open_page(browser, sub_path_url)
    open_cells(page, sub_path_url)
    expect(run(page, "Scratch")).to_have_text("ready")
    page.get_by_role("link", name="Second page").click()
    page.wait_for_url("**/gradlab/second/")
    expect(run(page, "Second cell")).to_have_text("Linear")
    [worker] = python_workers(page)  # instant navigation kept the one Python
    assert urlsplit(worker).path.startswith("/gradlab/assets/runtime/")
    page.watch.assert_clean()
    page.context.close()
