"""optim.Adam and optim.AdamW: per-parameter step sizes from running averages of the gradient
(m) and of its square (v), with bias correction for the first steps."""
import numpy as np

from .._errors import unsupported
from .._silent import silent
from .._tensor import _wrap
from .optimizer import Optimizer


class Adam(Optimizer):
    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0,
                 amsgrad=False, *, foreach=None, maximize=False, capturable=False,
                 differentiable=False, fused=None, decoupled_weight_decay=False):
        if lr < 0.0:
            raise ValueError(f"Invalid learning rate: {lr}")
        if eps < 0.0:
            raise ValueError(f"Invalid epsilon value: {eps}")
        for i, beta in enumerate(betas):
            if not 0.0 <= beta < 1.0:
                raise ValueError(f"Invalid beta parameter at index {i}: {beta}")
        if weight_decay < 0.0:
            raise ValueError(f"Invalid weight_decay value: {weight_decay}")
        if capturable or differentiable or fused:
            raise unsupported("Adam(capturable/differentiable/fused=True)")
        super().__init__(params, dict(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay,
                                      amsgrad=amsgrad, maximize=maximize, foreach=foreach,
                                      capturable=capturable, differentiable=differentiable,
                                      fused=fused, decoupled_weight_decay=decoupled_weight_decay))

    @silent   # a diverging run reaches inf and nan without a word, as in PyTorch
    def step(self, closure=None):
        loss = self._closure_loss(closure)
        for group in self.param_groups:
            lr, (beta1, beta2), eps = group["lr"], group["betas"], group["eps"]
            weight_decay = group["weight_decay"]
            for p in group["params"]:
                if p._grad is None:
                    continue
                g = -p._grad._data if group["maximize"] else p._grad._data
                state = self.state[p]
                if not state:
                    state["step"] = _wrap(np.array(0.0, dtype=np.float32))
                    state["exp_avg"] = _wrap(np.zeros_like(p._data))
                    state["exp_avg_sq"] = _wrap(np.zeros_like(p._data))
                    if group["amsgrad"]:
                        state["max_exp_avg_sq"] = _wrap(np.zeros_like(p._data))
                state["step"]._data += 1
                step = state["step"].item()
                if weight_decay:
                    if group["decoupled_weight_decay"]:
                        p._data *= 1 - lr * weight_decay   # AdamW: shrink the weights directly
                    else:
                        g = g + weight_decay * p._data     # Adam: L2 penalty in the gradient
                m, v = state["exp_avg"]._data, state["exp_avg_sq"]._data
                m += (1 - beta1) * (g - m)
                v *= beta2
                v += (1 - beta2) * g * g
                if group["amsgrad"]:
                    np.maximum(state["max_exp_avg_sq"]._data, v, out=state["max_exp_avg_sq"]._data)
                    v = state["max_exp_avg_sq"]._data
                denom = np.sqrt(v) / (1 - beta2 ** step) ** 0.5 + eps
                p._data -= (lr / (1 - beta1 ** step)) * (m / denom)
                p._counter[0] += 1
        return loss


class AdamW(Adam):
    """Adam with decoupled weight decay: weights shrink by lr * weight_decay each step."""

    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2,
                 amsgrad=False, *, maximize=False, foreach=None, capturable=False,
                 differentiable=False, fused=None):
        super().__init__(params, lr, betas, eps, weight_decay, amsgrad, foreach=foreach,
                         maximize=maximize, capturable=capturable,
                         differentiable=differentiable, fused=fused, decoupled_weight_decay=True)
