"""Practice a learner can trust (issue 13), in headless Chromium on a small project of its own:
a Predict cell is never spoiled by running the cells below it, a quiz's answer waits for a
first Check, a Run clicked while another cell runs is queued, code edits and the study mode
survive a reload, and input() says how to give the value in code."""

from __future__ import annotations

import json
import re
import textwrap

import pytest
from playwright.sync_api import expect

from tests.browser.test_challenge import DRILL
from tests.browser.test_quiz_explain import PAGE as QUIZ
from tests.support.browser import edit_code, open_page, without_python
from tests.support.project import SITE_HOOKS, serve_project

pytestmark = pytest.mark.browser
SLOW = 90_000  # ms: loading Pyodide, NumPy and microtorch on a busy 2-core machine

CELLS = """\
# Cells

```python run title="Guess" predict id="guess"
import time
time.sleep(1.5)  # long enough to see what the cell below says meanwhile
answer = 6 * 7
print(answer)
--- expect
42
```

```python run title="After"
print(answer + 1)
```

```python run title="Slow" isolated
import time
time.sleep(3)
print("slow done")
```

```python run title="Quick" isolated
print("quick")
```

```python run title="Ask" isolated
name = input("Name? ")
```
"""

# The quiz and the lesson with a study-mode menu and a Debug problem are the pages the quiz and
# challenge tests use; the lesson gets a second section, so the table of contents has a link.
LESSON = DRILL + "\n## Playing\n\nMore prose to read.\n"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    pages = {"index.md": CELLS, "quiz.md": QUIZ, "lesson.md": LESSON}
    yield from serve_project(tmp_path_factory.mktemp("fair-practice"), pages, SITE_HOOKS)


@pytest.fixture
def page(browser, site):
    tab = open_page(browser, site)
    tab.url_of = lambda path: site + path
    yield tab
    tab.watch.assert_clean()
    tab.context.close()


@pytest.fixture(scope="module")
def running(browser, site):
    """One tab on the cells page for the tests that run isolated cells: they share its Python."""
    tab = open_page(browser, site)
    tab.goto(site)
    yield tab
    tab.context.close()


@pytest.fixture
def ran(running):
    """The shared tab with a fresh watch; the test asserts it clean when done."""
    running.watch.console_errors.clear()
    running.watch.external.clear()
    yield running
    running.watch.assert_clean()


def cell(page, name):
    return page.get_by_role("group", name=name, exact=True)


def status(page, name):
    return cell(page, name).get_by_role("status")


def output(page, name):
    return cell(page, name).get_by_role("region", name=f"Output of {name}")


def editor(page, name):
    return cell(page, name).get_by_role("textbox", name=f"Code of {name}")


def progress(page) -> dict:
    return json.loads(page.evaluate("localStorage.getItem('gradlab:progress')") or "{}")


def replace_code(page, box, text):
    edit_code(box)
    page.keyboard.press("Control+a")
    page.keyboard.insert_text(text)


def test_running_a_later_cell_runs_a_predict_cell_silently(page):
    page.goto(page.url_of(""))
    cell(page, "After").get_by_role("button", name="Run").click()
    # The clicked cell tells what is happening, from loading Python to the cells above it.
    expect(status(page, "After")).to_have_text("Loading Python…", timeout=SLOW)
    expect(status(page, "After")).to_have_text("Running the cells above first…", timeout=SLOW)
    expect(output(page, "After")).to_have_text("43", timeout=SLOW)  # the Predict cell's variable exists
    expect(output(page, "Guess")).to_be_hidden()  # but its output is not given away
    expect(status(page, "Guess")).not_to_contain_text("prediction")
    assert progress(page).get("predictions", {}) == {}
    # The learner can still predict and run it, and only then it is compared.
    cell(page, "Guess").get_by_role("textbox", name="Predict first: what will this code print?").fill("42")
    cell(page, "Guess").get_by_role("button", name="Run").click()
    expect(status(page, "Guess")).to_have_text("Your prediction matched the output.", timeout=SLOW)
    expect(output(page, "Guess")).to_have_text("42")


def test_a_run_clicked_while_another_cell_runs_is_queued(ran):
    page = ran
    cell(page, "Slow").get_by_role("button", name="Run").click()
    expect(status(page, "Slow")).to_have_text("Running…", timeout=SLOW)
    cell(page, "Quick").get_by_role("button", name="Run").click()
    expect(status(page, "Quick")).to_have_text("Waiting for the cell above…")
    expect(output(page, "Slow")).to_have_text("slow done", timeout=SLOW)
    expect(output(page, "Quick")).to_have_text("quick", timeout=SLOW)
    expect(status(page, "Quick")).to_have_text(re.compile(r"^Done in \d+ ms$"))


def test_input_says_how_to_give_the_value_in_code(ran):
    page = ran
    cell(page, "Ask").get_by_role("button", name="Run").click()
    expect(status(page, "Ask")).to_have_text("Error on line 1.", timeout=SLOW)
    shown = output(page, "Ask")
    expect(shown).to_contain_text("Name? ")
    expect(shown).to_contain_text("EOFError: a code cell has no keyboard to read from, so input() gets no line.")
    expect(shown).to_contain_text('Write the value in the code instead, e.g. name = "Ada"')
    expect(shown).not_to_contain_text("Errno 29")


def test_code_edits_survive_a_reload_until_reset(page):
    without_python(page.context)  # no cell is run here
    page.goto(page.url_of(""))
    replace_code(page, editor(page, "Quick"), 'print("mine")')
    page.reload()
    expect(editor(page, "Quick")).to_have_text('print("mine")')
    expect(status(page, "Quick")).to_have_text("Your edited code is back; Reset restores the original.")
    expect(editor(page, "Slow")).to_contain_text("time.sleep(3)")  # other cells keep their own code
    cell(page, "Quick").get_by_role("button", name="Reset").click()
    expect(editor(page, "Quick")).to_have_text('print("quick")')
    page.reload()
    expect(editor(page, "Quick")).to_have_text('print("quick")')
    assert progress(page)["code"] == {}


def test_answer_and_explanation_appear_only_after_the_first_check(page):
    page.goto(page.url_of("quiz/"))
    question = page.locator(".gl-quiz__question").first
    expect(question.get_by_role("button", name="Check")).to_be_visible()
    expect(question.get_by_text("Answer and explanation", exact=True)).to_be_hidden()
    question.get_by_role("button", name="Check").click()  # nothing chosen: not a try
    expect(question.get_by_text("Answer and explanation", exact=True)).to_be_hidden()
    question.get_by_role("radio", name="The new weights").check()
    question.get_by_role("button", name="Check").click()
    expect(question.get_by_text("Answer and explanation", exact=True)).to_be_visible()
    page.reload()
    expect(question.get_by_text("Answer and explanation", exact=True)).to_be_visible()  # it was tried
    page.get_by_role("button", name="Retry").click()
    expect(question.get_by_text("Answer and explanation", exact=True)).to_be_hidden()


def test_the_study_mode_survives_a_reload_and_a_contents_click(page):
    without_python(page.context)  # no cell is run here
    page.goto(page.url_of("lesson/"))
    menu = page.get_by_role("navigation", name=re.compile("Choose how to study"))
    predicted, free = cell(page, "Code cell 1"), cell(page, "Code cell 2")
    menu.get_by_label("Predict & run").check()
    expect(free).to_be_hidden()
    page.reload()
    expect(menu.get_by_label("Predict & run")).to_be_checked()
    expect(predicted).to_be_visible()
    expect(free).to_be_hidden()
    expect(menu.get_by_role("status")).to_have_text(re.compile(r"^Predict & run: 1 shown"))
    page.get_by_role("navigation", name="Table of contents").get_by_role("link", name="Playing").click()
    expect(menu.get_by_label("Predict & run")).to_be_checked()
    expect(free).to_be_hidden()
    menu.get_by_label("Read").check()
    page.reload()
    expect(free).to_be_visible()


def test_a_solved_debug_fix_survives_a_reload(page):
    page.goto(page.url_of("lesson/"))
    debug = page.locator(".gl-challenge__problem").nth(2)
    fix = textwrap.dedent("""\
        def grad(w, x, y):
            return 2 * (w * x - y) * x""")
    replace_code(page, debug.get_by_role("textbox", name=re.compile("^Code of ")), fix)
    debug.get_by_role("button", name="Check").click()
    expect(debug.locator(".gl-challenge__feedback")).to_contain_text("Correct", timeout=SLOW)
    without_python(page.context)  # what survives the reload is read, not run
    page.reload()
    expect(debug.get_by_role("textbox", name=re.compile("^Code of "))).to_have_text(re.compile(r"return 2 \* \(w \* x - y\) \* x$"))
    expect(debug.get_by_text("Solved.", exact=True)).to_be_visible()
