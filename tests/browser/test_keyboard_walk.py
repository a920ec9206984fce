"""A keyboard-only walk through a whole lesson: Tab reaches every control on the page, in order,
and each kind of control works from the keyboard where the walk meets it."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.support.browser import without_python

pytestmark = pytest.mark.browser

LESSON = "lessons/autodiff/"

# What a reader can operate inside the lesson. A radio group is one Tab stop (arrows move within
# it), so radios are counted by group; a cell's code is one stop, whether its highlighted stand-in
# or the editor that replaces it on focus has it.
KEY = """el => el.type === 'radio' ? 'radio:' + el.name
  : el.matches('.gl-cell [role=textbox]') ? 'code:' + [...document.querySelectorAll('article .gl-cell')].indexOf(el.closest('.gl-cell'))
  : el.dataset.walkKey"""
CONTROLS = f"""() => {{
  const seen = new Set();
  const keys = [];
  const key = {KEY};
  for (const el of document.querySelectorAll(
      'article button, article input, article textarea, article summary, article a[href], article .gl-cell [role=textbox]')) {{
    // checkVisibility also rules out the insides of a closed <details>, which keep their boxes.
    if (el.disabled || el.closest('[inert]') || !el.checkVisibility({{ visibilityProperty: true }})) continue;
    const k = key(el) ?? (el.dataset.walkKey = String(keys.length));
    if (!seen.has(k)) {{ seen.add(k); keys.push(k); }}
  }}
  return keys;
}}"""

FOCUSED = f"""() => {{
  const el = document.activeElement;
  if (!el || !el.closest('article')) return null;
  return ({KEY})(el) ?? null;
}}"""


def test_tab_reaches_every_control_of_a_lesson_and_each_kind_works(base_url, page):
    without_python(page.context)  # no cell is run here
    page.goto(base_url + LESSON, wait_until="networkidle")
    expect(page.get_by_role("button", name="Flip card").first).to_be_visible()  # widgets mounted
    # Cells mount lazily: count controls once every one has its code's stop (and no editor yet).
    page.wait_for_function("document.querySelectorAll('article .gl-cell').length"
                           " === document.querySelectorAll('article .gl-cell [role=textbox]').length")
    controls = page.evaluate(CONTROLS)
    assert len(controls) > 40, "the lesson should have many controls"

    reached, operated = set(), set()
    page.locator("body").focus()
    for _ in range(len(controls) * 3):
        page.keyboard.press("Tab")
        key = page.evaluate(FOCUSED)
        if key is None:
            continue
        reached.add(key)
        info = page.evaluate("() => ({tag: document.activeElement.tagName, type: document.activeElement.type,"
                             " name: document.activeElement.textContent.trim(),"
                             " expanded: document.activeElement.getAttribute('aria-expanded')})")
        if key.startswith("code:"):
            # Focus on a cell's code moves into its editor, made then.
            page.wait_for_function("document.activeElement.classList.contains('cm-content')")
            page.keyboard.press("Escape")  # CodeMirror keeps Tab for indenting until Escape
            operated.add("editor")
        elif info["name"] == "Flip card" and "card" not in operated:
            page.keyboard.press("Enter")
            assert page.evaluate("document.activeElement.getAttribute('aria-expanded')") == "true"
            operated.add("card")
        elif info["type"] == "radio" and "radio" not in operated:
            page.keyboard.press("Space")
            assert page.evaluate("document.activeElement.checked") is True
            operated.add("radio")
        elif info["tag"] == "SUMMARY" and "details" not in operated:
            page.keyboard.press("Enter")
            assert page.evaluate("document.activeElement.parentElement.open") is True
            operated.add("details")
        if reached >= set(controls):
            break

    missing = [key for key in controls if key not in reached]
    described = [page.evaluate("k => document.querySelector(`[data-walk-key=\"${k}\"]`).outerHTML.slice(0, 200)", key) for key in missing]
    assert not missing, f"{len(missing)} of {len(controls)} controls were never reached by Tab: {described}"
    assert operated == {"editor", "card", "radio", "details"}
    page.watch.assert_clean()
