"""The microtorch engine: a Tensor, the graph it records, and backward. Read it top to bottom.

A Tensor wraps a NumPy array. When an op runs while gradients are enabled and one of its inputs
requires grad, the result also gets a `grad_fn`: a Node that remembers

* `backward`: a closure turning the gradient of the op's output into gradients of its inputs
  (the chain rule for that one op, written right next to the forward computation), and
* `next`: where each input's gradient goes next: the input's own grad_fn, the input itself if
  it is a leaf that requires grad, or None.

`loss.backward()` walks these Nodes from the loss back to the leaves in topological order, so
that each Node runs once with the sum of all the gradients flowing into it, and finally adds
each leaf's gradient into its `.grad`.

Two details make the result match PyTorch:

* Broadcasting copies an input along some dimensions; its gradient is therefore the sum of the
  output gradient over those dimensions (`_unbroadcast`).
* Nodes keep what their backward needs ("saved tensors") only until the first backward, unless
  `retain_graph=True`; in-place changes to a saved tensor are detected with a version counter.

The graph holds no reference cycles: a Tensor points to its Node, a Node to the Nodes and leaves
of its inputs, never back to the Tensor it produced. Dropping the loss frees the graph at once.
"""
import warnings
import weakref

import numpy as np

from . import _dtypes
from ._checks import (_axes, _broadcast_error, _broadcasting, _check_cat, _check_cat_shapes,
                      _check_matmul, _check_stack, _dim, _infer_shape, _permutation, _shape_arg)
from ._dtypes import result_dtype
from ._errors import NON_LEAF_GRAD, T_NOT_2D, freed_graph, modified_in_place, unsupported
from ._tensor_base import (Size, TensorBase, _HookHandle, device,  # noqa: F401  (re-exported)
                           _operands, _SCALARS, index_to_numpy, return_type)

# ----------------------------------------------------------------------------------------------
# Gradient mode: `with torch.no_grad():` switches recording off.
# ----------------------------------------------------------------------------------------------
_grad_enabled = True


def is_grad_enabled():
    return _grad_enabled


class set_grad_enabled:
    """Switch gradient recording on or off; works as a call and as a context manager."""

    def __init__(self, mode):
        global _grad_enabled
        self._prev = _grad_enabled
        _grad_enabled = bool(mode)

    def __enter__(self):
        return None

    def __exit__(self, *exc):
        global _grad_enabled
        _grad_enabled = self._prev


class _GradMode:
    """Base of no_grad / enable_grad: a context manager that is also a decorator."""
    _mode = None

    def __enter__(self):
        global _grad_enabled
        self._prev = _grad_enabled
        _grad_enabled = self._mode

    def __exit__(self, *exc):
        global _grad_enabled
        _grad_enabled = self._prev

    def __call__(self, func):
        import functools

        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            with type(self)():
                return func(*args, **kwargs)
        return wrapper


class no_grad(_GradMode):
    """Inside `with no_grad():` ops record nothing: results have no grad_fn."""
    _mode = False


class enable_grad(_GradMode):
    _mode = True


# ----------------------------------------------------------------------------------------------
# The graph: one Node per op result.
# ----------------------------------------------------------------------------------------------
class Node:
    """A step of the backward pass. Its class name is PyTorch's (AddBackward0, MmBackward0, ...)."""

    __slots__ = ("_backward", "_next", "_saved", "_value", "_hooks", "_retain", "_grad",
                 "__weakref__")

    def name(self):
        return type(self).__name__

    @property
    def next_functions(self):
        """((node, 0), ...) for each input, as in PyTorch; a leaf appears as its AccumulateGrad."""
        return tuple((_accumulator(n) if isinstance(n, Tensor) else n, 0) for n in self._next)

    def register_hook(self, hook):
        raise unsupported("Node.register_hook (register the hook on the tensor instead)")

    def __repr__(self):
        return f"<{type(self).__name__} object at {hex(id(self))}>"


_node_types = {}


def _node_type(name):
    """The Node subclass called `name`, created once, so `type(t.grad_fn).__name__` is PyTorch's."""
    if name not in _node_types:
        _node_types[name] = type(name, (Node,), {"__slots__": ()})
    return _node_types[name]


# PyTorch's names for the backward of each op (shown as grad_fn=<...>).
AddBackward0, SubBackward0, RsubBackward1, MulBackward0, DivBackward0, NegBackward0 = map(
    _node_type, ["AddBackward0", "SubBackward0", "RsubBackward1", "MulBackward0", "DivBackward0",
                 "NegBackward0"])
PowBackward0, PowBackward1, PowBackward2, ReciprocalBackward0 = map(
    _node_type, ["PowBackward0", "PowBackward1", "PowBackward2", "ReciprocalBackward0"])
MmBackward0, MvBackward0, DotBackward0, UnsafeViewBackward0, SqueezeBackward4 = map(
    _node_type, ["MmBackward0", "MvBackward0", "DotBackward0", "UnsafeViewBackward0",
                 "SqueezeBackward4"])
SumBackward0, SumBackward1, MeanBackward0, MeanBackward1 = map(
    _node_type, ["SumBackward0", "SumBackward1", "MeanBackward0", "MeanBackward1"])
ExpBackward0, LogBackward0, SqrtBackward0, AbsBackward0, ClampBackward1 = map(
    _node_type, ["ExpBackward0", "LogBackward0", "SqrtBackward0", "AbsBackward0", "ClampBackward1"])
ReluBackward0, SigmoidBackward0, TanhBackward0, SoftmaxBackward0, LogSoftmaxBackward0 = map(
    _node_type, ["ReluBackward0", "SigmoidBackward0", "TanhBackward0", "SoftmaxBackward0",
                 "LogSoftmaxBackward0"])
ViewBackward0, SqueezeBackward0, SqueezeBackward1, SqueezeBackward2, UnsqueezeBackward0 = map(
    _node_type, ["ViewBackward0", "SqueezeBackward0", "SqueezeBackward1", "SqueezeBackward2",
                 "UnsqueezeBackward0"])
TransposeBackward0, TBackward0, PermuteBackward0, CloneBackward0, ToCopyBackward0 = map(
    _node_type, ["TransposeBackward0", "TBackward0", "PermuteBackward0", "CloneBackward0",
                 "ToCopyBackward0"])
IndexBackward0, SelectBackward0, SliceBackward0, AliasBackward0, UnbindBackward0 = map(
    _node_type, ["IndexBackward0", "SelectBackward0", "SliceBackward0", "AliasBackward0",
                 "UnbindBackward0"])
CatBackward0, StackBackward0, WhereBackward0 = map(
    _node_type, ["CatBackward0", "StackBackward0", "WhereBackward0"])
MaxBackward0, MaxBackward1, MinBackward0, MinBackward1 = map(
    _node_type, ["MaxBackward0", "MaxBackward1", "MinBackward0", "MinBackward1"])


class AccumulateGrad:
    """The graph's view of a leaf: where its gradient is accumulated into `.grad`."""

    __slots__ = ("_variable",)

    def __init__(self, variable):
        self._variable = weakref.ref(variable)   # weak: the leaf keeps this object alive

    @property
    def variable(self):
        return self._variable()

    def name(self):
        return "torch::autograd::AccumulateGrad"

    next_functions = ()

    def __repr__(self):
        return f"<AccumulateGrad object at {hex(id(self))}>"


def _accumulator(leaf):
    # Cached on the leaf so that the same leaf always shows the same AccumulateGrad, as in PyTorch.
    extras = leaf._extras_dict()
    if "acc" not in extras:
        extras["acc"] = AccumulateGrad(leaf)
    return extras["acc"]


def _op(data, node_type, backward, inputs, saves=(), saves_output=False):
    """Wrap an op's result; record a Node if gradients are on and any input requires grad.

    `inputs` lists the op's tensor operands (None for a Python number); `backward(g)` returns one
    gradient per input. `saves` are the operands whose values backward reads: PyTorch frees those
    after backward and refuses to backward through them again or after they changed in place.
    """
    out = _wrap(data)
    if not _grad_enabled:
        return out
    edges = []
    recording = False
    for t in inputs:
        if t is not None and t._requires_grad:
            edges.append(t.grad_fn or t)   # where this input's gradient goes next
            recording = True
        else:
            edges.append(None)
    if not recording:
        return out
    node = node_type()
    node._backward = backward
    node._next = edges
    saved = None
    if saves or saves_output:
        saved = []
        for t in saves:
            if isinstance(t, Tensor):   # skips None and Python numbers
                saved.append((t._version, t._version[0], t._data, t.grad_fn))
        if saves_output:
            saved.append((out._version, 0, out._data, node_type))
    node._saved = saved
    node._value = out._data
    node._hooks = node._retain = node._grad = None
    out._requires_grad = True
    out.grad_fn = node
    return out


def _unbroadcast(g, shape):
    """Backward of broadcasting: sum `g` over the dimensions that broadcasting added or stretched,
    so the gradient has exactly the input's `shape` (size-1 and 0-d dimensions included)."""
    if g.shape == shape:
        return g
    lead = g.ndim - len(shape)
    if lead:
        g = g.sum(axis=tuple(range(lead)))
    stretched = tuple(i for i, n in enumerate(shape) if n == 1 and g.shape[i] != 1)
    if stretched:
        g = g.sum(axis=stretched, keepdims=True)
    return np.asarray(g)


# ----------------------------------------------------------------------------------------------
# The Tensor.
# ----------------------------------------------------------------------------------------------
def _wrap(data, cls=None):
    """A new Tensor around the array `data` (no copy): the fast path every op uses."""
    t = object.__new__(cls or Tensor)
    if data.__class__ is not np.ndarray:
        data = np.asarray(data)   # NumPy returns scalars from 0-d arithmetic; keep arrays
    t._data = data
    t._requires_grad = False
    t.grad_fn = None
    t._grad = None
    t._version = [0]
    t._extras = None
    return t


def _share_memory(view, base):
    """Mark `view` as a view of `base`: one version counter, and in-place changes to a view of a
    leaf that requires grad are refused as PyTorch refuses them."""
    view._version = base._version
    if base._requires_grad and base.grad_fn is None and view.grad_fn is not None:
        view._extras = {"view_of_leaf": True}


def _view(data, base):
    """A Tensor viewing `base`'s memory: it shares base's version counter, as views do."""
    t = _wrap(data)
    t._version = base._version
    return t


class Tensor(TensorBase):
    """An n-dimensional array that can record how it was computed.

    `_data` is the NumPy array holding the values; `grad_fn` the Node that produced it (None for
    a leaf); `_grad` the accumulated gradient (a Tensor or None); `_version` a one-element list,
    shared with views of the same memory, counting in-place changes.
    """

    __slots__ = ("_data", "_requires_grad", "grad_fn", "_grad", "_version", "_extras",
                 "__weakref__")

    def __init__(self, *args):
        # The legacy constructor: torch.Tensor([1, 2]) or torch.Tensor(2, 3) make float32 tensors.
        if len(args) == 1 and not isinstance(args[0], (int, np.integer)):
            data = args[0]._data if isinstance(args[0], Tensor) else args[0]
            data = np.array(data, dtype=np.float32)
        else:
            data = np.empty(tuple(int(a) for a in args), dtype=np.float32)
        self._data = data
        self._requires_grad = False
        self.grad_fn = None
        self._grad = None
        self._version = [0]
        self._extras = None

    def _extras_dict(self):
        if self._extras is None:
            self._extras = {}
        return self._extras

    # --- attributes ---------------------------------------------------------------------------
    @property
    def requires_grad(self):
        return self._requires_grad

    @requires_grad.setter
    def requires_grad(self, value):
        self.requires_grad_(value)

    def requires_grad_(self, requires_grad=True):
        if self.grad_fn is not None:
            raise RuntimeError(
                "you can only change requires_grad flags of leaf variables. If you want to use a "
                "computed variable in a subgraph that doesn't require differentiation use "
                "var_no_grad = var.detach().")
        if requires_grad and self._data.dtype.kind != "f":
            raise RuntimeError("only Tensors of floating point dtype can require gradients")
        self._requires_grad = bool(requires_grad)
        return self

    @property
    def is_leaf(self):
        return self.grad_fn is None

    @property
    def grad(self):
        if self.grad_fn is not None and not self.retains_grad:
            warnings.warn(NON_LEAF_GRAD, UserWarning, stacklevel=2)
        return self._grad

    @grad.setter
    def grad(self, value):
        if value is not None and tuple(value.shape) != self._data.shape:
            raise RuntimeError("assigned grad has data of a different size")
        self._grad = value

    @property
    def retains_grad(self):
        return self.grad_fn is not None and self.grad_fn._retain is not None

    def retain_grad(self):
        """Ask backward to store this non-leaf tensor's gradient in `.grad` too."""
        if not self._requires_grad:
            raise RuntimeError("can't retain_grad on Tensor that has requires_grad=False")
        if self.grad_fn is not None and self.grad_fn._retain is None:
            self.grad_fn._retain = weakref.ref(self)

    def register_hook(self, hook):
        """Call `hook(grad)` when this tensor's gradient is computed; a non-None result replaces it."""
        if not self._requires_grad:
            raise RuntimeError("cannot register a hook on a tensor that doesn't require gradient")
        if self.grad_fn is None:
            hooks = self._extras_dict().setdefault("hooks", [])
        else:
            if self.grad_fn._hooks is None:
                self.grad_fn._hooks = []
            hooks = self.grad_fn._hooks
        hooks.append(hook)
        return _HookHandle(hooks, hook)

    @property
    def data(self):
        """The same memory as a new leaf that does not require grad. In-place changes through it
        are invisible to autograd (it has its own version counter): prefer `no_grad()`."""
        return _wrap(self._data)

    @data.setter
    def data(self, value):
        self._data = value._data

    # --- leaving the graph ------------------------------------------------------------------
    def detach(self):
        """The same values and memory, cut off from the graph (a new leaf)."""
        return _view(self._data, self)

    # --- backward ---------------------------------------------------------------------------
    def backward(self, gradient=None, retain_graph=None, create_graph=False, inputs=None):
        """Add d(self)/d(leaf) into every leaf's `.grad`. `gradient` is required unless self is a
        scalar: it is the vector in the vector-Jacobian product."""
        if create_graph:
            raise unsupported("create_graph=True (higher-order gradients)")
        if inputs is not None:
            raise unsupported("backward(inputs=...)")
        with np.errstate(all="ignore"):   # inf and nan gradients arrive silently, as in PyTorch
            run_backward((self,), (gradient,), retain_graph)

    # --- arithmetic: forward and backward side by side ------------------------------------------
    def __add__(self, other):
        """d(a+b)/da = d(a+b)/db = 1: both inputs get g (summed back over broadcast dims)."""
        a, b = _operands(self, other)
        other = other if isinstance(other, Tensor) else None   # None: a number, no gradient
        need_a, need_b = self._requires_grad, other is not None and other._requires_grad
        try:
            out = a + b
        except ValueError:
            raise _broadcast_error(a, b) from None

        def backward(g):
            return (_unbroadcast(g, a.shape) if need_a else None,
                    _unbroadcast(g, b.shape) if need_b else None)
        return _op(out, AddBackward0, backward, (self, other))

    __radd__ = __add__

    def __sub__(self, other):
        """d(a-b)/da = 1 and d(a-b)/db = -1."""
        a, b = _operands(self, other)
        other = other if isinstance(other, Tensor) else None   # None: a number, no gradient
        need_a, need_b = self._requires_grad, other is not None and other._requires_grad
        try:
            out = a - b
        except ValueError:
            raise _broadcast_error(a, b) from None

        def backward(g):
            return (_unbroadcast(g, a.shape) if need_a else None,
                    _unbroadcast(-g, b.shape) if need_b else None)
        return _op(out, SubBackward0, backward, (self, other))

    def __rsub__(self, other):
        a, b = _operands(self, other)

        def backward(g):
            return (-g,)
        return _op(b - a, RsubBackward1, backward, (self,))

    def __mul__(self, other):
        """d(a*b)/da = b and d(a*b)/db = a: each input's gradient is the other input times g."""
        a, b = _operands(self, other)
        other = other if isinstance(other, Tensor) else None   # None: a number, no gradient
        need_a, need_b = self._requires_grad, other is not None and other._requires_grad
        try:
            out = a * b
        except ValueError:
            raise _broadcast_error(a, b) from None

        def backward(g):
            return (_unbroadcast(g * b, a.shape) if need_a else None,
                    _unbroadcast(g * a, b.shape) if need_b else None)
        # Like PyTorch, keep (and version-check) b only if a needs a gradient, and vice versa.
        return _op(out, MulBackward0, backward, (self, other),
                   saves=(other if need_a else None, self if need_b else None))

    __rmul__ = __mul__

    def __truediv__(self, other):
        """d(a/b)/da = 1/b and d(a/b)/db = -a/b**2."""
        a, b = _operands(self, other, floating=True)
        other = other if isinstance(other, Tensor) else None   # None: a number, no gradient
        need_a, need_b = self._requires_grad, other is not None and other._requires_grad
        try:
            with np.errstate(all="ignore"):   # x / 0 is inf or nan, silently, as in PyTorch
                out = a / b
        except ValueError:
            raise _broadcast_error(a, b) from None

        def backward(g):
            return (_unbroadcast(g / b, a.shape) if need_a else None,
                    _unbroadcast(-g * a / (b * b), b.shape) if need_b else None)
        return _op(out, DivBackward0, backward, (self, other),
                   saves=(other if need_a else None, self if need_b else None))

    def __rtruediv__(self, other):
        # PyTorch computes `2 / x` as x.reciprocal() * 2, and so do we (same graph, same rounding).
        if isinstance(other, Tensor):
            return other.__truediv__(self)
        return self.reciprocal() * other

    def reciprocal(self):
        """1/x, whose derivative is -1/x**2 = -(1/x)**2."""
        with np.errstate(all="ignore"):
            y = 1 / _floating(self._data)

        def backward(g):
            return (-g * y * y,)
        return _op(y, ReciprocalBackward0, backward, (self,), saves_output=True)

    def __neg__(self):
        def backward(g):
            return (-g,)
        return _op(-self._data, NegBackward0, backward, (self,))

    def __pos__(self):
        return self

    def __pow__(self, exponent):
        """d(x**e)/dx = e * x**(e-1); for a tensor exponent, d(x**e)/de = x**e * log(x)."""
        if isinstance(exponent, Tensor):
            x, e = _operands(self, exponent)
            with np.errstate(all="ignore"):
                out = _broadcasting(np.power, x, e)

            def backward(g):
                gx = np.where(e == 0, 0, g * e * x ** np.where(e == 0, 1, e - 1))
                ge = g * out * np.log(np.where(x == 0, 1, x))   # 0 where x == 0, as PyTorch
                return _unbroadcast(gx, x.shape), _unbroadcast(ge, e.shape)
            return _op(out, PowBackward1, backward, (self, exponent),
                       saves=(self, exponent), saves_output=True)
        x, e = _operands(self, exponent)
        if x.dtype.kind in "iu" and isinstance(e, int) and e < 0:
            raise RuntimeError("Integers to negative integer powers are not allowed.")

        def backward(g):
            if e == 0:
                return (np.zeros_like(g),)
            return (g * e * x ** (e - 1),)
        if type(e) is int and e >= 0:
            out = x ** e
        else:
            with np.errstate(all="ignore"):   # (-8) ** (1/3) is nan, silently, as in PyTorch
                out = x ** e
        return _op(out, PowBackward0, backward, (self,), saves=(self, exponent))

    def __rpow__(self, base):
        """d(b**x)/dx = b**x * log(b)."""
        x, b = _operands(self, base)
        with np.errstate(all="ignore"):
            out = np.power(b, x)

        def backward(g):
            return (g * out * np.log(b),)
        return _op(out, PowBackward2, backward, (self,), saves=(self,), saves_output=True)

    def __matmul__(self, other):
        """Matrix product. For C = A @ B: dA = g @ B.T and dB = A.T @ g."""
        if not isinstance(other, Tensor):
            raise TypeError(f"matmul(): argument 'other' (position 1) must be Tensor, not "
                            f"{type(other).__name__}")
        a, b = self._data, other._data
        _check_matmul(a, b)
        out = a @ b
        need_a, need_b = self._requires_grad, other._requires_grad
        if a.ndim == 2 and b.ndim == 2:
            def backward(g):
                return (g @ b.T if need_a else None), (a.T @ g if need_b else None)
            node = MmBackward0
        elif a.ndim == 1 and b.ndim == 1:
            def backward(g):
                return g * b, g * a
            node = DotBackward0
        elif a.ndim == 2 and b.ndim == 1:
            def backward(g):
                return np.outer(g, b), a.T @ g
            node = MvBackward0
        else:
            # Batched or vector-matrix: treat vectors as matrices, then sum out broadcast batches.
            def backward(g):
                a2 = a[None, :] if a.ndim == 1 else a
                b2 = b[:, None] if b.ndim == 1 else b
                g2 = g
                if b.ndim == 1:
                    g2 = g2[..., None]
                if a.ndim == 1:
                    g2 = g2[..., None, :]
                ga = g2 @ np.swapaxes(b2, -1, -2)
                gb = np.swapaxes(a2, -1, -2) @ g2
                ga = ga[..., 0, :] if a.ndim == 1 else ga
                gb = gb[..., 0] if b.ndim == 1 else gb
                return _unbroadcast(ga, a.shape), _unbroadcast(gb, b.shape)
            node = SqueezeBackward4 if a.ndim == 1 and b.ndim == 2 else UnsafeViewBackward0
        return _op(out, node, backward, (self, other),
                   saves=(other if need_a else None, self if need_b else None))

    def __rmatmul__(self, other):
        return _as_tensor(other).__matmul__(self)

    matmul = __matmul__
    add = __add__
    sub = __sub__
    mul = __mul__
    div = __truediv__
    pow = __pow__

    def mm(self, other):
        if self.ndim != 2 or _as_tensor(other).ndim != 2:
            raise RuntimeError("self must be a matrix")
        return self @ other

    # --- reductions ---------------------------------------------------------------------------
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
        return _op(out, SumBackward0 if dim is None else SumBackward1, backward, (self,))

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
        n = x.size // max(total.size, 1) if x.size else 0
        with np.errstate(invalid="ignore", divide="ignore"):
            out = total / x.dtype.type(n)   # what np.mean does, minus its Python overhead

        def backward(g):
            return (np.broadcast_to(_restore_dims(g / n, axes, keepdim, len(shape)), shape),)
        return _op(out, MeanBackward0 if dim is None else MeanBackward1, backward, (self,))

    def max(self, dim=None, keepdim=False):
        return _extreme(self, dim, keepdim, "max")

    def min(self, dim=None, keepdim=False):
        return _extreme(self, dim, keepdim, "min")

    # --- elementwise functions ----------------------------------------------------------------
    def exp(self):
        """d(e**x)/dx = e**x: backward reuses the output."""
        y = _precise(np.exp, _floating(self._data))

        def backward(g):
            return (g * y,)
        return _op(y, ExpBackward0, backward, (self,), saves_output=True)

    def log(self):
        """d(log x)/dx = 1/x."""
        x = _floating(self._data)

        def backward(g):
            return (g / x,)
        return _op(_precise(np.log, x), LogBackward0, backward, (self,), saves=(self,))

    def sqrt(self):
        """d(sqrt x)/dx = 1 / (2 sqrt x)."""
        with np.errstate(invalid="ignore"):
            y = np.sqrt(_floating(self._data))

        def backward(g):
            return (g / (2 * y),)
        return _op(y, SqrtBackward0, backward, (self,), saves_output=True)

    def abs(self):
        """d|x|/dx = sign(x), which is 0 at 0."""
        x = self._data

        def backward(g):
            return (g * np.sign(x),)
        return _op(np.abs(x), AbsBackward0, backward, (self,), saves=(self,))

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
        return _op(out, ClampBackward1, backward, (self,), saves=(self,))

    clip = clamp

    def relu(self):
        """max(x, 0). Its derivative is 1 where x > 0 and 0 elsewhere, including at 0."""
        y = np.maximum(self._data, 0)

        def backward(g):
            return (g * (y > 0),)
        return _op(y, ReluBackward0, backward, (self,), saves_output=True)

    def sigmoid(self):
        """s = 1 / (1 + e**-x) and ds/dx = s (1 - s)."""
        x = _floating(self._data)
        y = 1 / (1 + _precise(np.exp, -x))   # e**-x may be inf: then s is exactly 0

        def backward(g):
            return (g * y * (1 - y),)
        return _op(y, SigmoidBackward0, backward, (self,), saves_output=True)

    def tanh(self):
        """d(tanh x)/dx = 1 - tanh(x)**2."""
        y = _precise(np.tanh, _floating(self._data))

        def backward(g):
            return (g * (1 - y * y),)
        return _op(y, TanhBackward0, backward, (self,), saves_output=True)

    def softmax(self, dim):
        """s_i = e**x_i / sum_j e**x_j. Backward: s * (g - sum(g * s)) along `dim`."""
        x = _floating(self._data)
        axis = _dim(dim, x.ndim)
        e = _precise(np.exp, x - x.max(axis=axis, keepdims=True))
        y = e / e.sum(axis=axis, keepdims=True)

        def backward(g):
            return (y * (g - (g * y).sum(axis=axis, keepdims=True)),)
        return _op(y, SoftmaxBackward0, backward, (self,), saves_output=True)

    def log_softmax(self, dim):
        """x_i - log sum_j e**x_j, computed stably. Backward: g - softmax * sum(g) along `dim`."""
        x = _floating(self._data)
        axis = _dim(dim, x.ndim)
        shifted = x - x.max(axis=axis, keepdims=True)
        y = shifted - _precise(np.log, _precise(np.exp, shifted).sum(axis=axis, keepdims=True))

        def backward(g):
            return (g - np.exp(y) * g.sum(axis=axis, keepdims=True),)
        return _op(y, LogSoftmaxBackward0, backward, (self,), saves_output=True)

    # --- shape ops: they move values around, so backward moves the gradient back ------------------
    def reshape(self, *shape):
        """The same values in a new shape: a view when the memory layout allows, else a copy.
        Backward reshapes g back to the input's shape."""
        shape = _shape_arg(shape)
        x = self._data
        new = _infer_shape(shape, x.size)
        try:
            out = x.view()
            out.shape = new
            viewed = True
        except AttributeError:
            out = x.reshape(new)
            viewed = False
        return self._reshaped(out, ViewBackward0 if viewed else UnsafeViewBackward0, viewed)

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
        return self._reshaped(out, ViewBackward0, True)

    def _reshaped(self, out, node, viewed):
        shape = self._data.shape

        def backward(g):
            return (g.reshape(shape),)
        result = _op(out, node, backward, (self,))
        if viewed:
            _share_memory(result, self)
        return result

    def flatten(self, start_dim=0, end_dim=-1):
        shape = self._data.shape
        if not shape:
            return self.reshape(1)
        start, end = _dim(start_dim, len(shape)), _dim(end_dim, len(shape))
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
            axes, node = tuple(i for i, n in enumerate(x.shape) if n == 1), SqueezeBackward0
        elif isinstance(dim, (tuple, list)):
            axes, node = tuple(_dim(d, x.ndim) for d in dim), SqueezeBackward2
        else:
            axes, node = (_dim(dim, x.ndim),), SqueezeBackward1
        axes = tuple(a for a in axes if x.ndim and x.shape[a] == 1)
        return self._shape_op(np.squeeze(x, axes), node, lambda g: g.reshape(x.shape))

    def unsqueeze(self, dim):
        x = self._data
        axis = _dim(dim, x.ndim + 1)
        return self._shape_op(np.expand_dims(x, axis), UnsqueezeBackward0,
                              lambda g: np.squeeze(g, axis))

    def transpose(self, dim0, dim1):
        """Swap two dimensions (a view); backward swaps them back."""
        x = self._data
        d0, d1 = _dim(dim0, x.ndim), _dim(dim1, x.ndim)
        return self._shape_op(np.swapaxes(x, d0, d1), TransposeBackward0,
                              lambda g: np.swapaxes(g, d0, d1))

    def t(self):
        if self._data.ndim > 2:
            raise RuntimeError(f"t() expects a tensor with <= 2 dimensions, but self is "
                               f"{self._data.ndim}D")
        return self._shape_op(self._data.T, TBackward0, lambda g: g.T)

    def permute(self, *dims):
        """Reorder the dimensions (a view); backward applies the inverse order to g."""
        x = self._data
        dims = _permutation(_shape_arg(dims), x.ndim)
        inverse = tuple(np.argsort(dims))
        return self._shape_op(np.transpose(x, dims), PermuteBackward0,
                              lambda g: np.transpose(g, inverse))

    @property
    def T(self):
        if self._data.ndim != 2:
            warnings.warn(T_NOT_2D, UserWarning, stacklevel=2)
        return self.permute(*range(self._data.ndim - 1, -1, -1))

    def _shape_op(self, out, node, backward_one):
        """A view op: `out` shares memory (and so the version counter) with self."""
        def backward(g):
            return (backward_one(g),)
        result = _op(out, node, backward, (self,))
        _share_memory(result, self)
        return result

    def clone(self):
        """A copy in new memory that stays in the graph (its gradient passes straight through)."""
        def backward(g):
            return (g,)
        return _op(self._data.copy(), CloneBackward0, backward, (self,))

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
        return _op(self._data.astype(dtype.np), ToCopyBackward0, backward, (self,))

    # --- indexing ---------------------------------------------------------------------------
    def __getitem__(self, index):
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
            out = x[idx]

            def backward(g):
                gx = np.zeros(shape, dtype=g.dtype)
                np.add.at(gx, idx, g)
                return (gx,)
            return _op(out, IndexBackward0, backward, (self,), saves=(None,))
        out = x[idx + (Ellipsis,)] if Ellipsis not in idx else x[idx]

        def backward(g):
            gx = np.zeros(shape, dtype=g.dtype)
            gx[idx] = g
            return (gx,)
        result = _op(out, _basic_index_node(idx), backward, (self,))
        _share_memory(result, self)
        return result

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
            result = _op(x[index + (Ellipsis,)], UnbindBackward0, backward, (self,))
            _share_memory(result, self)
            return result
        return tuple(slice_op(i) for i in range(shape[axis]))


# ----------------------------------------------------------------------------------------------
# Ops that are functions rather than methods.
# ----------------------------------------------------------------------------------------------
def _extreme(self, dim, keepdim, kind):
    """max/min. Without dim: the gradient is shared equally by all elements equal to the result.
    With dim: returns (values, indices) and the gradient goes to the selected index only."""
    x = self._data
    pick = np.max if kind == "max" else np.min
    if dim is None:
        if x.size == 0:
            raise RuntimeError(f"{kind}(): Expected reduction dim to be specified for "
                               "input.numel() == 0. Specify the reduction dim with the 'dim' "
                               "argument.")
        out = np.asarray(pick(x))

        def backward(g):
            hit = x == out
            return (g * hit / hit.sum(),)
        node = MaxBackward1 if kind == "max" else MinBackward1
        return _op(out, node, backward, (self,), saves=(self,), saves_output=True)
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
    node = MaxBackward0 if kind == "max" else MinBackward0
    out = _op(values, node, backward, (self,), saves=(None,))
    return return_type(kind, out, _wrap(indices.astype(np.int64)))


def cat(tensors, dim=0):
    """Join along an existing dimension; backward hands each input its slice of g."""
    tensors = [_as_tensor(t) for t in tensors]
    _check_cat([t._data for t in tensors])
    dt = result_dtype(*[t._data for t in tensors])
    arrays = [t._data.astype(dt, copy=False) for t in tensors]
    axis = _dim(dim, arrays[0].ndim)
    _check_cat_shapes(arrays, axis)
    out = np.concatenate(arrays, axis=axis)
    bounds = np.cumsum([a.shape[axis] for a in arrays])[:-1]

    def backward(g):
        return tuple(np.split(g, bounds, axis=axis))
    return _op(out, CatBackward0, backward, tensors)


def stack(tensors, dim=0):
    """Join along a new dimension; backward hands each input its slice of g."""
    tensors = [_as_tensor(t) for t in tensors]
    _check_stack([t._data for t in tensors])
    dt = result_dtype(*[t._data for t in tensors])
    axis = _dim(dim, tensors[0]._data.ndim + 1)
    out = np.stack([t._data.astype(dt, copy=False) for t in tensors], axis=axis)

    def backward(g):
        return tuple(np.moveaxis(g, axis, 0))
    return _op(out, StackBackward0, backward, tensors)


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
    return _op(out, WhereBackward0, backward, (x, y), saves=(None,))


# ----------------------------------------------------------------------------------------------
# Backward: run the graph in reverse.
# ----------------------------------------------------------------------------------------------
def run_backward(tensors, grad_tensors, retain_graph=None, inputs=None, allow_unused=False):
    """Propagate gradients from `tensors` (seeded with `grad_tensors`) to the leaves.

    Without `inputs` (tensor.backward): add each leaf's gradient into its `.grad`. With `inputs`
    (autograd.grad): return their gradients and touch no `.grad`.
    """
    grads = {}    # Node -> gradient flowing into it, summed over all its uses
    leaves = {}   # id(leaf) -> [leaf, summed gradient]
    for i, (t, g) in enumerate(zip(tensors, grad_tensors)):
        g = _seed_gradient(t, g, i)
        if t.grad_fn is None:
            _add_to_leaf(leaves, t, g)
        else:
            grads[t.grad_fn] = grads[t.grad_fn] + g if t.grad_fn in grads else g

    # 1. Count, for every Node reachable from the roots, how many edges lead into it. An explicit
    #    stack instead of recursion, so a graph thousands of ops deep is no problem.
    pending = dict.fromkeys(grads, 0)
    stack = list(grads)
    while stack:
        for nxt in stack.pop()._next:
            if isinstance(nxt, Node):
                if nxt in pending:
                    pending[nxt] += 1
                else:
                    pending[nxt] = 1
                    stack.append(nxt)

    # 2. Run a Node once all of its consumers have handed it their gradient (topological order).
    capture = {}
    needed = None
    if inputs is not None:
        wanted = {t.grad_fn for t in inputs if t.grad_fn is not None}
        needed = _needed_nodes(pending, wanted, {id(t) for t in inputs if t.grad_fn is None})
    ready = [n for n in grads if pending[n] == 0]
    while ready:
        node = ready.pop()
        g = grads.pop(node, None)
        input_grads = None
        if g is not None:
            if node._hooks:
                g = _run_hooks(node._hooks, g)
            if node._retain is not None and inputs is None:
                _accumulate_retained(node._retain(), g)
            if needed is not None:
                capture[node] = g
            node._grad = g   # kept for viz
            if needed is None or node in needed:
                backward = node._backward
                if backward is None:
                    raise freed_graph()
                saved = node._saved
                if saved is not None:
                    for counter, version, data, producer in saved:
                        if counter[0] != version:   # changed in place since it was saved
                            raise modified_in_place(counter, version, data, producer)
                    if not retain_graph:
                        node._backward = None   # drop the closure and with it the saved values
                input_grads = backward(g)
        if input_grads is None:   # nothing to pass on, but the inputs must not wait for it
            input_grads = (None,) * len(node._next)
        for nxt, gi in zip(node._next, input_grads):
            if nxt is None:
                continue
            if isinstance(nxt, Node):
                if gi is not None:
                    earlier = grads.get(nxt)
                    grads[nxt] = gi if earlier is None else earlier + gi
                count = pending[nxt] - 1
                pending[nxt] = count
                if count == 0:
                    ready.append(nxt)
            elif gi is not None:
                _add_to_leaf(leaves, nxt, gi)

    if inputs is None:
        for leaf, g in leaves.values():
            hooks = leaf._extras and leaf._extras.get("hooks")
            if hooks:
                g = _run_hooks(hooks, g)
            g = np.array(g, dtype=leaf._data.dtype)   # a copy: .grad never aliases other memory
            leaf._grad = _wrap(g) if leaf._grad is None else _wrap(leaf._grad._data + g)
        return None

    results = []
    for index, t in enumerate(inputs):
        if not t._requires_grad:
            raise RuntimeError("One of the differentiated Tensors does not require grad")
        if t.grad_fn is None:
            entry = leaves.get(id(t))
            g = None if entry is None else entry[1]
            hooks = t._extras and t._extras.get("hooks")
            if g is not None and hooks:
                g = _run_hooks(hooks, g)
        else:
            g = capture.get(t.grad_fn)
        if g is None and not allow_unused:
            raise RuntimeError(f"The differentiated Tensor at index {index} appears to not have "
                               "been used in the graph. Set allow_unused=True if this is the "
                               "desired behavior.")
        results.append(None if g is None else _wrap(np.array(g, dtype=t._data.dtype)))
    return tuple(results)


def _needed_nodes(pending, wanted, wanted_leaves):
    """For autograd.grad: the Nodes whose backward leads to one of the requested inputs (running
    others would be wasted work, and could fail on values an earlier backward freed)."""
    remaining = dict(pending)
    order = [n for n, count in remaining.items() if count == 0]
    for node in order:   # grows while iterating: a topological order
        for nxt in node._next:
            if isinstance(nxt, Node):
                remaining[nxt] -= 1
                if remaining[nxt] == 0:
                    order.append(nxt)
    needed = set()
    for node in reversed(order):
        for nxt in node._next:
            if isinstance(nxt, Node) and (nxt in needed or nxt in wanted) or \
                    (nxt is not None and not isinstance(nxt, Node) and id(nxt) in wanted_leaves):
                needed.add(node)
                break
    return needed


def _seed_gradient(t, g, i):
    if not t._requires_grad:
        raise RuntimeError(f"element {i} of tensors does not require grad and does not have a "
                           "grad_fn")
    if g is None:
        if t._data.size != 1:
            raise RuntimeError("grad can be implicitly created only for scalar outputs")
        return np.ones_like(t._data)
    g = _as_tensor(g)._data
    if g.shape != t._data.shape:
        raise RuntimeError(f"Mismatch in shape: grad_output[{i}] has a shape of "
                           f"{Size(g.shape)!r} and output[{i}] has a shape of "
                           f"{Size(t._data.shape)!r}.")
    return g


def _accumulate_retained(owner, g):
    if owner is not None:
        g = np.array(g, dtype=owner._data.dtype)
        owner._grad = _wrap(g) if owner._grad is None else _wrap(owner._grad._data + g)


def _add_to_leaf(leaves, leaf, g):
    entry = leaves.get(id(leaf))
    if entry is None:
        leaves[id(leaf)] = [leaf, g]
    else:
        entry[1] = entry[1] + g


def _run_hooks(hooks, g):
    for hook in list(hooks):
        result = hook(_wrap(g))
        if result is not None:
            g = result._data
    return g


# ----------------------------------------------------------------------------------------------
# Small helpers the ops share.
# ----------------------------------------------------------------------------------------------
def _as_tensor(x):
    if isinstance(x, Tensor):
        return x
    if isinstance(x, np.ndarray):
        _dtypes.from_numpy_dtype(x.dtype)
        return _wrap(x)
    return _wrap(np.asarray(x, dtype=_dtypes.result_dtype(x) if type(x) in _SCALARS else None))


def _precise(np_function, x):
    """np_function(x) computed in float64 and rounded once to float32. That agrees with PyTorch's
    float32 exp and tanh almost always (NumPy's own float32 versions are often an ulp off), and it
    gives the same bits on every platform, Pyodide's WebAssembly NumPy included."""
    with np.errstate(all="ignore"):   # PyTorch never warns about inf or nan
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


def _basic_index_node(idx):
    """PyTorch applies an index left to right; the last real step names the grad_fn."""
    name = AliasBackward0
    for i in idx:
        if isinstance(i, (int, np.integer)):
            name = SelectBackward0
        elif i is None:
            name = UnsqueezeBackward0
        elif isinstance(i, slice) and i != slice(None):
            name = SliceBackward0
    return name
