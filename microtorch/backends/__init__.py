"""torch.backends: which accelerator back ends this build has (none: microtorch is CPU only)."""
from .._errors import module_getattr
from . import cudnn, mps

__getattr__ = module_getattr("torch.backends")
