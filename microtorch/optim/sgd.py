"""optim.SGD: p <- p - lr * d, where d is the gradient, optionally with weight decay and
(Nesterov) momentum, exactly in PyTorch's order of operations."""
from .._errors import unsupported
from .._silent import silent
from .._tensor import _wrap, axpy_
from .optimizer import Optimizer


class SGD(Optimizer):
    def __init__(self, params, lr=1e-3, momentum=0, dampening=0, weight_decay=0, nesterov=False,
                 *, maximize=False, foreach=None, differentiable=False, fused=None):
        if lr < 0.0:
            raise ValueError(f"Invalid learning rate: {lr}")
        if momentum < 0.0:
            raise ValueError(f"Invalid momentum value: {momentum}")
        if weight_decay < 0.0:
            raise ValueError(f"Invalid weight_decay value: {weight_decay}")
        if nesterov and (momentum <= 0 or dampening != 0):
            raise ValueError("Nesterov momentum requires a momentum and zero dampening")
        if differentiable or fused:
            raise unsupported("SGD(differentiable=True / fused=True)")
        super().__init__(params, dict(lr=lr, momentum=momentum, dampening=dampening,
                                      weight_decay=weight_decay, nesterov=nesterov,
                                      maximize=maximize, foreach=foreach,
                                      differentiable=differentiable, fused=fused))

    @silent   # a diverging run reaches inf and nan without a word, as in PyTorch
    def step(self, closure=None):
        """One update of every parameter that has a gradient (parameters whose .grad is None are
        skipped). Works on the arrays directly: this is the no_grad part of training. Each
        `a + alpha * b` is rounded once, as in PyTorch's kernels, so results match to the bit."""
        loss = self._closure_loss(closure)
        for group in self.param_groups:
            lr, momentum, dampening = group["lr"], group["momentum"], group["dampening"]
            weight_decay, nesterov, maximize = (group["weight_decay"], group["nesterov"],
                                                group["maximize"])
            for p in group["params"]:
                if p._grad is None:
                    continue
                d = p._grad._data
                if maximize:
                    d = -d
                if weight_decay:
                    d = d.copy()
                    axpy_(d, weight_decay, p._data)            # d + weight_decay * p
                if momentum:
                    state = self.state[p]
                    buf = state.get("momentum_buffer")
                    if buf is None:
                        buf = state["momentum_buffer"] = _wrap(d.copy())
                    else:
                        buf._data *= momentum
                        axpy_(buf._data, 1 - dampening, d)     # buf * momentum + (1 - dampening) d
                    if nesterov:
                        d = d.copy()
                        axpy_(d, momentum, buf._data)          # d + momentum * buf
                    else:
                        d = buf._data
                axpy_(p._data, -lr, d)                         # p - lr * d
                p._counter[0] += 1
        return loss
