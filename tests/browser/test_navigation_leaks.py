"""Leaving a page by instant navigation tears its widgets down: going away and back N times
leaves no listeners on `window` or `document` and no documents behind (Chromium's own counts,
read through the DevTools protocol after a forced garbage collection).

Node and listener totals (`Memory.getDOMCounters`) cannot be held flat: Material 9.8 itself keeps
each page it navigates away from (about 600 nodes a visit here, with or without Gradlab's bundle),
so element listeners on those nodes stay counted. What outlives an element by our doing is what
hangs on `window` and `document` (Explain used to add a `pagehide` listener per prompt per visit;
a code cell's editor listens on the document; the home page's inlined progress reader listened
for other tabs' saves on every visit), and that is what must not grow."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.support.site import build_site, free_port, serve
from tests.support.project import FRONT_END, write_project

pytestmark = pytest.mark.browser

LESSON = """\
# Lesson

{{ study_modes() }}

[Other page](other.md)

```python run title="A cell"
print(1)
```

{% call flashcards() %}
id: leak-cards
cards:
  - {id: one, difficulty: beginner, front: "Q one?", back: "A one."}
  - {id: two, difficulty: beginner, front: "Q two?", back: "A two."}
{% endcall %}

{% call quiz() %}
id: leak-quiz
questions:
  - id: q
    prompt: Which?
    options:
      - {text: "This", correct: true, feedback: "Yes."}
      - {text: "That", feedback: "No."}
    explanation: Because.
{% endcall %}

{% call explain() %}
id: leak-explain
prompts:
  - {id: one, prompt: "Say why.", hint: "Think.", concepts: [a, b, c], answer: "Because."}
  - {id: two, prompt: "Say how.", hint: "Think.", concepts: [a, b, c], answer: "Like so."}
{% endcall %}

{% call challenge() %}
id: leak-challenge
title: Challenge
badge: Leak-free
timed_default: true
problems:
  - id: p
    category: Conceptual
    difficulty: beginner
    hint: Think.
    prompt: Which?
    options: ["This", "That"]
    answer: A
    explanation: Because.
{% endcall %}
"""
# The other page is a home page: its Continue panel's early script, inlined, runs on every visit.
OTHER = """\
# Other

<section class="gl-continue" data-gl-component="continue" aria-labelledby="gl-continue-title">
<h2 class="gl-continue__title" id="gl-continue-title">New here?</h2>
</section>
{{ continue_panel() }}

[Back to the lesson](index.md)
"""
# Python never starts (no "idle" or "visible" start), so only the widgets are measured.
CONFIG = "extra:\n  gradlab:\n    start: on-click\n"


@pytest.fixture(scope="module")
def lesson_url(tmp_path_factory):
    root = tmp_path_factory.mktemp("leaks")
    port = free_port()  # instant navigation follows only links that match site_url's port
    config = write_project(root, {"index.md": LESSON, "other.md": OTHER}, FRONT_END, CONFIG)
    result = build_site(root / "site", config, site_url=f"http://127.0.0.1:{port}/")
    assert result.returncode == 0, result.stdout + result.stderr
    url, server = serve(root / "site", port=port)
    yield url
    server.shutdown()


def counters(cdp) -> dict:
    """Documents, and the listeners on window and on document, after garbage collection."""
    cdp.send("HeapProfiler.collectGarbage")
    cdp.send("HeapProfiler.collectGarbage")  # a second pass frees what the first one unlinked
    found = {"documents": cdp.send("Memory.getDOMCounters")["documents"]}
    for target in ("window", "document"):
        handle = cdp.send("Runtime.evaluate", {"expression": target})["result"]["objectId"]
        listeners = cdp.send("DOMDebugger.getEventListeners", {"objectId": handle})["listeners"]
        found[target] = sorted(listener["type"] for listener in listeners)
        cdp.send("Runtime.releaseObject", {"objectId": handle})
    return found


def round_trip(page, times: int) -> None:
    for _ in range(times):
        page.get_by_role("link", name="Other page").click()
        expect(page.get_by_role("heading", level=1, name="Other")).to_be_visible()
        page.get_by_role("link", name="Back to the lesson").click()
        expect(page.get_by_role("button", name="Check").first).to_be_visible()
        expect(page.locator(".gl-explain__show").first).to_be_visible()  # explain mounted
        open_editor(page)


def open_editor(page) -> None:
    # Editors are made on first use: a click makes this one, whose cleanup the round trips check.
    page.get_by_role("textbox", name="Code of A cell").click()
    expect(page.locator(".cm-editor")).to_have_count(1)


def test_going_away_and_back_leaves_nothing_behind(context, lesson_url):
    page = context.new_page()
    page.goto(lesson_url)
    open_editor(page)
    page.evaluate("window.sameDocument = true")
    cdp = context.new_cdp_session(page)
    round_trip(page, 2)  # warm up: chunks loaded, caches filled
    before = counters(cdp)
    round_trip(page, 6)
    after = counters(cdp)
    assert page.evaluate("window.sameDocument") is True, "the test must navigate instantly, not reload"
    assert after == before
