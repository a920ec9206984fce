"""torch.autograd: gradients as values (`grad`), custom ops (`Function`), checks of a backward
rule against finite differences (`gradcheck`), Jacobians (`functional`), and the switches for
recording the graph."""
from .._errors import module_getattr
from ..engine import Node, backward, grad
from ..grad_mode import enable_grad, inference_mode, is_grad_enabled, no_grad, set_grad_enabled
from . import function, functional
from .function import Function
from .gradcheck import gradcheck, gradgradcheck

__all__ = ["grad", "backward", "no_grad", "enable_grad", "set_grad_enabled", "is_grad_enabled",
           "inference_mode", "Node", "Function", "function", "functional", "gradcheck",
           "gradgradcheck"]

__getattr__ = module_getattr("torch.autograd")
