"""MkDocs hook: bundle Gradlab's front end with esbuild (KaTeX's stylesheet and fonts included) and
draw each page's math at build time (macros/katex.py), so pages carry no KaTeX script.

Everything comes from the pinned npm packages in node_modules; nothing is committed or fetched
from a CDN. The bundle is built when the config loads, so its file names can carry a hash of
their content before pages render (assets/gradlab/gradlab-<hash>.js and .css; split chunks get
esbuild's hash), and is copied into the built site at the end, so `mkdocs build` and
`mkdocs serve` both produce a complete site. A new deploy is a new URL: no reader keeps a stale
copy.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import tempfile
from pathlib import Path

from mkdocs.config.config_options import ExtraScriptValue

ROOT = Path(__file__).resolve().parents[2]
ASSETS = ROOT / "overrides" / "assets"
NODE_MODULES = ROOT / "node_modules"
BUNDLE = "assets/gradlab"
COI = NODE_MODULES / "coi-serviceworker" / "coi-serviceworker.min.js"
# Material marks <body data-md-color-switching> while it applies a palette, so that no colour
# transition plays, and it applies the palette on every page load, not only on a switch. This
# rule made the mark, and its removal a frame later, restyle every element of the page: on a
# lesson of 5,500 elements, 120-150 ms of a phone's main thread in one task (traced at a 4x
# slower CPU). Without it a switch of scheme fades the few colours Material animates (links,
# 125 ms). Dropped from the built copy of Material's stylesheet, the one place it is.
SWITCHING_RULE = (
    "[data-md-color-switching] *,[data-md-color-switching] :after,[data-md-color-switching] :before"
    "{transition-duration:0s!important}"
)


def short_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:12]


def hashed(path: Path) -> Path:
    """Rename `path` to carry its content's hash (gradlab.js -> gradlab-<hash>.js)."""
    target = path.with_name(f"{path.stem}-{short_hash(path.read_bytes())}{path.suffix}")
    path.rename(target)
    return target


def bundle(outdir: Path) -> dict[str, str]:
    """Build the bundle into `outdir`; returns the entry files' names by suffix (".js", ".css")."""
    esbuild = NODE_MODULES / ".bin" / "esbuild"
    if not esbuild.exists():
        raise SystemExit("gradlab: node_modules is missing; run `make build` (it runs `npm ci`).")
    command = [
        str(esbuild),
        str(ASSETS / "gradlab.js"),
        "--bundle",
        "--splitting",
        "--format=esm",
        "--minify",
        "--target=es2020",
        "--chunk-names=chunks/[name]-[hash]",
        # KaTeX's stylesheet names each font in three formats; browsers fetch only the woff2.
        "--loader:.woff2=file",
        "--loader:.woff=file",
        "--loader:.ttf=file",
        "--asset-names=fonts/[name]-[hash]",
        "--log-level=warning",
        f"--outdir={outdir}",
    ]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"gradlab: esbuild failed:\n{result.stderr}")
    # Chunks never import the entry, so renaming it after the build breaks no reference.
    return {suffix: hashed(outdir / f"gradlab{suffix}").name for suffix in (".js", ".css")}


def early_script() -> str:
    """The home page's Continue panel draws itself while the page is parsed, before the first paint
    (overrides/assets/continue/early.js): a module runs too late for that, so this entry is built
    on its own as one classic script, for the page to inline (macros/continue_panel.py)."""
    entry = ASSETS / "continue" / "early.js"
    command = [str(NODE_MODULES / ".bin" / "esbuild"), str(entry), "--bundle", "--format=iife", "--minify", "--target=es2020", "--log-level=warning"]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"gradlab: esbuild failed:\n{result.stderr}")
    return result.stdout


MATH_FACES = ("KaTeX_Main-Regular", "KaTeX_Math-Italic")
_staged: tempfile.TemporaryDirectory | None = None  # removed when replaced or at exit


def on_config(config, **_):
    global _staged
    _staged = tempfile.TemporaryDirectory(prefix="gradlab-bundle-")
    entries = bundle(Path(_staged.name))
    config.extra_css.append(f"{BUNDLE}/{entries['.css']}")
    script = ExtraScriptValue(f"{BUNDLE}/{entries['.js']}")
    script.type = "module"  # after Material's bundle, so its `document$` exists
    config.extra_javascript.append(script)
    config.extra["continue_script"] = early_script()
    # The two faces nearly every formula uses (numbers and operators, italic variables). A page
    # with math preloads them: fetched only once the stylesheet is parsed, they arrived after the
    # first paint, and the fallback's wider metrics re-wrapped lines and shifted the page.
    fonts = Path(_staged.name) / "fonts"
    config.extra["math_fonts"] = [f"{BUNDLE}/fonts/{next(fonts.glob(f'{face}-*.woff2')).name}" for face in MATH_FACES]
    # The service worker keeps its path (main.html puts the hash in a query): a new path would be
    # a new registration whose old file is gone, while a query only makes the browser fetch the
    # script again when its content changed.
    config.extra["coi_version"] = short_hash(COI.read_bytes())
    return config


def on_page_content(html, **_):
    # Imported here: mkdocs-macros has loaded the `macros` package by the time pages render.
    from macros.katex import render_math

    return render_math(html)


def drop_switching_rule(site: Path) -> None:
    for palette in (site / "assets" / "stylesheets").glob("palette.*.min.css"):
        palette.write_text(palette.read_text(encoding="utf-8").replace(SWITCHING_RULE, ""), encoding="utf-8")


def on_post_build(config, **_):
    site = Path(config["site_dir"])
    drop_switching_rule(site)
    shutil.copytree(_staged.name, site / BUNDLE, dirs_exist_ok=True)
    # At the site root, so the service worker's scope covers every page (it gives
    # code cells cross-origin isolation, which lets Stop interrupt Python without a restart).
    shutil.copy2(COI, site / COI.name)
