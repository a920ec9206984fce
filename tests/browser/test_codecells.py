"""Code cells in headless Chromium: what a reader sees when they edit, run and stop Python code.

The site is tests/browser/conftest.py's small build (real theme, macros and hooks), built for a
sub-path and served without isolation (`cells_page`, as on GitHub Pages before the service worker
takes over) or with COOP/COEP headers (`warm_page`, one tab whose Python stays loaded)."""

from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.support import run_cells
from tests.support.browser import axe_violations, describe_violations, edit_code, open_page, python_workers, without_python

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


def visit(page, title, first):
    """Follow the site's navigation to another page (instant navigation: Python stays loaded)."""
    page.get_by_role("link", name=title).first.click()
    expect(editor(page, first)).to_be_visible()


def type_code(page, name, *lines):
    box = editor(page, name)
    edit_code(box)
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


def microtorch_prints(code: str) -> str:
    """What CPython prints for `code` with the same runner and microtorch as the browser."""
    answer = run_cells.run("microtorch", [{"id": "p", "cells": [{"code": code}]}])["p"][0]
    assert answer["error"] is None, answer
    return answer["stdout"]


def test_a_cell_prints_what_microtorch_prints(warm_page):
    expect(cell(warm_page, "Make x").get_by_role("link", name="Runs on microtorch")).to_be_visible()
    out = run(warm_page, "Make x")
    expect(status(warm_page, "Make x")).to_have_text(re.compile(r"^Done in \d+ ms$"))
    code = json.loads(cell(warm_page, "Make x").get_attribute("data-cell"))["code"]
    assert out.inner_text().strip() == microtorch_prints(code).strip()
    warm_page.watch.assert_clean()


def test_shift_enter_runs_the_focused_cell(warm_page):
    edit_code(editor(warm_page, "Scratch"))
    warm_page.keyboard.press("Shift+Enter")
    expect(output(warm_page, "Scratch")).to_have_text("ready", timeout=SLOW)
    assert editor(warm_page, "Scratch").inner_text() == 'print("ready")'  # no newline typed
    warm_page.watch.assert_clean()


def test_stop_without_isolation_cancels_a_load_or_restarts_python(cells_page, cells_url):
    open_cells(cells_page, cells_url)  # a fresh context: Python takes seconds to load
    assert cells_page.evaluate("crossOriginIsolated") is False
    cell(cells_page, "Scratch").get_by_role("button", name="Run").click()
    expect(status(cells_page, "Scratch")).to_have_text("Loading Python…")
    cell(cells_page, "Scratch").get_by_role("button", name="Stop").click()
    expect(status(cells_page, "Scratch")).to_have_text("Stopped before it ran: Python was still loading.")
    expect(output(cells_page, "Scratch")).to_have_count(0)  # nothing ran, so no output shows
    expect(run(cells_page, "Scratch")).to_have_text("ready")  # the next Run works: Python is loaded
    # Without an interrupt, Stop of running code can only restart Python.
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


def test_stop_with_isolation_interrupts_and_keeps_state(warm_page):
    assert warm_page.evaluate("crossOriginIsolated") is True
    workers = len(python_workers(warm_page))
    run(warm_page, "Make x")
    type_code(warm_page, "Scratch", "while True: pass")
    warm_page.keyboard.press("Shift+Enter")
    expect(status(warm_page, "Scratch")).to_have_text("Running…", timeout=SLOW)
    cell(warm_page, "Scratch").get_by_role("button", name="Stop").click()
    expect(status(warm_page, "Scratch")).to_have_text(re.compile(r"^Stopped \(KeyboardInterrupt\)"))
    expect(output(warm_page, "Scratch")).to_contain_text("KeyboardInterrupt")
    # The namespace survived: the next cell still sees x from "Make x".
    expect(run(warm_page, "Use x")).to_have_text("24.0")
    assert len(python_workers(warm_page)) == workers
    warm_page.watch.assert_clean()


def test_the_service_worker_makes_the_next_load_isolated(cells_page, cells_url):
    without_python(cells_page.context)  # no cell is run here
    cells_page.goto(cells_url)
    # Bounded, unlike awaiting `serviceWorker.ready`: a registration that never activates fails here.
    cells_page.evaluate("navigator.serviceWorker.ready.then(() => { window.swReady = true }), 0")
    cells_page.wait_for_function("window.swReady === true", timeout=30_000)
    assert cells_page.evaluate("crossOriginIsolated") is False  # no surprise reload
    cells_page.reload()
    assert cells_page.evaluate("crossOriginIsolated") is True
    cells_page.watch.assert_clean()


def test_a_traceback_points_at_the_editor_line(warm_page):
    type_code(warm_page, "Scratch", "a = 1", "b = 0", "print(a / b)")
    out = run(warm_page, "Scratch")
    expect(status(warm_page, "Scratch")).to_have_text("Error on line 3.")
    text = out.inner_text()
    assert 'File "<cell>", line 3, in <module>' in text and "ZeroDivisionError: division by zero" in text
    assert "_pyodide" not in text and "gradlab_runner" not in text  # trimmed to the reader's code
    error_line = cell(warm_page, "Scratch").locator(".cm-line.gl-cell__error-line")
    expect(error_line).to_have_text("print(a / b)")
    violations = axe_violations(warm_page)  # the error marks keep the contrast
    assert not violations, describe_violations(violations)
    # An exception leaves Python usable.
    cell(warm_page, "Scratch").get_by_role("button", name="Reset").click()
    expect(run(warm_page, "Scratch")).to_have_text("ready")
    warm_page.watch.assert_clean()


def test_printed_html_is_shown_as_text(warm_page):
    type_code(warm_page, "Scratch", 'print("<b>x</b>")')
    out = run(warm_page, "Scratch")
    expect(out).to_have_text("<b>x</b>")
    assert out.locator("b").count() == 0
    warm_page.watch.assert_clean()


def test_instant_navigation_keeps_python_loaded(warm_page):
    workers = len(python_workers(warm_page))
    warm_page.evaluate("window.sameDocument = true")
    visit(warm_page, "Second page", "Second cell")
    expect(run(warm_page, "Second cell")).to_have_text("Linear")
    assert warm_page.evaluate("window.sameDocument") is True  # instant navigation, no reload
    assert len(python_workers(warm_page)) == workers  # no second worker: Python stayed loaded
    warm_page.watch.assert_clean()


def test_cells_share_a_namespace_in_page_order(warm_page):
    # Running the second cell first runs the one above it, as a notebook read top to bottom.
    expect(run(warm_page, "Use x")).to_have_text("24.0")
    expect(output(warm_page, "Make x")).to_have_text("tensor([2., 4., 6.])")
    expect(run(warm_page, "Alone")).to_have_text("False")  # an isolated cell sees none of it
    warm_page.watch.assert_clean()


def test_reset_restores_the_original_code(warm_page):
    type_code(warm_page, "Scratch", "print('edited')")
    expect(editor(warm_page, "Scratch")).to_have_text("print('edited')")
    cell(warm_page, "Scratch").get_by_role("button", name="Reset").click()
    expect(editor(warm_page, "Scratch")).to_have_text('print("ready")')
    warm_page.watch.assert_clean()


def test_a_flood_of_output_is_capped(warm_page):
    type_code(warm_page, "Scratch", "for i in range(1_000_000): print(i)")
    out = run(warm_page, "Scratch")
    expect(status(warm_page, "Scratch")).to_have_text(re.compile(r"^Done in"))
    expect(out).to_contain_text("Output capped at 100,000 characters")
    expect(out).to_contain_text("more characters of output were not shown")
    assert len(out.inner_text()) < 101_000
    assert out.inner_text().startswith("0\n1\n2\n")
    warm_page.watch.assert_clean()


def test_python_errors_and_huge_allocations_leave_the_runtime_usable(warm_page):
    type_code(warm_page, "Scratch", "big = [0.0] * 10**9  # 4 GB of pointers: more than WebAssembly can address")
    expect(run(warm_page, "Scratch")).to_contain_text("MemoryError")
    cell(warm_page, "Scratch").get_by_role("button", name="Reset").click()
    expect(run(warm_page, "Scratch")).to_have_text("ready")
    warm_page.watch.assert_clean()


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


def test_a_prediction_is_asked_first_then_compared(warm_page):
    guess = cell(warm_page, "Guess")
    guess.get_by_role("button", name="Run").click()
    expect(status(warm_page, "Guess")).to_have_text("Write your prediction first, then run.")
    field = guess.get_by_role("textbox", name="Predict first: what will this code print?")
    expect(field).to_be_focused()
    field.fill("4")
    run(warm_page, "Guess")
    expect(status(warm_page, "Guess")).to_have_text("Your prediction matched the output.")
    saved = warm_page.evaluate("JSON.parse(localStorage.getItem('gradlab:progress')).predictions.guess")
    assert saved == {"text": "4", "matched": True}
    warm_page.watch.assert_clean()


def test_matplotlib_figures_show_inline(warm_page):
    requests = []
    warm_page.on("request", lambda request: requests.append(request.url))
    visit(warm_page, "Pictures", "Plot")
    warm_page.wait_for_timeout(1000)
    assert not [url for url in requests if "matplotlib" in url]  # loaded only when a cell imports it
    run(warm_page, "Plot", timeout=2 * SLOW)
    expect(status(warm_page, "Plot")).to_have_text(re.compile(r"^Done in"))
    figure = output(warm_page, "Plot").get_by_role("img", name="Figure 1 drawn by Plot")
    expect(figure).to_be_visible()
    assert figure.evaluate("img => img.naturalWidth") > 100
    assert [url for url in requests if "matplotlib" in url]
    warm_page.watch.assert_clean()


def test_torch_viz_show_draws_the_graph_as_svg(warm_page):
    visit(warm_page, "Pictures", "Plot")
    run(warm_page, "Graph")
    expect(status(warm_page, "Graph")).to_have_text(re.compile(r"^Done in"))
    graph = output(warm_page, "Graph").get_by_role("img", name="Computation graph drawn by Graph")
    expect(graph).to_be_visible()
    assert graph.evaluate("svg => svg.tagName") == "svg"
    text = graph.text_content()
    assert "w" in text and "grad 4" in text  # dz/dw = 2w = 4 at w = 2
    warm_page.watch.assert_clean()


def test_pages_without_cells_fetch_nothing_of_the_runtime(cells_page, cells_url):
    requests = []
    cells_page.on("request", lambda request: requests.append(request.url))
    cells_page.goto(cells_url + "plain/", wait_until="networkidle")
    cells_page.wait_for_timeout(500)
    runtime = [url for url in requests if re.search(r"pyodide|wheels/|runtime/|chunks/editor|chunks/viz", url)]
    assert runtime == []
    assert [url for url in cells_page.workers_started if "/workers/search." not in url] == []  # Material's search has its own
    cells_page.watch.assert_clean()


def test_a_page_with_cells_has_no_axe_violations(warm_page):
    run(warm_page, "Make x")
    violations = axe_violations(warm_page)
    assert not violations, describe_violations(violations)
    warm_page.watch.assert_clean()


def test_the_worker_reads_the_manifest_and_imports_the_runner_from_the_wheel(warm_page):
    type_code(warm_page, "Scratch", "import gradlab_runner", "print(gradlab_runner.__file__)")
    expect(run(warm_page, "Scratch")).to_contain_text("/site-packages/gradlab_runner/__init__.py")
    fetched = [urlsplit(url).path.rsplit("/", 1)[-1] for url in warm_page.fetched]  # since the tab opened
    assert len({name for name in fetched if re.fullmatch(r"gradlab-runtime-[0-9a-f]{12}\.json", name)}) == 1
    assert {name for name in fetched if re.fullmatch(r"gradlab-lock-[0-9a-f]{12}\.json", name)}
    assert {name for name in fetched if re.fullmatch(r"microtorch-.+\.whl", name)}
    assert not {"runner.py", "pyodide-lock.json", "worker.js"} & set(fetched)
    warm_page.watch.assert_clean()


def test_cells_run_on_a_site_hosted_under_a_sub_path(warm_page, isolated_url):
    assert urlsplit(isolated_url).path == "/site/"  # conftest builds the test site for a sub-path
    expect(run(warm_page, "Scratch")).to_have_text("ready")
    visit(warm_page, "Second page", "Second cell")
    assert urlsplit(warm_page.url).path == "/site/second/"
    expect(run(warm_page, "Second cell")).to_have_text("Linear")
    workers = python_workers(warm_page)
    assert workers and all(urlsplit(worker).path.startswith("/site/assets/runtime/") for worker in workers)
    warm_page.watch.assert_clean()
