"""The challenge macro: YAML in, accessible HTML out; bad content fails with file, item and fault."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from macros import challenge, registry
from macros.content import ContentError
from tests.support.htmltree import parse
from tests.support.project import build_project

CHALLENGE = """
id: step-check
title: Check your step
badge: Step Master
problems:
  - id: direction
    category: Conceptual
    difficulty: beginner
    hint: Downhill.
    prompt: Which way does a step move $w$ when the gradient is positive?
    options: [Up, Down, Nowhere]
    answer: B
    explanation: It moves **against** the gradient.
  - id: prints
    category: Predict Output
    difficulty: intermediate
    time_limit: 45
    attempts: 3
    hint: Count the passes.
    prompt: What does it print?
    code: |
      g = 0
      for _ in range(3):
          g += 2
      print(g)
    options: ["2", "6"]
    answer: B
    explanation: Nothing resets `g`.
  - id: fix-grad
    category: Debug
    difficulty: advanced
    hint: Chain rule.
    prompt: Fix `grad`.
    code: |
      def grad(w, x):
          return 2 * w
    tests: |
      assert grad(1.0, 3.0) == 18.0, "</script> in a message must not end the page's script"
    solution: |
      def grad(w, x):
          return 2 * w * x * x
    explanation: Multiply by the inner derivative.
"""


@pytest.fixture
def env(macro_env):
    challenge.register(macro_env)
    return macro_env


def render(env, text=CHALLENGE):
    return env.inline("challenge", text)


def with_problem(index: int, **changes) -> str:
    """CHALLENGE with fields of one problem changed (None removes a field)."""
    import yaml

    data = yaml.safe_load(CHALLENGE)
    for key, value in changes.items():
        if value is None:
            data["problems"][index].pop(key, None)
        else:
            data["problems"][index][key] = value
    return yaml.safe_dump(data, sort_keys=False)


def test_renders_problems_with_category_difficulty_limits_and_attempts(env):
    tree = parse(render(env))
    section = tree.one("section", "gl-challenge", data_challenge="step-check")
    assert section["data-badge"] == "Step Master"
    assert section["data-timed-default"] == "false"
    problems = section.all("li", "gl-challenge__problem")
    assert [p["data-problem"] for p in problems] == ["direction", "prints", "fix-grad"]
    first, second, _ = problems
    # Defaults: 2:00 and 2 attempts.
    assert (first["data-time-limit"], first["data-attempts"]) == ("120", "2")
    assert "time limit 2:00" in first.one("p", "gl-challenge__tags").text
    assert "2 attempts" in first.one("p", "gl-challenge__tags").text
    assert "beginner" in first.one("p", "gl-challenge__tags").text
    assert first.one("h3").text == "Problem 1: Conceptual"
    assert (second["data-time-limit"], second["data-attempts"]) == ("45", "3")
    assert "time limit 0:45" in second.one("p", "gl-challenge__tags").text


def test_estimated_time_and_badge_are_announced_up_front(env):
    meta = parse(render(env)).one("p", "gl-challenge__meta").text
    # 120 + 45 + 120 seconds is about 5 minutes.
    assert meta.startswith("3 problems · about 5 minutes")
    assert "Step Master" in meta


def test_options_are_native_radios_in_a_fieldset_with_a_legend(env):
    problem = parse(render(env)).one("li", data_problem="direction")
    fieldset = problem.one("fieldset")
    assert fieldset.one("legend").text == "Your answer to problem 1"
    radios = fieldset.all("input", type="radio")
    assert [r["value"] for r in radios] == ["A", "B", "C"]
    assert len({r["name"] for r in radios}) == 1
    for radio in radios:
        assert radio.parent.tag == "label"
    assert fieldset["aria-describedby"] == problem.one("div", "gl-challenge__prompt")["id"]


def test_without_javascript_hint_answer_and_explanation_are_in_details(env):
    problem = parse(render(env)).one("li", data_problem="direction")
    hint = problem.one("details", "gl-challenge__hint")
    assert hint.one("summary").text == "Hint" and "Downhill." in hint.text
    assert hint.one("summary").one("svg")["aria-hidden"] == "true", "the word names it; the bulb is decoration"
    answer = problem.one("details", "gl-challenge__answer")
    assert answer.one("summary").text == "Answer and explanation"
    assert "Answer: B. Down" in answer.text
    # The explanation follows, rendered from Markdown.
    assert [strong.text for strong in answer.all("strong")] == ["Answer: B.", "against"]


def test_difficulty_chips_carry_their_level_in_words_and_an_icon(env):
    tree = parse(render(env))
    levels = [chip for chip in tree.all("span", "gl-challenge__level")]
    assert [(chip["data-difficulty"], chip.text) for chip in levels] == [
        ("beginner", "beginner"), ("intermediate", "intermediate"), ("advanced", "advanced")
    ]
    # Each level has its own gauge, hidden from screen readers (the word says it).
    paths = [chip.one("svg").one("path")["d"] for chip in levels]
    assert len(set(paths)) == 3 and all(chip.one("svg")["aria-hidden"] == "true" for chip in levels)


def test_no_emoji_as_icons(env):
    html = render(env)
    assert not any(0x2600 <= ord(c) <= 0x27BF or ord(c) >= 0x1F000 for c in html), "icons are Material's SVGs"


def test_the_badge_card_and_verdict_icons_wait_in_a_template(env):
    section = parse(render(env)).one("section", "gl-challenge")
    template = section.one("template", "gl-challenge__parts")
    assert [node["data-part"] for node in template.all(None) if node.get("data-part")] == ["right", "wrong", "badge"]
    card = template.one("div", "gl-challenge__badge-card")
    assert [line.text for line in card.all("p")] == ["Badge earned", "Step Master", "You solved every problem of Check your step."]
    assert card.one("svg")["aria-hidden"] == "true"
    # Nothing of it outside the template: without JavaScript no badge is ever shown.
    assert len(section.all("div", "gl-challenge__badge-card")) == 1


def test_predict_output_shows_its_code_highlighted(env):
    problem = parse(render(env)).one("li", data_problem="prints")
    code = problem.one("div", "gl-challenge__code")
    assert "print" in code.text and code.all("pre")


def test_debug_problem_is_a_code_cell_with_tests_and_a_hidden_solution(env):
    html = render(env)
    problem = parse(html).one("li", data_problem="fix-grad")
    assert problem["data-category"] == "Debug" and problem.get("data-answer") is None
    assert not problem.all("fieldset")
    cell = problem.one("div", "gl-cell")
    data = json.loads(cell["data-cell"])
    assert data["code"].startswith("def grad(w, x):\n    return 2 * w")
    assert data.get("isolated") is True
    tests = problem.one("script", "gl-challenge__tests")
    assert tests["type"] == "application/json"
    assert "</script>" not in tests.text and json.loads(tests.text).startswith("assert grad(1.0, 3.0) == 18.0")
    # The reference fix appears only inside the answer's <details>, never in the cell or data.
    assert "2 * w * x * x" not in json.dumps(data)
    assert "2 * w * x * x".replace(" ", "") in problem.one("details", "gl-challenge__answer").text.replace(" ", "")


def test_registers_the_challenge_for_the_progress_page(env):
    render(env)
    page = registry._pages["lessons/demo/"]
    assert page["widgets"]["challenge"] == [
        {"id": "step-check", "title": "Check your step", "badge": "Step Master", "problems": ["direction", "prints", "fix-grad"]}
    ]


def test_timed_default_is_passed_to_the_page(env):
    html = render(env, CHALLENGE.replace("badge: Step Master", "badge: Step Master\ntimed_default: true"))
    assert parse(html).one("section")["data-timed-default"] == "true"


def test_content_from_a_file_beside_the_page(env):
    (Path(env.conf["docs_dir"]) / "lessons" / "step.yml").write_text(CHALLENGE, encoding="utf-8")
    html = env.macros["challenge"]("step.yml")
    assert 'data-challenge="step-check"' in html


BAD = [
    # (changes to one problem, item named in the message, words of the fault)
    ((0, {"category": "Trivia"}), "problem 'direction'", "category"),
    ((0, {"difficulty": "easy"}), "problem 'direction'", "difficulty"),
    ((0, {"answer": "D"}), "problem 'direction'", "answer 'D' is out of range"),
    ((0, {"answer": "E"}), "problem 'direction'", "answer"),
    ((0, {"answer": None}), "problem 'direction'", "missing `answer`"),
    ((0, {"options": None}), "problem 'direction'", "missing `options`"),
    ((0, {"options": ["a", "b", "c", "d", "e"]}), "problem 'direction'", "options"),
    ((0, {"time_limit": 0}), "problem 'direction'", "time_limit: Input should be greater than 0"),
    ((0, {"time_limit": -5}), "problem 'direction'", "time_limit: Input should be greater than 0"),
    ((0, {"attempts": 0}), "problem 'direction'", "attempts: Input should be greater than or equal to 1"),
    ((0, {"hint": None}), "problem 'direction'", "hint: Field required"),
    ((0, {"id": "Direction"}), "problem 'Direction'", "id"),
    ((0, {"anwser": "B"}), "problem 'direction'", "anwser"),
    ((1, {"code": None}), "problem 'prints'", "Predict Output problem needs the `code`"),
    ((2, {"tests": None}), "problem 'fix-grad'", "a Debug problem needs `tests`"),
    ((2, {"solution": None}), "problem 'fix-grad'", "a Debug problem needs `solution`"),
    ((2, {"code": None}), "problem 'fix-grad'", "a Debug problem needs `code`"),
    ((2, {"options": ["a", "b"], "answer": "A"}), "problem 'fix-grad'", "takes no `options` or `answer`"),
    ((0, {"tests": "assert True"}), "problem 'direction'", "Debug problems only"),
]


@pytest.mark.parametrize(("change", "item", "fault"), BAD, ids=[f"{c[0][1]}" for c in BAD])
def test_invalid_problem_names_file_item_and_fault(env, change, item, fault):
    index, changes = change
    with pytest.raises(ContentError) as error:
        render(env, with_problem(index, **changes))
    message = str(error.value)
    assert message.startswith(f"docs/lessons/demo.md (inline challenge): {item}: "), message
    assert fault in message


def test_duplicate_problem_id_is_rejected(env):
    text = with_problem(1, id="direction")
    with pytest.raises(ContentError, match=r"^docs/lessons/demo.md \(inline challenge\): problem 'direction': duplicate problem id"):
        render(env, text)


def test_duplicate_challenge_id_across_pages_is_rejected(env):
    render(env)
    env.on_page("lessons/other.md")
    with pytest.raises(ContentError, match=r"^docs/lessons/other.md \(inline challenge\): id 'step-check': duplicate id: already used in docs/lessons/demo.md"):
        render(env)


def test_empty_problem_list_and_missing_badge_are_rejected(env):
    with pytest.raises(ContentError, match=r"demo.md \(inline challenge\): problems: List should have at least 1 item"):
        render(env, "id: x\ntitle: T\nbadge: B\nproblems: []\n")
    with pytest.raises(ContentError, match=r"demo.md \(inline challenge\): badge: Field required"):
        render(env, "id: x\ntitle: T\nproblems: []\n")


def test_a_bad_challenge_fails_a_real_build_naming_file_and_problem(tmp_path):
    page = "# Lesson\n\n{{ challenge('quiz.yml') }}\n"
    result, _ = build_project(tmp_path, {"lessons/one.md": page, "lessons/quiz.yml": with_problem(0, answer="D")})
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "docs/lessons/quiz.yml: problem 'direction': answer 'D' is out of range: there are only 3 options (A-C)" in output


def test_a_good_challenge_builds(tmp_path):
    page = "# Lesson\n\n{{ challenge('quiz.yml') }}\n"
    result, site = build_project(tmp_path, {"lessons/one.md": page, "lessons/quiz.yml": CHALLENGE})
    assert result.returncode == 0, result.stderr
    html = (site / "lessons" / "one" / "index.html").read_text("utf-8")
    assert parse(html[html.index('<section class="gl-challenge"') : html.index("</section>") + 10]).one("section")
    course = json.loads((site / "assets" / "gradlab" / "course.json").read_text("utf-8"))
    assert course["pages"][0]["widgets"]["challenge"][0]["badge"] == "Step Master"
