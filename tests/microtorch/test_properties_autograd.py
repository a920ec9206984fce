"""Properties of the autograd additions: custom Functions, gradcheck, jacobian/vjp, and in-place
ops on tensors in a graph. Gradients are checked against finite differences computed here with
NumPy (independent of microtorch), and against PyTorch where it is installed."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import microtorch
from microtorch.autograd.gradcheck import GradcheckError

PROPERTY = settings(max_examples=40, deadline=None, derandomize=True)
VALUES = st.floats(-2, 2, allow_nan=False, width=64)


def vectors(size=st.integers(1, 4)):
    return size.flatmap(lambda n: hnp.arrays(np.float64, n, elements=VALUES))


def finite_differences(f, x, eps=1e-6):
    """d f(x).ravel() / d x.ravel() by central differences, one row per output element."""
    x = np.array(x, dtype=np.float64)
    out = np.asarray(f(x), dtype=np.float64).ravel()
    jac = np.zeros((out.size, x.size))
    for k in range(x.size):
        up, down = x.copy().ravel(), x.copy().ravel()
        up[k] += eps
        down[k] -= eps
        jac[:, k] = (np.asarray(f(up.reshape(x.shape))).ravel()
                     - np.asarray(f(down.reshape(x.shape))).ravel()) / (2 * eps)
    return jac


class Cube(microtorch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x ** 3

    @staticmethod
    def backward(ctx, grad):
        (x,) = ctx.saved_tensors
        return grad * 3 * x ** 2


class SoftPlusAndSquare(microtorch.autograd.Function):
    """Two outputs, a non-tensor argument and ctx attributes."""

    @staticmethod
    def forward(ctx, x, scale):
        ctx.save_for_backward(x)
        ctx.scale = scale
        return (1 + x.exp()).log() * scale, x * x

    @staticmethod
    def backward(ctx, g_soft, g_square):
        (x,) = ctx.saved_tensors
        return g_soft * ctx.scale * x.sigmoid() + g_square * 2 * x, None


@PROPERTY
@given(vectors())
def test_custom_function_gradient_matches_finite_differences(x):
    t = microtorch.tensor(x, requires_grad=True)
    Cube.apply(t).sum().backward()
    expected = finite_differences(lambda a: (a ** 3).sum(), x)[0]
    np.testing.assert_allclose(t.grad.numpy(), expected, rtol=1e-5, atol=1e-6)


@PROPERTY
@given(vectors(), st.floats(0.5, 2), hnp.arrays(np.float64, 2, elements=VALUES))
def test_two_output_function_gradient_matches_finite_differences(x, scale, weights):
    t = microtorch.tensor(x, requires_grad=True)
    soft, square = SoftPlusAndSquare.apply(t, scale)
    (soft.sum() * weights[0] + square.sum() * weights[1]).backward()

    def f(a):
        return (np.log1p(np.exp(a)) * scale).sum() * weights[0] + (a * a).sum() * weights[1]
    np.testing.assert_allclose(t.grad.numpy(), finite_differences(f, x)[0], rtol=1e-5, atol=1e-5)


FUNCTIONS = {
    "cube-function": lambda t: Cube.apply(t),
    "tanh-exp": lambda t: (t.tanh() * 2).exp(),
    "softmax": lambda t: t.softmax(0) * t,
    "outer": lambda t: (t.unsqueeze(1) * t.unsqueeze(0)).sum(0),
    "two-outputs": lambda t: SoftPlusAndSquare.apply(t, 1.5),
}


@PROPERTY
@given(vectors(), st.sampled_from(sorted(FUNCTIONS)))
def test_gradcheck_passes_and_agrees_with_jacobian(x, name):
    f = FUNCTIONS[name]
    t = microtorch.tensor(x, requires_grad=True)
    assert microtorch.autograd.gradcheck(f, (t,))
    jac = microtorch.autograd.functional.jacobian(f, t)
    first = (jac[0] if isinstance(jac, tuple) else jac).numpy().reshape(-1, x.size)

    def numeric(a):
        out = f(microtorch.tensor(a))
        return (out[0] if isinstance(out, tuple) else out).numpy()
    np.testing.assert_allclose(first, finite_differences(numeric, x), rtol=1e-5, atol=1e-6)


@PROPERTY
@given(vectors(), st.floats(1.5, 4))
def test_gradcheck_rejects_a_wrong_backward(x, factor):
    class Wrong(microtorch.autograd.Function):
        @staticmethod
        def forward(ctx, t):
            return t * 2

        @staticmethod
        def backward(ctx, grad):
            return grad * 2 * factor

    t = microtorch.tensor(x, requires_grad=True)
    assert microtorch.autograd.gradcheck(Wrong.apply, (t,), raise_exception=False) is False
    with pytest.raises(GradcheckError, match="^Jacobian mismatch"):
        microtorch.autograd.gradcheck(Wrong.apply, (t,))


@PROPERTY
@given(vectors(), vectors(st.just(3)))
def test_vjp_is_v_times_jacobian(x, v3):
    f = FUNCTIONS["outer"]
    v = v3[:x.size] if x.size <= 3 else np.resize(v3, x.size)
    out, g = microtorch.autograd.functional.vjp(f, microtorch.tensor(x), microtorch.tensor(v))
    jac = microtorch.autograd.functional.jacobian(f, microtorch.tensor(x)).numpy()
    np.testing.assert_allclose(g.numpy(), v @ jac, rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(out.numpy(), f(microtorch.tensor(x)).numpy())


# In-place programs: each step changes y (a non-leaf, or a view of it) in place; the gradient
# of the result must be PyTorch's.
INPLACE = {
    "add": lambda lib, y, x: y.add_(x),
    "add-alpha": lambda lib, y, x: y.add_(x, alpha=0.5),
    "sub-scalar": lambda lib, y, x: y.sub_(1.5),
    "mul": lambda lib, y, x: y.mul_(x),
    "mul-scalar": lambda lib, y, x: y.mul_(-2.0),
    "div": lambda lib, y, x: y.div_(x * x + 1),
    "relu": lambda lib, y, x: y.relu_(),
    "tanh": lambda lib, y, x: y.tanh_(),
    "sigmoid": lambda lib, y, x: y.sigmoid_(),
    "neg": lambda lib, y, x: y.neg_(),
    "square": lambda lib, y, x: y.pow_(2),
    "clamp": lambda lib, y, x: y.clamp_(-1, 1),
    "iadd": lambda lib, y, x: y.__iadd__(x * 3),
    "imul": lambda lib, y, x: y.__imul__(x),
    "setitem-scalar": lambda lib, y, x: y.__setitem__(0, 0.5),
    "setitem-tensor": lambda lib, y, x: y.__setitem__(slice(1, None), x[:-1] * 2),
    "setitem-mask": lambda lib, y, x: y.__setitem__(y > 0, 0.0),
    "view-mul": lambda lib, y, x: y[:1].mul_(3),
    "view-add": lambda lib, y, x: y[-1:].add_(x[:1]),
    "copy": lambda lib, y, x: y.copy_(x * x),
    "fill-tensor": lambda lib, y, x: y.fill_(x[0]),
    "exp-out-of-place": lambda lib, y, x: y.exp(),
}


def run_inplace(lib, x, steps):
    """(values, gradient, version) of the program, or PyTorch's error (a saved value changed)."""
    leaf = lib.tensor(x, requires_grad=True)
    y = leaf * 1
    for step in steps:
        out = INPLACE[step](lib, y, leaf)
        if step == "exp-out-of-place":
            y = out
    try:
        (y * lib.arange(1, y.shape[0] + 1, dtype=lib.float64)).sum().backward()
    except RuntimeError as e:
        return str(e)
    return y.detach().numpy(), leaf.grad.numpy(), y._version


def assert_same_outcome(mine, theirs):
    """The same error text, or the same arrays."""
    if isinstance(theirs, str):
        assert mine == theirs
        return
    for a, b in zip(mine, theirs):
        np.testing.assert_allclose(a, b, rtol=1e-12, atol=1e-12)


@PROPERTY
@given(hnp.arrays(np.float64, st.integers(2, 4), elements=VALUES),
       st.lists(st.sampled_from(sorted(INPLACE)), min_size=1, max_size=5))
def test_inplace_programs_match_pytorch(x, steps):
    torch = pytest.importorskip("torch")
    assert_same_outcome(run_inplace(microtorch, x, steps), run_inplace(torch, x, steps))


@PROPERTY
@given(hnp.arrays(np.float64, st.integers(2, 4), elements=VALUES),
       st.lists(st.sampled_from(sorted(INPLACE)), min_size=1, max_size=5))
def test_inplace_gradients_match_finite_differences(x, steps):
    outcome = run_inplace(microtorch, x, steps)
    if isinstance(outcome, str):   # PyTorch's error too: test_inplace_programs_match_pytorch
        return
    grad = outcome[1]

    def values(a):
        return run_inplace(microtorch, a, steps)[0] @ np.arange(1, a.size + 1)
    # relu, clamp and the mask have kinks: where the slopes left and right of x differ, x is
    # at (or next to) one, and no single gradient is right
    step = np.eye(x.size) * 1e-4
    left = [(values(x) - values(x - d)) / 1e-4 for d in step]
    right = [(values(x + d) - values(x)) / 1e-4 for d in step]
    if not np.allclose(left, right, atol=1e-2):
        return
    np.testing.assert_allclose(grad, finite_differences(values, x)[0], rtol=1e-5, atol=1e-5)


# Views of a matrix changed in place: transposed, reshaped, sliced, a 0-d element.
MATRIX_INPLACE = {
    "transposed-row": lambda y, x: y.t()[1].mul_(x[0, 0]),
    "column-block": lambda y, x: y[:, 1:].add_(x[:, :2]),
    "flat-element": lambda y, x: y.view(-1).__setitem__(4, x[1, 2] * 3),
    "element-0d": lambda y, x: y[1, 1].mul_(-2.0),
    "row-relu": lambda y, x: y[0].relu_(),
    "whole-clamp": lambda y, x: y.clamp_(-1.5, 1.5),
    "column-setitem": lambda y, x: y.__setitem__((slice(None), 0), x[:, 2]),
    "mask-setitem": lambda y, x: y.__setitem__(y < 0, 0.5),
    "sigmoid-then-row": lambda y, x: y.sigmoid(),
}


def run_matrix(lib, x, steps):
    leaf = lib.tensor(x, requires_grad=True)
    y = leaf * 1
    row = y[1]   # a view made before the changes: its graph must follow them
    for step in steps:
        out = MATRIX_INPLACE[step](y, leaf)
        if step == "sigmoid-then-row":
            y = out
    weights = lib.arange(1, 7, dtype=lib.float64).reshape(2, 3)
    try:
        ((y * weights).sum() + (row * 10).sum()).backward()
    except RuntimeError as e:
        return str(e)
    return y.detach().numpy(), leaf.grad.numpy()


@PROPERTY
@given(hnp.arrays(np.float64, (2, 3), elements=VALUES),
       st.lists(st.sampled_from(sorted(MATRIX_INPLACE)), min_size=1, max_size=4))
def test_inplace_on_views_of_a_matrix_match_pytorch(x, steps):
    torch = pytest.importorskip("torch")
    assert_same_outcome(run_matrix(microtorch, x, steps), run_matrix(torch, x, steps))
