"""The Explain macro: YAML in -> HTML out (prompt, hint, text box, concept checklist, model
answer, all readable without JavaScript), and every authoring mistake named precisely."""

from __future__ import annotations

import json

import pytest

from macros import explain, quiz, registry
from macros.content import ContentError
from tests.support.htmltree import parse
from tests.support.project import build_project

INLINE = "docs/lessons/demo.md (inline explain)"

ZERO_GRAD = """
id: zero-grad
prompts:
  - id: why
    prompt: Why must the gradients be zeroed before each `backward()`?
    hint: What does `backward()` do to a `.grad` that already holds a value?
    concepts:
      - "`backward()` adds into `.grad`"
      - old gradients would mix with the new ones
      - the step would follow a stale direction
    answer: |
      Because `backward()` **accumulates**: $g \\leftarrow g + \\partial L/\\partial w$.
  - id: where
    prompt: Where in the loop does `zero_grad()` go?
    hint: Think about what must be clean when backward runs.
    concepts: [before backward, after the previous step, once per step]
    answer: Anywhere between the previous `step()` and this `backward()`.
"""


@pytest.fixture
def env(macro_env):
    explain.register(macro_env)
    return macro_env


def prompts_of(html):
    return parse(html).one("section", "gl-explain").all("div", "gl-explain__prompt")


def test_explain_is_a_labelled_section_with_one_block_per_prompt(env):
    section = parse(env.inline("explain", ZERO_GRAD)).one("section", "gl-explain")
    assert section["data-explain"] == "zero-grad"
    title = section.one("h2")
    assert title.text == "Explain it" and section["aria-labelledby"] == title["id"]
    assert [p["data-prompt"] for p in section.all("div", "gl-explain__prompt")] == ["why", "where"]


def test_prompt_hint_and_labelled_text_box(env):
    prompt = prompts_of(env.inline("explain", ZERO_GRAD))[0]
    question = prompt.one("div", "gl-explain__question")
    assert question.one("code").text == "backward()"
    hint = prompt.one("details", "gl-explain__hint")
    assert hint.one("summary").text == "Hint" and "already holds a value" in hint.text
    box = prompt.one("textarea")
    label = prompt.one("label", "gl-explain__label")
    assert label["for"] == box["id"] and label.text == "Your explanation"
    assert box["aria-describedby"] == question["id"]


def test_concepts_are_a_checklist_with_a_live_score(env):
    prompt = prompts_of(env.inline("explain", ZERO_GRAD))[0]
    show = prompt.one("button", "gl-explain__show")
    assert show.text == "Show key concepts" and "hidden" in show.attrs  # the script reveals it
    concepts = prompt.one("details", "gl-explain__concepts")
    assert concepts.one("summary").text == "Key concepts"
    fieldset = concepts.one("fieldset")
    assert fieldset.one("legend").text == "Tick the concepts your explanation covered"
    boxes = fieldset.all("input", type="checkbox")
    labels = {label["for"]: label.text for label in fieldset.all("label")}
    assert [labels[box["id"]] for box in boxes] == [
        "backward() adds into .grad",
        "old gradients would mix with the new ones",
        "the step would follow a stale direction",
    ]
    assert concepts.one("p", "gl-explain__score")["role"] == "status"


def test_model_answer_is_readable_without_javascript(env):
    html = env.inline("explain", ZERO_GRAD)
    answer = prompts_of(html)[0].one("details", "gl-explain__answer")
    assert answer.one("summary").text == "Model answer"
    assert answer.one("strong").text == "accumulates"
    assert answer.one("span", "arithmatex").one("annotation").text.startswith(r"g \leftarrow")  # drawn by KaTeX


def test_element_ids_are_unique(env):
    ids = [node["id"] for node in parse(env.inline("explain", ZERO_GRAD)).walk() if node.get("id")]
    assert len(ids) == len(set(ids))


def test_explain_is_recorded_for_the_progress_page(env, tmp_path):
    env.inline("explain", ZERO_GRAD)
    registry.write(str(tmp_path))
    course = json.loads((tmp_path / "assets" / "gradlab" / "course.json").read_text())
    assert course["pages"][0]["widgets"]["explain"] == [{"id": "zero-grad", "title": "Explain it", "prompts": ["why", "where"]}]


def one_prompt(concepts: str = "[a, b, c]", drop: str | None = None) -> str:
    fields = {"prompt": "Say why.", "hint": "Think.", "concepts": concepts, "answer": "Because."}
    lines = "".join(f"    {key}: {value}\n" for key, value in fields.items() if key != drop)
    return f"id: ex\nprompts:\n  - id: first\n{lines}"


BAD = [
    pytest.param(one_prompt("[a, b]"), "prompt 'first'", "concepts: List should have at least 3 items", id="two-concepts"),
    pytest.param(
        one_prompt("[a, b, c, d, e, f]"), "prompt 'first'", "concepts: List should have at most 5 items", id="six-concepts"
    ),
    pytest.param(one_prompt(drop="hint"), "prompt 'first'", "hint: Field required", id="no-hint"),
    pytest.param(one_prompt(drop="answer"), "prompt 'first'", "answer: Field required", id="no-answer"),
    pytest.param(one_prompt("[a, '', c]"), "prompt 'first'", "concepts.1: String should have at least 1 character", id="empty-concept"),
    pytest.param("id: ex\nprompts: []\n", None, "prompts: List should have at least 1 item", id="no-prompts"),
]


@pytest.mark.parametrize(("text", "item", "problem"), BAD)
def test_bad_explain_names_file_item_and_problem(env, text, item, problem):
    with pytest.raises(ContentError) as caught:
        env.inline("explain", text)
    where = f"{INLINE}: {item}" if item else INLINE
    assert str(caught.value).startswith(f"{where}: "), str(caught.value)
    assert problem in str(caught.value)


def test_duplicate_prompt_id_is_named(env):
    with pytest.raises(ContentError, match=r"^docs/lessons/demo.md \(inline explain\): prompt 'why': duplicate prompt id"):
        env.inline("explain", ZERO_GRAD.replace("id: where", "id: why"))


def test_explain_id_may_not_reuse_a_quiz_id(env):
    quiz.register(env)
    env.inline("quiz", "id: zero-grad\nquestions:\n  - {id: q, prompt: p, explanation: e, options: [{text: a, correct: true, feedback: f}, {text: b, feedback: g}]}\n")
    env.on_page("lessons/other.md")
    with pytest.raises(ContentError) as caught:
        env.inline("explain", ZERO_GRAD)
    assert str(caught.value).startswith("docs/lessons/other.md (inline explain): id 'zero-grad': duplicate id")
    assert "docs/lessons/demo.md (inline quiz)" in str(caught.value)


def test_a_real_build_fails_on_too_few_concepts(tmp_path):
    result, _ = build_project(
        tmp_path, {"index.md": '# Home\n\n{{ explain("why.yml") }}\n', "why.yml": one_prompt("[only, two]")}
    )
    assert result.returncode != 0
    assert "docs/why.yml: prompt 'first': concepts: List should have at least 3 items" in result.stdout + result.stderr
