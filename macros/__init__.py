"""Gradlab's mkdocs-macros module: the one entry point that registers every widget macro.

Each widget lives in its own module with a typed schema and a `register(env)` function that
adds its macros. Content errors raise `ContentError`, which fails `mkdocs build` with the file,
the item and what is wrong.
"""

import importlib

from . import keys, markdown, registry

# One module per widget; each exports register(env).
WIDGETS: list[str] = ["codecell", "quiz", "explain", "flashcards", "challenge", "modes", "lesson_time"]


def define_env(env):
    registry.reset()
    markdown.reset()
    keys.reset()
    env.variables["gradlab_keys"] = keys.bounds(env.conf)
    for name in WIDGETS:
        importlib.import_module(f"{__name__}.{name}").register(env)


def on_post_build(env):
    keys.check(env.variables["gradlab_keys"])
    registry.write(env.conf["site_dir"])
