"""torch.autograd.gradcheck: does a backward rule agree with finite differences?

The numerical Jacobian moves each input element by ±eps and divides the change of every output
by 2 eps (central differences); the analytical one runs backward once per output element.
They must agree within atol + rtol * |numerical|, which float32 rarely manages: use float64.
"""
import warnings

import numpy as np

from .. import grad_mode
from .._errors import module_getattr, unsupported
from .._tensor import Tensor, _wrap
from ..engine import grad


class GradcheckError(RuntimeError):
    """Raised by gradcheck when the Jacobians differ."""


def gradcheck(func, inputs, *, eps=1e-06, atol=1e-05, rtol=0.001, raise_exception=True,
              nondet_tol=0.0, check_undefined_grad=True, check_grad_dtypes=False,
              check_batched_grad=False, check_batched_forward_grad=False, check_forward_ad=False,
              check_backward_ad=True, fast_mode=False, masked=None):
    """True if func's gradients match finite differences, else GradcheckError (or False with
    raise_exception=False)."""
    for name, value, default in (
            ("nondet_tol", nondet_tol, 0.0), ("check_grad_dtypes", check_grad_dtypes, False),
            ("check_batched_grad", check_batched_grad, False),
            ("check_batched_forward_grad", check_batched_forward_grad, False),
            ("check_forward_ad", check_forward_ad, False),
            ("check_backward_ad", check_backward_ad, True), ("fast_mode", fast_mode, False),
            ("masked", bool(masked), False)):
        if value != default:
            raise unsupported(f"gradcheck({name}={value!r})")
    inputs = (inputs,) if isinstance(inputs, Tensor) else tuple(inputs)
    wrt = _check_inputs(inputs)
    outputs = _outputs(func, inputs)
    differentiable = [k for k, o in enumerate(outputs) if o._requires_grad]
    try:
        if not differentiable:
            _check_no_gradient(func, inputs, wrt, eps, outputs)
        for i, k in enumerate(differentiable):   # i counts the outputs that require grad
            analytical = _analytical(outputs[k], wrt)
            for j, t in enumerate(wrt):
                numerical = _numerical(func, inputs, t, k, eps, outputs[k]._data.dtype)
                if not np.allclose(analytical[j], numerical, rtol=rtol, atol=atol):
                    raise GradcheckError(f"Jacobian mismatch for output {i} with respect to "
                                         f"input {j},\nnumerical:{_wrap(numerical)!r}\n"
                                         f"analytical:{_wrap(analytical[j])!r}\n")
        if differentiable:
            _check_linear([outputs[k] for k in differentiable], wrt)
    except GradcheckError:
        if raise_exception:
            raise
        return False
    return True


def _check_linear(outputs, wrt):
    """Backward is linear in the output's gradient: a zero gradient must give zero."""
    zeros = [_wrap(np.zeros_like(o._data)) for o in outputs]
    found = grad(outputs, wrt, zeros, retain_graph=True, allow_unused=True)
    if any(g is not None and np.any(g._data != 0) for g in found):
        raise GradcheckError("backward not multiplied by grad_output")


def _check_no_gradient(func, inputs, wrt, eps, outputs):
    """No output requires grad: then none may change when an input moves."""
    for t in wrt:
        for k, out in enumerate(outputs):
            if np.any(_numerical(func, inputs, t, k, eps, np.float64) != 0):
                raise GradcheckError("Numerical gradient for function expected to be zero")


def gradgradcheck(func, inputs, grad_outputs=None, **kwargs):
    raise unsupported("torch.autograd.gradgradcheck (second derivatives need create_graph=True)")


def _check_inputs(inputs):
    wrt = []
    for i, t in enumerate(inputs):
        if isinstance(t, Tensor) and t._requires_grad:
            if t._data.dtype != np.float64:
                warnings.warn(f"Input #{i} requires gradient and is not a double precision "
                              "floating point or complex. This check will likely fail if all the "
                              "inputs are not of double precision floating point or complex. ",
                              UserWarning, stacklevel=3)
            wrt.append(t)
    if not wrt:
        raise ValueError("gradcheck expects at least one input tensor to require gradient, but "
                         "none of them have requires_grad=True.")
    return wrt


def _outputs(func, inputs):
    out = func(*inputs)
    return [o for o in (out if isinstance(out, (tuple, list)) else (out,)) if isinstance(o, Tensor)]


def _analytical(out, wrt):
    """One (input numel × output numel) matrix per input: column k is backward of output k."""
    columns = [np.zeros((t._data.size, out._data.size), dtype=t._data.dtype) for t in wrt]
    for k in range(out._data.size):
        seed = np.zeros(out._data.size, dtype=out._data.dtype)
        seed[k] = 1
        found = grad(out, wrt, _wrap(seed.reshape(out._data.shape)), retain_graph=True,
                     allow_unused=True)
        for matrix, g in zip(columns, found):
            if g is not None:
                matrix[:, k] = g._data.reshape(-1)
    return columns


def _numerical(func, inputs, t, index, eps, dtype):
    """Output `index`'s central differences as t's elements move, one row per element."""
    flat = t._data.reshape(-1)   # a view for contiguous data: moving it moves t
    if not np.shares_memory(flat, t._data):
        raise unsupported("gradcheck on a non-contiguous input")
    rows = []
    with grad_mode.no_grad():
        for k in range(flat.size):
            original = flat[k].copy()
            flat[k] = original - eps
            below = _outputs(func, inputs)[index]._data.copy()
            flat[k] = original + eps
            above = _outputs(func, inputs)[index]._data.copy()
            flat[k] = original
            rows.append(((above - below) / (2 * eps)).reshape(-1))
    return np.array(rows, dtype=dtype).reshape(flat.size, -1)


__getattr__ = module_getattr("torch.autograd.gradcheck")
