"""The differentiable ops of torch.nn's new layers and losses (leaky_relu, gelu, dropout,
batch_norm, smooth_l1_loss, huber_loss, mse_loss) on random inputs: their gradients agree with
central finite differences in float64, and their values with PyTorch's where it is installed."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import microtorch

PROPERTY = settings(max_examples=15, deadline=None, derandomize=True)


def _dropout(lib, x):
    lib.manual_seed(0)   # the same mask at every evaluation
    return lib.nn.functional.dropout(x, 0.4)


def _batch_norm_eval(lib, x, w, b):
    running_mean = lib.tensor([0.5, -1.0, 2.0], dtype=lib.float64)
    running_var = lib.tensor([0.3, 1.0, 4.0], dtype=lib.float64)
    return lib.nn.functional.batch_norm(x, running_mean, running_var, w, b)


# name -> (function of the library and tensors, how many tensors). Inputs are (N, C) arrays;
# batch_norm's weight and bias have C values.
OPS = {
    "leaky_relu": (lambda lib, x: lib.nn.functional.leaky_relu(x, 0.2), 1),
    "gelu": (lambda lib, x: lib.nn.functional.gelu(x), 1),
    "gelu_tanh": (lambda lib, x: lib.nn.functional.gelu(x, approximate="tanh"), 1),
    "dropout": (_dropout, 1),
    "batch_norm_train": (lambda lib, x, w, b: lib.nn.functional.batch_norm(
        x, None, None, w, b, training=True), 3),
    "batch_norm_eval": (_batch_norm_eval, 3),
    "smooth_l1": (lambda lib, x, y: lib.nn.functional.smooth_l1_loss(
        x, y, beta=0.5, reduction="none"), 2),
    "smooth_l1_mean": (lambda lib, x, y: lib.nn.functional.smooth_l1_loss(x, y), 2),
    "huber": (lambda lib, x, y: lib.nn.functional.huber_loss(
        x, y, delta=0.7, reduction="none"), 2),
    "huber_sum": (lambda lib, x, y: lib.nn.functional.huber_loss(x, y, reduction="sum"), 2),
    "mse": (lambda lib, x, y: lib.nn.functional.mse_loss(x, y, reduction="none"), 2),
}
# Where each op has a kink (its derivative jumps), as a function of the inputs; finite
# differences are meaningless within a step of one.
KINKS = {
    "leaky_relu": lambda x: [x],
    "smooth_l1": lambda x, y: [np.abs(x - y) - 0.5],
    "smooth_l1_mean": lambda x, y: [np.abs(x - y) - 1.0],
    "huber": lambda x, y: [np.abs(x - y) - 0.7],
    "huber_sum": lambda x, y: [np.abs(x - y) - 1.0],
}

ELEMENTS = st.floats(-3, 3, allow_nan=False, width=64)


@st.composite
def inputs(draw, name):
    rows = draw(st.integers(2, 4))
    shapes = [(rows, 3)] + ([(3,), (3,)] if name.startswith("batch_norm") else [(rows, 3)])
    arrays = [draw(hnp.arrays(np.float64, shape, elements=ELEMENTS))
              for shape in shapes[:OPS[name][1]]]
    arrays[0] += 0.0123   # Hypothesis favours 0 and simple values: those are where the kinks are
    projection = draw(hnp.arrays(np.float64, (rows, 3), elements=st.floats(-1, 1, width=64)))
    return arrays, projection


def _objective(name, arrays, projection):
    """sum(op(inputs) * projection): a scalar whose gradient is the op's vector-Jacobian
    product with a random vector."""
    tensors = [microtorch.tensor(a, requires_grad=True) for a in arrays]
    out = OPS[name][0](microtorch, *tensors)
    weights = projection if out.ndim else np.asarray(projection.sum())
    return (out * microtorch.tensor(weights)).sum(), tensors


def _finite_difference(name, arrays, projection, index, step=1e-6):
    grad = np.zeros_like(arrays[index])
    for position in np.ndindex(arrays[index].shape):
        values = []
        for sign in (1, -1):
            moved = [a.copy() for a in arrays]
            moved[index][position] += sign * step
            values.append(_objective(name, moved, projection)[0].item())
        grad[position] = (values[0] - values[1]) / (2 * step)
    return grad


@pytest.mark.parametrize("name", sorted(OPS))
@PROPERTY
@given(data=st.data())
def test_gradients_match_finite_differences(name, data):
    arrays, projection = data.draw(inputs(name))
    if name in KINKS:
        assume(all(np.abs(k).min() > 1e-3 for k in KINKS[name](*arrays)))
    if name == "batch_norm_train":   # a near-constant channel makes 1/std explode
        assume(arrays[0].var(axis=0).min() > 0.1)
    loss, tensors = _objective(name, arrays, projection)
    loss.backward()
    for index, t in enumerate(tensors):
        expected = _finite_difference(name, arrays, projection, index)
        np.testing.assert_allclose(t.grad.numpy(), expected, rtol=1e-5, atol=1e-6,
                                   err_msg=f"{name}: gradient of input {index}")


@pytest.mark.parametrize("name", sorted(set(OPS) - {"dropout"}))   # dropout: different masks
@PROPERTY
@given(data=st.data())
def test_values_match_pytorch(name, data):
    torch = pytest.importorskip("torch")
    arrays, _ = data.draw(inputs(name))
    op = OPS[name][0]
    expected = op(torch, *[torch.tensor(a) for a in arrays])
    actual = op(microtorch, *[microtorch.tensor(a) for a in arrays])
    np.testing.assert_allclose(actual.numpy(), expected.numpy(), rtol=1e-12, atol=1e-12,
                               err_msg=name)
