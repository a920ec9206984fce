"""torch.nn: Modules (layers, losses), Parameter, functional, init and utils."""
from .._errors import module_getattr
from . import functional, init, utils
from .modules import (GELU, BatchNorm1d, BCELoss, BCEWithLogitsLoss, CrossEntropyLoss, Dropout,
                      Flatten, HuberLoss, Identity, L1Loss, LeakyReLU, Linear, LogSoftmax, Module,
                      ModuleDict, ModuleList, MSELoss, NLLLoss, ReLU, Sequential, Sigmoid,
                      SmoothL1Loss, Softmax, Tanh)
from .parameter import Parameter

__getattr__ = module_getattr("torch.nn")
