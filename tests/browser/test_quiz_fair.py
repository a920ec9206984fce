"""A fair quiz (issue 13, items 3 and 4), in headless Chromium on a page of its own without code
cells: each learner sees the options in an order of their own, the same on every visit; a
question with `shuffle: false` and a page without JavaScript keep the authored order; the answer
key follows the order shown and no text names an option by letter; the summary and the saved
progress count first tries apart from answers that were right in the end."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

from tests.support.browser import open_page
from tests.support.project import serve_project

pytestmark = pytest.mark.browser

PAGE = """# Fair quiz

{% call quiz() %}
id: fair-quiz
questions:
  - id: leaf
    prompt: Which tensors get a `.grad` from `loss.backward()`?
    options:
      - {text: "The leaves that require grad", correct: true, feedback: "Yes, those are the ones it fills."}
      - {text: "Every tensor in the graph", feedback: "No, the tensors in between keep `.grad` at None."}
      - {text: "Only the loss", feedback: "No, the loss is where the walk starts."}
      - {text: "The inputs that do not require grad", feedback: "No, nothing is recorded for them."}
    explanation: Backward fills `.grad` on the leaves that require grad.
  - id: step
    prompt: What does `optimizer.step()` read?
    options:
      - {text: "The loss value", feedback: "No, it never sees the loss."}
      - {text: "The `.grad` of each parameter", correct: true, feedback: "Yes, it moves each parameter against it."}
      - {text: "The learning rate alone", feedback: "No, the rate only scales the gradient."}
      - {text: "The graph of the forward pass", feedback: "No, only `backward()` walks the graph."}
    explanation: The step changes each parameter by its gradient times the learning rate.
  - id: calls
    shuffle: false
    prompt: Which of these does a training step call?
    options:
      - {text: "`loss.backward()`", feedback: "It does, and not only that one."}
      - {text: "`optimizer.step()`", feedback: "It does, and not only that one."}
      - {text: "Both of them", correct: true, feedback: "Yes, backward fills the gradients and step uses them."}
    explanation: A step computes the gradients, then uses them.
{% endcall %}
"""
AUTHORED = {
    "leaf": ["The leaves that require grad", "Every tensor in the graph", "Only the loss", "The inputs that do not require grad"],
    "step": ["The loss value", "The .grad of each parameter", "The learning rate alone", "The graph of the forward pass"],
    "calls": ["loss.backward()", "optimizer.step()", "Both of them"],
}
SHUFFLED = ("leaf", "step")


@pytest.fixture(scope="module")
def quiz_url(tmp_path_factory):
    yield from serve_project(tmp_path_factory.mktemp("fair-quiz"), {"index.md": PAGE})


@pytest.fixture
def page(browser, quiz_url):
    tab = open_page(browser, quiz_url)
    tab.goto(quiz_url)
    expect(tab.get_by_role("button", name="Check").first).to_be_visible()  # the quiz has mounted
    yield tab
    tab.watch.assert_clean()
    tab.context.close()


def question(page, qid: str):
    return page.locator(f'.gl-quiz__question[data-question="{qid}"]')


def orders(page) -> dict[str, list[str]]:
    """The option labels of every question, as shown, and its answer key, in its own order."""
    found = {}
    for qid in AUTHORED:
        shown = question(page, qid).locator(".gl-quiz__options label").all_text_contents()
        key = question(page, qid).locator(".gl-quiz__key .gl-quiz__option").all_text_contents()
        assert key == shown, f"{qid}: the answer key is not in the order shown"
        found[qid] = shown
    return found


def progress(page) -> dict:
    return json.loads(page.evaluate("localStorage.getItem('gradlab:progress')") or "{}")


def as_learner(page, learner: str) -> dict[str, list[str]]:
    page.evaluate("id => localStorage.setItem('gradlab:progress', JSON.stringify({version: 2, learner: id}))", learner)
    page.reload()
    expect(page.get_by_role("button", name="Check").first).to_be_visible()
    return orders(page)


def check(page, qid: str, option: str):
    question(page, qid).get_by_role("radio", name=option).check()
    question(page, qid).get_by_role("button", name="Check").click()


def summary(page):
    return page.get_by_role("status").filter(has_text="First try")


def test_each_learner_keeps_an_order_of_their_own_and_opted_out_questions_keep_the_authors(page, browser, quiz_url):
    learner = progress(page)["learner"]  # made on the first visit
    assert re.fullmatch(r"[0-9a-f]{32}", learner)
    first = orders(page)
    page.reload()
    expect(page.get_by_role("button", name="Check").first).to_be_visible()
    assert orders(page) == first and progress(page)["learner"] == learner  # the same on every visit

    one, two = as_learner(page, "learner-one-0001"), as_learner(page, "learner-two-0002")
    assert [one[qid] for qid in SHUFFLED] != [two[qid] for qid in SHUFFLED]  # another learner, another order
    assert one != AUTHORED and two != AUTHORED
    for shown in (first, one, two):
        assert {qid: sorted(labels) for qid, labels in shown.items()} == {qid: sorted(labels) for qid, labels in AUTHORED.items()}
        assert shown["calls"] == AUTHORED["calls"]  # `shuffle: false`: "Both of them" stays last
    assert as_learner(page, "learner-one-0001") == one  # an id gives its order, whatever else is stored
    # Options carry no letters, and no text on the page names one.
    assert not re.search(r"\b(?:option|answer|choice)s? \(?[A-F]\b", page.locator(".gl-quiz").text_content(), re.I)

    plain = browser.new_context(java_script_enabled=False)
    without_js = plain.new_page()
    without_js.goto(quiz_url)
    for qid, labels in AUTHORED.items():
        expect(without_js.locator(f'.gl-quiz__question[data-question="{qid}"] .gl-quiz__options label')).to_have_text(labels)
    plain.close()


def test_first_tries_are_counted_apart_from_answers_right_in_the_end(page):
    check(page, "leaf", "Only the loss")
    expect(question(page, "leaf").get_by_role("status")).to_contain_text("Wrong: Only the loss")
    check(page, "leaf", "The leaves that require grad")
    expect(question(page, "leaf").get_by_role("status")).to_contain_text("Correct.")
    check(page, "step", "The .grad of each parameter")
    record = "First try: 1 of 3 correct. Eventually: 2 of 3 correct. 1 not checked yet."
    expect(summary(page)).to_have_text(record)
    saved = progress(page)["quizzes"]["fair-quiz"]
    assert {qid: (r["firstTry"], r["eventually"], r["correct"]) for qid, r in saved.items()} == {
        "leaf": (False, True, True),
        "step": (True, True, True),
    }

    # A second round clears the answers, and a right first answer in it is not a first try.
    page.get_by_role("button", name="Retry").click()
    expect(page.locator(".gl-quiz__options input:checked")).to_have_count(0)
    expect(summary(page)).to_have_text(record)
    check(page, "leaf", "The leaves that require grad")
    expect(summary(page)).to_have_text(record)
    assert progress(page)["quizzes"]["fair-quiz"]["leaf"]["firstTry"] is False

    page.reload()  # the saved answer comes back on its own option, wherever that option is shown
    expect(summary(page)).to_have_text(record)
    expect(question(page, "leaf").get_by_role("radio", name="The leaves that require grad")).to_be_checked()
    chosen = question(page, "leaf").locator("li", has=page.get_by_role("radio", name="The leaves that require grad"))
    expect(chosen.locator(".gl-quiz__mark")).to_have_text("right")
