"""Per lesson, in the order of the site's navigation: the counts the time estimate is made of,
and the estimate itself (the formula is in macros/lesson_time.py and docs/authoring.md).

Usage: .venv/bin/python scripts/course_stats.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.config import load_config

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from macros.lesson_time import count  # noqa: E402

COLUMNS = ("words", "cells", "predicts", "cards", "questions", "prompts", "problems", "debugs")


def lessons(nav) -> list[str]:
    """The lesson pages (under lessons/) of a MkDocs nav, in order."""
    found = []
    for entry in nav:
        for value in entry.values() if isinstance(entry, dict) else [entry]:
            if isinstance(value, list):
                found += lessons(value)
            elif isinstance(value, str) and value.startswith("lessons/"):
                found.append(value)
    return found


def main() -> None:
    config = load_config(str(ROOT / "mkdocs.yml"))
    docs = Path(config["docs_dir"])
    header = ("lesson",) + COLUMNS + ("minutes",)
    rows = []
    for page in lessons(config["nav"]):
        counts = count(docs / page)
        rows.append((Path(page).stem,) + tuple(getattr(counts, c) for c in COLUMNS) + (counts.minutes(),))
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        print("  ".join(str(cell).ljust(w) if i == 0 else str(cell).rjust(w) for i, (cell, w) in enumerate(zip(row, widths))))
    print(f"total minutes: {sum(row[-1] for row in rows)}")


if __name__ == "__main__":
    main()
