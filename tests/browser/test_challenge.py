"""Challenges and study modes in headless Chromium, on a small project of their own (so time limits
can be short and problems known): grading, attempts, the opt-in timer, the badge, Debug problems
run in the shared Python runtime, the study-mode menu, keyboard use and axe."""

from __future__ import annotations

import json
import re
import textwrap

import pytest

from tests.support.browser import PageWatch, axe_violations, describe_violations, edit_code, wait_for_widgets
from tests.support.project import SITE_HOOKS, serve_project

pytestmark = pytest.mark.browser
START = 1_800_000_000_000  # ms since the epoch; the fake clock's start for timer tests

DRILL = """\
# Drill

{{ study_modes() }}

Some prose that only the Read mode shows.

```python run predict
print(2 + 2)
--- expect
4
```

```python run
playground = "free"
```

{% call flashcards() %}
id: drill-cards
cards:
  - {id: one, difficulty: beginner, front: "What does backward() fill in?", back: "The .grad of each leaf."}
{% endcall %}

{% call challenge() %}
id: drill
title: Drill
badge: Driller
problems:
  - id: direction
    category: Conceptual
    difficulty: beginner
    time_limit: 30
    hint: Downhill.
    prompt: The gradient is positive. Which way does a step move the weight?
    options: [Up, Down, Nowhere]
    answer: B
    explanation: Against the gradient, so down.
  - id: loss-choice
    category: Model Choice
    difficulty: intermediate
    time_limit: 20
    attempts: 1
    hint: Think about the targets.
    prompt: Which loss suits a regression target?
    options: [Mean squared error, Cross-entropy]
    answer: A
    explanation: Regression compares numbers, so MSE.
  - id: chain
    category: Debug
    difficulty: intermediate
    hint: Chain rule.
    prompt: "`grad` should return dL/dw for L = (w*x - y)**2."
    code: |
      def grad(w, x, y):
          return 2 * (w * x - y)
    tests: |
      assert grad(1.0, 3.0, 6.0) == -18.0, "grad(1, 3, 6) should be -18"
    solution: |
      def grad(w, x, y):
          return 2 * (w * x - y) * x
    explanation: Multiply by the inner derivative, x.
{% endcall %}
"""

QUICK = """\
# Quick

{% call challenge() %}
id: quick
title: Quick pair
badge: Quick Thinker
problems:
  - id: first
    category: Conceptual
    difficulty: beginner
    hint: The first hint.
    prompt: Pick B.
    options: [Not this, This one]
    answer: B
    explanation: B was right.
  - id: second
    category: Hyperparameter
    difficulty: beginner
    hint: The second hint.
    prompt: Pick A.
    options: [This one, Not this]
    answer: A
    explanation: A was right.
{% endcall %}
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    pages = {"index.md": "# Home\n", "drill.md": DRILL, "quick.md": QUICK, "review.md": "# Review\n"}
    # The site's own hooks: Debug problems run in the Python runtime. It starts on the first Run,
    # so the tests that run no code do not share the machine with a loading Pyodide.
    start_on_run = "extra:\n  gradlab:\n    start: click\n"
    yield from serve_project(tmp_path_factory.mktemp("challenge-project"), pages, SITE_HOOKS, start_on_run)


@pytest.fixture
def open_page(context, site):
    pages = []

    def open_(path: str, clock: bool = False):
        page = context.new_page()
        page.watch = PageWatch(page, site)
        if clock:
            page.clock.install(time=START)
        page.goto(site + path)
        wait_for_widgets(page)
        if clock:
            page.clock.pause_at(START + 60_000)  # from here on time moves only when a test says so
        # Everything the challenge's polite live regions said, in order.
        page.evaluate(
            """() => { window.said = [];
            for (const el of document.querySelectorAll('.gl-challenge :is([aria-live=polite], [role=status])'))
              new MutationObserver(() => el.innerText && window.said.push(el.innerText))
                .observe(el, {childList: true, characterData: true, subtree: true}); }"""
        )
        pages.append(page)
        return page

    yield open_
    for page in pages:
        page.watch.assert_clean()
        page.close()


def reload(page) -> None:
    page.reload()
    wait_for_widgets(page)


def problem(page, number: int):
    return page.locator(".gl-challenge__problem").nth(number - 1)


def lines(status) -> list[str]:
    """A status's sentences, each in its own block."""
    return status.locator(":scope > *").all_inner_texts()


def progress(page) -> dict:
    return json.loads(page.evaluate("localStorage.getItem('gradlab:progress')") or "{}")


def test_wrong_then_right_answer_feedback_and_attempts(open_page):
    page = open_page("drill/")
    first = problem(page, 1)
    answer = first.locator(".gl-challenge__answer")
    assert not answer.is_visible(), "the answer stays hidden until solved or out of attempts"
    assert first.get_by_text("Attempts left: 2 of 2.").is_visible()
    first.get_by_role("button", name="Check").click()
    assert first.get_by_role("status").inner_text() == "Choose an answer first."
    first.get_by_label("Up").check()
    first.get_by_role("button", name="Check").click()
    assert lines(first.get_by_role("status")) == ["Not quite: A is not the answer.", "1 attempt left."]
    assert not first.get_by_text("Attempts left: 1 of 2.").is_visible(), "one line says it, not two"
    assert not answer.is_visible()
    first.get_by_label("Down").check()
    first.get_by_role("button", name="Check").click()
    assert first.get_by_role("status").inner_text() == "Correct. The explanation is shown below."
    assert not first.get_by_text("Solved.", exact=True).is_visible()  # until the page is opened again
    assert answer.is_visible() and "Answer: B." in answer.inner_text() and "Against the gradient" in answer.inner_text()
    assert first.get_by_role("button", name="Check").is_disabled()
    assert progress(page)["challenges"]["drill"]["direction"] == {"solved": True, "attemptsUsed": 1, "revealed": True}


def test_running_out_of_attempts_reveals_the_answer_and_survives_a_reload(open_page):
    page = open_page("drill/")
    second = problem(page, 2)  # one attempt only
    second.get_by_label("Cross-entropy").check()
    second.get_by_role("button", name="Check").click()
    assert "No attempts left: the answer and explanation are shown below." in second.get_by_role("status").inner_text()
    answer = second.locator(".gl-challenge__answer")
    assert answer.is_visible() and "Answer: A. Mean squared error" in answer.inner_text()
    assert second.get_by_label("Mean squared error").is_disabled()
    reload(page)
    second = problem(page, 2)
    second.locator(".gl-challenge__answer").wait_for()
    assert second.locator(".gl-challenge__answer").is_visible()
    assert second.get_by_role("button", name="Check").is_disabled()
    assert second.get_by_text("Out of attempts.").is_visible()


def test_timer_is_opt_in_and_running_out_costs_an_attempt(open_page):
    page = open_page("drill/", clock=True)
    first = problem(page, 1)
    toggle = page.get_by_label("Test your skills under time pressure")
    assert not toggle.is_checked()
    assert page.get_by_role("timer").count() == 0
    toggle.check()
    first.get_by_label("Up").focus()  # opening the problem starts its clock
    timer = page.get_by_role("timer")
    assert timer.inner_text() == "Problem 1: Conceptual: 0:30 left"
    page.clock.run_for(15_000)
    assert timer.inner_text() == "Problem 1: Conceptual: 0:15 left"
    assert first.get_by_text("Attempts left: 2 of 2.").is_visible()
    page.clock.run_for(16_000)
    assert lines(first.get_by_role("status")) == ["Time's up: that cost an attempt.", "1 attempt left."]
    # A fresh 0:30 for the next try (it started when time ran out, 1 s ago); and only milestones
    # were announced, never each second.
    assert timer.inner_text() == "Problem 1: Conceptual: 0:29 left"
    said = page.evaluate("window.said")
    assert said == [
        "Timer on. A problem's clock starts when you click or tab into it.",
        "Problem 1: Conceptual: 10 seconds left.",
        "Time's up: that cost an attempt.\n\n1 attempt left.",  # said by problem 1's status
    ], said
    # Time running out on the last attempt reveals the answer; the clock stops there.
    page.clock.run_for(29_000)
    assert first.locator(".gl-challenge__answer").is_visible()
    assert "No attempts left" in first.get_by_role("status").inner_text()
    assert page.get_by_role("timer").count() == 0
    assert progress(page)["challenges"]["drill"]["direction"] == {"solved": False, "attemptsUsed": 2, "revealed": True}


def test_timer_can_be_paused_extended_and_switched_off(open_page):
    page = open_page("drill/", clock=True)
    first = problem(page, 1)
    page.get_by_label("Test your skills under time pressure").check()
    first.get_by_label("Up").focus()
    timer = page.get_by_role("timer")
    page.get_by_role("button", name="Pause timer").click()
    assert timer.inner_text() == "Problem 1: Conceptual: 0:30 left (paused)"
    page.clock.run_for(120_000)
    assert timer.inner_text() == "Problem 1: Conceptual: 0:30 left (paused)"
    assert first.get_by_text("Attempts left: 2 of 2.").is_visible()
    page.get_by_role("button", name="Resume timer").click()
    page.get_by_role("button", name="+1:00").click()
    assert timer.inner_text() == "Problem 1: Conceptual: 1:30 left"
    page.clock.run_for(35_000)
    assert timer.inner_text() == "Problem 1: Conceptual: 0:55 left"
    assert first.get_by_text("Attempts left: 2 of 2.").is_visible()
    assert "Problem 1: Conceptual: 1 minute left." in page.evaluate("window.said")
    page.get_by_role("button", name="Switch timer off").click()
    assert page.get_by_role("timer").count() == 0
    assert not page.get_by_label("Test your skills under time pressure").is_checked()
    assert page.evaluate("document.activeElement.type") == "checkbox"
    page.clock.run_for(300_000)
    assert first.get_by_text("Attempts left: 2 of 2.").is_visible()


def test_the_clock_follows_the_problem_the_reader_works_on(open_page):
    page = open_page("drill/", clock=True)
    page.get_by_label("Test your skills under time pressure").check()
    problem(page, 1).get_by_label("Up").focus()
    page.clock.run_for(5_000)
    problem(page, 2).get_by_label("Cross-entropy").focus()
    timer = page.get_by_role("timer")
    assert timer.inner_text() == "Problem 2: Model Choice: 0:20 left"
    problem(page, 1).get_by_label("Up").focus()
    assert timer.inner_text() == "Problem 1: Conceptual: 0:25 left"  # its own time left was kept


def test_timer_animation_honours_reduced_motion(context, site, browser):
    for motion, expected in (("no-preference", "0.25s"), ("reduce", "0s")):
        page = context.new_page()
        page.emulate_media(reduced_motion=motion)
        page.goto(site + "drill/")
        page.get_by_label("Test your skills under time pressure").check()
        page.get_by_label("Up").focus()
        duration = page.evaluate("getComputedStyle(document.querySelector('.gl-challenge__timer-bar > div')).transitionDuration")
        assert duration == expected, motion
        page.close()


def test_badge_appears_when_every_problem_is_solved(open_page):
    page = open_page("quick/")
    badge = page.locator(".gl-challenge__badge")
    assert not badge.is_visible()
    problem(page, 1).get_by_label("This one").check()
    problem(page, 1).get_by_role("button", name="Check").click()
    assert not badge.is_visible()
    problem(page, 2).get_by_label("This one").check()
    problem(page, 2).get_by_role("button", name="Check").click()
    assert badge.locator("p").all_text_contents() == ["Badge earned", "Quick Thinker", "You solved every problem of Quick pair."]
    assert badge.get_attribute("role") == "status"
    assert progress(page)["badges"]["quick"]["name"] == "Quick Thinker"
    reload(page)
    assert "Quick Thinker" in page.locator(".gl-challenge__badge").inner_text()


def test_no_badge_when_a_problem_ran_out_of_attempts(open_page):
    page = open_page("quick/")
    for guess in ("Not this", "Not this"):
        problem(page, 1).get_by_label(guess).check()
        problem(page, 1).get_by_role("button", name="Check").click()
    problem(page, 2).get_by_label("This one").check()
    problem(page, 2).get_by_role("button", name="Check").click()
    assert not page.locator(".gl-challenge__badge").is_visible()
    assert "quick" not in progress(page)["badges"]


def focus_by_tab(page, name: str, limit: int = 120) -> None:
    """Press Tab until the focused element's accessible text starts with `name`."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        label = page.evaluate(
            """() => { const el = document.activeElement;
            return (el.labels?.[0]?.textContent || el.getAttribute('aria-label') || el.textContent || '').trim(); }"""
        )
        if label.startswith(name):
            return
    raise AssertionError(f"Tab never reached {name!r}")


def test_keyboard_only_walk_through_a_challenge(open_page):
    page = open_page("quick/", clock=True)
    focus_by_tab(page, "Test your skills under time pressure")
    page.keyboard.press("Space")
    assert page.get_by_role("timer").count() == 0, "no clock runs before a problem is opened"
    # Into the first radio group: that opens problem 1, whose timer sits just above its prompt.
    focus_by_tab(page, "A.")
    assert page.get_by_role("timer").inner_text() == "Problem 1: Conceptual: 2:00 left"
    for _ in range(3):
        page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.textContent") == "Pause timer"
    page.keyboard.press("Enter")
    assert page.get_by_role("button", name="Resume timer").is_visible()
    focus_by_tab(page, "+1:00")
    page.keyboard.press("Enter")
    assert page.get_by_role("timer").inner_text() == "Problem 1: Conceptual: 3:00 left (paused)"
    # Back into the radio group; an arrow key picks the next option.
    focus_by_tab(page, "A.")
    page.keyboard.press("ArrowDown")
    assert problem(page, 1).get_by_label("This one").is_checked()
    focus_by_tab(page, "Hint")  # after Check
    page.keyboard.press("Enter")
    assert problem(page, 1).get_by_role("button", name="Hint").get_attribute("aria-expanded") == "true"
    assert problem(page, 1).get_by_text("The first hint.").is_visible()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    assert problem(page, 1).get_by_role("status").inner_text().startswith("Correct.")
    # Check is now disabled, so focus moved to the revealed answer; the next Tab reaches problem 2.
    assert page.evaluate("document.activeElement.textContent") == "Answer and explanation"
    page.keyboard.press("Enter")
    assert not problem(page, 1).get_by_text("B was right.").is_visible(), "Enter on the summary folds the answer"
    focus_by_tab(page, "A.")
    page.keyboard.press("Space")
    focus_by_tab(page, "Check")
    page.keyboard.press("Enter")
    assert "Quick Thinker" in page.locator(".gl-challenge__badge").inner_text()


def test_without_javascript_answers_and_explanations_are_readable(browser, site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site + "drill/")
    first = page.locator(".gl-challenge__problem").first
    first.get_by_text("Answer and explanation").click()
    assert first.get_by_text("Against the gradient, so down.").is_visible()
    first.get_by_text("Hint", exact=True).click()
    assert first.get_by_text("Downhill.").is_visible()
    debug = page.locator(".gl-challenge__problem").nth(2)
    debug.get_by_text("Answer and explanation").click()
    assert "* x" in debug.locator(".gl-challenge__answer").inner_text()
    assert page.get_by_text("Choose how to study — 7 modes").is_visible()
    context.close()


def test_study_modes_show_only_the_chosen_kind(open_page, site):
    page = open_page("drill/")
    menu = page.get_by_role("navigation", name=re.compile("Choose how to study"))
    assert menu.get_by_text("Choose how to study — 7 modes").is_visible()
    names = [name.strip() for name in menu.locator("li").all_inner_texts()]
    assert names == ["Read", "Flashcards", "Challenge", "Predict & run", "Debug", "Spaced review", "Playground"]
    predict, free = page.locator(".gl-cell").nth(0), page.locator(".gl-cell").nth(1)
    prose = page.get_by_text("Some prose that only the Read mode shows.")
    deck = page.locator(".gl-flashcards")
    challenge = page.locator(".gl-challenge")
    menu.get_by_label("Flashcards").check()
    assert deck.is_visible() and not challenge.is_visible() and not prose.is_visible()
    assert menu.get_by_role("status").inner_text().startswith("Flashcards: 1 shown")
    menu.get_by_label("Debug").check()
    assert problem(page, 3).is_visible() and not problem(page, 1).is_visible() and not deck.is_visible()
    menu.get_by_label("Challenge").check()
    assert problem(page, 1).is_visible() and problem(page, 3).is_visible() and not deck.is_visible()
    menu.get_by_label("Predict & run").check()
    assert predict.is_visible() and not free.is_visible() and not challenge.is_visible()
    menu.get_by_label("Playground").check()
    assert free.is_visible() and not predict.is_visible() and not problem(page, 3).is_visible()
    menu.get_by_label("Read").check()
    assert prose.is_visible() and deck.is_visible() and problem(page, 1).is_visible()
    assert page.get_by_role("heading", name="Drill", exact=True).first.is_visible()
    menu.get_by_role("link", name="Spaced review").click()
    page.wait_for_url(site + "review/")


def test_debug_problem_passes_only_when_the_code_is_fixed(open_page):
    page = open_page("drill/")
    debug = problem(page, 3)
    check = debug.get_by_role("button", name="Check")
    check.click()
    status = debug.locator(".gl-challenge__feedback")
    status.filter(has_text="did not pass").wait_for(timeout=90_000)
    assert "AssertionError: grad(1, 3, 6) should be -18" in status.inner_text()
    assert "1 attempt left." in status.inner_text()
    assert not debug.locator(".gl-challenge__answer").is_visible(), "the reference fix stays hidden"
    editor = debug.get_by_role("textbox", name=re.compile("^Code of "))
    # A "fix" that never ends can be stopped, and stopping costs no attempt.
    edit_code(editor)
    page.keyboard.press("Control+a")
    page.keyboard.insert_text("while True:\n    pass\n")
    check.click()
    debug.get_by_role("button", name="Stop", exact=True).click()
    status.filter(has_text="stopped").wait_for(timeout=30_000)
    assert debug.get_by_text("Attempts left: 1 of 2.").is_visible()
    edit_code(editor)
    page.keyboard.press("Control+a")
    page.keyboard.insert_text(textwrap.dedent("""\
        def grad(w, x, y):
            return 2 * (w * x - y) * x
        """))
    check.click()
    status.filter(has_text="Correct").wait_for(timeout=60_000)
    assert debug.locator(".gl-challenge__answer").is_visible()
    assert progress(page)["challenges"]["drill"]["chain"]["solved"] is True


def test_axe_finds_nothing_on_a_challenge_in_use(open_page):
    page = open_page("drill/")  # a real clock: axe-core itself waits on timers
    violations = axe_violations(page)
    assert not violations, describe_violations(violations)
    page.get_by_label("Test your skills under time pressure").check()
    page.get_by_role("button", name="Hint").first.click()
    problem(page, 2).get_by_label("Cross-entropy").check()
    problem(page, 2).get_by_role("button", name="Check").click()
    page.get_by_role("navigation", name=re.compile("Choose how to study")).get_by_label("Challenge").check()
    # Scrolling swaps Material's header title with a fade; measure contrast once it has settled.
    page.evaluate("scrollTo(0, 0)")
    page.wait_for_function("getComputedStyle(document.querySelector('.md-header__topic')).opacity === '1'")
    violations = axe_violations(page)
    assert not violations, describe_violations(violations)


def test_study_modes_work_from_the_keyboard(open_page):
    page = open_page("drill/")
    focus_by_tab(page, "Read")
    page.keyboard.press("ArrowRight")  # arrow keys move through a radio group and pick
    menu = page.get_by_role("navigation", name=re.compile("Choose how to study"))
    assert menu.get_by_label("Flashcards").is_checked()
    assert not page.locator(".gl-challenge").is_visible()
    page.keyboard.press("ArrowLeft")
    assert page.locator(".gl-challenge").is_visible()
    assert menu.get_by_role("status").inner_text() == "Showing the whole lesson."


def test_a_reload_keeps_the_chosen_mode(open_page):
    page = open_page("drill/")
    menu = page.get_by_role("navigation", name=re.compile("Choose how to study"))
    menu.get_by_label("Flashcards").check()
    reload(page)
    assert menu.get_by_label("Flashcards").is_checked()
    assert not page.locator(".gl-challenge").is_visible()
