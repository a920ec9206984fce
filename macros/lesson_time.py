"""How long a lesson takes a first-time learner, computed from its content:
`{{ lesson_time("lessons/autodiff.md") }}` renders "45 min".

The formula (explained for authors in docs/authoring.md, "How lesson times are estimated"):
prose at a technical reading speed, plus a fixed cost for each thing the learner does.
Counts come from the lesson's Markdown and the widget YAML it includes, so the index stays
honest when a lesson grows.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, fields
from pathlib import Path

import yaml

# Minutes per item. Reading technical prose with formulas to understand it, not to skim.
WORDS_PER_MINUTE = 150
COST = {
    "cells": 1.5,  # read the code, run it, read the output, try a change
    "predicts": 2.0,  # on top of the cell's own minute: think, write the guess, compare
    "cards": 0.3,  # recall, flip, rate
    "questions": 1.0,  # read the options, answer, read the feedback
    "prompts": 3.0,  # write an explanation, tick the concepts, read the model answer
    "problems": 1.5,  # a multiple-choice problem, its hint and explanation
    "debugs": 5.0,  # a Debug problem: read broken code, fix it until the checks pass
}

FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
WIDGET = re.compile(r"""\{\{\s*(?P<kind>flashcards|quiz|explain|challenge)\(\s*["'](?P<file>[^"']+)["']\s*\)\s*\}\}""")
INLINE = re.compile(r"\{%-?\s*call\s+(?P<kind>flashcards|quiz|explain|challenge)\(\s*\)\s*-?%\}(?P<body>.*?)\{%-?\s*endcall\s*-?%\}", re.S)
TEMPLATE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|<[^>]+>", re.S)
FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
ITEMS = {"flashcards": "cards", "quiz": "questions", "explain": "prompts", "challenge": "problems"}


@dataclass
class Counts:
    words: int = 0
    cells: int = 0
    predicts: int = 0  # of the cells, those that ask for a prediction
    cards: int = 0
    questions: int = 0
    prompts: int = 0
    problems: int = 0  # multiple-choice challenge problems
    debugs: int = 0  # Debug challenge problems

    def minutes(self) -> int:
        """Estimated minutes, to the nearest 5 (an estimate, not a stopwatch)."""
        total = self.words / WORDS_PER_MINUTE + sum(COST[f.name] * getattr(self, f.name) for f in fields(self) if f.name in COST)
        return 5 * math.floor(total / 5 + 0.5)


def count(page: Path) -> Counts:
    """Counts for one lesson page, with the widget YAML files it names (relative to the page)."""
    text = FRONT_MATTER.sub("", page.read_text(encoding="utf-8"))
    counts = Counts()
    prose = []
    fence, listing = None, False  # the open fence; whether it is a plain code listing
    for line in text.split("\n"):
        match = FENCE.match(line)
        if fence is None and match:
            fence, info = match["fence"], match["info"].split()
            listing = info[:1] != ["python"] or "run" not in info
            counts.cells += not listing
            counts.predicts += not listing and "predict" in info
        elif fence is None:
            prose.append(line)
        elif match and match["fence"][0] == fence[0] and len(match["fence"]) >= len(fence) and not match["info"].strip():
            fence = None
        elif listing:
            prose.append(line)  # code shown, not run, is read like prose
    body = "\n".join(prose)
    for widget in WIDGET.finditer(body):
        _add(counts, widget["kind"], yaml.safe_load((page.parent / widget["file"]).read_text(encoding="utf-8")))
    for widget in INLINE.finditer(body):
        _add(counts, widget["kind"], yaml.safe_load(widget["body"]))
    words = TEMPLATE.sub(" ", INLINE.sub(" ", body)).split()
    counts.words = sum(any(char.isalnum() for char in word) for word in words)  # not "#" or "-"
    return counts


def _add(counts: Counts, kind: str, data: dict) -> None:
    items = data.get(ITEMS[kind]) or []
    if kind == "challenge":
        debugs = sum(item.get("category") == "Debug" for item in items)
        counts.debugs += debugs
        counts.problems += len(items) - debugs
    else:
        setattr(counts, ITEMS[kind], getattr(counts, ITEMS[kind]) + len(items))


def register(env) -> None:
    @env.macro
    def lesson_time(page: str) -> str:
        """The estimated time of the lesson at `page` (relative to docs/), e.g. "45 min"."""
        return f"{count(Path(env.conf['docs_dir']) / page).minutes()} min"
