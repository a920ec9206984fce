"""torch.linalg: of PyTorch's linear algebra, the vector norm (Tensor.norm computes with it)."""
from ._errors import module_getattr
from ._silent import silent
from .ops import vector_norm

vector_norm = silent(vector_norm)

__getattr__ = module_getattr("torch.linalg")
