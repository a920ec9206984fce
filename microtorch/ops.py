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
from ._checks import (_axes, _broadcast_error, _broadcasting, _check_cat, _check_cat_shapes,
                      _check_matmul, _check_stack, _dim, _infer_shape, _permutation, _shape_arg)
from ._dtypes import result_dtype
from ._errors import T_NOT_2D, unsupported
from ._silent import loud, quiet, silent
from ._tensor import (Tensor, _as_tensor, _operands, _share_memory, _wrap, index_to_numpy,
                      return_type)
from .engine import _op, _unbroadcast, tensor_backward


# --- arithmetic ---------------------------------------------------------------------------------
def _binary(self, other, forward, floating=False):
    """What every binary op does first: the two NumPy operands in the dtype PyTorch computes in
    (`a` an array or NumPy scalar; `b` too, or a Python number), `other` as a Tensor or None (a
    number gets no gradient), which of the two need a gradient, and the forward result (with
    PyTorch's error for shapes that do not broadcast). The forward runs silently on inf and nan
    (these ops are the hottest: they skip `silent`'s wrapper, see the table)."""
    a, b = _operands(self, other, floating)
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
    a, b, other, need_a, need_b, out = _binary(self, other, operator.sub)
    sa, sb = a.shape, b.shape if need_b else None

    def backward(g):
        return (_unbroadcast(g, sa) if need_a else None,
                _unbroadcast(-g, sb) if need_b else None)
    return _op(out, "SubBackward0", backward, (self, other))


def rsub(self, other):
    """number - tensor: the tensor's gradient is -g."""
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
    def backward(g):
        return (-g,)
    return _op(-self._data, "NegBackward0", backward, (self,))


def pos(self):
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


def rmatmul(self, other):
    return _as_tensor(other) @ self


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
    if isinstance(dim, Tensor):
        raise unsupported(f"torch.{kind}(input, other) (elementwise maximum/minimum)")
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

    def backward(g):
        return (g * np.sign(x),)
    return _op(np.abs(x), "AbsBackward0", backward, (self,), saves=(self,))


def clamp(self, min=None, max=None):
    """The gradient passes where min <= x <= max and is 0 where the value was clipped."""
    if min is None and max is None:
        raise RuntimeError("torch.clamp: At least one of 'min' or 'max' must not be None")
    if isinstance(min, Tensor) or isinstance(max, Tensor):
        raise unsupported("clamp with tensor bounds")
    x = self._data
    out = np.clip(x, min, max)
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


def softmax(self, dim):
    """s_i = e**x_i / sum_j e**x_j. Backward: s * (g - sum(g * s)) along `dim`."""
    x = _floating(self._data)
    axis = _dim(dim, x.ndim)
    e = _precise(np.exp, x - x.max(axis=axis, keepdims=True))
    y = e / e.sum(axis=axis, keepdims=True)

    def backward(g):
        return (y * (g - (g * y).sum(axis=axis, keepdims=True)),)
    return _op(y, "SoftmaxBackward0", backward, (self,), saves_output=True)


def log_softmax(self, dim):
    """x_i - log sum_j e**x_j, computed stably. Backward: g - softmax * sum(g) along `dim`."""
    x = _floating(self._data)
    axis = _dim(dim, x.ndim)
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
    return x if x.dtype.kind == "f" else x.astype(np.float32)


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


def to(self, *args, dtype=None, device=None):
    """Convert to another dtype (`x.to(torch.float64)`). microtorch only has the CPU."""
    for a in args:
        if isinstance(a, _dtypes.dtype):
            dtype = a
        else:
            device = a
    if device is not None and str(device) != "cpu":
        raise unsupported(f"device {device!r} (microtorch runs on the CPU only)")
    if dtype is None or dtype.np == self._data.dtype:
        return self
    src = self._data.dtype

    def backward(g):
        return (g.astype(src),)
    return _op(self._data.astype(dtype.np), "ToCopyBackward0", backward, (self,))


# --- indexing -----------------------------------------------------------------------------------
def getitem(self, index):
    """Basic indexing (ints, slices, None, ...) returns a view; indexing with tensors or lists
    gathers a copy. Backward scatters g back; repeated indices accumulate (np.add.at)."""
    x = self._data
    idx, advanced = index_to_numpy(index)
    shape = x.shape
    try:
        x[idx]
    except IndexError as e:   # NumPy says "axis" where PyTorch says "dimension"
        raise IndexError(str(e).replace("for axis", "for dimension")) from None
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
    if input is None or other is None:
        raise unsupported("torch.where(condition) with one argument (use nonzero-style indexing)")
    c = _as_tensor(condition)._data.astype(bool)
    x, y = _as_tensor(input), _as_tensor(other)
    dt = result_dtype(x._data if isinstance(input, Tensor) else input,
                      y._data if isinstance(other, Tensor) else other)
    a, b = x._data.astype(dt, copy=False), y._data.astype(dt, copy=False)
    out = _broadcasting(lambda p, q: np.where(c, p, q), a, b)

    def backward(g):
        return (_unbroadcast(np.where(c, g, 0), a.shape),
                _unbroadcast(np.where(c, 0, g), b.shape))
    return _op(out, "WhereBackward0", backward, (x, y), saves=(None,))


# --- the table ------------------------------------------------------------------------------------
# Tensor's methods and operators that record a graph. Those that compute new floating-point
# values run under `silent` (quiet on inf and nan, as PyTorch); the others only move, pick or
# compare values, or silence their own arithmetic (`_binary`), and skip its cost.
SILENT = {
    "__rsub__": rsub, "__rtruediv__": rdiv, "reciprocal": reciprocal, "__rpow__": rpow,
    "__matmul__": matmul, "matmul": matmul, "__rmatmul__": rmatmul, "mm": mm,
    "sum": sum, "mean": mean, "exp": exp, "log": log, "sqrt": sqrt, "clamp": clamp,
    "clip": clamp, "sigmoid": sigmoid, "tanh": tanh, "softmax": softmax,
    "log_softmax": log_softmax, "to": to,
}
PLAIN = {
    "__add__": add, "__radd__": add, "add": add, "__sub__": sub, "sub": sub, "__mul__": mul,
    "__rmul__": mul, "mul": mul, "__truediv__": div, "div": div, "__pow__": pow, "pow": pow,
    "__neg__": neg, "__pos__": pos, "max": max, "min": min, "abs": abs, "relu": relu,
    "reshape": reshape, "view": view, "flatten": flatten, "view_as": view_as,
    "reshape_as": reshape_as, "squeeze": squeeze, "unsqueeze": unsqueeze,
    "transpose": transpose, "t": t, "permute": permute, "clone": clone,
    "__getitem__": getitem, "unbind": unbind,
}
for _name, _function in SILENT.items():
    setattr(Tensor, _name, silent(_function))
for _name, _function in PLAIN.items():
    setattr(Tensor, _name, _function)
Tensor.T = property(T)
Tensor.backward = tensor_backward

# torch.<name>(t, ...) is t.<name>(...) (torch.neg is -t); cat, stack and where are only functions.
TORCH_FUNCTIONS = {name: getattr(Tensor, name) for name in (
    "add", "sub", "mul", "div", "pow", "matmul", "mm", "sum", "mean", "max", "min", "exp", "log",
    "sqrt", "abs", "clamp", "clip", "relu", "sigmoid", "tanh", "softmax", "log_softmax",
    "reshape", "flatten", "squeeze", "unsqueeze", "transpose", "t", "permute", "argmax",
    "argmin", "eq", "ne", "lt", "le", "gt", "ge", "allclose", "isclose", "equal", "clone",
    "detach", "all", "any", "unbind", "__neg__")}
TORCH_FUNCTIONS["neg"] = TORCH_FUNCTIONS.pop("__neg__")
TORCH_FUNCTIONS.update(cat=silent(cat), stack=silent(stack), where=silent(where))
