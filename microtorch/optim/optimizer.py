"""optim.Optimizer: parameter groups, per-parameter state, zero_grad and state_dict; and
PerParameter, the update loop of the optimizers that move each parameter on its own."""
import copy
import warnings
from collections import defaultdict

import numpy as np

from .._errors import unsupported
from .._silent import silent
from .._tensor import Tensor
from ..grad_mode import enable_grad


def _typename(obj):
    """A non-tensor's type the way PyTorch names it in errors: `float`, `numpy.ndarray`,
    `torch.nn.modules.linear.Linear` (microtorch's modules are laid out as PyTorch's)."""
    kind = type(obj)
    if kind.__module__ == "builtins":
        return kind.__qualname__
    return f"{kind.__module__}.{kind.__qualname__}".replace("microtorch.", "torch.", 1)


def check_not_negative(**hyperparameters):
    """PyTorch's range checks, in the order given (the first bad value is the one named)."""
    for name, value in hyperparameters.items():
        if value < 0.0:
            what = {"lr": "learning rate", "eps": "epsilon value"}.get(name, f"{name} value")
            raise ValueError(f"Invalid {what}: {value}")


def refuse_flags(optimizer_name, **flags):
    """The performance and compile flags (foreach, fused, capturable, differentiable) are
    accepted at their defaults; asking for one names it."""
    for flag, value in flags.items():
        if value:
            raise unsupported(f"{optimizer_name}({flag}=True)")


class Optimizer:
    """Holds `param_groups` (each a dict: 'params' plus hyperparameters) and `state` (a dict per
    parameter, e.g. its momentum buffer)."""

    def __init__(self, params, defaults):
        self.defaults = defaults
        self.state = defaultdict(dict)
        self.param_groups = []
        if isinstance(params, Tensor):
            raise TypeError("params argument given to the optimizer should be an iterable of "
                            f"Tensors or dicts, but got {params.type()}")
        groups = list(params)
        if not groups:
            raise ValueError("optimizer got an empty parameter list")
        if not isinstance(groups[0], dict):
            groups = [{"params": groups}]
        for group in groups:
            self.add_param_group(group)

    def add_param_group(self, param_group):
        """Append `param_group` itself (as PyTorch does, so the caller's dict is the group);
        options it leaves out take the optimizer's defaults, after the options it gives."""
        if not isinstance(param_group, dict):
            kind = "torch.Tensor" if type(param_group) is Tensor else _typename(param_group)
            raise TypeError(f"param_group must be a dict, but got <class '{kind}'>")
        params = param_group["params"]
        if isinstance(params, set):
            raise TypeError("optimizer parameters need to be organized in ordered collections, but "
                            "the ordering of tensors in sets will change between runs. Please use "
                            "a list instead.")
        params = [params] if isinstance(params, Tensor) else list(params)
        names = [p[0] for p in params if isinstance(p, tuple)]   # from model.named_parameters()
        param_group["params"] = params = [p[1] if isinstance(p, tuple) else p for p in params]
        if names:
            if len(names) != len(params):
                raise ValueError("all optimizer params should be with/without names. Some param "
                                 "names are missing")
            param_group["param_names"] = names
        for p in params:
            if not isinstance(p, Tensor):
                raise TypeError("optimizer can only optimize Tensors, but one of the params is "
                                + _typename(p))
            if not (p.is_leaf or p.retains_grad):
                raise ValueError("can't optimize a non-leaf Tensor")
        for key, value in self.defaults.items():
            param_group.setdefault(key, value)
        if isinstance(param_group.get("lr"), Tensor):
            raise unsupported("a Tensor as the learning rate (lr)")
        if len({id(p) for p in params}) != len(params):
            warnings.warn("optimizer contains a parameter group with duplicate parameters; in "
                          "future, this will cause an error; see "
                          "github.com/pytorch/pytorch/issues/40967 for more information",
                          stacklevel=3)
        for group in self.param_groups:
            if ("param_names" in group) != ("param_names" in param_group):
                which = "with" if "param_names" in param_group else "without"
                raise ValueError("all optimizer param groups should be with/without names. cannot "
                                 f"add param group {which} names to the optimizer")
        seen = {id(p) for group in self.param_groups for p in group["params"]}
        if any(id(p) in seen for p in params):
            raise ValueError("some parameters appear in more than one parameter group")
        self.param_groups.append(param_group)

    def zero_grad(self, set_to_none=True):
        """Set every parameter's .grad to None (the default) or to zeros."""
        for group in self.param_groups:
            for p in group["params"]:
                if p._grad is not None:
                    if set_to_none:
                        p._grad = None
                    else:
                        p._grad._data[...] = 0

    def step(self, closure=None):
        raise NotImplementedError

    def state_dict(self):
        """PyTorch's layout: parameters become integer indices, numbered across groups in order;
        the state holds the optimizer's own buffers (not copies: later steps change them)."""
        index, groups, start = {}, [], 0
        for group in self.param_groups:
            # A parameter repeated in a group keeps its last position (PyTorch numbers so).
            index.update({id(p): i for i, p in enumerate(group["params"], start) if id(p) not in index})
            packed = {k: v for k, v in group.items() if k != "params"}
            packed["params"] = [index[id(p)] for p in group["params"]]
            groups.append(packed)
            start += len(group["params"])
        state = {index[id(k)] if isinstance(k, Tensor) else k: v for k, v in self.state.items()}
        return {"state": state, "param_groups": groups}

    def load_state_dict(self, state_dict):
        """Take over a state_dict's hyperparameters and buffers (shared, not copied, as in
        PyTorch; buffers are cast to each parameter's dtype), so training continues exactly."""
        saved_groups = copy.deepcopy(state_dict["param_groups"])
        if len(saved_groups) != len(self.param_groups):
            raise ValueError("loaded state dict has a different number of parameter groups")
        if any(len(mine["params"]) != len(saved["params"])
               for mine, saved in zip(self.param_groups, saved_groups)):
            raise ValueError("loaded state dict contains a parameter group that doesn't match the "
                             "size of optimizer's group")
        params = {i: p for mine, saved in zip(self.param_groups, saved_groups)
                  for i, p in zip(saved["params"], mine["params"])}
        self.state = defaultdict(dict)
        for key, value in state_dict["state"].items():
            if key in params:
                p = params[key]
                self.state[p] = {name: _cast_buffer(name, v, p) for name, v in value.items()}
            else:
                self.state[key] = value
        for mine, saved in zip(self.param_groups, saved_groups):
            saved["params"] = mine["params"]
            if "param_names" in mine:
                saved.setdefault("param_names", mine["param_names"])
        self.param_groups = saved_groups

    def __repr__(self):
        text = type(self).__name__ + " ("
        for i, group in enumerate(self.param_groups):
            text += f"\nParameter Group {i}\n"
            for key in sorted(group):
                if key != "params":
                    text += f"    {key}: {group[key]}\n"
        return text + ")"

    def __getattr__(self, name):
        # Only reached for names the optimizer lacks (PyTorch's hooks, for one): name them.
        if name.startswith("_"):
            raise AttributeError(f"'{type(self).__name__}' object has no attribute '{name}'")
        raise unsupported(f"{type(self).__name__}.{name}")


class PerParameter(Optimizer):
    """The optimizers that move each parameter on its own (all of PyTorch's here): step() is
    this loop, and a subclass says how one parameter moves (`_update`)."""

    @silent   # a diverging run reaches inf and nan without a word, as in PyTorch
    def step(self, closure=None):
        """One update of every parameter that has a gradient (parameters whose .grad is None are
        skipped). Works on the arrays directly: this is the no_grad part of training."""
        loss = None
        if closure is not None:
            with enable_grad():
                loss = closure()
        for group in self.param_groups:
            for p in group["params"]:
                if p._grad is not None:
                    grad = p._grad._data
                    if group["maximize"]:   # (an array even when 0-d: updates write into copies of it)
                        grad = np.negative(grad, out=np.empty_like(grad))
                    self._update(p, grad, group)
                    p._counter[0] += 1
        return loss

    def _update(self, p, grad, group):
        """Move parameter `p` (its array is p._data) given its gradient array, which must not
        be changed in place."""
        raise NotImplementedError


def _cast_buffer(name, value, param):
    """A loaded buffer takes its parameter's dtype; the step counter stays as it is."""
    if name == "step" or not isinstance(value, Tensor) or not param.is_floating_point():
        return value
    return value.to(dtype=param.dtype)
