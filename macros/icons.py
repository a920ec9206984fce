"""Material's bundled icons as inline SVG, for the HTML the macros write.

Emoji render as empty boxes where no emoji font is installed, so widgets draw their icons with
the set mkdocs-material ships (its `.icons` folder, read here at build time): `icon("material/check")`.
The SVG takes the text's colour and size (`.gl-icon` in overrides/assets/base.css). An icon
beside words that say the same is decoration and hidden from assistive technology; pass `label`
only when the icon stands alone.
"""

from __future__ import annotations

from functools import cache
from html import escape
from pathlib import Path

import material

ICONS = Path(material.__file__).parent / "templates" / ".icons"


@cache
def _svg(name: str) -> str:
    path = ICONS / f"{name}.svg"
    if not path.is_file():
        raise ValueError(f"no icon {name!r} in mkdocs-material's .icons (e.g. 'material/check')")
    return path.read_text(encoding="utf-8").strip()


def icon(name: str, label: str | None = None) -> str:
    """The icon `name` (a path under .icons without `.svg`) as an inline <svg class="gl-icon">."""
    if label is None:
        attrs = 'class="gl-icon" aria-hidden="true" focusable="false"'
    else:
        attrs = f'class="gl-icon" role="img" aria-label="{escape(label)}"'
    return _svg(name).replace("<svg ", f"<svg {attrs} ", 1)


def register(env) -> None:
    env.macro(icon, "icon")
