"""optim.Adagrad: divide the gradient by the root of the sum of all its past squares, so a
parameter's steps shrink as its gradients add up."""
import numpy as np

from .._tensor import _wrap, axpy_
from ._fused import addcdiv_, addcmul_
from .optimizer import PerParameter, check_not_negative, refuse_flags


class Adagrad(PerParameter):
    def __init__(self, params, lr=1e-2, lr_decay=0, weight_decay=0, initial_accumulator_value=0,
                 eps=1e-10, foreach=None, *, maximize=False, differentiable=False, fused=None):
        check_not_negative(lr=lr, lr_decay=lr_decay, weight_decay=weight_decay,
                           initial_accumulator_value=initial_accumulator_value, eps=eps)
        refuse_flags("Adagrad", foreach=foreach, differentiable=differentiable, fused=fused)
        super().__init__(params, dict(lr=lr, lr_decay=lr_decay, eps=eps, weight_decay=weight_decay,
                                      initial_accumulator_value=initial_accumulator_value,
                                      foreach=foreach, maximize=maximize,
                                      differentiable=differentiable, fused=fused))
        # Unlike the others, Adagrad's state exists from the start (PyTorch's state_dict shows it).
        for group in self.param_groups:
            for p in group["params"]:
                self._start(p, group["initial_accumulator_value"])

    def _start(self, p, initial_accumulator_value):
        self.state[p]["step"] = _wrap(np.array(0.0, dtype=np.float32))
        self.state[p]["sum"] = _wrap(np.full_like(p._data, initial_accumulator_value))

    def _update(self, p, g, group):
        if not self.state[p]:   # added by add_param_group: PyTorch starts it from the defaults
            self._start(p, self.defaults["initial_accumulator_value"])
        state = self.state[p]
        state["step"]._data += 1
        step = state["step"].item()
        if group["weight_decay"]:
            g = g.copy()
            axpy_(g, group["weight_decay"], p._data)
        lr = group["lr"] / (1 + (step - 1) * group["lr_decay"])
        addcmul_(state["sum"]._data, 1, g, g)       # sum += g^2
        std = np.sqrt(state["sum"]._data) + group["eps"]
        addcdiv_(p._data, -lr, g, std)
