"""Answers, hints and explanations share one style of their own (widget.reveal), not Material's
pencil "note": every <details> a widget writes is a .gl-reveal whose summary starts with an icon."""

import pytest

from macros import explain, flashcards, quiz
from tests.macros.test_explain import ZERO_GRAD
from tests.macros.test_flashcards import DECK
from tests.macros.test_quiz import TWO_QUESTIONS
from tests.support.htmltree import parse

WIDGETS = [
    pytest.param(quiz, "quiz", TWO_QUESTIONS, {"Answer and explanation"}, id="quiz"),
    pytest.param(explain, "explain", ZERO_GRAD, {"Hint", "Key concepts", "Model answer"}, id="explain"),
    pytest.param(flashcards, "flashcards", DECK, {"Show answer"}, id="flashcards"),
]


@pytest.mark.parametrize("module, name, content, summaries", WIDGETS)
def test_every_reveal_has_the_shared_style_and_a_decorative_icon(macro_env, module, name, content, summaries):
    module.register(macro_env)
    reveals = parse(macro_env.inline(name, content)).all("details")
    assert reveals and {details.one("summary").text for details in reveals} == summaries
    for details in reveals:
        assert "gl-reveal" in details["class"].split()
        icon = details.one("summary").children[0]
        assert icon.tag == "svg" and icon["aria-hidden"] == "true"
