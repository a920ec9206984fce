"""Challenges a learner can retry and trust (issue 13, item 5), in headless Chromium on a small
project of their own: Try again gives fresh attempts and keeps the best try and the badge, a
problem's clock runs only once it is opened, and a Debug fix that does not compile costs no
attempt. Also the challenge's own look (issue 14): the badge card's celebration honours reduced
motion, and levels, verdicts and the badge pass contrast in both colour schemes."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

# open_page is test_challenge's fixture: it opens pages of this module's `site`.
from tests.browser.test_challenge import DRILL, lines, open_page, problem, progress  # noqa: F401
from tests.support.browser import contrast_violations, describe_violations, edit_code, switch_to_dark, wait_for_widgets
from tests.support.project import SITE_HOOKS, serve_project

pytestmark = pytest.mark.browser
SLOW = 90_000  # ms: loading Pyodide, NumPy and microtorch on a busy 2-core machine

RETRY = """\
# Retry

{% call challenge() %}
id: retry
title: Second chances
badge: Persistent
problems:
  - {id: one, category: Conceptual, difficulty: beginner, time_limit: 30, hint: Hm., prompt: Pick B., options: [Not this, This one], answer: B, explanation: B was right.}
  - {id: two, category: Hyperparameter, difficulty: intermediate, hint: Hm., prompt: Pick A., options: [This one, Not this], answer: A, explanation: A was right.}
  - {id: three, category: Model Choice, difficulty: advanced, hint: Hm., prompt: Pick B., options: [Not this, This one], answer: B, explanation: B was right.}
  - {id: four, category: Conceptual, difficulty: expert, attempts: 1, hint: Hm., prompt: Pick A., options: [This one, Not this], answer: A, explanation: A was right.}
{% endcall %}
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    # Python starts on the first Run or Check, so only the Debug test loads it.
    start_on_run = "extra:\n  gradlab:\n    start: click\n"
    pages = {"index.md": "# Home\n", "retry.md": RETRY, "drill.md": DRILL}
    yield from serve_project(tmp_path_factory.mktemp("challenge-retry"), pages, SITE_HOOKS, start_on_run)


def answer(page, number: int, option: str) -> None:
    problem(page, number).get_by_label(option).check()
    problem(page, number).get_by_role("button", name="Check").click()


def animation(page, selector: str) -> str:
    return page.evaluate("(s) => getComputedStyle(document.querySelector(s)).animationName", selector)


def test_try_again_gives_fresh_attempts_and_keeps_the_best_and_the_badge(open_page):
    page = open_page("retry/", clock=True)
    page.get_by_label("Test your skills under time pressure").check()
    problem(page, 1).get_by_label("Not this").focus()
    page.clock.run_for(5_000)
    timer = page.get_by_role("timer")
    assert timer.inner_text() == "Problem 1: Conceptual: 0:25 left"
    for number, option in ((1, "This one"), (2, "This one"), (3, "This one"), (4, "This one")):
        answer(page, number, option)
    result = page.locator(".gl-challenge__result")
    card = result.get_by_role("status").locator(".gl-challenge__badge-card")
    expect(card).to_be_visible()
    assert "Persistent" in card.inner_text()
    assert result.locator(".gl-challenge__score").inner_text() == "You solved 4 of 4 problems."
    assert not result.locator(".gl-challenge__best").is_visible(), "no best to compare with on a first try"
    # A short celebration, left out when motion is reduced.
    assert animation(page, ".gl-challenge__badge-card") == "gl-challenge__badge-pop"
    page.emulate_media(reduced_motion="reduce")
    assert animation(page, ".gl-challenge__badge-card") == "none"

    page.get_by_role("button", name="Try again").click()
    assert page.evaluate("document.activeElement.textContent") == "Second chances"
    for number, attempts in ((1, 2), (2, 2), (3, 2), (4, 1)):
        current = problem(page, number)
        assert current.get_by_text(f"Attempts left: {attempts} of {attempts}.").is_visible()
        assert current.get_by_role("button", name="Check").is_enabled()
        assert not current.locator(".gl-challenge__answer").is_visible()
        assert not current.get_by_role("radio", checked=True).count()
        assert not current.get_by_role("status").is_visible()
    expect(card).to_be_visible()
    assert result.locator(".gl-challenge__best").inner_text() == "Best: 4 of 4 solved."
    assert not result.locator(".gl-challenge__score").is_visible()
    assert not page.get_by_role("button", name="Try again").is_visible(), "it comes back when this try is over"
    saved = progress(page)
    assert "retry" not in saved["challenges"]
    assert saved["bests"]["retry"] == {"solved": 4, "total": 4, "tries": 2}
    assert saved["badges"]["retry"]["name"] == "Persistent"
    # Every clock is full again and waits for its problem to be opened.
    assert page.get_by_role("timer").count() == 0
    problem(page, 1).get_by_label("Not this").focus()
    assert timer.inner_text() == "Problem 1: Conceptual: 0:30 left"

    # A worse try leaves the best and the badge as they were.
    for number, option in ((1, "This one"), (2, "This one"), (3, "This one"), (4, "Not this")):
        answer(page, number, option)
    assert result.locator(".gl-challenge__score").inner_text() == "You solved 3 of 4 problems this try."
    assert result.locator(".gl-challenge__best").inner_text() == "Best: 4 of 4 solved."
    page.reload()
    wait_for_widgets(page)
    expect(card).to_be_visible()
    assert result.locator(".gl-challenge__best").inner_text() == "Best: 4 of 4 solved."
    assert page.get_by_role("button", name="Try again").is_visible()
    assert progress(page)["bests"]["retry"] == {"solved": 4, "total": 4, "tries": 2}

    # Levels, verdicts, the solved state and the badge card pass contrast in both schemes, the
    # dark one chosen as a reader does, with the palette toggle.
    page.clock.resume()  # axe-core waits on timers
    violations = contrast_violations(page)
    assert not violations, describe_violations(violations)
    switch_to_dark(page)
    violations = contrast_violations(page)
    assert not violations, describe_violations(violations)


def test_a_clock_idles_on_problems_not_opened(open_page):
    page = open_page("drill/", clock=True)
    page.get_by_label("Test your skills under time pressure").check()
    # Ten minutes on the page without opening a problem: no clock runs, no attempt is lost.
    page.clock.run_for(600_000)
    assert page.get_by_role("timer").count() == 0
    for number, attempts in ((1, 2), (2, 1), (3, 2)):
        assert problem(page, number).get_by_text(f"Attempts left: {attempts} of {attempts}.").is_visible()
    # A click on a problem's text opens it (no focus moves), and the clock that appears above it
    # leaves the clicked text where it was.
    prompt = problem(page, 2).get_by_text("Which loss suits a regression target?")
    prompt.scroll_into_view_if_needed()
    before = prompt.bounding_box()["y"]
    prompt.click()
    assert page.get_by_role("timer").inner_text() == "Problem 2: Model Choice: 0:20 left"
    assert prompt.bounding_box()["y"] == pytest.approx(before, abs=1)  # scrolling is by whole pixels
    page.clock.run_for(21_000)
    assert lines(problem(page, 2).get_by_role("status")) == [
        "Time's up: that cost an attempt.", "No attempts left: the answer and explanation are shown below."
    ]
    # The clock stops with the problem it ran for: it never moves on to one not opened.
    assert page.get_by_role("timer").count() == 0
    page.clock.run_for(600_000)
    assert problem(page, 1).get_by_text("Attempts left: 2 of 2.").is_visible()
    # Reading a finished problem again starts no clock.
    problem(page, 2).get_by_text("Answer and explanation", exact=True).click()
    assert page.get_by_role("timer").count() == 0


def test_a_fix_that_does_not_compile_costs_no_attempt(open_page):
    page = open_page("drill/")
    page.get_by_label("Test your skills under time pressure").check()
    debug = problem(page, 3)
    editor = debug.get_by_role("textbox", name=re.compile("^Code of "))
    edit_code(editor)  # opens the problem: its clock starts
    timer = page.get_by_role("timer")
    assert timer.inner_text() == "Problem 3: Debug: 2:00 left"
    page.keyboard.press("Control+a")
    page.keyboard.insert_text("def grad(w, x, y)\n    return 2 * (w * x - y) * x\n")
    debug.get_by_role("button", name="Check").click()
    status = debug.get_by_role("status").filter(has_text="syntax error")
    status.wait_for(timeout=SLOW)
    assert lines(status) == [
        "Your code has a syntax error, so the checks did not run:",
        "line 1: expected ':'",
        "Fix it and press Check again. Your attempts are unchanged.",
    ]
    assert debug.get_by_text("Attempts left: 2 of 2.").is_visible()
    # The clock waited while Python loaded and the checks ran.
    assert re.fullmatch(r"Problem 3: Debug: (2:00|1:59) left", timer.inner_text())
    # A fix that compiles but fails costs an attempt; Python's message stands in a block of its
    # own, apart from the sentence about attempts.
    edit_code(editor)
    page.keyboard.press("Control+a")
    page.keyboard.insert_text("def grad(w, x, y):\n    return 2 * (w * x - y)\n")
    debug.get_by_role("button", name="Check").click()
    failed = debug.get_by_role("status").filter(has_text="did not pass")
    failed.wait_for(timeout=SLOW)
    assert lines(failed) == ["The checks did not pass:", "AssertionError: grad(1, 3, 6) should be -18", "1 attempt left."]
