"""torch.autograd.Function: an op whose forward and backward the learner writes.

    class Cube(torch.autograd.Function):
        @staticmethod
        def forward(ctx, x):
            ctx.save_for_backward(x)
            return x ** 3

        @staticmethod
        def backward(ctx, grad):
            (x,) = ctx.saved_tensors
            return grad * 3 * x ** 2

`Cube.apply(x)` runs forward without recording a graph, then gives the result a grad_fn of
class CubeBackward, which is also the `ctx` both methods receive: a Node whose backward calls
the learner's. So the engine runs a custom op exactly like a built-in one.

A Node carries one gradient, so when forward returns several tensors each gets a Node of its
own that hands its gradient on to ctx, tagged with the output's position (`_Grads`).
"""
import warnings

import numpy as np

from .. import grad_mode
from .._errors import INFERENCE_SAVED, freed_graph, module_getattr, unsupported
from .._tensor import Tensor, _wrap
from ..engine import Node, _unbroadcast

LEGACY = ("Legacy autograd function with non-static forward method is deprecated. Please use "
          "new-style autograd function with static forward method. (Example: "
          "https://pytorch.org/docs/stable/autograd.html#torch.autograd.Function)")


class FunctionCtx:
    """What forward leaves for backward: saved tensors, and any attribute (`ctx.k = 3`)."""

    _freed = False
    _materialize = True
    _non_differentiable = frozenset()

    def save_for_backward(self, *tensors):
        for i, t in enumerate(tensors):
            if t is not None and not isinstance(t, Tensor):
                raise TypeError(f"save_for_backward can only save variables, but argument {i} "
                                f"is of type {type(t).__name__}")
        self.to_save = tensors

    def mark_non_differentiable(self, *tensors):
        self._non_differentiable = {id(t) for t in tensors}

    def mark_dirty(self, *tensors):
        raise unsupported("ctx.mark_dirty (a custom Function that changes its inputs in place)")

    def set_materialize_grads(self, value):
        """False: backward receives None (not zeros) for outputs that got no gradient."""
        self._materialize = bool(value)

    @property
    def saved_tensors(self):
        if self._freed:
            raise freed_graph()
        return tuple(getattr(self, "to_save", ()))


class BackwardCFunction(Node, FunctionCtx):
    """The Node (and ctx) of one call of a custom Function."""

    def name(self):
        return type(self).__name__

    def __repr__(self):
        return f"<torch.autograd.function.{type(self).__name__} object at {hex(id(self))}>"


class Function:
    """Subclass it with static `forward(ctx, *args)` and `backward(ctx, *grads)`; call `apply`."""

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        name = f"{cls.__name__}Backward"
        cls._backward_cls = type(name, (BackwardCFunction,), {"_forward_cls": cls})
        cls._output_cls = type(name, (Node,), {"__slots__": (), "name": BackwardCFunction.name,
                                               "__repr__": BackwardCFunction.__repr__})

    def __init__(self, *args, **kwargs):
        warnings.warn(f"{type(self)} should not be instantiated. Methods on autograd functions "
                      "are all static, so you should invoke them on the class itself. "
                      "Instantiating an autograd function will raise an error in a future "
                      "version of PyTorch.", DeprecationWarning, stacklevel=2)

    def __call__(self, *args, **kwargs):
        raise RuntimeError(LEGACY)

    @staticmethod
    def forward(ctx, *args, **kwargs):
        raise NotImplementedError("You must implement the forward function for custom "
                                  "autograd.Function.")

    @staticmethod
    def setup_context(ctx, inputs, output):
        raise NotImplementedError("setup_context is not implemented.")

    @staticmethod
    def backward(ctx, *grad_outputs):
        raise NotImplementedError("You must implement either the backward or vjp method for "
                                  "your custom autograd.Function to use it with backward mode AD.")

    @classmethod
    def apply(cls, *args, **kwargs):
        ctx = cls._backward_cls()
        tensors = [a for a in args if isinstance(a, Tensor)]
        ctx.needs_input_grad = tuple(isinstance(a, Tensor) and a._requires_grad for a in args)
        with grad_mode.no_grad():
            if cls.setup_context is Function.setup_context:
                result = cls.forward(ctx, *args, **kwargs)
            else:   # the other style: forward(*args) without ctx, then setup_context fills ctx
                result = cls.forward(*args, **kwargs)
                cls.setup_context(ctx, args, result)
        if not (grad_mode._enabled and any(t._requires_grad for t in tensors)):
            return result
        outputs = list(result) if isinstance(result, tuple) else [result]
        for i, out in enumerate(outputs):
            if isinstance(out, Tensor) and any(out is t for t in tensors):
                outputs[i] = out = out.detach()   # PyTorch returns a new tensor, never an input
            if isinstance(out, Tensor) and id(out) not in ctx._non_differentiable:
                out._requires_grad = True
                out.grad_fn = _output_node(cls, ctx, i, out) if len(outputs) > 1 else ctx
        _record(ctx, [i for i, a in enumerate(args) if isinstance(a, Tensor)], tensors, outputs)
        return tuple(outputs) if isinstance(result, tuple) else outputs[0]


def _output_node(cls, ctx, index, out):
    node = cls._output_cls()
    node._next, node._saved, node._shape = [ctx], None, out._data.shape
    node._hooks = node._retain = node._grad = None
    node._backward = lambda g: (_Grads({index: g}),)
    return node


def _record(ctx, places, tensors, outputs):
    """Make ctx the Node of this call: its inputs' edges, what it saved, its backward rule.
    `places` are the positions of the tensor arguments among all of forward's arguments."""
    ctx._next = [t.grad_fn or t if t._requires_grad else None for t in tensors]
    saved = [t for t in getattr(ctx, "to_save", ()) if isinstance(t, Tensor)]
    if any(t.is_inference() for t in saved):
        raise RuntimeError(INFERENCE_SAVED)
    ctx._saved = [(t._counter, t._counter[0], t._data, t) for t in saved] or None
    ctx._shape = outputs[0]._data.shape if isinstance(outputs[0], Tensor) else ()
    ctx._hooks = ctx._retain = ctx._grad = None
    shapes = [t._data.shape for t in tensors]

    def backward(g):
        freeing = ctx._saved is None and saved   # the engine let go of the saved values
        if isinstance(g, _Grads):
            ctx._grad = None   # several outputs: no one gradient to show (torch.viz)
        else:
            g = _Grads({0: g})
        with grad_mode.no_grad():
            returned = type(ctx)._forward_cls.backward(ctx, *_grad_outputs(ctx, g, outputs))
        if freeing:   # as PyTorch, the saved tensors go with the rest of the graph
            ctx._freed, ctx.to_save = True, ()
        returned = returned if isinstance(returned, tuple) else (returned,)
        expected = len(ctx.needs_input_grad)
        if len(returned) > expected and all(g is None for g in returned[expected:]):
            returned = returned[:expected]   # extra Nones are allowed, as in PyTorch
        if len(returned) != expected:
            raise RuntimeError(f"function {type(ctx).__name__} returned an incorrect number of "
                               f"gradients (expected {expected}, got "
                               f"{len(returned)})")
        return [_checked(ctx, i, returned[i], shape) if edge is not None else None
                for i, edge, shape in zip(places, ctx._next, shapes)]
    ctx._backward = backward


def _grad_outputs(ctx, grads, outputs):
    """One gradient per output for the learner's backward: zeros where none arrived (unless
    materializing was switched off), None for outputs that are not tensors."""
    result = []
    for i, out in enumerate(outputs):
        if i in grads:
            result.append(_wrap(np.asarray(grads[i])))
        elif isinstance(out, Tensor) and ctx._materialize:
            result.append(_wrap(np.zeros_like(out._data)))
        else:
            result.append(None)
    return result


def _checked(ctx, index, grad, shape):
    """A returned gradient as an array of the input's shape: one that broadcasts to a larger
    shape is summed back, as PyTorch does; any other shape is an error."""
    if grad is None:
        return None
    if not isinstance(grad, Tensor):
        raise RuntimeError(f"expected Variable or None (got {type(grad).__name__})")
    g = grad._data
    if g.shape != shape:
        try:
            np.broadcast_to(np.empty(shape), g.shape)
        except ValueError:
            raise RuntimeError(f"Function {type(ctx).__name__} returned an invalid gradient at "
                               f"index {index} - got {list(g.shape)} but expected shape "
                               f"compatible with {list(shape)}") from None
        g = _unbroadcast(g, shape)
    return g


def once_differentiable(backward):
    """Marks a backward that cannot itself be differentiated. Every backward here runs without
    recording a graph (create_graph=True is outside the subset), so it changes nothing."""
    return backward


class _Grads(dict):
    """Gradients of several outputs of one call, by output position. The engine sums what flows
    into a Node with +, so they add up position by position."""

    def __add__(self, other):
        total = _Grads(self)
        for i, g in other.items():
            total[i] = total[i] + g if i in total else g
        return total


__getattr__ = module_getattr("torch.autograd.function")
