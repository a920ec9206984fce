"""My progress as the build writes it (macros/progress.py): the report a new reader sees, filled
in once every page is rendered. That the component draws over it without moving the page is
tests/browser/test_page_shift.py's."""

from __future__ import annotations

from types import SimpleNamespace

from macros import progress

COURSE = [
    {"url": "lessons/one/", "title": "1. One & only", "widgets": {
        "flashcards": [{"id": "d", "cards": [{"id": "a"}, {"id": "b"}]}],
        "quiz": [{"id": "q", "questions": ["x", "y", "z"]}],
        "challenge": [{"id": "c", "badge": "<Ace>", "problems": ["p", "r"]}],
    }},
    {"url": "guide/", "title": "Guide", "widgets": {"quiz": [{"id": "g", "questions": ["w"]}]}},
]


def test_every_lesson_is_listed_with_nothing_done_yet():
    html = progress.render(COURSE, "progress/")
    assert "You have rated 0 of 2 cards and learned 0; 0 are due for review. Badges earned: 0 of 1." in html
    assert '<a href="../lessons/one/">1. One &amp; only</a>' in html and '<a href="../review/">' in html
    assert "<dd>0 of 2 learned, 0 due</dd>" in html and "<dd>0 of 2 solved</dd>" in html
    assert html.count("<dd>not tried yet</dd>") == 2
    assert "<dd>&lt;Ace&gt;: not yet</dd>" in html
    assert html.count("<dt>Cards</dt>") == 1  # the guide has no cards, so no line for them


def test_the_report_replaces_the_marker_in_the_built_page(tmp_path):
    built = tmp_path / "mine.html"
    built.write_text(f"<main>{progress.MARKER}</main>", "utf-8")
    progress.reset()
    progress._pages.note(SimpleNamespace(url="nested/mine.html", file=SimpleNamespace(abs_dest_path=built)))  # without directory URLs
    progress.write(COURSE)
    progress.reset()
    html = built.read_text("utf-8")
    assert progress.MARKER not in html and '<a href="../lessons/one/">' in html
