"""Fair quiz options: the `shuffle` option of a question (YAML in -> HTML out, and the checks that
keep a per-learner order meaningful), and, under Node, the pieces the page builds on: the seeded
order (overrides/assets/quiz/order.js), the learner id and the quiz scores of the progress store."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from macros import quiz
from macros.content import ContentError
from tests.macros.test_quiz import one_question
from tests.support.htmltree import parse
from tests.support.site import ROOT

ASSETS = ROOT / "overrides" / "assets"


def options(*texts: str, feedback: str = "Why.") -> str:
    """The YAML of options with these texts, the first one right."""
    return "\n".join(f"      - {{text: {text!r}, correct: {str(n == 0).lower()}, feedback: {feedback!r}}}" for n, text in enumerate(texts))


@pytest.fixture
def env(macro_env):
    quiz.register(macro_env)
    return macro_env


def question_div(html):
    return parse(html).one("div", "gl-quiz__question")


def test_options_are_shuffled_unless_the_question_says_shuffle_false(env):
    assert question_div(env.inline("quiz", one_question(options("a", "b"))))["data-shuffle"] == "true"
    kept = question_div(env.inline("quiz", one_question(options("a", "b"), "\n    shuffle: false").replace("id: q\n", "id: q2\n")))
    assert kept["data-shuffle"] == "false"
    # The HTML keeps the authored order either way: it is what a reader without JavaScript sees.
    assert [label.text for label in kept.all("label")] == ["a", "b"]


@pytest.mark.parametrize(
    "text",
    ["All of the above", "None of these", "Both", "Neither.", "Each of the others", "The two options above"],
)
def test_an_option_that_points_at_others_needs_shuffle_false(env, text):
    with pytest.raises(ContentError) as caught:
        env.inline("quiz", one_question(options("a", "b", text)))
    assert str(caught.value).startswith("docs/lessons/demo.md (inline quiz): question 'first': ")
    assert f"option 3 ({text!r}) points at other options by place; add `shuffle: false`" in str(caught.value)
    html = env.inline("quiz", one_question(options("a", "b", text), "\n    shuffle: false"))
    assert question_div(html)["data-shuffle"] == "false"


@pytest.mark.parametrize("text", ["Both grow 1000 times", "It stays below zero", "All weights change"])
def test_options_that_only_use_such_words_still_shuffle(env, text):
    assert question_div(env.inline("quiz", one_question(options("a", text))))["data-shuffle"] == "true"


@pytest.mark.parametrize("words", ["Option B is the trap.", "See answer (c).", "The answers A and C", "As (b) shows."])
def test_no_text_may_name_an_option_by_letter(env, words):
    with pytest.raises(ContentError, match="names an option by letter, but options carry no letters"):
        env.inline("quiz", one_question(options("a", "b", feedback=words), "\n    shuffle: false"))


def test_shuffle_must_be_true_or_false(env):
    with pytest.raises(ContentError, match=r"question 'first': shuffle: Input should be a valid boolean"):
        env.inline("quiz", one_question(options("a", "b"), "\n    shuffle: sometimes"))


# Under Node: an in-memory localStorage, then the steps of one test, whose result is printed.
HARNESS = """
const items = new Map(Object.entries(JSON.parse(process.argv[1])));
globalThis.localStorage = {
  getItem: (key) => (items.has(key) ? items.get(key) : null),
  setItem: (key, value) => items.set(key, String(value)),
};
globalThis.addEventListener = () => {};
globalThis.navigator ??= {};
const store = await import(process.argv[2]);
const { optionOrder } = await import(process.argv[3]);
const stored = () => JSON.parse(items.get("gradlab:progress") ?? "null");
console.log(JSON.stringify(await (async () => { %s })()));
"""

needs_node = pytest.mark.skipif(shutil.which("node") is None, reason="needs Node")


def node(body: str, stored: dict | None = None):
    items = {"gradlab:progress": json.dumps(stored)} if stored else {}
    script = HARNESS % body
    uris = [(ASSETS / "progress" / "store.js").as_uri(), (ASSETS / "quiz" / "order.js").as_uri()]
    result = subprocess.run(
        ["node", "--no-warnings", "--input-type=module", "-e", script, json.dumps(items), *uris],
        capture_output=True, text=True, check=True,
    )
    return json.loads(result.stdout)


@needs_node
def test_an_order_is_a_permutation_stable_for_a_learner_and_differs_between_learners():
    out = node("""
      const learners = Array.from({ length: 200 }, (_, n) => `learner-${n}`);
      return {
        twice: [optionOrder("ab12cd34", "quiz/q", 5), optionOrder("ab12cd34", "quiz/q", 5)],
        other: optionOrder("ab12cd35", "quiz/q", 5),
        orders: new Set(learners.map((id) => optionOrder(id, "quiz/q", 4).join(""))).size,
        firsts: [0, 1, 2, 3].map((at) => learners.filter((id) => optionOrder(id, "quiz/q", 4)[at] === 0).length),
      };""")
    assert out["twice"][0] == out["twice"][1] and sorted(out["twice"][0]) == [0, 1, 2, 3, 4]
    assert out["other"] != out["twice"][0]  # one character of the id changes the order
    assert out["orders"] == 24  # 200 learners meet every order of 4 options
    assert all(30 <= count <= 70 for count in out["firsts"]), out["firsts"]  # no place favoured


@needs_node
def test_the_learner_id_is_made_once_kept_and_carried_by_export_but_not_by_reset():
    out = node("""
      store.read();
      const readWrote = items.size > 0;
      const first = store.learnerId();
      return {
        readWrote,
        first, again: store.learnerId(), stored: stored().learner,
        imported: store.migrate(JSON.parse(JSON.stringify(stored()))).learner,
        reset: store.empty().learner ?? null,
        emptyStill: store.isEmpty(store.read()),
        oddDropped: store.migrate({ ...stored(), learner: { x: 1 } }).learner ?? null,
      };""")
    assert out["readWrote"] is False
    assert len(out["first"]) == 32 and out["again"] == out["first"] == out["stored"] == out["imported"]
    assert out["reset"] is None and out["oddDropped"] is None
    assert out["emptyStill"] is True  # an id alone is no progress: nothing to continue from


@needs_node
def test_a_stored_learner_id_is_kept_beside_the_progress():
    progress = {"version": 2, "learner": "fixed-learner-1", "quizzes": {"q": {"a": {"correct": True}}}}
    out = node("return [store.learnerId(), stored()]", progress)
    assert out[0] == "fixed-learner-1" and out[1]["quizzes"] == progress["quizzes"]


@needs_node
def test_quiz_scores_count_first_try_eventually_and_tried_per_question():
    progress = {
        "version": 2,
        "quizzes": {
            "one": {
                "a": {"correct": True, "chosen": [0], "firstTry": True, "eventually": True},
                "b": {"correct": False, "chosen": [1], "firstTry": False, "eventually": True},  # right once, then changed
                "c": {"firstTry": False, "eventually": False},  # after Retry
            },
            "two": {"x": {"correct": True, "chosen": [2], "answeredAt": "2026-01-01"}, "y": 7},  # older record, junk
        },
    }
    out = node("""return [
        store.quizScores([{ id: "one", questions: ["a", "b", "c", "d"] }, { id: "two", questions: ["x", "y"] }]),
        store.quizScores([{ id: "none", questions: ["a"] }]),
        store.quizScores([]),
      ];""", progress)
    assert out[0] == {"firstTry": 1, "eventually": 3, "tried": 4, "total": 6}
    assert out[1] == {"firstTry": 0, "eventually": 0, "tried": 0, "total": 1}
    assert out[2] == {"firstTry": 0, "eventually": 0, "tried": 0, "total": 0}
