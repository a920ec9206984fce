"""Each lesson, read in headless Chromium the way a reader goes through it: every cell is run in
page order, and what the page shows must be what CPython printed for the same cell under
microtorch (tests/course/test_course.py checks that against real PyTorch). Predict cells are answered
with their expected output and must report a match; the pictures the lessons promise appear; and
the page, with every output showing, passes axe (test_site.py checks the other pages)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.support.browser import PageWatch, axe_violations, describe_violations
from tests.support.course import LESSONS, cells, lesson_outputs

pytestmark = pytest.mark.browser

SLOW = 120_000  # ms: the first run loads Pyodide, NumPy and microtorch on a busy 2-core machine
FINISHED = r"^(Done in \d+ ms|Error.*|Stopped.*|Python could not be loaded\.|Your prediction.*)$"


@pytest.fixture(scope="module")
def lessons_context(browser):
    """One browser context for every lesson: after the first, Pyodide's files and compiled
    WebAssembly come from its cache, as for a reader going from lesson to lesson."""
    context = browser.new_context()
    yield context
    context.close()


@pytest.fixture
def page(lessons_context, base_url):
    page = lessons_context.new_page()
    page.watch = PageWatch(page, base_url)
    yield page
    page.close()


@pytest.mark.parametrize("slug", LESSONS)
def test_every_cell_shows_what_microtorch_prints(slug, page, base_url):
    page.goto(f"{base_url}lessons/{slug}/")
    # A reader opens collapsed blocks (such as a solution) to reach the cells inside them.
    page.evaluate("document.querySelectorAll('details:has(.gl-cell)').forEach(d => d.open = true)")
    expected = lesson_outputs("microtorch")[slug]
    problems = []
    for cell, want in zip(cells(slug), expected):
        group = page.get_by_role("group", name=cell.title, exact=True)
        if cell.predict:
            group.get_by_role("textbox", name="Predict first: what will this code print?").fill(cell.expect)
        group.get_by_role("button", name="Run").click()
        status = group.get_by_role("status")
        expect(status).to_have_text(re.compile(FINISHED), timeout=SLOW)
        region = group.get_by_role("region", name=f"Output of {cell.title}")
        shown = "".join(region.locator('[data-kind="stdout"]').all_inner_texts())
        if want["error"]:
            problems.append(f"{cell.describe(slug)} fails in CPython too: {want['error']}")
        elif shown.strip() != want["stdout"].strip():
            problems.append(f"{cell.describe(slug)} shows {shown!r}, CPython printed {want['stdout']!r}")
        if cell.predict and status.inner_text() != "Your prediction matched the output.":
            problems.append(f"{cell.describe(slug)}: the expected answer did not match: {status.inner_text()!r}")
        for promise, picture, what in (("plt.show()", "img", "figure"), ("torch.viz.show(", "svg", "graph")):
            if promise in cell.code:
                try:
                    expect(region.locator(picture).first).to_be_visible(timeout=SLOW)
                except AssertionError:
                    problems.append(f"{cell.describe(slug)} draws no {what}")
    violations = axe_violations(page)
    if violations:
        problems.append(f"axe, with every output showing:\n{describe_violations(violations)}")
    assert not problems, "\n".join(problems)
    page.watch.assert_clean()
