"""torch.random: the global random generator behind rand, randn, randint, randperm and
nn.Linear's initialisation, and torch.Generator for a stream of one's own (NumPy's PCG64, so
the numbers differ from PyTorch's; only the determinism is PyTorch's)."""
import numpy as np

from ._errors import unsupported

_DEFAULT_SEED = 67280421310721   # PyTorch's initial seed: a fresh process is reproducible too


class Generator:
    """An independent random stream: `torch.Generator().manual_seed(0)`."""

    def __init__(self, device="cpu"):
        if str(device) != "cpu":
            raise unsupported(f"torch.Generator(device={str(device)!r}) (microtorch runs on the CPU only)")
        self.manual_seed(_DEFAULT_SEED)

    def manual_seed(self, seed):
        self._seed = int(seed)
        self._rng = np.random.default_rng(self._seed % 2**64)
        return self

    def seed(self):
        """Reseed from the operating system's entropy; return the new seed."""
        self.manual_seed(np.random.SeedSequence().entropy % 2**63)
        return self._seed

    def initial_seed(self):
        return self._seed

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(f"'torch._C.Generator' object has no attribute '{name}'")
        raise unsupported(f"torch.Generator.{name}")

    def __repr__(self):
        return f"<torch._C.Generator object at {hex(id(self))}>"


default_generator = Generator()


def manual_seed(seed):
    """Make every later random draw reproducible; returns torch.default_generator as PyTorch does."""
    return default_generator.manual_seed(seed)


def seed():
    """Reseed the global generator from the operating system's entropy; return the new seed."""
    return default_generator.seed()


def initial_seed():
    return default_generator.initial_seed()


def generator(source=None):
    """The NumPy generator to draw from: `source`'s (a torch.Generator) or, by default, the
    global one (read at each draw: manual_seed replaces it)."""
    return (source or default_generator)._rng
