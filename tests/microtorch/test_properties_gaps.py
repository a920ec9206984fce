"""The differentiable ops added for the corpus's gaps (triu/tril, trace, outer, logsumexp, atan2,
roll, repeat_interleave, meshgrid, scatter_add, index_add and their in-place forms) against
central finite differences in float64, as in test_properties_ops."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import microtorch as torch
from tests.microtorch.test_properties_ops import assert_gradients_match

PROPERTY = settings(max_examples=15, deadline=None, derandomize=True)
SCATTER = torch.tensor([[2, 0, 0], [1, 1, 0]])
PICK = torch.tensor([3, 0, 3, 1])


def _in_place(name, *args):
    def op(x, src):
        y = x * 1   # a non-leaf, so it may change in place inside the graph
        getattr(y, name)(*args, src)
        return y
    return op


# name -> (op, function drawing its inputs from a NumPy generator)
OPS = {
    "triu": (lambda x: x.triu(1), lambda r: [r.normal(size=(3, 4))]),
    "tril": (lambda x: torch.tril(x, -1), lambda r: [r.normal(size=(2, 3, 3))]),
    "trace": (lambda x: x.trace(), lambda r: [r.normal(size=(3, 4))]),
    "outer": (lambda a, b: torch.outer(a, b), lambda r: [r.normal(size=3), r.normal(size=2)]),
    "logsumexp": (lambda x: x.logsumexp(1), lambda r: [r.normal(size=(2, 3))]),
    "logsumexp-dims": (lambda x: torch.logsumexp(x, (0, 2), keepdim=True),
                       lambda r: [r.normal(size=(2, 3, 2))]),
    "atan2": (lambda a, b: torch.atan2(a, b), lambda r: [r.normal(size=(2, 3)),
                                                        r.uniform(0.5, 2, (3,))]),
    "roll": (lambda x: x.roll((1, -2), (0, 1)), lambda r: [r.normal(size=(2, 3))]),
    "roll-flat": (lambda x: x.roll(2), lambda r: [r.normal(size=(2, 3))]),
    "repeat-interleave": (lambda x: x.repeat_interleave(2, dim=1), lambda r: [r.normal(size=(2, 3))]),
    "repeat-interleave-counts": (lambda x: x.repeat_interleave(torch.tensor([2, 0, 1]), dim=1),
                                 lambda r: [r.normal(size=(2, 3))]),
    "meshgrid": (lambda a, b: torch.meshgrid(a, b, indexing="xy")[0] *
                 torch.meshgrid(a, b, indexing="xy")[1],
                 lambda r: [r.normal(size=2), r.normal(size=3)]),
    "scatter-add": (lambda x, s: x.scatter_add(1, SCATTER, s),
                    lambda r: [r.normal(size=(2, 3)), r.normal(size=(2, 4))]),
    "scatter-add-in-place": (_in_place("scatter_add_", 1, SCATTER),
                             lambda r: [r.normal(size=(2, 3)), r.normal(size=(2, 3))]),
    "index-add": (lambda x, s: x.index_add(0, PICK, s, alpha=-1.5),
                  lambda r: [r.normal(size=(4, 2)), r.normal(size=(4, 2))]),
    "index-add-in-place": (_in_place("index_add_", 0, PICK),
                           lambda r: [r.normal(size=(4, 2)), r.normal(size=(4, 2))]),
}


@pytest.mark.parametrize("name", sorted(OPS))
@PROPERTY
@given(seed=st.integers(0, 2**32 - 1))
def test_gradient_matches_finite_differences(name, seed):
    op, inputs = OPS[name]
    rng = np.random.default_rng(seed)
    assert_gradients_match(op, *inputs(rng), rng=rng)
