"""optim.Adam and optim.AdamW: per-parameter step sizes from running averages of the gradient
(m) and of its square (v), with bias correction for the first steps."""
import numpy as np

from .._errors import unsupported
from .._tensor import Tensor, _wrap, axpy_
from ._fused import addcdiv_, addcmul_, lerp_
from .optimizer import PerParameter, check_not_negative, refuse_flags


class Adam(PerParameter):
    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0,
                 amsgrad=False, *, foreach=None, maximize=False, capturable=False,
                 differentiable=False, fused=None, decoupled_weight_decay=False):
        check_not_negative(lr=lr, eps=eps)
        betas = tuple(betas)   # a list prints as a tuple in PyTorch's groups too
        if any(isinstance(beta, Tensor) for beta in betas):
            raise unsupported(f"{type(self).__name__}(betas=...) with Tensors")
        for i, beta in enumerate(betas):
            if not 0.0 <= beta < 1.0:
                raise ValueError(f"Invalid beta parameter at index {i}: {beta}")
        check_not_negative(weight_decay=weight_decay)
        refuse_flags(type(self).__name__, foreach=foreach, capturable=capturable,
                     differentiable=differentiable, fused=fused)
        super().__init__(params, dict(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay,
                                      amsgrad=amsgrad, maximize=maximize, foreach=foreach,
                                      capturable=capturable, differentiable=differentiable,
                                      fused=fused, decoupled_weight_decay=decoupled_weight_decay))

    def _update(self, p, g, group):
        lr, (beta1, beta2), weight_decay = group["lr"], group["betas"], group["weight_decay"]
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
                g = g.copy()
                axpy_(g, weight_decay, p._data)    # Adam: L2 penalty in the gradient
        m, v = state["exp_avg"]._data, state["exp_avg_sq"]._data
        lerp_(m, g, 1 - beta1)                     # m = beta1 m + (1 - beta1) g
        v *= beta2
        addcmul_(v, 1 - beta2, g, g)               # v = beta2 v + (1 - beta2) g^2
        if group["amsgrad"]:
            np.maximum(state["max_exp_avg_sq"]._data, v, out=state["max_exp_avg_sq"]._data)
            v = state["max_exp_avg_sq"]._data
        denom = np.sqrt(v) / (1 - beta2 ** step) ** 0.5 + group["eps"]
        addcdiv_(p._data, -lr / (1 - beta1 ** step), m, denom)


class AdamW(Adam):
    """Adam with decoupled weight decay: weights shrink by lr * weight_decay each step."""

    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2,
                 amsgrad=False, *, maximize=False, foreach=None, capturable=False,
                 differentiable=False, fused=None):
        super().__init__(params, lr, betas, eps, weight_decay, amsgrad, foreach=foreach,
                         maximize=maximize, capturable=capturable,
                         differentiable=differentiable, fused=fused, decoupled_weight_decay=True)
