"""Run lesson code exactly as the page's worker does, with `torch` bound to microtorch or to real
PyTorch, in CPython. The work is done by the site's own cell runner
(gradlab_runner, packed into the site's wheel): same namespaces, same "last expression is printed".

Run as a subprocess, so the two libraries never share one interpreter; `run()` does that:

    python tests/support/run_cells.py microtorch|pytorch < programs.json > results.json

`programs.json` is a list of {"id", "cells": [{"code", "setup", "isolated"}]}. Cells of one
program share a namespace in order, like the cells of one page; an isolated cell gets a fresh one.
The answer maps each program id to one {"stdout", "error", "graphs"} per cell; `error` is the
last line of the traceback (or null) and `graphs` counts the drawings `torch.viz.show` made.
"""

from __future__ import annotations

import fcntl
import hashlib
import importlib
import json
import os
import subprocess
import sys
import types
from pathlib import Path

os.environ.setdefault("MPLBACKEND", "Agg")

ROOT = Path(__file__).resolve().parents[2]


def run(library: str, programs: list[dict]) -> dict[str, list[dict]]:
    """The answer for `programs` under `library`, from a fresh interpreter."""
    result = subprocess.run([sys.executable, __file__, library], input=json.dumps(programs),
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, f"the cell runner crashed under {library}:\n{result.stderr}"
    return json.loads(result.stdout)


def shared_run(library: str, programs: list[dict]) -> dict[str, list[dict]]:
    """`run()`, done once for all the workers of a test run: the first to ask runs the programs
    (the course under PyTorch takes 10 s) while the others wait on its lock, then read its answer.
    Alone (no GRADLAB_SHARED_DIR, which tests/conftest.py sets under xdist) it is `run()`."""
    shared = os.environ.get("GRADLAB_SHARED_DIR")
    if not shared:
        return run(library, programs)
    key = hashlib.sha256(json.dumps([library, programs], sort_keys=True).encode()).hexdigest()[:16]
    answer = Path(shared) / f"cells-{library}-{key}.json"
    with open(answer.with_suffix(".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not answer.exists():
            answer.write_text(json.dumps(run(library, programs)), encoding="utf-8")
    return json.loads(answer.read_text(encoding="utf-8"))


def load_runner():
    # The package itself, as the worker imports it from the wheel (it has submodules); the path
    # goes last, so it decides nothing about which torch `import torch` finds (bind_torch does).
    sys.path.append(str(ROOT))
    return importlib.import_module("gradlab_runner")


def bind_torch(runner, library: str) -> None:
    """Make `import torch` resolve as it does in the browser (microtorch), or to real PyTorch."""
    if library == "microtorch":
        sys.path.insert(0, str(ROOT))
        runner.alias_torch()
    elif library == "pytorch":
        import torch

        # gradlab_data (the course's data sets) comes from the site's wheel: importable as for a
        # learner who installed that wheel beside PyTorch.
        sys.path.append(str(ROOT))

        # The lessons' tensors are tiny: PyTorch's worker threads only fight over a shared
        # machine's cores (a lesson that trains a network ran 3 times slower with them).
        torch.set_num_threads(1)
        # PyTorch has no graph drawing; accept what the lessons pass it and draw nothing.
        viz = types.ModuleType("torch.viz")

        def show(tensor, **_options):
            if not isinstance(tensor, torch.Tensor):
                raise TypeError(f"torch.viz.show expects a tensor, got {type(tensor).__name__}")

        viz.show = show
        torch.viz = sys.modules["torch.viz"] = viz
    else:
        raise SystemExit(f"unknown library {library!r}: expected microtorch or pytorch")


def main() -> None:
    runner = load_runner()
    bind_torch(runner, sys.argv[1])
    programs = json.load(sys.stdin)
    pieces: list[tuple[str, str]] = []
    emit = lambda kind, text: pieces.append((kind, text))  # noqa: E731
    if hasattr(runner, "set_emit"):
        runner.set_emit(emit)
    else:
        runner._emit = emit
    results = {}
    for program in programs:
        outputs = []
        for cell in program["cells"]:
            pieces.clear()
            scope = None if cell.get("isolated") else program["id"]
            result = runner.run(cell["code"], cell.get("setup", ""), scope)
            error = result["error"].strip().splitlines()[-1] if result["error"] else None
            outputs.append({
                "stdout": "".join(text for kind, text in pieces if kind == "stdout"),
                "error": error,
                "graphs": sum(kind == "graph" for kind, _ in pieces),
            })
        runner.drop(program["id"])
        results[program["id"]] = outputs
    json.dump(results, sys.__stdout__)


if __name__ == "__main__":
    main()
