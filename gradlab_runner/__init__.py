"""Runs code cells inside the site's Pyodide worker, which imports it from the microtorch wheel
(pyproject.toml packs both) and then calls `install_more_stdlib(...)` (self-hosted sites only),
`alias_torch()` and `set_emit(...)`.

Plain CPython can import it too, which is how tests/runtime/test_runner.py checks it: nothing here
needs Pyodide except what `emit` does with the text.

`emit(kind, text)` sends a piece of output to the page: kind is "stdout", "stderr", "notice",
"image" (a base64 PNG of a plot), "picture" (a PNG of a figure that shows an image, such as
imshow's) or "graph" (Graphviz DOT, from torch.viz.show).
"""

from __future__ import annotations

import ast
import base64
import importlib
import importlib.util
import io
import json
import linecache
import pkgutil
import sys
import time
import traceback
from pathlib import Path

from gradlab_runner.more_stdlib import install as install_more_stdlib  # noqa: F401  (worker.js calls it)

CELL = "<cell>"
SETUP = "<setup>"
CAP = 100_000  # characters of output shown per run; beyond that a flood only costs Python time
FLUSH_EVERY = 0.05  # seconds: batch output so a loop of prints doesn't flood the page with messages

_namespaces: dict[str, dict] = {}
_emit = None


class Output:
    """Collects stdout and stderr of one run, in order, and sends them in batches, up to CAP."""

    def __init__(self, emit):
        self.emit = emit
        self.shown = 0
        self.dropped = 0
        self.kind = None
        self.parts: list[str] = []
        self.last_flush = 0.0

    def write(self, kind: str, text: str) -> None:
        if not text:
            return
        room = CAP - self.shown
        if room <= 0:
            self.dropped += len(text)
            return
        if kind != self.kind:
            self.flush()
            self.kind = kind
        part = text[:room]
        self.parts.append(part)
        self.shown += len(part)
        if len(part) < len(text):
            self.dropped += len(text) - len(part)
            self.flush()
            self.emit("notice", f"Output capped at {CAP:,} characters; the rest is not shown.")
        elif "\n" in part and time.monotonic() - self.last_flush > FLUSH_EVERY:
            self.flush()

    def flush(self) -> None:
        if self.parts:
            self.emit(self.kind, "".join(self.parts))
            self.parts = []
        self.last_flush = time.monotonic()


class Stream(io.TextIOBase):
    def __init__(self, output: Output, kind: str):
        self.output, self.kind = output, kind

    def write(self, text: str) -> int:
        self.output.write(self.kind, text)
        return len(text)

    def flush(self) -> None:
        self.output.flush()

    @property
    def encoding(self) -> str:
        return "utf-8"


class NoKeyboard(io.TextIOBase):
    """sys.stdin of a cell. Reading a line from the page would make the worker wait for it, and a
    worker can only wait (Atomics.wait on a SharedArrayBuffer) when the page is cross-origin
    isolated, which the site's service worker achieves from the second load on, not always. So
    reading always fails with a message saying what to do, instead of working on some loads only."""

    def readline(self, size: int = -1) -> str:
        raise EOFError(
            "a code cell has no keyboard to read from, so input() gets no line. "
            'Write the value in the code instead, e.g. name = "Ada" in place of name = input("Name? ")'
        )

    read = readline


def run(code: str, setup: str = "", scope: str | None = None) -> dict:
    """Run `setup` then `code` in the namespace `scope` (None: a fresh one), like a notebook cell:
    the value of a last bare expression is printed. Returns {"ok", "error", "line", "stopped",
    "dropped"}; `stopped` says the Stop button interrupted it;
    `error` is a traceback trimmed to the cell's own frames, `line` the editor line it points at."""
    namespace = _namespaces.setdefault(scope, _fresh()) if scope else _fresh()
    output = Output(_emit)
    saved = sys.stdin, sys.stdout, sys.stderr
    sys.stdin, sys.stdout, sys.stderr = NoKeyboard(), Stream(output, "stdout"), Stream(output, "stderr")
    linecache.cache[CELL] = (len(code), None, code.splitlines(True), CELL)
    linecache.cache[SETUP] = (len(setup), None, setup.splitlines(True), SETUP)
    result = {"ok": True, "error": None, "line": None, "stopped": False}
    try:
        _prepare_plots(setup + "\n" + code)  # first: the setup may import matplotlib too
        if setup:
            exec(compile(setup, SETUP, "exec"), namespace)
        tree = ast.parse(code, CELL)
        last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
        exec(compile(tree, CELL, "exec"), namespace)
        if last is not None:
            value = eval(compile(ast.Expression(last.value), CELL, "eval"), namespace)
            if value is not None:
                print(repr(value))
        _show_figures()
    except BaseException as error:  # KeyboardInterrupt (Stop) and SystemExit are reported too
        result.update(ok=False, **describe(error))
    finally:
        output.flush()
        sys.stdin, sys.stdout, sys.stderr = saved
    result["dropped"] = output.dropped
    return result


def describe(error: BaseException) -> dict:
    """The traceback a reader needs: only frames of their own code (or of the hidden setup when
    that is where it failed), then the exception itself."""
    frames = traceback.extract_tb(error.__traceback__)
    mine = [frame for frame in frames if frame.filename == CELL] or [frame for frame in frames if frame.filename == SETUP]
    text = ""
    if mine:
        text = "Traceback (most recent call last):\n" + "".join(traceback.format_list(mine))
    text += "".join(traceback.format_exception_only(type(error), error))
    if isinstance(error, KeyboardInterrupt):
        text = text.rstrip("\n") + " (stopped with the Stop button)\n"
    line = None
    if isinstance(error, SyntaxError) and error.filename == CELL:
        line = error.lineno
    elif mine and mine[-1].filename == CELL:
        line = mine[-1].lineno
    return {"error": text, "line": line, "stopped": isinstance(error, KeyboardInterrupt)}


def drop(scope: str) -> None:
    _namespaces.pop(scope, None)


def alias_torch() -> None:
    """Make `import torch` (and torch.nn, torch.optim, ...) import microtorch and its submodules."""
    import microtorch

    sys.modules["torch"] = microtorch
    for module in pkgutil.walk_packages(microtorch.__path__, "microtorch."):
        if module.name.split(".")[-1].startswith("_"):
            continue
        sys.modules["torch" + module.name[len("microtorch"):]] = importlib.import_module(module.name)
    microtorch.viz.set_display(_draw_graph)


def _fresh() -> dict:
    return {"__name__": "__main__", "__builtins__": __builtins__}


def _imports(source: str) -> set[str]:
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return set()
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module.split(".")[0])
    return names


def _prepare_plots(source: str) -> None:
    """Before a cell that imports matplotlib runs: its font list, a headless backend and a show()
    that sends PNGs."""
    if "matplotlib" not in _imports(source):
        return
    _place_font_list()
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.show = _show_figures


def _place_font_list() -> None:
    """Pyodide's matplotlib reads its font list from fontlist.json beside its font_manager.py, and
    the file its wheel ships is stale, so each page load rebuilt the list: seconds, and a warning
    on stderr. The list that matplotlib builds there (scripts/make_fontlist.py) goes in its place
    before the first import. Elsewhere matplotlib keeps its own cache, which is left alone."""
    if sys.platform != "emscripten" or "matplotlib.font_manager" in sys.modules:
        return
    package = importlib.util.find_spec("matplotlib")
    if package is None:
        return  # the import fails and says so
    from gradlab_runner.fontlist import FONT_LIST

    Path(package.submodule_search_locations[0], "fontlist.json").write_text(json.dumps(FONT_LIST))


def _show_figures(*_args, **_kwargs) -> None:
    plt = sys.modules.get("matplotlib.pyplot")
    if plt is None:
        return
    for number in plt.get_fignums():
        figure = plt.figure(number)
        buffer = io.BytesIO()
        # A plot is transparent, so the page's background shows through and the dark scheme can
        # invert its ink. An image (imshow) must keep its own colours, or a digit would turn into
        # its negative: it gets a white background and the page shows it as drawn.
        picture = any(axes.images for axes in figure.axes)
        figure.savefig(buffer, format="png", dpi=96, bbox_inches="tight", transparent=not picture)
        _display("picture" if picture else "image", base64.b64encode(buffer.getvalue()).decode("ascii"))
    plt.close("all")


def _draw_graph(dot: str) -> None:
    """torch.viz.show(z): the graph is drawn below the cell (by whatever emit is current)."""
    _display("graph", dot)


def _display(kind: str, text: str) -> None:
    """Send a picture after whatever the cell printed before drawing it: output in program order."""
    sys.stdout.flush()
    _emit(kind, text)


def set_emit(emit) -> None:
    """Where output goes: worker.js passes a function that posts it to the page."""
    global _emit
    _emit = emit
