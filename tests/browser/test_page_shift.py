"""The pages around the lessons (home, glossary, review, my progress, the guides) must not jump while
they load, on a phone or a laptop, for a new reader or one with saved progress. My progress and
Review are drawn by script once the course index has loaded, after the first paint: the build
writes the progress page's markup (macros/progress.py) and the review page keeps a card's room,
so nothing below them moves when the numbers or the card arrive. tests/browser/test_speed.py
guards the lessons."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest

from tests.browser.test_speed import FRAMES, PHONE, SETTLED, SHIFTS, SLOW
from tests.support.browser import without_python
from tests.support.course import LESSONS
from tests.support.site import ROOT

pytestmark = pytest.mark.browser

PAGES = sorted("" if doc.stem == "index" else f"{doc.stem}/" for doc in (ROOT / "docs").glob("*.md"))
VIEWPORTS = {"phone": PHONE, "desktop": {"viewport": {"width": 1350, "height": 940}}}
# What the page draws late is in: the course index read (by the home page's Continue panel, the
# review session, the progress report) and drawn, which the two frames of FRAMES then report.
DRAWN = """() => !document.querySelector("[data-gl-component=progress] [data-gl-empty]")
  && !document.querySelector(".gl-review:not(:has(.gl-review__stage > *))")
  && (!document.querySelector("[data-gl-component=progress], [data-gl-component=review], [data-gl-component=continue]")
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
