"""torch.backends.mps on a machine without Apple's Metal: not built, not available."""
from .._errors import module_getattr


def is_available():
    return False


def is_built():
    return False


__getattr__ = module_getattr("torch.backends.mps")
