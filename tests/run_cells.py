"""Run lesson code as a page does, with `torch` bound to microtorch or to real PyTorch.

Used as a subprocess, so the two libraries never share one interpreter:

    python tests/run_cells.py microtorch|pytorch < programs.json > results.json

`programs.json` is a list of {"id", "cells": [{"code", "setup", "isolated"}]}. Cells of one
program share a namespace in order, like the cells of one page; an isolated cell gets a fresh one.
The answer maps each program id to one {"stdout", "error"} per cell; `error` is the last line of
the traceback, or null.
"""

from __future__ import annotations

import contextlib
import importlib
import io
import json
import os
import sys
import traceback
from pathlib import Path

os.environ.setdefault("MPLBACKEND", "Agg")  # figures render off screen; plt.show() returns at once

ROOT = Path(__file__).resolve().parents[1]


def bind_torch(library: str) -> None:
    """Make `import torch` (and its submodules) resolve as they do in the browser."""
    if library == "microtorch":
        sys.path.insert(0, str(ROOT))
        for name in ("microtorch", "microtorch.nn", "microtorch.nn.functional", "microtorch.optim",
                     "microtorch.autograd", "microtorch.viz"):
            with contextlib.suppress(ImportError):
                importlib.import_module(name)
        for name, module in list(sys.modules.items()):
            if name == "microtorch" or name.startswith("microtorch."):
                sys.modules["torch" + name.removeprefix("microtorch")] = module
    elif library == "pytorch":
        import torch  # noqa: F401  (fails loudly if PyTorch is absent)
    else:
        raise SystemExit(f"unknown library {library!r}: expected microtorch or pytorch")


def run_cell(code: str, namespace: dict, label: str) -> dict:
    out = io.StringIO()
    error = None
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        try:
            exec(compile(code, label, "exec"), namespace)
        except Exception as exc:  # the cell's own failure is a result to report, not a crash
            error = traceback.format_exception_only(type(exc), exc)[-1].strip()
    if "matplotlib.pyplot" in sys.modules:
        sys.modules["matplotlib.pyplot"].close("all")
    return {"stdout": out.getvalue(), "error": error}


def run_program(program: dict) -> list[dict]:
    shared: dict = {"__name__": "__main__"}
    results = []
    for index, cell in enumerate(program["cells"], start=1):
        namespace = {"__name__": "__main__"} if cell.get("isolated") else shared
        label = f"<{program['id']} cell {index}>"
        if cell.get("setup"):
            setup = run_cell(cell["setup"], namespace, label + " setup")
            if setup["error"]:
                results.append({"stdout": "", "error": f"hidden setup failed: {setup['error']}"})
                continue
        results.append(run_cell(cell["code"], namespace, label))
    return results


def main() -> None:
    bind_torch(sys.argv[1])
    programs = json.load(sys.stdin)
    json.dump({program["id"]: run_program(program) for program in programs}, sys.stdout)


if __name__ == "__main__":
    main()
