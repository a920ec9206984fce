"""torch.optim: SGD, Adam and AdamW."""
from .._errors import module_getattr
from .adam import Adam, AdamW
from .optimizer import Optimizer
from .sgd import SGD

__getattr__ = module_getattr("torch.optim")
