"""PyTorch computes inf and nan without a word; NumPy warns (RuntimeWarning: overflow ...).
`silent(f)` runs f under a NumPy error state that ignores floating-point errors, so a cell shows
what PyTorch would show, while the learner's own NumPy code keeps NumPy's warnings.

`np.errstate` costs about 2 µs per use, as much as a small op. It sets one context variable,
which we set directly (about 0.2 µs) when this NumPy has it, and fall back to errstate otherwise.
"""
import functools

import numpy as np

try:
    from numpy._core._ufunc_config import _extobj_contextvar, _make_extobj
    _IGNORE = _make_extobj(all="ignore")
except ImportError:   # another NumPy layout: the documented, slower way
    _extobj_contextvar = None


def silent(func):
    if _extobj_contextvar is None:
        return functools.wraps(func)(np.errstate(all="ignore")(func))

    @functools.wraps(func)
    def quiet(*args, **kwargs):
        token = _extobj_contextvar.set(_IGNORE)
        try:
            return func(*args, **kwargs)
        finally:
            _extobj_contextvar.reset(token)
    return quiet
