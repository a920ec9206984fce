"""optim.SGD: p <- p - lr * d, where d is the gradient, optionally with weight decay and
(Nesterov) momentum, exactly in PyTorch's order of operations."""
from .._tensor import _wrap, axpy_
from .optimizer import PerParameter, check_not_negative, refuse_flags


class SGD(PerParameter):
    def __init__(self, params, lr=1e-3, momentum=0, dampening=0, weight_decay=0, nesterov=False,
                 *, maximize=False, foreach=None, differentiable=False, fused=None):
        check_not_negative(lr=lr, momentum=momentum, weight_decay=weight_decay)
        if nesterov and (momentum <= 0 or dampening != 0):
            raise ValueError("Nesterov momentum requires a momentum and zero dampening")
        refuse_flags("SGD", foreach=foreach, differentiable=differentiable, fused=fused)
        super().__init__(params, dict(lr=lr, momentum=momentum, dampening=dampening,
                                      weight_decay=weight_decay, nesterov=nesterov,
                                      maximize=maximize, foreach=foreach,
                                      differentiable=differentiable, fused=fused))

    def _update(self, p, d, group):
        """Each `a + alpha * b` is rounded once, as in PyTorch's kernels, so results match to
        the bit."""
        momentum = group["momentum"]
        if group["weight_decay"]:
            d = d.copy()
            axpy_(d, group["weight_decay"], p._data)               # d + weight_decay * p
        if momentum:
            state = self.state[p]
            buf = state.get("momentum_buffer")
            if buf is None:
                buf = state["momentum_buffer"] = _wrap(d.copy())
            else:
                buf._data *= momentum
                axpy_(buf._data, 1 - group["dampening"], d)       # buf * momentum + (1 - dampening) d
            if group["nesterov"]:
                d = d.copy()
                axpy_(d, momentum, buf._data)                     # d + momentum * buf
            else:
                d = buf._data
        axpy_(p._data, -group["lr"], d)                           # p - lr * d
