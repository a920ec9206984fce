"""Fixtures for the lessons' claims about PyTorch: each claim runs under microtorch (what the
browser runs) and, where it is installed, under real PyTorch, which is the authority."""

from __future__ import annotations

import importlib
import importlib.util

import pytest

from tests.support.course import DOCS

LIBRARIES = [
    pytest.param("microtorch", id="microtorch"),
    pytest.param("torch", id="pytorch", marks=pytest.mark.skipif(
        importlib.util.find_spec("torch") is None, reason="PyTorch is not installed")),
]


@pytest.fixture(params=LIBRARIES)
def torch(request):
    return importlib.import_module(request.param)


@pytest.fixture
def F(torch):
    return importlib.import_module(f"{torch.__name__}.nn.functional")


def written(slug: str) -> str:
    """Everything a lesson says, its page and the YAML of its widgets, with every run of white
    space made one space so that a phrase is found however its lines were wrapped."""
    page = DOCS / f"{slug}.md" if (DOCS / f"{slug}.md").is_file() else DOCS / "lessons" / f"{slug}.md"
    parts = [page, *sorted((DOCS / "lessons" / slug).glob("*.yml"))]
    return " ".join(" ".join(path.read_text(encoding="utf-8").split()) for path in parts)


@pytest.fixture(scope="session")
def lesson_text():
    """`lesson_text(slug)`: what the lesson says (`lesson_text("glossary")` reads docs/glossary.md)."""
    return written
