"""A lesson's words in one string, for checks that a wrong sentence is gone wherever it was."""

from __future__ import annotations

import re

from tests.course_content import page, text


def lesson_words(slug: str) -> str:
    """The page and its widgets' YAML, each paragraph on one line (so a phrase broken across
    lines is still found)."""
    sources = [text(slug)] + [path.read_text(encoding="utf-8") for path in sorted(page(slug).with_suffix("").glob("*.yml"))]
    return re.sub(r"[ \t]*\n[ \t]*(?=\S)", " ", "\n".join(sources))
