"""A control in headless Chromium: a reader turns it by keyboard, the cell runs again with the new
value written into its code, the setting is kept in the address and comes back on reload.

The page is "Controls" of tests/browser/conftest.py's code-cell site, reached by instant
navigation from the warmed tab, so Python starts once."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import SLOW
from tests.support.browser import axe_violations, describe_violations

pytestmark = pytest.mark.browser


def test_turning_a_control_reruns_its_cell_and_keeps_the_value_in_the_address(warmed_tab, isolated_url):
    page = warmed_tab
    page.get_by_role("link", name="Controls").first.click()
    cell = page.get_by_role("group", name="Rated", exact=True)
    code = cell.get_by_role("textbox", name="Code of Rated")
    out = cell.get_by_role("region", name="Output of Rated")
    slider = page.get_by_role("slider", name="Rate")
    number = page.get_by_role("spinbutton", name="Rate")
    status = page.locator(".gl-control").get_by_role("status")
    expect(code).to_contain_text("rate = 0.5")
    expect(page.get_by_text("Rate: rate = 0.5 in the code below.")).to_be_hidden()  # the no-JS text

    slider.focus()
    page.keyboard.press("ArrowRight")
    expect(status).to_have_text("Running with rate = 0.6…", timeout=SLOW)
    expect(code).to_contain_text("rate = 0.6")  # the code shows the value that runs
    expect(number).to_have_value("0.6")
    expect(slider).to_have_attribute("aria-valuetext", "rate = 0.6")
    assert page.url.endswith("controls/?rate=0.6")
    page.keyboard.press("ArrowRight")  # while the first run lasts: 0.7 is passed over...
    page.keyboard.press("ArrowRight")
    expect(out).to_have_text("rate 0.8, run 2", timeout=SLOW)  # ...and only the latest runs next
    expect(status).to_have_text("The output below is for rate = 0.8.")

    number.fill("0.9")
    expect(out).to_have_text("rate 0.9, run 3", timeout=SLOW)
    expect(slider).to_have_value("0.9")
    assert page.url.endswith("controls/?rate=0.9")
    page.mouse.move(0, 0)  # off the navigation: a link under the pointer is drawn in the hover colour
    violations = axe_violations(page)
    assert not violations, describe_violations(violations)

    page.reload()  # the setting comes back from the address, before anything runs
    expect(slider).to_have_value("0.9")
    expect(code).to_contain_text("rate = 0.9")
    modes = page.get_by_role("navigation", name=re.compile("Choose how to study"))
    modes.get_by_role("radio", name="Playground").check()  # the control stays with its cell...
    expect(modes.get_by_role("status")).to_have_text(re.compile(r"^Playground: 1 shown"))  # ...uncounted
    expect(slider).to_be_visible()
    modes.get_by_role("radio", name="Read").check()
    cell.get_by_role("button", name="Reset").click()  # the cell's Reset moves the control back
    expect(slider).to_have_value("0.5")
    expect(number).to_have_value("0.5")
    expect(page).to_have_url(re.compile(r"controls/$"))
    page.watch.assert_clean()
