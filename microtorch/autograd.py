"""torch.autograd: gradients as values (`grad`), and the switches for recording the graph."""
import numpy as np

from ._errors import module_getattr
from .engine import Node, enable_grad, is_grad_enabled, no_grad, run_backward, set_grad_enabled

__all__ = ["grad", "backward", "no_grad", "enable_grad", "set_grad_enabled", "is_grad_enabled",
           "Node"]


def _as_tuple(x):
    if x is None:
        return None
    return tuple(x) if isinstance(x, (tuple, list)) else (x,)


def grad(outputs, inputs, grad_outputs=None, retain_graph=None, create_graph=False,
         allow_unused=None, materialize_grads=False):
    """Return d(outputs)/d(inputs) as a tuple, leaving every `.grad` untouched."""
    if create_graph:
        from ._errors import unsupported
        raise unsupported("create_graph=True (higher-order gradients)")
    outputs, inputs = _as_tuple(outputs), _as_tuple(inputs)
    grad_outputs = _as_tuple(grad_outputs) or (None,) * len(outputs)
    with np.errstate(all="ignore"):
        result = run_backward(outputs, grad_outputs, retain_graph, inputs=inputs,
                              allow_unused=bool(allow_unused) or materialize_grads)
    if materialize_grads:
        from ._creation import zeros_like
        result = tuple(zeros_like(t) if g is None else g for g, t in zip(result, inputs))
    return result


def backward(tensors, grad_tensors=None, retain_graph=None, create_graph=False):
    """Like calling `.backward()` on each of `tensors` at once."""
    tensors = _as_tuple(tensors)
    grad_tensors = _as_tuple(grad_tensors) or (None,) * len(tensors)
    if create_graph:
        from ._errors import unsupported
        raise unsupported("create_graph=True (higher-order gradients)")
    with np.errstate(all="ignore"):
        run_backward(tensors, grad_tensors, retain_graph)


__getattr__ = module_getattr("torch.autograd")
