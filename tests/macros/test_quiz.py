"""The quiz macro: YAML in -> accessible HTML out, and every authoring mistake fails with the
file, the item and what is wrong."""

from __future__ import annotations

import json

import pytest

from macros import quiz, registry
from macros.content import ContentError
from tests.support.htmltree import parse
from tests.support.project import build_project

INLINE = "docs/lessons/demo.md (inline quiz)"

TWO_QUESTIONS = """
id: step-quiz
title: Check yourself
questions:
  - id: backward
    prompt: What does `loss.backward()` fill in for $w$?
    options:
      - text: "`w.grad`"
        correct: true
        feedback: Right, backward writes $\\partial L / \\partial w$ there.
      - text: The new value of `w`
        feedback: No, changing `w` is the optimizer's job.
      - text: 0.5
        feedback: A number alone says nothing about where it goes.
    explanation: Backward computes gradients; `optimizer.step()` uses them.
  - id: loop
    prompt: Which calls belong in every training step?
    options:
      - {text: "`optimizer.zero_grad()`", correct: true, feedback: "Yes, or gradients pile up."}
      - {text: "`loss.backward()`", correct: true, feedback: "Yes, it computes the gradients."}
      - {text: "`torch.manual_seed(0)`", feedback: "No, seeding once is enough."}
    explanation: Zero the gradients, run forward and backward, then step.
"""


@pytest.fixture
def env(macro_env):
    quiz.register(macro_env)
    return macro_env


def questions_of(html):
    return parse(html).one("section", "gl-quiz").all("div", "gl-quiz__question")


def test_quiz_is_a_labelled_section_with_one_fieldset_per_question(env):
    section = parse(env.inline("quiz", TWO_QUESTIONS)).one("section", "gl-quiz")
    assert section["data-quiz"] == "step-quiz"
    title = section.one("h2")
    assert title.text == "Check yourself" and section["aria-labelledby"] == title["id"]
    questions = section.all("div", "gl-quiz__question")
    assert [q["data-question"] for q in questions] == ["backward", "loop"]
    for number, question in enumerate(questions, 1):
        legend = question.one("fieldset").one("legend")
        assert legend.text.startswith(f"Question {number} of 2.")
    assert "What does loss.backward() fill in for" in questions[0].one("legend").text
    # Without JavaScript nothing dead is on show: the summary and Retry wait for the script.
    assert section.one("p", "gl-quiz__summary")["role"] == "status"
    assert "hidden" in section.one("button", "gl-quiz__retry").attrs


def test_single_answer_question_uses_radio_buttons_each_with_a_label(env):
    question = questions_of(env.inline("quiz", TWO_QUESTIONS))[0]
    assert question["data-multiple"] == "false"
    inputs = question.one("fieldset").all("input")
    assert [i["type"] for i in inputs] == ["radio"] * 3
    assert len({i["name"] for i in inputs}) == 1
    assert len({i["id"] for i in inputs}) == 3
    labels = {label["for"]: label.text for label in question.all("label")}
    assert [labels[i["id"]] for i in inputs] == ["w.grad", "The new value of w", "0.5"]
    assert question.one("p", "gl-quiz__how").text == "Choose one answer."


def test_question_with_two_right_options_uses_checkboxes(env):
    question = questions_of(env.inline("quiz", TWO_QUESTIONS))[1]
    assert question["data-multiple"] == "true"
    assert [i["type"] for i in question.all("input")] == ["checkbox"] * 3
    assert question.one("p", "gl-quiz__how").text == "Choose every correct answer."


def test_multiple_true_makes_checkboxes_even_with_one_right_option(env):
    html = env.inline("quiz", TWO_QUESTIONS.replace("prompt: What does", "multiple: true\n    prompt: What does"))
    assert [i["type"] for i in questions_of(html)[0].all("input")] == ["checkbox"] * 3


def test_check_button_and_live_region_for_each_question(env):
    for question in questions_of(env.inline("quiz", TWO_QUESTIONS)):
        group = question.one("fieldset")  # inside the group, so its name gives them context
        check = group.one("button", "gl-quiz__check")
        assert check.text == "Check" and check["type"] == "button" and "hidden" in check.attrs
        assert group.one(cls="gl-quiz__status")["role"] == "status"


def test_answer_feedback_and_explanation_are_readable_without_javascript(env):
    question = questions_of(env.inline("quiz", TWO_QUESTIONS))[0]
    details = question.one("details", "gl-quiz__answer")
    assert details.one("summary").text == "Answer and explanation"
    key = details.all("li")
    assert [li["data-correct"] for li in key] == ["true", "false", "false"]
    # Right and wrong are spelled out, not only coloured; the icon beside the word is decoration.
    assert key[0].text.startswith("Correct: w.grad") and "Right, backward writes" in key[0].text
    assert key[1].text.startswith("Wrong: The new value of w") and "optimizer's job" in key[1].text
    icons = [li.one("span", "gl-quiz__verdict").one("svg") for li in key[:2]]
    assert all(svg["class"] == "gl-icon" and svg["aria-hidden"] == "true" for svg in icons)
    assert "optimizer.step() uses them" in details.one("div", "gl-quiz__explanation").text


def test_the_front_end_finds_the_right_and_wrong_icons_in_an_inert_template(env):
    template = parse(env.inline("quiz", TWO_QUESTIONS)).one("section", "gl-quiz").one("template", "gl-quiz__icons")
    spans = template.all("span")
    assert [span["data-right"] for span in spans] == ["true", "false"]
    assert all(span.one("svg")["aria-hidden"] == "true" for span in spans)


def test_markdown_code_and_math_render_inside_questions(env):
    html = env.inline("quiz", TWO_QUESTIONS)
    legend = questions_of(html)[0].one("legend")
    assert legend.one("code").text == "loss.backward()"
    # Drawn by KaTeX at build time; its MathML keeps the TeX as an annotation.
    assert legend.one("span", "arithmatex").one("annotation").text == "w"
    assert r'<annotation encoding="application/x-tex">\partial L / \partial w</annotation>' in html


def test_quiz_from_a_yaml_file_beside_the_page(env):
    (env.conf_docs / "lessons" / "quiz.yml").write_text(TWO_QUESTIONS, encoding="utf-8")
    html = env.macros["quiz"]("quiz.yml")
    assert [q["data-question"] for q in questions_of(html)] == ["backward", "loop"]


def test_quiz_is_recorded_for_the_progress_page(env, tmp_path):
    env.inline("quiz", TWO_QUESTIONS)
    registry.write(str(tmp_path))
    course = json.loads((tmp_path / "assets" / "gradlab" / "course.json").read_text())
    assert course["pages"][0]["widgets"]["quiz"] == [
        {"id": "step-quiz", "title": "Check yourself", "questions": ["backward", "loop"]}
    ]


def test_element_ids_are_unique_and_stable(env):
    html = env.inline("quiz", TWO_QUESTIONS)
    ids = [node["id"] for node in parse(html).walk() if node.get("id")]
    assert len(ids) == len(set(ids))
    assert "gl-quiz-step-quiz__q-backward__0" in ids


def one_question(options: str, extra: str = "") -> str:
    return f"""
id: q
questions:
  - id: first
    prompt: Pick one.{extra}
    options:
{options}
    explanation: Because.
"""


BAD = [
    pytest.param(
        one_question("      - {text: a, feedback: x}\n      - {text: b, feedback: y}"),
        "question 'first'",
        "no option is marked `correct: true`",
        id="no-answer",
    ),
    pytest.param(
        one_question("      - {text: a, correct: true, feedback: x}\n      - {text: b}"),
        "question 'first'",
        "options.1.feedback: Field required",
        id="option-without-feedback",
    ),
    pytest.param(
        one_question("      - {text: a, correct: true, feedback: x}\n      - {text: b, feedback: '  '}"),
        "question 'first'",
        "options.1.feedback: String should have at least 1 character",
        id="blank-feedback",
    ),
    pytest.param(
        one_question("      - {text: a, correct: true, feedback: x}"),
        "question 'first'",
        "options: List should have at least 2 items",
        id="one-option",
    ),
    pytest.param(
        one_question("\n".join(f"      - {{text: o{n}, correct: true, feedback: x}}" for n in range(7))),
        "question 'first'",
        "options: List should have at most 6 items",
        id="seven-options",
    ),
    pytest.param(
        one_question("      - {text: a, correct: true, feedback: x}\n      - {text: b, correct: true, feedback: y}", "\n    multiple: false"),
        "question 'first'",
        "`multiple: false` but 2 options are marked correct",
        id="single-with-two-answers",
    ),
    pytest.param(
        one_question("      - {text: a, corect: true, feedback: x}\n      - {text: b, feedback: y}"),
        "question 'first'",
        "options.0.corect: Extra inputs are not permitted",
        id="misspelt-key",
    ),
    pytest.param(
        one_question("      - {text: Yes, correct: true, feedback: x}\n      - {text: 'No', feedback: y}"),
        "question 'first'",
        "options.0.text: YAML read this as true/false; put the text in quotes",
        id="unquoted-yes",
    ),
    pytest.param("id: q\nquestions: []\n", None, "questions: List should have at least 1 item", id="no-questions"),
    pytest.param(
        "id: Q 1\nquestions: []\n", None, "id: String should match pattern '^[a-z0-9-]+$'", id="id-not-a-slug"
    ),
    pytest.param(
        one_question("      - {text: a, correct: true, feedback: x}\n      - {text: b, feedback: y}").replace("explanation: Because.\n", ""),
        "question 'first'",
        "explanation: Field required",
        id="no-explanation",
    ),
]


@pytest.mark.parametrize(("text", "item", "problem"), BAD)
def test_bad_quiz_names_file_item_and_problem(env, text, item, problem):
    with pytest.raises(ContentError) as caught:
        env.inline("quiz", text)
    where = f"{INLINE}: {item}" if item else INLINE
    assert str(caught.value).startswith(f"{where}: "), str(caught.value)
    assert problem in str(caught.value)


def test_duplicate_question_id_is_named(env):
    text = TWO_QUESTIONS.replace("id: loop", "id: backward")
    with pytest.raises(ContentError, match=r"^docs/lessons/demo.md \(inline quiz\): question 'backward': duplicate question id"):
        env.inline("quiz", text)


def test_duplicate_quiz_id_across_the_site_names_both_files(env):
    (env.conf_docs / "lessons" / "other.yml").write_text(TWO_QUESTIONS, encoding="utf-8")
    env.inline("quiz", TWO_QUESTIONS)
    env.on_page("lessons/other.md")
    with pytest.raises(ContentError) as caught:
        env.macros["quiz"]("other.yml")
    message = str(caught.value)
    assert message.startswith("docs/lessons/other.yml: id 'step-quiz': duplicate id")
    assert "docs/lessons/demo.md (inline quiz)" in message


def test_a_real_build_fails_on_a_quiz_without_an_answer(tmp_path):
    bad = one_question("      - {text: a, feedback: x}\n      - {text: b, feedback: y}")
    result, _ = build_project(
        tmp_path,
        {"index.md": "# Home\n", "lessons/step.md": '# Step\n\n{{ quiz("step.yml") }}\n', "lessons/step.yml": bad},
    )
    assert result.returncode != 0
    assert "docs/lessons/step.yml: question 'first': no option is marked `correct: true`" in result.stdout + result.stderr


def test_a_real_build_renders_an_inline_quiz(tmp_path):
    page = "# Step\n\n{% call quiz() %}" + TWO_QUESTIONS + "{% endcall %}\n"
    result, site = build_project(tmp_path, {"index.md": page})
    assert result.returncode == 0, result.stderr
    section = parse((site / "index.html").read_text("utf-8")).one("section", "gl-quiz")
    assert len(section.all("fieldset")) == 2
