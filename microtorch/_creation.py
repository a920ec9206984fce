"""Making tensors: torch.tensor, zeros, ones, arange, rand, ... (random draws come from random.py)."""
import numbers
import warnings

import numpy as np

from . import _dtypes, random
from ._checks import _no_kernel
from ._tensor import Tensor, _wrap, check_device

def _finish(data, requires_grad):
    t = _wrap(data)
    if requires_grad:
        if data.dtype.kind != "f":
            raise RuntimeError("Only Tensors of floating point and complex dtype can require "
                               "gradients")
        _dtypes.check_differentiable(data.dtype)
        t._requires_grad = True
    return t


def _np_dtype(dtype, default=None):
    """The NumPy dtype to make; without one, `default` or else the default floating dtype."""
    if dtype is not None:
        return _dtypes.to_numpy(dtype)
    return np.dtype(default) if default is not None else _dtypes.get_default_dtype().np


def _plain(data, depth=0, shape=None):
    """Nested Python data as NumPy sees it, with PyTorch's error for ragged lists. A tensor
    inside a list is read as one Python number, as `float(t)` would."""
    if isinstance(data, Tensor):
        if depth == 0:
            return data._data.tolist()
        if data._requires_grad:
            warnings.warn("Converting a tensor with requires_grad=True to a scalar may lead to "
                          "unexpected behavior.\nConsider using tensor.detach() first.",
                          UserWarning, stacklevel=depth + 4)
        return data._scalar()
    if isinstance(data, (list, tuple)):
        items = [_plain(x, depth + 1) for x in data]
        lengths = {len(x) if isinstance(x, list) else -1 for x in items}
        if len(lengths) > 1:
            first = len(items[0]) if isinstance(items[0], list) else None
            for x in items:
                n = len(x) if isinstance(x, list) else None
                if n != first:
                    if first is None or n is None:
                        raise TypeError("not a sequence")
                    raise ValueError(f"expected sequence of length {first} at dim {depth + 1} "
                                     f"(got {n})")
        return items
    if isinstance(data, np.ndarray):
        return data.tolist()
    if isinstance(data, (numbers.Number, np.generic)):
        return data
    raise TypeError(f"new(): invalid data type '{type(data).__name__}'")


def _promoted_rank(data):
    """PyTorch's dtype for nested data, as (rank, whether a tensor is inside): the highest of
    its elements' (a tensor's own, int64 for a Python int, the default for a float). NumPy's
    differs only where tensors are inside (it sees their numbers as Python floats)."""
    if isinstance(data, Tensor):
        return data.dtype._rank, True
    if isinstance(data, (list, tuple)):
        pairs = [_promoted_rank(x) for x in data]
        return max((r for r, _ in pairs), default=0), any(found for _, found in pairs)
    if isinstance(data, bool):
        return _dtypes.bool_._rank, False
    if isinstance(data, int):
        return _dtypes.int64._rank, False
    return _dtypes.get_default_dtype()._rank, False


def _beyond_int64(plain):
    """Whether nested Python data holds an int past int64's range (NumPy would make the array
    uint64 or of objects; PyTorch refuses it)."""
    if isinstance(plain, list):
        return any(_beyond_int64(x) for x in plain)
    return type(plain) is int and not -2**63 <= plain < 2**63


def tensor(data, dtype=None, device=None, requires_grad=False):
    """A new tensor holding a copy of `data`. Python floats become the default dtype (float32),
    ints int64, bools bool, as in PyTorch; a NumPy array keeps its dtype."""
    check_device(device)
    if isinstance(data, Tensor):
        warnings.warn(
            "To copy construct from a tensor, it is recommended to use sourceTensor.detach()."
            "clone() or sourceTensor.detach().clone().requires_grad_(True), rather than "
            "torch.tensor(sourceTensor).", UserWarning, stacklevel=2)
        array = data._data.copy()
    elif isinstance(data, np.ndarray):
        _dtypes.from_numpy_dtype(data.dtype)
        array = data.copy()
    else:
        plain = _plain(data)
        rank, holds_tensors = _promoted_rank(data) if dtype is None else (None, False)
        if holds_tensors:
            dtype = _dtypes.ALL[rank]
        array = np.array(plain)
        if array.dtype.kind in "uO" and _beyond_int64(plain):
            if dtype is None or not _dtypes.as_dtype(dtype).is_floating_point:
                raise ValueError("Overflow when unpacking long long")
            array = array.astype(np.float64)
        kind = array.dtype.kind
        if kind == "u":   # from NumPy's unsigned scalars: PyTorch keeps uint8, which we lack
            _dtypes.from_numpy_dtype(array.dtype)
        if kind not in "fiub":
            raise TypeError(f"new(): invalid data type '{array.dtype}'")
        if dtype is None:   # Python floats are float64 to NumPy but float32 to PyTorch
            dtype = _dtypes.get_default_dtype() if kind == "f" else \
                _dtypes.int64 if kind == "i" else None
    if dtype is not None:
        with np.errstate(over="ignore"):   # 70000 as float16 is inf, without a warning
            array = array.astype(_dtypes.to_numpy(dtype))
    return _finish(array, requires_grad)


def as_tensor(data, dtype=None, device=None):
    if isinstance(data, Tensor) and (dtype is None or _dtypes.to_numpy(dtype) == data._data.dtype):
        return data
    if isinstance(data, np.ndarray) and (dtype is None or _dtypes.to_numpy(dtype) == data.dtype):
        return from_numpy(data)
    return tensor(data, dtype=dtype, device=device)


def from_numpy(array):
    """A tensor sharing `array`'s memory: changing one changes the other."""
    if not isinstance(array, np.ndarray):
        raise TypeError(f"expected np.ndarray (got {type(array).__name__})")
    _dtypes.from_numpy_dtype(array.dtype)
    return _wrap(array)


def _check_int64(*values):
    if any(isinstance(v, int) and v >= 2**63 for v in values):
        raise RuntimeError("value cannot be converted to type int64_t without overflow")


def _size(size):
    if len(size) == 1 and isinstance(size[0], (tuple, list)):
        size = tuple(size[0])
    return tuple(int(s) for s in size)


def zeros(*size, dtype=None, device=None, requires_grad=False):
    check_device(device)
    return _finish(np.zeros(_size(size), dtype=_np_dtype(dtype)), requires_grad)


def ones(*size, dtype=None, device=None, requires_grad=False):
    check_device(device)
    return _finish(np.ones(_size(size), dtype=_np_dtype(dtype)), requires_grad)


def empty(*size, dtype=None, device=None, requires_grad=False):
    return zeros(*size, dtype=dtype, device=device, requires_grad=requires_grad)


def full(size, fill_value, dtype=None, device=None, requires_grad=False):
    check_device(device)
    if dtype is None:
        dtype = (_dtypes.bool_ if isinstance(fill_value, bool) else
                 _dtypes.int64 if isinstance(fill_value, numbers.Integral) else None)
    if _np_dtype(dtype).kind in "iu":
        _check_int64(fill_value)
    return _finish(np.full(_size((size,)), fill_value, dtype=_np_dtype(dtype)), requires_grad)


def zeros_like(input, dtype=None, device=None, requires_grad=False):
    return zeros(input.shape, dtype=dtype or input.dtype, device=device,
                 requires_grad=requires_grad)


def ones_like(input, dtype=None, device=None, requires_grad=False):
    return ones(input.shape, dtype=dtype or input.dtype, device=device,
                requires_grad=requires_grad)


def full_like(input, fill_value, dtype=None, device=None, requires_grad=False):
    return full(input.shape, fill_value, dtype=dtype or input.dtype, device=device,
                requires_grad=requires_grad)


def eye(n, m=None, dtype=None, device=None, requires_grad=False):
    check_device(device)
    return _finish(np.eye(n, m, dtype=_np_dtype(dtype)), requires_grad)


def arange(start, end=None, step=1, dtype=None, device=None, requires_grad=False):
    """start, start+step, ... up to but excluding end. Integers give int64, any float the default
    dtype."""
    check_device(device)
    if end is None:
        start, end = 0, start
    if step == 0:
        raise RuntimeError("step must be nonzero")
    if (end - start) * step < 0:
        raise RuntimeError("upper bound and lower bound inconsistent with step sign")
    is_float = any(isinstance(v, float) or (isinstance(v, Tensor) and v.is_floating_point())
                   for v in (start, end, step))
    if dtype is None and not is_float:
        dtype = _dtypes.int64
    np_dt = _np_dtype(dtype)
    if np_dt == np.bool_:
        raise _no_kernel("arange_cpu", np_dt)
    _check_int64(start, end, step)
    n = int(np.ceil((float(end) - float(start)) / float(step)))
    values = float(start) + np.arange(n, dtype=np.float64) * float(step) if is_float else \
        int(start) + np.arange(n, dtype=np.int64) * int(step)
    return _finish(values.astype(np_dt), requires_grad)


def linspace(start, end, steps, dtype=None, device=None, requires_grad=False):
    """`steps` evenly spaced values from start to end inclusive, computed from both ends as
    PyTorch does so that the last value is exactly `end`."""
    check_device(device)
    steps = int(steps)
    if steps < 0:
        raise RuntimeError("number of steps must be non-negative")
    np_dt = _np_dtype(dtype)
    if np_dt == np.bool_:
        raise _no_kernel("linspace_cpu", np_dt)
    work = np_dt if np_dt.kind == "f" else np.dtype(np.float64)
    s, e = work.type(start), work.type(end)
    if steps == 1:
        values = np.array([s], dtype=work)
    else:
        # Fill from both ends with a step rounded to the dtype; each value is rounded once
        # (PyTorch uses fused multiply-adds; float64 holds the exact product of float32s).
        step = np.float64((e - s) / work.type(steps - 1))
        i = np.arange(steps, dtype=np.float64)
        values = np.where(i < steps // 2, np.float64(s) + step * i,
                          np.float64(e) - step * (steps - 1 - i))
    return _finish(values.astype(np_dt), requires_grad)


def rand(*size, generator=None, dtype=None, device=None, requires_grad=False):
    """Uniform on [0, 1)."""
    check_device(device)
    if _np_dtype(dtype).kind != "f":
        raise _no_kernel("check_uniform_bounds", _np_dtype(dtype))
    return _finish(random.generator(generator).random(_size(size), dtype=np.float64).astype(_np_dtype(dtype)),
                   requires_grad)


def randn(*size, generator=None, dtype=None, device=None, requires_grad=False):
    """Standard normal: mean 0, standard deviation 1."""
    check_device(device)
    if _np_dtype(dtype).kind != "f":
        raise _no_kernel("normal_kernel_cpu", _np_dtype(dtype))
    return _finish(random.generator(generator).standard_normal(_size(size)).astype(_np_dtype(dtype)), requires_grad)


def randint(low, high=None, size=None, generator=None, dtype=None, device=None,
            requires_grad=False):
    """Integers in [low, high); called as randint(high, size) or randint(low, high, size)."""
    check_device(device)
    if size is None:
        if high is None or not isinstance(high, (tuple, list)):
            raise TypeError("randint() missing 1 required positional arguments: \"size\"")
        low, high, size = 0, low, high
    if high is None:
        low, high = 0, low
    return _finish(random.generator(generator).integers(low, high, _size((size,))).astype(_np_dtype(dtype, np.int64)),
                   requires_grad)


def rand_like(input, generator=None, dtype=None, device=None):
    return rand(input.shape, generator=generator, dtype=dtype or input.dtype, device=device)


def randn_like(input, generator=None, dtype=None, device=None):
    return randn(input.shape, generator=generator, dtype=dtype or input.dtype, device=device)


def randperm(n, dtype=None, device=None, generator=None):
    check_device(device)
    if _np_dtype(dtype, np.int64) == np.bool_:
        raise _no_kernel("randperm", np.dtype(bool))
    return _wrap(random.generator(generator).permutation(int(n)).astype(_np_dtype(dtype, np.int64)))
