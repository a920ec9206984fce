"""Flip cards ("Recall & Review"): a question on the front, the answer on the back.

Markdown: `{{ flashcards("cards.yml") }}`, or inline between `{% call flashcards() %}` and
`{% endcall %}`. Without JavaScript each card shows its question and keeps the answer in a
<details>, so the reader still asks first and reveals on request. The front end
(overrides/assets/flashcards/) turns each card into a flip button and adds FSRS ratings.
"""

from __future__ import annotations

from html import escape
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from . import registry, widget
from .fields import Slug, Text
from .markdown import render

Difficulty = Literal["beginner", "intermediate", "advanced", "expert"]


class Card(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: Slug
    difficulty: Difficulty
    tags: list[Text] = []
    front: Text
    back: Text


class Deck(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: Slug
    title: str = "Recall & Review"
    cards: list[Card] = Field(min_length=1)


def render_card(deck: Deck, card: Card, faces: tuple[str, str]) -> str:
    # "__" cannot occur in a slug, so these element ids never collide with another widget's.
    base = f"gl-card-{deck.id}__{card.id}"
    front, back = faces
    tags = "".join(f'<li class="gl-card__tag">{escape(tag)}</li>' for tag in card.tags)
    return (
        f'<li class="gl-card" id="{base}" data-card="{card.id}" data-difficulty="{card.difficulty}">\n'
        f'<div class="gl-card__front" id="{base}__front">\n{front}\n</div>\n'
        f'<details class="gl-card__reveal"><summary>Show answer</summary>\n'
        f'<div class="gl-card__back" id="{base}__back">\n{back}\n</div>\n'
        f"</details>\n"
        f'<ul class="gl-card__tags" aria-label="Card details">'
        f'<li class="gl-card__difficulty">{card.difficulty.capitalize()}</li>{tags}</ul>\n'
        f"</li>"
    )


def render_deck(deck: Deck, faces: list[tuple[str, str]]) -> str:
    base = f"gl-deck-{deck.id}"
    count = len(deck.cards)
    cards = "\n".join(render_card(deck, card, pair) for card, pair in zip(deck.cards, faces))
    return (
        f'<section class="gl-flashcards" id="{base}" data-deck="{deck.id}" aria-labelledby="{base}__title">\n'
        f'<h2 class="gl-flashcards__title" id="{base}__title">{escape(deck.title)}</h2>\n'
        f'<p class="gl-flashcards__count">{count} card{"s" if count != 1 else ""}: '
        f"answer each in your head, then check.</p>\n"
        f'<ol class="gl-flashcards__cards">\n{cards}\n</ol>\n'
        f"</section>"
    )


def flashcards_macro(env, source: str | None = None, caller=None) -> str:
    deck, _ = widget.read(env, source, caller, "flashcards", Deck, "cards", "card", "deck")
    faces = [(render(card.front, env), render(card.back, env)) for card in deck.cards]
    # The review page rebuilds cards from every lesson out of this record.
    registry.add(
        env.page,
        "flashcards",
        {
            "id": deck.id,
            "title": deck.title,
            "cards": [
                {"id": card.id, "difficulty": card.difficulty, "tags": card.tags, "front": front, "back": back}
                for card, (front, back) in zip(deck.cards, faces)
            ],
        },
    )
    return render_deck(deck, faces)


def register(env) -> None:
    def flashcards(source: str | None = None, caller=None) -> str:
        """A deck of flip cards from a YAML file beside the page, or from the YAML between call/endcall."""
        return flashcards_macro(env, source, caller)

    env.macro(flashcards)
