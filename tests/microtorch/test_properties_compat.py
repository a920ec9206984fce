"""Gradients of the ops the compat room added, against central finite differences (float64).

round is a step function: away from its jumps a small change of the input changes nothing, so
its gradient is 0 wherever the finite difference is defined. The cross-entropy with probability
targets changed its last nodes (DivBackward1/NegBackward0); its gradient must not change."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import microtorch
import microtorch.nn.functional as F

PROPERTY = settings(max_examples=40, deadline=None, derandomize=True)
H = 1e-6


def _finite_differences(f, x):
    grad = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        up, down = x.copy(), x.copy()
        up[i] += H
        down[i] -= H
        grad[i] = (f(up) - f(down)) / (2 * H)
    return grad


def _gradient(f, x):
    leaf = microtorch.tensor(x, requires_grad=True)
    f(leaf).backward()
    return leaf.grad.numpy()


def _value(f):
    return lambda x: f(microtorch.tensor(x)).item()


VALUES = hnp.arrays(np.float64, st.integers(1, 5), elements=st.floats(-50, 50))


@PROPERTY
@given(VALUES, st.sampled_from([0, 1, 2, -1]))
def test_round_gradient_is_finite_differences(x, decimals):
    scale = 10.0 ** decimals
    # keep clear of the jumps (halfway points), where no finite difference exists
    x = np.floor(x * scale) / scale + 0.25 / scale
    f = lambda t: (t.round(decimals=decimals) * t.round(decimals=decimals)).sum()  # noqa: E731
    assert np.allclose(_gradient(f, x), _finite_differences(_value(f), x), atol=1e-6)


@PROPERTY
@given(hnp.arrays(np.float64, (3, 4), elements=st.floats(-3, 3)),
       hnp.arrays(np.float64, (3, 4), elements=st.floats(0.01, 1)),
       st.sampled_from(["mean", "sum"]))
def test_cross_entropy_with_probabilities_gradient(x, p, reduction):
    target = microtorch.tensor(p / p.sum(1, keepdims=True))
    f = lambda t: F.cross_entropy(t, target, reduction=reduction)  # noqa: E731
    assert np.allclose(_gradient(f, x), _finite_differences(_value(f), x), atol=1e-6)


def test_round_of_floats_keeps_the_graph_with_a_zero_gradient():
    x = microtorch.tensor([0.4, 2.6], requires_grad=True)
    y = x.round()
    assert y.grad_fn is not None
    (y * x).sum().backward()
    assert x.grad.tolist() == [0.0, 3.0]
