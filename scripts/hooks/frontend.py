"""MkDocs hook: bundle Gradlab's front end with esbuild and vendor KaTeX's stylesheet and fonts.

Everything comes from the pinned npm packages in node_modules; nothing is committed or fetched
from a CDN. The bundle is written straight into the built site, so `mkdocs build` and
`mkdocs serve` both produce a complete site.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ASSETS = ROOT / "overrides" / "assets"
NODE_MODULES = ROOT / "node_modules"


def bundle(outdir: Path) -> None:
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
        "--loader:.woff2=file",
        "--log-level=warning",
        f"--outdir={outdir}",
    ]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"gradlab: esbuild failed:\n{result.stderr}")


def vendor_katex(site: Path) -> None:
    source = NODE_MODULES / "katex" / "dist"
    target = site / "assets" / "vendor" / "katex"
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy2(source / "katex.min.css", target / "katex.min.css")
    shutil.copytree(source / "fonts", target / "fonts", dirs_exist_ok=True)


def vendor_coi_serviceworker(site: Path) -> None:
    # At the site root, so the service worker's scope covers every page (it gives code cells
    # cross-origin isolation, which lets Stop interrupt Python without a restart).
    shutil.copy2(NODE_MODULES / "coi-serviceworker" / "coi-serviceworker.min.js", site / "coi-serviceworker.min.js")


def on_post_build(config, **_):
    site = Path(config["site_dir"])
    bundle(site / "assets" / "gradlab")
    vendor_katex(site)
    vendor_coi_serviceworker(site)
