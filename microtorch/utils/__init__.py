"""torch.utils: only torch.utils.data is part of the subset; any other submodule is refused by name."""
from .._errors import module_getattr
from . import data

__getattr__ = module_getattr("torch.utils")
