"""default_collate: a list of samples becomes one batch, column by column, as PyTorch builds it."""
from collections.abc import Mapping, Sequence

import numpy as np

from ... import _dtypes
from ..._creation import from_numpy, tensor
from ..._tensor import Tensor
from ...ops import TORCH_FUNCTIONS

_stack = TORCH_FUNCTIONS["stack"]


def _refuse(found):
    return TypeError("default_collate: batch must contain tensors, numpy arrays, numbers, dicts or "
                     f"lists; found {found}")


def default_collate(batch):
    """Tensors and NumPy arrays are stacked; Python floats become float64, ints int64 and bools
    bool tensors; strings stay as they are; dicts, lists and tuples are collated per key or
    position (a tuple of columns comes back as a list, as in PyTorch)."""
    elem = batch[0]
    if isinstance(elem, Tensor):
        return _stack(batch)
    if isinstance(elem, np.ndarray):
        if elem.dtype.kind in "OSU":
            raise _refuse(elem.dtype)
        return _stack([from_numpy(array) for array in batch])
    if isinstance(elem, (str, bytes)):
        return batch
    if isinstance(elem, np.generic):
        return from_numpy(np.array(batch))
    if isinstance(elem, float):
        return tensor(batch, dtype=_dtypes.float64)
    if isinstance(elem, int):
        return tensor(batch)
    if isinstance(elem, Mapping):
        collated = {key: default_collate([sample[key] for sample in batch]) for key in elem}
        try:
            return type(elem)(collated)
        except TypeError:
            return collated
    if isinstance(elem, tuple) and hasattr(elem, "_fields"):   # a namedtuple keeps its type
        return type(elem)(*(default_collate(column) for column in zip(*batch)))
    if isinstance(elem, Sequence):
        if any(len(sample) != len(elem) for sample in batch):
            raise RuntimeError("each element in list of batch should be of equal size")
        columns = [default_collate(column) for column in zip(*batch)]
        if isinstance(elem, tuple):
            return columns
        try:
            return type(elem)(columns)
        except TypeError:
            return columns
    raise _refuse(type(elem))
