"""The steps every widget macro takes before it renders: load the YAML, validate it against the
widget's schema, make sure item ids are unique and claim the widget's id for the whole site."""

from __future__ import annotations

from typing import Callable

from . import registry
from .content import Model, load, require_unique_ids, validate


def read(
    env, source: str | None, caller: Callable[[], str] | None, kind: str, model: type[Model],
    items: str, noun: str, widget: str | None = None,
) -> tuple[Model, str]:
    """Returns the validated content and where it came from. `items` names the list of items in the schema (cards, questions...), `noun` one of them;
    `widget` is how error messages call the widget (default: `kind`)."""
    data, origin = load(env, source, caller, kind)
    parsed = validate(model, data, origin, items)
    require_unique_ids(getattr(parsed, items), origin, noun, widget or kind)
    registry.claim_id(parsed.id, origin)
    return parsed, origin
