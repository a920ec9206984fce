"""The differentiable ops, each written as its forward computation and, right below it, its
backward rule: the chain rule for that one op. Every op ends by calling the engine's `_op` with
its result, PyTorch's name for its backward (shown as grad_fn=<...>), the rule, its inputs and
what the rule reads. The table at the bottom binds them onto Tensor (methods and operators) and
lists those that torch offers as functions (`torch.exp(x)` is `x.exp()`).

In a backward rule, `g` is the gradient of the loss with respect to the op's output: an array of
the output's shape. The rule returns one gradient per input, of that input's shape.
"""
import builtins
import operator
import warnings

import numpy as np

from . import _dtypes
from ._checks import (_axes, _bool_sub_error, _broadcast_error, _broadcasting, _check_cat,
                      _check_cat_shapes, _check_half, _check_matmul, _check_softmax, _check_stack,
                      _dim, _infer_shape, _no_kernel, _permutation, _shape_arg)
from ._dtypes import C_NAMES, result_dtype
from ._errors import T_NOT_2D, unsupported
from ._silent import loud, quiet, silent
from ._tensor import (Tensor, _as_tensor, _operands, _share_memory, _wrap, check_device,
                      index_error, index_to_numpy, reflected, return_type)
from .engine import _op, _unbroadcast, tensor_backward


# --- arithmetic ---------------------------------------------------------------------------------
_SYMBOLS = {operator.add: "+", operator.sub: "-", operator.mul: "*", operator.truediv: "/",
            operator.pow: "**", np.power: "**"}


def _binary(self, other, forward, floating=False):
    """What every binary op does first: the two NumPy operands in the dtype PyTorch computes in
    (`a` an array or NumPy scalar; `b` too, or a Python number), `other` as a Tensor or None (a
    number gets no gradient), which of the two need a gradient, and the forward result (with
    PyTorch's error for shapes that do not broadcast). The forward runs silently on inf and nan
    (these ops are the hottest: they skip `silent`'s wrapper, see the table)."""
    try:
        a, b = _operands(self, other, floating)
    except TypeError:   # what Python says for an operator it cannot apply (PyTorch's words too)
        raise TypeError(f"unsupported operand type(s) for {_SYMBOLS[forward]}: 'Tensor' and "
                        f"'{type(other).__name__}'") from None
    other = other if isinstance(other, Tensor) else None
    token = quiet()
    try:
        out = forward(a, b)
    except ValueError:
        raise _broadcast_error(a, b) from None
    finally:
        loud(token)
    return a, b, other, self._requires_grad, other is not None and other._requires_grad, out


def add(self, other):
    """d(a+b)/da = d(a+b)/db = 1: both inputs get g (summed back over broadcast dims)."""
    a, b, other, need_a, need_b, out = _binary(self, other, operator.add)
    sa, sb = a.shape, b.shape if need_b else None   # backward needs only the shapes

    def backward(g):
        return (_unbroadcast(g, sa) if need_a else None,
                _unbroadcast(g, sb) if need_b else None)
    return _op(out, "AddBackward0", backward, (self, other))


def sub(self, other):
    """d(a-b)/da = 1 and d(a-b)/db = -1."""
    if self._data.dtype.kind == "b" or (other.__class__ is Tensor
                                        and other._data.dtype.kind == "b"):
        raise _bool_sub_error(self, other)
    a, b, other, need_a, need_b, out = _binary(self, other, operator.sub)
    sa, sb = a.shape, b.shape if need_b else None

    def backward(g):
        return (_unbroadcast(g, sa) if need_a else None,
                _unbroadcast(-g, sb) if need_b else None)
    return _op(out, "SubBackward0", backward, (self, other))


def rsub(self, other):
    """number - tensor: the tensor's gradient is -g."""
    if self._data.dtype.kind == "b":
        raise _bool_sub_error(self, other)
    a, b = _operands(self, other)

    def backward(g):
        return (-g,)
    return _op(b - a, "RsubBackward1", backward, (self,))


def mul(self, other):
    """d(a*b)/da = b and d(a*b)/db = a: each input's gradient is the other input times g."""
    a, b, other, need_a, need_b, out = _binary(self, other, operator.mul)

    def backward(g):
        return (_unbroadcast(g * b, a.shape) if need_a else None,
                _unbroadcast(g * a, b.shape) if need_b else None)
    # Like PyTorch, keep (and version-check) b only if a needs a gradient, and vice versa.
    return _op(out, "MulBackward0", backward, (self, other),
               saves=(other if need_a else None, self if need_b else None))


def div(self, other):
    """d(a/b)/da = 1/b and d(a/b)/db = -a/b**2."""
    a, b, other, need_a, need_b, out = _binary(self, other, operator.truediv, floating=True)

    def backward(g):
        return (_unbroadcast(g / b, a.shape) if need_a else None,
                _unbroadcast(-g * a / (b * b), b.shape) if need_b else None)
    return _op(out, "DivBackward0", backward, (self, other),
               saves=(other if need_a else None, self if need_b else None))


def rdiv(self, other):
    # PyTorch computes `2 / x` as x.reciprocal() * 2, and so do we (same graph, same rounding).
    if isinstance(other, Tensor):
        return other / self
    return self.reciprocal() * other


def reciprocal(self):
    """1/x, whose derivative is -1/x**2 = -(1/x)**2."""
    y = 1 / _floating(self._data)

    def backward(g):
        return (-g * y * y,)
    return _op(y, "ReciprocalBackward0", backward, (self,), saves_output=True)


def neg(self):
    if self._data.dtype == bool:
        raise RuntimeError("Negation, the `-` operator, on a bool tensor is not supported. If you "
                           "are trying to invert a mask, use the `~` or `logical_not()` operator "
                           "instead.")

    def backward(g):
        return (-g,)
    return _op(-self._data, "NegBackward0", backward, (self,))


def pos(self):
    if self._data.dtype == bool:
        raise RuntimeError("The `+` operator, on a bool tensor is not supported.")
    return self


def pow(self, exponent):
    """d(x**e)/dx = e * x**(e-1); for a tensor exponent also d(x**e)/de = x**e * log(x)."""
    if isinstance(exponent, Tensor):
        return _pow_tensor(self, exponent)
    if self._data.dtype.kind in "iu" and type(exponent) is int and exponent < 0:
        raise RuntimeError("Integers to negative integer powers are not allowed.")
    x, e, _, _, _, out = _binary(self, exponent, operator.pow)

    def backward(g):
        if e == 0:
            return (np.zeros_like(g),)
        return (g * e * x ** (e - 1),)
    return _op(out, "PowBackward0", backward, (self,), saves=(self, exponent))


def _pow_tensor(self, exponent):
    x, e, _, _, _, out = _binary(self, exponent, np.power)

    def backward(g):
        gx = np.where(e == 0, 0, g * e * x ** np.where(e == 0, 1, e - 1))
        ge = g * out * np.log(np.where(x == 0, 1, x))   # 0 where x == 0, as PyTorch
        return _unbroadcast(gx, x.shape), _unbroadcast(ge, e.shape)
    return _op(out, "PowBackward1", backward, (self, exponent),
               saves=(self, exponent), saves_output=True)


def rpow(self, base):
    """d(b**x)/dx = b**x * log(b)."""
    x, b = _operands(self, base)
    out = np.power(b, x)

    def backward(g):
        return (g * out * np.log(b),)
    return _op(out, "PowBackward2", backward, (self,), saves=(self,), saves_output=True)


# PyTorch names matmul's backward after the kernel it picks for the operands' dimensions.
_MATMUL_NODES = {(2, 2): "MmBackward0", (1, 1): "DotBackward0", (2, 1): "MvBackward0",
                 (1, 2): "SqueezeBackward4"}


def matmul(self, other):
    """Matrix product. For C = A @ B: dA = g @ B.T and dB = A.T @ g. A vector operand is a
    one-row (or one-column) matrix; stacked (batched) operands sum their gradients over the
    batch dimensions they were broadcast along."""
    if not isinstance(other, Tensor):
        raise TypeError(f"matmul(): argument 'other' (position 1) must be Tensor, not "
                        f"{type(other).__name__}")
    a, b = self._data, other._data
    _check_matmul(a, b)
    need_a, need_b = self._requires_grad, other._requires_grad

    def backward(g):
        a2 = a[None, :] if a.ndim == 1 else a
        b2 = b[:, None] if b.ndim == 1 else b
        if b.ndim == 1:
            g = g[..., None]
        if a.ndim == 1:
            g = g[..., None, :]
        ga = gb = None
        if need_a:
            ga = g @ np.swapaxes(b2, -1, -2)
            ga = _unbroadcast(ga[..., 0, :] if a.ndim == 1 else ga, a.shape)
        if need_b:
            gb = np.swapaxes(a2, -1, -2) @ g
            gb = _unbroadcast(gb[..., 0] if b.ndim == 1 else gb, b.shape)
        return ga, gb
    name = _MATMUL_NODES.get((a.ndim, b.ndim), "UnsafeViewBackward0")
    return _op(a @ b, name, backward, (self, other),
               saves=(other if need_a else None, self if need_b else None))


def mm(self, other):
    if self.ndim != 2 or _as_tensor(other).ndim != 2:
        raise RuntimeError("self must be a matrix")
    return self @ other


# --- reductions ---------------------------------------------------------------------------------
def sum(self, dim=None, keepdim=False, dtype=None):
    """Each input element contributes once to its sum, so its gradient is g, broadcast back."""
    if dtype is not None:
        return self.to(dtype).sum(dim, keepdim)
    x = self._data
    axes = _axes(dim, x.ndim)
    out = np.asarray(x.sum(axis=axes, keepdims=keepdim,
                           dtype=np.int64 if x.dtype.kind in "biu" else None))
    shape = x.shape

    def backward(g):
        return (np.broadcast_to(_restore_dims(g, axes, keepdim, len(shape)), shape),)
    return _op(out, "SumBackward0" if dim is None else "SumBackward1", backward, (self,))


def mean(self, dim=None, keepdim=False, dtype=None):
    """The mean is sum / n, so each element's gradient is g / n."""
    if dtype is not None:
        return self.to(dtype).mean(dim, keepdim)
    x = self._data
    if x.dtype.kind != "f":
        raise RuntimeError(
            "mean(): could not infer output dtype. Input dtype must be either a floating point "
            f"or complex dtype. Got: {self.dtype._legacy[:-6]}")
    _check_half(x, "mean")
    axes = _axes(dim, x.ndim)
    total = x.sum(axis=axes, keepdims=keepdim)
    shape = x.shape
    n = x.size // builtins.max(total.size, 1) if x.size else 0
    out = total / x.dtype.type(n)   # what np.mean does, minus its Python overhead

    def backward(g):
        return (np.broadcast_to(_restore_dims(g / n, axes, keepdim, len(shape)), shape),)
    return _op(out, "MeanBackward0" if dim is None else "MeanBackward1", backward, (self,))


def max(self, dim=None, keepdim=False):
    return _extreme(self, dim, keepdim, "max")


def min(self, dim=None, keepdim=False):
    return _extreme(self, dim, keepdim, "min")


def _extreme(self, dim, keepdim, kind):
    """max/min. Without dim: the gradient is shared equally by all elements equal to the result.
    With dim: returns (values, indices) and the gradient goes to the selected index only."""
    x = self._data
    pick = np.max if kind == "max" else np.min
    suffix = kind.capitalize()
    if dim is None:
        if x.size == 0:
            raise RuntimeError(f"{kind}(): Expected reduction dim to be specified for "
                               "input.numel() == 0. Specify the reduction dim with the 'dim' "
                               "argument.")
        out = np.asarray(pick(x))

        def backward(g):
            hit = x == out
            return (g * hit / hit.sum(),)
        return _op(out, f"{suffix}Backward1", backward, (self,), saves=(self,), saves_output=True)
    if isinstance(dim, Tensor):   # torch.max(a, b): the elementwise maximum
        return (maximum if kind == "max" else minimum)(self, dim)
    axis = _dim(dim, x.ndim)
    arg = (np.argmax if kind == "max" else np.argmin)(x, axis=axis, keepdims=True)
    values = np.take_along_axis(x, arg, axis=axis)
    if not keepdim:
        values, indices = np.squeeze(values, axis), np.squeeze(arg, axis)
    else:
        indices = arg
    shape = x.shape

    def backward(g):
        gx = np.zeros(shape, dtype=g.dtype)
        np.put_along_axis(gx, arg, g if keepdim else np.expand_dims(g, axis), axis=axis)
        return (gx,)
    out = _op(values, f"{suffix}Backward0", backward, (self,), saves=(None,))
    return return_type(kind, out, _wrap(indices.astype(np.int64)))


# --- elementwise functions ----------------------------------------------------------------------
def exp(self):
    """d(e**x)/dx = e**x: backward reuses the output."""
    y = _precise(np.exp, _floating(self._data))

    def backward(g):
        return (g * y,)
    return _op(y, "ExpBackward0", backward, (self,), saves_output=True)


def log(self):
    """d(log x)/dx = 1/x."""
    x = _floating(self._data)

    def backward(g):
        return (g / x,)
    return _op(_precise(np.log, x), "LogBackward0", backward, (self,), saves=(self,))


def sqrt(self):
    """d(sqrt x)/dx = 1 / (2 sqrt x)."""
    y = np.sqrt(_floating(self._data))

    def backward(g):
        return (g / (2 * y),)
    return _op(y, "SqrtBackward0", backward, (self,), saves_output=True)


def abs(self):
    """d|x|/dx = sign(x), which is 0 at 0."""
    x = self._data
    if x.dtype == bool:
        raise _no_kernel("abs_cpu", x.dtype)

    def backward(g):
        return (g * np.sign(x),)
    return _op(np.abs(x), "AbsBackward0", backward, (self,), saves=(self,))


def round(self, decimals=0):
    """Round half to even (to `decimals` places): a step function, so the gradient is 0."""
    x = self._data
    if x.dtype.kind != "f":
        if decimals:
            raise _no_kernel("round_cpu", x.dtype)
        return _wrap(x.copy())

    def backward(g):
        return (np.zeros_like(g),)
    return _op(np.round(x, decimals), "RoundBackward1" if decimals else "RoundBackward0",
               backward, (self,), saves=(None,))


def clamp(self, min=None, max=None):
    """The gradient passes where min <= x <= max and is 0 where the value was clipped."""
    if min is None and max is None:
        raise RuntimeError("torch.clamp: At least one of 'min' or 'max' must not be None")
    if isinstance(min, Tensor) or isinstance(max, Tensor):
        if min is None or max is None or isinstance(min, Tensor) and isinstance(max, Tensor):
            return _clamp_tensors(self, min, max)
        if builtins.max(_as_tensor(min).ndim, _as_tensor(max).ndim):
            raise unsupported("clamp with one tensor bound and one number bound")
        min, max = (b.item() if isinstance(b, Tensor) else b for b in (min, max))
    x = self._data
    out = x if min is None else _first_on_ties(np.maximum, x, min)
    out = out if max is None else _first_on_ties(np.minimum, out, max)
    if out.dtype != x.dtype:
        out = out.astype(result_dtype(x, min if min is not None else max))

    def backward(g):
        keep = np.ones(x.shape, dtype=bool)
        if min is not None:
            keep &= x >= min
        if max is not None:
            keep &= x <= max
        return (g * keep,)
    return _op(out, "ClampBackward1", backward, (self,), saves=(self,))


def relu(self):
    """max(x, 0). Its derivative is 1 where x > 0 and 0 elsewhere, including at 0."""
    y = np.maximum(self._data, 0)

    def backward(g):
        return (g * (y > 0),)
    return _op(y, "ReluBackward0", backward, (self,), saves_output=True)


def sigmoid(self):
    """s = 1 / (1 + e**-x) and ds/dx = s (1 - s)."""
    x = _floating(self._data)
    _check_half(x, "sigmoid")
    y = 1 / (1 + _precise(np.exp, -x))   # e**-x may be inf: then s is exactly 0

    def backward(g):
        return (g * y * (1 - y),)
    return _op(y, "SigmoidBackward0", backward, (self,), saves_output=True)


def tanh(self):
    """d(tanh x)/dx = 1 - tanh(x)**2."""
    y = _precise(np.tanh, _floating(self._data))

    def backward(g):
        return (g * (1 - y * y),)
    return _op(y, "TanhBackward0", backward, (self,), saves_output=True)


def softmax(self, dim, dtype=None):
    """s_i = e**x_i / sum_j e**x_j. Backward: s * (g - sum(g * s)) along `dim`."""
    if dtype is not None:
        return softmax(self.to(dtype), dim)
    x = self._data
    axis = _dim(dim, x.ndim)
    _check_softmax(x, axis, "softmax")
    e = _precise(np.exp, x - x.max(axis=axis, keepdims=True))
    y = e / e.sum(axis=axis, keepdims=True)

    def backward(g):
        return (y * (g - (g * y).sum(axis=axis, keepdims=True)),)
    return _op(y, "SoftmaxBackward0", backward, (self,), saves_output=True)


def log_softmax(self, dim, dtype=None):
    """x_i - log sum_j e**x_j, computed stably. Backward: g - softmax * sum(g) along `dim`."""
    if dtype is not None:
        return log_softmax(self.to(dtype), dim)
    x = self._data
    axis = _dim(dim, x.ndim)
    _check_softmax(x, axis, "log_softmax")
    shifted = x - x.max(axis=axis, keepdims=True)
    y = shifted - _precise(np.log, _precise(np.exp, shifted).sum(axis=axis, keepdims=True))

    def backward(g):
        return (g - np.exp(y) * g.sum(axis=axis, keepdims=True),)
    return _op(y, "LogSoftmaxBackward0", backward, (self,), saves_output=True)


def _precise(np_function, x):
    """np_function(x) computed in float64 and rounded once to float32. That agrees with PyTorch's
    float32 exp and tanh almost always (NumPy's own float32 versions are often an ulp off), and it
    gives the same bits on every platform, Pyodide's WebAssembly NumPy included."""
    if x.dtype == np.float32:
        return np_function(x.astype(np.float64)).astype(np.float32)
    return np_function(x)


def _floating(x):
    return x if x.dtype.kind == "f" else x.astype(_dtypes.get_default_dtype().np)


def _restore_dims(g, axes, keepdim, ndim):
    """Put back the dimensions a reduction removed so that g broadcasts over the input."""
    if keepdim or ndim == 0:
        return g
    if axes is None:
        return np.reshape(g, (1,) * ndim)
    return np.expand_dims(g, axes)


# --- shape ops: they move values around, so backward moves the gradient back ---------------------
def reshape(self, *shape):
    """The same values in a new shape: a view when the memory layout allows, else a copy.
    Backward reshapes g back to the input's shape."""
    x = self._data
    new = _infer_shape(_shape_arg(shape), x.size)
    try:
        out = x.view()
        out.shape = new
    except AttributeError:
        return _shape_op(self, x.reshape(new), "UnsafeViewBackward0", lambda g: g.reshape(x.shape),
                         view=False)
    return _shape_op(self, out, "ViewBackward0", lambda g: g.reshape(x.shape))


def view(self, *shape):
    """Like reshape, but always a view of the same memory (an error when that is impossible,
    e.g. after a transpose)."""
    shape = _shape_arg(shape)
    if len(shape) == 1 and isinstance(shape[0], _dtypes.dtype):
        raise unsupported("Tensor.view(dtype)")
    x = self._data
    new = _infer_shape(shape, x.size)
    out = x.view()
    try:
        out.shape = new
    except AttributeError:
        raise RuntimeError(
            "view size is not compatible with input tensor's size and stride (at least one "
            "dimension spans across two contiguous subspaces). Use .reshape(...) instead."
        ) from None
    return _shape_op(self, out, "ViewBackward0", lambda g: g.reshape(x.shape))


def flatten(self, start_dim=0, end_dim=-1):
    shape = self._data.shape
    if not shape:
        return self.reshape(1)
    start, end = _dim(start_dim, len(shape)), _dim(end_dim, len(shape))
    if start > end:
        raise RuntimeError("flatten() has invalid args: start_dim cannot come after end_dim")
    if start == end:
        return self
    return self.reshape(shape[:start] + (-1,) + shape[end + 1:])


def view_as(self, other):
    return self.view(other.shape)


def reshape_as(self, other):
    return self.reshape(other.shape)


def squeeze(self, dim=None):
    """Drop size-1 dimensions (all, or only `dim`); backward puts them back."""
    x = self._data
    if dim is None:
        axes, name = tuple(i for i, n in enumerate(x.shape) if n == 1), "SqueezeBackward0"
    elif isinstance(dim, (tuple, list)):
        axes, name = tuple(_dim(d, x.ndim) for d in dim), "SqueezeBackward2"
    else:
        axes, name = (_dim(dim, x.ndim),), "SqueezeBackward1"
    axes = tuple(a for a in axes if x.ndim and x.shape[a] == 1)
    return _shape_op(self, np.squeeze(x, axes), name, lambda g: g.reshape(x.shape))


def unsqueeze(self, dim):
    x = self._data
    axis = _dim(dim, x.ndim + 1)
    return _shape_op(self, np.expand_dims(x, axis), "UnsqueezeBackward0",
                     lambda g: np.squeeze(g, axis))


def transpose(self, dim0, dim1):
    """Swap two dimensions (a view); backward swaps them back."""
    x = self._data
    d0, d1 = _dim(dim0, x.ndim), _dim(dim1, x.ndim)
    return _shape_op(self, np.swapaxes(x, d0, d1), "TransposeBackward0",
                     lambda g: np.swapaxes(g, d0, d1))


def t(self):
    if self._data.ndim > 2:
        raise RuntimeError(f"t() expects a tensor with <= 2 dimensions, but self is "
                           f"{self._data.ndim}D")
    return _shape_op(self, self._data.T, "TBackward0", lambda g: g.T)


def permute(self, *dims):
    """Reorder the dimensions (a view); backward applies the inverse order to g."""
    x = self._data
    dims = _permutation(_shape_arg(dims), x.ndim)
    inverse = tuple(np.argsort(dims))
    return _shape_op(self, np.transpose(x, dims), "PermuteBackward0",
                     lambda g: np.transpose(g, inverse))


def T(self):
    if self._data.ndim != 2:
        warnings.warn(T_NOT_2D, UserWarning, stacklevel=2)
    return self.permute(*range(self._data.ndim - 1, -1, -1))


def _shape_op(self, out, name, backward_one, view=True):
    """An op that only rearranges values. A view shares self's memory, and so its version
    counter. Such a rule reads no values (the closures keep only shapes and axes)."""
    def backward(g):
        return (backward_one(g),)
    result = _op(out, name, backward, (self,))
    if view:
        _share_memory(result, self)
    return result


def clone(self):
    """A copy in new memory that stays in the graph (its gradient passes straight through)."""
    def backward(g):
        return (g,)
    return _op(self._data.copy(), "CloneBackward0", backward, (self,))


def to(self, *args, dtype=None, device=None, non_blocking=False, copy=False):
    """Convert to another dtype (`x.to(torch.float64)`). microtorch only has the CPU, where
    non_blocking changes nothing; copy=True copies even to the same dtype."""
    for a in args:
        if _dtypes.is_dtype(a):
            dtype = a
        elif isinstance(a, Tensor):   # x.to(other): other's dtype
            dtype = a.dtype
        else:
            device = a
    check_device(device)
    if dtype is None:
        dtype = self.dtype
    if _dtypes.to_numpy(dtype) == self._data.dtype and not copy:
        return self
    if self._requires_grad:
        _dtypes.check_differentiable(_dtypes.to_numpy(dtype))
    if _dtypes.to_numpy(dtype).kind != "f":   # integers and bools never carry a gradient
        return _wrap(self._data.astype(_dtypes.to_numpy(dtype)))
    src = self._data.dtype

    def backward(g):
        return (g.astype(src),)
    return _op(self._data.astype(_dtypes.to_numpy(dtype)), "ToCopyBackward0", backward, (self,))


# --- indexing -----------------------------------------------------------------------------------
def getitem(self, index):
    """Basic indexing (ints, slices, None, ...) returns a view; indexing with tensors or lists
    gathers a copy. Backward scatters g back; repeated indices accumulate (np.add.at)."""
    x = self._data
    idx, advanced = index_to_numpy(index)
    shape = x.shape
    try:
        x[idx]
    except IndexError as e:
        raise index_error(e, idx, shape) from None
    if advanced:
        def backward(g):
            gx = np.zeros(shape, dtype=g.dtype)
            np.add.at(gx, idx, g)
            return (gx,)
        return _op(x[idx], "IndexBackward0", backward, (self,), saves=(None,))

    def backward(g):
        gx = np.zeros(shape, dtype=g.dtype)
        gx[idx] = g
        return (gx,)
    out = x[idx + (Ellipsis,)] if Ellipsis not in idx else x[idx]
    result = _op(out, _basic_index_name(idx), backward, (self,))
    _share_memory(result, self)
    return result


def _basic_index_name(idx):
    """PyTorch applies an index left to right; the last real step names the grad_fn."""
    name = "AliasBackward0"
    for i in idx:
        if isinstance(i, (int, np.integer)):
            name = "SelectBackward0"
        elif i is None:
            name = "UnsqueezeBackward0"
        elif isinstance(i, slice) and i != slice(None):
            name = "SliceBackward0"
    return name


def unbind(self, dim=0):
    """The slices along `dim`, each a view; what `for row in tensor` and `a, b = tensor` give.
    Each slice's backward puts its gradient back in its place."""
    x = self._data
    axis = _dim(dim, x.ndim)
    shape = x.shape

    def slice_op(i):
        index = (slice(None),) * axis + (i,)

        def backward(g):
            gx = np.zeros(shape, dtype=g.dtype)
            gx[index] = g
            return (gx,)
        result = _op(x[index + (Ellipsis,)], "UnbindBackward0", backward, (self,))
        _share_memory(result, self)
        return result
    return tuple(slice_op(i) for i in range(shape[axis]))


# --- joining and choosing -------------------------------------------------------------------------
def cat(tensors, dim=0):
    """Join along an existing dimension; backward hands each input its slice of g."""
    tensors = [_as_tensor(t) for t in tensors]
    _check_cat([t._data for t in tensors])
    dt = result_dtype(*[t._data for t in tensors])
    arrays = [t._data.astype(dt, copy=False) for t in tensors]
    axis = _dim(dim, arrays[0].ndim)
    _check_cat_shapes(arrays, axis)
    bounds = np.cumsum([a.shape[axis] for a in arrays])[:-1]

    def backward(g):
        return tuple(np.split(g, bounds, axis=axis))
    return _op(np.concatenate(arrays, axis=axis), "CatBackward0", backward, tensors)


def stack(tensors, dim=0):
    """Join along a new dimension; backward hands each input its slice of g."""
    tensors = [_as_tensor(t) for t in tensors]
    _check_stack([t._data for t in tensors])
    dt = result_dtype(*[t._data for t in tensors])
    axis = _dim(dim, tensors[0]._data.ndim + 1)
    out = np.stack([t._data.astype(dt, copy=False) for t in tensors], axis=axis)

    def backward(g):
        return tuple(np.moveaxis(g, axis, 0))
    return _op(out, "StackBackward0", backward, tensors)


def where(condition, input=None, other=None):
    """Pick from input where condition holds, else from other; the gradient follows the pick."""
    if input is None and other is None:
        return nonzero_tuple(condition)
    if input is None or other is None:
        raise unsupported("torch.where with only one of input and other")
    c = _as_tensor(condition)._data
    if c.dtype != np.bool_:
        raise RuntimeError("where expected condition to be a boolean tensor, but got a tensor "
                           f"with dtype {_dtypes.from_numpy_dtype(c.dtype)._legacy[:-6]}")
    x, y = _as_tensor(input), _as_tensor(other)
    dt = result_dtype(x._data if isinstance(input, Tensor) else input,
                      y._data if isinstance(other, Tensor) else other)
    a, b = x._data.astype(dt, copy=False), y._data.astype(dt, copy=False)
    out = _broadcasting(lambda p, q: np.where(c, p, q), a, b)

    def backward(g):
        return (_unbroadcast(np.where(c, g, 0), a.shape),
                _unbroadcast(np.where(c, 0, g), b.shape))
    return _op(out, "WhereBackward0", backward, (x, y), saves=(None,))


# --- argument types, checked as PyTorch's argument parser checks them -----------------------------
def _expect(value, kind, op_name, arg_name, position):
    """PyTorch's TypeError for an argument of the wrong type (`position` as in the call form
    learners write most: torch.dot(a, b), x.topk(k))."""
    if not isinstance(value, kind) or kind is int and isinstance(value, bool):
        raise TypeError(f"{op_name}(): argument '{arg_name}' (position {position}) must be "
                        f"{kind.__name__}, not {type(value).__name__}")


def _invalid_arguments(op_name, *args, **kwargs):
    """PyTorch's TypeError when no signature of an overloaded op fits the arguments."""
    parts = [type(a).__name__ for a in args]
    parts += [f"{k}={type(v).__name__}" for k, v in sorted(kwargs.items())]
    listed = ", ".join(parts) + (", " if kwargs and not args else "")
    return TypeError(f"{op_name}() received an invalid combination of arguments - got ({listed}), "
                     "but expected one of:")


# --- more elementwise functions -------------------------------------------------------------------
def sin(self):
    """d(sin x)/dx = cos x."""
    x = _floating(self._data)

    def backward(g):
        return (g * np.cos(x),)
    return _op(_precise(np.sin, x), "SinBackward0", backward, (self,), saves=(self,))


def cos(self):
    """d(cos x)/dx = -sin x."""
    x = _floating(self._data)

    def backward(g):
        return (-g * np.sin(x),)
    return _op(_precise(np.cos, x), "CosBackward0", backward, (self,), saves=(self,))


def tan(self):
    """d(tan x)/dx = 1 + tan(x)**2: backward reuses the output."""
    y = _precise(np.tan, _floating(self._data))

    def backward(g):
        return (g * (1 + y * y),)
    return _op(y, "TanBackward0", backward, (self,), saves_output=True)


def log1p(self):
    """log(1 + x), exact for tiny x; its derivative is 1 / (1 + x)."""
    x = _floating(self._data)

    def backward(g):
        return (g / (1 + x),)
    return _op(_precise(np.log1p, x), "Log1PBackward0", backward, (self,), saves=(self,))


def expm1(self):
    """e**x - 1, exact for tiny x; its derivative is e**x = output + 1."""
    y = _precise(np.expm1, _floating(self._data))

    def backward(g):
        return (g * (y + 1),)
    return _op(y, "Expm1Backward0", backward, (self,), saves_output=True)


def square(self):
    return self ** 2   # PyTorch records it as a power too (PowBackward0)


# --- rounding division: //, % and fmod ------------------------------------------------------------
def _check_division(out, divisor):
    """Integer division by zero is an error in PyTorch (floats give inf and nan)."""
    if out.dtype.kind == "b":
        raise unsupported("//, % and fmod on bool tensors")
    if out.dtype.kind in "iu" and np.any(np.asarray(divisor) == 0):
        raise RuntimeError("ZeroDivisionError")


def _no_derivative(op_name):
    """The backward of an op PyTorch gives no gradient: it records a Node that refuses."""
    def backward(g):
        raise RuntimeError(f"derivative for aten::{op_name} is not implemented")
    return backward


def floor_divide(self, other):
    """a // b: the quotient rounded down (toward -inf), as Python's //. No gradient in PyTorch."""
    a, b, other, _, _, out = _binary(self, other, np.floor_divide)
    _check_division(out, b)
    return _op(out, "NotImplemented", _no_derivative("floor_divide"), (self, other))


def rfloordiv(self, other):
    return _reflected(self, other, np.floor_divide, "floor_divide")


def _reflected(self, other, np_op, op_name):
    """number // tensor and number % tensor: no gradient in PyTorch either."""
    a, b = _operands(self, other)
    out = np.asarray(np_op(b, a))
    _check_division(out, a)
    return _op(out, "NotImplemented", _no_derivative(op_name), (self,))


def remainder(self, other):
    """a % b, with the sign of b as Python's %: a - b * floor(a / b)."""
    return _remainder(self, other, _python_remainder, np.floor_divide, "Remainder")


def _python_remainder(a, b):
    """fmod, moved into b's sign when it has the other one. PyTorch computes it this way, and so
    a zero result keeps a's sign (-4. % 2 is -0.), where NumPy's remainder gives b's."""
    m = np.fmod(a, b)
    return np.where((m != 0) & ((m < 0) != (b < 0)), m + b, m)


def rremainder(self, other):
    return _reflected(self, other, _python_remainder, "remainder")


def fmod(self, other):
    """The remainder with the sign of a, as C's fmod: a - b * trunc(a / b)."""
    return _remainder(self, other, np.fmod, lambda a, b: np.trunc(a / b), "Fmod")


def _remainder(self, other, np_op, quotient, kind):
    """a - b * q(a / b), where the rounded quotient q is constant between its jumps: d/da = 1 and
    d/db = -q."""
    a, b, other, need_a, need_b, out = _binary(self, other, np_op)
    _check_division(out, b)

    def backward(g):
        return (_unbroadcast(g, a.shape) if need_a else None,
                _unbroadcast(-g * quotient(a, b), b.shape) if need_b else None)
    return _op(out, f"{kind}Backward0" if other is None else f"{kind}Backward1", backward,
               (self, other), saves=(self if need_b else None, other if need_b else None))


# --- elementwise choices: maximum, minimum, clamp with tensor bounds ------------------------------
def maximum(self, other):
    return _larger_or_smaller(self, other, np.maximum, np.less, "maximum")


def minimum(self, other):
    return _larger_or_smaller(self, other, np.minimum, np.greater, "minimum")


def _larger_or_smaller(self, other, pick, loses, kind):
    """The gradient goes to the input that was picked; a tie shares it half and half. Where one is
    nan (so is the result), both get it, as in PyTorch: an input loses only by comparison."""
    _expect(other, Tensor, kind, "other", 2)
    a, b, other, need_a, need_b, out = _binary(self, other,
                                               lambda p, q: _first_on_ties(pick, p, q))

    def backward(g):
        half = np.where(a == b, g * 0.5, g)
        return (_unbroadcast(np.where(loses(a, b), 0, half), a.shape) if need_a else None,
                _unbroadcast(np.where(loses(b, a), 0, half), b.shape) if need_b else None)
    return _op(out, f"{kind.capitalize()}Backward0", backward, (self, other), saves=(self, other))


def _first_on_ties(pick, a, b):
    """pick(a, b), but a where a == b: PyTorch's choice, seen in the sign of zero."""
    return np.where(a == b, a, pick(a, b))


def _clamp_tensors(self, min, max):
    """clamp with tensor bounds: x passes its gradient where min <= x <= max, a bound where it
    was the one chosen."""
    bounds = [None if t is None else _as_tensor(t) for t in (min, max)]
    dt = result_dtype(*[t._data for t in (self, *bounds) if t is not None])
    x = self._data.astype(dt, copy=False)
    lo, hi = (None if t is None else t._data.astype(dt, copy=False) for t in bounds)
    raised = x if lo is None else _broadcasting(  # max(x, min), then min(that, max)
        lambda p, q: _first_on_ties(np.maximum, p, q), x, lo)
    out = raised if hi is None else _broadcasting(
        lambda p, q: _first_on_ties(np.minimum, p, q), raised, hi)

    def backward(g):
        low = np.zeros(out.shape, bool) if lo is None else x < lo
        high = np.zeros(out.shape, bool) if hi is None else raised > hi
        return (_unbroadcast(np.where(low | high, 0, g), x.shape),
                None if lo is None else _unbroadcast(np.where(low & ~high, g, 0), lo.shape),
                None if hi is None else _unbroadcast(np.where(high, g, 0), hi.shape))
    return _op(out, "ClampBackward0", backward, (self, *bounds), saves=(self, *bounds))


# --- more reductions: prod, cumsum, cumprod, var, std, norm --------------------------------------
def _integer_sum_dtype(x):
    return np.int64 if x.dtype.kind in "biu" else None   # integer sums and products are int64


def prod(self, dim=None, keepdim=False, dtype=None):
    """d(prod x)/dx_i is the product of the other elements: prod / x_i when no element is 0; with
    one 0, only that element gets a gradient (the product of the rest); with two, none does."""
    if isinstance(dim, (tuple, list)):
        raise _invalid_arguments("prod", dim=dim)
    if dtype is not None:
        return self.to(dtype).prod(dim, keepdim)
    x = self._data
    axes = _axes(dim, x.ndim)
    out = np.asarray(np.prod(x, axis=axes, keepdims=keepdim, dtype=_integer_sum_dtype(x)))

    def backward(g):
        zero = x == 0
        zeros = zero.sum(axis=axes, keepdims=True)
        rest = np.prod(np.where(zero, 1, x), axis=axes, keepdims=True)
        each = np.where(zeros == 0, rest / np.where(zero, 1, x),
                        np.where(zero & (zeros == 1), rest, 0))
        return (_restore_dims(g, axes, keepdim, x.ndim) * each,)
    return _op(out, "ProdBackward0" if dim is None else "ProdBackward1", backward, (self,),
               saves=(self,), saves_output=True)


def cumsum(self, dim=None, dtype=None):
    """Running sums: x_i adds into every output from i on, so its gradient is the sum of g from i
    to the end, a cumsum of g run backwards."""
    def rule(g, x, axis):
        return np.flip(np.cumsum(np.flip(g, axis), axis=axis), axis)
    return _running(self, dim, dtype, "cumsum", rule)


def cumprod(self, dim=None, dtype=None):
    """Running products. d(out_j)/d(x_i), for j >= i, is the running product up to j with x_i
    left out: computed for every i at once (n*n values), which stays right when some x_i is 0."""
    def rule(g, x, axis):
        row = np.moveaxis(x, axis, -1)[..., None, :]                # (..., 1, k)
        n = row.shape[-1]
        without_i = np.where(np.eye(n, dtype=bool), 1, row)         # (..., i, k): x_i set to 1
        partial = np.triu(np.cumprod(without_i, axis=-1))           # (..., i, j), kept for j >= i
        gj = np.moveaxis(g, axis, -1)[..., None, :]
        return np.moveaxis((partial * gj).sum(-1), -1, axis)
    return _running(self, dim, dtype, "cumprod", rule, saves=(self,))


def _running(self, dim, dtype, kind, rule, saves=()):
    """cumsum and cumprod along `dim`; rule(g, x, axis) is the backward, on at least 1-d arrays."""
    if dim is None:
        raise TypeError(f'{kind}() missing 1 required positional arguments: "dim"')
    _expect(dim, int, kind, "dim", 1)
    if dtype is not None:
        return getattr(self.to(dtype), kind)(dim)
    x = self._data
    axis = _dim(dim, x.ndim)
    x1 = x.reshape(x.shape or (1,))
    out = getattr(np, kind)(x1, axis=axis, dtype=_integer_sum_dtype(x)).reshape(x.shape)

    def backward(g):
        return (rule(g.reshape(x1.shape), x1, axis).reshape(x.shape),)
    return _op(out, f"{kind.capitalize()}Backward0", backward, (self,), saves=saves)


def var(self, dim=None, unbiased=None, keepdim=False, *, correction=None):
    return _spread(self, dim, unbiased, keepdim, correction, "var")


def std(self, dim=None, unbiased=None, keepdim=False, *, correction=None):
    return _spread(self, dim, unbiased, keepdim, correction, "std")


def _spread(self, dim, unbiased, keepdim, correction, kind):
    """var = sum((x - mean)**2) / (N - correction), std = sqrt(var). d(var)/dx = 2 (x - mean) /
    (N - correction) (the mean's own dependence on x sums to zero); d(std) = d(var) / (2 std)."""
    if isinstance(dim, bool):   # x.var(False): the legacy `unbiased` in dim's place
        dim, unbiased = None, dim
    if unbiased is not None and correction is not None:
        raise unsupported(f"{kind}() with both unbiased= and correction=")
    if correction is None:
        correction = 0 if unbiased is False else 1
    x = self._data
    if x.dtype.kind != "f":
        raise RuntimeError("std and var only support floating point and complex dtypes")
    axes = _axes(dim, x.ndim)
    n = x.size if axes is None else int(np.prod([x.shape[a] for a in axes]))   # per output
    centred = x - x.sum(axis=axes, keepdims=True) / x.dtype.type(n)
    total = (centred * centred).sum(axis=axes, keepdims=keepdim)
    dof = n - correction
    if dof <= 0:
        warnings.warn(f"{kind}(): degrees of freedom is <= 0. Correction should be strictly less "
                      "than the reduction factor (input numel divided by output numel).",
                      UserWarning, stacklevel=3)
    dof = x.dtype.type(builtins.max(dof, 0))
    out = total / dof if kind == "var" else np.sqrt(total / dof)

    def backward(g):
        g = _restore_dims(g, axes, keepdim, x.ndim)
        if kind == "var":
            return (g * 2 * centred / dof,)
        s = _restore_dims(out, axes, keepdim, x.ndim)
        return (np.where(s == 0, 0, g * centred / (dof * s)),)   # 0 for constant input
    return _op(np.asarray(out), f"{kind.capitalize()}Backward0", backward, (self,),
               saves=(self,), saves_output=kind == "std")


def norm(self, p="fro", dim=None, keepdim=False, dtype=None):
    """Tensor.norm: 'fro' is the 2-norm of the values; numbers p are vector_norm's ord."""
    if isinstance(p, str):
        if p == "nuc":
            raise unsupported("norm(p='nuc') (the nuclear norm)")
        if p != "fro":
            raise RuntimeError(f"linalg.matrix_norm: Order {p} not supported.")
        if isinstance(dim, (tuple, list)) and len(dim) > 2:
            raise RuntimeError(f"linalg.matrix_norm: dim must be a 2-tuple. Got "
                               f"{' '.join(str(d) for d in dim)}")
        p = 2
    return vector_norm(self, p, dim, keepdim, dtype=dtype)


def vector_norm(x, ord=2, dim=None, keepdim=False, *, dtype=None):
    """(sum |x|**ord) ** (1/ord); ord inf is max |x|, 0 counts the nonzero elements. Backward:
    for ord 2, g x / norm; for 1, g sign(x); for inf, the largest |x| share g (times their sign)."""
    if not x.is_floating_point():
        raise RuntimeError("linalg.vector_norm: Expected a floating point or complex tensor as "
                           f"input. Got {x.dtype._legacy[:-6]}")
    if dtype is not None:
        x = _norm_dtype(x, dtype)
    a = x._data
    axes = _axes(dim, a.ndim)
    size = np.abs(a)
    if ord in (np.inf, -np.inf):
        _check_not_empty(a, axes, ord)
        out = (size.max if ord > 0 else size.min)(axis=axes, keepdims=keepdim)
    elif ord == 0:
        out = (size != 0).sum(axis=axes, keepdims=keepdim).astype(a.dtype)
    elif ord == 1:
        out = size.sum(axis=axes, keepdims=keepdim)
    elif ord == 2:
        out = np.sqrt((a * a).sum(axis=axes, keepdims=keepdim))
    else:
        out = (size ** ord).sum(axis=axes, keepdims=keepdim) ** (1 / ord)

    def backward(g):
        g = _restore_dims(g, axes, keepdim, a.ndim)
        y = _restore_dims(out, axes, keepdim, a.ndim)
        if ord in (np.inf, -np.inf):
            hit = size == y
            return (g * np.sign(a) * hit / hit.sum(axis=axes, keepdims=True).astype(a.dtype),)
        if ord == 0:
            return (np.zeros_like(a),)
        if ord == 1:
            return (g * np.sign(a),)
        scale = a if ord == 2 else np.where(a == 0, 0, a * size ** (ord - 2))
        return (np.where(y == 0, 0, g * scale / y ** (ord - 1)),)
    return _op(np.asarray(out), "LinalgVectorNormBackward0", backward, (x,), saves=(x,),
               saves_output=True)


def _norm_dtype(x, dtype):
    if not dtype.is_floating_point:
        raise RuntimeError(f"linalg.vector_norm: dtype should be floating point or complex, but "
                           f"got {dtype._legacy[:-6]}")
    if dtype.itemsize < x.dtype.itemsize:
        raise RuntimeError(f"linalg.vector_norm: the dtype of the input ({x.dtype._legacy[:-6]}) "
                           "should be convertible without narrowing to the specified dtype "
                           f"({dtype._legacy[:-6]})")
    return x.to(dtype)


def _check_not_empty(a, axes, ord):
    """max and min have no value for no elements (sums do: 0)."""
    name = "inf" if ord > 0 else "-inf"
    if a.size == 0 and axes is None:
        raise RuntimeError(f"linalg.vector_norm cannot compute the {name} norm on an empty tensor "
                           "because the operation does not have an identity")
    for d in axes or ():
        if a.shape[d] == 0:
            raise RuntimeError(f"linalg.vector_norm cannot compute the {name} norm on the "
                               f"dimension {d}because this dimension is empty and the operation "
                               "does not have an identity")


# --- sorting and choosing: sort, argsort, topk, gather, scatter, masked_fill ----------------------
# PyTorch sorts up to this many values stably even with stable=False; beyond it, and in topk,
# the order it gives equal values is its own: microtorch refuses rather than guess it.
_STABLE_UP_TO = 16


def _order(x, axis, descending, ties_matter=None):
    """Indices that sort x along axis, stable (equal values keep their order) both ways.
    `ties_matter` is (feature, n): refuse that feature if equal values meet among the first n
    sorted values."""
    if not descending:
        idx = np.argsort(x, axis=axis, kind="stable")
    else:
        backwards = np.argsort(np.flip(x, axis), axis=axis, kind="stable")
        idx = x.shape[axis] - 1 - np.flip(backwards, axis)
    if ties_matter is not None:
        feature, first = ties_matter
        head = np.take_along_axis(x, idx[(slice(None),) * axis + (slice(0, first),)], axis)
        if (np.diff(head, axis=axis) == 0).any():
            raise unsupported(f"{feature} (PyTorch orders equal values its own way)")
    return idx


def _sort_ties(x1, axis, stable):
    n = x1.shape[axis]
    if stable or n <= _STABLE_UP_TO:
        return None
    return f"sorting more than {_STABLE_UP_TO} values with ties and stable=False", n


def _picked(self, x1, idx, axis, kind, name=None):
    """(values, indices) of the elements of x (x1: at least 1-d) at `idx` along `axis`; the
    gradient goes back to where each value came from."""
    x = self._data
    shape = idx.shape if x.ndim else ()

    def backward(g):
        gx = np.zeros(x1.shape, dtype=g.dtype)
        np.put_along_axis(gx, idx, g.reshape(idx.shape), axis)
        return (gx.reshape(x.shape),)
    values = np.take_along_axis(x1, idx, axis).reshape(shape)
    out = _op(values, name or f"{kind.capitalize()}Backward0", backward, (self,), saves=(None,))
    return return_type(kind, out, _wrap(idx.reshape(shape).astype(np.int64)))


def sort(self, dim=-1, descending=False, stable=None):
    """Sorted along `dim`, with where each value came from. microtorch's sort is always stable.
    (Naming `stable` at all picks PyTorch's other sort, whose backward is SortBackward1.)"""
    x = self._data
    axis = _dim(dim, x.ndim)
    x1 = x.reshape(x.shape or (1,))
    return _picked(self, x1, _order(x1, axis, descending, _sort_ties(x1, axis, stable)), axis,
                   "sort", "SortBackward0" if stable is None else "SortBackward1")


def argsort(self, dim=-1, descending=False, stable=False):
    x = self._data
    axis = _dim(dim, x.ndim)
    x1 = x.reshape(x.shape or (1,))
    return _wrap(_order(x1, axis, descending, _sort_ties(x1, axis, stable)).reshape(x.shape)
                 .astype(np.int64))


def topk(self, k, dim=-1, largest=True, sorted=True):
    """The k largest (or smallest) values along `dim`, in order, with their indices."""
    _expect(k, int, "topk", "k", 1)
    if not sorted:
        raise unsupported("topk(sorted=False) (PyTorch leaves that order unspecified)")
    x = self._data
    axis = _dim(dim, x.ndim)
    x1 = x.reshape(x.shape or (1,))
    if not 0 <= k <= x1.shape[axis]:
        raise RuntimeError("selected index k out of range")
    first_k = (slice(None),) * axis + (slice(0, k),)
    idx = _order(x1, axis, largest, ("topk of tied values", k + 1))[first_k]
    return _picked(self, x1, idx, axis, "topk")


def _index(op_name, x, index, axis, of="input"):
    """index's array, with PyTorch's checks of gather and scatter (dtype, rank, bounds)."""
    _expect(index, Tensor, op_name, "index", 2)
    i = index._data
    if i.dtype.kind not in "iu":
        raise RuntimeError(f"{op_name}(): Expected dtype int32/int64 for index")
    if i.ndim != x.ndim:
        raise RuntimeError(f"Index tensor must have the same number of dimensions as {of} tensor")
    outside = (i < 0) | (i >= x.shape[axis]) if x.ndim else i != 0
    if outside.any():
        raise RuntimeError(f"index {i[outside].flat[0]} is out of bounds for dimension {axis} "
                           f"with size {x.shape[axis] if x.ndim else 1}")
    return i


def _index_grid(i, axis):
    """A NumPy index that reads or writes one element per entry of i: position i[p] along `axis`,
    p itself along every other dimension."""
    grid = list(np.indices(i.shape, sparse=True))
    grid[axis] = i
    return tuple(grid)


def _larger_than(i, x, axis):
    return any(n > m for d, (n, m) in enumerate(zip(i.shape, x.shape)) if d != axis)


def gather(self, dim, index, *, sparse_grad=False):
    """out[p] = x[p with index[p] along dim]. Backward adds g back at those places."""
    x = self._data
    axis = _dim(dim, x.ndim)
    i = _index("gather", x, index, axis)
    if _larger_than(i, x, axis):
        bad = next(d for d in range(x.ndim) if d != axis and i.shape[d] > x.shape[d])
        raise RuntimeError(f"Size does not match at dimension {bad} expected index "
                           f"{list(i.shape)} to be no larger than self {list(x.shape)} apart "
                           f"from dimension {axis}")
    grid = _index_grid(i, axis)

    def backward(g):
        gx = np.zeros(x.shape, dtype=g.dtype)
        np.add.at(gx, grid, g)
        return (gx,)
    return _op(x[grid], "GatherBackward0", backward, (self,), saves=(None,))


def scatter(self, dim, index, src=None, value=None, *, reduce=None):
    """A copy of x with src's values (or one number) written at the places index names. x's
    gradient is g with those places zeroed; src's is g read back from them."""
    if reduce is not None:
        raise unsupported(f"scatter(reduce={reduce!r})")
    src = value if src is None else src
    if not isinstance(src, (Tensor, int, float)):
        raise _invalid_arguments("scatter", dim, index, src)
    x = self._data
    axis = _dim(dim, x.ndim)
    i = _index("scatter", x, index, axis, of="self")
    grid = _index_grid(i, axis)
    out = x.copy()
    if not isinstance(src, Tensor):
        if _larger_than(i, x, axis):
            raise RuntimeError(f"Expected index {list(i.shape)} to be no larger than self "
                               f"{list(x.shape)} apart from dimension {axis}")
        out[grid] = src

        def backward(g):
            gx = g.copy()
            gx[grid] = 0
            return (gx,)
        return _op(out, "ScatterBackward1", backward, (self,), saves=(None,))
    s = src._data
    if s.dtype != x.dtype:
        raise RuntimeError("scatter(): Expected self.dtype to be equal to src.dtype")
    if _larger_than(i, x, axis) or any(n > m for n, m in zip(i.shape, s.shape)):
        raise RuntimeError(f"Expected index {list(i.shape)} to be no larger than self "
                           f"{list(x.shape)} apart from dimension {axis} and to be no larger "
                           f"size than src {list(s.shape)}")
    part = tuple(slice(0, n) for n in i.shape)
    out[grid] = s[part]

    def backward(g):
        gx = g.copy()
        gx[grid] = 0
        gs = np.zeros(s.shape, dtype=g.dtype)
        gs[part] = g[grid]
        return gx, gs
    return _op(out, "ScatterBackward0", backward, (self, src), saves=(None,))


def masked_fill(self, mask, value):
    """value where mask is True, x elsewhere. x's gradient is g where the mask is False; a
    tensor value's gradient is the sum of g where it is True."""
    if not isinstance(mask, Tensor) or not isinstance(value, (Tensor, int, float)):
        raise _invalid_arguments("masked_fill", mask, value)
    m = mask._data
    if m.dtype != np.bool_:
        raise RuntimeError("masked_fill_ only supports boolean masks, but got mask with dtype "
                           f"{C_NAMES.get(m.dtype.name, m.dtype.name)}")
    x = self._data
    fill = value
    if isinstance(value, Tensor):
        if value.ndim:
            raise RuntimeError("masked_fill_ only supports a 0-dimensional value tensor, but got "
                               f"tensor with {value.ndim} dimension(s).")
        fill = value._data
    out = _broadcasting(lambda m, x: np.where(m, x.dtype.type(fill), x), m, x)

    def backward(g):
        return (_unbroadcast(np.where(m, 0, g), x.shape),
                np.where(m, g, 0).sum() if isinstance(value, Tensor) else None)
    if isinstance(value, Tensor):
        return _op(out, "MaskedFillBackward1", backward, (self, value), saves=(None,))
    return _op(out, "MaskedFillBackward0", backward, (self, None), saves=(None,))


# --- more products: dot, bmm, einsum --------------------------------------------------------------
def dot(self, other):
    _expect(other, Tensor, "dot", "tensor", 2)
    a, b = self._data, other._data
    if a.ndim != 1 or b.ndim != 1:
        raise RuntimeError(f"1D tensors expected, but got {a.ndim}D and {b.ndim}D tensors")
    if a.dtype != b.dtype:
        raise RuntimeError(f"dot : expected both vectors to have same dtype, but found "
                           f"{self.dtype._legacy[:-6]} and {other.dtype._legacy[:-6]}")
    return matmul(self, other)   # a 1-D by 1-D matmul is a DotBackward0


def _same_dtype(self, other):
    if self._data.dtype != other._data.dtype:
        raise RuntimeError(f"expected scalar type {self.dtype._legacy[:-6]} but found "
                           f"{other.dtype._legacy[:-6]}")


def bmm(self, mat2):
    """A batch of matrix products, C[n] = A[n] @ B[n]: dA = g @ B.T and dB = A.T @ g per batch."""
    _expect(mat2, Tensor, "bmm", "mat2", 2)
    a, b = self._data, mat2._data
    for name, m in (("batch1", a), ("batch2", b)):
        if m.ndim != 3:
            raise RuntimeError(f"{name} must be a 3D tensor")
    _same_dtype(self, mat2)
    if b.shape[:2] != (a.shape[0], a.shape[2]):
        raise RuntimeError(f"Expected size for first two dimensions of batch2 tensor to be: "
                           f"[{a.shape[0]}, {a.shape[2]}] but got: [{b.shape[0]}, {b.shape[1]}].")
    need_a, need_b = self._requires_grad, mat2._requires_grad

    def backward(g):
        return (g @ np.swapaxes(b, 1, 2) if need_a else None,
                np.swapaxes(a, 1, 2) @ g if need_b else None)
    return _op(a @ b, "BmmBackward0", backward, (self, mat2),
               saves=(mat2 if need_a else None, self if need_b else None))


# The equations einsum knows, with letters renamed a, b, c... in order of appearance, and the
# grad_fn PyTorch shows for each (it computes them with other ops).
_EINSUM = {
    "ab,bc->ac": "ViewBackward0", "abc,acd->abd": "ViewBackward0", "a,a->": "ViewBackward0",
    "ab,b->a": "ViewBackward0", "ab,ab->a": "ViewBackward0", "a,b->ab": "MulBackward0",
    "ab->ba": "PermuteBackward0", "aa->a": "PermuteBackward0",
}


def einsum(equation, *operands):
    """Sums of products named by subscripts. The gradient of each operand is again an einsum:
    of g with the other operand, into the operand's subscripts."""
    if len(operands) == 1 and isinstance(operands[0], (list, tuple)):
        operands = operands[0]
    equation = equation.replace(" ", "")
    inputs, arrow, output = equation.partition("->")
    terms = inputs.split(",")
    letters = [c for c in inputs if c != ","]
    if not arrow:   # implicit output: the letters seen once, in alphabetical order
        output = "".join(sorted(c for c in set(letters) if letters.count(c) == 1))
    for k, t in enumerate(operands):
        if not isinstance(t, Tensor):
            raise TypeError(f"expected Tensor as element {k} in argument 1, but got "
                            f"{type(t).__name__}")
    tensors = list(operands)
    _check_einsum(terms, output, letters, tensors)
    rename = {c: chr(ord("a") + k) for k, c in enumerate(dict.fromkeys(letters))}
    canonical = ",".join(terms) + "->" + output
    name = _EINSUM.get(canonical.translate(str.maketrans(rename)))
    if name is None:
        raise unsupported(f"einsum equation {equation!r} (microtorch knows "
                          f"{', '.join(_EINSUM)})")
    arrays = [t._data for t in tensors]

    def backward(g):
        if len(terms) == 1 and terms[0][0] == terms[0][1]:   # 'ii->i': g goes on the diagonal
            gx = np.zeros(arrays[0].shape, dtype=g.dtype)
            np.fill_diagonal(gx, g)
            return (gx,)
        if len(terms) == 1:
            return (np.einsum(f"{output}->{terms[0]}", g),)
        return (np.einsum(f"{output},{terms[1]}->{terms[0]}", g, arrays[1]),
                np.einsum(f"{output},{terms[0]}->{terms[1]}", g, arrays[0]))
    return _op(np.asarray(np.einsum(canonical, *arrays)), name, backward, tensors,
               saves=tensors if len(tensors) == 2 else ())


def _check_einsum(terms, output, letters, tensors):
    if len(tensors) != len(terms):
        raise RuntimeError(f"einsum(): {'fewer' if len(tensors) < len(terms) else 'more'} "
                           "operands were provided than specified in the equation")
    sizes = {}
    for k, (term, t) in enumerate(zip(terms, tensors)):
        if "." in term:
            raise unsupported("einsum with an ellipsis (...)")
        if len(term) != t.ndim:
            raise RuntimeError(f"einsum(): the number of subscripts in the equation ({len(term)}) "
                               f"does not match the number of dimensions ({t.ndim}) for operand "
                               f"{k} and no ellipsis was given")
        for c, n in zip(term, t.shape):
            seen = sizes.setdefault(c, n)
            if seen != n and 1 in (seen, n):
                raise unsupported("einsum broadcasting a size-1 subscript")
            if seen != n:
                raise RuntimeError(f"einsum(): subscript {c} has size {n} for operand {k} which "
                                   f"does not broadcast with previously seen size {seen}")
    for c in output:
        if output.count(c) > 1:
            raise RuntimeError(f"einsum(): output subscript {c} appears more than once in the "
                               "output")
        if c not in letters:
            raise RuntimeError(f"einsum(): output subscript {c} does not appear in the equation "
                               "for any input operand")
    for t in tensors[1:]:
        _same_dtype(tensors[0], t)


# --- more shape ops: expand, repeat, flip, split, chunk, diag -------------------------------------
def expand(self, *sizes):
    """A view that repeats size-1 dimensions (and adds leading ones) without copying; -1 keeps a
    size. Backward sums g back over what was repeated."""
    x = self._data
    sizes = _shape_arg(sizes)
    if len(sizes) < x.ndim:
        raise RuntimeError(f"expand({self.type()}{{{list(x.shape)}}}, size={list(sizes)}): the "
                           f"number of sizes provided ({len(sizes)}) must be greater or equal to "
                           f"the number of dimensions in the tensor ({x.ndim})")
    lead = len(sizes) - x.ndim
    target = list(sizes)
    for d, s in enumerate(sizes):
        if d < lead:
            if s < 0:
                raise RuntimeError(f"The expanded size of the tensor ({s}) isn't allowed in a "
                                   f"leading, non-existing dimension {d}")
            continue
        n = x.shape[d - lead]
        if s == -1:
            target[d] = n
        elif n != 1 and s != n:
            raise RuntimeError(f"The expanded size of the tensor ({s}) must match the existing "
                               f"size ({n}) at non-singleton dimension {d}.  Target sizes: "
                               f"{list(sizes)}.  Tensor sizes: {list(x.shape)}")
    return _shape_op(self, np.broadcast_to(x, target), "ExpandBackward0",
                     lambda g: _unbroadcast(g, x.shape))


def expand_as(self, other):
    return self.expand(other.shape)


def repeat(self, *sizes):
    """Tile the tensor `sizes` times along each dimension (a copy). Backward splits each
    dimension of g into (repeats, size) and sums over the repeats."""
    x = self._data
    reps = _shape_arg(sizes)
    if len(reps) < x.ndim:
        raise RuntimeError("Number of dimensions of repeat dims can not be smaller than number "
                           "of dimensions of tensor")
    shape = (1,) * (len(reps) - x.ndim) + x.shape
    if builtins.min(reps, default=0) < 0:
        sizes = [r * n for r, n in zip(reps, shape)]
        raise RuntimeError(f"Trying to create tensor with negative dimension "
                           f"{builtins.min(sizes)}: {sizes}")

    def backward(g):
        split = g.reshape([n for pair in zip(reps, shape) for n in pair])
        return (split.sum(axis=tuple(range(0, 2 * len(reps), 2))).reshape(x.shape),)
    return _op(np.tile(x.reshape(shape), reps), "RepeatBackward0", backward, (self,))


def flip(self, *dims):
    """The order reversed along `dims` (a copy, as in PyTorch); backward flips g back."""
    if not dims:
        raise TypeError('flip() missing 1 required positional arguments: "dims"')
    x = self._data
    axes = tuple(_dim(d, x.ndim) for d in _shape_arg(dims))
    for d in axes:
        if axes.count(d) > 1:
            raise RuntimeError(f"dim {d} appears multiple times in the list of dims")
    return _shape_op(self, np.flip(x, axes).copy(), "FlipBackward0", lambda g: np.flip(g, axes),
                     view=False)


def split(self, split_size_or_sections, dim=0):
    """Pieces along `dim`, each a view: of split_size each (the last may be shorter), or of the
    listed sizes."""
    x = self._data
    if x.ndim == 0:
        raise RuntimeError("split expects at least a 1-dimensional tensor")
    axis = _dim(dim, x.ndim)
    n = x.shape[axis]
    if isinstance(split_size_or_sections, (list, tuple)):
        sizes = list(split_size_or_sections)
        if builtins.min(sizes, default=0) < 0:
            raise RuntimeError(f"split_with_sizes expects split_sizes have only non-negative "
                               f"entries, but got split_sizes={sizes}")
        if builtins.sum(sizes) != n:
            raise RuntimeError(f"split_with_sizes expects split_sizes to sum exactly to {n} "
                               f"(input tensor's size at dimension {axis}), but got "
                               f"split_sizes={sizes}")
        return _pieces(self, sizes, axis, "SplitWithSizesBackward0")
    size = split_size_or_sections
    if size < 0:
        raise RuntimeError(f"split expects split_size be non-negative, but got split_size={size}")
    if size == 0 and n:
        raise RuntimeError(f"split_size can only be 0 if dimension size is 0, but got dimension "
                           f"size of {n}")
    sizes = [size] * (n // size) + ([n % size] if n % size else []) if n else [0]
    return _pieces(self, sizes, axis, "SplitBackward0")


def chunk(self, chunks, dim=0):
    """`chunks` pieces of equal size along `dim` (the last may be smaller, or fewer pieces)."""
    if self._data.ndim == 0:
        raise RuntimeError("chunk expects at least a 1-dimensional tensor")
    if chunks <= 0:
        raise RuntimeError(f"chunk expects `chunks` to be greater than 0, got: {chunks}")
    axis = _dim(dim, self._data.ndim)
    n = self._data.shape[axis]
    if n == 0:   # as many empty pieces as asked for
        return _pieces(self, [0] * chunks, axis, "SplitBackward0")
    return split(self, -(-n // chunks), dim)


def _pieces(self, sizes, axis, name):
    """Consecutive slices of the given sizes along `axis`, each a view; each slice's backward
    puts its gradient back in its place."""
    x = self._data
    starts = np.cumsum([0] + sizes).tolist()

    def piece(start, stop):
        index = (slice(None),) * axis + (slice(start, stop),)

        def backward(g):
            gx = np.zeros(x.shape, dtype=g.dtype)
            gx[index] = g
            return (gx,)
        result = _op(x[index], name, backward, (self,))
        _share_memory(result, self)
        return result
    return tuple(piece(a, b) for a, b in zip(starts, starts[1:]))


def diag(self, diagonal=0):
    """A 1-D tensor becomes a matrix with it on the `diagonal`; a matrix gives that diagonal."""
    _expect(diagonal, int, "diag", "diagonal", 2)
    x = self._data
    if x.ndim == 1:
        def backward(g):
            return (np.diagonal(g, diagonal).copy(),)
        return _op(np.diag(x, diagonal), "DiagEmbedBackward0", backward, (self,))
    if x.ndim != 2:
        raise RuntimeError(f"diag(): Supports 1D or 2D tensors. Got {x.ndim}D")
    n = np.diagonal(x, diagonal).shape[0]
    rows = np.arange(n) + builtins.max(-diagonal, 0)
    cols = np.arange(n) + builtins.max(diagonal, 0)

    def backward(g):
        gx = np.zeros(x.shape, dtype=g.dtype)
        gx[rows, cols] = g
        return (gx,)
    return _op(x[rows, cols], "DiagonalBackward0_copy", backward, (self,))


# The grad_fns of ops whose result is a view of their input (the same memory).
_VIEW_NODES = frozenset((
    "ViewBackward0", "AliasBackward0", "SelectBackward0", "SliceBackward0", "UnsqueezeBackward0",
    "SqueezeBackward0", "SqueezeBackward1", "SqueezeBackward2", "TransposeBackward0",
    "TBackward0", "PermuteBackward0", "ExpandBackward0", "UnbindBackward0", "SplitBackward0",
    "SplitWithSizesBackward0"))


def detach_(self):
    """Cut this tensor out of the graph in place: it becomes a leaf that needs no gradient. A
    view cannot (it shares its base's place in the graph)."""
    if self.grad_fn is not None and self.grad_fn.name() in _VIEW_NODES:
        raise RuntimeError("Can't detach views in-place. Use detach() instead. If you are using "
                           "DistributedDataParallel (DDP) for training, and "
                           "gradient_as_bucket_view is set as True, gradients are views of DDP "
                           "buckets, and hence detach_() cannot be called on these gradients. To "
                           "fix this error, please refer to the Optimizer.zero_grad() function "
                           "in torch/optim/optimizer.py as the solution.")
    self.grad_fn = None
    self._requires_grad = False
    return self


def nonzero_tuple(condition):
    """torch.where(condition) with one argument: the indices where it holds, one tensor per dim."""
    c = np.atleast_1d(_as_tensor(condition)._data)
    return tuple(_wrap(i.astype(np.int64)) for i in np.nonzero(c))


# --- the table ------------------------------------------------------------------------------------
# Tensor's methods and operators that record a graph. Those that compute new floating-point
# values run under `silent` (quiet on inf and nan, as PyTorch); the others only move, pick or
# compare values, or silence their own arithmetic (`_binary`), and skip its cost.
SILENT = {
    "__rsub__": rsub, "__rtruediv__": rdiv, "reciprocal": reciprocal, "__rpow__": rpow,
    "__matmul__": matmul, "matmul": matmul, "mm": mm,
    "sum": sum, "mean": mean, "exp": exp, "log": log, "sqrt": sqrt, "round": round,
    "clamp": clamp,
    "clip": clamp, "sigmoid": sigmoid, "tanh": tanh, "softmax": softmax,
    "log_softmax": log_softmax, "to": to,
}
PLAIN = {
    "__add__": add, "__radd__": add, "add": add, "__sub__": sub, "sub": sub, "__mul__": mul,
    "__rmul__": mul, "mul": mul, "__truediv__": div, "div": div, "__pow__": pow, "pow": pow,
    "__neg__": neg, "__pos__": pos, "max": max, "min": min, "abs": abs, "__abs__": abs,
    "relu": relu,
    "reshape": reshape, "view": view, "flatten": flatten, "view_as": view_as,
    "reshape_as": reshape_as, "squeeze": squeeze, "unsqueeze": unsqueeze,
    "transpose": transpose, "t": t, "permute": permute, "clone": clone,
    "__getitem__": getitem, "unbind": unbind,
}
# The ops of microtorch 2 (issue 11), in the same two kinds.
SILENT.update({
    "sin": sin, "cos": cos, "tan": tan, "log1p": log1p, "expm1": expm1,
    "__floordiv__": floor_divide, "floor_divide": floor_divide, "__rfloordiv__": rfloordiv,
    "__mod__": remainder, "remainder": remainder, "__rmod__": rremainder, "fmod": fmod,
    "prod": prod, "cumsum": cumsum, "cumprod": cumprod, "var": var, "std": std, "norm": norm,
    "bmm": bmm, "dot": dot,
})
PLAIN.update({
    "square": square, "maximum": maximum, "minimum": minimum, "sort": sort, "argsort": argsort,
    "topk": topk, "gather": gather, "scatter": scatter,
    "masked_fill": masked_fill, "expand": expand,
    "expand_as": expand_as, "repeat": repeat, "flip": flip, "split": split, "chunk": chunk,
    "diag": diag, "detach_": detach_,
})
for _name, _function in SILENT.items():
    setattr(Tensor, _name, silent(_function))
for _name, _function in PLAIN.items():
    setattr(Tensor, _name, _function)
# No __rmatmul__: PyTorch refuses `list @ tensor`, `array @ tensor` and `number @ tensor`.
for _name in ("__radd__", "__rsub__", "__rmul__", "__rtruediv__", "__rpow__"):
    setattr(Tensor, _name, reflected(getattr(Tensor, _name)))
Tensor.T = property(T)
Tensor.backward = tensor_backward

# torch.<name>(t, ...) is t.<name>(...) (torch.neg is -t); cat, stack and where are only functions.
TORCH_FUNCTIONS = {name: getattr(Tensor, name) for name in (
    "add", "sub", "mul", "div", "pow", "matmul", "mm", "sum", "mean", "max", "min", "exp", "log",
    "sqrt", "round", "abs", "clamp", "clip", "relu", "sigmoid", "tanh", "softmax", "log_softmax",
    "reshape", "flatten", "squeeze", "unsqueeze", "transpose", "t", "permute", "argmax",
    "argmin", "eq", "ne", "lt", "le", "gt", "ge", "allclose", "isclose", "equal", "clone",
    "detach", "all", "any", "unbind", "__neg__")}
TORCH_FUNCTIONS["neg"] = TORCH_FUNCTIONS.pop("__neg__")
TORCH_FUNCTIONS.update(cat=silent(cat), stack=silent(stack), where=silent(where))
TORCH_FUNCTIONS.update({name: getattr(Tensor, name) for name in (
    "sin", "cos", "tan", "log1p", "expm1", "square", "floor_divide", "remainder", "fmod",
    "maximum", "minimum", "prod", "cumsum", "cumprod", "var", "std", "norm", "bmm", "dot",
    "sort", "argsort", "topk", "gather", "scatter", "masked_fill", "split", "chunk", "flip",
    "diag")}, einsum=silent(einsum))
