"""PyTorch computes inf and nan without a word; NumPy warns (RuntimeWarning: overflow ...).
microtorch's ops compute under a NumPy error state that ignores floating-point errors, so a cell
shows what PyTorch would show, while the learner's own NumPy code keeps NumPy's warnings.

`np.errstate` costs about 2 µs per use, as much as a small op. All it does is set one context
variable, which we set directly (about 0.1 µs) when this NumPy has it, falling back to errstate
otherwise. `quiet()` ... `loud(token)` brackets a computation; `silent(f)` wraps a function.
"""
import functools

import numpy as np

try:
    from numpy._core._ufunc_config import _extobj_contextvar, _make_extobj
    # quiet() sets the state and returns a token; loud(token) puts the old state back. Both are
    # C methods: no Python frame of our own on the hottest path.
    quiet = functools.partial(_extobj_contextvar.set, _make_extobj(all="ignore"))
    loud = _extobj_contextvar.reset
except ImportError:   # another NumPy layout: the documented, slower way
    def quiet():
        state = np.errstate(all="ignore")
        state.__enter__()
        return state

    def loud(state):
        state.__exit__(None, None, None)


def silent(func):
    @functools.wraps(func)
    def silenced(*args, **kwargs):
        token = quiet()
        try:
            return func(*args, **kwargs)
        finally:
            loud(token)
    return silenced
