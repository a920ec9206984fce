"""The Explain widget: the reader explains an idea in their own words, then checks their answer
against a short list of key concepts and a model answer.

Markdown: `{{ explain("explain.yml") }}`, or inline between `{% call explain() %}` and
`{% endcall %}`. Without JavaScript the hint, the concepts and the model answer are readable in
<details>; the front end (overrides/assets/explain/) keeps the text locally, reveals the
concepts on request and counts the ticked ones.
"""

from __future__ import annotations


from pydantic import Field

from . import markdown, widget
from .fields import Root, Slug, Strict, Text


class Prompt(Strict):
    id: Slug
    prompt: Text
    hint: Text
    concepts: list[Text] = Field(min_length=3, max_length=5)
    answer: Text


class Explain(Root):
    title: Text = "Explain it"
    prompts: list[Prompt] = Field(min_length=1)


def render(explain: Explain, env) -> widget.Output:
    base = f"gl-explain-{explain.id}"
    prompts = "\n".join(_prompt(prompt, base, env) for prompt in explain.prompts)
    html = widget.section("explain", base, explain.title, prompts, explain=explain.id)
    return widget.Output(html, {"id": explain.id, "title": explain.title, "prompts": [p.id for p in explain.prompts]})


def _prompt(prompt: Prompt, base: str, env) -> str:
    pid = f"{base}__p-{prompt.id}"  # "__" cannot occur in a slug, so ids never collide
    concepts = "\n".join(
        f'<li><input type="checkbox" id="{pid}__{n}" value="{n}">'
        f'<label for="{pid}__{n}">{markdown.render_inline(concept, env)}</label></li>'
        for n, concept in enumerate(prompt.concepts)
    )
    concepts_box = (
        f"<fieldset>\n<legend>Tick the concepts your explanation covered</legend>\n"
        f'<ul class="gl-explain__list">\n{concepts}\n</ul>\n</fieldset>\n'
        f'<p class="gl-explain__score" role="status"></p>'
    )
    return "\n".join(
        [
            f'<div class="gl-explain__prompt" id="{pid}" data-prompt="{prompt.id}">',
            f'<div class="gl-explain__question" id="{pid}__question">{markdown.render(prompt.prompt, env)}</div>',
            widget.reveal("gl-explain__hint", "material/lightbulb-outline", "Hint", markdown.render(prompt.hint, env)),
            f'<label class="gl-explain__label" for="{pid}__text">Your explanation</label>',
            f'<textarea class="gl-explain__text" id="{pid}__text" rows="5" aria-describedby="{pid}__question"></textarea>',
            '<button type="button" class="md-button gl-explain__show" hidden>Show key concepts</button>',
            widget.reveal("gl-explain__concepts", "material/format-list-checks", "Key concepts", concepts_box),
            widget.reveal("gl-explain__answer", "material/book-open-page-variant-outline", "Model answer", markdown.render(prompt.answer, env)),
            "</div>",
        ]
    )


WIDGET = widget.Widget("explain", Explain, "prompts", "prompt", render, label="explain widget")


def register(env) -> None:
    widget.register(env, WIDGET)
