"""microtorch: the part of PyTorch a learner meets, in NumPy. `import microtorch as torch`.

Read the engine first (microtorch/engine.py: the graph and backward), then one op of ops.py.
The Tensor itself is _tensor.py; grad_mode.py switches recording off.
"""
import math

from . import _dtypes
from ._creation import (arange, as_tensor, empty, eye, from_numpy, full, full_like, linspace,
                        ones, ones_like, rand, rand_like, randint, randn, randn_like, randperm,
                        tensor, zeros, zeros_like)
from ._dtypes import dtype, get_default_dtype, set_default_dtype
from ._errors import module_getattr, refuse_missing_modules
from ._numpy_names import accept_numpy_names
from ._printing import set_printoptions
from .grad_mode import (enable_grad, inference_mode, is_grad_enabled, is_inference_mode_enabled,
                        no_grad, set_grad_enabled)
from .ops import TORCH_FUNCTIONS
from . import common_ops
from .random import Generator, default_generator, initial_seed, manual_seed, seed
from ._tensor import Size, Tensor, device

__version__ = "0.1.0"

float16 = half = _dtypes.float16
float32 = float = _dtypes.float32
float64 = double = _dtypes.float64
int64 = long = _dtypes.int64
int32 = int = _dtypes.int32
bool = _dtypes.bool_

pi, e, inf, nan = math.pi, math.e, math.inf, math.nan

TORCH_FUNCTIONS.update(common_ops.TORCH_FUNCTIONS)
accept_numpy_names(Tensor, TORCH_FUNCTIONS)
globals().update(TORCH_FUNCTIONS)


def is_tensor(obj):
    return isinstance(obj, Tensor)


def numel(input):
    return input.numel()


from . import _inplace, autograd, backends, cuda, linalg, nn, optim, utils, viz   # noqa: E402
from .serialization import load, save   # noqa: E402  (it pickles nn.Parameter)

refuse_missing_modules()   # `import torch.utils` names what is missing
__getattr__ = module_getattr("torch")
