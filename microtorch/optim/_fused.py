"""The in-place update kernels optimizers are made of, rounded as PyTorch's CPU kernels round
them, so trajectories agree with PyTorch's to the bit but for its float32 sqrt (which its CPU
build does not always round correctly). In float32, a product of two float32 numbers is exact in
float64, so "multiply, add, then round once" (a fused multiply-add) is the float64 sum cast
back. Other dtypes are simply computed."""
import numpy as np


def _fused_add(y, x, a, b):
    """y = x + a * b, rounded once when y is float32 (a and b already float32)."""
    if y.dtype == np.float32:
        np.add(x, np.multiply(a, b, dtype=np.float64), out=y, casting="unsafe")
    else:
        y[...] = x + a * b


def lerp_(y, end, weight):
    """y moves `weight` of the way to `end` (from whichever end is nearer, as PyTorch does)."""
    w = np.float32(weight) if y.dtype == np.float32 else weight
    if w < 0.5:
        _fused_add(y, y, w, end - y)
    else:
        _fused_add(y, end, y - end, 1 - w)


def addcmul_(y, value, a, b):
    """y += value * a * b (value * a rounded first, then one fused multiply-add)."""
    _fused_add(y, y, y.dtype.type(value) * a, b)


def addcdiv_(y, value, a, b):
    """y += value * a / b."""
    y += y.dtype.type(value) * a / b
