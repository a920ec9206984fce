"""Every built page: opens without console errors, asks no other host for anything, passes axe.
Lesson pages, and the guides after them, are checked by test_lessons.py after all their cells
have run: there Python is loaded anyway, and axe sees the outputs too."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.support.browser import axe_violations, contrast_violations, describe_violations, open_page, switch_to_dark, without_python
from tests.support.course import GUIDES, LESSONS, url

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def no_python(context):
    without_python(context)  # no test here runs a cell, not even the home page's


def built_pages(site_dir):
    return sorted(
        path.relative_to(site_dir).as_posix()
        for path in site_dir.rglob("index.html")
        if not path.relative_to(site_dir).as_posix().startswith("assets/")
    )


def test_every_course_lesson_is_built(site_dir):
    assert {f"lessons/{slug}/index.html" for slug in LESSONS} <= set(built_pages(site_dir))


def test_every_page_is_local_clean_and_accessible(site_dir, base_url, page):
    walked = {url(slug) + "index.html" for slug in LESSONS + GUIDES}   # test_lessons.py reads these
    pages = [path for path in built_pages(site_dir) if path not in walked]
    assert "index.html" in pages and len(pages) >= 3
    failures = []
    for path in pages:
        page.goto(base_url + path, wait_until="networkidle")
        violations = axe_violations(page)
        if violations:
            failures.append(f"{path}:\n{describe_violations(violations)}")
    # Then the pages that hold a widget in the dark scheme, switched once as a reader does
    # (Material keeps the choice), for the one rule a scheme changes. Material's own text pages
    # share the home page's palette, which test_home.py checks dark; the lessons' widgets are
    # test_look.py's.
    switch_to_dark(page)
    widgets = [path for path in pages if path != "index.html" and "data-gl-component=" in (site_dir / path).read_text()]
    for path in widgets:
        page.goto(base_url + path, wait_until="networkidle")
        violations = contrast_violations(page)
        if violations:
            failures.append(f"{path} (dark):\n{describe_violations(violations)}")
    assert not failures, "\n\n".join(failures)
    page.watch.assert_clean()


def test_math_is_drawn_without_javascript(browser, base_url):
    # KaTeX draws the math at build time: a reader without JavaScript sees formulas, styled
    # (the MathML copy kept for screen readers is hidden by KaTeX's own rule), not TeX source.
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url)
    expect(page.locator(".arithmatex .katex-html").first).to_be_visible()
    assert page.locator(".arithmatex .katex-mathml").first.evaluate("el => getComputedStyle(el).position") == "absolute"
    assert "\\(" not in page.locator("article").inner_text()
    context.close()


def test_search_dialog_and_theme_toggle_are_named(base_url, page):
    page.goto(base_url, wait_until="networkidle")
    assert page.get_by_role("dialog", name="Search").count() == 1
    page.get_by_title("Switch to dark mode").click()
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    # The dark palette must pass axe too.
    violations = axe_violations(page)
    assert not violations, describe_violations(violations)
    page.watch.assert_clean()


def test_instant_navigation_keeps_the_bundle_loaded(base_url, page):
    page.goto(base_url, wait_until="networkidle")
    page.evaluate("window.__gl_marker = 1")
    page.get_by_role("link", name="Authors' guide").first.click()  # in the footer
    # Scrolling down to the footer names a heading of the home page in the address (Material's
    # navigation.tracking); clicked at once, the next page's address may keep that fragment.
    page.wait_for_url(re.compile(r"/authoring/(#[\w-]*)?$"))
    assert page.evaluate("window.__gl_marker") == 1, "instant navigation should not reload the page"
    page.watch.assert_clean()


def test_math_keeps_its_stylesheet_after_instant_navigation(base_url, page):
    # Instant navigation swaps the head's stylesheets for the next page's; KaTeX's must survive
    # it, or formulas spill out as unstyled text (MathML and HTML both shown).
    page.goto(base_url)
    page.locator(".arithmatex .katex").first.wait_for()
    page.evaluate("window.__gl_marker = 1")
    page.get_by_role("link", name="Glossary").first.click()
    page.wait_for_url("**/glossary/")
    # Material swaps the article after the address: math found earlier could be the home page's.
    expect(page.get_by_role("heading", level=1, name="Glossary")).to_be_visible()
    mathml = page.locator(".arithmatex .katex-mathml").first
    mathml.wait_for(state="attached")
    assert page.evaluate("window.__gl_marker") == 1, "the test must navigate instantly, not reload"
    assert mathml.evaluate("el => getComputedStyle(el).position") == "absolute"  # KaTeX's own rule hides it
    page.watch.assert_clean()


def test_leaving_a_page_just_after_scrolling_leaves_its_section_out_of_the_next_address(browser, base_url):
    # Material writes the section in view into the address 250 ms after a scroll; that write
    # once landed on the next page's address (overrides/assets/tracking.js).
    page = open_page(browser, base_url)
    page.goto(f"{base_url}lessons/mini-batches-and-epochs/")
    expect(page.locator("h1")).to_be_visible()
    for pause in (100, 150, 200):
        page.evaluate("window.scrollTo(0, document.body.scrollHeight * 0.6)")
        page.wait_for_timeout(600)
        page.evaluate("window.scrollBy(0, 40)")
        page.wait_for_timeout(pause)
        page.locator('.md-sidebar--primary a.md-nav__link[href$="/overfitting-and-regularization/"]').press("Enter")
        page.wait_for_url(f"{base_url}lessons/overfitting-and-regularization/")
        page.wait_for_timeout(600)  # past Material's 250 ms
        assert page.evaluate("location.hash") == "", f"after {pause} ms: the address names a section the reader never reached"
        page.go_back()
        page.wait_for_url(re.compile(r"/lessons/mini-batches-and-epochs/"))
    page.context.close()
