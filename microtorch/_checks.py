"""Argument checks shared by the ops, raising PyTorch's exceptions with PyTorch's messages."""
import numpy as np

from ._dtypes import C_NAMES


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
        return tuple(_dim(d, ndim) for d in dim)
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
    sa, sb = np.shape(a), np.shape(b)
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
        raise RuntimeError(f"expected m1 and m2 to have the same dtype, but got: "
                           f"{C_NAMES[a.dtype.name]} != {C_NAMES[b.dtype.name]}")
    if a.ndim == 0 or b.ndim == 0:
        raise RuntimeError("both arguments to matmul need to be at least 1D, but they are "
                           f"{a.ndim}D and {b.ndim}D")
    if a.ndim == 1 and b.ndim == 1 and a.shape != b.shape:
        raise RuntimeError(f"inconsistent tensor size, expected tensor [{a.shape[0]}] and src "
                           f"[{b.shape[0]}] to have the same number of elements, but got "
                           f"{a.shape[0]} and {b.shape[0]} elements respectively")
    if a.ndim == 2 and b.ndim == 1 and a.shape[1] != b.shape[0]:
        raise RuntimeError(f"size mismatch, got input ({a.shape[0]}), mat ({a.shape[0]}x"
                           f"{a.shape[1]}), vec ({b.shape[0]})")
    k_b = b.shape[0] if b.ndim == 1 else b.shape[-2]
    if a.shape[-1] != k_b:
        rows_a = a.shape[0] if a.ndim == 1 else int(np.prod(a.shape[:-1]))
        if a.ndim == 1:
            rows_a, cols_a = 1, a.shape[0]
        else:
            cols_a = a.shape[-1]
        raise RuntimeError(f"mat1 and mat2 shapes cannot be multiplied ({rows_a}x{cols_a} and "
                           f"{k_b}x{b.shape[-1] if b.ndim > 1 else 1})")




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
    dims = tuple(_dim(d, ndim) for d in dims)
    if sorted(dims) != list(range(ndim)):
        raise RuntimeError("permute(sparse_coo): number of dimensions in the tensor input does "
                           "not match the length of the desired ordering of dimensions i.e. "
                           f"input.dim() = {ndim} is not equal to len(dims) = {len(dims)}")
    return dims
