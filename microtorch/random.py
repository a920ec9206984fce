"""torch.random: the one global random generator behind rand, randn, randint, randperm and
nn.Linear's initialisation (NumPy's PCG64, so the numbers differ from PyTorch's)."""
import numpy as np

_DEFAULT_SEED = 67280421310721   # PyTorch's initial seed: a fresh process is reproducible too
_rng = np.random.default_rng(_DEFAULT_SEED)


class Generator:
    """What manual_seed returns."""

    def __init__(self, seed):
        self._seed = seed

    def initial_seed(self):
        return self._seed

    def __repr__(self):
        return f"<torch._C.Generator object at {hex(id(self))}>"


def manual_seed(seed):
    """Make every later random draw reproducible. Only the determinism is PyTorch's."""
    global _rng
    seed = int(seed)
    _rng = np.random.default_rng(seed % 2**64)
    return Generator(seed)


def seed():
    return manual_seed(np.random.SeedSequence().entropy % 2**63)


def generator():
    """The current NumPy generator (read at each draw: manual_seed replaces it)."""
    return _rng
