"""How fast is microtorch's autograd? One table, measured in one run, against hand-written NumPy
backprop (the floor), PyTorch on one thread and micrograd.

Workloads:
  mlp    a 2-16-16-1 ReLU MLP, MSE loss, 100 points, full-batch SGD (lr 0.05): ms per step
  graph  value and gradients of a 1000-op scalar expression over 7 leaves: ms per graph

Every row starts from the same data and initial weights (float32 except micrograd, which is
float64 and scalar-only), so final losses are comparable.

    .venv/bin/python scripts/bench_autograd.py [--quick]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

SIZES = (2, 16, 16, 1)
POINTS = 100
LR = 0.05
LOSS_TOLERANCE = 1e-5
FLOOR, PYTORCH, MICROTORCH = "numpy (hand-written)", "pytorch (1 thread)", "microtorch"


# ---- data and initial weights, shared by every row ----

def make_data():
    rng = np.random.default_rng(0)
    x = rng.uniform(-1, 1, size=(POINTS, 2)).astype(np.float32)
    y = (np.sin(2 * x[:, :1]) + x[:, 1:] ** 2).astype(np.float32)
    return x, y


def make_weights():
    """PyTorch's Linear initialisation, drawn from NumPy so every row gets the same numbers."""
    rng = np.random.default_rng(1)
    weights = {}
    for layer, (fan_in, fan_out) in enumerate(zip(SIZES, SIZES[1:])):
        bound = 1 / np.sqrt(fan_in)
        weights[f"{2 * layer}.weight"] = rng.uniform(-bound, bound, (fan_out, fan_in)).astype(np.float32)
        weights[f"{2 * layer}.bias"] = rng.uniform(-bound, bound, fan_out).astype(np.float32)
    return weights


# Leaves of the scalar graph: h0, three multipliers, three offsets. Each of the 250 rounds is
# h = relu(h * a + b) ** 2 (4 ops); the multipliers keep it a contraction, so values stay O(1).
GRAPH_LEAVES = [0.3, 0.4, 0.5, 0.6, 0.2, 0.3, 0.4]
GRAPH_ROUNDS = 250


# ---- the floor: backprop written out by hand ----

def mlp_numpy(x, y, weights, steps, times):
    w = [weights[f"{2 * i}.weight"].copy() for i in range(3)]
    b = [weights[f"{2 * i}.bias"].copy() for i in range(3)]
    for _ in range(steps):
        start = time.perf_counter()
        z1 = x @ w[0].T + b[0]
        h1 = np.maximum(z1, 0)
        z2 = h1 @ w[1].T + b[1]
        h2 = np.maximum(z2, 0)
        diff = h2 @ w[2].T + b[2] - y
        loss = (diff * diff).mean()
        d_out = diff * np.float32(2 / diff.size)
        d_z2 = (d_out @ w[2]) * (z2 > 0)
        d_z1 = (d_z2 @ w[1]) * (z1 > 0)
        for param, grad in (
            (w[2], d_out.T @ h2), (b[2], d_out.sum(0)),
            (w[1], d_z2.T @ h1), (b[1], d_z2.sum(0)),
            (w[0], d_z1.T @ x), (b[0], d_z1.sum(0)),
        ):
            param -= np.float32(LR) * grad
        times.append(time.perf_counter() - start)
    return float(loss)


def graph_numpy():
    h, a, b = GRAPH_LEAVES[0], GRAPH_LEAVES[1:4], GRAPH_LEAVES[4:]
    tape = []
    for i in range(GRAPH_ROUNDS):
        s = h * a[i % 3] + b[(i + 1) % 3]
        r = max(s, 0.0)
        tape.append((h, s, r))
        h = r * r
    grads = [0.0] * len(GRAPH_LEAVES)
    d_h = 1.0
    for i in reversed(range(GRAPH_ROUNDS)):
        h_in, s, r = tape[i]
        d_s = 2 * r * d_h if s > 0 else 0.0
        grads[1 + i % 3] += d_s * h_in
        grads[4 + (i + 1) % 3] += d_s
        d_h = d_s * a[i % 3]
    grads[0] = d_h
    return h, grads


# ---- the same code for PyTorch and microtorch ----

def mlp_torchlike(lib, x, y, weights, steps, times):
    nn = lib.nn
    model = nn.Sequential(nn.Linear(2, 16), nn.ReLU(), nn.Linear(16, 16), nn.ReLU(), nn.Linear(16, 1))
    model.load_state_dict({name: lib.tensor(value) for name, value in weights.items()})
    inputs, targets = lib.tensor(x), lib.tensor(y)
    optimizer = lib.optim.SGD(model.parameters(), lr=LR)
    loss_fn = nn.MSELoss()
    for _ in range(steps):
        start = time.perf_counter()
        optimizer.zero_grad()
        loss = loss_fn(model(inputs), targets)
        loss.backward()
        optimizer.step()
        times.append(time.perf_counter() - start)
    return loss.item()


def graph_torchlike(lib):
    leaves = [lib.tensor(value, requires_grad=True) for value in GRAPH_LEAVES]
    h, a, b = leaves[0], leaves[1:4], leaves[4:]
    for i in range(GRAPH_ROUNDS):
        h = (h * a[i % 3] + b[(i + 1) % 3]).relu() ** 2
    h.backward()
    return h.item(), [leaf.grad.item() for leaf in leaves]


# ---- micrograd: scalars only, so the MLP is one Value graph per point ----

def mlp_micrograd(x, y, weights, steps, times):
    from micrograd.nn import MLP

    model = MLP(2, list(SIZES[1:]))
    for index, layer in enumerate(model.layers):
        for row, neuron in enumerate(layer.neurons):
            for col, w in enumerate(neuron.w):
                w.data = float(weights[f"{2 * index}.weight"][row, col])
            neuron.b.data = float(weights[f"{2 * index}.bias"][row])
    points = [(list(map(float, xi)), float(yi[0])) for xi, yi in zip(x, y)]
    for _ in range(steps):
        start = time.perf_counter()
        model.zero_grad()
        loss = sum(((model(xi) - yi) ** 2 for xi, yi in points), 0) * (1 / len(points))
        loss.backward()
        for p in model.parameters():
            p.data -= LR * p.grad
        times.append(time.perf_counter() - start)
    return loss.data


def graph_micrograd():
    from micrograd.engine import Value

    leaves = [Value(value) for value in GRAPH_LEAVES]
    h, a, b = leaves[0], leaves[1:4], leaves[4:]
    for i in range(GRAPH_ROUNDS):
        h = (h * a[i % 3] + b[(i + 1) % 3]).relu() ** 2
    h.backward()
    return h.data, [leaf.grad for leaf in leaves]


# ---- measuring ----

def _libraries():
    """The torch-like rows that can run here: microtorch always (a failure is reported in its
    row), PyTorch when installed."""
    found, failures = {}, {}
    try:
        import microtorch
        import microtorch.nn  # noqa: F401
        import microtorch.optim  # noqa: F401

        found[MICROTORCH] = microtorch
    except Exception as exc:  # a broken row is reported in the table, not hidden
        failures[MICROTORCH] = exc
    try:
        import torch

        torch.set_num_threads(1)
        found[PYTORCH] = torch
    except ImportError:
        pass
    return found, failures


def measure(quick):
    """Rows take turns, round by round, so a change in machine load hits all of them alike."""
    x, y = make_data()
    weights = make_weights()
    steps, rounds = (5, 2) if quick else (100, 5)
    graph_rounds = 3 if quick else 30
    micrograd_steps = 1 if quick else 3
    libraries, failures = _libraries()

    def torchlike_mlp(lib):
        return lambda times: mlp_torchlike(lib, x, y, weights, steps, times)

    def torchlike_graph(lib):
        return lambda: graph_torchlike(lib)[0]

    mlp = {FLOOR: lambda times: mlp_numpy(x, y, weights, steps, times)}
    graph = {FLOOR: lambda: graph_numpy()[0]}
    for name, lib in libraries.items():
        mlp[name], graph[name] = torchlike_mlp(lib), torchlike_graph(lib)

    def attempt(name, work):
        try:
            return work()
        except Exception as exc:  # a broken row is reported in the table, not hidden
            failures[name] = exc
            mlp.pop(name, None), graph.pop(name, None)

    times = {key: [] for key in [("mlp", n) for n in mlp] + [("graph", n) for n in graph]}
    results = {}
    for _ in range(rounds):
        for name, train in list(mlp.items()):
            results["mlp", name] = attempt(name, lambda: train(times["mlp", name]))
    for _ in range(graph_rounds):
        for name, build in list(graph.items()):
            start = time.perf_counter()
            results["graph", name] = attempt(name, build)
            times["graph", name].append(time.perf_counter() - start)

    rows = {}  # (workload, row) -> (seconds per unit, final loss, note)
    for (workload, name), samples in times.items():
        if name in failures:
            continue
        note = "plain Python floats: per-scalar NumPy calls only add overhead" if (workload, name) == ("graph", FLOOR) else ""
        rows[workload, name] = (statistics.median(samples), results[workload, name], note)
    for name, exc in failures.items():
        for workload in ("mlp", "graph"):
            rows[workload, name] = (None, None, f"failed: {type(exc).__name__}: {exc}")

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10_000))  # micrograd's topo sort recurses
    samples = []
    loss = mlp_micrograd(x, y, weights, micrograd_steps, samples)
    rows["mlp", "micrograd"] = (statistics.median(samples), loss,
                                f"float64 scalars; only {micrograd_steps} step(s), so its loss is not comparable")
    samples = []
    for _ in range(graph_rounds):
        start = time.perf_counter()
        value, _ = graph_micrograd()
        samples.append(time.perf_counter() - start)
    rows["graph", "micrograd"] = (statistics.median(samples), value, "float64")
    return rows, steps


def print_table(rows, steps):
    units = {"mlp": "ms/step", "graph": "ms/graph"}
    print("| workload | implementation | median | x floor | x PyTorch | final loss | note |")
    print("|---|---|---|---|---|---|---|")
    for (workload, name), (seconds, loss, note) in sorted(rows.items(), key=lambda item: item[0][0] != "mlp"):
        floor = rows[workload, FLOOR][0]
        torch_seconds = rows.get((workload, PYTORCH), (None,))[0]
        ratio = lambda base: f"{seconds / base:.2f}" if seconds and base else "-"  # noqa: E731
        median = f"{seconds * 1e3:.4f} {units[workload]}" if seconds is not None else "-"
        shown_loss = f"{loss:.8f}" if loss is not None else "-"
        print(f"| {workload} | {name} | {median} | {ratio(floor)} | {ratio(torch_seconds)} | {shown_loss} | {note} |")
    print(f"\nmlp: {steps} SGD steps per run; graph: {GRAPH_ROUNDS * 4} ops, forward + backward per graph.")


def print_targets(rows):
    def get(workload, name):
        return rows.get((workload, name), (None, None, ""))

    mine_mlp, floor_mlp, torch_mlp = get("mlp", MICROTORCH), get("mlp", FLOOR), get("mlp", PYTORCH)
    mine_graph, torch_graph = get("graph", MICROTORCH), get("graph", PYTORCH)
    checks = [("mlp: microtorch <= 3x floor", mine_mlp[0], floor_mlp[0] and 3 * floor_mlp[0])]
    if torch_mlp[0] is not None:
        checks += [
            ("mlp: microtorch <= PyTorch", mine_mlp[0], torch_mlp[0]),
            ("graph: microtorch <= PyTorch", mine_graph[0], torch_graph[0]),
        ]
    print("\ntargets:")
    for label, value, limit in checks:
        verdict = "PASS" if value is not None and value <= limit else "FAIL"
        print(f"  {verdict}  {label}")
    reference = PYTORCH if torch_mlp[0] is not None else FLOOR
    for workload in ("mlp", "graph"):
        expected = get(workload, reference)[1]
        for name in (MICROTORCH, FLOOR):
            loss = get(workload, name)[1]
            ok = loss is not None and expected is not None and abs(loss - expected) <= LOSS_TOLERANCE
            print(f"  {'PASS' if ok else 'FAIL'}  {workload}: {name} final loss within {LOSS_TOLERANCE} of {reference}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a few steps and repeats: checks behaviour, not speed")
    args = parser.parse_args()
    rows, steps = measure(args.quick)
    print_table(rows, steps)
    print_targets(rows)


if __name__ == "__main__":
    main()
