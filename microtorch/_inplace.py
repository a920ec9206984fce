"""In-place ops (`y.add_(1)`, `y.relu_()`, `y[0] = 0`, `y += x`): one path for all of them.

Every in-place op bumps the tensor's version counter, which views share; the engine compares it
with the version each saved value had, and refuses a backward through a changed one.

Outside a graph an in-place op only changes the array. Inside one (gradients on, and the tensor
or an operand requires grad) it must also keep the graph true, and PyTorch does that by
rebasing: the op runs out of place on a copy of the tensor's old values (its "twin", which
records a Node as every op does), the result is written into the tensor's memory, and the
tensor takes the result's place in the graph. So `y.add_(1)` leaves y with grad_fn AddBackward0
whose input is y's old Node. When only part of a tensor changes (`y[0] = 0`, or an op on a view
of it), the whole tensor gets a CopySlices Node: the changed elements' gradient goes to the new
values, the others' to the old Node; and its views are regenerated as AsStridedBackward0.

A new in-place method calls `update(self, twin, *operands)`, `twin(t)` being the same op out of
place (e.g. `lambda t: t.masked_fill(mask, value)`); nothing else is needed.
"""
import operator
import weakref

import numpy as np

from . import _dtypes, grad_mode
from ._dtypes import C_NAMES
from ._checks import _broadcast_error
from ._errors import INFERENCE_INPLACE
from ._silent import silent
from ._tensor import Tensor, _base, _operands, _wrap, axpy_, index_to_numpy
from .engine import _op, _unbroadcast

LEAF = "a leaf Variable that requires grad is being used in an in-place operation."
VIEW_OF_LEAF = ("a view of a leaf Variable that requires grad is being used in an in-place "
                "operation.")
VIEW_NO_GRAD = (
    "A view was created in no_grad mode and is being modified inplace with grad mode enabled. "
    "Given that this use case is ambiguous and error-prone, it is forbidden. You can clarify your "
    "code by moving both the view and the inplace either both inside the no_grad block (if you "
    "don't want the inplace to be tracked) or both outside (if you want the inplace to be "
    "tracked).")


def update(self, twin, *operands, write=None):
    """The one path of every in-place op: self becomes `twin(self)`. `write(array)`, if given,
    changes the array in place directly (faster, or rounded as PyTorch's in-place kernel)."""
    check(self)
    if not _recording(self, operands):
        if write is None:
            with grad_mode.no_grad():
                new = twin(self)
            _check_new(self, new)
            np.copyto(self._data, new._data, casting="unsafe")
        else:
            write(self._data)
        _changed(self)
        return self
    new = twin(_snapshot(self))
    _check_new(self, new)
    if write is None:
        np.copyto(self._data, new._data, casting="unsafe")
    else:
        write(self._data)
    _changed(self)
    _own_output(self, new)
    base = _base(self)
    if base is self:
        if new.grad_fn is not None:
            _move(self, new.grad_fn)
            _regenerate_views(self)
    else:
        _copy_slices(base, _positions(base._data, self._data), new)
        _move(self, _as_strided(base, self))
    return self


def check(self):
    """PyTorch's refusals of in-place changes to leaves that require grad (their values are what
    the gradient is taken with respect to), to views of them, and to one of several views
    returned together (unbind's)."""
    extras = self._extras
    if grad_mode._enabled and self.grad_fn is not None and \
            self.grad_fn.name() == "UnbindBackward0":
        raise RuntimeError(f"Output {_unbind_index(self)} of Unbind is a view and is being "
                           "modified inplace. This view is the output of a function that "
                           "returns multiple views. Such functions do not allow the output "
                           "views to be modified inplace. You should replace the inplace "
                           "operation by an out-of-place one.")
    if grad_mode._enabled and self._requires_grad and self.grad_fn is None:
        raise RuntimeError(LEAF)
    if grad_mode._enabled and extras and extras.get("view_of_leaf"):
        raise RuntimeError(VIEW_OF_LEAF)
    if grad_mode._enabled and extras and extras.get("view_no_grad"):
        raise RuntimeError(VIEW_NO_GRAD)


def _unbind_index(view):
    """Which of unbind's views this is: its offset in its base over the stride of the dimension
    unbind removed."""
    base, data = _base(view)._data, view._data
    offset = data.__array_interface__["data"][0] - base.__array_interface__["data"][0]
    return next((offset // stride for d, stride in enumerate(base.strides)
                 if stride and base.strides[:d] + base.strides[d + 1:] == data.strides), 0)


def _changed(self):
    """Count the change. An inference tensor changed outside inference mode is refused, but
    only after the change, exactly as PyTorch does it."""
    if self._extras and self._extras.get("inference") and not grad_mode._inference:
        raise RuntimeError(INFERENCE_INPLACE)
    self._counter[0] += 1


def _recording(self, operands):
    return grad_mode._enabled and (self._requires_grad or any(
        isinstance(o, Tensor) and o._requires_grad for o in operands))


def _snapshot(self):
    """The tensor's old values in their own memory, at its place in the graph: the twin may save
    them for backward (`y.mul_(x)` needs the old y), and they are about to be overwritten."""
    old = _wrap(self._data.copy())
    old._requires_grad, old.grad_fn = self._requires_grad, self.grad_fn
    return old


def _own_output(self, new):
    """self now holds `new`'s values: if the twin's rule reads its output, it reads self's memory,
    so what it saved is checked against self's version from now on."""
    node = new.grad_fn
    if node is not None and node._saved:
        node._saved = [(self._counter, self._counter[0], data, producer) if counter is new._counter
                       else (counter, version, data, producer)
                       for counter, version, data, producer in node._saved]


def _move(t, node):
    """t is now the output of `node`; retain_grad() follows it there, as in PyTorch."""
    old = t.grad_fn
    if old is not None and old._retain is not None:
        node._retain, old._retain = old._retain, None
    t.grad_fn, t._requires_grad = node, True


def _copy_slices(base, positions, new, name="torch::autograd::CopySlices"):
    """The elements of `base` at the flat `positions` (an index array of `new`'s shape) now hold
    `new`: base gets a CopySlices Node, the gradient of those elements flowing to `new`."""
    def backward(g):
        rest = np.array(g, copy=True)
        rest.reshape(-1)[positions] = 0
        return rest, _unbroadcast(np.reshape(g, -1)[positions], new._data.shape)
    node = _op(base._data, name, backward, (base, new)).grad_fn
    if node is not None:
        _move(base, node)
        _regenerate_views(base)


def _regenerate_views(base):
    """A view's grad_fn reads base's old Node: after base changed, each view reads the new one."""
    refs = base._extras.get("views") if base._extras else None
    if not refs:
        return
    alive = [view for view in (ref() for ref in refs) if view is not None]
    refs[:] = [weakref.ref(view) for view in alive]   # the dead ones go
    for view in alive:
        _move(view, _as_strided(base, view))


def _as_strided(base, view):
    """The Node of a view of `base`: its gradient goes back to its place in base."""
    positions = _positions(base._data, view._data)
    shape = base._data.shape

    def backward(g):
        gx = np.zeros(shape, dtype=g.dtype)
        np.add.at(gx.reshape(-1), positions, g)
        return (gx,)
    view._requires_grad = True
    return _op(view._data, "AsStridedBackward0", backward, (base,)).grad_fn


def _positions(base, view):
    """Where each element of `view` (an array in `base`'s memory) sits in base, as flat C-order
    indices. Found by memory address, so that any kind of view works."""
    base_addresses = _addresses(base).reshape(-1)
    order = np.argsort(base_addresses)
    return order[np.searchsorted(base_addresses[order], _addresses(view))]


def _addresses(a):
    out = np.full(a.shape, a.__array_interface__["data"][0], dtype=np.int64)
    for axis, (n, stride) in enumerate(zip(a.shape, a.strides)):
        out += (np.arange(n, dtype=np.int64) * stride).reshape((n,) + (1,) * (a.ndim - axis - 1))
    return out


# --- the in-place methods -----------------------------------------------------------------------
def _arithmetic(op, ufunc):
    """An in-place `self op= other` whose result must keep self's dtype, as PyTorch checks."""
    def method(self, other):
        _check_result(self, other)
        return update(self, lambda t: op(t, other), other,
                      write=lambda a: ufunc(a, _operands(self, other)[1], out=a, casting="unsafe"))
    return silent(method)


def _check_result(self, other, floating=False):
    """self op= other must fit in self: other broadcasts to self's shape, and the result type
    casts to self's dtype (a float result cannot go into an integer tensor)."""
    if isinstance(other, Tensor) and other._data.shape != self._data.shape:
        _check_fits(self, other)
    _check_dtype(self, _operands(self, other, floating)[0].dtype)


def _check_dtype(self, result, spelling=None):
    """`spelling` names self's dtype as the kernel's message does (clamp_ says `long int`)."""
    if _dtypes.category(result) > _dtypes.category(self._data.dtype):
        raise RuntimeError(f"result type {_dtypes.from_numpy_dtype(result)._legacy[:-6]} "
                           f"can't be cast to the desired output type "
                           f"{spelling or self.dtype._legacy[:-6]}")


def _check_new(self, new, spelling=None):
    """The twin's result must fit self: a mask or index that broadcasts wider is refused."""
    _check_dtype(self, new._data.dtype, spelling)
    if new._data.shape != self._data.shape:
        raise RuntimeError(f"output with shape {list(self._data.shape)} doesn't match the "
                           f"broadcast shape {list(new._data.shape)}")


def _check_fits(self, other):
    try:
        shape = np.broadcast_shapes(self._data.shape, other._data.shape)
    except ValueError:
        raise _broadcast_error(self._data, other._data) from None
    if shape != self._data.shape:
        raise RuntimeError(f"output with shape {list(self._data.shape)} doesn't match the "
                           f"broadcast shape {list(shape)}")


def _check_value(region, value, advanced):
    """PyTorch's errors for `t[index] = value` with a value that does not fit the region."""
    shape = np.shape(value._data if isinstance(value, Tensor) else value)
    while len(shape) > len(region) and shape[0] == 1:   # leading size-1 dimensions may go
        shape = shape[1:]
    try:
        np.broadcast_to(np.empty(shape), region)
    except ValueError:
        if advanced:
            raise RuntimeError(f"shape mismatch: value tensor of shape {list(shape)} cannot be "
                               f"broadcast to indexing result of shape {list(region)}") from None
        dim = next(len(region) - i for i in range(1, len(region) + 1)
                   if i <= len(shape) and shape[-i] not in (1, region[-i]))
        raise RuntimeError(f"The expanded size of the tensor ({region[dim]}) must match the "
                           f"existing size ({shape[dim - len(region) + len(shape)]}) at "
                           f"non-singleton dimension {dim}.  Target sizes: {list(region)}.  "
                           f"Tensor sizes: {list(shape)}") from None


@silent
def add_(self, other, alpha=1):
    if alpha == 1:
        return _add(self, other)
    _check_result(self, other)
    if isinstance(other, Tensor) and self._data.dtype.kind == "f":
        write = lambda a: axpy_(a, alpha, other._data)   # noqa: E731  (rounded once, as PyTorch)
    else:
        write = None
    return update(self, lambda t: t + other * alpha, other, write=write)


@silent
def sub_(self, other, alpha=1):
    if alpha == 1:
        return _sub(self, other)
    _check_result(self, other)
    return update(self, lambda t: t - other * alpha, other)


_add = _arithmetic(operator.add, np.add)
_sub = _arithmetic(operator.sub, np.subtract)
mul_ = _arithmetic(operator.mul, np.multiply)


@silent
def div_(self, other):
    _check_result(self, other, floating=True)
    return update(self, lambda t: t / other, other)


def _pointwise(name):
    """In place, the op `name` with no operand (exp_, tanh_, ...): its Node is the op's own."""
    def method(self):
        return update(self, lambda t: getattr(t, name)())
    return method


def pow_(self, exponent):
    return update(self, lambda t: t ** exponent, exponent)


def clamp_(self, min=None, max=None):
    with grad_mode.no_grad():   # clamp_'s kernel spells the dtype its own way (`long int`)
        _check_dtype(self, self.clamp(min, max)._data.dtype, C_NAMES[self._data.dtype.name])
    return update(self, lambda t: t.clamp(min, max), min, max)


def _of(name):
    """The in-place form of the op `name` with operands (scatter_, masked_fill_, //=)."""
    def method(self, *args, **kwargs):
        operands = [a for a in (*args, *kwargs.values()) if isinstance(a, Tensor)]
        return update(self, lambda t: getattr(t, name)(*args, **kwargs), *operands)
    return method


def zero_(self):
    return update(self, lambda t: _op(np.zeros_like(t._data), "ZeroBackward0",
                                      lambda g: (np.zeros_like(g),), (t,)))


def fill_(self, value):
    if isinstance(value, Tensor):
        if value._data.ndim:
            raise RuntimeError(f"fill_ only supports 0-dimension value tensor but got tensor "
                               f"with {value._data.ndim} dimensions.")
        return update(self, lambda t: _op(np.full_like(t._data, value._data), "FillBackward3",
                                          lambda g: (np.zeros_like(g), g.sum()), (t, value)),
                      value)
    return update(self, lambda t: _op(np.full_like(t._data, value), "FillBackward2",
                                      lambda g: (np.zeros_like(g),), (t,)))


def copy_(self, src):
    if not isinstance(src, Tensor):
        return fill_(self, src)
    _check_fits(self, src)
    return update(self, lambda t: _copy(t, src), src)


def _copy(t, src):
    values = np.broadcast_to(src._data, t._data.shape).astype(t._data.dtype)
    dtype = src._data.dtype

    def backward(g):
        return np.zeros_like(g), _unbroadcast(g, src._data.shape).astype(dtype)
    return _op(values, "torch::autograd::CopyBackwards", backward, (t, src))


def setitem(self, index, value):
    """`self[index] = value`: the indexed elements change, the others keep their gradient path."""
    if grad_mode._enabled and self._requires_grad and self.grad_fn is None:
        raise RuntimeError(VIEW_OF_LEAF)
    check(self)
    if isinstance(value, (list, tuple)):
        raise TypeError(f"can't assign a {type(value).__name__} to a torch.{self.dtype._legacy}")
    with grad_mode.no_grad():
        region = self[index]._data.shape   # and getitem's errors for a wrong index
    idx, advanced = index_to_numpy(index)
    _check_value(region, value, advanced)
    if not _recording(self, (value,)):
        self._data[idx] = value._data if isinstance(value, Tensor) else value
        _changed(self)
        return
    base = _base(self)
    where = np.arange(self._data.size).reshape(self._data.shape) if base is self else \
        _positions(base._data, self._data)
    positions = where[idx]
    self._data[idx] = value._data if isinstance(value, Tensor) else value
    _changed(self)
    new = value if isinstance(value, Tensor) else _wrap(np.asarray(self._data[idx]))
    _copy_slices(base, positions, new,
                 "IndexPutBackward0" if advanced else "torch::autograd::CopySlices")
    if base is not self:
        _move(self, _as_strided(base, self))


for _name, _method in {"add_": add_, "sub_": sub_, "mul_": mul_, "div_": div_, "pow_": pow_,
                       "clamp_": clamp_, "clip_": clamp_, "zero_": zero_, "fill_": fill_,
                       "copy_": copy_, "__setitem__": setitem, "__iadd__": add_,
                       "__isub__": sub_, "__imul__": mul_, "__itruediv__": div_,
                       "__ipow__": pow_, "scatter_": _of("scatter"),
                       "masked_fill_": _of("masked_fill"), "__ifloordiv__": _of("__floordiv__"),
                       "__imod__": _of("__mod__")}.items():
    setattr(Tensor, _name, _method)
for _name in ("relu", "exp", "log", "sqrt", "abs", "__neg__", "sigmoid", "tanh", "reciprocal"):
    setattr(Tensor, _name.strip("_") + "_", silent(_pointwise(_name)))
