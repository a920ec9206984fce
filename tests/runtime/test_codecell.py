"""The ```` ```python run ```` fence: Markdown in -> cell HTML out, and bad cells fail the build."""

from __future__ import annotations

import json
import textwrap
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest

from macros import codecell
from tests.support.project import build_project

ROOT = Path(__file__).resolve().parents[2]


class Env:
    def __init__(self):
        self.conf = {"mdx_configs": {}}


def convert(text: str) -> str:
    env = Env()
    codecell.register(env)
    md = markdown.Markdown(extensions=["pymdownx.highlight", "pymdownx.superfences"], extension_configs=env.conf["mdx_configs"])
    return md.convert(textwrap.dedent(text))


class Cells(HTMLParser):
    """Collects each cell's data-cell JSON and the text of its highlighted block."""

    def __init__(self, html: str):
        super().__init__()
        self.cells: list[dict] = []
        self.titles: list[str] = []
        self.in_title = False
        self.text = ""
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "gl-cell" in attrs.get("class", "").split():
            self.cells.append(json.loads(attrs["data-cell"]))
        self.in_title = attrs.get("class") == "gl-cell__title"

    def handle_data(self, data):
        self.text += data
        if self.in_title:
            self.titles.append(data)
            self.in_title = False


def test_a_run_fence_becomes_a_cell_with_readable_highlighted_code():
    html = convert(
        """
        ```python run
        x = 1 < 2
        print(x)
        ```
        """
    )
    assert Cells(html).cells == [{"code": "x = 1 < 2\nprint(x)"}]
    # Without JavaScript the reader still sees the code, highlighted like any other block.
    assert '<div class="highlight"><pre>' in html and '<span class="nb">print</span>' in html


def test_a_cells_code_carries_no_span_for_what_is_drawn_in_the_codes_own_colour():
    code = "loss = (w * x - y) ** 2\nloss.backward()"
    html = convert(f"```python run\n{code}\n```\n")
    assert '<span class="n">' not in html and '<span class="w">' not in html
    assert '<span class="o">*</span>' in html and '<span class="mi">2</span>' in html  # the coloured ones stay
    assert Cells(html).text.strip() == code  # and the code reads the same
    # What makes it look the same: Material draws names in the code's colour in both schemes.
    import material

    css = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
    for sheet in [*css.glob("main.*.min.css"), *css.glob("palette.*.min.css")]:
        assert "--md-code-hl-name-color:var(--md-code-fg-color)" in sheet.read_text("utf-8"), sheet.name
    assert not [path.name for path in (ROOT / "overrides").rglob("*.css") if "--md-code-hl-name-color" in path.read_text("utf-8")]


def test_a_plain_python_fence_stays_a_code_block():
    html = convert(
        """
        ```python
        print("hi")
        ```
        """
    )
    assert "gl-cell" not in html and '<span class="nb">print</span>' in html


def test_options_and_sections():
    html = convert(
        """
        ```python run title="A <b>bold</b> title" isolated predict id="first-grad"
        print(x)
        --- setup
        x = 6
        --- expect
        6
        ```
        """
    )
    parsed = Cells(html)
    assert parsed.cells == [{"code": "print(x)", "setup": "x = 6", "expect": "6", "isolated": True, "predict": True, "id": "first-grad"}]
    assert parsed.titles == ["A <b>bold</b> title"]  # escaped: shown as text
    assert "print(x)" in parsed.text and "x = 6" not in parsed.text  # the setup is hidden


def test_code_that_looks_like_html_round_trips_exactly():
    code = 'print("</script><b>x</b>", \'&amp;\')'
    parsed = Cells(codecell.render_cell(code, title="T"))
    assert parsed.cells[0]["code"] == code


@pytest.mark.parametrize(
    ("fence", "problem"),
    [
        ('```python run colour="red"\nx = 1\n```', "unknown option colour"),
        ("```python run isolated=\"yes\"\nx = 1\n```", "option 'isolated' takes no value"),
        ("```python run title\nx = 1\n```", "option 'title' needs a value"),
        ('```python run id="Not A Slug"\nx = 1\n```', "must be a lowercase slug"),
        ("```python run\nx = 1\n--- output\n1\n```", "unknown section '--- output'"),
        ("```python run\nx = 1\n--- setup\na\n--- setup\nb\n```", "section '--- setup' appears twice"),
        ("```python run predict\nprint(1)\n```", "'predict' needs a '--- expect' section"),
        ("```python run\n--- setup\nx = 1\n```", "the cell has no code"),
    ],
)
def test_bad_cells_are_rejected_with_the_reason(fence, problem):
    with pytest.raises(codecell.CellError, match=problem):
        convert(fence)


def test_a_bad_cell_fails_the_build_naming_the_page(tmp_path):
    result, _ = build_project(tmp_path, {"lesson.md": "# L\n\n```python run colour=\"red\"\nx = 1\n```\n"})
    assert result.returncode != 0
    log = result.stdout + result.stderr
    assert "lesson.md" in log and "unknown option colour" in log
