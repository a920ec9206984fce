"""nn.Module: a container of parameters and sub-modules with a `forward` method."""
from collections import OrderedDict

from ..._errors import unsupported
from ..._torch_names import MODULE_ATTRIBUTES
from ..._tensor import Tensor, RemovableHandle
from ...grad_mode import no_grad
from ..parameter import Parameter


class _IncompatibleKeys:
    """What load_state_dict returns: the keys it could not match."""

    def __init__(self, missing_keys, unexpected_keys):
        self.missing_keys, self.unexpected_keys = missing_keys, unexpected_keys

    def __iter__(self):
        return iter((self.missing_keys, self.unexpected_keys))

    def __repr__(self):
        if not self.missing_keys and not self.unexpected_keys:
            return "<All keys matched successfully>"
        return (f"_IncompatibleKeys(missing_keys={self.missing_keys}, "
                f"unexpected_keys={self.unexpected_keys})")


def _indent(text, spaces):
    lines = text.split("\n")
    return lines[0] if len(lines) == 1 else \
        lines[0] + "\n" + "\n".join(" " * spaces + line for line in lines[1:])


def _type_name(value):
    """How PyTorch names a value's type in its messages (torch.typename): FloatTensor, int."""
    return value.type() if isinstance(value, Tensor) else type(value).__name__


def _add_hook(hooks, hook, **options):
    refused = [name for name, value in options.items() if value]
    if refused:
        raise unsupported(f"module hooks with {refused[0]}=True")
    hooks.append(hook)
    return RemovableHandle(hooks, hook)


class Module:
    """Base class of every layer and model. Assigning a Parameter or a Module to an attribute
    registers it, so that parameters() finds it (recursively, in assignment order)."""

    def __init__(self):
        object.__setattr__(self, "training", True)
        object.__setattr__(self, "_parameters", {})
        object.__setattr__(self, "_buffers", {})
        object.__setattr__(self, "_modules", {})
        object.__setattr__(self, "_non_persistent_buffers_set", set())
        object.__setattr__(self, "_forward_pre_hooks", [])
        object.__setattr__(self, "_forward_hooks", [])

    def forward(self, *args, **kwargs):
        raise NotImplementedError(f'Module [{type(self).__name__}] is missing the required '
                                  '"forward" function')

    def __call__(self, *args, **kwargs):
        if not (self._forward_pre_hooks or self._forward_hooks):   # the usual, fast case
            return self.forward(*args, **kwargs)
        for hook in list(self._forward_pre_hooks):
            new_args = hook(self, args)
            if new_args is not None:
                args = new_args if isinstance(new_args, tuple) else (new_args,)
        output = self.forward(*args, **kwargs)
        for hook in list(self._forward_hooks):
            new_output = hook(self, args, output)
            if new_output is not None:
                output = new_output
        return output

    # --- hooks ----------------------------------------------------------------------------
    def register_forward_pre_hook(self, hook, *, prepend=False, with_kwargs=False):
        """hook(module, args) runs before forward; a result other than None replaces args."""
        return _add_hook(self._forward_pre_hooks, hook, prepend=prepend, with_kwargs=with_kwargs)

    def register_forward_hook(self, hook, *, prepend=False, with_kwargs=False, always_call=False):
        """hook(module, args, output) runs after forward; a result other than None replaces
        the output."""
        return _add_hook(self._forward_hooks, hook, prepend=prepend, with_kwargs=with_kwargs,
                         always_call=always_call)

    # --- registration ---------------------------------------------------------------------
    def __setattr__(self, name, value):
        params = self.__dict__.get("_parameters")
        if isinstance(value, Parameter):
            if params is None:
                raise AttributeError("cannot assign parameters before Module.__init__() call")
            self._remove(name, keep=params)
            params[name] = value
        elif isinstance(value, Module):
            if params is None:
                raise AttributeError("cannot assign module before Module.__init__() call")
            self._remove(name, keep=self._modules)
            self._modules[name] = value   # a replaced child keeps its place
        elif params is not None and name in params:
            if value is not None:
                raise TypeError(f"cannot assign '{_type_name(value)}' as parameter '{name}' "
                                "(torch.nn.Parameter or None expected)")
            params[name] = None
        elif params is not None and name in self._modules and value is None:
            self._modules[name] = None
        elif params is not None and name in self._buffers:
            if value is not None and not isinstance(value, Tensor):
                raise TypeError(f"cannot assign '{_type_name(value)}' as buffer '{name}' "
                                "(torch.nn.Buffer, torch.Tensor or None expected)")
            self._buffers[name] = value
        object.__setattr__(self, name, value)

    def _remove(self, name, keep=None):
        for registry in (self._parameters, self._buffers, self._modules):
            if registry is not keep:
                registry.pop(name, None)

    def __delattr__(self, name):
        if "_parameters" in self.__dict__:
            self._remove(name)
        object.__delattr__(self, name)

    def __getattr__(self, name):
        # Only reached when normal lookup failed: PyTorch's methods are refused by name.
        if name in MODULE_ATTRIBUTES:
            raise unsupported(f"Module.{name}")
        raise AttributeError(f"'{type(self).__name__}' object has no attribute '{name}'")

    def register_parameter(self, name, param):
        if param is None:
            self._parameters[name] = None
            object.__setattr__(self, name, None)
        else:
            setattr(self, name, param)

    def register_buffer(self, name, tensor, persistent=True):
        """A tensor the module keeps but does not train (BatchNorm's running statistics); it
        is saved in the state_dict unless persistent=False."""
        self._check_new_name(name, "buffer", self._buffers)
        if tensor is not None and not isinstance(tensor, Tensor):
            raise TypeError(f"cannot assign '{type(tensor).__name__}' object to buffer '{name}' "
                            "(torch Tensor or None required)")
        self._buffers[name] = tensor
        if persistent:
            self._non_persistent_buffers_set.discard(name)
        else:
            self._non_persistent_buffers_set.add(name)
        object.__setattr__(self, name, tensor)

    def add_module(self, name, module):
        if module is not None and not isinstance(module, Module):
            raise TypeError(f"{_type_name(module)} is not a Module subclass")
        self._check_new_name(name, "module", self._modules)
        if module is None:
            self._modules[name] = None
            object.__setattr__(self, name, None)
        else:
            setattr(self, name, module)

    def _check_new_name(self, name, kind, registry):
        if not isinstance(name, str):
            raise TypeError(f"{kind} name should be a string. Got {_type_name(name)}")
        if "." in name:
            raise KeyError(f'{kind} name can\'t contain ".", got: {name}' if kind == "module"
                           else f'{kind} name can\'t contain "."')
        if name == "":
            raise KeyError(f'{kind} name can\'t be empty string ""')
        if hasattr(self, name) and name not in registry:
            raise KeyError(f"attribute '{name}' already exists")

    register_module = add_module

    # --- traversal ------------------------------------------------------------------------
    def named_modules(self, memo=None, prefix="", remove_duplicate=True):
        """This module and every module inside it, depth first, by dotted name ("0", "net.1").
        A module reached twice is listed once, unless remove_duplicate=False."""
        memo = set() if memo is None else memo
        if remove_duplicate:
            if id(self) in memo:
                return
            memo.add(id(self))
        yield prefix, self
        for name, module in self._modules.items():
            if module is not None:
                yield from module.named_modules(memo, prefix + ("." if prefix else "") + name,
                                                remove_duplicate)

    def modules(self):
        for _, module in self.named_modules():
            yield module

    def named_children(self):
        seen = set()
        for name, module in self._modules.items():
            if module is not None and id(module) not in seen:
                seen.add(id(module))
                yield name, module

    def children(self):
        for _, module in self.named_children():
            yield module

    def named_parameters(self, prefix="", recurse=True):
        seen = set()
        modules = self.named_modules(prefix=prefix) if recurse else [(prefix, self)]
        for module_prefix, module in modules:
            for name, p in module._parameters.items():
                if p is not None and id(p) not in seen:
                    seen.add(id(p))
                    yield module_prefix + ("." if module_prefix else "") + name, p

    def parameters(self, recurse=True):
        for _, p in self.named_parameters(recurse=recurse):
            yield p

    def named_buffers(self, prefix="", recurse=True):
        modules = self.named_modules(prefix=prefix) if recurse else [(prefix, self)]
        for module_prefix, module in modules:
            for name, b in module._buffers.items():
                if b is not None:
                    yield module_prefix + ("." if module_prefix else "") + name, b

    def buffers(self, recurse=True):
        for _, b in self.named_buffers(recurse=recurse):
            yield b

    # --- training helpers -----------------------------------------------------------------
    def zero_grad(self, set_to_none=True):
        """Forget accumulated gradients: set every parameter's .grad to None (or zero it)."""
        for p in self.parameters():
            if p._grad is not None:
                if set_to_none:
                    p._grad = None
                else:
                    p._grad._data[...] = 0

    def train(self, mode=True):
        if not isinstance(mode, bool):
            raise ValueError("training mode is expected to be boolean")
        for module in self.modules():
            object.__setattr__(module, "training", mode)
        return self

    def eval(self):
        return self.train(False)

    def requires_grad_(self, requires_grad=True):
        for p in self.parameters():
            p.requires_grad_(requires_grad)
        return self

    def apply(self, fn):
        for module in self.children():
            module.apply(fn)
        fn(self)
        return self

    def to(self, *args, **kwargs):
        """Convert the parameters and the floating-point buffers in place (a step counter such
        as num_batches_tracked keeps its integer dtype)."""
        tensors = list(self.parameters()) + [b for b in self.buffers() if b.is_floating_point()]
        converted = [(t, t.to(*args, **kwargs)) for t in tensors]
        for p, new in converted:
            p._data = new._data
        return self

    def float(self):
        from ..._dtypes import float32
        return self.to(float32)

    def double(self):
        from ..._dtypes import float64
        return self.to(float64)

    def cpu(self):
        return self

    def cuda(self, device=None):
        return self.to("cuda")   # as a CPU-only PyTorch: fails once there is a parameter

    def half(self):
        from ..._dtypes import float16
        return self.to(float16)

    # --- saving and loading ---------------------------------------------------------------
    def state_dict(self, destination=None, prefix="", keep_vars=False):
        """Every parameter and buffer by dotted name ("0.weight"), sharing memory with them."""
        out = OrderedDict() if destination is None else destination
        for name, module in self.named_modules(prefix=prefix.rstrip("."), remove_duplicate=False):
            dot = name + "." if name else ""
            for key, value in list(module._parameters.items()) + list(module._buffers.items()):
                if value is not None and key not in module._non_persistent_buffers_set:
                    out[dot + key] = value if keep_vars else value.detach()
        return out

    def load_state_dict(self, state_dict, strict=True, assign=False):
        """Copy values into the existing parameters, checking names and shapes."""
        if assign:
            raise unsupported("load_state_dict(assign=True)")
        own = self.state_dict(keep_vars=True)
        missing = [k for k in own if k not in state_dict]
        unexpected = [k for k in state_dict if k not in own]
        errors = []
        if strict:
            if unexpected:
                errors.append("Unexpected key(s) in state_dict: "
                              + ", ".join(f'"{k}"' for k in unexpected) + ". ")
            if missing:
                errors.append("Missing key(s) in state_dict: "
                              + ", ".join(f'"{k}"' for k in missing) + ". ")
        for key, value in state_dict.items():
            if key in own and tuple(value.shape) != tuple(own[key].shape):
                errors.append(f"size mismatch for {key}: copying a param with shape "
                              f"{value.shape!r} from checkpoint, the shape in current model is "
                              f"{own[key].shape!r}.")
        if errors:
            raise RuntimeError(f"Error(s) in loading state_dict for {type(self).__name__}:\n\t"
                               + "\n\t".join(errors))
        with no_grad():
            for key, value in state_dict.items():
                if key in own:
                    own[key].copy_(value)
        return _IncompatibleKeys(missing, unexpected)

    # --- printing -------------------------------------------------------------------------
    def extra_repr(self):
        return ""

    def _get_name(self):
        return type(self).__name__

    def __repr__(self):
        extra = self.extra_repr().split("\n") if self.extra_repr() else []
        children = [f"({name}): {_indent(repr(m), 2)}" for name, m in self._modules.items()]
        lines = extra + children
        body = ""
        if len(extra) == 1 and not children:
            body = extra[0]
        elif lines:
            body = "\n  " + "\n  ".join(lines) + "\n"
        return f"{self._get_name()}({body})"

    def __dir__(self):
        return sorted(set(super().__dir__()))
