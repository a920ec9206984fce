"""What the widgets rendered, page by page, written to `assets/gradlab/course.json` after the
build. The progress and review pages read it to list every lesson's cards, quizzes and badges,
and the build uses it to reject duplicate ids across the whole site."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from .content import ContentError

_pages: dict[str, dict] = {}
_ids: dict[str, str] = {}


def reset() -> None:
    _pages.clear()
    _ids.clear()


def claim_id(widget_id: str, origin: str) -> None:
    """Ids key the learner's saved progress, so two widgets may never share one — not even the
    same YAML file included twice."""
    if widget_id in _ids:
        raise ContentError(origin, f"id '{widget_id}'", f"duplicate id: already used in {_ids[widget_id]}")
    _ids[widget_id] = origin


def add(page, kind: str, entry: dict, anchor: str | None = None) -> None:
    """`anchor`: the id of the widget's root element, kept under the page's "anchors" by widget id
    so that a link can lead to the widget (the home page's Continue panel does)."""
    record = _pages.setdefault(page.url, {"url": page.url, "title": page.title, "widgets": {}})
    record["widgets"].setdefault(kind, []).append(entry)
    if anchor:
        record.setdefault("anchors", {})[entry["id"]] = anchor


def write(site_dir: str, order: Sequence[str] = ()) -> list[dict]:
    """Pages are listed in course order: `order` holds page URLs in reading order (the nav); pages
    are built in file order (lessons alphabetically), so without it the course would be shuffled.
    Pages outside `order` follow in build order. Returns the pages as written."""
    rank = {url: position for position, url in enumerate(order)}
    pages = sorted(_pages.values(), key=lambda page: rank.get(page["url"], len(rank)))
    target = Path(site_dir) / "assets" / "gradlab" / "course.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps({"version": 1, "pages": pages}, indent=1), encoding="utf-8")
    return pages


def recorded(page, kind: str) -> list[dict]:
    """What the widgets of `kind` already rendered on `page` recorded."""
    return _pages.get(page.url, {}).get("widgets", {}).get(kind, [])
