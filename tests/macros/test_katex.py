"""Math drawn at build time (macros/katex.py): arithmatex's TeX in, KaTeX's HTML and MathML out."""

from __future__ import annotations

import pytest

from macros.katex import MathError, render_math


def test_inline_and_display_math_are_drawn_with_their_tex_unescaped():
    html = render_math(r'<p><span class="arithmatex">\(x &lt; y\)</span></p><div class="arithmatex">\[\begin{aligned}a &amp;= b\end{aligned}\]</div>')
    assert '<span class="arithmatex"><span class="katex">' in html
    assert '<div class="arithmatex"><span class="katex-display">' in html
    assert "<mo>&lt;</mo>" in html  # the reader's "<", not the entity's text
    assert r"\(" not in html and r"\[" not in html


def test_html_without_math_is_left_alone():
    assert render_math("<p>no math, \\(not in a span\\)</p>") == "<p>no math, \\(not in a span\\)</p>"


def test_tex_katex_refuses_stops_the_build_naming_it():
    with pytest.raises(MathError, match=r"KaTeX parse error.*\\frac\{a"):
        render_math(r'<span class="arithmatex">\(\frac{a\)</span>')
