"""Each lesson, read in headless Chromium the way a reader goes through the course: one tab that
moves from lesson to lesson by the site's navigation (instant navigation, so the tab's one Python
stays loaded), every cell run in page order. What the page shows must be what CPython printed for
the same cell under microtorch (tests/course/test_course.py checks that against real PyTorch).
Predict cells are answered with their expected output and must report a match; the pictures the
lessons promise appear; and the page, with every output showing, passes axe (test_site.py checks
the other pages). The tab starts on the home page, whose cell to try runs first."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.support.browser import axe_violations, describe_violations, open_page, python_workers
from tests.support.course import GUIDES, LESSONS, cells, home_cells, lesson_outputs, url

pytestmark = pytest.mark.browser

SLOW = 120_000  # ms: the first run loads Pyodide, NumPy and microtorch on a busy 2-core machine
FINISHED = r"^(Done in \d+ ms|Error.*|Stopped.*|Python could not be loaded\.|Your prediction.*)$"


@pytest.fixture(scope="module")
def reader(browser, base_url):
    """One tab for the whole course, opened on the home page (its cell in view starts loading
    Python, as for a reader). The first lesson pays for the load; the others find it loaded."""
    page = open_page(browser, base_url)
    page.fetched = []
    page.on("request", lambda request: page.fetched.append(request.url))
    page.goto(base_url)
    page.evaluate("window.sameDocument = true")
    yield page
    page.context.close()


def test_the_cell_to_try_runs(reader, base_url):
    # Defined first, so it runs on the home page the reader opened, before any lesson.
    assert reader.url == base_url, "the reader has left the home page"
    [cell] = home_cells()
    group = reader.get_by_role("group", name=cell.title, exact=True)
    group.get_by_role("button", name="Run").click()
    expect(group.get_by_role("region", name=f"Output of {cell.title}")).to_have_text(cell.expect, timeout=SLOW)
    reader.watch.assert_clean()


def go_to_lesson(page, base_url, slug):
    """Follow the lesson's link in the site's navigation, as a reader does (from the keyboard,
    like the Runs below: a mouse left over the link would leave it in its hover colours)."""
    # Material changes the address before it swaps the page in: wait until the article that was
    # shown has been replaced, so nothing below reads the old lesson.
    page.evaluate("document.querySelector('article').dataset.left = 'yes'")
    page.locator(f'.md-sidebar--primary a.md-nav__link[href$="/{slug}/"]').press("Enter")
    page.wait_for_url(base_url + url(slug))
    page.wait_for_function("document.querySelector('article') && !document.querySelector('article').dataset.left")
    expect(page.locator(".gl-cell").first).to_be_visible()


@pytest.mark.parametrize("slug", LESSONS + GUIDES)
def test_every_cell_shows_what_microtorch_prints(slug, reader, base_url):
    page = reader
    page.watch.external.clear()
    page.watch.console_errors.clear()
    go_to_lesson(page, base_url, slug)
    assert page.evaluate("window.sameDocument") is True, "the lesson was reloaded, not reached by instant navigation"
    # A reader opens collapsed blocks (such as a solution) to reach the cells inside them.
    page.evaluate("document.querySelectorAll('details:has(.gl-cell)').forEach(d => d.open = true)")
    expected = lesson_outputs("microtorch")[slug]
    problems = []
    for cell, want in zip(cells(slug), expected):
        group = page.get_by_role("group", name=cell.title, exact=True)
        if cell.predict:
            group.get_by_role("textbox", name="Predict first: what will this code print?").fill(cell.expect)
        # Enter on the focused button, not a click at where it was measured: math fonts and
        # figures load as the page is read and move it. Under load a click was lost that way
        # (Run still shown, nothing running, status empty until the timeout).
        group.get_by_role("button", name="Run").press("Enter")
        status = group.get_by_role("status")
        try:
            expect(status).to_have_text(re.compile(FINISHED), timeout=SLOW)
        except AssertionError:
            problems.append(f"{cell.describe(slug)} did not finish: its status says {status.inner_text()!r}")
            break  # the cells after it would wait behind it
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
    assert len(python_workers(page)) == 1, "Python was started again: instant navigation should keep it"
    page.watch.assert_clean()


def test_the_course_needs_only_the_part_of_the_standard_library_loaded_at_start(reader):
    # Defined last, so it runs after every lesson: scripts/hooks/runtime.py's AT_START must name
    # each stdlib module the cells import, or every first Run of that lesson waits for the rest.
    assert any("/python_stdlib-" in url for url in reader.fetched), "the walk never started Python"
    fetched = [url for url in reader.fetched if "/python_stdlib_more-" in url]
    assert not fetched, f"a lesson imported a module outside AT_START, and the rest was fetched: {fetched}"
