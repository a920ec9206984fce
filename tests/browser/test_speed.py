"""Speed a reader can see: on a phone, a lesson page must not jump while it loads (layout shifts,
as the browser reports them). scripts/bench_pages.py scores the pages with Lighthouse; this keeps
the part that broke (the page once lost its styles for a moment, a shift of the whole page)."""

from __future__ import annotations

import re

import pytest

from tests.support.browser import without_python
from tests.support.course import LESSONS

pytestmark = pytest.mark.browser

SLOW = 90_000  # ms: a busy 2-core machine
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "device_scale_factor": 3}
# Every layout shift since navigation started (buffered), whatever caused it: the test gives no input.
SHIFTS = """
window.__shifts = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries())
    window.__shifts.push({at: Math.round(entry.startTime), value: entry.value,
      nodes: entry.sources.map((source) => source.node?.nodeName + "." + (source.node?.className || ""))});
}).observe({type: "layout-shift", buffered: true});
"""
MATERIAL = re.compile(r"/assets/javascripts/bundle\.[0-9a-f]+\.min\.js$")
# Loaded: Material's instant navigation has made every link absolute (the moment the styles used
# to be dropped and fetched again), every stylesheet is applied, the fonts are in.
SETTLED = """() => [...document.querySelectorAll("link[rel=stylesheet]")].every((link) => link.getAttribute("href").startsWith("http") && link.sheet)
  && document.querySelector("[data-gl-mounted]") && document.fonts.status === "loaded" """
# Two frames, so a shift of the last change is reported.
FRAMES = "() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(window.__shifts))))"


def test_lessons_do_not_jump_on_a_phone(browser, base_url):
    problems = []
    for slug in LESSONS:
        # A new reader on a slow phone: the service worker takes over the page before Material's
        # script has run (made certain here by holding that script back until it has).
        context = browser.new_context(**PHONE)
        without_python(context)
        context.add_init_script(SHIFTS)
        held = []
        context.route(MATERIAL, lambda route: held.append(route))
        page = context.new_page()
        page.goto(f"{base_url}lessons/{slug}/", wait_until="commit")
        page.wait_for_function("navigator.serviceWorker?.controller", timeout=SLOW)
        page.wait_for_function("document.fonts.status === 'loaded'", timeout=SLOW)
        for route in held:
            route.continue_()
        page.wait_for_function(SETTLED, timeout=SLOW)
        shifts = page.evaluate(FRAMES)
        total = sum(shift["value"] for shift in shifts)
        if total > 0.05:
            problems.append(f"{slug}: layout shift {total:.3f}: {shifts}")
        context.close()
    assert not problems, "\n".join(problems)
