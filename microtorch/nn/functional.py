"""torch.nn.functional: layers and losses as functions. Each fused op keeps PyTorch's grad_fn name
and writes its forward and backward side by side, like the ops in ops.py."""
import warnings

import numpy as np

from .._checks import _no_kernel
from .._dtypes import result_dtype
from .._errors import module_getattr, unsupported
from .._silent import silent
from .._tensor import Tensor, _as_tensor, _wrap
from ..engine import _op, _unbroadcast

_REDUCTIONS = ("mean", "sum", "none")


def relu(input, inplace=False):
    if inplace:
        raise unsupported("relu(inplace=True)")
    return input.relu()


def sigmoid(input):
    return input.sigmoid()


def tanh(input):
    return input.tanh()


def _softmax_dim(ndim):
    warnings.warn("Implicit dimension choice for softmax has been deprecated. Change the call to "
                  "include dim=X as an argument.", UserWarning, stacklevel=3)
    return 0 if ndim in (0, 1, 3) else 1


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


def _warn_target_size(input, target):
    if input.shape != target.shape:
        warnings.warn(
            f"Using a target size ({target.shape!r}) that is different to the input size "
            f"({input.shape!r}). This will likely lead to incorrect results due to broadcasting. "
            "Please ensure they have the same size.", UserWarning, stacklevel=4)


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


@silent
def mse_loss(input, target, size_average=None, reduce=None, reduction="mean"):
    """mean((x - y)**2). Backward: 2 (x - y) / n for x, the negative for y."""
    _check_reduction(reduction)
    target = _as_tensor(target)
    _warn_target_size(input, target)
    dt = result_dtype(input._data, target._data)   # an int64 target does not make it float64
    if dt.kind != "f":
        raise _no_kernel("mse_cpu", dt)
    diff = input._data.astype(dt, copy=False) - target._data.astype(dt, copy=False)
    out, n = _reduce(diff * diff, reduction)

    need_target = target._requires_grad

    def backward(g):
        gd = diff * (2 * _expand(g, reduction, n, diff.shape))
        return (_unbroadcast(gd, input._data.shape),
                _unbroadcast(-gd, target._data.shape) if need_target else None)
    return _op(np.asarray(out, dtype=diff.dtype), "MseLossBackward0", backward, (input, target),
               saves=(input, target))


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
    for c in tt[keep].tolist():
        if not 0 <= c < lp.shape[1]:
            raise IndexError(f"Target {c} is out of bounds.")
    rows = np.arange(tt.shape[0])
    safe = np.where(keep, tt, 0)
    picked = -lp[rows, safe] * keep
    count = int(keep.sum())
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
        gl = np.zeros_like(lp)
        gl[rows, safe] = -scale * keep
        return (gl if batched else gl[0]), None
    return _op(out, "NllLossBackward0", backward, (input, target), saves=(None,))


def cross_entropy(input, target, weight=None, size_average=None, ignore_index=-100, reduce=None,
                  reduction="mean", label_smoothing=0.0):
    """log_softmax then nll_loss: `input` holds raw scores (logits), `target` class indices, or
    class probabilities of the same shape as input."""
    if label_smoothing:
        raise unsupported("cross_entropy(label_smoothing=...)")
    logp = log_softmax(input, 1 if input.ndim > 1 else 0)
    if isinstance(target, Tensor) and target.shape == input.shape:
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


__getattr__ = module_getattr("torch.nn.functional")
