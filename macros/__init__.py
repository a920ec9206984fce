"""Gradlab's mkdocs-macros module: the one entry point that registers every macro.

Every module below exports `register(env)`. A YAML widget (quiz, explain, flashcards, challenge)
declares a `widget.Widget` (schema, render, answer keys) and registers it with
`widget.register`; code cells (a Markdown fence), the study-mode menu and lesson times register
themselves. Content errors raise `ContentError`, which fails `mkdocs build` with the file, the
item and what is wrong; the answer-key check (keys.py) runs once the whole site is rendered.
"""

import importlib

from . import continue_panel, keys, markdown, progress, registry

MODULES: list[str] = ["codecell", "control", "quiz", "explain", "flashcards", "challenge", "modes", "lesson_time", "source", "icons", "progress", "continue_panel"]


def define_env(env):
    registry.reset()
    markdown.reset()
    progress.reset()
    continue_panel.reset()
    keys.reset(env.conf)
    for name in MODULES:
        importlib.import_module(f"{__name__}.{name}").register(env)


def on_post_build(env):
    keys.check()
    navigation = env.variables.get("navigation")  # mkdocs-macros keeps the nav it was given
    course = registry.write(env.conf["site_dir"], [page.url for page in navigation.pages] if navigation else [])
    progress.write(course)
    continue_panel.write(course, env.conf["extra"].get("continue_script", ""))  # built by scripts/hooks/frontend.py
