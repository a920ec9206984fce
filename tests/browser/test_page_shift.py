"""The pages around the lessons (home, glossary, review, my progress, the guides) must not jump while
they load, on a phone or a laptop, for a new reader or one with saved progress. My progress and
Review are drawn by script once the course index has loaded, after the first paint: the build
writes the progress page's markup (macros/progress.py) and the review page keeps a card's room,
so nothing below them moves when the numbers or the card arrive. The home page's Continue panel
is drawn while the page is parsed, from an outline the build writes into it (macros/continue_panel.py),
so however much a reader has done, the panel has its height at the first paint.
tests/browser/test_speed.py guards the lessons."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest
from playwright.sync_api import expect

from tests.browser.test_speed import FRAMES, PHONE, SETTLED, SHIFTS, SLOW
from tests.support.browser import without_python
from tests.support.course import LESSONS
from tests.support.site import ROOT

pytestmark = pytest.mark.browser

PAGES = sorted("" if doc.stem == "index" else f"{doc.stem}/" for doc in (ROOT / "docs").glob("*.md"))
VIEWPORTS = {"phone": PHONE, "desktop": {"viewport": {"width": 1350, "height": 940}}}
# What the page draws late is in: the course index read (by the review session, the progress
# report) and drawn, and the home page's Continue panel mounted (it reads the outline the build
# put on it), which the two frames of FRAMES then report.
DRAWN = """() => !document.querySelector("[data-gl-component=progress] [data-gl-empty]")
  && !document.querySelector(".gl-review:not(:has(.gl-review__stage > *))")
  && !document.querySelector("[data-gl-component=continue]:not([data-gl-mounted])")
  && (!document.querySelector("[data-gl-component=progress], [data-gl-component=review]")
      || performance.getEntriesByType("resource").some((entry) => entry.name.endsWith("/course.json") && entry.responseEnd))"""
# The pages that draw something from saved progress, the only ones also opened with progress.
READERS = ("", "progress/", "review/")


def progress(site_dir) -> dict:
    """Three lessons done: cards learned, half of them due, quizzes right first time, badges."""
    now = datetime.now(timezone.utc)
    past, later = (now - timedelta(days=1)).isoformat(), (now + timedelta(days=3)).isoformat()
    state = {"version": 2, "cards": {}, "quizzes": {}, "challenges": {}, "badges": {}}
    pages = json.loads((site_dir / "assets" / "gradlab" / "course.json").read_text("utf-8"))["pages"]
    for lesson in pages[:3]:
        w = lesson["widgets"]
        for deck in w.get("flashcards", []):
            for i, card in enumerate(deck["cards"]):
                due = past if i % 2 else later
                state["cards"][f"{deck['id']}/{card['id']}"] = {"rating": "good", "due": due, "reviewedAt": past, "fsrs": {"state": 2, "due": due}}
        for quiz in w.get("quiz", []):
            state["quizzes"][quiz["id"]] = {q: {"correct": True, "chosen": [0], "answeredAt": past, "firstTry": True, "eventually": True} for q in quiz["questions"]}
        for challenge in w.get("challenge", []):
            state["challenges"][challenge["id"]] = {p: {"solved": True, "attemptsUsed": 1, "revealed": False} for p in challenge["problems"]}
            state["badges"][challenge["id"]] = {"name": challenge["badge"], "earnedAt": past}
    return state


def much_progress(site_dir) -> dict:
    """A reader well into the course: ten lessons started (their cards rated, a third of them due,
    quizzes tried), seven of them finished with their badges, the eighth with a challenge begun."""
    now = datetime.now(timezone.utc)
    past, later = (now - timedelta(days=1)).isoformat(), (now + timedelta(days=3)).isoformat()
    state = {"version": 2, "cards": {}, "quizzes": {}, "challenges": {}, "badges": {}, "explain": {}}
    pages = json.loads((site_dir / "assets" / "gradlab" / "course.json").read_text("utf-8"))["pages"]
    for n, lesson in enumerate(pages[:10]):
        w = lesson["widgets"]
        for deck in w["flashcards"]:
            for i, card in enumerate(deck["cards"]):
                due = past if i % 3 == 0 else later
                state["cards"][f"{deck['id']}/{card['id']}"] = {"rating": "good", "due": due, "reviewedAt": past, "fsrs": {"state": 2, "due": due}}
        for quiz in w["quiz"]:
            state["quizzes"][quiz["id"]] = {q: {"correct": True, "chosen": [0], "answeredAt": past, "firstTry": True, "eventually": True} for q in quiz["questions"]}
        if n < 7:
            for explain in w["explain"]:
                for prompt in explain["prompts"]:
                    state["explain"][f"{explain['id']}/{prompt}"] = {"text": "because", "concepts": [True], "revealed": True}
            for challenge in w["challenge"]:
                state["challenges"][challenge["id"]] = {p: {"solved": True, "attemptsUsed": 1, "revealed": False} for p in challenge["problems"]}
                state["badges"][challenge["id"]] = {"name": challenge["badge"], "earnedAt": past}
        elif n == 7:
            for challenge in w["challenge"]:
                state["challenges"][challenge["id"]] = {challenge["problems"][0]: {"solved": True, "attemptsUsed": 1, "revealed": False}}
    return state


def test_the_pages_are_the_course_outside_its_lessons(site_dir):
    assert set(READERS) | {"glossary/"} <= set(PAGES)
    assert not set(PAGES) & {f"{slug}/" for slug in LESSONS}
    drawn = [path for path in PAGES if any(f'data-gl-component="{name}"' in (site_dir / path / "index.html").read_text("utf-8")
                                           for name in ("continue", "progress", "review"))]
    assert drawn == sorted(READERS)


CASES = [(path, False) for path in PAGES] + [(path, True) for path in READERS]


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize(
    ("path", "saved"),
    [pytest.param(path, saved, id=f"{path or 'home'}{' with progress' if saved else ''}") for path, saved in CASES],
)
def test_a_page_does_not_jump_while_it_loads(browser, base_url, site_dir, path, viewport, saved):
    # No service worker: none of these pages runs Python, and Python's worker stays replaced.
    context = browser.new_context(**VIEWPORTS[viewport], service_workers="block")
    without_python(context)
    context.add_init_script(SHIFTS)
    if saved:
        context.add_init_script(f"localStorage.setItem('gradlab:progress', {json.dumps(json.dumps(progress(site_dir)))})")
    page = context.new_page()
    page.goto(base_url + path)
    page.wait_for_function(SETTLED, timeout=SLOW)
    page.wait_for_function(DRAWN, timeout=SLOW)
    shifts = page.evaluate(FRAMES)
    context.close()
    total = sum(shift["value"] for shift in shifts)
    assert total < 0.05, f"{path or 'home'}: layout shift {total:.3f}: {shifts}"


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_the_home_page_does_not_jump_for_a_reader_with_much_progress(browser, base_url, site_dir, viewport):
    # The Continue panel is the reader's own: the more progress, the more it has to say (badges,
    # what is still to do), and none of it may push down the page the reader already sees.
    context = browser.new_context(**VIEWPORTS[viewport], service_workers="block")
    without_python(context)
    context.add_init_script(SHIFTS)
    context.add_init_script(f"localStorage.setItem('gradlab:progress', {json.dumps(json.dumps(much_progress(site_dir)))})")
    page = context.new_page()
    try:
        page.goto(base_url)
        page.wait_for_function(SETTLED, timeout=SLOW)
        page.wait_for_function(DRAWN, timeout=SLOW)
        panel = page.get_by_role("region", name="Continue where you left off")
        expect(panel.get_by_role("link", name="Continue: 8. Jacobians and vector-Jacobian products")).to_be_visible(timeout=SLOW)
        shifts = page.evaluate(FRAMES)
        total = sum(shift["value"] for shift in shifts)
        assert total < 0.05, f"home with much progress: layout shift {total:.3f}: {shifts}"
        # Nothing was left out to get there: every badge is counted, the latest are named, and
        # all of them are a link away.
        badges = panel.get_by_role("listitem").filter(has_text="7 badges earned").get_by_role("listitem")
        expect(badges).to_have_text(["Step Size Tamer", "Autograd Engine Builder", "Boundary Bender"])
        expect(panel.get_by_role("link", name="see all")).to_have_attribute("href", f"{base_url}progress/")
        # It read the outline the build wrote into the page, not the course index (every card's HTML).
        assert not page.evaluate("performance.getEntriesByType('resource').some((entry) => entry.name.endsWith('/course.json'))")
    finally:
        context.close()
