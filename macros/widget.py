"""The one skeleton of a YAML widget macro. A widget module declares a `Widget`: its schema
(a pydantic model whose validators also make the cross-field checks), a `render` that returns
the HTML and what the registry records for the progress and review pages, and, for widgets
with answer keys, how the key check (keys.py) sees them. `register(env, spec)` adds its macro.

Every widget root carries `data-gl-component` (the front-end component that mounts on it) and,
where a study mode shows it, `data-gl-mode`; `root_attrs` writes both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape
from typing import Callable, NamedTuple

from pydantic import BaseModel

from . import registry
from .icons import icon
from .content import load, require_unique_ids, validate


ROOT_ID = re.compile(r'\s*<[a-z]+\b[^>]*?\sid="([^"]+)"')  # the id of a widget's root element


class Output(NamedTuple):
    html: str
    record: dict  # what course.json keeps of the widget


@dataclass(frozen=True)
class Widget:
    kind: str  # the macro's name, the registry's kind and the component's name
    model: type[BaseModel]
    items: str  # the model's list of items (cards, questions...)
    noun: str  # one item, as error messages name it
    render: Callable[[BaseModel, object], Output]
    label: str | None = None  # how error messages name the widget (default: kind)
    keyed: Callable[[BaseModel, str], None] | None = None  # hands the answer keys to keys.py


def root_attrs(component: str, mode: str | None = None, companion: bool = False) -> str:
    """The attributes that name a widget root's component and study mode (HTML-safe words). A
    companion (a control beside its cell) is shown in its mode but not counted as one of its items."""
    return (
        f'data-gl-component="{component}"'
        + (f' data-gl-mode="{mode}"' if mode else "")
        + (" data-gl-companion" if companion else "")
    )


def section(component: str, base: str, title: str, body: str, **data: str) -> str:
    """A widget's root: a section named by its own heading, with the contract's attributes and
    `data-<name>` for each of `data` (the id the component stores progress under)."""
    extra = "".join(f' data-{name}="{escape(value)}"' for name, value in data.items())
    return (
        f'<section class="gl-{component}" id="{base}" {root_attrs(component, component)}{extra}'
        f' aria-labelledby="{base}__title">\n'
        f'<h2 class="gl-{component}__title" id="{base}__title">{escape(title)}</h2>\n'
        f"{body}\n"
        f"</section>"
    )


def reveal(part: str, icon_name: str, summary: str, body: str) -> str:
    """What a reader opens on request (an answer, a hint, an explanation): a <details> in the one
    style every widget shares (`.gl-reveal` in overrides/assets/base.css), its summary led by a
    Material icon. `part` is the widget's own class for it; `summary` is HTML-safe text. Kept out
    of the site search's index: a search for a question's words must not show its answer."""
    return (
        f'<details class="gl-reveal {part}" data-search-exclude><summary>{icon(icon_name)}{summary}</summary>\n'
        f"{body}\n"
        f"</details>"
    )


def register(env, spec: Widget) -> None:
    def macro(source: str | None = None, caller=None) -> str:
        data, origin = load(env, source, caller, spec.kind)
        parsed = validate(spec.model, data, origin, spec.items)
        require_unique_ids(getattr(parsed, spec.items), origin, spec.noun, spec.label or spec.kind)
        registry.claim_id(parsed.id, origin)
        if spec.keyed:
            spec.keyed(parsed, origin)
        html, record = spec.render(parsed, env)
        registry.add(env.page, spec.kind, record, anchor=ROOT_ID.match(html)[1])
        return html

    macro.__doc__ = f"A {spec.label or spec.kind} from a YAML file beside the page, or from the YAML between call/endcall."
    env.macro(macro, spec.kind)
