"""Answer keys a guesser cannot beat: after the whole site is rendered, the build checks the
course's keys against the bounds of `extra.gradlab.keys` in mkdocs.yml (GUIDE §6 by default).

Two groups are judged separately: single-answer quiz questions, and multiple-choice challenge
problems. In each, no option position may hold more than `max_position_share` of the answers,
the answer may be the strictly longest option in at most `max_longest_share` of the items, and
every letter that is an option somewhere must be the answer somewhere. Multiple-answer quiz
questions must not all share one set of correct positions.

A handful of items cannot be judged (two questions are "100% A" by chance), so a group is
checked only once it holds `min_items` items, the multiple-answer rule once there are
`min_multiple` such questions. A failure lists, per file, the items behind the finding.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from mkdocs.exceptions import PluginError
from pydantic import Field, ValidationError

from .fields import Strict

LETTERS = "ABCDEF"
log = logging.getLogger("mkdocs.gradlab.keys")


class Bounds(Strict):
    enforce: bool = Field(True, description="false: report findings in the build log, do not fail")
    max_position_share: float = Field(0.4, gt=0, le=1)
    max_longest_share: float = Field(0.4, gt=0, le=1)
    min_items: int = Field(10, ge=1)
    min_multiple: int = Field(3, ge=2)


@dataclass(frozen=True)
class Keyed:
    """One keyed item: where it lives, its option texts and the positions of its answers."""

    origin: str
    noun: str  # "question" or "problem"
    id: str
    options: tuple[str, ...]
    answers: frozenset[int]

    @property
    def answer_is_longest(self) -> bool:
        (answer,) = self.answers
        return all(len(self.options[answer]) > len(text) for n, text in enumerate(self.options) if n != answer)


_groups: dict[str, list[Keyed]] = {}
_bounds = Bounds()
QUIZ, CHALLENGE, MULTIPLE = "single-answer quiz questions", "multiple-choice challenge problems", "multiple-answer quiz questions"


def reset(conf) -> None:
    """Forget the keys of the last build and read the bounds of this one from mkdocs.yml,
    validated when the build starts rather than when it ends."""
    global _bounds
    _groups.clear()
    raw = ((conf.get("extra") or {}).get("gradlab") or {}).get("keys") or {}
    try:
        _bounds = Bounds.model_validate(raw)
    except ValidationError as error:
        first = error.errors()[0]
        field = ".".join(str(part) for part in first["loc"])
        raise PluginError(f"Invalid widget content: mkdocs.yml: extra.gradlab.keys.{field}: {first['msg']}") from None


def record_quiz(quiz, origin: str) -> None:
    for question in quiz.questions:
        answers = frozenset(n for n, option in enumerate(question.options) if option.correct)
        keyed = Keyed(origin, "question", question.id, tuple(o.text for o in question.options), answers)
        _groups.setdefault(MULTIPLE if question.is_multiple else QUIZ, []).append(keyed)


def record_challenge(challenge, origin: str) -> None:
    for problem in challenge.problems:
        if problem.answer:
            answer = frozenset({LETTERS.index(problem.answer)})
            _groups.setdefault(CHALLENGE, []).append(Keyed(origin, "problem", problem.id, tuple(problem.options), answer))


def findings(limits: Bounds) -> list[str]:
    """Every way the recorded keys break the bounds, one line per file and finding."""
    lines = []
    for group in (QUIZ, CHALLENGE):
        items = _groups.get(group, [])
        if len(items) >= limits.min_items:
            lines += _single(group, items, limits)
    multiple = _groups.get(MULTIPLE, [])
    if len(multiple) >= limits.min_multiple and len({item.answers for item in multiple}) == 1:
        letters = ", ".join(LETTERS[n] for n in sorted(multiple[0].answers))
        lines += _per_file(multiple, f"all {len(multiple)} {MULTIPLE} of the course are keyed {{{letters}}}")
    return lines


def _single(group: str, items: list[Keyed], limits: Bounds) -> list[str]:
    lines = []
    total = len(items)
    for position in range(max(len(item.options) for item in items)):
        letter = LETTERS[position]
        keyed_here = [item for item in items if position in item.answers]
        if len(keyed_here) > limits.max_position_share * total:
            lines += _per_file(
                keyed_here,
                f"the answer is option {letter}, as in {_share(len(keyed_here), total)} {group} of the course"
                f" (at most {limits.max_position_share:.0%} may share a position)",
            )
        if not keyed_here:
            offered = [item for item in items if len(item.options) > position]
            lines += _per_file(offered, f"option {letter} is offered but is the answer of none of the {total} {group}")
    longest = [item for item in items if item.answer_is_longest]
    if len(longest) > limits.max_longest_share * total:
        lines += _per_file(
            longest,
            f"the answer is the longest option, as in {_share(len(longest), total)} {group} of the course"
            f" (at most {limits.max_longest_share:.0%} allowed)",
        )
    return lines


def _share(part: int, total: int) -> str:
    return f"{part} of {total} ({part / total:.0%})"


def _per_file(items: list[Keyed], problem: str) -> list[str]:
    by_file: dict[str, list[Keyed]] = {}
    for item in items:
        by_file.setdefault(item.origin, []).append(item)
    lines = []
    for origin, mine in by_file.items():
        noun = mine[0].noun + ("s" if len(mine) > 1 else "")
        lines.append(f"{origin}: {noun} {', '.join(repr(item.id) for item in mine)}: {problem}")
    return lines


def check() -> None:
    """Fail the build (or, with `enforce: false`, only log) when the keys break the bounds."""
    lines = [f"Invalid widget content: {line}" for line in findings(_bounds)]
    if not lines:
        return
    if _bounds.enforce:
        raise PluginError("\n".join(lines))
    # info, not warning: `--strict` turns warnings into failures, which is what enforce is for.
    for line in lines:
        log.info("answer keys (not enforced): %s", line)
