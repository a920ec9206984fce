"""A throwaway MkDocs project that uses this repository's theme overrides, macros and (when asked)
its front-end hook, for tests that need a real `mkdocs build` of content they control.
Import it as `tests.support.project` (pytest.ini puts the repository root on sys.path)."""

from __future__ import annotations

import textwrap
from pathlib import Path

from tests.conftest import build_site, serve

ROOT = Path(__file__).resolve().parents[2]


def build_project(root: Path, pages: dict[str, str], frontend: bool = False):
    """Write the project under `root`, build it; returns (finished process, site directory)."""
    config = write_project(root, pages, frontend)
    site = root / "site"
    return build_site(site, config), site


def serve_project(root: Path, pages: dict[str, str]):
    """Build the project with its front end and serve it; a generator for module fixtures:
    `yield from serve_project(...)` yields the base URL and stops the server afterwards."""
    result, site = build_project(root, pages, frontend=True)
    assert result.returncode == 0, result.stdout + result.stderr
    url, server = serve(site)
    yield url
    server.shutdown()


def write_project(root: Path, pages: dict[str, str], frontend: bool = False) -> Path:
    """Write a MkDocs project under `root` with `pages` ({path under docs/: text}) that uses this
    repository's theme overrides and macros; `frontend=True` also bundles the JavaScript.
    Returns the path of its mkdocs.yml, ready for tests/conftest.py's build_site()."""
    for name, text in pages.items():
        path = root / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    nav = "".join(f"  - {name}\n" for name in pages if name.endswith(".md"))
    hooks = f"  - {ROOT / 'scripts' / 'hooks' / 'frontend.py'}\n" if frontend else ""
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
        f"hooks:\n{hooks or '  []'}\n"
        f"nav:\n{nav}",
        encoding="utf-8",
    )
    return config
