"""The "My progress" page's markup, written into the built page once the whole site is rendered
(the lessons it lists are not all rendered when its own Markdown is). It is the page a reader
with no progress sees, so the page has its full height at the first paint; the component
(overrides/assets/progress/) then draws the reader's own numbers into the same markup, which
keeps the report hidden but laid out until then (no zeros shown to a reader with progress)."""

from __future__ import annotations

from html import escape

from .built_pages import BuiltPages, site_root

MARKER = "<!-- gl:progress -->"
_pages = BuiltPages()  # each page that holds the report
reset = _pages.reset


def register(env) -> None:
    @env.macro
    def progress_report() -> str:
        _pages.note(env.page)
        return f'<div class="gl-progress" data-gl-component="progress">{MARKER}</div>'


def write(course: list[dict]) -> None:
    for url, built in _pages:
        built.write_text(built.read_text("utf-8").replace(MARKER, render(course, url), 1), "utf-8")


def render(course: list[dict], url: str) -> str:
    """What overrides/assets/progress/index.js draws for empty progress, with links relative to `url`."""
    root = site_root(url)
    widgets = [page["widgets"] for page in course]
    cards = sum(len(deck["cards"]) for w in widgets for deck in w.get("flashcards", []))
    badges = sum(len(w.get("challenge", [])) for w in widgets)
    lessons = "".join(_lesson(page, root) for page in course)
    return f"""
<noscript><p>This page reads the progress your browser saved, which needs JavaScript. Every lesson still
works without it: cards and questions keep their answers in the "Show answer" boxes.</p></noscript>
<div class="gl-progress__report" data-gl-empty>
<p class="gl-progress__summary">You have rated 0 of {cards} cards and learned 0; 0 are due for review.{f" Badges earned: 0 of {badges}." if badges else ""}
<a href="{root}review/">Go to Review</a></p>
<h2 id="gl-progress-lessons">Lesson by lesson</h2>
<p>A card counts as learned once the scheduler has moved it past its first short steps, to a
review a day or more away; a card you forget later stops counting until you relearn it.</p>
<ol class="gl-progress__lessons">{lessons}</ol>
</div>
<h2 id="gl-progress-keep">Keep your progress</h2>
<p>Progress is saved in this browser only. Export it to a file to keep a copy or to move it to another browser.</p>
<div class="gl-progress__actions">
<button type="button" class="md-button" data-action="export">Export progress</button>
<button type="button" class="md-button" data-action="import">Import progress…</button>
<button type="button" class="md-button" data-action="reset">Reset progress</button>
<input type="file" accept=".json,application/json" hidden aria-label="Progress file to import">
</div>
<p class="gl-progress__message" role="status"></p>
<p class="gl-progress__storage">{UNSURE}</p>
"""


UNSURE = "This browser may clear saved progress when it runs low on space; an exported file is the safe copy."


def _lesson(page: dict, root: str) -> str:
    w = page["widgets"]
    cards = sum(len(deck["cards"]) for deck in w.get("flashcards", []))
    questions = sum(len(quiz["questions"]) for quiz in w.get("quiz", []))
    problems = sum(len(challenge["problems"]) for challenge in w.get("challenge", []))
    facts = [
        cards and ("Cards", f"0 of {cards} learned, 0 due"),
        questions and ("Quiz, first try", "not tried yet"),
        problems and ("Challenge best", f"0 of {problems} solved"),
        *(("Badge", f"{escape(challenge['badge'])}: not yet") for challenge in w.get("challenge", [])),
    ]
    listed = "".join(f"<div><dt>{term}</dt><dd>{text}</dd></div>" for term, text in filter(None, facts))
    return (
        f'<li class="gl-progress__lesson"><h3><a href="{root}{escape(page["url"])}">{escape(page.get("title") or page["url"])}</a></h3>'
        + (f'<dl class="gl-progress__facts">{listed}</dl>' if listed else "")
        + "</li>"
    )
