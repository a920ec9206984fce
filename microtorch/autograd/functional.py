"""torch.autograd.functional: the Jacobian of a function, and vector-Jacobian products.

Both run the function once on detached copies of the inputs and then take gradients with the
engine: `vjp` one backward pass, `jacobian` one per element of each output (a row of the
Jacobian each), which is the most a lesson-sized graph needs.
"""
import numpy as np

from .. import grad_mode
from .._errors import module_getattr, unsupported
from .._tensor import Size, Tensor, _wrap
from ..engine import grad


def _as_tuple(x, arg_name, fn_name):
    """(whether x was a tuple, x as a tuple of tensors), with PyTorch's errors."""
    if isinstance(x, Tensor):
        return False, (x,)
    if not isinstance(x, tuple):
        raise TypeError(f"The {arg_name} given to {fn_name} must be either a Tensor or a tuple "
                        f"of Tensors but the given {arg_name} has type {type(x)}.")
    for i, t in enumerate(x):
        if not isinstance(t, Tensor):
            raise TypeError(f"The {arg_name} given to {fn_name} must be either a Tensor or a "
                            f"tuple of Tensors but the value at index {i} has type {type(t)}.")
    return True, x


def _refuse(fn_name, **flags):
    for flag, value in flags.items():
        if value:
            raise unsupported(f"torch.autograd.functional.{fn_name}({flag}=True)")


def _run(func, inputs, fn_name):
    """func on fresh leaves with the inputs' values, recording a graph whatever the mode."""
    inputs = tuple(t.detach().requires_grad_(True) for t in inputs)
    with grad_mode.enable_grad():
        outputs = func(*inputs)
    is_tuple, outputs = _as_tuple(outputs, "outputs of the user-provided function", fn_name)
    return inputs, is_tuple, outputs


def _gradients(outputs, inputs, grad_outputs):
    """d(outputs)/d(inputs) weighted by grad_outputs, zeros where an input was not used."""
    used = [(o, g) for o, g in zip(outputs, grad_outputs) if o._requires_grad]
    found = grad([o for o, _ in used], inputs, [g for _, g in used], retain_graph=True,
                 allow_unused=True) if used else (None,) * len(inputs)
    return [np.zeros_like(t._data) if g is None else g._data for g, t in zip(found, inputs)]


def jacobian(func, inputs, create_graph=False, strict=False, vectorize=False,
             strategy="reverse-mode"):
    """J[i][j][*out_index, *in_index] = d outputs[i][out_index] / d inputs[j][in_index]."""
    _refuse("jacobian", create_graph=create_graph, strict=strict, vectorize=vectorize)
    if strategy != "reverse-mode":
        raise unsupported(f"torch.autograd.functional.jacobian(strategy={strategy!r})")
    inputs_tuple, inputs = _as_tuple(inputs, "inputs", "jacobian")
    inputs, outputs_tuple, outputs = _run(func, inputs, "jacobian")
    table = []
    for out in outputs:
        rows = [[] for _ in inputs]
        for k in range(out._data.size):
            seed = np.zeros(out._data.size, dtype=out._data.dtype)
            seed[k] = 1
            for row, g in zip(rows, _gradients([out], inputs, [_wrap(seed.reshape(out.shape))])):
                row.append(g)
        table.append(tuple(_wrap(np.array(row, dtype=t._data.dtype).reshape(out.shape + t.shape))
                           for row, t in zip(rows, inputs)))
    if not outputs_tuple:
        return table[0] if inputs_tuple else table[0][0]
    return tuple(table) if inputs_tuple else tuple(row[0] for row in table)


def vjp(func, inputs, v=None, create_graph=False, strict=False):
    """(func(inputs), v^T J): the gradient of the outputs weighted by `v`, one backward pass."""
    _refuse("vjp", create_graph=create_graph, strict=strict)
    inputs_tuple, inputs = _as_tuple(inputs, "inputs", "vjp")
    inputs, outputs_tuple, outputs = _run(func, inputs, "vjp")
    if v is None:
        if len(outputs) != 1 or outputs[0]._data.size != 1:
            raise RuntimeError("The vector v can only be None if the user-provided function "
                               "returns a single Tensor with a single element.")
        v = (_wrap(np.ones_like(outputs[0]._data)),)
    else:
        _, v = _as_tuple(v, "v", "vjp")
        if len(v) != len(outputs):
            raise RuntimeError(f"v is a tuple of invalid length: should be {len(outputs)} but "
                               f"got {len(v)}.")
        for vi, out in zip(v, outputs):
            if vi.shape != out.shape:
                raise RuntimeError(f"v has invalid size: should be {Size(out.shape)!r} but got "
                                   f"{Size(vi.shape)!r}.")
    results = tuple(_wrap(g) for g in _gradients(outputs, inputs, v))
    outputs = tuple(o.detach() for o in outputs)
    return (outputs if outputs_tuple else outputs[0]), (results if inputs_tuple else results[0])


__getattr__ = module_getattr("torch.autograd.functional")
