"""The course index (course.json) that the progress and review pages read."""

from __future__ import annotations

import json

from tests.support.project import build_project


def deck(name: str) -> str:
    card = "  - id: a\n    difficulty: beginner\n    front: Which lesson?\n    back: This one.\n"
    return f"# {name}\n\n{{% call flashcards() %}}\nid: {name}-cards\ncards:\n{card}{{% endcall %}}\n"


def test_pages_are_listed_in_course_order_not_build_order(tmp_path):
    # The nav reads zeta before alpha; the build renders files alphabetically.
    pages = {"index.md": "# Home\n", "lessons/zeta.md": deck("zeta"), "lessons/alpha.md": deck("alpha")}
    result, site = build_project(tmp_path, pages)
    assert result.returncode == 0, result.stdout + result.stderr
    course = json.loads((site / "assets" / "gradlab" / "course.json").read_text("utf-8"))
    assert [page["url"] for page in course["pages"]] == ["lessons/zeta/", "lessons/alpha/"]
