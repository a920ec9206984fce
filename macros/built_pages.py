"""Pages a macro can only finish once the whole site is rendered (what it writes reads every
lesson, and the lessons are not all rendered when its own page's Markdown is): the macro leaves a
marker and notes the page here; after the build, its module writes into the built file."""

from __future__ import annotations

import posixpath
from pathlib import Path


class BuiltPages:
    def __init__(self) -> None:
        self._pages: list[tuple[str, Path]] = []  # (page URL, the built file)

    def reset(self) -> None:
        self._pages.clear()

    def note(self, page) -> None:
        self._pages.append((page.url, Path(page.file.abs_dest_path)))

    def __iter__(self):
        return iter(self._pages)


def site_root(url: str) -> str:
    """The site root relative to the page at `url` ("../../" for "lessons/autodiff/")."""
    here = url if url.endswith("/") else posixpath.dirname(url)
    return posixpath.relpath(".", here.rstrip("/") or ".") + "/"
