"""Runnable code cells: a ```` ```python run ```` fence becomes a cell that readers edit and run.

Authoring syntax (documented for authors in docs/authoring.md, "Code cells")::

    ```python run title="One gradient" isolated predict id="first-grad"
    x = torch.tensor(3.0, requires_grad=True)
    (x * x).backward()
    print(x.grad)
    --- setup
    import torch
    --- expect
    tensor(6.)
    ```

The fence line holds `run` (the marker) and options; the body holds the code the reader sees,
optionally followed by sections that start with a line `--- setup` (hidden code run before the
cell) or `--- expect` (the output the tests compare with). A line starting with `--- ` is not
valid Python, so the sections never clash with real code.

Other widgets build cells with `render_cell` (e.g. a Debug problem's code). The registration
lives in `register(env)`, so every Markdown renderer that reads the site's `mdx_configs`
(pages and `macros.markdown.render`) knows the fence.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass

from pymdownx.superfences import SuperFencesException

from .widget import root_attrs

FLAGS = ("run", "isolated", "predict")
VALUED = ("title", "id")
SECTIONS = ("setup", "expect")
SECTION_LINE = re.compile(r"^--- (?P<name>\S+)\s*$")
ID = re.compile(r"^[a-z0-9-]+$")


class CellError(SuperFencesException):
    """A malformed cell; mkdocs reports it with the page it came from."""


@dataclass(frozen=True)
class Cell:
    code: str
    title: str | None = None
    setup: str = ""
    expect: str | None = None
    isolated: bool = False
    predict: bool = False
    id: str | None = None


def parse(source: str, options: dict[str, str]) -> Cell:
    """Split a fence body into code and sections, and check the options; raise CellError."""
    where = _where(source)
    unknown = sorted(set(options) - set(FLAGS) - set(VALUED))
    if unknown:
        raise CellError(f"code cell {where}: unknown option {', '.join(unknown)} (allowed: {', '.join(FLAGS + VALUED)})")
    for flag in FLAGS:
        if flag in options and options[flag] != flag:
            raise CellError(f"code cell {where}: option '{flag}' takes no value")
    for key in VALUED:
        if key in options and (options[key] == key or not options[key].strip()):
            raise CellError(f'code cell {where}: option \'{key}\' needs a value, e.g. {key}="..."')
    if "id" in options and not ID.match(options["id"]):
        raise CellError(f"code cell {where}: id '{options['id']}' must be a lowercase slug [a-z0-9-]+")

    parts: dict[str, list[str]] = {"code": []}
    current = "code"
    for line in source.split("\n"):
        match = SECTION_LINE.match(line)
        if match:
            current = match["name"]
            if current not in SECTIONS:
                raise CellError(f"code cell {where}: unknown section '--- {current}' (allowed: {', '.join(SECTIONS)})")
            if current in parts:
                raise CellError(f"code cell {where}: section '--- {current}' appears twice")
            parts[current] = []
        else:
            parts[current].append(line)
    code = "\n".join(parts["code"]).strip("\n")
    if not code.strip():
        raise CellError(f"code cell {where}: the cell has no code")
    if "predict" in options and "expect" not in parts:
        raise CellError(f"code cell {where}: 'predict' needs a '--- expect' section to compare the reader's guess with")
    return Cell(
        code=code,
        title=options.get("title"),
        setup="\n".join(parts.get("setup", [])).strip("\n"),
        expect="\n".join(parts["expect"]).strip("\n") if "expect" in parts else None,
        isolated="isolated" in options,
        predict="predict" in options,
        id=options.get("id"),
    )


# Pygments puts every name and every run of spaces in a span of its own, and Material draws a
# name in the code's own colour (--md-code-hl-name-color is --md-code-fg-color in both schemes):
# without those spans a lesson's cells have a third fewer elements and look the same. A page's
# every style recalculation and every axe run walk all of its elements.
UNCOLOURED_TOKEN = re.compile(r'<span class="[nw]">([^<]*)</span>')


def render_cell(
    code: str,
    *,
    title: str | None = None,
    setup: str = "",
    expect: str | None = None,
    isolated: bool = False,
    predict: bool = False,
    cell_id: str | None = None,
    highlighted: str | None = None,
    own_mode: bool = True,
) -> str:
    """Return the HTML of a code cell; the front end (overrides/assets/codecell/) mounts on it.

    code: the Python the reader sees and edits (Reset restores it).
    title: a heading shown above the cell.
    setup: hidden Python run before `code` on every run, in the same namespace.
    expect: the output the code should print (tests compare; `predict` compares the reader's guess).
    isolated: run in a fresh namespace instead of the page's shared one.
    predict: ask the reader what the code prints before running it.
    cell_id: a site-wide slug used as the key of the reader's saved prediction.
    highlighted: the code already highlighted as a Markdown code block; without it the code is
        highlighted here with Pygments. Without JavaScript the reader sees this block.
    own_mode: the cell is shown by the study mode of its kind ("Predict & run" or "Playground");
        False when it is part of a widget whose root names the mode (a Debug problem).

    Example, from another widget module: `from .codecell import render_cell`, then
    `render_cell(problem.code, title="Fix the bug", isolated=True)`.
    """
    if highlighted is None:
        highlighted = _highlight(code)
    # Out of reach of Material's code-block component (it matches `pre > code`): its copy button,
    # observers and tab stops would be built on every cell only for the editor to replace them.
    highlighted = highlighted.replace("<code>", '<span class="gl-cell__static"><code>', 1).replace("</code></pre>", "</code></span></pre>", 1)
    highlighted = UNCOLOURED_TOKEN.sub(r"\1", highlighted)
    # The exact source travels in one attribute (escaping round-trips exactly); the highlighted
    # block is only for reading, and is what readers without JavaScript see.
    data = {"code": code, "setup": setup, "expect": expect, "isolated": isolated, "predict": predict, "id": cell_id}
    data = {key: value for key, value in data.items() if value not in (None, "", False)}
    heading = f'<p class="gl-cell__title">{html.escape(title)}</p>' if title else ""
    mode = ("predict" if predict else "playground") if own_mode else None
    return (
        f'<div class="gl-cell" {root_attrs("codecell", mode)} data-cell="{html.escape(json.dumps(data), quote=True)}">'
        f"{heading}{highlighted}</div>"
    )



def format_fence(source, language, class_name, options, md, **kwargs) -> str:
    """superfences formatter for ```` ```python run ````."""
    cell = parse(source, options)
    block = md.preprocessors["fenced_code_block"]
    highlighted = block.highlight(src=cell.code, language="python", options={}, md=md, classes=[], id_value="", attrs={})
    return render_cell(
        cell.code,
        title=cell.title,
        setup=cell.setup,
        expect=cell.expect,
        isolated=cell.isolated,
        predict=cell.predict,
        cell_id=cell.id,
        highlighted=highlighted,
    )


def validate_fence(language, inputs, options, attrs, md) -> bool:
    """Claim a ```` ```python ```` fence only when it says `run`; other Python blocks stay plain."""
    if "run" not in inputs:
        return False
    options.update(inputs)
    return True


FENCE = {"name": "python", "class": "gl-cell", "format": format_fence, "validator": validate_fence}


def register(env) -> None:
    configs = env.conf["mdx_configs"].setdefault("pymdownx.superfences", {})
    fences = configs.setdefault("custom_fences", [])
    if not any(fence.get("format") is format_fence for fence in fences):
        fences.append(FENCE)


def _where(source: str) -> str:
    first = next((line.strip() for line in source.split("\n") if line.strip()), "")
    return f"starting '{first[:40]}'"


def _highlight(code: str) -> str:
    import markdown

    fence = "`" * max(3, 1 + max((len(m) for m in re.findall(r"`+", code)), default=0))
    renderer = markdown.Markdown(extensions=["pymdownx.highlight", "pymdownx.superfences"])
    return renderer.convert(f"{fence}python\n{code}\n{fence}")
