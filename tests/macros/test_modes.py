"""Study modes: the menu counts the modes a page really has, code cells included."""

from __future__ import annotations

import markdown as pymarkdown
import pytest

from macros import challenge, codecell, flashcards, modes
from tests.support.htmltree import parse
from tests.support.project import build_project

CARDS = """
id: deck
cards:
  - {id: one, difficulty: beginner, front: "Q?", back: "A."}
"""

DEBUG_CHALLENGE = """
id: fixes
title: Fix it
badge: Fixer
problems:
  - id: off-by-one
    category: Debug
    difficulty: beginner
    hint: Look at the end.
    prompt: Make it return 3.
    code: "def f():\\n    return 2"
    tests: "assert f() == 3"
    solution: "def f():\\n    return 3"
    explanation: Three.
"""

PREDICT_CELL = '```python run predict\nprint(1 + 1)\n--- expect\n2\n```'
FREE_CELL = "```python run\nx = 1\n```"


@pytest.fixture
def env(macro_env):
    for module in (codecell, flashcards, challenge, modes):
        module.register(macro_env)
    return macro_env


def page(env, *parts: str) -> str:
    """Render a lesson as MkDocs would: macros first, then Markdown with the site's extensions."""
    text = "\n\n".join(["# Lesson", env.macros["study_modes"](), *parts])
    md = pymarkdown.Markdown(extensions=env.conf["markdown_extensions"], extension_configs=env.conf["mdx_configs"])
    return md.convert(text)


def menu(html: str):
    return parse(html).one("nav", "gl-modes")


def offered(nav) -> list[str]:
    return [li.text for li in nav.all("li")]


def test_a_page_of_prose_offers_only_read(env):
    nav = menu(page(env, "Some prose."))
    assert nav.one("p").text == "Choose how to study — 1 mode"
    assert offered(nav) == ["Read"]


def test_each_widget_kind_adds_its_mode_in_a_fixed_order(env):
    html = page(env, FREE_CELL, env.inline("challenge", DEBUG_CHALLENGE), env.inline("flashcards", CARDS), PREDICT_CELL)
    nav = menu(html)
    assert offered(nav) == ["Read", "Flashcards", "Challenge", "Predict & run", "Debug", "Spaced review", "Playground"]
    assert nav.one("p").text == "Choose how to study — 7 modes"


def test_the_count_matches_the_choices_shown(env):
    nav = menu(page(env, PREDICT_CELL))
    assert offered(nav) == ["Read", "Predict & run"]
    assert nav.one("p").text.endswith("— 2 modes")


def test_a_debug_problems_code_cell_is_not_a_playground(env):
    nav = menu(page(env, env.inline("challenge", DEBUG_CHALLENGE)))
    assert offered(nav) == ["Read", "Challenge", "Debug"]


def test_choices_are_radios_disabled_until_the_script_runs(env):
    nav = menu(page(env, env.inline("flashcards", CARDS)))
    radios = nav.all("input", type="radio")
    assert [r["value"] for r in radios] == ["read", "flashcards"]
    assert all("disabled" in r.attrs for r in radios)
    assert "checked" in radios[0].attrs and "checked" not in radios[1].attrs
    assert nav["aria-labelledby"] == nav.one("p")["id"]


def test_spaced_review_links_to_the_review_page_relative_to_the_lesson(env):
    nav = menu(page(env, env.inline("flashcards", CARDS)))  # the page is lessons/demo/
    assert nav.one("a").attrs == {"class": "gl-modes__link", "href": "../../review/"}
    env.on_page("index.md")
    env.page.url = ""
    assert menu(page(env, env.inline("flashcards", CARDS.replace("id: deck", "id: deck-two")))).one("a")["href"] == "./review/"


def test_modes_in_counts_the_mode_attribute_of_finished_html():
    html = (
        '<section data-gl-component="explain" data-gl-mode="explain"></section>'
        "<section data-gl-component='quiz' data-gl-mode='quiz'><p class=\"gl-quiz\">gl-challenge</p></section>"
        '<div class="gl-flashcards">no attribute, no mode</div>'
    )
    assert [m.key for m in modes.modes_in(html)] == ["read", "quiz", "explain"]


def test_every_widget_root_names_its_component_and_mode(env):
    html = page(env, FREE_CELL, env.inline("challenge", DEBUG_CHALLENGE), env.inline("flashcards", CARDS), PREDICT_CELL)
    roots = {(node.get("data-gl-component"), node.get("data-gl-mode")) for node in parse(html).walk() if node.get("data-gl-component")}
    assert roots == {
        ("modes", None),
        ("codecell", "playground"),
        ("codecell", "predict"),
        ("codecell", None),  # the Debug problem's cell: its problem carries the mode
        ("challenge", "challenge"),
        ("flashcards", "flashcards"),
    }
    [debug] = [node for node in parse(html).walk() if node.get("data-gl-mode") == "debug"]
    assert "gl-challenge__problem" in debug.classes


def test_real_build_counts_code_cells_rendered_after_the_macros(tmp_path):
    lesson = f"# Lesson\n\n{{{{ study_modes() }}}}\n\n{PREDICT_CELL}\n\n{FREE_CELL}\n"
    result, site = build_project(tmp_path, {"lessons/one.md": lesson})
    assert result.returncode == 0, result.stderr
    html = (site / "lessons" / "one" / "index.html").read_text("utf-8")
    nav = menu(html[html.index('<nav class="gl-modes"') : html.index("</nav>", html.index('<nav class="gl-modes"')) + 6])
    assert offered(nav) == ["Read", "Predict & run", "Playground"]
    assert 'data-review="' not in html  # no placeholder left behind
