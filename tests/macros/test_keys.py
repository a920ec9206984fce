"""The answer-key check (macros/keys.py): a course whose keys a guesser could beat fails
`mkdocs build` with the file and the items named; a balanced one builds."""

from __future__ import annotations

import pytest
import yaml

from tests.support.project import build_project

ENFORCED = """
extra:
  gradlab:
    keys:
      enforce: true
"""


def quiz_yaml(quiz_id: str, answers: list[int], longest: bool = False, multiple: list[set[int]] = ()) -> str:
    """A quiz with one single-answer question per entry of `answers` (the correct position, of
    four options of equal length unless `longest` makes the answer the longest one), then one
    multiple-answer question per set in `multiple`."""

    def question(n: int, correct: set[int]) -> dict:
        options = [
            {"text": f"Option {p} of {n}" + (" at more length" if longest and p in correct else ""),
             "correct": p in correct, "feedback": "Why."}
            for p in range(4)
        ]
        return {"id": f"{quiz_id}-q{n}", "prompt": "Which?", "options": options, "explanation": "Because."}

    questions = [question(n, {answer}) for n, answer in enumerate(answers)]
    questions += [question(len(answers) + n, correct) for n, correct in enumerate(multiple)]
    return yaml.safe_dump({"id": quiz_id, "questions": questions})


def challenge_yaml(challenge_id: str, answers: str) -> str:
    problems = [
        {"id": f"{challenge_id}-p{n}", "category": "Conceptual", "difficulty": "beginner", "hint": "Think.",
         "prompt": "Which?", "options": [f"Choice {letter}" for letter in "ABCD"], "answer": answer,
         "explanation": "Because."}
        for n, answer in enumerate(answers)
    ]
    return yaml.safe_dump({"id": challenge_id, "title": "Challenge", "badge": "Badge", "problems": problems})


def course(**files: str) -> dict[str, str]:
    """Two lesson pages that include the given widget files (`one_quiz=...` -> one/quiz.yml)."""
    pages = {"one.md": "# One\n", "two.md": "# Two\n"}
    for name, text in files.items():
        lesson, kind = name.split("_")
        pages[f"{lesson}/{kind}.yml"] = text
        pages[f"{lesson}.md"] += f'\n{{{{ {kind}("{lesson}/{kind}.yml") }}}}\n'
    return pages


BALANCED = course(one_quiz=quiz_yaml("one", [0, 1, 2, 3, 0, 1]), two_quiz=quiz_yaml("two", [2, 3, 1, 2, 3, 0]))


def build(tmp_path, pages, config=ENFORCED):
    result, _ = build_project(tmp_path, pages, extra=config)
    return result.returncode, result.stdout + result.stderr


def test_a_balanced_course_builds(tmp_path):
    code, output = build(tmp_path, BALANCED)
    assert code == 0, output
    assert "answer keys" not in output


def test_answers_piled_on_one_position_fail_the_build_naming_file_and_items(tmp_path):
    pages = course(one_quiz=quiz_yaml("one", [0, 0, 0, 1, 2, 3]), two_quiz=quiz_yaml("two", [0, 0, 1, 2, 3, 0]))
    code, output = build(tmp_path, pages)
    assert code != 0
    assert (
        "Invalid widget content: docs/one/quiz.yml: questions 'one-q0', 'one-q1', 'one-q2': the answer is option A,"
        " as in 6 of 12 (50%) single-answer quiz questions of the course (at most 40% may share a position)"
    ) in output
    assert "docs/two/quiz.yml: questions 'two-q0', 'two-q1', 'two-q5': the answer is option A" in output


def test_a_letter_that_is_never_the_answer_fails(tmp_path):
    pages = course(one_quiz=quiz_yaml("one", [0, 1, 2, 0, 1, 2]), two_quiz=quiz_yaml("two", [0, 1, 2, 0, 1, 2]))
    code, output = build(tmp_path, pages)
    assert code != 0
    assert "docs/one/quiz.yml: questions 'one-q0', " in output
    assert "option D is offered but is the answer of none of the 12 single-answer quiz questions" in output


def test_the_longest_option_being_the_answer_too_often_fails(tmp_path):
    pages = course(
        one_quiz=quiz_yaml("one", [0, 1, 2, 3, 0, 1], longest=True), two_quiz=quiz_yaml("two", [2, 3, 1, 2, 3, 0])
    )
    code, output = build(tmp_path, pages)
    assert code != 0
    assert (
        "docs/one/quiz.yml: questions 'one-q0', 'one-q1', 'one-q2', 'one-q3', 'one-q4', 'one-q5': the answer is the"
        " longest option, as in 6 of 12 (50%) single-answer quiz questions of the course (at most 40% allowed)"
    ) in output
    assert "docs/two/quiz.yml" not in output


def test_challenges_are_judged_apart_from_quizzes(tmp_path):
    # Balanced quizzes do not excuse challenges whose answer is always B.
    pages = {**BALANCED, **course(one_challenge=challenge_yaml("c1", "BBBBBA"), two_challenge=challenge_yaml("c2", "BBCDBA"))}
    pages["one.md"] += BALANCED["one.md"]
    pages["two.md"] += BALANCED["two.md"]
    code, output = build(tmp_path, pages)
    assert code != 0
    assert "docs/one/challenge.yml: problems 'c1-p0', 'c1-p1', 'c1-p2', 'c1-p3', 'c1-p4': the answer is option B" in output
    assert "multiple-choice challenge problems of the course" in output
    assert "quiz.yml" not in output


def test_multiple_answer_questions_all_keyed_alike_fail(tmp_path):
    alike = [{0, 1}, {0, 1}, {0, 1}]
    pages = course(one_quiz=quiz_yaml("one", [0, 1], multiple=alike), two_quiz=quiz_yaml("two", [2, 3]))
    code, output = build(tmp_path, pages)
    assert code != 0
    assert (
        "docs/one/quiz.yml: questions 'one-q2', 'one-q3', 'one-q4': all 3 multiple-answer quiz questions"
        " of the course are keyed {A, B}"
    ) in output
    pages = course(one_quiz=quiz_yaml("one", [0, 1], multiple=[{0, 1}, {0, 1}, {1, 3}]), two_quiz=quiz_yaml("two", [2, 3]))
    assert build(tmp_path, pages)[0] == 0


def test_a_course_too_small_to_judge_builds(tmp_path):
    # Nine questions all keyed A: below `min_items` (10) the check does not judge.
    pages = course(one_quiz=quiz_yaml("one", [0] * 5), two_quiz=quiz_yaml("two", [0] * 4))
    code, output = build(tmp_path, pages)
    assert code == 0, output


def test_not_enforced_the_findings_are_only_logged(tmp_path):
    pages = course(one_quiz=quiz_yaml("one", [0] * 6), two_quiz=quiz_yaml("two", [0] * 6))
    code, output = build(tmp_path, pages, config=ENFORCED.replace("true", "false"))
    assert code == 0, output
    assert "answer keys (not enforced): Invalid widget content: docs/one/quiz.yml" in output


def test_bounds_come_from_mkdocs_yml(tmp_path):
    # 5 of 12 on A (42%) passes at a 50% limit that the defaults (40%) would fail.
    pages = course(one_quiz=quiz_yaml("one", [0, 0, 0, 1, 2, 3]), two_quiz=quiz_yaml("two", [0, 0, 1, 2, 3, 1]))
    assert build(tmp_path, pages)[0] != 0
    code, output = build(tmp_path, pages, config=ENFORCED + "      max_position_share: 0.5\n")
    assert code == 0, output


@pytest.mark.parametrize(
    "setting, problem",
    [
        ("max_position_share: 1.5", "extra.gradlab.keys.max_position_share: Input should be less than or equal to 1"),
        ("min_itmes: 3", "extra.gradlab.keys.min_itmes: Extra inputs are not permitted"),
    ],
)
def test_bad_bounds_fail_the_build_up_front(tmp_path, setting, problem):
    code, output = build(tmp_path, BALANCED, config=ENFORCED + f"      {setting}\n")
    assert code != 0
    assert f"Invalid widget content: mkdocs.yml: {problem}" in output
    assert "Building documentation" not in output
