"""Flip cards, the progress store, "My progress" and "Review" in headless Chromium, on a throwaway
site with two lessons of cards and the real progress and review pages: keyboard flipping, saved
ratings, corrupt storage, export/reset/import, the review queue, the page without JavaScript,
reduced motion, lazy loading of the scheduler, and axe."""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta, timezone

import pytest
from playwright.sync_api import expect

from tests.support.browser import PageWatch, axe_violations, describe_violations
from tests.support.project import ROOT, serve_project

pytestmark = pytest.mark.browser

ONE = """# Lesson one

{% call flashcards() %}
id: one-cards
cards:
  - id: backward
    difficulty: beginner
    tags: [autograd]
    front: What does `loss.backward()` fill in?
    back: The `.grad` of every leaf tensor that requires grad.
  - id: step
    difficulty: intermediate
    front: Which way does a gradient step move a weight?
    back: Against the gradient, $w \\leftarrow w - \\eta g$.
{% endcall %}
"""

TWO = """# Lesson two

{{ flashcards("cards.yml") }}
"""

TWO_CARDS = """
id: two-cards
title: Loss functions
cards:
  - id: mse
    difficulty: advanced
    front: What does MSE stand for?
    back: Mean squared error.
  - id: zero-grad
    difficulty: expert
    front: Why call `zero_grad()`?
    back: Because `backward()` adds into `.grad`.
"""

PAGES = {
    "index.md": "# Home\n\nNo cards here.\n",
    "lessons/one.md": ONE,
    "lessons/two.md": TWO,
    "lessons/cards.yml": TWO_CARDS,
    "review.md": (ROOT / "docs" / "review.md").read_text(encoding="utf-8"),
    "progress.md": (ROOT / "docs" / "progress.md").read_text(encoding="utf-8"),
}
KEY = "gradlab:progress"


@pytest.fixture(scope="module")
def cards_url(tmp_path_factory):
    yield from serve_project(tmp_path_factory.mktemp("cards"), PAGES)


@pytest.fixture
def page(context, cards_url):
    page = context.new_page()
    page.watch = PageWatch(page, cards_url)
    page.url_of = lambda path: cards_url + path
    yield page
    page.watch.assert_clean()
    page.close()


def open_lesson(page, path="lessons/one/"):
    page.goto(page.url_of(path))
    expect(flip(page, 0)).to_be_visible()  # the script has mounted
    return page


def flip(page, index):
    return page.get_by_role("button", name="Flip card").nth(index)


def card(page, index):
    return page.locator(".gl-card").nth(index)


def rate(page, index, grade):
    flip(page, index).click()
    card(page, index).get_by_role("button", name=grade).click()
    expect(card(page, index).get_by_role("status")).to_contain_text(f"Saved: {grade}.")


def saved(page) -> dict:
    return json.loads(page.evaluate(f"localStorage.getItem('{KEY}')") or "{}")


def assert_accessible(page):
    violations = axe_violations(page)
    assert not violations, describe_violations(violations)


def test_enter_and_space_flip_a_card_and_reveal_the_ratings(page):
    open_lesson(page)
    button, first = flip(page, 0), card(page, 0)
    back = first.locator(".gl-card__back")
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(button).to_have_accessible_description(re.compile("What does loss.backward\\(\\) fill in?"))
    expect(first.get_by_role("group", name="How well did you recall it?")).to_be_hidden()

    button.focus()
    page.keyboard.press("Enter")
    expect(button).to_have_attribute("aria-expanded", "true")
    expect(back).to_be_visible()
    expect(page.get_by_text("The .grad of every leaf tensor")).to_be_visible()
    ratings = first.get_by_role("group", name="How well did you recall it?")
    expect(ratings).to_be_visible()
    # The scheduler's preview says when each grade would bring the card back.
    expect(ratings.get_by_role("button", name="Good")).to_contain_text(re.compile(r"in \d+ minutes"))

    page.keyboard.press("Space")
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(ratings).to_be_hidden()
    expect(button).to_be_focused()


def test_a_click_on_the_card_turns_it_over(page):
    open_lesson(page)
    card(page, 1).locator(".gl-card__front").click()
    expect(flip(page, 1)).to_have_attribute("aria-expanded", "true")
    card(page, 1).locator(".gl-card__back").click()
    expect(flip(page, 1)).to_have_attribute("aria-expanded", "false")


def test_a_rating_is_scheduled_saved_and_survives_a_reload(page):
    open_lesson(page)
    rate(page, 0, "Good")
    expect(card(page, 0).get_by_role("status")).to_have_text(re.compile(r"Saved: Good\. Next review in (9|10) minutes\."))
    entry = saved(page)["cards"]["one-cards/backward"]
    assert entry["rating"] == "good" and entry["fsrs"]["reps"] == 1
    assert entry["due"] == entry["fsrs"]["due"]
    assert datetime.fromisoformat(entry["due"]) > datetime.now(timezone.utc) + timedelta(minutes=5)

    page.reload()
    expect(card(page, 0).get_by_role("status")).to_have_text(re.compile(r"Next review in (9|10) minutes\."))
    expect(card(page, 1).get_by_role("status")).to_be_hidden()  # the other card was never rated
    # A second rating builds on the first: the scheduler sees two reviews.
    rate(page, 0, "Easy")
    assert saved(page)["cards"]["one-cards/backward"]["fsrs"]["reps"] == 2


def test_without_javascript_both_sides_are_readable(browser, cards_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(cards_url + "lessons/one/")
    question = page.get_by_text("What does loss.backward() fill in?")
    answer = page.get_by_text("The .grad of every leaf tensor")
    expect(question).to_be_visible()
    expect(answer).to_be_hidden()  # asked first, revealed on request
    page.get_by_text("Show answer").first.click()
    expect(answer).to_be_visible()
    context.close()


def test_the_flip_animates_or_cross_fades_under_reduced_motion(page):
    open_lesson(page)
    back = card(page, 0).locator(".gl-card__back")
    front = card(page, 0).locator(".gl-card__front")
    style = "(el, prop) => getComputedStyle(el)[prop]"
    assert back.evaluate(style, "transform") != "none"  # turned away, ready to rotate in
    assert "transform" in back.evaluate(style, "transitionProperty")

    page.emulate_media(reduced_motion="reduce")
    assert back.evaluate(style, "transform") == "none"
    assert back.evaluate(style, "opacity") == "0"
    flip(page, 0).click()
    expect(back).to_have_css("opacity", "1")
    expect(front).to_have_css("opacity", "0")
    assert back.evaluate(style, "transform") == "none"


def test_the_scheduler_loads_only_when_a_card_is_turned(page):
    # Bodies are read here, not in the event handler: a blocking call inside a handler can run
    # after the assertion that needs it.
    responses = []
    page.on("response", lambda r: r.request.resource_type == "script" and responses.append(r))
    fsrs_loaded = lambda: any("request_retention" in r.text() for r in responses)  # noqa: E731
    open_lesson(page)
    page.wait_for_load_state("networkidle")
    assert not fsrs_loaded(), "ts-fsrs loaded before any card was turned"
    flip(page, 0).click()
    expect(card(page, 0).get_by_role("button", name="Good")).to_contain_text("minutes")
    assert fsrs_loaded()


def test_corrupt_storage_shows_a_notice_and_the_page_still_works(page):
    open_lesson(page)
    page.evaluate(f"localStorage.setItem('{KEY}', '{{not json')")
    page.reload()
    notice = page.get_by_role("alert")
    expect(notice).to_contain_text("could not be read, so it was reset")
    assert page.evaluate(f"localStorage.getItem('{KEY}:corrupt')") == "{not json"
    rate(page, 1, "Hard")
    assert list(saved(page)["cards"]) == ["one-cards/step"]
    page.reload()
    expect(page.get_by_role("alert")).to_have_count(0)  # told once, not on every page


def test_data_from_a_newer_version_or_of_the_wrong_shape_is_reset_with_a_notice(page):
    open_lesson(page)
    for bad in ({"version": 99, "cards": {}}, {"version": 2, "cards": []}, {"version": 2, "cards": {"a/b": {"due": "soon"}}}):
        page.evaluate("([key, value]) => localStorage.setItem(key, value)", [KEY, json.dumps(bad)])
        page.reload()
        expect(page.get_by_role("alert")).to_contain_text("could not be read")
        assert saved(page)["cards"] == {}


def test_version_one_progress_is_migrated(page):
    open_lesson(page)
    due = (datetime.now(timezone.utc) + timedelta(days=3)).isoformat()
    old = {
        "version": 1,
        "cards": {"one-cards/backward": {"rating": "good", "fsrs": {"due": due, "reps": 1}, "reviewedAt": due}},
        "quizzes": {"q": {"a": {"correct": True}}},
    }
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [KEY, json.dumps(old)])
    page.reload()
    expect(card(page, 0).get_by_role("status")).to_have_text("Next review in 3 days.")
    expect(page.get_by_role("alert")).to_have_count(0)
    rate(page, 1, "Good")  # the first write stores the migrated shape
    state = saved(page)
    assert state["version"] == 2 and state["cards"]["one-cards/backward"]["due"] == due
    assert state["quizzes"] == {"q": {"a": {"correct": True}}} and state["badges"] == {}


def test_export_reset_import_restores_progress(page, tmp_path):
    open_lesson(page)
    rate(page, 0, "Good")
    rate(page, 1, "Easy")
    exported_state = saved(page)
    page.goto(page.url_of("progress/"))
    summary = page.locator(".gl-progress__summary")
    expect(summary).to_contain_text("You have rated 2 of 4 cards")

    with page.expect_download() as download:
        page.get_by_role("button", name="Export progress").click()
    file = tmp_path / download.value.suggested_filename
    download.value.save_as(file)
    assert re.fullmatch(r"gradlab-progress-\d{4}-\d\d-\d\d\.json", file.name)
    assert json.loads(file.read_text())["progress"] == exported_state

    page.once("dialog", lambda dialog: dialog.dismiss())
    page.get_by_role("button", name="Reset progress").click()
    expect(summary).to_contain_text("You have rated 2 of 4 cards")  # cancelled: nothing lost
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Reset progress").click()
    expect(summary).to_contain_text("You have rated 0 of 4 cards")
    assert saved(page)["cards"] == {}

    # Something new since the reset: importing must ask before overwriting it.
    open_lesson(page, "lessons/two/")
    rate(page, 0, "Again")
    page.goto(page.url_of("progress/"))
    dialogs = []
    page.once("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.accept()))
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="Import progress").click()
    chooser.value.set_files(file)
    expect(page.get_by_role("status").filter(has_text="imported")).to_contain_text(f"Progress imported from {file.name}.")
    assert dialogs and "Replace your current progress" in dialogs[0]
    assert saved(page) == exported_state
    expect(summary).to_contain_text("You have rated 2 of 4 cards")
    lesson_one = page.get_by_role("listitem").filter(has=page.get_by_role("heading", name="Lesson one"))
    expect(lesson_one).to_contain_text("1 of 2 learned, 0 due")  # Good keeps a new card in its learning steps


def test_import_rejects_a_file_that_is_not_progress_and_changes_nothing(page, tmp_path):
    open_lesson(page)
    rate(page, 0, "Good")
    before = saved(page)
    page.goto(page.url_of("progress/"))
    for name, text in [("notes.json", "{\"hello\": 1}"), ("broken.json", "{oops"), ("old.json", json.dumps({"format": "gradlab-progress", "progress": {"version": 2, "cards": 5}}))]:
        (tmp_path / name).write_text(text)
        with page.expect_file_chooser() as chooser:
            page.get_by_role("button", name="Import progress").click()
        chooser.value.set_files(tmp_path / name)
        expect(page.locator(".gl-progress__message")).to_contain_text(f"Nothing was imported from {name}")
        assert saved(page) == before


def test_review_takes_due_cards_from_every_lesson_interleaved_one_at_a_time(page):
    open_lesson(page)
    rate(page, 0, "Again")
    rate(page, 1, "Again")
    open_lesson(page, "lessons/two/")
    rate(page, 0, "Again")
    rate(page, 1, "Easy")  # not due for days

    page.goto(page.url_of("review/"))
    status = page.locator(".gl-review__status")
    expect(status).to_have_text("Nothing is due for review right now. Well done.")  # "Again" waits a minute

    page.clock.set_system_time(datetime.now(timezone.utc) + timedelta(hours=2))
    page.reload()
    expect(status).to_have_text("3 cards to go in this session.")
    # One card at a time, and one lesson's cards do not come in a block: lesson one, two, one.
    shown = []
    for step in range(3):
        expect(card(page, 0)).to_have_count(1)
        shown.append(card(page, 0).get_attribute("id").split("__")[0])
        if step == 1:
            expect(card(page, 0).get_by_role("link", name="Lesson two")).to_be_visible()
        if step == 2:
            expect(card(page, 0).locator(".katex").first).to_be_attached()  # math rendered
        flip(page, 0).click()
        card(page, 0).get_by_role("button", name="Good").click()
        if step == 0:
            expect(status).to_have_text("Saved: Good. 2 cards to go in this session.")
            assert saved(page)["cards"]["one-cards/backward"]["rating"] == "good"
    assert shown == ["gl-card-one-cards", "gl-card-two-cards", "gl-card-one-cards"]
    expect(page.get_by_role("heading", name="Session complete")).to_be_visible()


def test_progress_page_shows_seeded_progress(page):
    page.goto(page.url_of("progress/"))
    state = {
        "version": 2,
        "cards": {"two-cards/mse": {"rating": "again", "due": "2000-01-01T00:00:00.000Z", "fsrs": {}}},
        "quizzes": {}, "challenges": {}, "explain": {}, "predictions": {}, "badges": {},
    }
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [KEY, json.dumps(state)])
    page.reload()
    lesson_two = page.get_by_role("listitem").filter(has=page.get_by_role("heading", name="Lesson two"))
    expect(lesson_two).to_contain_text("0 of 2 learned, 1 due")
    expect(page.locator(".gl-progress__summary")).to_contain_text("1 is due for review")


def test_cards_progress_and_review_pages_pass_axe(page):
    open_lesson(page)
    flip(page, 1).click()
    expect(card(page, 1).locator(".katex").first).to_be_visible()
    assert_accessible(page)
    card(page, 1).get_by_role("button", name="Again").click()
    page.goto(page.url_of("progress/"))
    expect(page.locator(".gl-progress__summary")).to_be_visible()
    assert_accessible(page)
    page.clock.set_system_time(datetime.now(timezone.utc) + timedelta(hours=1))
    page.goto(page.url_of("review/"))
    expect(page.locator(".gl-review__status")).to_have_text("4 cards to go in this session.")  # 1 due, 3 new
    assert_accessible(page)
