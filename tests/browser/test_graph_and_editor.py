"""Pictures and the keyboard in code cells, in headless Chromium on tests/browser/conftest.py's
site: the first plot of a page load comes without matplotlib rebuilding its font list, a graph is
shown where the program drew it and names the learner's variables, both follow the colour scheme,
Tab leaves an editor until the reader starts editing, and keys typed before the editor has arrived
are typed into it. One warmed tab for the module: its first plot is the first of its Python."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.support.browser import edit_code, open_page, without_python

pytestmark = pytest.mark.browser

SLOW = 90_000  # ms: loading Pyodide, NumPy and microtorch on a busy 2-core machine
EDITOR_CHUNK = re.compile(r"/chunks/editor-[^/]+\.js$")  # CodeMirror, which esbuild splits off


def cell(page, name):
    return page.get_by_role("group", name=name, exact=True)


def output(page, name):
    return cell(page, name).get_by_role("region", name=f"Output of {name}")


def run(page, name, timeout=SLOW):
    cell(page, name).get_by_role("button", name="Run").click()
    expect(cell(page, name).get_by_role("status")).to_have_text(re.compile(r"^Done in"), timeout=timeout)


def to_pictures(page):
    page.get_by_role("link", name="Pictures").first.click()
    expect(cell(page, "Plot").get_by_role("textbox", name="Code of Plot")).to_be_visible()


def switch_scheme(page, to):
    page.get_by_title(f"Switch to {to} mode").click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate" if to == "dark" else "default")


def test_the_first_plot_builds_no_font_cache_and_lets_the_page_show_through(warm_page):
    to_pictures(warm_page)
    run(warm_page, "Plot", timeout=2 * SLOW)  # fetches and imports matplotlib
    shown = output(warm_page, "Plot")
    figure = shown.get_by_role("img", name="Figure 1 drawn by Plot")
    expect(figure).to_be_visible()
    # The page's own Python prints matplotlib's warning on stderr: nothing of it may show.
    assert shown.inner_text().strip() == "" and shown.locator(".gl-cell__stderr").count() == 0
    corner_alpha = figure.evaluate("""img => {
        const canvas = document.createElement("canvas");
        canvas.width = img.naturalWidth; canvas.height = img.naturalHeight;
        const context = canvas.getContext("2d");
        context.drawImage(img, 0, 0);
        return context.getImageData(1, 1, 1, 1).data[3];
    }""")
    assert corner_alpha == 0  # a transparent background, not a white box
    switch_scheme(warm_page, "dark")
    assert "invert" in figure.evaluate("img => getComputedStyle(img).filter")  # dark ink turned light
    switch_scheme(warm_page, "light")
    assert figure.evaluate("img => getComputedStyle(img).filter") == "none"
    warm_page.watch.assert_clean()


def test_a_graph_shows_between_the_prints_around_it_and_names_the_variables(warm_page):
    to_pictures(warm_page)
    run(warm_page, "Between prints")
    shown = output(warm_page, "Between prints")
    graph = shown.get_by_role("img", name="Computation graph drawn by Between prints")
    expect(graph).to_be_visible()
    pieces = shown.evaluate("el => [...el.children].map(child => [child.tagName, child.textContent.trim()])")
    assert [tag for tag, _ in pieces] == ["PRE", "FIGURE", "PRE"]
    assert pieces[0][1] == "before\nstill before" and pieces[2][1] == "after"
    lines = graph.locator("text").all_text_contents()
    assert {"a", "b", "Mul"} <= set(lines) and "leaf" not in lines  # the leaves carry the cell's names
    switch_scheme(warm_page, "dark")
    ink = graph.evaluate("""svg => ({
        body: getComputedStyle(document.querySelector(".md-typeset")).color,
        text: getComputedStyle(svg.querySelector("text")).fill,
        line: getComputedStyle(svg.querySelector("ellipse")).stroke,
        filled: [...svg.querySelectorAll("[fill]")].map((el) => el.getAttribute("fill")),
    })""")
    switch_scheme(warm_page, "light")
    assert ink["text"] == ink["line"] == ink["body"]  # the dark scheme's text colour, not black
    assert "white" not in ink["filled"]  # no background box of its own
    warm_page.watch.assert_clean()


def test_tab_leaves_an_editor_until_the_reader_edits_then_indents_and_esc_tab_leaves(warm_page):
    page = warm_page
    make_x = cell(page, "Make x")
    editor = make_x.get_by_role("textbox", name="Code of Make x")
    hint = make_x.get_by_text(re.compile("then Tab leaves"))
    run_button = make_x.get_by_role("button", name="Run")
    expect(hint).to_be_hidden()

    editor.focus()  # arriving by keyboard: the editor takes the place of the highlighted code
    expect(hint).to_be_visible()
    code = editor.text_content()
    expect(editor).to_have_accessible_description("Tab moves on until you type or click in the code; then it indents, and Esc then Tab leaves.")
    page.keyboard.press("Tab")
    expect(run_button).to_be_focused()
    # The hint keeps its room when hidden: a press on Run, which takes focus from the editor,
    # must not move the button before its release.
    editor.focus()
    before = run_button.bounding_box()
    run_button.focus()
    assert run_button.bounding_box() == before
    assert editor.text_content() == code

    page.keyboard.press("Shift+Tab")
    expect(editor).to_be_focused()
    page.keyboard.press("Control+End")
    page.keyboard.type("  # mine")
    page.keyboard.press("Tab")  # now editing: indents
    expect(editor).to_be_focused()
    expect(editor.locator(".cm-line").last).to_have_text("    print(x.grad)  # mine")
    page.keyboard.press("Escape")
    page.keyboard.press("Tab")
    expect(run_button).to_be_focused()
    expect(hint).to_be_hidden()

    edit_code(cell(page, "Use x").get_by_role("textbox", name="Code of Use x"))  # a click starts editing
    page.keyboard.press("Tab")
    expect(cell(page, "Use x").get_by_role("textbox", name="Code of Use x")).to_be_focused()
    page.watch.assert_clean()


def test_keys_typed_before_the_editor_arrives_are_typed_into_it(browser, cells_url):
    # A slow phone: the editor's chunk is held back while the reader types on the highlighted code
    # that stands in for it. Without the service worker, so that Playwright's routing sees the chunk.
    page = open_page(browser, cells_url, service_workers="block")
    without_python(page.context)  # nothing runs: Pyodide would only cost CPU
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    held = []
    page.route(EDITOR_CHUNK, lambda route: held.append(route))  # answered once released, below
    page.goto(cells_url)
    scratch = cell(page, "Scratch")
    code = scratch.get_by_role("textbox", name="Code of Scratch")
    with page.expect_request(EDITOR_CHUNK):
        code.focus()  # by keyboard, so the editor opens with the caret at the start
    page.evaluate("navigator.clipboard.writeText('t = s')")

    page.keyboard.type("s = 21")  # "s" is Material's search shortcut
    page.keyboard.press("Backspace")
    page.keyboard.press("Enter")
    page.keyboard.press("ControlOrMeta+V")
    page.keyboard.press("Enter")
    expect(page.get_by_role("textbox", name="Search")).not_to_be_focused()
    assert held and scratch.locator(".cm-editor").count() == 0  # the editor has not arrived
    for route in held:
        route.continue_()

    expect(scratch.locator(".cm-line")).to_have_text(["s = 2", "t = s", 'print("ready")'])
    expect(code).to_be_focused()
    page.keyboard.press("Tab")  # typing started editing: Tab indents at the caret's line
    expect(code).to_be_focused()
    expect(scratch.locator(".cm-line")).to_have_text(["s = 2", "t = s", '    print("ready")'])
    expect(page.get_by_role("textbox", name="Search")).not_to_be_focused()
    assert not page.watch.external  # not assert_clean: coi-serviceworker throws when workers are blocked
    page.context.close()
