"""The course index (course.json) that the progress and review pages read. That a real build passes
the nav's order is checked end to end by tests/browser/test_study_hub.py."""

from __future__ import annotations

import json
from types import SimpleNamespace

from macros import registry


def test_pages_are_listed_in_course_order_not_build_order(tmp_path):
    registry.reset()
    # Built alphabetically; the course reads zeta first; a page outside the nav comes last.
    for url in ("lessons/alpha/", "extra/", "lessons/zeta/"):
        registry.add(SimpleNamespace(url=url, title=url), "flashcards", {"id": url})
    registry.write(str(tmp_path), ["index/", "lessons/zeta/", "lessons/alpha/"])
    registry.reset()
    course = json.loads((tmp_path / "assets" / "gradlab" / "course.json").read_text("utf-8"))
    assert [page["url"] for page in course["pages"]] == ["lessons/zeta/", "lessons/alpha/", "extra/"]
