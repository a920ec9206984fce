"""torch.nn: Modules (layers, losses), Parameter, functional and init."""
from .._errors import module_getattr
from . import functional, init
from .modules import (BCELoss, BCEWithLogitsLoss, CrossEntropyLoss, Flatten, Identity, L1Loss,
                      Linear, LogSoftmax, Module, MSELoss, NLLLoss, ReLU, Sequential, Sigmoid,
                      Softmax, Tanh)
from .parameter import Parameter

__getattr__ = module_getattr("torch.nn")
