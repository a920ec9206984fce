"""torch.optim: SGD, Adam, AdamW, RMSprop and Adagrad, and the learning-rate schedulers."""
from .._errors import module_getattr
from . import lr_scheduler
from .adagrad import Adagrad
from .adam import Adam, AdamW
from .optimizer import Optimizer
from .rmsprop import RMSprop
from .sgd import SGD

__getattr__ = module_getattr("torch.optim")
