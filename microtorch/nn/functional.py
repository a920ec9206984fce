"""torch.nn.functional: layers and losses as functions. Each fused op keeps PyTorch's grad_fn name
and writes its forward and backward side by side, like the ops in ops.py."""
import math
import warnings

import numpy as np

from .._checks import _no_kernel
from .. import random
from .._dtypes import result_dtype
from .._errors import module_getattr, unsupported
from .._inplace import update
from .._silent import silent
from .._tensor import Tensor, _as_tensor, _wrap
from ..engine import _op, _unbroadcast

_REDUCTIONS = ("mean", "sum", "none")


def relu(input, inplace=False):
    return input.relu_() if inplace else input.relu()


def sigmoid(input):
    return input.sigmoid()


def tanh(input):
    return input.tanh()


def _softmax_dim(ndim):
    warnings.warn("Implicit dimension choice for softmax has been deprecated. Change the call to "
                  "include dim=X as an argument.", UserWarning, stacklevel=3)
    return 0 if ndim in (0, 1, 3) else 1


def _floating_only(input, kernel):
    if input._data.dtype.kind != "f":
        raise NotImplementedError(f'"{kernel}" not implemented for '
                                  f"'{input.dtype._legacy[:-6]}'")


def leaky_relu(input, negative_slope=0.01, inplace=False):
    """x where x > 0, else negative_slope * x: unlike ReLU a negative input keeps a gradient.
    In place, PyTorch names the node LeakyReluBackward1."""
    if inplace:
        return update(input, lambda t: _leaky_relu(t, negative_slope, "LeakyReluBackward1"))
    return _leaky_relu(input, negative_slope, "LeakyReluBackward0")


@silent
def _leaky_relu(input, negative_slope, name):
    _floating_only(input, "leaky_relu_cpu")
    x = input._data
    positive = x > 0
    slope = x.dtype.type(negative_slope)

    def backward(g):
        return (np.where(positive, g, g * slope),)
    return _op(np.where(positive, x, x * slope), name, backward, (input,), saves=(input,))


_erf = np.frompyfunc(math.erf, 1, 1)   # NumPy has no erf; Python's is exact to the last bit


@silent
def gelu(input, approximate="none"):
    """x * Phi(x), Phi the standard normal's cumulative distribution: a smooth ReLU. With
    approximate='tanh', Phi(x) is replaced by 0.5 (1 + tanh(sqrt(2/pi) (x + 0.044715 x**3)))."""
    if approximate not in ("none", "tanh"):
        raise RuntimeError("approximate argument must be either none or tanh.")
    _floating_only(input, "GeluKernelImpl")
    x = input._data.astype(np.float64)   # computed in float64, rounded once
    if approximate == "none":
        cdf = 0.5 * (1 + np.asarray(_erf(x / math.sqrt(2)), dtype=np.float64))
        slope = cdf + x * np.exp(-0.5 * x * x) / math.sqrt(2 * math.pi)
    else:
        inner = math.sqrt(2 / math.pi) * (x + 0.044715 * x ** 3)
        t = np.tanh(inner)
        cdf = 0.5 * (1 + t)
        slope = cdf + 0.5 * x * (1 - t * t) * math.sqrt(2 / math.pi) * (1 + 3 * 0.044715 * x * x)
    dtype = input._data.dtype

    def backward(g):
        return ((g * slope).astype(dtype, copy=False),)
    return _op((x * cdf).astype(dtype), "GeluBackward0", backward, (input,), saves=(input,))


def _check_dropout_p(p):
    if p < 0 or p > 1:
        raise ValueError(f"dropout probability has to be between 0 and 1, but got {p}")


def dropout(input, p=0.5, training=True, inplace=False):
    """While training, zero each element with probability p and multiply the others by
    1 / (1 - p), so that the expected value is unchanged. Backward: the same mask times g."""
    _check_dropout_p(p)
    if not training or p == 0:
        return input
    if input._data.dtype.kind != "f":
        raise RuntimeError(f"result type Float can't be cast to the desired output type "
                           f"{input.dtype._legacy[:-6]}")
    dtype = input._data.dtype.type
    keep = np.asarray(random.generator().random(input._data.shape)) >= p
    mask = _wrap(keep * dtype(1 / (1 - p)) if p < 1 else np.zeros_like(input._data))
    return input.mul_(mask) if inplace else input * mask


def softmax(input, dim=None, dtype=None):
    if dtype is not None:
        input = input.to(dtype)
    return input.softmax(_softmax_dim(input.ndim) if dim is None else dim)


def log_softmax(input, dim=None, dtype=None):
    if dtype is not None:
        input = input.to(dtype)
    return input.log_softmax(_softmax_dim(input.ndim) if dim is None else dim)


@silent
def linear(input, weight, bias=None):
    """y = x @ W.T + b in one node. Backward: dx = g @ W, dW = g.T @ x, db = g summed over rows."""
    if not isinstance(input, Tensor):   # e.g. what a forward hook returned in place of an output
        raise TypeError(f"linear(): argument 'input' (position 1) must be Tensor, not "
                        f"{type(input).__name__}")
    x, w = input._data, weight._data
    if x.dtype != w.dtype:
        raise RuntimeError(f"mat1 and mat2 must have the same dtype, but got "
                           f"{input.dtype._legacy[:-6]} and {weight.dtype._legacy[:-6]}")
    if x.shape[-1] != w.shape[-1]:
        rows = int(np.prod(x.shape[:-1])) if x.ndim > 1 else 1
        raise RuntimeError(f"mat1 and mat2 shapes cannot be multiplied ({rows}x{x.shape[-1]} and "
                           f"{w.shape[1] if w.ndim > 1 else 1}x{w.shape[0]})")
    out = x @ w.T
    if bias is not None:
        out += bias._data
    need_x, need_w = input._requires_grad, weight._requires_grad
    if x.ndim == 2:
        def backward(g):
            return ((g.sum(0) if bias is not None else None),
                    (g @ w if need_x else None),
                    (g.T @ x if need_w else None))
        node = "AddmmBackward0" if bias is not None else "MmBackward0"
    else:
        def backward(g):
            g2, x2 = g.reshape(-1, g.shape[-1]), x.reshape(-1, x.shape[-1])
            return ((_unbroadcast(g, bias._data.shape) if bias is not None else None),
                    (g @ w if need_x else None),
                    (g2.T @ x2 if need_w else None))
        node = "ViewBackward0"
    return _op(out, node, backward, (bias, input, weight),
               saves=(weight if need_x else None, input if need_w else None))


def _check_reduction(reduction):
    if reduction not in _REDUCTIONS:
        raise ValueError(f"{reduction} is not a valid value for reduction")


def _warn_target_size(input, target, stacklevel=4):
    if input.shape != target.shape:
        warnings.warn(
            f"Using a target size ({target.shape!r}) that is different to the input size "
            f"({input.shape!r}). This will likely lead to incorrect results due to broadcasting. "
            "Please ensure they have the same size.", UserWarning, stacklevel=stacklevel)


def _reduce(values, reduction):
    if reduction == "mean":
        return values.sum() / values.dtype.type(values.size), values.size
    if reduction == "sum":
        return np.asarray(values.sum()), 1
    return values, 1


def _expand(g, reduction, n, shape):
    """The gradient of each element from the gradient of the reduced loss (broadcastable)."""
    if reduction == "none":
        return g
    return g / g.dtype.type(n) if reduction == "mean" else g


def _pointwise_loss(input, target, reduction, name, loss_and_slope):
    """A loss that is a function of each difference d = input - target, reduced. `loss_and_slope`
    gives each element's loss and its derivative with respect to d; target's is the negative."""
    _check_reduction(reduction)
    target = _as_tensor(target)
    _warn_target_size(input, target, stacklevel=5)
    dt = result_dtype(input._data, target._data)   # an int64 target does not make it float64
    if dt.kind != "f":
        raise _no_kernel("mse_cpu", dt)
    diff = input._data.astype(dt, copy=False) - target._data.astype(dt, copy=False)
    values, slope = loss_and_slope(diff)
    out, n = _reduce(values, reduction)
    need_target = target._requires_grad

    def backward(g):
        gd = slope * _expand(g, reduction, n, diff.shape)
        return (_unbroadcast(gd, input._data.shape),
                _unbroadcast(-gd, target._data.shape) if need_target else None)
    return _op(np.asarray(out, dtype=diff.dtype), name, backward, (input, target),
               saves=(input, target))


@silent
def mse_loss(input, target, size_average=None, reduce=None, reduction="mean"):
    """mean((x - y)**2), whose slope is 2 (x - y)."""
    return _pointwise_loss(input, target, reduction, "MseLossBackward0",
                           lambda d: (d * d, 2 * d))


@silent
def smooth_l1_loss(input, target, size_average=None, reduce=None, reduction="mean", beta=1.0):
    """0.5 d**2 / beta where |d| < beta, else |d| - 0.5 beta: squared near 0 (smooth), absolute
    far away (large errors pull no harder than 1)."""
    if beta == 0.0:
        return l1_loss(input, target, reduction=reduction)
    _check_reduction(reduction)
    if beta < 0:
        raise RuntimeError("smooth_l1_loss does not support negative values for beta.")

    def loss_and_slope(d):
        z = np.abs(d)
        near = z < beta
        return (np.where(near, 0.5 * z * z / beta, z - 0.5 * beta),
                np.where(near, d / beta, np.sign(d)))
    return _pointwise_loss(input, target, reduction, "SmoothL1LossBackward0", loss_and_slope)


@silent
def huber_loss(input, target, reduction="mean", delta=1.0, weight=None):
    """0.5 d**2 where |d| < delta, else delta (|d| - 0.5 delta): smooth_l1_loss times delta.
    A weight (input's shape) multiplies each element's loss before the reduction."""
    if weight is not None:
        return _weighted_huber_loss(input, target, reduction, delta, weight)
    _check_reduction(reduction)
    if delta <= 0:
        raise RuntimeError("huber_loss does not support non-positive values for delta.")

    def loss_and_slope(d):
        z = np.abs(d)
        near = z < delta
        return (np.where(near, 0.5 * z * z, delta * (z - 0.5 * delta)),
                np.where(near, d, delta * np.sign(d)))
    return _pointwise_loss(input, target, reduction, "HuberLossBackward0", loss_and_slope)


def _weighted_huber_loss(input, target, reduction, delta, weight):
    if weight.shape != input.shape:
        raise ValueError("Weights and input must have the same size.")
    if reduction not in _REDUCTIONS:
        raise ValueError(f"Invalid reduction mode: {reduction}. Expected one of 'none', 'mean', "
                         "'sum'.")
    loss = huber_loss(input, target, reduction="none", delta=delta) * weight
    return loss.mean() if reduction == "mean" else loss.sum() if reduction == "sum" else loss


@silent
def l1_loss(input, target, size_average=None, reduce=None, reduction="mean"):
    """mean(|x - y|), built from ops (as in PyTorch, whose grad_fn is then MeanBackward0)."""
    _check_reduction(reduction)
    _warn_target_size(input, target)
    loss = (input - target).abs()
    return loss.mean() if reduction == "mean" else loss.sum() if reduction == "sum" else loss


@silent
def nll_loss(input, target, weight=None, size_average=None, ignore_index=-100, reduce=None,
             reduction="mean"):
    """Negative log likelihood: minus the log-probability of each sample's correct class."""
    _check_reduction(reduction)
    if weight is not None:
        raise unsupported("class weights in nll_loss/cross_entropy")
    logp, t = input._data, target._data
    if logp.dtype.kind != "f":
        raise _no_kernel("nll_loss_out_frame", logp.dtype)
    if logp.ndim not in (1, 2):
        raise unsupported("nll_loss/cross_entropy on inputs with more than 2 dimensions")
    batched = logp.ndim == 2
    if batched and (t.ndim == 0 or t.shape[0] != logp.shape[0]):
        raise ValueError(f"Expected input batch_size ({logp.shape[0]}) to match target "
                         f"batch_size ({t.shape[0] if t.ndim else 0}).")
    if t.dtype != np.int64:   # PyTorch's Byte (uint8) is not in microtorch
        raise RuntimeError(f"expected target dtype to be Long or Byte, but got "
                           f"{target.dtype._legacy[:-6]}")
    if t.ndim != (1 if batched else 0):
        raise unsupported("nll_loss/cross_entropy with this target shape")
    lp = logp if batched else logp[None]
    tt = t.reshape(-1)
    keep = tt != ignore_index
    # Read as unsigned, a negative target is huge: one comparison checks both bounds.
    bad = keep & (tt.view(np.uint64) >= lp.shape[1])
    if np.count_nonzero(bad):
        raise IndexError(f"Target {int(tt[bad][0])} is out of bounds.")
    rows = np.arange(tt.shape[0])
    count = np.count_nonzero(keep)
    masked = count < tt.shape[0]   # usually no target is ignored: then nothing needs masking
    if masked:
        safe = np.where(keep, tt, 0)
        picked = -lp[rows, safe] * keep
    else:
        safe, picked = tt, -lp[rows, tt]
    if reduction == "mean":
        out = np.asarray(picked.sum() / count if count else np.nan, dtype=logp.dtype)
    elif reduction == "sum":
        out = np.asarray(picked.sum(), dtype=logp.dtype)
    else:
        out = picked if batched else picked[0]

    def backward(g):
        scale = g / count if reduction == "mean" else g
        if reduction == "none" and not batched:
            scale = np.reshape(g, (1,))
        gl = np.zeros(lp.shape, lp.dtype)
        gl[rows, safe] = -scale * keep if masked else -scale
        return (gl if batched else gl[0]), None
    return _op(out, "NllLossBackward0", backward, (input, target), saves=(None,))


def cross_entropy(input, target, weight=None, size_average=None, ignore_index=-100, reduce=None,
                  reduction="mean", label_smoothing=0.0):
    """log_softmax then nll_loss: `input` holds raw scores (logits), `target` class indices, or
    class probabilities of the same shape as input."""
    if label_smoothing:
        raise unsupported("cross_entropy(label_smoothing=...)")
    logp = log_softmax(input, 1 if input.ndim > 1 else 0)
    if isinstance(target, Tensor) and target._data.shape == input._data.shape:
        if not target.is_floating_point():
            raise RuntimeError("Expected floating point type for target with class probabilities, "
                               f"got {target.dtype._legacy[:-6]}")
        if weight is not None:
            raise unsupported("class weights in cross_entropy")
        _check_reduction(reduction)
        if reduction == "none":
            return -(logp * target).sum(1 if input.ndim > 1 else 0)
        total = -(logp * target).sum()
        return _divide(total, input.shape[0] if input.ndim > 1 else 1) if reduction == "mean" \
            else total
    return nll_loss(logp, target, weight, ignore_index=ignore_index, reduction=reduction)


def _divide(loss, n):
    """loss / n as PyTorch's fused losses divide: by a number, so the grad_fn is DivBackward1."""
    n = loss._data.dtype.type(n)
    return _op(loss._data / n, "DivBackward1", lambda g: (g / n,), (loss,))


@silent
def binary_cross_entropy(input, target, weight=None, size_average=None, reduce=None,
                         reduction="mean"):
    """-(y log p + (1 - y) log(1 - p)), with each log clamped at -100 as PyTorch does."""
    _check_reduction(reduction)
    if weight is not None:
        raise unsupported("binary_cross_entropy(weight=...)")
    if input.shape != target.shape:
        raise ValueError(f"Using a target size ({target.shape!r}) that is different to the input "
                         f"size ({input.shape!r}) is deprecated. Please ensure they have the same "
                         "size.")
    p, y = input._data, target._data
    if p.dtype != y.dtype:
        raise RuntimeError(f"Found dtype {target.dtype._legacy[:-6]} but expected "
                           f"{input.dtype._legacy[:-6]}")
    if ((p < 0) | (p > 1)).any():
        raise RuntimeError("all elements of input should be between 0 and 1")
    if ((y < 0) | (y > 1)).any():
        raise RuntimeError("all elements of target should be between 0 and 1")
    values = -(y * np.maximum(np.log(p), -100) + (1 - y) * np.maximum(np.log1p(-p), -100))
    out, n = _reduce(values, reduction)

    def backward(g):
        ge = _expand(g, reduction, n, p.shape)
        gy = ge * (np.maximum(np.log1p(-p), -100) - np.maximum(np.log(p), -100))
        return ge * (p - y) / np.maximum((1 - p) * p, 1e-12), gy
    return _op(out.astype(p.dtype, copy=False), "BinaryCrossEntropyBackward0", backward,
               (input, target), saves=(input, target))


def _check_logits_dtypes(input, target):
    if not input.is_floating_point():
        raise _no_kernel("log_sigmoid_cpu", input._data.dtype)
    if target.dtype.name == "bool":
        raise RuntimeError("Subtraction, the `-` operator, with two bool tensors is not supported. "
                           "Use the `^` or `logical_xor()` operator instead.")
    if not target.is_floating_point():
        raise RuntimeError(f"result type {input.dtype._legacy[:-6]} can't be cast to the desired "
                           f"output type {target.dtype._legacy[:-6]}")
    if target.dtype != input.dtype:   # PyTorch then answers in the target's dtype
        raise unsupported("binary_cross_entropy_with_logits with input and target of different "
                          "floating-point dtypes")


@silent
def binary_cross_entropy_with_logits(input, target, weight=None, size_average=None, reduce=None,
                                     reduction="mean", pos_weight=None):
    """binary_cross_entropy(sigmoid(x), y) computed stably from the logits x.
    Backward: sigmoid(x) - y."""
    _check_reduction(reduction)
    if weight is not None or pos_weight is not None:
        raise unsupported("binary_cross_entropy_with_logits(weight=..., pos_weight=...)")
    if input.shape != target.shape:
        raise ValueError(f"Target size ({target.shape!r}) must be the same as input size "
                         f"({input.shape!r})")
    x, y = input._data, target._data
    _check_logits_dtypes(input, target)
    values = np.maximum(x, 0) - x * y + np.log1p(np.exp(-np.abs(x)))
    out, n = _reduce(values, reduction)

    def backward(g):
        e = np.exp(-np.abs(x))
        s = np.where(x >= 0, 1, e) / (1 + e)
        ge = _expand(g, reduction, n, x.shape)
        return ge * (s - y), ge * -x
    return _op(out.astype(x.dtype, copy=False), "BinaryCrossEntropyWithLogitsBackward0", backward,
               (input, target), saves=(input, target))


def one_hot(tensor, num_classes=-1):
    """Each class index (int64) as a row of zeros with a 1 at that index; int64, no gradient."""
    if not isinstance(tensor, Tensor):
        raise TypeError(f"one_hot(): argument 'input' (position 1) must be Tensor, not "
                        f"{type(tensor).__name__}")
    i = tensor._data
    if i.dtype != np.int64:
        raise RuntimeError("one_hot is only applicable to index tensor of type LongTensor.")
    if num_classes == -1:
        if i.size == 0:
            raise RuntimeError("Can not infer total number of classes from empty tensor.")
        num_classes = int(i.max()) + 1
    if i.size and i.min() < 0:
        raise RuntimeError("Class values must be non-negative.")
    if i.size and i.max() >= num_classes:
        raise RuntimeError("Class values must be smaller than num_classes.")
    return _wrap((i[..., None] == np.arange(num_classes)).astype(np.int64))


@silent
def batch_norm(input, running_mean, running_var, weight=None, bias=None, training=False,
               momentum=0.1, eps=1e-5):
    """Normalise each channel (dimension 1) of an (N, C) or (N, C, L) input to mean 0 and
    variance 1, then scale by weight and shift by bias. With training=True the statistics are
    the batch's (the biased variance) and the running ones, if given, move towards them by
    `momentum` in place (running_var towards the unbiased variance); otherwise the running
    statistics are used."""
    x = input._data
    if x.ndim not in (2, 3):
        raise unsupported("batch_norm on inputs that are not 2-D (N, C) or 3-D (N, C, L)")
    channels, count = x.shape[1], x.size // max(x.shape[1], 1)
    if training and count == 1:
        raise ValueError(f"Expected more than 1 value per channel when training, got input "
                         f"size {input.shape!r}")
    if not training and running_mean is None:
        raise RuntimeError("running_mean must be defined in evaluation mode")
    _floating_only(input, "batch_norm")
    given = {"running_mean": running_mean, "running_var": running_var, "weight": weight,
             "bias": bias}
    for name, t in given.items():
        if t is not None and t._data.size != channels:
            raise RuntimeError(f"{name} should contain {channels} elements not {t._data.size}")
    if any(t is not None and t._data.dtype != x.dtype for t in given.values()):
        raise RuntimeError("mixed dtype (CPU): all inputs must share same datatype.")
    axes, shape = ((0,), (1, -1)) if x.ndim == 2 else ((0, 2), (1, -1, 1))
    x64 = x.astype(np.float64)   # statistics in float64
    if training:
        mean, var = x64.mean(axes), x64.var(axes)
        if running_mean is not None:
            _move_towards(running_mean, mean, momentum)
            _move_towards(running_var, var * (count / (count - 1)), momentum)
    else:
        mean, var = running_mean._data, running_var._data
    # y = x * scale + shift per channel, with scale and shift rounded to x's dtype and y rounded
    # once, as PyTorch's fused kernel does: then a constant channel comes out as PyTorch's (a
    # rounding error such as 3.0518e-05, not an exact 0).
    def rounded(a):
        return np.asarray(a, dtype=x.dtype).astype(np.float64)
    mean, var = rounded(mean), rounded(var)
    invstd = rounded(1 / np.sqrt(var + eps))
    w = 1.0 if weight is None else weight._data.astype(np.float64)
    scale = rounded(invstd * w)
    shift = rounded((0.0 if bias is None else bias._data) - mean * scale)
    out = x64 * scale.reshape(shape) + shift.reshape(shape)
    invstd = invstd.reshape(shape)
    xhat = (x64 - mean.reshape(shape)) * invstd
    w = np.reshape(w, shape) if weight is not None else w

    def backward(g):
        g = g.astype(np.float64)
        gxhat = g * w
        if training:   # mean and var depend on x too
            gx = invstd * (gxhat - gxhat.mean(axes, keepdims=True)
                           - xhat * (gxhat * xhat).mean(axes, keepdims=True))
        else:
            gx = gxhat * invstd
        return (gx.astype(x.dtype),
                None if weight is None else (g * xhat).sum(axes).astype(x.dtype),
                None if bias is None else g.sum(axes).astype(x.dtype))
    return _op(out.astype(x.dtype), "NativeBatchNormBackward0", backward,
               (input, weight, bias), saves=(input, weight))


def _move_towards(running, batch_value, momentum):
    running._data[...] = (1 - momentum) * running._data + momentum * batch_value
    running._counter[0] += 1


__getattr__ = module_getattr("torch.nn.functional")
