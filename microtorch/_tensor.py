"""The Tensor: a NumPy array plus what autograd needs to know about it.

Storage (`_data`), the gradient (`.grad`), hooks, views sharing memory and a version counter,
and every method that computes without recording a graph (sizes, conversions, comparisons,
printing). The methods that do record one (arithmetic, reductions, shape ops, indexing,
`backward`) are written in ops.py and engine.py and bound onto Tensor by ops.py's table, the
in-place updates by _inplace.py: this module must not import them, since they make Tensors.
"""
import warnings
import weakref

import numpy as np

from . import _dtypes, _printing, grad_mode, random
from ._checks import _axes, _broadcasting, _dim, _no_kernel
from ._dtypes import C_NAMES, result_dtype
from ._errors import NON_LEAF_GRAD, unsupported
from ._torch_names import TENSOR_ATTRIBUTES


class Size(tuple):
    """A tensor's shape: a tuple that prints as `torch.Size([2, 3])`. Slicing, `+` and `*` keep
    it a Size, as in PyTorch; `==` compares with any tuple."""

    def __new__(cls, sizes=()):
        sizes = tuple(sizes)
        for i, s in enumerate(sizes):
            integer_tensor = isinstance(s, Tensor) and s.numel() == 1 and not s.is_floating_point()
            if not isinstance(s, (int, np.integer)) and not integer_tensor:
                raise TypeError(f"torch.Size() takes an iterable of 'int' (item {i} is "
                                f"'{type(s).__name__}')")
        return super().__new__(cls, (int(s) for s in sizes))

    def __repr__(self):
        return f"torch.Size({list(self)})"

    def __getitem__(self, index):
        item = tuple.__getitem__(self, index)
        return _size(item) if isinstance(index, slice) else item

    def __add__(self, other):
        if not isinstance(other, tuple):
            raise TypeError(f"can only concatenate tuple (not {type(other).__name__}) to "
                            "torch.Size")
        return _size(tuple(self) + other)

    def __radd__(self, other):
        if not isinstance(other, tuple):
            return NotImplemented
        return _size(other + tuple(self))

    def __mul__(self, n):
        return _size(tuple(self) * n)

    __rmul__ = __mul__

    def numel(self):
        return int(np.prod(self, dtype=np.int64))


def _size(ints):
    """A Size of ints already checked (a shape from NumPy): skips the constructor's checks."""
    return tuple.__new__(Size, ints)


# Every device type PyTorch's device strings may name, in the order its error lists them.
_DEVICE_TYPES = ("cpu", "cuda", "ipu", "xpu", "mkldnn", "opengl", "opencl", "ideep", "hip", "ve",
                 "fpga", "maia", "xla", "lazy", "vulkan", "mps", "meta", "hpu", "mtia",
                 "privateuseone")
NO_CUDA = "Torch not compiled with CUDA enabled"


class device:
    """Where a tensor lives. microtorch computes on the CPU only: like a CPU-only build of
    PyTorch it can name any device, but putting a tensor elsewhere fails (`check_device`)."""
    __slots__ = ("type", "index")

    def __init__(self, type, index=None):
        if isinstance(type, device):
            type, index = type.type, type.index
        text = str(type)
        type, _, number = text.partition(":")
        if type not in _DEVICE_TYPES:
            raise RuntimeError(f"Expected one of {', '.join(_DEVICE_TYPES)} device type at start "
                               f"of device string: {text}")
        if number:
            if not number.isdigit():
                raise RuntimeError(f"Invalid device string: '{text}'")
            index = int(number)
        self.type, self.index = type, index

    def __repr__(self):
        index = "" if self.index is None else f", index={self.index}"
        return f"device(type='{self.type}'{index})"

    def __str__(self):
        return self.type if self.index is None else f"{self.type}:{self.index}"

    def __eq__(self, other):   # as PyTorch: never equal to a string
        return isinstance(other, device) and (self.type, self.index) == (other.type, other.index)

    def __hash__(self):
        return hash((self.type, self.index))


CPU = device("cpu")


def check_device(where):
    """A device argument: None or the CPU; a CUDA device fails as on a CPU-only PyTorch."""
    if where is None:
        return
    where = device(where)
    if where.type == "cuda":
        raise AssertionError(NO_CUDA)
    if where.type != "cpu":
        raise unsupported(f"device '{where}' (microtorch runs on the CPU only)")


class RemovableHandle:
    def __init__(self, hooks, hook):
        self._hooks, self._hook = hooks, hook

    def remove(self):
        if self._hook in self._hooks:
            self._hooks.remove(self._hook)


class _ReturnType(tuple):
    """(values, indices) with names, printed as torch.return_types.max(...)."""

    @property
    def values(self):
        return self[0]

    @property
    def indices(self):
        return self[1]

    def __repr__(self):
        return f"torch.return_types.{self._kind}(\nvalues={self[0]!r},\nindices={self[1]!r})"


def return_type(kind, values, indices):
    r = _ReturnType((values, indices))
    r._kind = kind
    return r


SEQUENCE_AS_TUPLE = (
    "Using a non-tuple sequence for multidimensional indexing is deprecated and will be changed "
    "in pytorch 2.9; use x[tuple(seq)] instead of x[seq]. In pytorch 2.9 this will be interpreted "
    "as tensor index, x[torch.tensor(seq)], which will result either in an error or a different "
    "result")


def index_to_numpy(index):
    """NumPy's version of a PyTorch index, and whether it gathers (advanced indexing)."""
    if isinstance(index, list) and len(index) < 32 and any(
            i is None or i is Ellipsis or isinstance(i, (slice, list, tuple, Tensor, np.ndarray))
            for i in index):
        # x[[[0, 1], [1, 2]]] is still x[[0, 1], [1, 2]] in PyTorch (NumPy gathers instead)
        warnings.warn(SEQUENCE_AS_TUPLE, UserWarning, stacklevel=3)
        index = tuple(index)
    if not isinstance(index, tuple):
        index = (index,)
    out, advanced = [], False
    for i in index:
        if isinstance(i, Tensor):
            i = i._data
            advanced = True
        elif isinstance(i, (list, np.ndarray)):
            i = np.asarray(i)
            advanced = True
        elif isinstance(i, slice) and i.step is not None and i.step < 0:
            raise ValueError("step must be greater than zero")
        elif isinstance(i, (bool, np.bool_)):
            raise unsupported("indexing with a Python bool")
        elif not (isinstance(i, (int, np.integer, slice)) or i is None or i is Ellipsis):
            raise IndexError("only integers, slices (`:`), ellipsis (`...`), None and long or byte "
                             "Variables are valid indices (got " + type(i).__name__ + ")")
        if isinstance(i, np.ndarray) and i.dtype.kind not in "biu":
            raise IndexError("tensors used as indices must be long, int, byte or bool tensors")
        if isinstance(i, np.ndarray) and i.dtype.kind in "iu":
            i = i.astype(np.int64, copy=False)
        out.append(i)
    return tuple(out), advanced


def index_error(numpy_error, idx, shape):
    """PyTorch's IndexError for an index (from index_to_numpy) that NumPy refused."""
    spans = [i.ndim if isinstance(i, np.ndarray) and i.dtype == bool else
             0 if i is None or i is Ellipsis else 1 for i in idx]
    if not shape and len(idx) == 1 and isinstance(idx[0], (int, np.integer)):
        return IndexError("invalid index of a 0-dim tensor. Use `tensor.item()` in Python or "
                          "`tensor.item<T>()` in C++ to convert a 0-dim tensor to a number")
    if sum(spans) > len(shape):
        return IndexError(f"too many indices for tensor of dimension {len(shape)}")
    if str(numpy_error).startswith("shape mismatch"):
        shapes = ", ".join(str(list(i.shape)) for i in idx
                           if isinstance(i, np.ndarray) and i.dtype != bool)
        return IndexError("shape mismatch: indexing tensors could not be broadcast together with "
                          f"shapes {shapes}")
    dim = 0
    for i, span in zip(idx, spans):
        if i is Ellipsis:
            dim += len(shape) - sum(spans)
        elif span and isinstance(i, np.ndarray) and i.dtype == bool:
            for k in range(span):
                if i.shape[k] != shape[dim + k]:
                    return IndexError(f"The shape of the mask {list(i.shape)} at index {k} does "
                                      f"not match the shape of the indexed tensor {list(shape)} at "
                                      f"index {dim + k}")
        dim += span
    return IndexError(str(numpy_error).replace("for axis", "for dimension"))


def axpy_(y, alpha, x):
    """y += alpha * x in place, rounded once as PyTorch's fused multiply-add kernel does (the
    exact product fits in float64; only the final cast to float32 rounds)."""
    if y.dtype == np.float32:
        np.add(y, np.float64(np.float32(alpha)) * x, out=y, casting="unsafe")   # sums in float64
    else:
        y += alpha * x


_SCALARS = (float, int, bool)
_HALF = np.dtype(np.float16)   # NumPy's built-in dtypes are singletons: `is` tells them apart


def _operands(self, other, floating=False):
    """The two NumPy operands of a binary op, converted to the dtype PyTorch would compute in.
    A Python number stays a Python number (NumPy then keeps the tensor's dtype)."""
    a = self._data
    if isinstance(other, Tensor):
        b = other._data
        if a.dtype == b.dtype and (not floating or a.dtype.kind == "f"):
            if a.ndim or b.ndim or a.dtype.kind != "f":
                return a, b
            # Two 0-d floats: NumPy scalars do + - * / several times faster than 0-d arrays and
            # round the same (integers stay arrays: only arrays wrap around silently on overflow).
            return a[()], b[()]
    elif type(other) in _SCALARS:
        if a.dtype.kind == "f" or (type(other) is int and a.dtype.kind == "i" and not floating):
            if a.dtype is _HALF and type(other) is float and float(np.float16(other)) != other:
                # PyTorch computes with the float in float32; NumPy would round it to float16
                raise unsupported("arithmetic between float16 tensors and Python floats that "
                                  "float16 cannot hold exactly")
            return a, other
        b = other
    elif isinstance(other, (np.generic, np.ndarray)):
        # A NumPy scalar counts as a Python number; PyTorch reads np.bool_ as a float.
        b = (float(other) if isinstance(other, np.bool_) else other.item()) \
            if isinstance(other, np.generic) else other
        if isinstance(b, np.ndarray):
            _dtypes.from_numpy_dtype(b.dtype)
            if b.ndim == 0:   # PyTorch's promotion for these follows no rule we could state
                raise unsupported("arithmetic between tensors and 0-d NumPy arrays")
    else:
        raise TypeError(f"unsupported operand type(s) for Tensor and '{type(other).__name__}'")
    dt = result_dtype(a, b)
    if floating and dt.kind != "f":
        dt = _dtypes.get_default_dtype().np
    a = a.astype(dt, copy=False)
    return a, (np.asarray(b, dtype=dt) if isinstance(b, np.ndarray) else dt.type(b))


def _arg_reduce(self, np_op, dim, keepdim):
    x = self._data
    if dim is None:
        out = np.asarray(np_op(x))
        if keepdim:
            out = out.reshape((1,) * x.ndim)
    else:
        out = np_op(x, axis=_dim(dim, x.ndim), keepdims=keepdim)
    return _wrap(np.asarray(out, dtype=np.int64))


def _wrap(data, cls=None):
    """A new Tensor around the array `data` (no copy): the fast path every op uses."""
    t = object.__new__(cls or Tensor)
    if data.__class__ is not np.ndarray:
        data = np.asarray(data)   # NumPy returns scalars from 0-d arithmetic; keep arrays
    t._data = data
    t._requires_grad = False
    t.grad_fn = None
    t._grad = None
    t._counter = [0]
    t._extras = {"inference": True} if grad_mode._inference else None
    return t


def _share_memory(view, base):
    """`view` shares `base`'s memory: one version counter, and a reference to the tensor that
    owns the memory, whose graph an in-place change of the view must update (_inplace.py). Such
    a change is refused on a view of a leaf that requires grad, and on a view made under no_grad
    of a tensor that requires grad, as PyTorch refuses them."""
    view._counter = base._counter
    if base.is_inference():
        view._extras_dict()["inference"] = True
    root = _base(base)
    if not grad_mode._enabled and root._requires_grad:
        view._extras_dict()["view_no_grad"] = True
    elif root._requires_grad and root.grad_fn is None:
        view._extras_dict()["view_of_leaf"] = True
    else:
        view._extras_dict()["base"] = root
        if root.grad_fn is not None:   # only then can the view's Node go stale
            root._extras_dict().setdefault("views", []).append(weakref.ref(view))


def _base(t):
    """The tensor that owns t's memory: t itself, unless t is a view."""
    base = t._extras.get("base") if t._extras else None
    return t if base is None else base


def _check_close(self, other, name):
    """isclose/allclose take two tensors of one dtype (unlike `equal`, they do not promote)."""
    if not isinstance(other, Tensor):
        raise TypeError(f"{name}(): argument 'other' (position 2) must be Tensor, not "
                        f"{type(other).__name__}")
    if other._data.dtype != self._data.dtype:
        raise RuntimeError(f"{self.dtype._legacy[:-6]} did not match {other.dtype._legacy[:-6]}")


def reflected(method):
    """`x op tensor` reaches the tensor's reflected method when x cannot do it: for a number
    (a NumPy scalar counts as one) it computes; for anything else, a NumPy array included (NumPy
    defers to the tensor), it answers NotImplemented, so Python raises PyTorch's TypeError."""
    def reflected_method(self, other):
        if not isinstance(other, _OPERANDS):
            return NotImplemented
        return method(self, other)
    reflected_method.__name__ = method.__name__
    return reflected_method


_COMPARISONS = (np.equal, np.not_equal, np.less, np.less_equal, np.greater, np.greater_equal)


def _comparison(np_op, operator=False, arrays=False):
    """An elementwise comparison: a bool tensor, never part of a graph. As an operator, given
    another type (a list, a string, and but for `==` a NumPy array) it answers NotImplemented,
    so that Python says what PyTorch says, and `==` falls back to identity (False) as in
    PyTorch; as a method (`t.lt(x)`, `torch.lt`) it raises TypeError."""
    def compare(self, other):
        if operator and not isinstance(other, _OPERANDS) and not (
                arrays and other.__class__ is np.ndarray):
            return NotImplemented
        return self._compare(other, np_op)
    return compare


def _bitwise(kernel, logical, bitwise):
    """&, | and ^: logical on bools, bitwise on integers; PyTorch has no floating-point kernel."""
    def operator(self, other):
        if not isinstance(other, _OPERANDS):
            return NotImplemented
        a, b = _operands(self, other)
        if a.dtype.kind == "f":
            raise _no_kernel(kernel, a.dtype)
        return _wrap(_broadcasting(logical if a.dtype == bool else bitwise, a, b))
    return operator


class Tensor:
    """An n-dimensional array that can record how it was computed.

    `_data` is the NumPy array holding the values; `grad_fn` the Node that produced it (None for
    a leaf); `_grad` the accumulated gradient (a Tensor or None); `_counter` a one-element list,
    shared with views of the same memory, counting in-place changes.
    """

    __slots__ = ("_data", "_requires_grad", "grad_fn", "_grad", "_counter", "_extras",
                 "__weakref__")
    # NumPy scalars and arrays defer to an operand of higher priority: `np.float64(2) * t` then
    # calls t.__rmul__ and is a Tensor, as in PyTorch (else NumPy would answer with an array).
    __array_priority__ = 1000

    def __new__(cls, *args):
        # The legacy constructor: torch.Tensor([1, 2]) or torch.Tensor(2, 3) make tensors of the
        # default dtype.
        default = _dtypes.get_default_dtype().np
        if len(args) == 1 and not isinstance(args[0], (int, np.integer)):
            data = args[0]._data if isinstance(args[0], Tensor) else args[0]
            data = np.array(data, dtype=default)
        else:
            data = np.empty(tuple(int(a) for a in args), dtype=default)
        return _wrap(data, cls)

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
        if requires_grad and self.is_inference() and not grad_mode._inference:
            raise RuntimeError("Setting requires_grad=True on inference tensor outside "
                               "InferenceMode is not allowed.")
        if requires_grad and self._data.dtype.kind != "f":
            raise RuntimeError("only Tensors of floating point dtype can require gradients")
        if requires_grad:
            _dtypes.check_differentiable(self._data.dtype)
        self._requires_grad = bool(requires_grad)
        return self

    def is_inference(self):
        """Made under inference_mode: such a tensor can never be saved for backward."""
        return bool(self._extras and self._extras.get("inference"))

    @property
    def _version(self):
        """How many in-place changes this memory has seen (views share the counter)."""
        if self.is_inference():
            raise RuntimeError("Inference tensors do not track version counter.")
        return self._counter[0]

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
        if value is not None:
            if not isinstance(value, Tensor):
                raise TypeError("assigned grad expected to be a Tensor or None but got grad of "
                                f"type {type(value).__name__}")
            if value._data.dtype != self._data.dtype:
                raise RuntimeError(
                    f"attempting to assign a gradient with dtype '{C_NAMES[value.dtype.name]}' to "
                    f"a tensor with grad_dtype '{self.dtype._legacy[:-6]}'. The gradient must "
                    "match the tensor's grad_dtype (defaults to the tensor's dtype). You can set the "
                    "tensor's grad_dtype attribute with a specific dtype, or None to allow any "
                    "dtype. Set grad_dtype with caution. Diverging the dtypes of a tensor and its "
                    "gradient may break downstream systems that assume they match.")
            if value._data.shape != self._data.shape:
                raise RuntimeError(
                    f"attempting to assign a gradient of size '{list(value.shape)}' to a tensor "
                    f"of size '{list(self.shape)}'. Please ensure that the gradient and the tensor "
                    "are the same size")
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
        return RemovableHandle(hooks, hook)

    @property
    def data(self):
        """The same memory as a new leaf that does not require grad. In-place changes through it
        are invisible to autograd (it has its own version counter): prefer `no_grad()`."""
        return self._alias()

    @data.setter
    def data(self, value):
        self._data = value._data

    # --- leaving the graph ------------------------------------------------------------------
    def detach(self):
        """The same values and memory, cut off from the graph (a new leaf)."""
        t = self._alias()
        t._counter = self._counter   # one memory, one version counter
        return t

    def _alias(self):
        """A new leaf on the same memory; an inference tensor's alias is one too."""
        t = _wrap(self._data)
        if self.is_inference():
            t._extras = {"inference": True}
        return t


    @property
    def shape(self):
        return _size(self._data.shape)

    def size(self, dim=None):
        if dim is None:
            return _size(self._data.shape)
        return self._data.shape[_dim(dim, self._data.ndim)]

    @property
    def ndim(self):
        return self._data.ndim

    def dim(self):
        return self._data.ndim

    def numel(self):
        return self._data.size

    @property
    def dtype(self):
        return _dtypes.from_numpy_dtype(self._data.dtype)

    @property
    def device(self):
        return CPU

    is_cuda = False
    is_cpu = True

    def type(self, dtype=None):
        if dtype is None:
            return "torch." + self.dtype._legacy
        if isinstance(dtype, str):   # the legacy name: x.type("torch.LongTensor")
            dtype = _dtypes.by_legacy_name(dtype)
        elif not isinstance(dtype, _dtypes.dtype):
            raise ValueError(f"invalid type: '{getattr(dtype, '__name__', dtype)}'")
        return self.to(dtype)

    def is_floating_point(self):
        return self._data.dtype.kind == "f"

    def element_size(self):
        return self._data.itemsize

    def item(self):
        if self._data.size != 1:
            raise RuntimeError(
                f"a Tensor with {self._data.size} elements cannot be converted to Scalar")
        return self._data.item()

    def tolist(self):
        return self._data.tolist()

    def numpy(self):
        if self._requires_grad:
            raise RuntimeError("Can't call numpy() on Tensor that requires grad. Use "
                               "tensor.detach().numpy() instead.")
        return self._data

    def __array__(self, dtype=None, copy=None):
        return self.numpy() if dtype is None else self.numpy().astype(dtype)

    def __array_wrap__(self, array, context=None, return_scalar=False):
        # A NumPy ufunc applied to a tensor (np.exp(t)) answers with a tensor, as in PyTorch
        # (whose boolean answers turn into uint8, a dtype microtorch lacks).
        if array.dtype == bool:
            raise unsupported("NumPy functions with boolean results (np.isnan) on tensors")
        _dtypes.from_numpy_dtype(array.dtype)
        return _wrap(array)

    def __len__(self):
        if self._data.ndim == 0:
            raise TypeError("len() of a 0-d tensor")
        return self._data.shape[0]

    def __iter__(self):
        if self._data.ndim == 0:
            raise TypeError("iteration over a 0-d tensor")
        return iter(self.unbind(0))

    def __bool__(self):
        if self._data.size == 0:
            raise RuntimeError("Boolean value of Tensor with no values is ambiguous")
        if self._data.size != 1:
            raise RuntimeError("Boolean value of Tensor with more than one value is ambiguous")
        return bool(self._data)

    def __float__(self):
        return float(self._scalar())

    def __int__(self):
        return int(self._scalar())

    def _scalar(self):
        if self._data.size != 1:
            raise ValueError("only one element tensors can be converted to Python scalars")
        return self._data.item()

    def __index__(self):
        if self._data.dtype.kind not in "iub" or self._data.size != 1:
            raise TypeError("only integer tensors of a single element can be converted to an index")
        return int(self._data)

    def __format__(self, spec):
        # As PyTorch: only a plain 0-d Tensor formats as its number (not a Parameter).
        if self._data.ndim == 0 and type(self) is Tensor:
            return self.item().__format__(spec)
        return object.__format__(self, spec)

    def __hash__(self):
        return id(self)

    def __repr__(self):
        return _printing.tensor_repr(self)

    def __getattr__(self, name):
        # Only reached for names Tensor lacks: PyTorch's are refused by name, typos are not.
        if name in TENSOR_ATTRIBUTES:
            raise unsupported(f"Tensor.{name}")
        raise AttributeError(f"'Tensor' object has no attribute '{name}'")

    def _compare(self, other, np_op):
        a, b = _operands(self, other)
        return _wrap(_broadcasting(np_op, a, b))

    eq, ne, lt, le, gt, ge = (_comparison(op) for op in _COMPARISONS)
    __eq__ = _comparison(np.equal, operator=True, arrays=True)
    __ne__, __lt__, __le__, __gt__, __ge__ = (_comparison(op, operator=True)
                                              for op in _COMPARISONS[1:])
    __and__ = __rand__ = _bitwise("bitwise_and_cpu", np.logical_and, np.bitwise_and)
    __or__ = __ror__ = _bitwise("bitwise_or_cpu", np.logical_or, np.bitwise_or)
    __xor__ = __rxor__ = _bitwise("bitwise_xor_cpu", np.logical_xor, np.bitwise_xor)

    def __invert__(self):
        if self._data.dtype.kind == "f":
            raise TypeError("~ (operator.invert) is only implemented on integer and Boolean-type "
                            "tensors")
        return _wrap(~self._data)

    def equal(self, other):
        return self._data.shape == other._data.shape and bool((self._data == other._data).all())

    def allclose(self, other, rtol=1e-05, atol=1e-08, equal_nan=False):
        _check_close(self, other, "allclose")
        return bool(self.isclose(other, rtol, atol, equal_nan)._data.all())

    def isclose(self, other, rtol=1e-05, atol=1e-08, equal_nan=False):
        _check_close(self, other, "isclose")
        return _wrap(_broadcasting(lambda a, b: np.isclose(a, b, rtol=rtol, atol=atol,
                                                           equal_nan=equal_nan),
                                   self._data, other._data))

    def argmax(self, dim=None, keepdim=False):
        return _arg_reduce(self, np.argmax, dim, keepdim)

    def argmin(self, dim=None, keepdim=False):
        return _arg_reduce(self, np.argmin, dim, keepdim)

    def all(self, dim=None, keepdim=False):
        return _wrap(np.asarray(self._data.all(axis=_axes(dim, self._data.ndim), keepdims=keepdim)))

    def any(self, dim=None, keepdim=False):
        return _wrap(np.asarray(self._data.any(axis=_axes(dim, self._data.ndim), keepdims=keepdim)))

    def contiguous(self):
        return self if self._data.flags.c_contiguous else self.clone()

    def is_contiguous(self):
        return self._data.flags.c_contiguous

    def float(self):
        return self.to(_dtypes.float32)

    def half(self):
        return self.to(_dtypes.float16)

    def double(self):
        return self.to(_dtypes.float64)

    def long(self):
        return self.to(_dtypes.int64)

    def int(self):
        return self.to(_dtypes.int32)

    def bool(self):
        return self.to(_dtypes.bool_)

    def cpu(self):
        return self

    def type_as(self, other):
        return self.to(other.dtype)

    def cuda(self, device=None):
        raise AssertionError(NO_CUDA)

    def uniform_(self, a=0.0, b=1.0, *, generator=None):
        return self.copy_(_wrap(random.generator(generator).uniform(a, b, self._data.shape)))

    def normal_(self, mean=0.0, std=1.0, *, generator=None):
        return self.copy_(_wrap(random.generator(generator).normal(mean, std, self._data.shape)))


# What a binary operator takes besides a Tensor: a number (a NumPy scalar counts as one).
_OPERANDS = (Tensor, int, float, np.generic)


def _as_tensor(x):
    """x as a Tensor: itself, a NumPy array without a copy, or a Python number or list."""
    if isinstance(x, Tensor):
        return x
    if isinstance(x, np.ndarray):
        _dtypes.from_numpy_dtype(x.dtype)
        return _wrap(x)
    return _wrap(np.asarray(x, dtype=_dtypes.result_dtype(x) if type(x) in _SCALARS else None))
