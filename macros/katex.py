"""Math drawn at build time: arithmatex's `generic` output (`<span class="arithmatex">\\(…\\)</span>`
and `<div class="arithmatex">\\[…\\]</div>`) becomes KaTeX's HTML and MathML in the page itself.

Drawn in the browser, the formulas arrived after the first paint (a layout shift on every page
with math) and cost each reader KaTeX's ~270 KB script; now pages ship only KaTeX's stylesheet
and fonts, and readers without JavaScript see the math too. One Node process
(scripts/katex_render.cjs, KaTeX from the pinned npm package) serves the whole build, one round
trip per rendered fragment. TeX that KaTeX refuses stops the build with KaTeX's message.
"""

from __future__ import annotations

import atexit
import html
import json
import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "katex_render.cjs"
# The class attribute exactly as arithmatex writes it; drawn math no longer matches, since KaTeX's
# markup replaces the \( \) or \[ \] around the TeX.
MATH = re.compile(r'<(span|div) class="arithmatex">\\([(\[])(.*?)\\[)\]]</\1>', re.S)


class MathError(ValueError):
    """TeX that KaTeX cannot draw."""


_node: subprocess.Popen | None = None


def _renderer() -> subprocess.Popen:
    global _node
    if _node is None or _node.poll() is not None:
        _node = subprocess.Popen(
            ["node", str(SCRIPT)],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        atexit.register(_node.kill)
    return _node


def render_math(fragment: str) -> str:
    """`fragment` with every arithmatex formula in it drawn by KaTeX; raise MathError."""
    found = list(MATH.finditer(fragment))
    if not found:
        return fragment
    node = _renderer()
    node.stdin.write(json.dumps([[html.unescape(m[3]), m[2] == "["] for m in found]) + "\n")
    node.stdin.flush()
    answer = json.loads(node.stdout.readline() or '{"error": "the KaTeX process stopped"}')
    if "error" in answer:
        raise MathError(f"math: {answer['error']}")
    drawn = iter(answer["html"])
    return MATH.sub(lambda m: f'<{m[1]} class="arithmatex">{next(drawn)}</{m[1]}>', fragment)
