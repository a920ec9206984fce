"""Study modes: `{{ study_modes() }}` offers "Choose how to study — N modes" for the lesson.

N must count only the modes the page really has, and code cells become HTML only when Markdown
renders the page, after every macro ran. So the macro leaves a placeholder and a Markdown
postprocessor, which sees the page's finished HTML, replaces it with the menu.
Widgets say which mode shows them with `data-gl-mode` (macros/widget.py); the menu counts those,
and the front end (overrides/assets/modes/) shows only the elements of the chosen mode.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape, unescape
from html.parser import HTMLParser

from markdown import Extension
from markdown.postprocessors import Postprocessor

from .built_pages import site_root
from .widget import root_attrs

PLACEHOLDER = re.compile(r'<div class="gl-modes" data-review="(?P<review>[^"]*)"></div>')


@dataclass(frozen=True)
class Mode:
    key: str  # the value of `data-gl-mode` on the widgets this mode shows
    label: str


MODES = (
    Mode("read", "Read"),
    Mode("flashcards", "Flashcards"),
    Mode("quiz", "Quiz"),
    Mode("explain", "Explain"),
    Mode("challenge", "Challenge"),
    Mode("predict", "Predict & run"),
    Mode("debug", "Debug"),
    Mode("review", "Spaced review"),  # a link to the review page, not a filter
    Mode("playground", "Playground"),
)
REVIEW_PAGE = "review/"  # site-relative address of the review page


class _Modes(HTMLParser):
    """Collects the `data-gl-mode` of every element: the one attribute widgets share for this."""

    def __init__(self):
        super().__init__()
        self.found: set[str] = set()

    def handle_starttag(self, tag, attrs):
        mode = dict(attrs).get("data-gl-mode")
        if mode:
            self.found.add(mode)


def modes_in(html: str) -> list[Mode]:
    """The modes a finished page offers, in menu order."""
    parser = _Modes()
    parser.feed(html)
    found = parser.found | {"read"}
    if "flashcards" in found:
        found.add("review")
    return [mode for mode in MODES if mode.key in found]


def menu(modes: list[Mode], review_url: str) -> str:
    # Without JavaScript the choices cannot filter anything, so they start disabled and the
    # component enables them; the count and the review link work either way.
    items = []
    for mode in modes:
        if mode.key == "review":
            items.append(f'<li><a class="gl-modes__link" href="{escape(review_url)}">{mode.label}</a></li>')
            continue
        checked = " checked" if mode.key == "read" else ""
        items.append(
            # autocomplete=off: a reload must not restore a choice whose filter is not applied.
            f'<li><label><input type="radio" name="gl-study-mode" value="{mode.key}" autocomplete="off"'
            f" disabled{checked}> {escape(mode.label)}</label></li>"
        )
    return (
        f'<nav class="gl-modes" {root_attrs("modes")} aria-labelledby="gl-modes-title">'
        f'<p class="gl-modes__title" id="gl-modes-title">Choose how to study — {len(modes)} mode{"s" if len(modes) != 1 else ""}</p>'
        f'<ul class="gl-modes__list">{"".join(items)}</ul></nav>'
    )


class _FillMenu(Postprocessor):
    def run(self, text: str) -> str:
        if "gl-modes" not in text:
            return text
        modes = modes_in(text)
        return PLACEHOLDER.sub(lambda match: menu(modes, unescape(match["review"])), text)


class StudyModesExtension(Extension):
    def extendMarkdown(self, md):
        # After raw HTML (the widgets) is put back into the page, which happens at priority 30.
        md.postprocessors.register(_FillMenu(md), "gl-study-modes", 5)


def register(env) -> None:
    extensions = env.conf["markdown_extensions"]
    if not any(isinstance(extension, StudyModesExtension) for extension in extensions):
        extensions.append(StudyModesExtension())

    @env.macro
    def study_modes() -> str:
        review = site_root(env.page.url) + REVIEW_PAGE
        return f'<div class="gl-modes" data-review="{escape(review)}"></div>'
