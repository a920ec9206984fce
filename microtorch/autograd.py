"""torch.autograd: gradients as values (`grad`), and the switches for recording the graph."""
from ._errors import module_getattr
from .engine import Node, backward, grad
from .grad_mode import enable_grad, inference_mode, is_grad_enabled, no_grad, set_grad_enabled

__all__ = ["grad", "backward", "no_grad", "enable_grad", "set_grad_enabled", "is_grad_enabled",
           "inference_mode", "Node"]

__getattr__ = module_getattr("torch.autograd")
