"""Speed a reader can see: on a phone, a lesson page must not jump while it loads (layout shifts,
as the browser reports them), and widgets mount as the reader nears them, not all at load.
scripts/bench_pages.py scores the pages with Lighthouse; these keep what once broke (the page lost
its styles for a moment, a shift of the whole page) and what made a phone's main thread busy."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

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


def test_widgets_mount_near_the_viewport_in_page_order(browser, base_url):
    # The browser is never idle here, so only scrolling mounts widgets below the first screens.
    context = browser.new_context()
    without_python(context)
    context.add_init_script("window.requestIdleCallback = () => 0;")
    page = context.new_page()
    page.goto(f"{base_url}lessons/autodiff/")
    expect(page.get_by_role("group", name="Two weights, two partial derivatives")).to_be_visible(timeout=SLOW)
    cells = page.locator(".gl-cell")
    mounted = page.locator('.gl-cell[data-gl-mounted~="codecell"]')
    total = cells.count()
    assert mounted.count() < total, "every cell mounted at load: nothing was left for later"
    # A reader who scrolls to the last cell finds it ready, numbered in page order, and every
    # cell above it mounted (a Run runs the cells above first). Blocks below the first screens
    # are laid out as they near the viewport, so a jump there lands short and the reader scrolls
    # on, as here.
    for _ in range(10):
        cells.last.scroll_into_view_if_needed()
        if cells.last.evaluate("(cell) => { const box = cell.getBoundingClientRect(); return box.top >= 0 && box.bottom <= innerHeight; }"):
            break
    expect(page.get_by_role("group", name=f"Code cell {total}")).to_be_visible(timeout=SLOW)
    expect(mounted).to_have_count(total)
    context.close()


# Each idle callback is recorded with the widgets it mounted, and the page's clock runs 3 ms a
# reading within one: a slow phone, made certain, where mounting takes time.
SLOW_IDLE = """
window.__slices = [];
const realIdle = window.requestIdleCallback, realNow = performance.now.bind(performance);
let lag = 0, inside = false;
performance.now = () => realNow() + (inside ? (lag += 3) : lag);
const mountedRoots = () => document.querySelectorAll("[data-gl-mounted]").length;
window.requestIdleCallback = (callback, options) => realIdle((deadline) => {
  const before = mountedRoots();
  inside = true;
  try { callback(deadline); } finally { inside = false; }
  window.__slices.push(mountedRoots() - before);
}, options);
"""


def test_the_widgets_below_the_first_screens_mount_a_few_at_a_time_when_the_browser_is_idle(browser, base_url):
    # All of them in one idle callback was a task of 200 ms on the phone Lighthouse simulates:
    # a tap in that time waited for it.
    context = browser.new_context(**PHONE)
    without_python(context)
    context.add_init_script(SLOW_IDLE)
    page = context.new_page()
    page.goto(f"{base_url}lessons/autodiff/")
    roots = page.locator("[data-gl-component]")
    expect(page.locator("[data-gl-component]:not([data-gl-mounted])")).to_have_count(0, timeout=SLOW)
    slices = [n for n in page.evaluate("window.__slices") if n]
    assert sum(slices) > 10, f"too few widgets were left to mount when idle ({slices}) for this test to tell"
    assert max(slices) <= 4, f"idle callbacks mounted {slices} widgets each: more than a slice's time allows"
    assert roots.count() > sum(slices)  # the first screens mounted before any idle moment
    context.close()


def test_cells_show_their_code_until_used_and_make_the_editor_on_first_use(browser, base_url):
    # Making CodeMirror for every cell at load, and Material's copy buttons for code the editor
    # then replaced, was most of a lesson's main-thread work on a phone.
    context = browser.new_context(**PHONE)
    without_python(context)
    page = context.new_page()
    page.goto(f"{base_url}lessons/autodiff/")
    cells = page.locator(".gl-cell")
    expect(page.locator('.gl-cell[data-gl-mounted~="codecell"]')).to_have_count(cells.count(), timeout=SLOW)  # the idle pass
    assert page.locator(".cm-editor").count() == 0, "editors were made before anyone used a cell"
    assert page.locator(".gl-cell .md-clipboard").count() == 0, "Material's code-block component ran on a cell"
    name = "Two weights, two partial derivatives"
    code = page.get_by_role("group", name=name).get_by_role("textbox", name=f"Code of {name}")
    text = code.inner_text()
    code.tap()
    expect(page.locator(".cm-editor")).to_have_count(1, timeout=SLOW)
    expect(code).to_be_focused()  # the editor took the stand-in's place, role and name
    assert code.inner_text().split() == text.split()  # the same code (blank lines are drawn differently)
    context.close()


def test_a_phone_lays_out_the_blocks_below_the_first_screens_as_they_near_the_viewport(browser, base_url):
    # Laying out and restyling a whole lesson, several times over while Material started, was
    # most of a phone's blocking time at load (scripts/bench_pages.py measures it).
    context = browser.new_context(**PHONE)
    without_python(context)
    page = context.new_page()
    page.goto(f"{base_url}lessons/autodiff/")
    expect(page.locator('.gl-cell[data-gl-mounted~="codecell"]').first).to_be_attached(timeout=SLOW)
    skipped = lambda el: not el.evaluate("(el) => el.checkVisibility({contentVisibilityAuto: true})")  # noqa: E731
    blocks = page.locator(".md-content__inner > *")
    always = "(el) => getComputedStyle(el).contentVisibility === 'visible'"
    assert all(blocks.nth(i).evaluate(always) for i in range(15)), "a block of the first screens waits to be laid out: text below it would jump"
    assert all(h.evaluate(always) for h in page.locator(".md-content__inner > h2").all()), "a heading an anchor may target waits"
    last = page.locator(".gl-cell").last
    assert skipped(last), "the lesson's last cell was laid out at load, screens away"
    last.scroll_into_view_if_needed()
    page.wait_for_function("(el) => el.checkVisibility({contentVisibilityAuto: true})", arg=last.element_handle(), timeout=SLOW)
    context.close()
