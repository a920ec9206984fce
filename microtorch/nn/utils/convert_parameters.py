"""A model's parameters as one flat vector and back (for optimisers written by hand)."""
from ... import ops
from ..._tensor import Tensor


def parameters_to_vector(parameters):
    """Every parameter flattened and joined, in parameters() order; it stays in the graph."""
    return ops.cat([p.view(-1) for p in parameters])


def vector_to_parameters(vec, parameters):
    """Make each parameter a view of its slice of vec, in parameters() order."""
    if not isinstance(vec, Tensor):
        raise TypeError(f"expected torch.Tensor, but got: {type(vec).__name__}")
    start = 0
    for p in parameters:
        if p.requires_grad and not vec.is_floating_point():
            raise RuntimeError("data set to a tensor that requires gradients must be floating "
                               "point or complex dtype")
        n = p.numel()
        p.data = vec[start:start + n].view_as(p).data
        start += n
