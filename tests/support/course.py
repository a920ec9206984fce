"""Read the course straight from its sources: each lesson's code cells in page order, the YAML
of its widgets, and what the cells print in CPython. Nothing here depends on the site build."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from macros import codecell  # the site's own parser of cell fences
from tests.support.run_cells import shared_run

DOCS = Path(__file__).resolve().parents[2] / "docs"

# The course, in reading order (slugs of docs/lessons/<slug>.md).
LESSONS = (
    "one-training-step",
    "loss-functions",
    "autodiff",
    "gradients-in-practice",
    "learning-rate-and-optimizers",
    "inside-autograd",
    "from-a-line-to-a-network",
    "jacobians-and-vjps",
    "mini-batches-and-epochs",
    "overfitting-and-regularization",
    "classifying-digits",
    "initialization-and-gradient-flow",
    "in-place-and-freezing",
    "build-your-own-autograd",
)

# Pages after the lessons (docs/<slug>.md) whose cells and answer keys are checked as a lesson's
# are. They are not lessons: the lessons' widget minimums (tests/course/test_course.py) do not apply.
GUIDES = ("when-training-goes-wrong",)

FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^`\n]*)$")
OPTION = re.compile(r'(?P<key>[A-Za-z_][\w-]*)(?:="(?P<value>[^"]*)")?')
WIDGET_CALL = re.compile(r'\{\{\s*(?P<kind>flashcards|quiz|explain|challenge)\(\s*"(?P<file>[^"]+)"')


@dataclass
class Cell:
    number: int  # 1-based position among the page's runnable cells
    parsed: codecell.Cell  # code, title, setup, expect, isolated, predict: read as the site reads them

    def __getattr__(self, name):
        return getattr(self.parsed, name)

    @property
    def microtorch_only(self) -> bool:
        """A cell that names microtorch reads its internals: it runs on the site, not on PyTorch."""
        return re.search(r"\bmicrotorch\b", self.code) is not None

    def describe(self, lesson: str) -> str:
        name = f" ({self.title!r})" if self.title else ""
        return f"lesson {lesson!r} cell {self.number}{name}"


def fences(text: str):
    """Yield (info string, code) for every fenced block, indented ones (inside admonitions) too."""
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        opening = FENCE.match(lines[i])
        if not opening:
            i += 1
            continue
        indent, marker = opening["indent"], opening["fence"]
        body = []
        i += 1
        while i < len(lines) and not re.match(rf"^{re.escape(indent)}{marker[0]}{{{len(marker)},}}\s*$", lines[i]):
            body.append(lines[i][len(indent):] if lines[i].startswith(indent) else lines[i].lstrip())
            i += 1
        i += 1
        yield opening["info"].strip(), "\n".join(body) + "\n"


def is_runnable(info: str) -> bool:
    words = info.split()
    return bool(words) and words[0] == "python" and "run" in parse_options(info)


def parse_options(info: str) -> dict[str, str]:
    """Options after the language, as superfences hands them over: a bare flag maps to itself."""
    rest = info.split(None, 1)[1] if len(info.split(None, 1)) > 1 else ""
    return {m["key"]: m["value"] if m["value"] is not None else m["key"] for m in OPTION.finditer(rest)}


def page(slug: str) -> Path:
    return DOCS / f"{slug}.md" if slug in GUIDES else DOCS / "lessons" / f"{slug}.md"


def url(slug: str) -> str:
    """The page's address, relative to the site's root."""
    return f"{slug}/" if slug in GUIDES else f"lessons/{slug}/"


def text(slug: str) -> str:
    """The page's Markdown; empty for a lesson not written yet (a test reports it missing)."""
    return page(slug).read_text(encoding="utf-8") if page(slug).is_file() else ""


def cells(slug: str) -> list[Cell]:
    return cells_in(text(slug))


def home_cells() -> list[Cell]:
    """The cells of the home page (docs/index.md), to try before any lesson."""
    return cells_in((DOCS / "index.md").read_text(encoding="utf-8"))


def cells_in(markdown: str) -> list[Cell]:
    found = []
    for info, code in fences(markdown):
        if is_runnable(info):
            found.append(Cell(len(found) + 1, codecell.parse(code.rstrip("\n"), parse_options(info))))
    return found


def widgets(slug: str) -> dict[str, list[dict]]:
    """Every widget the page calls, by kind, each as its parsed YAML (with `_file` for messages)."""
    path = page(slug)
    found: dict[str, list[dict]] = {"flashcards": [], "quiz": [], "explain": [], "challenge": []}
    for call in WIDGET_CALL.finditer(text(slug)):
        source = path.parent / call["file"]
        data = yaml.safe_load(source.read_text(encoding="utf-8"))
        data["_file"] = source.relative_to(DOCS.parent).as_posix()
        found[call["kind"]].append(data)
    return found


def problems(slug: str) -> list[dict]:
    return [problem for challenge in widgets(slug)["challenge"] for problem in challenge["problems"]]


def option_text(problem: dict, letter: str) -> str:
    return problem["options"]["ABCD".index(letter)]


def as_printed(markdown: str) -> str:
    """The literal output an option shows: the inside of its `code` span or fenced block."""
    shown = markdown.strip()
    block = re.fullmatch(r"```[^\n]*\n(.*?)\n?```", shown, re.S)
    if block:
        return block[1].strip()
    span = re.fullmatch(r"`([^`]*)`", shown)
    return span[1].strip() if span else shown


def lesson_programs(library: str) -> list[dict]:
    """Each lesson's and guide's cells as one program, and the home page's as one more (id "home"). Under PyTorch a cell that reads microtorch's internals
    is left out (it prints nothing); every other cell is plain PyTorch code."""
    def code(cell):
        return "" if library == "pytorch" and cell.microtorch_only else cell.code
    return [{"id": slug, "cells": [{"code": code(c), "setup": c.setup, "isolated": c.isolated} for c in cells(slug)]}
            for slug in LESSONS + GUIDES] + [{"id": "home", "cells": [{"code": c.code, "setup": c.setup, "isolated": c.isolated} for c in home_cells()]}]


def challenge_programs() -> list[dict]:
    """Predict Output code (id `<slug>/<problem>`), and each Debug problem's broken code and fix,
    each followed by its tests (ids ending `#broken` and `#fixed`)."""
    programs = []
    for slug in LESSONS:
        for problem in problems(slug):
            key = f"{slug}/{problem['id']}"
            if problem["category"] == "Predict Output":
                programs.append({"id": key, "cells": [{"code": problem["code"]}]})
            elif problem["category"] == "Debug":
                programs.append({"id": key + "#broken", "cells": [{"code": problem["code"]}, {"code": problem["tests"]}]})
                programs.append({"id": key + "#fixed", "cells": [{"code": problem["solution"]}, {"code": problem["tests"]}]})
    return programs


@functools.cache
def course_outputs(library: str) -> dict[str, list[dict]]:
    """What every lesson and challenge program prints under `library`, in one interpreter start
    (importing PyTorch takes seconds), shared by the workers of a test run."""
    return shared_run(library, lesson_programs(library) + challenge_programs())


def lesson_outputs(library: str) -> dict[str, list[dict]]:
    """Each lesson's and guide's cell outputs, in page order."""
    return {slug: course_outputs(library)[slug] for slug in LESSONS + GUIDES}


def printed_by(slug: str, torch, title: str) -> str:
    """What the cell titled `title` of a lesson or guide printed under `torch` (PyTorch or
    microtorch), in the course's one run of every cell; claims tests read the prose's numbers here."""
    library = "pytorch" if torch.__name__ == "torch" else "microtorch"
    number = next(i for i, cell in enumerate(cells(slug)) if cell.title == title)
    out = lesson_outputs(library)[slug][number]
    assert out["error"] is None, out["error"]
    return out["stdout"]
