"""Data types: PyTorch's names for a handful of NumPy dtypes, the default floating dtype, and
PyTorch's promotion rules.

PyTorch and NumPy disagree on what `int_tensor + 0.5` or `float32_tensor + float64_scalar_tensor`
should be, so binary ops ask `result_dtype` instead of trusting NumPy.
"""
import numpy as np

from ._errors import unsupported


class dtype:
    """A tensor element type, printed as PyTorch prints it (`torch.float32`)."""

    __slots__ = ("name", "np", "is_floating_point", "itemsize", "_rank", "_legacy")

    def __init__(self, name, np_dtype, rank, legacy):
        self.name = name
        self.np = np.dtype(np_dtype)
        self.is_floating_point = self.np.kind == "f"
        self.itemsize = self.np.itemsize
        self._rank = rank  # position in the promotion order: bool < int32 < int64 < float16 < ...
        self._legacy = legacy  # the old type name that error messages use, e.g. FloatTensor

    def __repr__(self):
        return "torch." + self.name

    def __reduce__(self):
        return (_by_name, (self.name,))


bool_ = dtype("bool", np.bool_, 0, "BoolTensor")
int32 = dtype("int32", np.int32, 1, "IntTensor")
int64 = dtype("int64", np.int64, 2, "LongTensor")
float16 = dtype("float16", np.float16, 3, "HalfTensor")
float32 = dtype("float32", np.float32, 4, "FloatTensor")
float64 = dtype("float64", np.float64, 5, "DoubleTensor")

ALL = (bool_, int32, int64, float16, float32, float64)
# The C type names in PyTorch's error messages ("... same dtype, but got: float != double").
C_NAMES = {"float16": "c10::Half", "float32": "float", "float64": "double", "int64": "long int",
           "int32": "int", "bool": "bool"}
_BY_NUMPY = {d.np: d for d in ALL}
_PYTHON_TYPES = {float: float64, int: int64, bool: bool_}   # what PyTorch reads dtype=float as

_default_float = float32   # what Python floats become: torch.set_default_dtype changes it


def get_default_dtype():
    return _default_float


def set_default_dtype(d):
    """float32 or float64: the dtype of new floating-point tensors, and of Python floats in
    arithmetic with integer tensors."""
    global _default_float
    if not isinstance(d, dtype):
        raise TypeError("invalid dtype object: only floating-point types are supported as the "
                        "default type")
    if not d.is_floating_point:
        raise TypeError("only floating-point types are supported as the default type")
    if d is float16:
        raise unsupported("torch.set_default_dtype(torch.float16)")
    _default_float = d


def _by_name(name):
    return next(d for d in ALL if d.name == name)


def from_numpy_dtype(np_dtype):
    """The microtorch dtype for a NumPy dtype, or NotImplementedError for the ones we leave out."""
    try:
        return _BY_NUMPY[np_dtype]
    except KeyError:
        raise unsupported(f"tensors of NumPy dtype {np_dtype}") from None


def by_legacy_name(name):
    """The dtype of a legacy type name, "torch.FloatTensor"."""
    for d in ALL:
        if name == "torch." + d._legacy:
            return d
    raise ValueError(f"invalid type: '{name}'")


def as_dtype(d):
    """The dtype a `dtype=` argument names: a torch dtype, or Python's float, int or bool, which
    PyTorch reads as float64, int64 and bool."""
    if isinstance(d, dtype):
        return d
    if not is_dtype(d):
        raise unsupported(f"dtype={d!r} (give a torch dtype such as torch.float32)")
    return _PYTHON_TYPES[d]


def is_dtype(d):
    return isinstance(d, dtype) or d is float or d is int or d is bool


def to_numpy(d):
    return as_dtype(d).np


def _category(rank):
    return 0 if rank == 0 else (1 if rank <= 2 else 2)


def _combine(higher, lower):
    # PyTorch's rule: a lower-priority participant only matters if it is of a higher category.
    if higher is None:
        return lower
    if lower is None or _category(higher) >= _category(lower):
        return higher
    return max(higher, lower)


def result_dtype(*operands):
    """The dtype PyTorch gives `a op b`: tensors with dimensions outrank 0-d tensors, which outrank
    Python numbers (a Python float counts as the default dtype), but only within a category
    (bool < integer < floating point); a higher category always wins."""
    dim = zero = scalar = None
    for x in operands:
        if isinstance(x, np.ndarray):
            rank = _BY_NUMPY[x.dtype]._rank
            if x.ndim:
                dim = rank if dim is None else max(dim, rank)
            else:
                zero = rank if zero is None else max(zero, rank)
        else:
            rank = 0 if isinstance(x, (bool, np.bool_)) else (
                2 if isinstance(x, (int, np.integer)) else _default_float._rank)
            scalar = rank if scalar is None else max(scalar, rank)
    return ALL[_combine(dim, _combine(zero, scalar))].np


def check_differentiable(np_dtype):
    """float16 arithmetic is there, its gradients are not (PyTorch's differ in rounding)."""
    if np_dtype == float16.np:
        raise unsupported("gradients through float16 tensors")


def category(np_dtype):
    """0 for bool, 1 for integers, 2 for floating point: an in-place op may not go up a category."""
    return _category(_BY_NUMPY[np_dtype]._rank)
