"""What the widget schemas share: a strict base model, ids that key saved progress, Markdown text,
difficulty."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, StringConstraints


def _scalar_to_text(value):
    if isinstance(value, bool):
        raise ValueError("YAML read this as true/false; put the text in quotes, e.g. 'Yes' or 'No'")
    # YAML reads an answer such as `0.5` or `42` as a number; authors mean the text.
    if isinstance(value, (int, float)):
        return str(value)
    return value


class Strict(BaseModel):
    # A key the schema does not know is an authoring typo: it must fail the build, not vanish.
    model_config = ConfigDict(extra="forbid")


# Lowercase slugs: they end up in element ids and localStorage keys.
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9-]+$")]

# Markdown that must say something (an empty feedback or prompt is an authoring slip).
# The BeforeValidator comes last: placed first, pydantic would skip the length check.
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), BeforeValidator(_scalar_to_text)]

# How hard a card or a problem is; shown to readers as a word.
Difficulty = Literal["beginner", "intermediate", "advanced", "expert"]


class Root(Strict):
    """A YAML widget: the id its progress is saved under, and its heading."""
    id: Slug
    title: Text
