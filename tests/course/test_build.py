"""The site builds with --strict and ships what pages need, with nothing fetched from other hosts."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.support.htmltree import parse


def test_strict_build_produces_pages_and_bundle(site_dir):
    assert (site_dir / "index.html").is_file()
    assert len(list((site_dir / "assets" / "gradlab").glob("gradlab-*.js"))) == 1  # named by its hash
    assert any((site_dir / "assets" / "gradlab" / "fonts").glob("KaTeX_Main-Regular-*.woff2"))  # math's fonts


def test_math_is_drawn_at_build_time_and_pages_carry_no_katex_script(site_dir):
    # The TeX that arithmatex writes (\( \) or \[ \] inside its span or div) must be gone from
    # every page and from the course index the review page builds cards from.
    undrawn = re.compile(r'class=\\?"arithmatex\\?">\\\\?[(\[]')
    files = [*site_dir.rglob("*.html"), site_dir / "assets" / "gradlab" / "course.json"]
    assert not [f.name for f in files if undrawn.search(f.read_text("utf-8"))]
    home = (site_dir / "index.html").read_text("utf-8")
    assert '<span class="arithmatex"><span class="katex">' in home and "katex-mathml" in home
    scripts = [p for p in (site_dir / "assets" / "gradlab").rglob("*.js")]
    assert scripts and not [p.name for p in scripts if "KaTeX parse error" in p.read_text("utf-8")]


def test_a_page_with_math_preloads_the_faces_its_formulas_use(site_dir):
    # Found only once the stylesheet is parsed, the fonts came after the first paint, and the
    # fallback's metrics re-wrapped lines (a layout shift). Pages without math fetch none early.
    def preloads(path):
        html = (site_dir / path / "index.html").read_text("utf-8")
        return re.findall(r'<link rel="preload" href="(?:\.\./)*(assets/gradlab/fonts/[^"]+)" as="font" type="font/woff2" crossorigin>', html)

    fonts = preloads("lessons/build-your-own-autograd")
    assert [font.split("/")[-1].split("-")[0:2] for font in fonts] == [["KaTeX_Main", "Regular"], ["KaTeX_Math", "Italic"]]
    assert all((site_dir / font).is_file() for font in fonts)
    assert preloads("glossary") == fonts and preloads("progress") == []


def test_cells_are_out_of_reach_of_materials_code_block_component(site_dir):
    # Material builds a copy button and observers for every `pre > code`; a cell's code is
    # replaced by its editor, so it is rendered where that selector does not match.
    html = (site_dir / "lessons" / "autodiff" / "index.html").read_text("utf-8")
    cells = re.findall(r'<div class="gl-cell".*?</pre>', html, re.S)
    assert cells and all("<pre><span></span><span class=\"gl-cell__static\"><code>" in cell for cell in cells)
    assert not [cell for cell in cells if re.search(r"<pre[^>]*>(<span></span>)?<code", cell)]


def test_no_script_of_any_page_blocks_the_parser(site_dir):
    # A blocking script ran inside the parser's task: a phone painted the first screen only once
    # Material's bundle had run (overrides/main.html). Every script with a source is deferred or
    # a module, so the page is parsed, and can be painted, before any of them runs.
    def scripts(page):
        return [node for node in parse(page.read_text("utf-8")).all("script") if node.get("src")]

    pages = list(site_dir.rglob("*.html"))
    found = [node["src"] for page in pages[:1] for node in scripts(page)]
    assert any("bundle." in src for src in found) and any("gradlab-" in src for src in found)
    blocking = {
        f"{page.relative_to(site_dir).as_posix()}: {node['src']}"
        for page in pages
        for node in scripts(page)
        if node.get("type") != "module" and "defer" not in node.attrs and "async" not in node.attrs
    }
    assert not blocking, f"scripts that block the parser: {sorted(blocking)}"


def test_no_rule_restyles_every_element_when_material_applies_the_palette_at_load(site_dir):
    # Material sets data-md-color-switching on <body> at every page load and removes it a frame
    # later; a rule that reaches the page's elements through it restyled all of them twice.
    import material

    from scripts.hooks.frontend import SWITCHING_RULE

    [shipped] = (Path(material.__file__).parent / "templates" / "assets" / "stylesheets").glob("palette.*.min.css")
    assert SWITCHING_RULE in shipped.read_text("utf-8"), "Material's palette stylesheet changed: see scripts/hooks/frontend.py"
    stylesheets = list(site_dir.rglob("*.css"))
    assert any(css.name.startswith("palette.") for css in stylesheets)
    assert not [css.name for css in stylesheets if "[data-md-color-switching]" in css.read_text("utf-8")]


def test_no_page_references_another_host_for_assets(site_dir):
    # Scripts, images and stylesheet/icon/preload links load things; <a href> and
    # rel="canonical" only name an address.
    loads = re.compile(
        r'(?:<script[^>]+src|<img[^>]+src|<link[^>]+rel="(?:stylesheet|icon|preload|modulepreload|manifest)"[^>]+href)="(https?:)?//',
        re.I,
    )
    offenders = [p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html") if loads.search(p.read_text("utf-8"))]
    assert not offenders, f"pages loading assets from other hosts: {offenders}"


def test_no_google_fonts(site_dir):
    html = (site_dir / "index.html").read_text("utf-8")
    assert "fonts.googleapis" not in html and "fonts.gstatic" not in html


def test_site_description_for_search_engines(site_dir):
    html = (site_dir / "index.html").read_text("utf-8")
    assert re.search(r'<meta name="description" content="Learn how PyTorch trains a model', html)


def test_the_site_search_never_shows_an_answer(site_dir):
    # Answers, hints and explanations are in the page (readable without JavaScript), and Material
    # indexed them for its search: a search for a question's words showed "Correct: …" or
    # "Answer: D." in the results, before the reader had tried.
    def words(text):
        return " ".join(re.findall(r"\w+", text))

    docs = json.loads((site_dir / "search" / "search_index.json").read_text("utf-8"))["docs"]
    index = words(re.sub(r"<[^>]+>", "", " ".join(doc["text"] for doc in docs)))
    def outside_reveals(node):
        for child in node.children:
            if isinstance(child, str):
                yield child
            elif "gl-reveal" not in child.classes:
                yield from outside_reveals(child)

    hidden, shown, prose = [], [], []  # paragraphs and items inside a reveal or not; all other text
    for built in sorted(site_dir.glob("**/index.html")):
        tree = parse(built.read_text("utf-8"))
        prose.append(words("".join(outside_reveals(tree))))
        for node in tree.all():
            if node.tag in ("p", "li") and len(words(node.text).split()) >= 6:
                inside = any("gl-reveal" in above.classes for above in node.ancestors())
                (hidden if inside else shown).append(words(node.text))
    assert len(hidden) > 500, "too few answers found to check"
    assert sum(phrase in index for phrase in shown) > len(shown) / 2, "the comparison finds no text at all"
    prose = " | ".join(prose)  # a lesson may say in its prose what an answer says
    leaked = [phrase for phrase in hidden if phrase in index and phrase not in prose]
    assert not leaked, f"{len(leaked)} answers are in the search index, e.g. {leaked[:3]}"
