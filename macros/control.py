"""Controls: a slider and a number input bound to a number assigned in a code cell of the page.

Markdown, next to the cell it drives (a ```` ```python run id="train" ```` fence)::

    {{ control("lr", cell="train", min=0.001, max=0.5, step=0.001, label="Learning rate") }}

The cell must assign the variable on a line of its own, `lr = 0.05`; that number is the
control's default. Moving the control rewrites that line of the cell's code (so the code shows
the value that runs, and a copy of it runs anywhere) and re-runs the cell; the front end
(overrides/assets/control/) does it. Without JavaScript the reader sees the default in text.
Everything that could go wrong in the browser is checked here and fails the build, naming the
page, the control and the fault.
"""

from __future__ import annotations

import json
import keyword
import re
from decimal import Decimal
from html import escape

from pydantic import Field, model_validator

from . import codecell, registry
from .content import ContentError, validate
from .fields import Slug, Strict, Text
from .widget import root_attrs

# A number literal as Python writes it; the same source is a JavaScript regular expression, and
# the front end receives it, so both sides find the same line.
NUMBER = r"-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?"
FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,})python[ \t]+(?P<info>.*)$")
OPTION = re.compile(r'(?P<key>[A-Za-z_][\w-]*)(?:="(?P<value>[^"]*)")?')  # as superfences reads them


class Control(Strict):
    name: str = Field(pattern=r"^[A-Za-z_][A-Za-z0-9_]*$")
    cell: Slug
    min: float
    max: float
    step: float = Field(gt=0)
    label: Text | None = None

    @model_validator(mode="after")
    def _range(self):
        if keyword.iskeyword(self.name):
            raise ValueError(f"'{self.name}' is a Python keyword, not a variable name")
        if self.min >= self.max:
            raise ValueError(f"min ({self.min:g}) must be smaller than max ({self.max:g})")
        return self


def assignment(name: str) -> str:
    """The line a control rewrites: `name = <number>` at the start of a line of the cell."""
    return rf"^({re.escape(name)}[ \t]*=[ \t]*)({NUMBER})(?=[ \t]*(?:#.*)?$)"


def find_cell(page_markdown: str, cell_id: str) -> codecell.Cell | None:
    """The code cell with `id="cell_id"` in the page's Markdown, parsed as the site parses it."""
    lines = page_markdown.split("\n")
    for number, line in enumerate(lines):
        opening = FENCE.match(line)
        if not opening:
            continue
        options = {m["key"]: m["value"] if m["value"] is not None else m["key"] for m in OPTION.finditer(opening["info"])}
        if "run" not in options or options.get("id") != cell_id:
            continue
        indent, fence = opening["indent"], opening["fence"]
        body = []
        for inner in lines[number + 1:]:
            if inner.strip().startswith(fence) and not inner.strip().strip("`"):
                break
            body.append(inner[len(indent):] if inner.startswith(indent) else inner.lstrip())
        return codecell.parse("\n".join(body), options)
    return None


def decimals(value: float) -> int:
    """Digits after the point that `value` needs, e.g. 0.001 -> 3, 10.0 -> 0."""
    return max(0, -Decimal(repr(value)).normalize().as_tuple().exponent)


def render(spec: Control, page_markdown: str, origin: str) -> tuple[str, str]:
    """The control's HTML and its default, as the cell writes it; raises ContentError."""
    cell = find_cell(page_markdown, spec.cell)
    item = f"cell '{spec.cell}'"
    if cell is None:
        raise ContentError(origin, item, f'no ```python run id="{spec.cell}"``` code cell on this page')
    if cell.predict:
        raise ContentError(origin, item, "a control cannot drive a predict cell: re-running it would skip the reader's prediction")
    found = re.search(assignment(spec.name), cell.code, re.M)
    if not found:
        raise ContentError(origin, item, f"the cell has no line '{spec.name} = <number>' for the control to set")
    literal = found[2]
    default = float(literal)
    integer = re.fullmatch(r"-?\d+", literal) is not None
    if integer and not all(float(bound).is_integer() for bound in (spec.min, spec.max, spec.step)):
        raise ContentError(origin, item, f"'{spec.name} = {literal}' is a whole number, so min, max and step must be whole too (or write {literal}.0)")
    if not spec.min <= default <= spec.max:
        raise ContentError(origin, item, f"'{spec.name} = {literal}' lies outside min {spec.min:g} .. max {spec.max:g}")
    steps = (default - spec.min) / spec.step
    if abs(steps - round(steps)) > 1e-6:
        raise ContentError(origin, item, f"'{spec.name} = {literal}' is not min {spec.min:g} plus a whole number of steps of {spec.step:g}")

    label = escape(spec.label or spec.name)
    base = f"gl-control-{spec.name}"
    data = {
        "name": spec.name,
        "cell": spec.cell,
        "default": default,
        "pattern": assignment(spec.name),
        "integer": integer,
        "decimals": max(decimals(spec.min), decimals(spec.step)),
    }
    bounds = f'min="{spec.min!r}" max="{spec.max!r}" step="{spec.step!r}" value="{literal}"'
    # Without JavaScript the value cannot change: the text says what the code uses, and the
    # inputs stay hidden until the component binds them to the cell.
    html = (
        f'<div class="gl-control" {root_attrs("control", "playground", companion=True)} data-control="{escape(json.dumps(data))}">'
        f'<p class="gl-control__fixed">{label}: <code>{escape(spec.name)} = {literal}</code> in the code below.</p>'
        f'<div class="gl-control__inputs" hidden>'
        f'<label class="gl-control__label" id="{base}__label" for="{base}">{label}</label>'
        f'<input class="gl-control__slider" type="range" id="{base}" {bounds} aria-valuetext="{escape(spec.name)} = {literal}">'
        f'<input class="gl-control__number" type="number" {bounds} aria-labelledby="{base}__label">'
        f'<span class="gl-control__status" role="status"></span>'
        f"</div></div>"
    )
    return html, literal


def register(env) -> None:
    @env.macro
    def control(name: str, **options) -> str:
        """A slider and number input that set `name = <number>` in the code cell `cell` and re-run it."""
        page = env.page.file.src_uri
        origin = f"docs/{page} (control '{name}')"
        if "default" in options:
            raise ContentError(origin, None, f"default: the default is the number the cell assigns to {name}; change it there")
        spec = validate(Control, {"name": name, **options}, origin)
        # The name is the reader's address parameter (?lr=0.1): two controls may not share one.
        if any(kept["name"] == spec.name for kept in registry.recorded(env.page, "control")):
            raise ContentError(origin, None, f"another control on this page already sets '{spec.name}'")
        html, literal = render(spec, env.markdown, origin)
        registry.add(env.page, "control", {"name": spec.name, "cell": spec.cell, "default": literal})
        return html
