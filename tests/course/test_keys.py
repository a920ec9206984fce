"""The answer keys of the whole course, and of each lesson, stay inside GUIDE §6's bounds."""

from __future__ import annotations

import pytest

from tests.course import balance
from tests.support.course import LESSONS


def test_course_keys_are_balanced():
    assert not balance.problems(list(LESSONS), balance.COURSE_BOUND)


def test_every_letter_is_the_answer_somewhere():
    assert not balance.unused_letters(list(LESSONS))


@pytest.mark.parametrize("slug", LESSONS)
def test_no_lesson_leans_on_one_letter(slug):
    assert not balance.problems([slug], balance.LESSON_BOUND)


def test_lessons_do_not_all_use_each_letter_once():
    """If every lesson's quiz keys were one A, one B, one C and one D, a learner who noticed
    could name a lesson's last answer from the first three."""
    permutations = [slug for slug in LESSONS if sorted(balance.quiz_keys([slug])[0]) == list("ABCD")]
    assert len(permutations) < len(LESSONS)


def test_the_checks_catch_a_biased_course(monkeypatch):
    """Fed keys that are always A, the checks complain about the course and the lesson."""
    biased = {"quiz": [{"questions": [{"options": [{"text": "right, and the longest", "correct": True},
                                                    {"text": "wrong"}, {"text": "wrong"}]}] * 5}],
              "challenge": [{"problems": [{"options": ["a", "b", "c"], "answer": "A"}] * 5}],
              "flashcards": [], "explain": []}
    monkeypatch.setattr(balance, "widgets", lambda slug: biased)
    found = balance.problems(["one", "two", "three"], balance.COURSE_BOUND)
    assert any("A is the answer 15 of 15" in f for f in found)
    assert any("longest option" in f for f in found)
    assert balance.unused_letters(["one"]) == ["quiz: B is never the answer", "quiz: C is never the answer",
                                              "challenge: B is never the answer", "challenge: C is never the answer"]
