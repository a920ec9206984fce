"""optim.RMSprop: divide the gradient by the root of a running average of its square (optionally
centered by the running average of the gradient itself), with optional momentum."""
import numpy as np

from .._tensor import _wrap, axpy_
from ._fused import addcdiv_, addcmul_, lerp_
from .optimizer import PerParameter, check_not_negative, refuse_flags


class RMSprop(PerParameter):
    def __init__(self, params, lr=1e-2, alpha=0.99, eps=1e-8, weight_decay=0, momentum=0,
                 centered=False, capturable=False, foreach=None, maximize=False,
                 differentiable=False):
        check_not_negative(lr=lr, eps=eps, momentum=momentum, weight_decay=weight_decay,
                           alpha=alpha)
        refuse_flags("RMSprop", capturable=capturable, foreach=foreach,
                     differentiable=differentiable)
        super().__init__(params, dict(lr=lr, momentum=momentum, alpha=alpha, eps=eps,
                                      centered=centered, weight_decay=weight_decay,
                                      capturable=capturable, foreach=foreach, maximize=maximize,
                                      differentiable=differentiable))

    def _update(self, p, g, group):
        alpha, momentum = group["alpha"], group["momentum"]
        state = self.state[p]
        if not state:
            state["step"] = _wrap(np.array(0.0, dtype=np.float32))
            state["square_avg"] = _wrap(np.zeros_like(p._data))
            if momentum > 0:
                state["momentum_buffer"] = _wrap(np.zeros_like(p._data))
            if group["centered"]:
                state["grad_avg"] = _wrap(np.zeros_like(p._data))
        state["step"]._data += 1
        if group["weight_decay"]:
            g = g.copy()
            axpy_(g, group["weight_decay"], p._data)
        square_avg = state["square_avg"]._data
        square_avg *= alpha
        addcmul_(square_avg, 1 - alpha, g, g)       # v = alpha v + (1 - alpha) g^2
        if group["centered"]:
            grad_avg = state["grad_avg"]._data
            lerp_(grad_avg, g, 1 - alpha)           # the running mean of g
            variance = square_avg.copy()
            addcmul_(variance, -1, grad_avg, grad_avg)
            avg = np.sqrt(variance)
        else:
            avg = np.sqrt(square_avg)
        avg += group["eps"]
        if momentum > 0:
            buf = state["momentum_buffer"]._data
            buf *= momentum
            addcdiv_(buf, 1, g, avg)
            axpy_(p._data, -group["lr"], buf)
        else:
            addcdiv_(p._data, -group["lr"], g, avg)
