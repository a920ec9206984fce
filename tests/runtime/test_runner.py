"""The cell runner (gradlab_runner, packed into the site's wheel) in plain CPython: the same file the
browser's worker runs, so namespaces, tracebacks and the output cap are checked without Pyodide."""

from __future__ import annotations

import importlib.machinery
import importlib.util
import json
import sys

import pytest

from tests.support import run_cells
from tests.support.site import ROOT


@pytest.fixture
def runner():
    spec = importlib.util.spec_from_file_location("gradlab_runner_under_test", ROOT / "gradlab_runner" / "__init__.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.output = []
    module.set_emit(lambda kind, text: module.output.append((kind, text)))
    return module


def printed(runner, kind="stdout"):
    return "".join(text for k, text in runner.output if k == kind)


def test_a_shared_scope_keeps_variables_and_prints_a_last_expression(runner):
    assert runner.run("x = 20", scope="page")["ok"]
    assert runner.run("x + 1", scope="page")["ok"]
    assert runner.run("y = x", scope="page")["ok"]
    assert printed(runner) == "21\n"  # an assignment prints nothing, a bare expression its repr


def test_an_isolated_run_and_a_dropped_scope_start_empty(runner):
    runner.run("x = 1", scope="page")
    assert "NameError" in runner.run("x")["error"]
    runner.drop("page")
    assert "NameError" in runner.run("x", scope="page")["error"]


def test_setup_runs_first_in_the_same_namespace(runner):
    assert runner.run("print(secret * 2)", setup="secret = 21")["ok"]
    assert printed(runner) == "42\n"


def test_a_traceback_shows_only_the_cells_frames_with_editor_lines(runner):
    result = runner.run("import json\n\ndef load():\n    return json.loads('{')\n\nload()")
    assert not result["ok"] and result["line"] == 4
    error = result["error"]
    assert 'File "<cell>", line 6, in <module>' in error and 'File "<cell>", line 4, in load' in error
    assert "json/decoder.py" not in error and "gradlab_runner" not in error
    assert error.rstrip().splitlines()[-1].startswith("json.decoder.JSONDecodeError")


def test_a_syntax_error_points_at_its_line(runner):
    result = runner.run("x = 1\ny = (\n")
    assert result["line"] == 2 and "SyntaxError" in result["error"]


def test_an_error_in_the_hidden_setup_is_reported_as_such(runner):
    result = runner.run("print(1)", setup="1 / 0")
    assert 'File "<setup>", line 1' in result["error"] and result["line"] is None


def test_keyboard_interrupt_is_reported_as_stopped(runner):
    result = runner.run("raise KeyboardInterrupt")
    assert result["stopped"] and "KeyboardInterrupt" in result["error"]
    assert runner.run("print('next')")["ok"]


def test_output_is_capped_with_a_notice_and_a_count(runner):
    result = runner.run("for i in range(100_000): print(i)")
    shown = printed(runner)
    assert len(shown) == runner.CAP and shown.startswith("0\n1\n")
    total = sum(len(f"{i}\n") for i in range(100_000))
    assert result["dropped"] == total - runner.CAP
    assert [kind for kind, _ in runner.output].count("notice") == 1


def test_stdout_and_stderr_keep_their_order(runner):
    before = sys.stdout
    runner.run("import sys\nprint('a')\nprint('b', file=sys.stderr)\nprint('c')")
    assert runner.output == [("stdout", "a\n"), ("stderr", "b\n"), ("stdout", "c\n")]
    assert sys.stdout is before  # the page's streams are put back after the run


def test_input_says_how_to_give_the_value_in_code(runner):
    before = sys.stdin
    result = runner.run('name = input("Name? ")')
    assert printed(runner) == "Name? "  # the prompt shows, as input() prints it before reading
    assert result["line"] == 1
    assert result["error"].splitlines()[-1].startswith("EOFError: a code cell has no keyboard to read from")
    assert 'name = "Ada"' in result["error"]
    assert sys.stdin is before


def test_matplotlib_figures_are_sent_as_png(runner):
    runner.run("import matplotlib.pyplot as plt\nplt.plot([1, 2, 3])\nplt.show()")
    images = [text for kind, text in runner.output if kind == "image"]
    assert len(images) == 1 and images[0].startswith("iVBORw0KGgo")  # base64 of the PNG signature


def test_a_figure_showing_an_image_is_sent_as_an_opaque_picture(runner):
    """imshow's figures keep their colours in the dark scheme (the page does not invert a
    "picture"), so they carry their own white background; a plot stays transparent."""
    import base64
    import io

    from matplotlib.image import imread

    runner.run("import matplotlib.pyplot as plt\nplt.imshow([[0, 1], [1, 0]])\nplt.show()\nplt.plot([1, 2])\nplt.show()")
    shown = [(kind, imread(io.BytesIO(base64.b64decode(text)))) for kind, text in runner.output if kind in ("image", "picture")]
    assert [kind for kind, _ in shown] == ["picture", "image"]
    (_, picture), (_, plot) = shown
    assert picture[..., 3].min() == 1.0 and picture[0, 0, :3].tolist() == [1.0, 1.0, 1.0]
    assert plot[0, 0, 3] == 0.0  # a plot's corner shows the page


def test_show_calls_the_installed_display_hook_and_prints_dot_without_one(capsys):
    from microtorch import tensor, viz

    w = tensor(2.0, requires_grad=True)
    z = w * w + 1
    drawn = []
    viz.set_display(drawn.append)
    try:
        viz.show(z, names={"w": w})
    finally:
        viz.set_display(None)
    assert drawn == [viz.to_dot(z, names={"w": w})] and capsys.readouterr().out == ""
    viz.show(z)  # on a terminal: the DOT text
    assert capsys.readouterr().out == viz.to_dot(z)


def test_the_runner_installs_a_display_hook_that_draws_below_the_cell():
    # A fresh interpreter, since the runner makes `import torch` mean microtorch.
    code = "import torch\nw = torch.tensor(2.0, requires_grad=True)\ntorch.viz.show(w * w)"
    assert run_cells.run("microtorch", [{"id": "p", "cells": [{"code": code}]}])["p"] == [
        {"stdout": "", "error": None, "graphs": 1}]


def test_a_graph_drawn_between_prints_comes_between_them(runner):
    from microtorch import viz

    viz.set_display(runner._draw_graph)  # what alias_torch installs
    try:
        # Two quick prints: the second waits in the batch that the graph must not overtake.
        runner.run("from microtorch import tensor, viz\nw = tensor(2.0, requires_grad=True)\n"
                   "print('before')\nprint('still before')\nviz.show(w * w)\nprint('after')")
    finally:
        viz.set_display(None)
    assert [kind for kind, _ in runner.output] == ["stdout", "graph", "stdout"]
    assert runner.output[0][1] == "before\nstill before\n" and runner.output[2][1] == "after\n"


def test_on_pyodide_the_shipped_font_list_is_put_where_matplotlib_reads_it(runner, tmp_path, monkeypatch):
    from gradlab_runner.fontlist import FONT_LIST

    monkeypatch.setattr(sys, "platform", "emscripten")
    monkeypatch.delitem(sys.modules, "matplotlib.font_manager", raising=False)
    package = importlib.machinery.ModuleSpec("matplotlib", None, is_package=True)
    package.submodule_search_locations = [str(tmp_path)]
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: package if name == "matplotlib" else None)
    runner._place_font_list()
    assert json.loads((tmp_path / "fontlist.json").read_text()) == FONT_LIST
