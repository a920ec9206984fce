"""The flashcards macro: YAML in -> accessible HTML out, and every authoring mistake fails with
the file, the item and what is wrong."""

from __future__ import annotations

import json

import pytest

from macros import flashcards, registry
from macros.content import ContentError
from tests.support.htmltree import parse
from tests.support.project import build_project

INLINE = "docs/lessons/demo.md (inline flashcards)"

DECK = """
id: step-cards
cards:
  - id: backward
    difficulty: beginner
    tags: [autograd, gradients]
    front: What does `loss.backward()` fill in?
    back: The `.grad` of every leaf tensor with `requires_grad=True`.
  - id: update
    difficulty: expert
    front: |
      What does this print?

      ```python
      print(1 + 1)
      ```
    back: $w \\leftarrow w - \\eta g$, so the answer is 2.
"""


@pytest.fixture
def env(macro_env):
    flashcards.register(macro_env)
    return macro_env


def cards_of(html):
    return parse(html).one("section", "gl-flashcards").all("li", "gl-card")


def test_deck_is_a_labelled_section_with_an_ordered_list_of_cards(env):
    section = parse(env.inline("flashcards", DECK)).one("section", "gl-flashcards")
    assert section["data-deck"] == "step-cards"
    title = section.one("h2")
    assert title.text == "Recall & Review" and section["aria-labelledby"] == title["id"]
    assert "2 cards" in section.one("p", "gl-flashcards__count").text
    assert [card["data-card"] for card in section.one("ol").all("li", "gl-card")] == ["backward", "update"]


def test_title_can_be_set(env):
    section = parse(env.inline("flashcards", DECK.replace("id: step-cards", "id: step-cards\ntitle: Autograd <basics>"))).one("section")
    assert section.one("h2").text == "Autograd <basics>"


def test_question_comes_before_the_answer_which_waits_in_a_details(env):
    card = cards_of(env.inline("flashcards", DECK))[0]
    order = [node for node in card.walk() if {"gl-card__front", "gl-card__back"} & set(node.classes)]
    assert [node.classes[0] for node in order] == ["gl-card__front", "gl-card__back"]
    front, back = order
    assert "loss.backward()" in front.text and not any(a.tag == "details" for a in front.ancestors())
    details = next(a for a in back.ancestors() if a.tag == "details")
    assert details.one("summary").text == "Show answer"
    assert "requires_grad=True" in back.text
    # the ids the front end links the flip button to
    assert front["id"] == "gl-card-step-cards__backward__front" and back["id"] == "gl-card-step-cards__backward__back"


def test_difficulty_and_tags_are_shown_as_words(env):
    first, second = cards_of(env.inline("flashcards", DECK))
    assert first["data-difficulty"] == "beginner"
    assert [li.text for li in first.one("ul", "gl-card__tags").all("li")] == ["Beginner", "autograd", "gradients"]
    assert [li.text for li in second.one("ul", "gl-card__tags").all("li")] == ["Expert"]


def test_markdown_code_and_math_render_on_both_faces(env):
    card = cards_of(env.inline("flashcards", DECK))[1]
    front = card.one("div", "gl-card__front")
    assert front.all("code") and "print" in front.one("code").text and front.all("div", "highlight")
    assert card.one("div", "gl-card__back").all("span", "arithmatex")


def test_numbers_in_yaml_become_text(env):
    html = env.inline("flashcards", "id: d\ncards:\n  - {id: a, difficulty: beginner, front: 'Two plus two?', back: 4}\n")
    assert cards_of(html)[0].one("div", "gl-card__back").text == "4"


def test_deck_from_a_yaml_file_beside_the_page(env):
    (env.conf_docs / "lessons" / "cards.yml").write_text(DECK, encoding="utf-8")
    assert [card["data-card"] for card in cards_of(env.macros["flashcards"]("cards.yml"))] == ["backward", "update"]


def test_deck_is_recorded_with_the_markup_of_its_cards_for_the_review_page(env, tmp_path):
    html = env.inline("flashcards", DECK)
    registry.write(str(tmp_path))
    course = json.loads((tmp_path / "assets" / "gradlab" / "course.json").read_text())
    [deck] = course["pages"][0]["widgets"]["flashcards"]
    assert deck["id"] == "step-cards" and deck["title"] == "Recall & Review"
    assert [card["id"] for card in deck["cards"]] == ["backward", "update"]
    assert [card["difficulty"] for card in deck["cards"]] == ["beginner", "expert"]
    # One markup for a card, in its lesson and on the review page.
    for card in deck["cards"]:
        assert card["html"].startswith(f'<li class="gl-card" id="gl-card-step-cards__{card["id"]}"') and card["html"] in html
    assert "<code>loss.backward()</code>" in deck["cards"][0]["html"]


def test_element_ids_are_unique(env):
    html = env.inline("flashcards", DECK)
    ids = [node["id"] for node in parse(html).walk() if node.get("id") and not node["id"].startswith("__codelineno")]
    assert len(ids) == len(set(ids))


def card(extra: str = "", **fields) -> str:
    values = {"id": "first", "difficulty": "beginner", "front": "Q?", "back": "A."} | fields
    body = "".join(f"    {key}: {value}\n" for key, value in values.items() if value is not None)
    return f"id: d\ncards:\n  - {body.strip()}\n{extra}"


BAD = [
    pytest.param(card(back=None), "card 'first'", "back: Field required", id="missing-answer"),
    pytest.param(card(back="'  '"), "card 'first'", "back: String should have at least 1 character", id="blank-answer"),
    pytest.param(card(front=None), "card 'first'", "front: Field required", id="missing-question"),
    pytest.param(
        card(difficulty="hard"),
        "card 'first'",
        "difficulty: Input should be 'beginner', 'intermediate', 'advanced' or 'expert'",
        id="unknown-difficulty",
    ),
    pytest.param(card(difficulty=None), "card 'first'", "difficulty: Field required", id="missing-difficulty"),
    pytest.param("id: d\ncards: []\n", None, "cards: List should have at least 1 item", id="empty-deck"),
    pytest.param("id: d\n", None, "cards: Field required", id="no-cards"),
    pytest.param(card(id="'Card 1'"), "card 'Card 1'", "id: String should match pattern", id="id-not-a-slug"),
    pytest.param(card(bakc="A."), "card 'first'", "bakc: Extra inputs are not permitted", id="misspelt-key"),
    pytest.param(card(back="yes"), "card 'first'", "back: YAML read this as true/false", id="unquoted-yes"),
    pytest.param(
        card("  - {id: first, difficulty: advanced, front: Again, back: Indeed.}\n"),
        "card 'first'",
        "duplicate card id in this deck",
        id="duplicate-card-id",
    ),
]


@pytest.mark.parametrize(("text", "item", "problem"), BAD)
def test_bad_deck_names_file_item_and_problem(env, text, item, problem):
    with pytest.raises(ContentError) as caught:
        env.inline("flashcards", text)
    where = f"{INLINE}: {item}" if item else INLINE
    assert str(caught.value).startswith(f"{where}: "), str(caught.value)
    assert problem in str(caught.value)


def test_duplicate_deck_id_across_the_site_names_both_files(env):
    (env.conf_docs / "lessons" / "other.yml").write_text(DECK, encoding="utf-8")
    env.inline("flashcards", DECK)
    env.on_page("lessons/other.md")
    with pytest.raises(ContentError) as caught:
        env.macros["flashcards"]("other.yml")
    message = str(caught.value)
    assert message.startswith("docs/lessons/other.yml: id 'step-cards': duplicate id")
    assert INLINE in message


def test_missing_file_is_named(env):
    with pytest.raises(ContentError, match=r"^docs/lessons/demo.md: flashcards file 'nope.yml' not found"):
        env.macros["flashcards"]("nope.yml")


def test_a_real_build_fails_on_a_card_without_an_answer(tmp_path):
    result, _ = build_project(
        tmp_path,
        {"index.md": "# Home\n", "lessons/step.md": '# Step\n\n{{ flashcards("cards.yml") }}\n', "lessons/cards.yml": card(back=None)},
    )
    assert result.returncode != 0
    assert "docs/lessons/cards.yml: card 'first': back: Field required" in result.stdout + result.stderr


def test_a_real_build_fails_on_a_deck_id_used_twice(tmp_path):
    page = "# {title}\n\n{{% call flashcards() %}}\n" + card() + "{{% endcall %}}\n"
    result, _ = build_project(
        tmp_path, {"index.md": "# Home\n", "a.md": page.format(title="A"), "b.md": page.format(title="B")}
    )
    assert result.returncode != 0
    assert "id 'd': duplicate id: already used in docs/a.md (inline flashcards)" in result.stdout + result.stderr


def test_a_real_build_renders_an_inline_deck(tmp_path):
    page = "# Step\n\n{% call flashcards() %}\n" + DECK + "{% endcall %}\n\nAfter the deck.\n"
    result, site = build_project(tmp_path, {"index.md": page})
    assert result.returncode == 0, result.stdout + result.stderr
    html = (site / "index.html").read_text(encoding="utf-8")
    article = parse(html[html.index('<section class="gl-flashcards"') : html.index("</section>") + len("</section>")])
    assert [li["data-card"] for li in article.all("li", "gl-card")] == ["backward", "update"]
    assert "<p>After the deck.</p>" in html
