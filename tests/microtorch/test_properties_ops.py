"""Every differentiable op of issue 11 against finite differences: for random float64 inputs and
a random weighting w of the output, backward's gradient of sum(w * op(inputs)) must match the
central difference of that sum, input element by input element."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import microtorch as torch
import microtorch.nn.functional as F

PROPERTY = settings(max_examples=15, deadline=None, derandomize=True)
EPS = 1e-6


def _leaf(a):
    return torch.tensor(a, dtype=torch.float64, requires_grad=True)


def _weighted(f, arrays, w):
    with torch.no_grad():
        return float((f(*[torch.tensor(a, dtype=torch.float64) for a in arrays]) * w).sum())


def assert_gradients_match(f, *arrays, rng):
    leaves = [_leaf(a) for a in arrays]
    out = f(*leaves)
    w = torch.tensor(rng.normal(size=tuple(out.shape)), dtype=torch.float64)
    (out * w).sum().backward()
    for k, a in enumerate(arrays):
        numeric = np.zeros_like(a)
        for i in np.ndindex(a.shape):
            up, down = [x.copy() for x in arrays], [x.copy() for x in arrays]
            up[k][i] += EPS
            down[k][i] -= EPS
            numeric[i] = (_weighted(f, up, w) - _weighted(f, down, w)) / (2 * EPS)
        np.testing.assert_allclose(leaves[k].grad.numpy(), numeric, rtol=1e-5, atol=1e-6,
                                   err_msg=f"gradient of input {k}")


def _away_from_integers(rng, shape):
    """Quotients a / b with a fractional part in [0.2, 0.8]: %, // and fmod are smooth there."""
    b = rng.uniform(1, 3, shape) * rng.choice([-1, 1], shape)
    a = b * (rng.integers(-3, 3, shape) + rng.uniform(0.2, 0.8, shape))
    return a, b


def _with_a_zero(rng, shape):
    a = rng.normal(size=shape)
    a.flat[rng.integers(a.size)] = 0
    return a


INDEX = torch.tensor([[2, 0, 0], [1, 1, 3]])
MASK = torch.tensor([[True, False, True, False], [False, False, True, True]])

# name -> (op, function drawing its inputs from a NumPy generator)
OPS = {
    "sin": (lambda x: x.sin(), lambda r: [r.normal(size=(2, 3))]),
    "cos": (lambda x: torch.cos(x), lambda r: [r.normal(size=(2, 3))]),
    "tan": (lambda x: x.tan(), lambda r: [r.uniform(-1.2, 1.2, (4,))]),
    "log1p": (lambda x: x.log1p(), lambda r: [r.uniform(-0.5, 3, (4,))]),
    "expm1": (lambda x: x.expm1(), lambda r: [r.normal(size=(4,))]),
    "square": (lambda x: x.square(), lambda r: [r.normal(size=(4,))]),
    "remainder": (lambda a, b: a % b, lambda r: list(_away_from_integers(r, (2, 3)))),
    "remainder-number": (lambda a: a % 1.5,
                         lambda r: [1.5 * (r.integers(-3, 3, 4) + r.uniform(0.2, 0.8, 4))]),
    "fmod": (lambda a, b: torch.fmod(a, b), lambda r: list(_away_from_integers(r, (2, 3)))),
    "maximum": (lambda a, b: torch.maximum(a, b), lambda r: [r.normal(size=(2, 3)),
                                                            r.normal(size=(3,))]),
    "min-elementwise": (lambda a, b: torch.min(a, b), lambda r: [r.normal(size=(2, 3)),
                                                                r.normal(size=(2, 1))]),
    "clamp-tensors": (lambda x, lo, hi: x.clamp(lo, hi),
                      lambda r: [r.normal(size=(2, 3)), r.normal(size=(3,)) - 1,
                                 r.normal(size=(2, 1)) + 1]),
    "prod": (lambda x: x.prod(), lambda r: [r.normal(size=(2, 3))]),
    "prod-one-zero": (lambda x: x.prod(1), lambda r: [_with_a_zero(r, (2, 3))]),
    "prod-keepdim": (lambda x: x.prod(0, keepdim=True), lambda r: [r.normal(size=(2, 3))]),
    "cumsum": (lambda x: x.cumsum(1), lambda r: [r.normal(size=(2, 3))]),
    "cumprod": (lambda x: x.cumprod(0), lambda r: [r.normal(size=(3, 2))]),
    "cumprod-with-zero": (lambda x: x.cumprod(-1), lambda r: [_with_a_zero(r, (2, 4))]),
    "var": (lambda x: x.var(), lambda r: [r.normal(size=(2, 3))]),
    "var-dim-correction": (lambda x: x.var(1, correction=0, keepdim=True),
                           lambda r: [r.normal(size=(2, 3))]),
    "std": (lambda x: x.std(dim=0), lambda r: [r.normal(size=(3, 2))]),
    "std-unbiased-false": (lambda x: x.std(unbiased=False), lambda r: [r.normal(size=(4,))]),
    "norm": (lambda x: x.norm(), lambda r: [r.normal(size=(2, 3))]),
    "norm-dim": (lambda x: x.norm(dim=1, keepdim=True), lambda r: [r.normal(size=(2, 3))]),
    "norm-1": (lambda x: x.norm(p=1), lambda r: [r.normal(size=(5,))]),
    "norm-3": (lambda x: x.norm(p=3, dim=0), lambda r: [r.normal(size=(3, 2))]),
    "norm-inf": (lambda x: x.norm(p=float("inf"), dim=1), lambda r: [r.normal(size=(2, 4))]),
    "vector-norm": (lambda x: torch.linalg.vector_norm(x, ord=2, dim=(0, 1)),
                    lambda r: [r.normal(size=(2, 3))]),
    "sort": (lambda x: x.sort(descending=True).values, lambda r: [r.normal(size=(2, 4))]),
    "topk": (lambda x: x.topk(2, dim=0).values, lambda r: [r.normal(size=(4, 3))]),
    "gather": (lambda x: x.gather(1, INDEX), lambda r: [r.normal(size=(2, 4))]),
    "scatter-src": (lambda x, s: x.scatter(1, torch.tensor([[2, 0], [1, 3]]), s),
                    lambda r: [r.normal(size=(2, 4)), r.normal(size=(2, 3))]),
    "scatter-value": (lambda x: x.scatter(0, torch.tensor([[1, 0]]), 2.),
                      lambda r: [r.normal(size=(2, 2))]),
    "masked-fill": (lambda x: x.masked_fill(MASK, 0.5), lambda r: [r.normal(size=(2, 4))]),
    "masked-fill-tensor": (lambda x, v: x.masked_fill(MASK, v),
                           lambda r: [r.normal(size=(4,)), np.array(r.normal())]),
    "dot": (lambda a, b: torch.dot(a, b), lambda r: [r.normal(size=(3,)), r.normal(size=(3,))]),
    "bmm": (lambda a, b: torch.bmm(a, b), lambda r: [r.normal(size=(2, 2, 3)),
                                                    r.normal(size=(2, 3, 2))]),
    "repeat": (lambda x: x.repeat(2, 1, 3), lambda r: [r.normal(size=(2, 2))]),
    "expand": (lambda x: x.expand(2, 3, -1), lambda r: [r.normal(size=(3, 1))]),
    "expand-as": (lambda x: x.expand_as(torch.ones(2, 3)), lambda r: [r.normal(size=(3,))]),
    "flip": (lambda x: x.flip(0, 1), lambda r: [r.normal(size=(2, 3))]),
    "split": (lambda x: x.split([1, 3], dim=1)[1] * 2 + x.split(2, dim=1)[0].sum(),
              lambda r: [r.normal(size=(2, 4))]),
    "chunk": (lambda x: x.chunk(2)[1] - x.chunk(2)[0], lambda r: [r.normal(size=(4, 2))]),
    "diag-embed": (lambda x: torch.diag(x, -1), lambda r: [r.normal(size=(3,))]),
    "diag-of-matrix": (lambda x: x.diag(1), lambda r: [r.normal(size=(3, 4))]),
}
EINSUM = {
    "ij,jk->ik": [(2, 3), (3, 2)], "bij,bjk->bik": [(2, 2, 3), (2, 3, 2)], "i,i->": [(3,), (3,)],
    "ij,j->i": [(2, 3), (3,)], "ij->ji": [(2, 3)], "ii->i": [(3, 3)], "i,j->ij": [(2,), (3,)],
    "bi,bi->b": [(2, 3), (2, 3)],
}
for _equation, _shapes in EINSUM.items():
    OPS[f"einsum {_equation}"] = (
        lambda *ts, eq=_equation: torch.einsum(eq, *ts),
        lambda r, shapes=_shapes: [r.normal(size=s) for s in shapes])


@pytest.mark.parametrize("name", sorted(OPS))
@PROPERTY
@given(seed=st.integers(0, 2**32 - 1))
def test_gradient_matches_finite_differences(name, seed):
    op, inputs = OPS[name]
    rng = np.random.default_rng(seed)
    assert_gradients_match(op, *inputs(rng), rng=rng)


def test_the_check_catches_a_wrong_gradient():
    """A backward rule that is off by a factor must fail the check (the test can fail)."""
    rng = np.random.default_rng(0)
    with pytest.raises(AssertionError):
        assert_gradients_match(lambda x: x.sin() if torch.is_grad_enabled() else x.sin() * 1.01,
                               rng.normal(size=(3,)), rng=rng)


def test_one_hot_and_argsort_stay_out_of_the_graph():
    x = _leaf(np.array([0.3, -1.0, 2.0]))
    assert not x.argsort().requires_grad and x.argsort().dtype == torch.int64
    assert F.one_hot(x.argsort()).dtype == torch.int64
