"""torch.backends.cudnn without CUDA: the flags seeding recipes set are there and change nothing."""
from .._errors import module_getattr

enabled = True
benchmark = False
deterministic = False


def is_available():
    return False


def version():
    return None


__getattr__ = module_getattr("torch.backends.cudnn")
