"""A throwaway MkDocs project that uses this repository's theme overrides, macros and (when asked)
its build hooks, for tests that need a real `mkdocs build` of content they control.
Import it as `tests.support.project` (pytest.ini puts the repository root on sys.path)."""

from __future__ import annotations

import textwrap
from pathlib import Path

from mkdocs.utils.yaml import yaml_load

from tests.support.site import ROOT, build_site, serve

with open(ROOT / "mkdocs.yml", encoding="utf-8") as _config:
    # The site's own hooks (front end, Python runtime, microtorch wheel), as mkdocs.yml lists them.
    SITE_HOOKS = tuple(yaml_load(_config)["hooks"])
FRONT_END = ("scripts/hooks/frontend.py",)  # the JavaScript bundle alone: no Python runtime


def build_project(root: Path, pages: dict[str, str], hooks: tuple[str, ...] = (), site_url: str | None = None,
                  extra: str = ""):
    """Write the project under `root`, build it; returns (finished process, site directory)."""
    config = write_project(root, pages, hooks, extra)
    site = root / "site"
    return build_site(site, config, site_url=site_url), site


def serve_project(root: Path, pages: dict[str, str], hooks: tuple[str, ...] = FRONT_END, extra: str = ""):
    """Build the project and serve it; a generator for module fixtures: `yield from
    serve_project(...)` yields the base URL and stops the server afterwards. Its site_url names
    another port, so links load whole pages (instant navigation needs build_project(site_url=))."""
    result, site = build_project(root, pages, hooks, extra=extra)
    assert result.returncode == 0, result.stdout + result.stderr
    url, server = serve(site)
    yield url
    server.shutdown()


def write_project(root: Path, pages: dict[str, str], hooks: tuple[str, ...] = (), extra: str = "") -> Path:
    """Write a MkDocs project under `root` with `pages` ({path under docs/: text}) that uses this
    repository's theme overrides and macros, and `hooks` (FRONT_END, SITE_HOOKS or none);
    `extra` is appended to its mkdocs.yml. Returns the path of that mkdocs.yml."""
    for name, text in pages.items():
        path = root / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    nav = "".join(f"  - {name}\n" for name in pages if name.endswith(".md"))
    listed = "".join(f"  - {ROOT / hook}\n" for hook in hooks)
    config = root / "mkdocs.yml"
    # INHERIT keeps the site's Markdown extensions and theme; paths are made absolute because
    # the inherited ones are relative to the repository.
    config.write_text(
        f"INHERIT: {ROOT / 'mkdocs.yml'}\n"
        "site_name: Widget test\n"
        f"theme:\n  custom_dir: {ROOT / 'overrides'}\n"
        "plugins:\n"
        "  - search\n"
        "  - macros:\n"
        f"      module_name: {ROOT / 'macros'}\n"
        "      on_error_fail: true\n"
        "      on_undefined: strict\n"
        f"hooks:\n{listed or '  []'}\n"
        f"nav:\n{nav}{extra}",
        encoding="utf-8",
    )
    return config
