"""The `source` macro quotes microtorch's real code, and lesson 6 quotes the engine with it: if
the engine changes, the lesson shows the new code; if the lesson stops quoting, this fails."""

from __future__ import annotations

import html
import inspect
import re

import pytest

import microtorch.engine
from macros.content import ContentError
from macros.source import quote
from tests.support.course import text
from tests.support.project import build_project

# The engine's parts that lesson 6 teaches, each quoted whole.
ENGINE_PARTS = {"Node": microtorch.engine.Node, "_op": microtorch.engine._op,
                "_unbroadcast": microtorch.engine._unbroadcast, "_walk": microtorch.engine._walk}
QUOTE_CALL = re.compile(r'\{\{\s*source\(\s*"(?P<name>[^"]+)"\s*\)\s*\}\}')


def code_blocks(page_html: str) -> list[str]:
    """The text of every highlighted code block, as a reader sees it."""
    blocks = re.findall(r"<code>(.*?)</code></pre>", page_html, re.S)
    return [html.unescape(re.sub(r"<[^>]+>", "", block)) for block in blocks]


def test_a_quote_is_the_exact_source_in_a_python_block_titled_with_its_file():
    for name, obj in ENGINE_PARTS.items():
        assert quote(f"microtorch.engine.{name}", "docs/page.md") == (
            f'```python title="microtorch/engine.py"\n{inspect.getsource(obj).rstrip()}\n```')


def test_lesson_6_quotes_each_part_of_the_engine():
    quoted = set(QUOTE_CALL.findall(text("inside-autograd")))
    missing = {f"microtorch.engine.{name}" for name in ENGINE_PARTS} - quoted
    assert not missing, f"lesson 6 no longer quotes {sorted(missing)}"


@pytest.mark.parametrize("name, problem", [
    ("microtorch.engine.no_such_function", "cannot quote it"),
    ("os.path.join", "source() quotes a name inside microtorch"),
])
def test_a_bad_name_is_a_content_error_naming_page_and_name(name, problem):
    with pytest.raises(ContentError, match=f"^docs/page.md: {re.escape(name)}: {re.escape(problem)}"):
        quote(name, "docs/page.md")


def test_the_built_page_shows_the_source_highlighted(tmp_path):
    result, site = build_project(tmp_path, {"index.md": '# Walk\n\n{{ source("microtorch.engine._walk") }}\n'})
    assert result.returncode == 0, result.stdout + result.stderr
    page = (site / "index.html").read_text(encoding="utf-8")
    assert 'class="filename">microtorch/engine.py' in page
    assert inspect.getsource(microtorch.engine._walk).rstrip() in [b.rstrip() for b in code_blocks(page)]


def test_a_bad_quote_fails_the_build_naming_the_page(tmp_path):
    result, _ = build_project(tmp_path, {"index.md": '# Oops\n\n{{ source("microtorch.engine.nope") }}\n'})
    assert result.returncode != 0
    assert "docs/index.md: microtorch.engine.nope: cannot quote it" in result.stdout + result.stderr
