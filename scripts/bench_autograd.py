"""How fast is microtorch's autograd? One table, measured in one run, against hand-written NumPy
backprop (the floor), PyTorch and micrograd, every row on one thread.

Workloads:
  mlp    a 2-16-16-1 ReLU MLP, MSE loss, 100 points, full-batch SGD (lr 0.05): ms per step
  graph  value and gradients of a 1000-op scalar expression over 7 leaves: ms per graph
  epoch  a 64-32-10 ReLU MLP, cross-entropy, 1,797 x 64 inputs (the digits lesson's shape),
         one epoch of SGD (lr 0.1) on shuffled mini-batches of 32 (torch rows: a DataLoader): ms per epoch
  tanh   a 10-layer tanh stack, width 64, batch 32, forward + backward of the mean square: ms per pass

Every row starts from the same data and initial weights (float32 except micrograd, which is
float64 and scalar-only), so final losses are comparable; in `epoch` each row shuffles with its
own generator, so there they agree only roughly.

    .venv/bin/python scripts/bench_autograd.py [--quick]
"""

from __future__ import annotations

import argparse
import functools
import os
import statistics
import sys
import time
from pathlib import Path

# Every row on one thread, as NumPy is in Pyodide and as PyTorch is told to be below. Left to
# itself, NumPy's BLAS keeps worker threads spinning after each matmul, and on a busy machine they
# take the CPU from the Python code between matmuls (microtorch's and PyTorch's rows ran 2x slower).
# It must be set before NumPy is imported.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

SIZES = (2, 16, 16, 1)
POINTS = 100
LR = 0.05
LOSS_TOLERANCE = 1e-5
FLOOR, PYTORCH, MICROTORCH = "numpy (hand-written)", "pytorch (1 thread)", "microtorch"
WORKLOADS = {"mlp": "ms/step", "graph": "ms/graph", "epoch": "ms/epoch", "tanh": "ms/pass"}   # in table order


# ---- data and initial weights, shared by every row ----

def make_data():
    rng = np.random.default_rng(0)
    x = rng.uniform(-1, 1, size=(POINTS, 2)).astype(np.float32)
    y = (np.sin(2 * x[:, :1]) + x[:, 1:] ** 2).astype(np.float32)
    return x, y


def make_weights(sizes=SIZES, seed=1):
    """PyTorch's Linear initialisation, drawn from NumPy so every row gets the same numbers; keys
    as in a Sequential alternating Linear layers and activations."""
    rng = np.random.default_rng(seed)
    weights = {}
    for layer, (fan_in, fan_out) in enumerate(zip(sizes, sizes[1:])):
        bound = 1 / np.sqrt(fan_in)
        weights[f"{2 * layer}.weight"] = rng.uniform(-bound, bound, (fan_out, fan_in)).astype(np.float32)
        weights[f"{2 * layer}.bias"] = rng.uniform(-bound, bound, fan_out).astype(np.float32)
    return weights


EPOCH_SIZES = (64, 32, 10)
EPOCH_ROWS, BATCH, EPOCH_LR = 1797, 32, 0.1
TANH_SIZES = (64,) * 11
EPOCH_LOSS_TOLERANCE = 0.05   # different shuffles, same data: the losses after one epoch differ a little


def make_epoch_data():
    """Random inputs of the digits' shape, labelled by a random linear teacher so that one epoch
    visibly lowers the loss (a broken gradient would not)."""
    rng = np.random.default_rng(2)
    x = rng.standard_normal((EPOCH_ROWS, EPOCH_SIZES[0])).astype(np.float32)
    y = (x @ rng.standard_normal((EPOCH_SIZES[0], EPOCH_SIZES[-1]))).argmax(1).astype(np.int64)   # int32 on wasm32
    return x, y


def make_tanh_input():
    return np.random.default_rng(3).standard_normal((BATCH, TANH_SIZES[0])).astype(np.float32)


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


def _cross_entropy_numpy(logits, y):
    """Mean cross-entropy and its gradient with respect to the logits."""
    shifted = logits - logits.max(1, keepdims=True)
    exp = np.exp(shifted)
    total = exp.sum(1, keepdims=True)
    rows = np.arange(len(y))
    loss = (np.log(total[:, 0]) - shifted[rows, y]).mean()
    grad = exp / total
    grad[rows, y] -= 1
    return loss, grad * np.float32(1 / len(y))


def epoch_numpy(x, y, weights, epochs, times):
    w = [weights[f"{2 * i}.weight"].copy() for i in range(2)]
    b = [weights[f"{2 * i}.bias"].copy() for i in range(2)]
    rng = np.random.default_rng(4)
    lr = np.float32(EPOCH_LR)
    for _ in range(epochs):
        start = time.perf_counter()
        order = rng.permutation(len(x))
        for first in range(0, len(x), BATCH):
            rows = order[first:first + BATCH]
            xb, yb = x[rows], y[rows]
            z1 = xb @ w[0].T + b[0]
            h1 = np.maximum(z1, 0)
            _, d_out = _cross_entropy_numpy(h1 @ w[1].T + b[1], yb)
            d_z1 = (d_out @ w[1]) * (z1 > 0)
            for param, grad in ((w[1], d_out.T @ h1), (b[1], d_out.sum(0)),
                                (w[0], d_z1.T @ xb), (b[0], d_z1.sum(0))):
                param -= lr * grad
        times.append(time.perf_counter() - start)
    return float(_cross_entropy_numpy(np.maximum(x @ w[0].T + b[0], 0) @ w[1].T + b[1], y)[0])


def tanh_numpy(x, weights, passes, times):
    w = [weights[f"{2 * i}.weight"] for i in range(len(TANH_SIZES) - 1)]
    b = [weights[f"{2 * i}.bias"] for i in range(len(TANH_SIZES) - 1)]
    for _ in range(passes):
        start = time.perf_counter()
        hs = [x]
        for wi, bi in zip(w, b):
            hs.append(np.tanh(hs[-1] @ wi.T + bi))
        loss = (hs[-1] * hs[-1]).mean()
        grad = hs[-1] * np.float32(2 / hs[-1].size)
        grads = []
        for i in reversed(range(len(w))):
            d_z = grad * (1 - hs[i + 1] * hs[i + 1])
            grads += [d_z.T @ hs[i], d_z.sum(0)]
            grad = d_z @ w[i]
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


def epoch_torchlike(lib, x, y, weights, epochs, times):
    nn, data = lib.nn, lib.utils.data
    model = nn.Sequential(nn.Linear(*EPOCH_SIZES[:2]), nn.ReLU(), nn.Linear(*EPOCH_SIZES[1:]))
    model.load_state_dict({name: lib.tensor(value) for name, value in weights.items()})
    inputs, targets = lib.tensor(x), lib.tensor(y)
    loader = data.DataLoader(data.TensorDataset(inputs, targets), batch_size=BATCH, shuffle=True)
    optimizer = lib.optim.SGD(model.parameters(), lr=EPOCH_LR)
    loss_fn = nn.CrossEntropyLoss()
    lib.manual_seed(4)
    for _ in range(epochs):
        start = time.perf_counter()
        for xb, yb in loader:
            optimizer.zero_grad()
            loss_fn(model(xb), yb).backward()
            optimizer.step()
        times.append(time.perf_counter() - start)
    with lib.no_grad():
        return loss_fn(model(inputs), targets).item()


def tanh_torchlike(lib, x, weights, passes, times):
    nn = lib.nn
    layers = []
    for fan_in, fan_out in zip(TANH_SIZES, TANH_SIZES[1:]):
        layers += [nn.Linear(fan_in, fan_out), nn.Tanh()]
    model = nn.Sequential(*layers)
    model.load_state_dict({name: lib.tensor(value) for name, value in weights.items()})
    inputs = lib.tensor(x)
    for _ in range(passes):
        start = time.perf_counter()
        model.zero_grad()
        loss = (model(inputs) ** 2).mean()
        loss.backward()
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
        import microtorch.utils.data  # noqa: F401

        found[MICROTORCH] = microtorch
    except Exception as exc:  # a broken row is reported in the table, not hidden
        failures[MICROTORCH] = exc
    try:
        import torch
        import torch.utils.data  # noqa: F401

        torch.set_num_threads(1)
        found[PYTORCH] = torch
    except ImportError:
        pass
    return found, failures


def measure(quick):
    """Rows take turns, round by round, so a change in machine load hits all of them alike."""
    x, y = make_data()
    weights = make_weights()
    epoch_x, epoch_y = make_epoch_data()
    epoch_weights = make_weights(EPOCH_SIZES, seed=5)
    tanh_x, tanh_weights = make_tanh_input(), make_weights(TANH_SIZES, seed=6)
    steps, rounds = (5, 2) if quick else (100, 5)
    epochs, passes = (1, 5) if quick else (2, 100)
    graph_rounds = 3 if quick else 30
    micrograd_steps = 1 if quick else 3
    libraries, failures = _libraries()

    # workload -> row -> a run that appends one time per unit (step, epoch, pass) and returns the loss
    stepped = {
        "mlp": {FLOOR: lambda times: mlp_numpy(x, y, weights, steps, times)},
        "epoch": {FLOOR: lambda times: epoch_numpy(epoch_x, epoch_y, epoch_weights, epochs, times)},
        "tanh": {FLOOR: lambda times: tanh_numpy(tanh_x, tanh_weights, passes, times)},
    }
    graph = {FLOOR: lambda: graph_numpy()[0]}
    for name, lib in libraries.items():
        stepped["mlp"][name] = functools.partial(mlp_torchlike, lib, x, y, weights, steps)
        stepped["epoch"][name] = functools.partial(epoch_torchlike, lib, epoch_x, epoch_y, epoch_weights, epochs)
        stepped["tanh"][name] = functools.partial(tanh_torchlike, lib, tanh_x, tanh_weights, passes)
        graph[name] = functools.partial(lambda lib: graph_torchlike(lib)[0], lib)

    def attempt(name, work):
        try:
            return work()
        except Exception as exc:  # a broken row is reported in the table, not hidden
            failures[name] = exc
            for rows in [*stepped.values(), graph]:
                rows.pop(name, None)

    times = {(workload, name): [] for workload, rows in [*stepped.items(), ("graph", graph)] for name in rows}
    results = {}
    for _ in range(rounds):
        for workload, rows in stepped.items():
            for name, train in list(rows.items()):
                results[workload, name] = attempt(name, lambda: train(times[workload, name]))
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
        for workload in WORKLOADS:
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
    print("| workload | implementation | median | x floor | x PyTorch | final loss | note |")
    print("|---|---|---|---|---|---|---|")
    for (workload, name), (seconds, loss, note) in sorted(rows.items(), key=lambda item: list(WORKLOADS).index(item[0][0])):
        floor = rows[workload, FLOOR][0]
        torch_seconds = rows.get((workload, PYTORCH), (None,))[0]
        ratio = lambda base: f"{seconds / base:.2f}" if seconds and base else "-"  # noqa: E731
        median = f"{seconds * 1e3:.4f} {WORKLOADS[workload]}" if seconds is not None else "-"
        shown_loss = f"{loss:.8f}" if loss is not None else "-"
        print(f"| {workload} | {name} | {median} | {ratio(floor)} | {ratio(torch_seconds)} | {shown_loss} | {note} |")
    print(f"\nmlp: {steps} SGD steps per run; graph: {GRAPH_ROUNDS * 4} ops, forward + backward per graph; "
          f"epoch: {-(-EPOCH_ROWS // BATCH)} mini-batches; tanh: {len(TANH_SIZES) - 1} layers.")


def print_targets(rows):
    def get(workload, name):
        return rows.get((workload, name), (None, None, ""))

    has_torch = get("mlp", PYTORCH)[0] is not None
    checks = []
    for workload in ("mlp", "epoch", "tanh"):
        floor = get(workload, FLOOR)[0]
        checks.append((f"{workload}: microtorch <= 3x floor", get(workload, MICROTORCH)[0], floor and 3 * floor))
    if has_torch:
        checks += [(f"{workload}: microtorch <= PyTorch", get(workload, MICROTORCH)[0], get(workload, PYTORCH)[0])
                   for workload in ("mlp", "graph", "epoch", "tanh")]
    print("\ntargets:")
    for label, value, limit in checks:
        verdict = "PASS" if value is not None and limit is not None and value <= limit else "FAIL"
        print(f"  {verdict}  {label}")
    reference = PYTORCH if has_torch else FLOOR
    for workload, tolerance in (("mlp", LOSS_TOLERANCE), ("graph", LOSS_TOLERANCE),
                                ("epoch", EPOCH_LOSS_TOLERANCE), ("tanh", LOSS_TOLERANCE)):
        expected = get(workload, reference)[1]
        for name in (MICROTORCH, FLOOR):
            loss = get(workload, name)[1]
            ok = loss is not None and expected is not None and abs(loss - expected) <= tolerance
            print(f"  {'PASS' if ok else 'FAIL'}  {workload}: {name} final loss within {tolerance} of {reference}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a few steps and repeats: checks behaviour, not speed")
    args = parser.parse_args()
    rows, steps = measure(args.quick)
    print_table(rows, steps)
    print_targets(rows)


if __name__ == "__main__":
    main()
