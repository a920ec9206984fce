"""The challenge widget: a set of problems with categories, difficulties, time limits, attempts,
hints and a badge for solving them all. Multiple-choice problems are graded in the page; Debug
problems are fixed in a code cell and graded by running the author's assertions.

Without JavaScript every hint, answer and explanation stays readable in a `<details>`. What only
the component shows (the verdict icons and the badge card) waits in a `<template>`, so its words
and icons are written here too.
"""

from __future__ import annotations

import json
from html import escape
from typing import Literal

from pydantic import Field, model_validator

from . import keys, markdown, widget
from .icons import icon
from .codecell import render_cell
from .fields import Difficulty, Root, Slug, Strict, Text

LETTERS = "ABCD"
Category = Literal["Conceptual", "Predict Output", "Model Choice", "Hyperparameter", "Debug"]
# A gauge that fills with the level: the chip's word says it, its colour and needle repeat it.
LEVEL_ICONS = {"beginner": "gauge-empty", "intermediate": "gauge-low", "advanced": "gauge", "expert": "gauge-full"}


class Problem(Strict):
    id: Slug
    category: Category
    difficulty: Difficulty
    time_limit: int = Field(120, gt=0, description="seconds")
    attempts: int = Field(2, ge=1)
    hint: Text
    prompt: Text
    code: str | None = None
    options: list[Text] | None = Field(None, min_length=2, max_length=4)
    answer: Literal["A", "B", "C", "D"] | None = None
    explanation: Text
    tests: str | None = None
    solution: str | None = None

    @model_validator(mode="after")
    def _fits_its_category(self):
        if self.category == "Debug":
            for field in ("code", "tests", "solution"):
                if not getattr(self, field):
                    raise ValueError(f"a Debug problem needs `{field}`")
            if self.options or self.answer:
                raise ValueError("a Debug problem is graded by its `tests`, so it takes no `options` or `answer`")
            return self
        if self.tests or self.solution:
            raise ValueError("`tests` and `solution` belong to Debug problems only")
        if self.category == "Predict Output" and not self.code:
            raise ValueError("a Predict Output problem needs the `code` whose output is predicted")
        if not self.options:
            raise ValueError("missing `options` (2 to 4 choices, A-D)")
        if not self.answer:
            raise ValueError("missing `answer` (the letter of the right option)")
        if LETTERS.index(self.answer) >= len(self.options):
            raise ValueError(
                f"answer '{self.answer}' is out of range: there are only {len(self.options)} options "
                f"(A-{LETTERS[len(self.options) - 1]})"
            )
        return self


class Challenge(Root):
    badge: Text
    timed_default: bool = False
    problems: list[Problem] = Field(min_length=1)


def clock(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"


def estimate(problems: list[Problem]) -> str:
    minutes = max(1, round(sum(p.time_limit for p in problems) / 60))
    return f"about {minutes} minute{'s' if minutes != 1 else ''}"


def render(challenge: Challenge, env) -> widget.Output:
    cid = challenge.id
    count = len(challenge.problems)
    parts = [
        f'<section class="gl-challenge" id="challenge-{cid}" {widget.root_attrs("challenge", "challenge")} data-challenge="{cid}"'
        f' data-badge="{escape(challenge.badge)}" data-timed-default="{str(challenge.timed_default).lower()}"'
        f' aria-labelledby="challenge-{cid}-title">',
        f'<h2 class="gl-challenge__title" id="challenge-{cid}-title">{escape(challenge.title)}</h2>',
        f'<p class="gl-challenge__meta">{count} problem{"s" if count != 1 else ""} · {estimate(challenge.problems)}'
        f' · solve them all to earn the <strong>{escape(challenge.badge)}</strong> badge</p>',
        '<ol class="gl-challenge__problems">',
    ]
    for number, problem in enumerate(challenge.problems, 1):
        parts.append(render_problem(cid, number, problem, env))
    parts += ["</ol>", render_parts(challenge), "</section>"]
    record = {"id": cid, "title": challenge.title, "badge": challenge.badge, "problems": [p.id for p in challenge.problems]}
    return widget.Output("\n".join(parts), record)


def render_problem(cid: str, number: int, problem: Problem, env) -> str:
    def md(text: str) -> str:
        return markdown.render(text, env)

    pid = f"challenge-{cid}-{problem.id}"
    tries = f"{problem.attempts} attempt{'s' if problem.attempts != 1 else ''}"
    # A Debug problem is what the Debug study mode shows (its cell carries no mode of its own).
    mode = ' data-gl-mode="debug"' if problem.category == "Debug" else ""
    attrs = (
        f'class="gl-challenge__problem" id="{pid}" data-problem="{problem.id}" data-category="{problem.category}"{mode}'
        f' data-time-limit="{problem.time_limit}" data-attempts="{problem.attempts}"'
    )
    if problem.answer:
        attrs += f' data-answer="{problem.answer}"'
    parts = [
        f"<li {attrs}>",
        f'<h3 class="gl-challenge__problem-title" id="{pid}-title">Problem {number}: {problem.category}</h3>',
        '<p class="gl-challenge__tags">'
        f'<span class="gl-challenge__tag gl-challenge__level" data-difficulty="{problem.difficulty}">'
        f"{icon('material/' + LEVEL_ICONS[problem.difficulty])}{problem.difficulty}</span> "
        f'<span class="gl-challenge__tag">time limit {clock(problem.time_limit)}</span> '
        f'<span class="gl-challenge__tag">{tries}</span></p>',
        f'<div class="gl-challenge__prompt" id="{pid}-prompt">{md(problem.prompt)}</div>',
    ]
    if problem.category == "Debug":
        parts += [
            # Isolated, so a half-fixed Debug cell never leaks names into the lesson's other cells.
            f'<div class="gl-challenge__cell">{render_cell(problem.code.rstrip(), isolated=True, own_mode=False, highlighted=md(fence(problem.code)))}</div>',
            widget.reveal("gl-challenge__checks", "material/format-list-checks", "Checks your fix must pass", md(fence(problem.tests))),
            f'<script type="application/json" class="gl-challenge__tests">{json_for_html(problem.tests)}</script>',
        ]
    else:
        if problem.code:
            parts.append(f'<div class="gl-challenge__code">{md(fence(problem.code))}</div>')
        parts.append(
            f'<fieldset class="gl-challenge__options" aria-describedby="{pid}-prompt">'
            f'<legend>Your answer to problem {number}</legend>'
        )
        for letter, option in zip(LETTERS, problem.options):
            parts.append(
                f'<label class="gl-challenge__option"><input type="radio" name="{pid}" value="{letter}">'
                f' <span class="gl-challenge__letter">{letter}.</span> {markdown.render_inline(option, env)}</label>'
            )
        parts.append("</fieldset>")
    parts += [
        widget.reveal("gl-challenge__hint", "material/lightbulb-outline", "Hint", md(problem.hint)),
        widget.reveal(
            "gl-challenge__answer",
            "material/book-open-page-variant-outline",
            "Answer and explanation",
            render_answer(problem, env) + md(problem.explanation),
        ),
        "</li>",
    ]
    return "\n".join(parts)


def render_parts(challenge: Challenge) -> str:
    """The pieces the component clones into the page: verdict icons, and the badge card it shows
    once every problem is solved (inert until then, and never shown without JavaScript)."""
    return (
        '<template class="gl-challenge__parts">'
        f'<span class="gl-challenge__icon" data-part="right">{icon("material/check-circle")}</span>'
        f'<span class="gl-challenge__icon" data-part="wrong">{icon("material/close-circle")}</span>'
        '<div class="gl-challenge__badge-card" data-part="badge">'
        f'<span class="gl-challenge__badge-medal">{icon("material/medal")}</span>'
        '<p class="gl-challenge__badge-kicker">Badge earned</p>'
        f'<p class="gl-challenge__badge-name">{escape(challenge.badge)}</p>'
        f'<p class="gl-challenge__badge-note">You solved every problem of {escape(challenge.title)}.</p>'
        "</div></template>"
    )


def render_answer(problem: Problem, env) -> str:
    if problem.category == "Debug":
        return f"<p><strong>A fix that passes the checks:</strong></p>{markdown.render(fence(problem.solution), env)}"
    chosen = problem.options[LETTERS.index(problem.answer)]
    return f"<p><strong>Answer: {problem.answer}.</strong> {markdown.render_inline(chosen, env)}</p>"


def fence(code: str) -> str:
    return f"```python\n{code.rstrip()}\n```"


def json_for_html(text: str) -> str:
    """JSON that is safe inside <script>: no `</script>` can end the element early."""
    return json.dumps(text).replace("<", "\\u003c")


WIDGET = widget.Widget("challenge", Challenge, "problems", "problem", render, keyed=keys.record_challenge)


def register(env) -> None:
    widget.register(env, WIDGET)
