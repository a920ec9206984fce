"""torch.save and torch.load: tensors, Parameters, state_dicts and plain Python data of them.

The file is microtorch's own, not PyTorch's zip archive: a header line, then a pickle in which a
tensor is where it lies in a block of raw memory (saved once however many tensors view it), its
shape and requires_grad. torch.load reads it back as PyTorch 2.6 and later do by default
(weights_only=True): the pickle may name no class or function beyond tensors, plain containers
and a few torch types, so loading a file can never run code from it; weights_only=False lifts
that for files one trusts (a whole pickled Module).
"""
import _compat_pickle
import os
import pickle

import numpy as np

from . import _dtypes
from ._errors import module_getattr, unsupported
from ._tensor import Tensor, _wrap
from .nn.parameter import Parameter

_HEADER = b"microtorch.save 1\n"
_PYTORCH_ZIP = b"PK\x03\x04"


def _rebuild_storage(dtype_name, raw):
    return np.frombuffer(bytearray(raw), dtype=_dtypes._by_name(dtype_name).np)


def _rebuild_tensor(is_parameter, storage, offset, shape, strides, requires_grad):
    """A tensor viewing `storage` (a flat array) from element `offset` with element `strides`;
    a layout reaching outside the storage is refused, so a crafted file cannot read other memory."""
    touches = all(shape) and len(shape) == len(strides)
    last = offset + sum((n - 1) * stride for n, stride in zip(shape, strides))
    if not isinstance(storage, np.ndarray) or offset < 0 or min(strides, default=0) < 0 or \
            len(shape) != len(strides) or (touches and last >= storage.size):
        raise pickle.UnpicklingError("a tensor in this file lies outside its storage: the file is corrupt")
    data = np.lib.stride_tricks.as_strided(storage[offset:], shape,
                                           [stride * storage.itemsize for stride in strides])
    if is_parameter:
        return Parameter(_wrap(data), requires_grad)
    t = _wrap(data)
    t._requires_grad = requires_grad
    return t


class _Storage:
    """A block of memory that saved tensors view; pickle's memo writes it once however many do."""

    def __init__(self, array):
        self.array = array


def _layout(data):
    """The contiguous array whose memory `data` views, and where in it `data` lies (element
    offset and strides), or None where that cannot be said (then `data` is saved as a copy)."""
    root, base = data, data.base
    while base is not None:   # through as_strided's wrapper too: a loaded view saves as one again
        if isinstance(base, np.ndarray):
            root = base
        base = getattr(base, "base", None)
    if (data.size == 0 and root is not data) or root.dtype != data.dtype or \
            not (root.flags.c_contiguous or root.flags.f_contiguous):
        return None
    offset = data.ctypes.data - root.ctypes.data
    if offset % data.itemsize or any(s < 0 or s % data.itemsize for s in data.strides):
        return None
    return root, offset // data.itemsize, tuple(s // data.itemsize for s in data.strides)


class _Pickler(pickle.Pickler):
    def __init__(self, file, protocol):
        super().__init__(file, protocol=protocol)
        self._storages = {}   # id of an array -> its _Storage, so views of it share one

    def reducer_override(self, obj):
        """A tensor is pickled as its values alone: a non-leaf comes back a leaf that requires
        grad, without .grad, as in PyTorch. Tensors sharing memory share it again once loaded."""
        if isinstance(obj, _Storage):
            return _rebuild_storage, (_dtypes.from_numpy_dtype(obj.array.dtype).name,
                                      obj.array.tobytes(order="A"))
        if not isinstance(obj, Tensor):
            return NotImplemented
        data = obj._data
        root, offset, strides = _layout(data) or _layout(data.copy(order="K"))
        storage = self._storages.setdefault(id(root), _Storage(root))
        return _rebuild_tensor, (isinstance(obj, Parameter), storage, offset, data.shape, strides,
                                 obj.requires_grad)


# What weights_only=True lets a file name, beside the types pickle builds without naming any
# (numbers, str, bytes, None, list, tuple, dict): PyTorch's default allowlist, for our types.
_ALLOWED = {
    ("builtins", "set"), ("builtins", "complex"), ("builtins", "bytes"), ("builtins", "bytearray"),
    ("collections", "OrderedDict"), ("collections", "Counter"),
    ("_codecs", "encode"),   # how pickle protocol 2, PyTorch's default, writes bytes
    (__name__, "_rebuild_storage"), (__name__, "_rebuild_tensor"), ("microtorch._dtypes", "_by_name"),
    ("microtorch._tensor", "Size"), ("microtorch._tensor", "device"),
}

_WEIGHTS_ONLY_FAILED = (
    "Weights only load failed. This file can still be loaded, to do so you have two options, "
    "\x1b[1mdo those steps only if you trust the source of the checkpoint\x1b[0m. \n"
    "\t(1) In PyTorch 2.6, we changed the default value of the `weights_only` argument in "
    "`torch.load` from `False` to `True`. Re-running `torch.load` with `weights_only` set to "
    "`False` will likely succeed, but it can result in arbitrary code execution. Do it only if "
    "you got the file from a trusted source.\n"
    "\t(2) microtorch has no allowlist to extend (torch.serialization.add_safe_globals).\n"
    "\tWeightsUnpickler error: Unsupported global: GLOBAL {name} was not an allowed global by "
    "default.")


class _WeightsUnpickler(pickle.Unpickler):
    def find_class(self, module, name):
        module = _compat_pickle.IMPORT_MAPPING.get(module, module)   # protocol 2 says __builtin__
        if (module, name) in _ALLOWED:
            return super().find_class(module, name)
        shown = "torch" + module[len("microtorch"):] if module.startswith("microtorch") else module
        raise pickle.UnpicklingError(_WEIGHTS_ONLY_FAILED.format(name=f"{shown}.{name}"))


def _is_path(f):
    return isinstance(f, (str, os.PathLike))


def save(obj, f, pickle_module=pickle, pickle_protocol=2, _use_new_zipfile_serialization=True,
         _disable_byteorder_record=False):
    """Write `obj` to a path or a binary file object (open(..., "wb"), io.BytesIO)."""
    if pickle_module is not pickle:
        raise unsupported("torch.save(pickle_module=...)")
    if _is_path(f):
        parent = os.path.dirname(os.fspath(f))
        if parent and not os.path.isdir(parent):
            raise RuntimeError(f"Parent directory {parent} does not exist.")
        with open(f, "wb") as file:
            return save(obj, file, pickle_protocol=pickle_protocol)
    f.write(_HEADER)
    _Pickler(f, protocol=pickle_protocol).dump(obj)


_CUDA_UNAVAILABLE = (
    "Attempting to deserialize object on a CUDA device but torch.cuda.is_available() is False. "
    "If you are running on a CPU-only machine, please use torch.load with "
    "map_location=torch.device('cpu') to map your storages to the CPU.")


def load(f, map_location=None, pickle_module=None, *, weights_only=None, mmap=None,
         **pickle_load_args):
    """Read what save wrote, from a path or a binary file object, onto the CPU."""
    if pickle_module is not None or pickle_load_args:
        raise unsupported("torch.load's pickle_module and pickle arguments")
    if mmap:
        raise unsupported("torch.load(mmap=True)")
    if map_location is not None and str(map_location) != "cpu":
        if str(map_location).startswith("cuda"):
            raise RuntimeError(_CUDA_UNAVAILABLE)
        raise unsupported(f"torch.load(map_location={map_location!r})")
    if _is_path(f):
        with open(f, "rb") as file:
            return load(file, weights_only=weights_only)
    header = f.read(len(_HEADER))
    if not header:
        raise EOFError()
    if header != _HEADER:
        written_by = "PyTorch (its zip format)" if header.startswith(_PYTORCH_ZIP) else "something else"
        raise unsupported(f"torch.load of a file written by {written_by}; microtorch reads only "
                          "files its own torch.save wrote")
    unpickler = pickle.Unpickler if weights_only is False else _WeightsUnpickler
    return unpickler(f).load()


__getattr__ = module_getattr("torch.serialization")
