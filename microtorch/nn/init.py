"""torch.nn.init: fill a tensor in place with values from a chosen distribution. Each runs
under no_grad (so it may fill a Parameter) and returns the tensor it filled."""
import math
import warnings

from .._creation import eye
from .._errors import module_getattr
from ..grad_mode import no_grad

_MODES = ["fan_in", "fan_out"]
_GAIN_ONE = ("linear", "conv1d", "conv2d", "conv3d", "conv_transpose1d", "conv_transpose2d",
             "conv_transpose3d", "sigmoid")


def _fans(tensor):
    """Inputs and outputs each value of a layer's weight connects: (out, in, *kernel) for a
    Linear's or a convolution's weight."""
    if tensor.ndim < 2:
        raise ValueError("Fan in and fan out can not be computed for tensor with fewer than 2 "
                         "dimensions")
    receptive = 1
    for s in tensor.shape[2:]:
        receptive *= s
    return tensor.shape[1] * receptive, tensor.shape[0] * receptive


def calculate_gain(nonlinearity, param=None):
    """The factor by which to scale the init's spread so that activations keep their size
    through the nonlinearity (tanh shrinks them, ReLU halves their variance)."""
    if nonlinearity in _GAIN_ONE:
        return 1
    if nonlinearity == "tanh":
        return 5.0 / 3
    if nonlinearity == "relu":
        return math.sqrt(2.0)
    if nonlinearity == "leaky_relu":
        if param is None:
            slope = 0.01
        elif isinstance(param, (int, float)) and not isinstance(param, bool):
            slope = param
        else:
            raise ValueError(f"negative_slope {param} not a valid number")
        return math.sqrt(2.0 / (1 + slope ** 2))
    if nonlinearity == "selu":
        return 3.0 / 4
    raise ValueError(f"Unsupported nonlinearity {nonlinearity}")


def _fill(tensor, kernel):
    if not tensor.is_floating_point():
        raise NotImplementedError(f'"{kernel}" not implemented for '
                                  f"'{tensor.dtype._legacy[:-6]}'")


def uniform_(tensor, a=0.0, b=1.0, generator=None):
    _fill(tensor, "check_uniform_bounds")
    if a > b:
        raise RuntimeError(f"uniform_ expects to return a [from, to) range, but found "
                           f"from={a:g} > to={b:g}")
    with no_grad():
        return tensor.uniform_(a, b, generator=generator)


def normal_(tensor, mean=0.0, std=1.0, generator=None):
    _fill(tensor, "normal_kernel_cpu")
    if std < 0:
        raise RuntimeError(f"normal expects std >= 0.0, but found std {std:g}")
    with no_grad():
        return tensor.normal_(mean, std, generator=generator)


def constant_(tensor, val):
    with no_grad():
        return tensor.fill_(val)


def zeros_(tensor):
    return constant_(tensor, 0)


def ones_(tensor):
    return constant_(tensor, 1)


def _kaiming_std(tensor, a, mode, nonlinearity):
    """He et al.: std = gain / sqrt(fan), fan the layer's inputs (or outputs)."""
    if mode not in _MODES:
        raise ValueError(f"Mode {mode} not supported, please use one of {_MODES}")
    fan_in, fan_out = _fans(tensor)
    return calculate_gain(nonlinearity, a) / math.sqrt(fan_in if mode == "fan_in" else fan_out)


def _empty(tensor):
    if tensor.numel() == 0:
        warnings.warn("Initializing zero-element tensors is a no-op", UserWarning, stacklevel=3)
        return True
    return False


def kaiming_uniform_(tensor, a=0, mode="fan_in", nonlinearity="leaky_relu", generator=None):
    """U(-b, b) with b = sqrt(3) * std (a uniform's std is b / sqrt(3)): keeps activations'
    variance steady through ReLUs. nn.Linear uses a = sqrt(5): b = 1 / sqrt(in_features)."""
    if _empty(tensor):
        return tensor
    bound = math.sqrt(3.0) * _kaiming_std(tensor, a, mode, nonlinearity)
    return uniform_(tensor, -bound, bound, generator)


def kaiming_normal_(tensor, a=0, mode="fan_in", nonlinearity="leaky_relu", generator=None):
    if _empty(tensor):
        return tensor
    return normal_(tensor, 0.0, _kaiming_std(tensor, a, mode, nonlinearity), generator)


def _xavier_std(tensor, gain):
    """Glorot and Bengio: std = gain * sqrt(2 / (fan_in + fan_out)), a compromise between
    keeping the forward and the backward signal steady."""
    fan_in, fan_out = _fans(tensor)
    return gain * math.sqrt(2.0 / float(fan_in + fan_out))


def xavier_uniform_(tensor, gain=1.0, generator=None):
    bound = math.sqrt(3.0) * _xavier_std(tensor, gain)
    return uniform_(tensor, -bound, bound, generator)


def xavier_normal_(tensor, gain=1.0, generator=None):
    return normal_(tensor, 0.0, _xavier_std(tensor, gain), generator)


def eye_(tensor):
    """The identity matrix (ones on the diagonal of a 2-D tensor), written without a graph."""
    if tensor.dim() != 2:
        raise ValueError("Only tensors with 2 dimensions are supported")
    with no_grad():
        return tensor.copy_(eye(*tensor.shape, dtype=tensor.dtype))


__getattr__ = module_getattr("torch.nn.init")
