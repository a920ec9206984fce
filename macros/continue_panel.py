"""What the home page's Continue panel (overrides/assets/continue/) needs to be drawn before the
page is first painted, written into the built page once the whole site is rendered (the lessons
are not all rendered when the home page's Markdown is): the course outline it reads, on the
panel as `data-course`, and its early script, inlined where `continue_panel()` stands, right
after the panel.

A returning reader's panel is taller than the start link the page is written with. Drawn by the
bundle once it had fetched course.json (280 KB, every card's HTML), after the first paint, it
pushed the rest of the page down."""

from __future__ import annotations

import json
from html import escape

from .built_pages import BuiltPages, site_root

MARKER = "<!-- gl:continue -->"
PANEL = 'data-gl-component="continue"'
# Of each widget in course.json, what the panel reads: its id, title and the ids of its parts.
PARTS = {"flashcards": "cards", "quiz": "questions", "explain": "prompts", "challenge": "problems"}
_pages = BuiltPages()  # each page that holds the panel
reset = _pages.reset


def register(env) -> None:
    @env.macro
    def continue_panel() -> str:
        _pages.note(env.page)
        return MARKER


def write(course: list[dict], script: str) -> None:
    """`script`: early.js built as a classic script (scripts/hooks/frontend.py)."""
    for url, built in _pages:
        html = built.read_text("utf-8")
        if not script or html.count(PANEL) != 1 or MARKER not in html:
            raise SystemExit(f"gradlab: {url}: continue_panel() must follow the page's one Continue panel, in a build with scripts/hooks/frontend.py")
        data = escape(json.dumps(outline(course, url), separators=(",", ":")))
        html = html.replace(PANEL, f'{PANEL} data-course="{data}"').replace(MARKER, f"<script>{script}</script>", 1)
        built.write_text(html, "utf-8")


def outline(course: list[dict], url: str) -> dict:
    """course.json's pages as the panel reads them, and the site root relative to `url`."""
    root = site_root(url)
    pages = [
        {
            "url": page["url"],
            "title": page["title"],
            "anchors": page.get("anchors", {}),
            "widgets": {kind: [_widget(kind, w) for w in widgets] for kind, widgets in page["widgets"].items() if kind in PARTS},
        }
        for page in course
    ]
    return {"root": root, "pages": pages}


def _widget(kind: str, widget: dict) -> dict:
    parts = widget[PARTS[kind]]
    return {"id": widget["id"], "title": widget["title"], PARTS[kind]: [{"id": card["id"]} for card in parts] if kind == "flashcards" else parts}
