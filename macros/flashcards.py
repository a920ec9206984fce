"""Flip cards ("Recall & Review"): a question on the front, the answer on the back.

Markdown: `{{ flashcards("cards.yml") }}`, or inline between `{% call flashcards() %}` and
`{% endcall %}`. Without JavaScript each card shows its question and keeps the answer in a
<details>, so the reader still asks first and reveals on request. The front end
(overrides/assets/flashcards/) turns each card into a flip button and adds FSRS ratings.
"""

from __future__ import annotations

from html import escape

from pydantic import Field

from . import markdown, widget
from .fields import Difficulty, Root, Slug, Strict, Text

class Card(Strict):
    id: Slug
    difficulty: Difficulty
    tags: list[Text] = []
    front: Text
    back: Text


class Deck(Root):
    title: Text = "Recall & Review"
    cards: list[Card] = Field(min_length=1)


def render_card(deck: Deck, card: Card, env) -> str:
    # "__" cannot occur in a slug, so these element ids never collide with another widget's.
    base = f"gl-card-{deck.id}__{card.id}"
    front, back = markdown.render(card.front, env), markdown.render(card.back, env)
    tags = "".join(f'<li class="gl-card__tag">{escape(tag)}</li>' for tag in card.tags)
    return "\n".join(
        [
            f'<li class="gl-card" id="{base}" data-card="{card.id}" data-difficulty="{card.difficulty}">',
            f'<div class="gl-card__front" id="{base}__front">\n{front}\n</div>',
            widget.reveal("gl-card__reveal", "material/eye-outline", "Show answer", f'<div class="gl-card__back" id="{base}__back">\n{back}\n</div>'),
            f'<ul class="gl-card__tags" aria-label="Card details">'
            f'<li class="gl-card__difficulty">{card.difficulty.capitalize()}</li>{tags}</ul>',
            "</li>",
        ]
    )


def render(deck: Deck, env) -> widget.Output:
    base = f"gl-deck-{deck.id}"
    count = len(deck.cards)
    cards = [render_card(deck, card, env) for card in deck.cards]
    cards_html = "\n".join(cards)
    body = (
        f'<p class="gl-flashcards__count">{count} card{"s" if count != 1 else ""}: '
        f"answer each in your head, then check.</p>\n"
        f'<ol class="gl-flashcards__cards">\n{cards_html}\n</ol>'
    )
    html = widget.section("flashcards", base, deck.title, body, deck=deck.id)
    # The review page shows cards from every lesson with this very markup.
    record = {
        "id": deck.id,
        "title": deck.title,
        "cards": [{"id": card.id, "difficulty": card.difficulty, "html": markup} for card, markup in zip(deck.cards, cards)],
    }
    return widget.Output(html, record)


WIDGET = widget.Widget("flashcards", Deck, "cards", "card", render, label="deck")


def register(env) -> None:
    widget.register(env, WIDGET)
