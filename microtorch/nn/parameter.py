"""nn.Parameter: a leaf tensor that a Module registers as something to train."""
from .._tensor import Tensor, _wrap


class Parameter(Tensor):
    """A tensor that requires grad by default and that Modules collect in parameters().
    It shares memory with the tensor it was made from."""

    __slots__ = ()

    def __new__(cls, data=None, requires_grad=True):
        if data is None:
            import numpy as np
            data = _wrap(np.empty((0,), dtype=np.float32))
        if requires_grad and data._data.dtype.kind != "f":
            raise RuntimeError("Only Tensors of floating point and complex dtype can require "
                               "gradients")
        p = _wrap(data._data, cls)
        p._counter = data._counter
        p._requires_grad = bool(requires_grad)
        return p

    def __init__(self, data=None, requires_grad=True):
        pass   # everything happens in __new__

    def __repr__(self):
        return "Parameter containing:\n" + super().__repr__()

    def __reduce_ex__(self, protocol):
        return (Parameter, (_wrap(self._data.copy()), self._requires_grad))

    def __deepcopy__(self, memo):
        if id(self) not in memo:
            memo[id(self)] = Parameter(_wrap(self._data.copy()), self._requires_grad)
        return memo[id(self)]
