"""Argument checks shared by the ops, raising PyTorch's exceptions with PyTorch's messages."""
import numpy as np

from ._dtypes import C_NAMES, bool_ as _BOOL, from_numpy_dtype
from ._errors import unsupported


def _dim(dim, ndim):
    """Normalise a possibly negative dimension index, with PyTorch's error when out of range."""
    n = max(ndim, 1)
    if not -n <= dim < n:
        raise IndexError(f"Dimension out of range (expected to be in range of [{-n}, {n - 1}], "
                         f"but got {dim})")
    return dim + n if dim < 0 else (dim if ndim else 0)


def _axes(dim, ndim):
    if dim is None:
        return None
    if isinstance(dim, (tuple, list)):
        axes = tuple(_dim(d, ndim) for d in dim)
        for i, d in enumerate(axes):
            if d in axes[:i]:
                raise RuntimeError(f"dim {d} appears multiple times in the list of dims")
        return axes
    return (_dim(dim, ndim),) if ndim else None


def _shape_arg(shape):
    if len(shape) == 1 and isinstance(shape[0], (tuple, list)):
        shape = tuple(shape[0])
    return tuple(int(s) for s in shape)


def _infer_shape(shape, size):
    known = 1
    for s in shape:
        if s != -1:
            known *= s
    if shape.count(-1) > 1:
        raise RuntimeError("only one dimension can be inferred")
    if (-1 in shape and (known == 0 or size % known)) or (-1 not in shape and known != size):
        raise RuntimeError(f"shape '{list(shape)}' is invalid for input of size {size}")
    return tuple(size // known if s == -1 else s for s in shape)


def _broadcast_error(a, b):
    """PyTorch's error for shapes that do not broadcast (NumPy's ValueError says it differently)."""
    return _shapes_error(np.shape(a), np.shape(b))


def _shapes_error(sa, sb):
    for i in range(1, max(len(sa), len(sb)) + 1):
        x = sa[-i] if i <= len(sa) else 1
        y = sb[-i] if i <= len(sb) else 1
        if x != y and x != 1 and y != 1:
            return RuntimeError(f"The size of tensor a ({x}) must match the size of tensor b ({y}) "
                                f"at non-singleton dimension {max(len(sa), len(sb)) - i}")
    return ValueError(f"shapes {sa} and {sb} do not broadcast")


def _broadcasting(np_op, a, b):
    """np_op(a, b), with PyTorch's error when the shapes do not broadcast."""
    try:
        return np_op(a, b)
    except ValueError:
        raise _broadcast_error(a, b) from None


def _check_matmul(a, b):
    if a.dtype != b.dtype:
        raise _matmul_dtypes_error(a, b)
    if a.ndim == 0 or b.ndim == 0:
        raise RuntimeError("both arguments to matmul need to be at least 1D, but they are "
                           f"{a.ndim}D and {b.ndim}D")
    if a.ndim == 1 and b.ndim == 1 and a.shape != b.shape:
        raise RuntimeError(f"inconsistent tensor size, expected tensor [{a.shape[0]}] and src "
                           f"[{b.shape[0]}] to have the same number of elements, but got "
                           f"{a.shape[0]} and {b.shape[0]} elements respectively")
    if b.ndim >= 3:   # batched: batch dimensions broadcast, then one bmm
        _check_batched(a.shape if a.ndim > 1 else (1,) + a.shape, b.shape)
        return
    k_b = b.shape[0] if b.ndim == 1 else b.shape[-2]
    if a.shape[-1] == k_b:
        return
    rows_a = int(np.prod(a.shape[:-1])) if a.ndim > 1 else 1   # a's batch folds into its rows
    if b.ndim == 1:
        raise RuntimeError(f"size mismatch, got input ({rows_a}), mat ({rows_a}x{a.shape[-1]}), "
                           f"vec ({b.shape[0]})")
    raise RuntimeError(f"mat1 and mat2 shapes cannot be multiplied ({rows_a}x{a.shape[-1]} and "
                       f"{k_b}x{b.shape[-1]})")


def _matmul_dtypes_error(a, b):
    """PyTorch's message names the kernel the dimensions pick (dot, mv, mm or bmm)."""
    ta, tb = (from_numpy_dtype(x.dtype)._legacy[:-6] for x in (a, b))
    if a.ndim == 1 and b.ndim == 1:
        return RuntimeError(f"dot : expected both vectors to have same dtype, but found {ta} and "
                            f"{tb}")
    if b.ndim == 1:
        return RuntimeError(f"addmv input tensors must have the same dtype, but got {tb}, {ta}, "
                            f"and {tb}")
    if b.ndim >= 3:
        return RuntimeError(f"expected scalar type {ta} but found {tb}")
    return RuntimeError(f"expected m1 and m2 to have the same dtype, but got: "
                        f"{C_NAMES[a.dtype.name]} != {C_NAMES[b.dtype.name]}")


def _check_batched(sa, sb):
    try:
        batch = np.broadcast_shapes(sa[:-2], sb[:-2])
    except ValueError:
        raise _shapes_error(sa[:-2], sb[:-2]) from None
    if sa[-1] != sb[-2]:
        n = int(np.prod(batch))
        raise RuntimeError(f"Expected size for first two dimensions of batch2 tensor to be: "
                           f"[{n}, {sa[-1]}] but got: [{n}, {sb[-2]}].")


def _bool_sub_error(tensor, other):
    """PyTorch refuses `-` with a bool tensor (NumPy's own TypeError says it differently)."""
    if tensor._data.dtype == bool and (type(other) is bool
                                       or getattr(other, "dtype", None) is _BOOL):
        return RuntimeError("Subtraction, the `-` operator, with two bool tensors is not "
                            "supported. Use the `^` or `logical_xor()` operator instead.")
    return RuntimeError("Subtraction, the `-` operator, with a bool tensor is not supported. If "
                        "you are trying to invert a mask, use the `~` or `logical_not()` operator "
                        "instead.")


def _check_half(x, what):
    """PyTorch computes float16 in float32 and rounds once; NumPy rounds every step in float16.
    Where the two differ, microtorch refuses rather than answer differently."""
    if x.dtype == np.float16:
        raise unsupported(f"{what} of float16 tensors")


def _no_kernel(kernel, np_dtype):
    """PyTorch's error where it has no kernel for a dtype (integer softmax, bool abs, ...)."""
    return NotImplementedError(f'"{kernel}" not implemented for '
                               f"'{from_numpy_dtype(np_dtype)._legacy[:-6]}'")


def _check_softmax(x, axis, name):
    """PyTorch has no integer softmax kernel (pass dtype= to convert first)."""
    _check_half(x, name)
    if x.dtype.kind != "f":
        raise _no_kernel(f"{name}_lastdim_kernel_impl" if axis == x.ndim - 1 or x.ndim == 0
                         else f"{name}_kernel_impl", x.dtype)


def _check_cat(arrays):
    if not arrays:
        raise ValueError("torch.cat(): expected a non-empty list of Tensors")
    for i, a in enumerate(arrays):
        if a.ndim == 0:
            raise RuntimeError(f"zero-dimensional tensor (at position {i}) cannot be concatenated")


def _check_cat_shapes(arrays, axis):
    ref = arrays[0].shape
    for i, a in enumerate(arrays[1:], 1):
        if a.ndim != len(ref):
            raise RuntimeError(f"Tensors must have same number of dimensions: got {len(ref)} "
                               f"and {a.ndim}")
        for d in range(len(ref)):
            if d != axis and a.shape[d] != ref[d]:
                raise RuntimeError(
                    f"Sizes of tensors must match except in dimension {axis}. Expected size "
                    f"{ref[d]} but got size {a.shape[d]} for tensor number {i} in the list.")


def _check_stack(arrays):
    if not arrays:
        raise RuntimeError("stack expects a non-empty TensorList")
    for i, a in enumerate(arrays[1:], 1):
        if a.shape != arrays[0].shape:
            raise RuntimeError(f"stack expects each tensor to be equal size, but got "
                               f"{list(arrays[0].shape)} at entry 0 and {list(a.shape)} at "
                               f"entry {i}")


def _permutation(dims, ndim):
    """The dimensions of a permute, normalised; PyTorch's error unless each appears once."""
    if len(dims) != ndim:
        raise RuntimeError("permute(sparse_coo): number of dimensions in the tensor input does "
                           "not match the length of the desired ordering of dimensions i.e. "
                           f"input.dim() = {ndim} is not equal to len(dims) = {len(dims)}")
    dims = tuple(_dim(d, ndim) for d in dims)
    if len(set(dims)) != ndim:
        raise RuntimeError("permute(): duplicate dims are not allowed.")
    return dims
