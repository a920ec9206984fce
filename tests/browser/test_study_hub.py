"""The study hub in headless Chromium: a Review session (one card at a time, Again comes back,
a daily cap on new cards, a summary) and My progress (lessons in course order, per-lesson
numbers, a phone's width), on a small site with no code cells. Progress is seeded through
localStorage; one tab serves the whole module."""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta, timezone

import pytest
from playwright.sync_api import expect

from tests.support.browser import open_page
from tests.support.project import ROOT, serve_project

pytestmark = pytest.mark.browser
KEY = "gradlab:progress"


def deck(name: str) -> str:
    return "\n".join(
        [f"{{% call flashcards() %}}", f"id: {name}-cards", "cards:"]
        + [f'  - {{id: {c}, difficulty: beginner, front: "{name} question {c}?", back: "{name} answer {c}."}}' for c in "abc"]
        + ["{% endcall %}"]
    )


QUIZ = """
{% call quiz() %}
id: zeta-quiz
questions:
  - id: first
    prompt: Which way does a step move?
    options:
      - {text: Downhill, correct: true, feedback: Against the gradient.}
      - {text: Uphill, feedback: That is along the gradient.}
    explanation: Against the gradient.
  - id: second
    prompt: What does backward() fill in?
    options:
      - {text: The data, feedback: The data stays.}
      - {text: The grads, correct: true, feedback: "Right: it fills in .grad."}
    explanation: The .grad of each leaf.
{% endcall %}
"""

CHALLENGE = """
{% call challenge() %}
id: alpha-challenge
title: Alpha challenge
badge: Alpha Ace
problems:
  - {id: one, category: Conceptual, difficulty: beginner, hint: B., prompt: Pick B., options: [Not this, This one], answer: B, explanation: B.}
  - {id: two, category: Conceptual, difficulty: beginner, hint: A., prompt: Pick A., options: [This one, Not this], answer: A, explanation: A.}
{% endcall %}
"""

# The nav reads zeta before alpha; the build renders files alphabetically.
PAGES = {
    "index.md": "# Home\n",
    "lessons/zeta.md": "# Lesson one\n\n" + deck("zeta") + QUIZ,
    "lessons/alpha.md": "# Lesson two\n\n" + deck("alpha") + CHALLENGE,
    "review.md": (ROOT / "docs" / "review.md").read_text(encoding="utf-8"),
    "progress.md": (ROOT / "docs" / "progress.md").read_text(encoding="utf-8"),
}


@pytest.fixture(scope="module")
def hub_url(tmp_path_factory):
    yield from serve_project(tmp_path_factory.mktemp("hub"), PAGES)


@pytest.fixture(scope="module")
def tab(browser, hub_url):
    page = open_page(browser, hub_url)
    page.url_of = lambda path: hub_url + path
    yield page
    page.watch.assert_clean()
    page.context.close()


def when(**delta) -> str:
    return (datetime.now(timezone.utc) + timedelta(**delta)).isoformat()


def entry(rating: str, state: int, **due) -> dict:
    """A card's saved progress, due `due` from now (timedelta's arguments); state is ts-fsrs's
    (1 learning, 2 review)."""
    when_due, reviewed = when(**due), when(days=-10)
    fsrs = {"due": when_due, "stability": 8.3, "difficulty": 5.0, "elapsed_days": 0, "scheduled_days": 8, "reps": 1,
            "lapses": 0, "learning_steps": 0, "state": state, "last_review": reviewed}
    return {"rating": rating, "due": when_due, "fsrs": fsrs, "reviewedAt": reviewed}


def seed(page, path: str, **sections):
    """Open `path` with this progress stored (other sections empty)."""
    page.goto(page.url_of(path))
    state = {"version": 2, "cards": {}, "quizzes": {}, "challenges": {}, "badges": {}} | sections
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [KEY, json.dumps(state)])
    page.reload()


def saved(page) -> dict:
    return json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))


def shown_card(page):
    """The one card on show, checked to be asked question first; returns its id."""
    card = page.locator(".gl-card")
    expect(card).to_have_count(1)
    expect(card.get_by_role("button", name="Flip card")).to_have_attribute("aria-expanded", "false")
    expect(card.locator(".gl-card__back")).to_have_attribute("inert", "")  # turned away
    return card.get_attribute("id").removeprefix("gl-card-")


def rate(page, grade: str):
    card = page.locator(".gl-card")
    card.get_by_role("button", name="Flip card").click()
    card.get_by_role("group", name="How well did you recall it?").get_by_role("button", name=grade).click()


def test_review_is_a_session_of_due_and_a_few_new_cards_where_again_comes_back(tab):
    page = tab
    seed(page, "review/",
         cards={"zeta-cards/a": entry("good", 2, days=-2), "alpha-cards/a": entry("good", 2, days=-1)},
         review={"settings": {"newPerDay": 2}})
    status = page.locator(".gl-review__status")
    expect(status).to_have_text("4 cards to go in this session.")

    shown = [shown_card(page)]
    rate(page, "Again")
    expect(status).to_have_text("Saved: Again. 4 cards to go in this session.")  # it will come back
    for _ in range(3):
        shown.append(shown_card(page))
        rate(page, "Good")
    shown.append(shown_card(page))
    # Due cards, interleaved with two new ones (the day's cap, of four never rated), across lessons;
    # the card rated Again comes back before the session ends.
    assert shown == ["zeta-cards__a", "zeta-cards__b", "alpha-cards__a", "alpha-cards__b", "zeta-cards__a"]
    rate(page, "Good")

    summary = page.get_by_role("region", name="Session complete")
    expect(summary).to_contain_text("You reviewed 4 cards, 2 of them new, with 5 ratings:")
    expect(summary.get_by_role("listitem")).to_have_text(["Again: 1", "Hard: 0", "Good: 4", "Easy: 0"])
    expect(summary).to_contain_text(re.compile(r"Your next card is due in \d+ minutes?\."))
    expect(summary.get_by_role("heading", name="Session complete")).to_be_focused()
    assert saved(page)["review"]["today"]["introduced"] == ["zeta-cards/b", "alpha-cards/b"]

    # Today's new cards are met: nothing is left until the learner allows one more a day.
    page.reload()
    expect(status).to_have_text("Nothing is due for review right now. Well done.")
    expect(page.get_by_text("You have met today's 2 new cards")).to_be_visible()
    page.get_by_role("spinbutton", name="New cards a day").fill("3")
    page.get_by_role("spinbutton", name="New cards a day").press("Enter")
    expect(status).to_have_text("Saved: up to 3 new cards a day. 1 card to go in this session.")
    assert shown_card(page) == "zeta-cards__c"
    assert saved(page)["review"]["settings"] == {"newPerDay": 3}


def test_progress_lists_lessons_in_course_order_with_their_numbers_and_fits_a_phone(tab):
    page = tab
    page.set_viewport_size({"width": 390, "height": 844})
    seed(page, "progress/",
         cards={
             "zeta-cards/a": entry("easy", 2, days=5),
             "zeta-cards/b": entry("again", 1, days=-1),
             "alpha-cards/c": entry("good", 2, days=9),
         },
         quizzes={"zeta-quiz": {"first": {"firstTry": True, "eventually": True, "correct": True}, "second": {"firstTry": False, "eventually": True, "correct": True}}},
         challenges={"alpha-challenge": {"one": {"solved": True}}},  # a second try, going less well...
         bests={"alpha-challenge": {"solved": 2, "total": 2, "tries": 2}},  # ...than the best one
         badges={"alpha-challenge": {"name": "Alpha Ace", "earnedAt": when(days=-1)}})
    lessons = page.locator(".gl-progress__lesson")
    expect(lessons.get_by_role("heading")).to_have_text(["Lesson one", "Lesson two"])  # nav order
    facts = [
        {"Cards": "1 of 3 learned, 1 due", "Quiz, first try": "1 of 2 (2 right so far)"},
        {"Cards": "1 of 3 learned, 0 due", "Challenge best": "2 of 2 solved", "Badge": "Alpha Ace: earned"},
    ]
    for i, expected in enumerate(facts):
        expect(lessons.nth(i).get_by_role("term")).to_have_text(list(expected))
        expect(lessons.nth(i).get_by_role("definition")).to_have_text(list(expected.values()))
    expect(page.locator(".gl-progress__summary")).to_contain_text("You have rated 3 of 6 cards and learned 2; 1 is due")
    expect(page.locator(".gl-progress__summary")).to_contain_text("Badges earned: 1 of 1.")

    # Nothing scrolls sideways on a 390 px screen: not the page, not a box inside the report.
    wide = page.evaluate(
        """() => [document.documentElement, ...document.querySelectorAll('.gl-progress *')]
            .filter((el) => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).display !== 'inline')
            .map((el) => el.className || el.tagName)"""
    )
    assert wide == []
