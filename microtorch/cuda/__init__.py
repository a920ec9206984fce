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


def is_bf16_supported():
    return False


def empty_cache():
    """There is no CUDA memory to free."""


def memory_allocated(device=None):
    return 0


memory_reserved = max_memory_allocated = memory_allocated


def _no_cuda(*args, **kwargs):
    raise AssertionError(NO_CUDA)


current_device = get_device_name = get_device_properties = synchronize = ipc_collect = _no_cuda

__getattr__ = module_getattr("torch.cuda")
