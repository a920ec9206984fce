"""scripts/bench_autograd.py in its --quick mode: the table has every row and microtorch trains to
the same loss as the hand-written NumPy backprop (roughly, where each row shuffles with its own
generator). Behaviour only; speed is the script's job."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "bench_autograd.py"
WORKLOADS = {"mlp": "ms/step", "graph": "ms/graph", "epoch": "ms/epoch", "tanh": "ms/pass"}
TOLERANCE = {"mlp": 1e-5, "graph": 1e-5, "epoch": 0.05, "tanh": 1e-5}
WITH_MICROGRAD = ("mlp", "graph")


@pytest.fixture(scope="module")
def table():
    result = subprocess.run([sys.executable, str(SCRIPT), "--quick"], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    rows = {}
    for line in result.stdout.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 7 and cells[0] in WORKLOADS:
            rows[cells[0], cells[1]] = cells
    return rows


def test_table_has_every_row(table):
    names = ["numpy (hand-written)", "microtorch"]
    if importlib.util.find_spec("torch"):
        names.append("pytorch (1 thread)")
    for workload, unit in WORKLOADS.items():
        for name in names + ["micrograd"] * (workload in WITH_MICROGRAD):
            assert (workload, name) in table, f"no {workload} row for {name}"
            assert table[workload, name][2].endswith(unit), table[workload, name]


@pytest.mark.parametrize("workload", WORKLOADS)
def test_microtorch_loss_matches_handwritten_backprop(table, workload):
    floor = float(table[workload, "numpy (hand-written)"][5])
    mine = table[workload, "microtorch"]
    assert mine[5] != "-", f"microtorch row failed: {mine[6]}"
    assert abs(float(mine[5]) - floor) <= TOLERANCE[workload]
