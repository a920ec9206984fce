"""Study modes: `{{ study_modes() }}` offers "Choose how to study — N modes" for the lesson.

N must count only the modes the page really has, and code cells become HTML only when Markdown
renders the page, after every macro ran. So the macro leaves a placeholder and a Markdown
postprocessor, which sees the page's finished HTML, replaces it with the menu.
The front end (overrides/assets/modes/) shows only the chosen kind of widget.
"""

from __future__ import annotations

import json
import posixpath
import re
from dataclasses import dataclass
from html import escape, unescape

from markdown import Extension
from markdown.postprocessors import Postprocessor

PLACEHOLDER = re.compile(r'<div class="gl-modes" data-review="(?P<review>[^"]*)"></div>')
CELL = re.compile(r'(?P<debug><div class="gl-problem__cell">)?<div class="gl-cell" data-cell="(?P<data>[^"]*)"')
PREDICT = """.gl-cell[data-cell*='"predict": true']"""


@dataclass(frozen=True)
class Mode:
    key: str
    label: str
    selector: str  # the page's widgets of this kind, for the front end


MODES = (
    Mode("read", "Read", ""),
    Mode("flashcards", "Flashcards", ".gl-flashcards"),
    Mode("quiz", "Quiz", ".gl-quiz"),
    Mode("explain", "Explain", ".gl-explain"),
    Mode("challenge", "Challenge", ".gl-challenge"),
    Mode("predict", "Predict & run", PREDICT),
    Mode("debug", "Debug", '.gl-problem[data-category="Debug"]'),
    Mode("review", "Spaced review", ""),  # a link to the review page, not a filter
    Mode("playground", "Playground", f".gl-cell:not({PREDICT}):not(.gl-problem__cell > .gl-cell)"),
)
REVIEW_PAGE = "review/"  # site-relative address of the review page


def modes_in(html: str) -> list[Mode]:
    """The modes a finished page offers, in menu order."""
    found = {"read"}
    for kind in ("flashcards", "quiz", "explain", "challenge"):
        if re.search(rf'<section class="gl-{kind}"', html):
            found.add(kind)
    if "flashcards" in found:
        found.add("review")
    for cell in CELL.finditer(html):
        if cell["debug"]:
            found.add("debug")
        else:
            found.add("predict" if json.loads(unescape(cell["data"])).get("predict") else "playground")
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
            f' data-selector="{escape(mode.selector)}" disabled{checked}> {escape(mode.label)}</label></li>'
        )
    return (
        '<nav class="gl-modes" aria-labelledby="gl-modes-title">'
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
        url = env.page.url  # "lessons/x/" (directory URLs) or "lessons/x.html"
        here = url if url.endswith("/") else posixpath.dirname(url)
        review = posixpath.relpath(REVIEW_PAGE, here.rstrip("/") or ".") + "/"
        return f'<div class="gl-modes" data-review="{escape(review)}"></div>'
