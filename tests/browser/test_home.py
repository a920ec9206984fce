"""The home page in headless Chromium, on the course's own site: a new reader is shown where to
start; a reader with progress (seeded in localStorage, built from the course index) is shown the
lesson to go on with, the cards due today and the badges earned; the panel passes axe and the
page fits a phone; and the cell to try runs (the one test here that starts Python)."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest
from playwright.sync_api import expect

from tests.support.browser import axe_violations, describe_violations, open_page, without_python

pytestmark = pytest.mark.browser

KEY = "gradlab:progress"
PANEL = "Continue where you left off"


@pytest.fixture(scope="module")
def home(browser, base_url):
    """One tab on the home page whose cell is never run, so no Python is loaded."""
    page = open_page(browser, base_url)
    without_python(page.context)
    yield page
    page.context.close()


def course(site_dir) -> dict:
    return {page["url"]: page for page in json.loads((site_dir / "assets" / "gradlab" / "course.json").read_text("utf-8"))["pages"]}


def finished(state: dict, lesson: dict, due: str) -> None:
    """Every exercise of `lesson` done, its cards next due at `due`, its badge earned."""
    w = lesson["widgets"]
    for deck in w["flashcards"]:
        for card in deck["cards"]:
            state["cards"][f"{deck['id']}/{card['id']}"] = {"rating": "good", "due": due, "reviewedAt": due}
    for quiz in w["quiz"]:
        state["quizzes"][quiz["id"]] = {q: {"correct": True, "chosen": [0], "answeredAt": due} for q in quiz["questions"]}
    for explain in w["explain"]:
        for prompt in explain["prompts"]:
            state["explain"][f"{explain['id']}/{prompt}"] = {"text": "because", "concepts": [True], "revealed": True}
    for challenge in w["challenge"]:
        state["challenges"][challenge["id"]] = {p: {"solved": True, "attemptsUsed": 1, "revealed": False} for p in challenge["problems"]}
        state["badges"][challenge["id"]] = {"name": challenge["badge"], "earnedAt": due}


def show(page, base_url, state: dict | None) -> None:
    """The home page as a reader with `state` (None: a new reader) finds it, once the panel has
    mounted."""
    page.goto(base_url)
    page.evaluate(f"state => state ? localStorage.setItem('{KEY}', JSON.stringify(state)) : localStorage.clear()", state)
    page.reload()
    page.wait_for_selector("[data-gl-mounted~=continue]", state="attached")
    # Loaded with its fonts, rather than Playwright's "networkidle" (which its docs advise
    # against in tests): under a full run's load that once waited out its 30 s here.
    page.wait_for_function("document.readyState === 'complete' && document.fonts.status === 'loaded'")


def test_a_new_reader_is_shown_where_to_start(home, base_url):
    show(home, base_url, None)
    expect(home.get_by_role("region", name=PANEL)).to_have_count(0)
    start = home.get_by_role("region", name="New here? Start with lesson 1")
    expect(start.get_by_role("link", name="Start lesson 1: One training step")).to_have_attribute("href", f"{base_url}lessons/one-training-step/")
    # The authors' pages are for authors: in the footer, not among the learner's lessons.
    expect(home.get_by_role("navigation", name="For authors").get_by_role("link", name="Authors' guide")).to_be_visible()
    expect(home.locator(".md-sidebar--primary").get_by_role("link", name="Authors' guide")).to_have_count(0)
    home.watch.assert_clean()


def test_a_returning_reader_continues_where_they_left_off(home, base_url, site_dir):
    lessons = course(site_dir)
    now = datetime.now(timezone.utc)
    state = {"version": 2, "cards": {}, "quizzes": {}, "challenges": {}, "badges": {}, "explain": {}, "predictions": {}, "code": {}, "modes": {}}
    finished(state, lessons["lessons/one-training-step/"], (now + timedelta(days=7)).isoformat())
    overdue = [key for key in state["cards"]][:2]
    for key in overdue:
        state["cards"][key]["due"] = (now - timedelta(days=1)).isoformat()
    quiz = lessons["lessons/loss-functions/"]["widgets"]["quiz"][0]
    state["quizzes"][quiz["id"]] = {quiz["questions"][0]: {"correct": False, "chosen": [1], "answeredAt": now.isoformat()}}

    show(home, base_url, state)
    panel = home.get_by_role("region", name=PANEL)
    # Lesson 1 is done; lesson 2 is begun, and its first unfinished exercise is its deck of cards.
    go_on = panel.get_by_role("link", name="Continue: 2. Loss functions")
    expect(go_on).to_have_attribute("href", f"{base_url}lessons/loss-functions/#gl-deck-loss-functions-cards")
    expect(panel).to_contain_text("Still to do there: Recall & Review, Quiz, Explain it in your own words, Challenge: Loss functions.")
    expect(panel.get_by_role("listitem").filter(has_text="due today")).to_have_text("2 cards due today: review them")
    expect(panel.get_by_role("link", name="review them")).to_have_attribute("href", f"{base_url}review/")
    badges = panel.get_by_role("listitem").filter(has_text="Badges earned").get_by_role("listitem")
    expect(badges).to_have_text(["Training Loop Mechanic"])

    for scheme in ("Switch to dark mode", "Switch to light mode"):  # as a reader switches: light, dark
        violations = axe_violations(home)
        assert not violations, describe_violations(violations)
        home.get_by_title(scheme).click()
    home.set_viewport_size({"width": 390, "height": 844})
    try:
        expect(panel).to_be_visible()
        assert home.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth"), "the home page scrolls sideways"
    finally:
        home.set_viewport_size({"width": 1280, "height": 720})

    # With lesson 2 done too, the next lesson is one not begun yet.
    finished(state, lessons["lessons/loss-functions/"], (now + timedelta(days=7)).isoformat())
    show(home, base_url, state)
    expect(panel.get_by_role("link", name="Next: 3. Automatic differentiation")).to_have_attribute("href", f"{base_url}lessons/autodiff/")
    expect(badges).to_have_text(["Training Loop Mechanic", "Loss Function Judge"])

    # Progress reset in another tab: this one goes back to saying where to start.
    home.evaluate(f"""() => {{
        localStorage.removeItem('{KEY}');
        dispatchEvent(new StorageEvent('storage', {{ key: '{KEY}' }}));
    }}""")
    expect(panel).to_have_count(0)
    expect(home.get_by_role("link", name="Start lesson 1: One training step")).to_be_visible()
    home.watch.assert_clean()

