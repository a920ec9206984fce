"""The quiz widget: single- and multiple-answer questions, each graded by a Check button.

Markdown: `{{ quiz("quiz.yml") }}`, or inline between `{% call quiz() %}` and `{% endcall %}`.
The HTML works without JavaScript: every question is a fieldset of native inputs, and its
answer, each option's feedback and the explanation sit in a <details>. The front end
(overrides/assets/quiz/) adds Check, live feedback, the summary, Retry and saved progress, and
shows each learner the options in an order of their own unless a question says `shuffle: false`.
The HTML keeps the authored order, which is what the answer-key balance (keys.py) judges.
"""

from __future__ import annotations

import re

from pydantic import Field, model_validator

from . import keys, markdown, widget
from .icons import icon
from .fields import Root, Slug, Strict, Text


class Option(Strict):
    text: Text
    correct: bool = False
    feedback: Text


class Question(Strict):
    id: Slug
    prompt: Text
    multiple: bool | None = None
    options: list[Option] = Field(min_length=2, max_length=6)
    explanation: Text
    shuffle: bool = True  # false: every learner sees the authored order

    @model_validator(mode="after")
    def _has_an_answer_its_inputs_can_express(self):
        right = sum(option.correct for option in self.options)
        if right == 0:
            raise ValueError("no option is marked `correct: true`, so the question has no answer")
        if self.multiple is False and right > 1:
            raise ValueError(f"`multiple: false` but {right} options are marked correct")
        return self

    @model_validator(mode="after")
    def _says_nothing_an_order_of_its_own_would_break(self):
        texts = [self.prompt, self.explanation, *(option.feedback for option in self.options)]
        if any(LETTER.search(text) for text in texts):
            raise ValueError(
                "the prompt, a feedback or the explanation names an option by letter, but options carry no letters "
                "and each learner sees their own order: name the option by what it says"
            )
        for n, option in enumerate(self.options, 1):
            if self.shuffle and POINTER.search(option.text):
                raise ValueError(
                    f"option {n} ({option.text!r}) points at other options by place; "
                    "add `shuffle: false` so that every learner sees the authored order"
                )
        return self

    @property
    def is_multiple(self) -> bool:
        if self.multiple is not None:
            return self.multiple
        return sum(option.correct for option in self.options) > 1


# "option B", "answers A and C", "choice (b)", a bare "(c)": a letter only the author's order gives.
LETTER = re.compile(r"\b(?i:option|answer|choice)s?\s+(?:[A-F]\b|\([a-fA-F]\))|(?:^|\s)\([a-fA-F]\)(?=[\s.,;:]|$)")
# "All of the above", "none of these", "the options above", a bare "Both": options that only make
# sense in one order. An option that merely says "below zero" is not one of them.
POINTER = re.compile(
    r"\b(?:above|below)\W*$|\b(?:options?|answers?|ones?) (?:above|below)\b"
    r"|\b(?:all|none|both|neither|each) of (?:these|them|the others|the options)\b|^(?:both|neither|all|none)\W*$",
    re.I,
)


class Quiz(Root):
    title: Text = "Quiz"
    questions: list[Question] = Field(min_length=1)


# Right and wrong are said in words; the icon repeats them and the colour (quiz/style.css) echoes both.
_ICONS = {True: icon("material/check-circle"), False: icon("material/close-circle")}
_VERDICTS = {True: f"{_ICONS[True]}Correct", False: f"{_ICONS[False]}Wrong"}


def render(quiz: Quiz, env) -> widget.Output:
    base = f"gl-quiz-{quiz.id}"
    questions = "\n".join(_question(quiz, index, base, env) for index in range(len(quiz.questions)))
    footer = (
        '<div class="gl-quiz__footer">'
        '<p class="gl-quiz__summary" role="status"></p>'
        '<button type="button" class="md-button gl-quiz__retry" hidden>Retry</button>'
        "</div>\n"
        # The front end gives each verdict it writes a copy of these (inert without it).
        f'<template class="gl-quiz__icons"><span data-right="true">{_ICONS[True]}</span>'
        f'<span data-right="false">{_ICONS[False]}</span></template>'
    )
    html = widget.section("quiz", base, quiz.title, f"{questions}\n{footer}", quiz=quiz.id)
    return widget.Output(html, {"id": quiz.id, "title": quiz.title, "questions": [q.id for q in quiz.questions]})


def _question(quiz: Quiz, index: int, base: str, env) -> str:
    question = quiz.questions[index]
    qid = f"{base}__q-{question.id}"  # "__" cannot occur in a slug, so ids never collide
    kind = "checkbox" if question.is_multiple else "radio"
    how = "Choose every correct answer." if question.is_multiple else "Choose one answer."
    options = "\n".join(
        f'<li><input type="{kind}" name="{qid}" id="{qid}__{n}" value="{n}">'
        f'<label for="{qid}__{n}">{markdown.render_inline(option.text, env)}</label></li>'
        for n, option in enumerate(question.options)
    )
    key = "\n".join(
        f'<li data-option="{n}" data-correct="{str(option.correct).lower()}">'
        f'<span class="gl-quiz__verdict">{_VERDICTS[option.correct]}:</span> '
        f'<span class="gl-quiz__option">{markdown.render_inline(option.text, env)}</span>'
        f'<div class="gl-quiz__why">{markdown.render(option.feedback, env)}</div></li>'
        for n, option in enumerate(question.options)
    )
    return (
        f'<div class="gl-quiz__question" id="{qid}" data-question="{question.id}" data-multiple="{str(question.is_multiple).lower()}" data-shuffle="{str(question.shuffle).lower()}">\n'
        f"<fieldset>\n"
        f'<legend><span class="gl-quiz__number">Question {index + 1} of {len(quiz.questions)}.</span> '
        f"{markdown.render_inline(question.prompt, env)}</legend>\n"
        f'<p class="gl-quiz__how">{how}</p>\n'
        f'<ul class="gl-quiz__options">\n{options}\n</ul>\n'
        f'<button type="button" class="md-button gl-quiz__check" hidden>Check</button>\n'
        f'<div class="gl-quiz__status" role="status"></div>\n'
        f"</fieldset>\n"
        + widget.reveal(
            "gl-quiz__answer",
            "material/book-open-page-variant-outline",
            "Answer and explanation",
            f'<ul class="gl-quiz__key">\n{key}\n</ul>\n'
            f'<div class="gl-quiz__explanation">{markdown.render(question.explanation, env)}</div>',
        )
        + "\n</div>"
    )


WIDGET = widget.Widget("quiz", Quiz, "questions", "question", render, keyed=keys.record_quiz)


def register(env) -> None:
    widget.register(env, WIDGET)
