"""Fixtures for widget tests: call a widget macro directly, content in -> HTML out.
For a real `mkdocs build` of a tiny project, see project.py."""

from __future__ import annotations

import textwrap
from pathlib import Path
from types import SimpleNamespace

import pytest

from macros import keys, markdown, registry

ROOT = Path(__file__).resolve().parents[2]


class MacroEnv:
    """Stands in for mkdocs-macros' `env`: collects the macros a widget module registers and
    renders them as if on `docs/<page>`, with the site's real Markdown extensions."""

    def __init__(self, conf, docs_dir: Path, page: str = "lessons/demo.md"):
        self.conf = {**conf, "docs_dir": str(docs_dir)}
        self.conf_docs = docs_dir
        self.macros: dict = {}
        self.on_page(page)

    def on_page(self, page: str) -> None:
        self.page = SimpleNamespace(file=SimpleNamespace(src_uri=page), url=page.removesuffix(".md") + "/", title="Demo")

    def macro(self, function, name: str | None = None):
        self.macros[name or function.__name__] = function
        return function

    def inline(self, name: str, yaml_text: str) -> str:
        """What `{% call name() %}yaml{% endcall %}` renders."""
        return self.macros[name](caller=lambda: textwrap.dedent(yaml_text))


@pytest.fixture(scope="session")
def site_conf():
    from mkdocs.config import load_config

    return load_config(str(ROOT / "mkdocs.yml"))


@pytest.fixture
def macro_env(site_conf, tmp_path):
    registry.reset()
    markdown.reset()
    keys.reset(site_conf)
    docs = tmp_path / "docs"
    (docs / "lessons").mkdir(parents=True)
    yield MacroEnv(site_conf, docs)
    registry.reset()
    markdown.reset()
