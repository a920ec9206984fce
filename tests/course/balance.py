"""Answer-key statistics, so a test can hold the course inside its bounds (GUIDE §6): a guesser
who always picks one letter, or the longest option, must not win. The bounds hold across the
course; one lesson has only four or five keyed items, so there a letter may take up to half
(a tighter bound would force every lesson to use each letter exactly once, itself a pattern
a guesser can exploit)."""

from __future__ import annotations

from collections import Counter

from tests.support.course import widgets

LETTERS = "ABCDEF"
COURSE_BOUND = 0.4
LESSON_BOUND = 0.5


def _longest(texts: list[str]) -> set[int]:
    """Positions of the longest option; a tie counts for every option in it."""
    most = max(len(text) for text in texts)
    return {i for i, text in enumerate(texts) if len(text) == most}


def quiz_keys(slugs: list[str]) -> tuple[list[str], int, list[str]]:
    """(correct letter of each single-answer question, how many of them are the longest
    option, the set of letters of each multi-answer question)."""
    singles, longest, multis = [], 0, []
    for slug in slugs:
        for quiz in widgets(slug)["quiz"]:
            for question in quiz["questions"]:
                options = question["options"]
                right = [i for i, option in enumerate(options) if option.get("correct")]
                if len(right) == 1:
                    singles.append(LETTERS[right[0]])
                    longest += right[0] in _longest([str(option["text"]) for option in options])
                else:
                    multis.append("".join(LETTERS[i] for i in right))
    return singles, longest, multis


def challenge_keys(slugs: list[str]) -> tuple[list[str], int]:
    """(answer letter of each multiple-choice problem, how many of them are the longest option)."""
    answers, longest = [], 0
    for slug in slugs:
        for challenge in widgets(slug)["challenge"]:
            for problem in challenge["problems"]:
                if problem.get("options"):
                    answers.append(problem["answer"])
                    texts = [str(option) for option in problem["options"]]
                    longest += LETTERS.index(problem["answer"]) in _longest(texts)
    return answers, longest


def problems(slugs: list[str], bound: float) -> list[str]:
    """Every way the keys of `slugs` break `bound`; empty when they hold."""
    found = []
    where = " + ".join(slugs) if len(slugs) < 3 else "the course"
    singles, longest, multis = quiz_keys(slugs)
    answers, challenge_longest = challenge_keys(slugs)
    for name, keys, long_count in [("quiz", singles, longest), ("challenge", answers, challenge_longest)]:
        for letter, count in Counter(keys).items():
            if count > bound * len(keys):
                found.append(f"{where} {name}: {letter} is the answer {count} of {len(keys)} times")
        if long_count > bound * len(keys):
            found.append(f"{where} {name}: the longest option is the answer {long_count} of {len(keys)} times")
    if "AB" in multis:
        found.append(f"{where} quiz: a choose-all question is keyed A and B, the old pattern")
    return found


def unused_letters(slugs: list[str]) -> list[str]:
    """Option positions that exist in the quizzes or challenges of `slugs` but are never the answer."""
    found = []
    quizzes = [q for slug in slugs for quiz in widgets(slug)["quiz"] for q in quiz["questions"]]
    challenge = [p for slug in slugs for c in widgets(slug)["challenge"] for p in c["problems"] if p.get("options")]
    singles, _, multis = quiz_keys(slugs)
    for name, widest, keyed in [("quiz", max(len(q["options"]) for q in quizzes), set("".join(singles + multis))),
                                ("challenge", max(len(p["options"]) for p in challenge), set(challenge_keys(slugs)[0]))]:
        found += [f"{name}: {letter} is never the answer" for letter in LETTERS[:widest] if letter not in keyed]
    return found
