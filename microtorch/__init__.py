"""microtorch: the part of PyTorch a learner meets, in NumPy. `import microtorch as torch`.

The engine (Tensor, graph, backward) is microtorch/engine.py; read it first.
"""
from . import _dtypes
from ._creation import (Generator, arange, as_tensor, empty, eye, from_numpy, full, full_like,
                        linspace, manual_seed, ones, ones_like, rand, rand_like, randint, randn,
                        randn_like, randperm, seed, tensor, zeros, zeros_like)
from ._dtypes import dtype
from ._errors import module_getattr
from .engine import (Size, Tensor, cat, device, enable_grad, is_grad_enabled, no_grad,
                     set_grad_enabled, stack, where)

__version__ = "0.1.0"

float32 = float = _dtypes.float32
float64 = double = _dtypes.float64
int64 = long = _dtypes.int64
int32 = int = _dtypes.int32
bool = _dtypes.bool_

inference_mode = no_grad   # the same effect on the values a learner sees


def get_default_dtype():
    return float32


def is_tensor(obj):
    return isinstance(obj, Tensor)


def numel(input):
    return input.numel()


def _method(name):
    def function(input, *args, **kwargs):
        return getattr(input, name)(*args, **kwargs)
    function.__name__ = name
    function.__doc__ = f"torch.{name}(t, ...) is t.{name}(...)."
    return function


# torch.exp(x) and friends are the Tensor methods called as functions.
for _name in ("add", "sub", "mul", "div", "pow", "matmul", "mm", "sum", "mean", "max", "min",
              "exp", "log", "sqrt", "abs", "clamp", "clip", "relu", "sigmoid", "tanh", "softmax",
              "log_softmax", "reshape", "flatten", "squeeze", "unsqueeze", "transpose", "t",
              "permute", "argmax", "argmin", "eq", "ne", "lt", "le", "gt", "ge", "allclose",
              "isclose", "equal", "clone", "detach", "all", "any", "unbind"):
    globals()[_name] = _method(_name)
del _name


def neg(input):
    return -input


from . import autograd, nn, optim, viz   # noqa: E402  (they import the names above)

__getattr__ = module_getattr("torch")
