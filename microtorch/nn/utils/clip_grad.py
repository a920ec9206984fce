"""Gradient clipping: keep one large gradient from throwing the parameters far in one step."""
import math

import numpy as np

from ..._silent import silent
from ..._tensor import Tensor, _wrap
from ...grad_mode import no_grad


def _grads(parameters):
    parameters = [parameters] if isinstance(parameters, Tensor) else parameters
    return [p.grad for p in parameters if p.grad is not None]


def _norm(values, p):
    """The p-norm of a flat array (p = inf: the largest |value|, p = 0: how many are not 0)."""
    values = np.abs(values)
    if p == math.inf:
        return values.max(initial=0)
    if p == -math.inf:
        return values.min(initial=math.inf)
    if p == 0:
        return np.float64(np.count_nonzero(values))
    return (values ** p).sum() ** (1 / p)


@silent
def clip_grad_norm_(parameters, max_norm, norm_type=2.0, error_if_nonfinite=False, foreach=None):
    """Scale all gradients together so that their total norm (the norm of the per-tensor norms)
    is at most max_norm; returns the total norm before clipping, as a tensor."""
    grads = _grads(parameters)
    norm_type = float(norm_type)
    if not grads:
        return _wrap(np.asarray(0.0, dtype=np.float32))
    dtype = np.result_type(*[g._data.dtype for g in grads])
    norms = np.array([_norm(g._data.astype(np.float64).ravel(), norm_type) for g in grads])
    total = np.asarray(_norm(norms, norm_type), dtype=dtype)
    if error_if_nonfinite and not np.isfinite(total):
        raise RuntimeError(
            f"The total norm of order {norm_type} for gradients from `parameters` is "
            "non-finite, so it cannot be clipped. To disable this error and scale the gradients "
            "by the non-finite norm anyway, set `error_if_nonfinite=False`")
    one = dtype.type(1)
    coefficient = np.minimum(one / (total + dtype.type(1e-6)) * dtype.type(max_norm), one)
    with no_grad():
        for g in grads:
            g.mul_(_wrap(coefficient))
    return _wrap(total)


def clip_grad_value_(parameters, clip_value, foreach=None):
    """Clamp every gradient element into [-clip_value, clip_value], in place."""
    with no_grad():
        for g in _grads(parameters):
            g.clamp_(min=-clip_value, max=clip_value)
