"""torch.cuda as a CPU-only PyTorch answers it: no CUDA device, and asking one for work fails."""
from .._errors import module_getattr
from .._tensor import NO_CUDA


def is_available():
    return False


def device_count():
    return 0


def is_initialized():
    return False


def manual_seed(seed):
    """Seeds nothing: there is no CUDA generator (PyTorch ignores the call too)."""


manual_seed_all = manual_seed


def empty_cache():
    """There is no CUDA memory to free."""


def _no_cuda(*args, **kwargs):
    raise AssertionError(NO_CUDA)


current_device = get_device_name = synchronize = _no_cuda

__getattr__ = module_getattr("torch.cuda")
