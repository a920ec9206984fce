"""Markdown in widget content (card faces, questions, feedback) rendered with the same
extensions as the page, so code blocks and math look the same inside a widget as outside (math
is drawn here, at build time, as on the page: macros/katex.py)."""

from __future__ import annotations

import markdown

from .katex import render_math

_renderer: markdown.Markdown | None = None


def render(text: str, env) -> str:
    global _renderer
    if _renderer is None:
        _renderer = markdown.Markdown(
            extensions=env.conf["markdown_extensions"],
            extension_configs=env.conf["mdx_configs"],
        )
    return render_math(_renderer.reset().convert(str(text).strip()))


def reset() -> None:
    global _renderer
    _renderer = None


def render_inline(text: str, env) -> str:
    """`render` without the <p> around a lone paragraph, for labels and legends."""
    html = render(text, env)
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        return html[3:-4]
    return html
