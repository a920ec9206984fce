"""Common ops the learner corpus reached for beyond ops.py (issue 11's gaps), written the same
way: the forward computation and, right below it, its backward rule; then the value tests and
random draws (bernoulli, multinomial, torch.normal) that have no gradient. The table at the
bottom binds them onto Tensor and lists those torch offers as functions.
"""
import builtins
import warnings

import numpy as np

from . import _dtypes, random
from ._checks import _dim, _no_kernel
from ._creation import _finish, _np_dtype, _size, linspace, randn
from ._errors import unsupported
from ._silent import silent
from ._tensor import Tensor, _wrap
from ._inplace import _of
from .engine import _op, _unbroadcast
from .ops import (_binary, _expect, _floating, _index, _index_grid, _invalid_arguments,
                  _larger_than, _restore_dims)


# --- tests of values (no gradient) ---------------------------------------------------------------
def isnan(self):
    return _wrap(np.isnan(self._data))


def isinf(self):
    return _wrap(np.isinf(self._data))


def isfinite(self):
    return _wrap(np.isfinite(self._data))


def nonzero(self, *, as_tuple=False):
    """The indices of the non-zero elements: one row per element, or one tensor per dim."""
    if as_tuple:
        return tuple(_wrap(i.astype(np.int64)) for i in np.nonzero(np.atleast_1d(self._data)))
    return _wrap(np.argwhere(self._data).astype(np.int64))


def unique(self, sorted=True, return_inverse=False, return_counts=False, dim=None):
    """The distinct values in ascending order, optionally where each element went and how many."""
    if not sorted:
        raise unsupported("unique(sorted=False)")
    if dim is not None and (self._data.ndim != 1 or _dim(dim, 1) != 0):
        raise unsupported("unique(dim=...) of a tensor of more than one dimension")
    if self._requires_grad:
        raise unsupported("unique of a tensor that requires grad")
    values, inverse, counts = np.unique(self._data, return_inverse=True, return_counts=True)
    out = [_wrap(values)]
    if return_inverse:
        out.append(_wrap(inverse.reshape(self._data.shape).astype(np.int64)))
    if return_counts:
        out.append(_wrap(counts.astype(np.int64)))
    return out[0] if len(out) == 1 else tuple(out)


def bincount(self, weights=None, minlength=0):
    """How often each of 0, 1, 2, ... occurs (or the sum of the weights where it does)."""
    x = self._data
    if x.dtype.kind not in "iu":
        raise _no_kernel("bincount_cpu", x.dtype)
    if x.ndim != 1 or (x < 0).any():
        raise RuntimeError("bincount only supports 1-d non-negative integral inputs.")
    if minlength < 0:
        raise RuntimeError("minlength should be >= 0")
    # NumPy counts with the platform's index type, int32 in the browser's 32-bit WebAssembly,
    # where it refuses an int64 array outright.
    x = x.astype(np.intp, copy=False)
    if weights is None:
        return _wrap(np.bincount(x, minlength=minlength).astype(np.int64))
    w = weights._data
    return _wrap(np.bincount(x, w, minlength=minlength).astype(w.dtype))


# --- matrices --------------------------------------------------------------------------------------
def _triangle(self, diagonal, name, keep):
    _expect(diagonal, int, name, "diagonal", 2)
    x = self._data
    if x.ndim < 2:
        raise RuntimeError(f"{name}: input tensor must have at least 2 dimensions")

    def backward(g):
        return (keep(g, diagonal),)
    return _op(keep(x, diagonal), f"{name.capitalize()}Backward0", backward, (self,))


def triu(self, diagonal=0):
    """The elements on and above the `diagonal`, zeros below; backward keeps the same part of g."""
    return _triangle(self, diagonal, "triu", np.triu)


def tril(self, diagonal=0):
    return _triangle(self, diagonal, "tril", np.tril)


def trace(self):
    """The sum of the main diagonal; backward puts g on that diagonal."""
    x = self._data
    if x.ndim != 2:
        raise RuntimeError(f"trace: expected a matrix, but got tensor with dim {x.ndim}")
    if x.dtype == np.bool_:
        raise _no_kernel("trace", x.dtype)
    n = builtins.min(x.shape)

    def backward(g):
        gx = np.zeros(x.shape, dtype=g.dtype)
        gx[np.arange(n), np.arange(n)] = g
        return (gx,)
    total = np.trace(x).astype(np.int64 if x.dtype.kind in "iu" else x.dtype)
    return _op(total, "TraceBackward0", backward, (self,))


def outer(self, vec2):
    """out[i, j] = a[i] * b[j], the product of a column and a row (as PyTorch computes it)."""
    for name, v in (("self", self), ("vec2", vec2)):
        if v._data.ndim != 1:
            raise RuntimeError(f"outer: Expected 1-D argument {name}, but got {v._data.ndim}-D")
    return self.view(-1, 1) * vec2


# --- reductions and elementwise ---------------------------------------------------------------------
def sum_to_size(self, *size):
    """self summed over the dims that broadcasting `size` up to self's shape would add or
    stretch: the gradient of an input of that size which was broadcast (as `_unbroadcast`)."""
    if not size:
        raise TypeError('sum_to_size() missing 1 required positional arguments: "size"')
    shape, have = _size(size), tuple(self._data.shape)
    lead = len(have) - len(shape)
    if lead < 0 or any(n not in (1, m) for n, m in zip(shape, have[lead:])):
        raise RuntimeError(f"size {{{list(shape)}}} is not expandable to size {{{list(have)}}}.")
    if shape == have:
        return self
    stretched = [lead + d for d, n in enumerate(shape) if n == 1 and have[lead + d] != 1]
    out = self.sum(dim=[*range(lead), *stretched], keepdim=True)
    return out.view(shape) if lead else out


def logsumexp(self, dim=None, keepdim=False):
    """log(sum(exp(x))) computed without overflow; d/dx is softmax(x) along dim."""
    if dim is None:
        raise TypeError('logsumexp() missing 1 required positional arguments: "dim"')
    x = _floating(self._data)
    axes = tuple(_dim(d, x.ndim) for d in (dim if isinstance(dim, (tuple, list)) else (dim,)))
    top = np.max(x, axis=axes, keepdims=True) if x.size else np.zeros((1,) * x.ndim, x.dtype)
    top = np.where(np.isfinite(top), top, 0)
    kept = np.log(np.sum(np.exp(x - top), axis=axes, keepdims=True)) + top
    out = kept if keepdim else np.squeeze(kept, axis=axes)

    def backward(g):
        return (_restore_dims(g, axes, keepdim, x.ndim) * np.exp(x - kept),)
    return _op(out.astype(x.dtype), "LogsumexpBackward0", backward, (self,), saves=(self,))


def atan2(self, other):
    """The angle of the point (other, self): d/da = b / (a²+b²), d/db = -a / (a²+b²)."""
    _expect(other, Tensor, "atan2", "other", 1)
    a, b, other, need_a, need_b, out = _binary(self, other, np.arctan2, floating=True)

    def backward(g):
        r = a * a + b * b
        return (_unbroadcast(g * b / r, a.shape) if need_a else None,
                _unbroadcast(-g * a / r, b.shape) if need_b else None)
    return _op(out, "Atan2Backward0", backward, (self, other), saves=(self, other))


# --- moving and repeating elements -----------------------------------------------------------------
def roll(self, shifts, dims=None):
    """Elements shifted along dims, wrapping around (the flattened tensor without dims);
    backward shifts g back."""
    x = self._data
    shifts = tuple(shifts) if isinstance(shifts, (tuple, list)) else (shifts,)
    dims = () if dims is None else tuple(dims) if isinstance(dims, (tuple, list)) else (dims,)
    if len(shifts) != builtins.max(len(dims), 1):
        raise RuntimeError(f"shifts and dimensions must align. shifts: {len(shifts)}, "
                           f"dims:{len(dims)}")
    axes = tuple(_dim(d, x.ndim) for d in dims)

    def shift(a, sign):
        moves = tuple(sign * s for s in shifts)
        return np.roll(a, moves, axes) if axes else np.roll(a.reshape(-1), moves).reshape(a.shape)

    def backward(g):
        return (shift(g, -1),)
    return _op(shift(x, 1), "RollBackward0", backward, (self,))


def repeat_interleave(self, repeats=None, dim=None, *, output_size=None):
    """Each element repeated `repeats` times in place (a tensor of counts: one per element).
    `torch.repeat_interleave(counts)` alone repeats each index its count of times."""
    if output_size is not None:
        raise unsupported("repeat_interleave(output_size=...)")
    if repeats is None:
        return _wrap(np.repeat(np.arange(len(self._data)), self._data).astype(np.int64))
    source = self
    if dim is None:
        source, dim = self.reshape(-1), 0
    axis = _dim(dim, source._data.ndim)
    if not isinstance(repeats, Tensor):
        if repeats < 0:
            raise RuntimeError("Repeats must be non-negative")
        shape = list(source.shape)
        wide = source.unsqueeze(axis + 1).expand(*shape[:axis + 1], repeats, *shape[axis + 1:])
        shape[axis] *= repeats
        return wide.clone().view(shape)
    counts = repeats._data.reshape(-1)
    if len(counts) != source._data.shape[axis]:
        raise RuntimeError(f"repeats must have the same size as input along dim, but got "
                           f"repeats.size(0) = {len(counts)} and input.size({dim}) = "
                           f"{source._data.shape[axis]}")
    if (counts < 0).any():
        raise RuntimeError("repeats can not be negative")
    picked = np.repeat(np.arange(len(counts)), counts)
    x = source._data

    def backward(g):
        gx = np.zeros(x.shape, dtype=g.dtype)
        np.add.at(gx, (slice(None),) * axis + (picked,), g)
        return (gx,)
    return _op(np.take(x, picked, axis), "IndexSelectBackward0", backward, (source,))


# --- adding into places ------------------------------------------------------------------------------
def scatter_add(self, dim, index, src, _name="scatter_add"):
    """A copy of x with src[p] added at index[p] along dim; src's gradient reads g back there."""
    _expect(src, Tensor, _name, "src", 3)
    x = self._data
    axis = _dim(dim, x.ndim)
    i = _index("scatter", x, index, axis, of="self")
    if src._data.dtype != x.dtype:
        raise RuntimeError("scatter(): Expected self.dtype to be equal to src.dtype")
    if _larger_than(i, x, axis) or any(n > k for n, k in zip(i.shape, src._data.shape)):
        raise RuntimeError(f"Expected index {list(i.shape)} to be no larger than self "
                           f"{list(x.shape)} apart from dimension {axis} and to be no larger "
                           f"size than src {list(src._data.shape)}")
    grid = _index_grid(i, axis)
    part = tuple(slice(0, n) for n in i.shape)
    out = x.copy()
    np.add.at(out, grid, src._data[part])

    def backward(g):
        gs = np.zeros(src._data.shape, dtype=g.dtype)
        gs[part] = g[grid]
        return g, gs
    return _op(out, "ScatterAddBackward0", backward, (self, src), saves=(None,))


def index_add(self, dim, index, source, *, alpha=1, _name="index_add"):
    """A copy of x with alpha * source's slice k added to x's slice index[k] along dim."""
    _expect(source, Tensor, _name, "source", 3)
    x = self._data
    axis = _dim(dim, x.ndim)
    i = index._data
    if i.dtype.kind not in "iu":
        raise RuntimeError(f"index_add_(): Expected dtype int32/int64 for index but got: "
                           f"{index.dtype._legacy[:-6]}")
    n = source._data.shape[axis] if source._data.ndim else 1
    if i.size != n:
        raise RuntimeError(f"index_add_(): Number of indices ({i.size}) should be equal to "
                           f"source.size(dim): ({n}), for dim: {dim}")
    if source._data.dtype != x.dtype:
        raise RuntimeError(f"index_add_(): self ({self.dtype._legacy[:-6]}) and source "
                           f"({source.dtype._legacy[:-6]}) must have the same scalar type")
    if any(n != m for d, (n, m) in enumerate(zip(x.shape, source._data.shape)) if d != axis) \
            or source._data.ndim != x.ndim:
        raise RuntimeError(f"source tensor shape must match self tensor shape, excluding the "
                           f"specified dimension. Got self.shape = {list(x.shape)} "
                           f"source.shape = {list(source._data.shape)}")
    if ((i < 0) | (i >= x.shape[axis])).any():
        raise IndexError("index out of range in self")
    where = (slice(None),) * axis + (i.reshape(-1),)
    out = x.copy()
    np.add.at(out, where, alpha * source._data)

    def backward(g):
        return g, alpha * g[where]
    return _op(out, "IndexAddBackward0", backward, (self, source), saves=(None,))


def scatter_add_(self, dim, index, src):
    """In place through _inplace's one path; errors name the in-place form, as PyTorch's do."""
    return _of("scatter_add")(self, dim, index, src, _name="scatter_add_")


def index_add_(self, dim, index, source, *, alpha=1):
    return _of("index_add")(self, dim, index, source, alpha=alpha, _name="index_add_")


# --- made from nothing -----------------------------------------------------------------------------
def logspace(start, end, steps, base=10.0, dtype=None, device=None, requires_grad=False):
    """base ** linspace(start, end, steps)."""
    exponents = linspace(start, end, steps, dtype=_dtypes.float64, device=device)._data
    values = np.power(np.float64(base), exponents)
    return _finish(values.astype(_np_dtype(dtype)), requires_grad)


def meshgrid(*tensors, indexing=None):
    """Grids of the given 1-D tensors: output k varies along dim k ('ij') or, with 'xy', the
    first two swap. Each output is an expanded view of its input."""
    if len(tensors) == 1 and isinstance(tensors[0], (tuple, list)):
        tensors = tuple(tensors[0])
    if indexing is None:
        warnings.warn("torch.meshgrid: in an upcoming release, it will be required to pass the "
                      "indexing argument.", UserWarning, stacklevel=2)
        indexing = "ij"
    if indexing not in ("ij", "xy"):
        raise RuntimeError(f'torch.meshgrid: indexing must be one of "xy" or "ij", but '
                           f'received: {indexing}')
    if any(t._data.ndim > 1 for t in tensors):
        raise unsupported("torch.meshgrid of tensors of more than one dimension")
    order = list(range(len(tensors)))
    if indexing == "xy" and len(tensors) >= 2:
        order[0], order[1] = 1, 0
    shape = [tensors[k].numel() for k in order]
    grids = []
    for k, t in enumerate(tensors):
        view = [1] * len(tensors)
        view[order.index(k)] = -1
        grids.append(t.reshape(view).expand(shape))
    return tuple(grids)


def normal(mean, std=1.0, size=None, *, generator=None, dtype=None, device=None):
    """Draws from N(mean, std): numbers with a size, or tensors (broadcast) giving each draw's."""
    tensors = [v for v in (mean, std) if isinstance(v, Tensor)]
    if (size is None) == (not tensors):
        given = {"size": size} if size is not None else {}
        raise _invalid_arguments("normal", mean, std, **given)
    if any(t._requires_grad for t in tensors):
        raise unsupported("torch.normal of tensors that require grad")
    if isinstance(std, Tensor) and (std._data < 0).any():
        raise RuntimeError("normal expects all elements of std >= 0.0")
    if not isinstance(std, Tensor) and std < 0:
        raise RuntimeError(f"normal expects std >= 0.0, but found std {std:g}")
    if any(t._data.dtype.kind != "f" for t in tensors):
        raise _no_kernel("normal_kernel_cpu", tensors[0]._data.dtype)
    if not tensors:
        return randn(_size((size,)), generator=generator, dtype=dtype, device=device) * std + mean
    shape = np.broadcast_shapes(*(t._data.shape for t in tensors))
    noise = random.generator(generator).standard_normal(shape)
    m, s = (v._data if isinstance(v, Tensor) else v for v in (mean, std))
    return _wrap((m + s * noise).astype(tensors[0]._data.dtype))



# --- random draws (the numbers differ from PyTorch's; the shapes, dtypes and certainties agree) ---
P_RANGE = ("Expected p_in >= 0 && p_in <= 1 to be true, but got false.  (Could this error message "
           "be improved?  If so, please report an enhancement request to PyTorch.)")


def _coin_flips(probs, shape, generator):
    if np.any((probs < 0) | (probs > 1)):
        raise RuntimeError(P_RANGE)
    return random.generator(generator).random(shape) < probs


def bernoulli(self, p=None, *, generator=None):
    """1 with probability p (each element's own, or the number p), else 0, in self's dtype."""
    if self._requires_grad:
        raise unsupported("bernoulli of a tensor that requires grad")
    if p is None:
        if self._data.dtype.kind != "f":
            raise _no_kernel("bernoulli_tensor_cpu_p_", self._data.dtype)
        p = self._data
    return _wrap(_coin_flips(p, self._data.shape, generator).astype(self._data.dtype))


def bernoulli_(self, p=0.5, *, generator=None):
    if not isinstance(p, Tensor) and not 0 <= p <= 1:
        raise RuntimeError(f"bernoulli_ expects p to be in [0, 1], but got p={p:g}")
    probs = p._data if isinstance(p, Tensor) else p
    return self.copy_(_wrap(_coin_flips(probs, self._data.shape, generator)))


def multinomial(self, num_samples, replacement=False, *, generator=None):
    """num_samples category indices per row, drawn with the row's weights as probabilities."""
    w = self._data
    if w.dtype.kind != "f":
        raise RuntimeError(f"multinomial only supports floating-point dtypes for input, got: "
                           f"{self.dtype._legacy[:-6]}")
    if w.ndim not in (1, 2):
        raise RuntimeError("prob_dist must be 1 or 2 dim")
    if not np.all(np.isfinite(w) & (w >= 0)):
        raise RuntimeError("probability tensor contains either `inf`, `nan` or element < 0")
    rows = w.reshape(-1, w.shape[-1]).astype(np.float64)
    if np.any(rows.sum(axis=1) <= 0):
        raise RuntimeError("invalid multinomial distribution (sum of probabilities <= 0)")
    if not replacement and num_samples > w.shape[-1]:
        raise RuntimeError("cannot sample n_sample > prob_dist.size(-1) samples without "
                           "replacement")
    if not replacement and np.any(np.count_nonzero(rows, axis=1) < num_samples):
        raise unsupported("multinomial without replacement of more samples than non-zero weights")
    rng = random.generator(generator)
    picks = np.stack([rng.choice(len(row), num_samples, replace=replacement, p=row / row.sum())
                      for row in rows])
    return _wrap(picks.reshape(*w.shape[:-1], num_samples).astype(np.int64))


# --- the table -----------------------------------------------------------------------------------------
SILENT = {"logsumexp": logsumexp, "atan2": atan2, "scatter_add": scatter_add,
          "index_add": index_add}
PLAIN = {"isnan": isnan, "isinf": isinf, "isfinite": isfinite, "nonzero": nonzero,
         "unique": unique, "bincount": bincount, "triu": triu, "tril": tril, "trace": trace,
         "outer": outer, "roll": roll, "repeat_interleave": repeat_interleave,
         "bernoulli": bernoulli, "multinomial": multinomial}
for _name, _function in SILENT.items():
    setattr(Tensor, _name, silent(_function))
for _name, _function in PLAIN.items():
    setattr(Tensor, _name, _function)

Tensor.scatter_add_, Tensor.index_add_, Tensor.bernoulli_ = scatter_add_, index_add_, bernoulli_
Tensor.sum_to_size = sum_to_size   # a method only: torch has no function of that name

TORCH_FUNCTIONS = {name: getattr(Tensor, name) for name in (*SILENT, *PLAIN)}
TORCH_FUNCTIONS.update(logspace=logspace, meshgrid=meshgrid, normal=normal)
