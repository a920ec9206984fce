"""The widgets' own design on a course lesson that has every kind (cards, quiz, Explain,
challenge): readable in both colour schemes as a reader switches them (the palette toggle), cards
of a row equally tall with the question kept on the back, chosen quiz options tinted by their
verdict, disabled buttons that look it. Python is never started: no cell runs here."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.support.browser import PageWatch, contrast_violations, describe_violations, switch_to_dark, without_python

pytestmark = pytest.mark.browser

LESSON = "lessons/one-training-step/"


@pytest.fixture(scope="module")
def lesson(browser, base_url):
    context = browser.new_context(color_scheme="light", viewport={"width": 1280, "height": 900})
    without_python(context)
    page = context.new_page()
    page.watch = PageWatch(page, base_url)
    page.goto(base_url + LESSON)
    page.get_by_role("button", name="Flip card").first.wait_for()
    yield page
    context.close()


def question(quiz, number: int):
    return quiz.get_by_role("group", name=re.compile(rf"^Question {number} of"))


def scheme(page) -> str:
    return page.evaluate("document.body.dataset.mdColorScheme")


def test_every_widget_state_has_contrast_in_light_and_after_switching_to_dark(lesson):
    page = lesson
    # Bring out the states that carry colour: ratings, a right and a wrong quiz choice, the
    # key concepts, the challenge's timer controls.
    page.get_by_role("button", name="Flip card").first.click()
    expect(page.get_by_role("button", name="Again")).to_be_visible()
    quiz = page.get_by_role("region", name="Quiz")
    first, second = question(quiz, 1), question(quiz, 2)
    first.get_by_role("radio").nth(0).check()
    first.get_by_role("button", name="Check").click()
    second.get_by_role("radio").nth(0).check()
    second.get_by_role("button", name="Check").click()
    page.get_by_role("button", name="Show key concepts").first.click()
    challenge = page.locator('[data-gl-component="challenge"]')
    challenge.get_by_role("checkbox", name="Test your skills under time pressure").check()
    challenge.get_by_role("radio").first.focus()  # working on the first problem
    expect(page.get_by_role("button", name="Pause timer").first).to_be_visible()

    assert scheme(page) == "default"
    violations = contrast_violations(page)
    assert not violations, "light:\n" + describe_violations(violations)

    switch_to_dark(page)
    violations = contrast_violations(page)
    assert not violations, "dark:\n" + describe_violations(violations)
    page.watch.assert_clean()


def test_a_chosen_option_is_tinted_by_its_verdict_and_says_it(lesson):
    quiz = lesson.get_by_role("region", name="Quiz")
    asked = question(quiz, 3)
    options = asked.get_by_role("listitem")
    plain = options.nth(1).evaluate("li => getComputedStyle(li).backgroundColor")
    asked.get_by_role("radio").nth(1).check()  # "It moves w up by 0.05": wrong
    asked.get_by_role("button", name="Check").click()
    expect(options.nth(1)).to_contain_text("wrong")
    tinted = options.nth(1).evaluate("li => getComputedStyle(li).backgroundColor")
    assert tinted != plain


def test_cards_in_a_row_keep_equal_height_and_the_back_keeps_the_question(lesson):
    cards = lesson.get_by_role("region", name="Recall & Review").locator(".gl-card")
    first, second = cards.nth(0), cards.nth(1)
    flip = first.get_by_role("button", name="Flip card")
    if flip.get_attribute("aria-expanded") != "true":
        flip.click()
    expect(first.get_by_role("button", name="Good")).to_be_visible()  # the turned card shows its ratings
    faces = [card.locator(".gl-card__scene").bounding_box() for card in (first, second)]
    assert faces[0]["y"] == faces[1]["y"], "the two cards should share a row"
    assert faces[0]["height"] == pytest.approx(faces[1]["height"], abs=1)
    question = first.locator(".gl-card__front").inner_text().strip()
    expect(first.locator(".gl-card__back")).to_contain_text(question)
    expect(first.locator(".gl-card__back")).to_be_visible()


def test_a_disabled_button_looks_disabled(lesson):
    check = lesson.get_by_role("region", name="Quiz").get_by_role("button", name="Check").first
    enabled = check.evaluate("b => getComputedStyle(b).opacity")
    check.evaluate("b => (b.disabled = true)")
    try:
        assert float(check.evaluate("b => getComputedStyle(b).opacity")) < float(enabled)
    finally:
        check.evaluate("b => (b.disabled = false)")
