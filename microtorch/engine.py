"""The autograd engine: how microtorch records a graph and runs it backward. Read it top to bottom.

Every differentiable op (ops.py) computes its result with NumPy and then calls `_op`. If
gradients are on and an input requires grad, `_op` gives the result a `grad_fn`: a Node that
holds

* `_backward`: the op's chain rule, a closure turning the gradient of the op's output into one
  gradient per input (written in ops.py right next to the forward computation), and
* `_next`: where each input's gradient goes next: the input's own Node, the input itself if it
  is a leaf that requires grad, or None.

`loss.backward()` and `torch.autograd.grad` are two thin callers of one walk, `_walk`, which
visits the Nodes from the loss back to the leaves in topological order, so that each Node runs
once, with the sum of every gradient flowing into it. `backward` then adds each leaf's gradient
into its `.grad`; `grad` hands the requested gradients back and touches no `.grad`.

Two details make the result match PyTorch:

* Broadcasting copies an input along some dimensions, so its gradient is the sum of the output's
  gradient over those dimensions (`_unbroadcast`).
* A Node keeps what its backward needs ("saved tensors") only until the first backward, unless
  `retain_graph=True`; an in-place change to a saved tensor is caught by its version counter
  (_inplace.py changes tensors in place, and moves a changed tensor onto the op's new Node).

The graph holds no reference cycles: a Tensor points to its Node, a Node to the Nodes and leaves
of its inputs, never back to the Tensor it produced. Dropping the loss frees the graph at once
(only an op that saves its own result as a tensor, like `y.mul_(y)` or a custom Function that
saves its output, makes a cycle, which Python's collector frees later).
"""
import weakref

import numpy as np

from . import _dtypes, grad_mode
from ._errors import INFERENCE_SAVED, freed_graph, modified_in_place, unsupported
from ._silent import silent
from ._tensor import Size, Tensor, _as_tensor, _wrap


class Node:
    """One recorded op, seen from the backward pass. Its class name is PyTorch's (MulBackward0).

    `_saved` lists what backward will read, to check it is unchanged (None: nothing), `_shape`
    is the output's shape, and `_grad` the gradient that reached this Node in the latest walk
    (both for torch.viz: the Node keeps no values of its own).
    """

    __slots__ = ("_backward", "_next", "_saved", "_shape", "_hooks", "_retain", "_grad",
                 "__weakref__")

    def name(self):
        return type(self).__name__

    @property
    def next_functions(self):
        """((node, 0), ...) for each input, as in PyTorch; a leaf appears as its AccumulateGrad."""
        return tuple((_accumulator(n) if isinstance(n, Tensor) else n, 0) for n in self._next)

    def register_hook(self, hook):
        raise unsupported("Node.register_hook (register the hook on the tensor instead)")

    def __repr__(self):
        return f"<{type(self).__name__} object at {hex(id(self))}>"


_node_types = {}


def _node_type(name):
    """The Node subclass called `name`, made on first use, so that `type(y.grad_fn).__name__`
    is PyTorch's name for the op's backward."""
    node_type = _node_types.get(name)
    if node_type is None:   # "torch::autograd::CopySlices" is the class CopySlices
        node_type = _node_types[name] = type(name.rpartition("::")[2], (Node,),
                                             {"__slots__": (), "name": lambda self: name})
    return node_type


class AccumulateGrad:
    """The graph's view of a leaf: where its gradient is accumulated into `.grad`."""

    __slots__ = ("_variable",)

    def __init__(self, variable):
        self._variable = weakref.ref(variable)   # weak: the leaf keeps this object alive

    @property
    def variable(self):
        return self._variable()

    def name(self):
        return "torch::autograd::AccumulateGrad"

    next_functions = ()

    def __repr__(self):
        return f"<AccumulateGrad object at {hex(id(self))}>"


def _accumulator(leaf):
    # Cached on the leaf so that the same leaf always shows the same AccumulateGrad, as in PyTorch.
    extras = leaf._extras_dict()
    if "acc" not in extras:
        extras["acc"] = AccumulateGrad(leaf)
    return extras["acc"]


def _op(data, name, backward, inputs, saves=(), saves_output=False):
    """Wrap an op's result `data`; record a Node called `name` if gradients are on and any
    input requires grad.

    `inputs` lists the op's tensor operands (None for a Python number); `backward(g)` returns one
    gradient per input (None where none is needed). `saves` are the operands whose values
    backward reads, `saves_output` says it reads the result: PyTorch frees those after backward,
    refuses a second backward through them, and refuses one after they changed in place.
    """
    out = _wrap(data)
    if not grad_mode._enabled:
        return out
    edges = []
    recording = False
    for t in inputs:
        if t is not None and t._requires_grad:
            edges.append(t.grad_fn or t)   # where this input's gradient goes next
            recording = True
        else:
            edges.append(None)
    if not recording or out._data.dtype.kind != "f":   # integers and bools have no gradient
        return out
    try:
        node = _node_types[name]()
    except KeyError:   # the first op of its kind
        node = _node_type(name)()
    node._backward = backward
    node._next = edges
    saved = None
    if saves or saves_output:
        saved = []
        for t in saves:
            if isinstance(t, Tensor):   # skips None and Python numbers
                if t._extras is not None and t._extras.get("inference"):
                    raise RuntimeError(INFERENCE_SAVED)
                saved.append((t._counter, t._counter[0], t._data, t))
        if saves_output:
            saved.append((out._counter, 0, out._data, name))
    node._saved = saved
    node._shape = out._data.shape
    node._hooks = node._retain = node._grad = None
    out._requires_grad = True
    out.grad_fn = node
    return out


def _unbroadcast(g, shape):
    """Backward of broadcasting: sum `g` over the dimensions that broadcasting added or stretched,
    so the gradient has exactly the input's `shape` (size-1 and 0-d dimensions included)."""
    if g.shape == shape:
        return g
    lead = g.ndim - len(shape)
    if lead:
        g = g.sum(axis=tuple(range(lead)))
    stretched = tuple(i for i, n in enumerate(shape) if n == 1 and g.shape[i] != 1)
    if stretched:
        g = g.sum(axis=stretched, keepdims=True)
    return np.asarray(g)


def _walk(roots, seeds, retain_graph, inputs=None):
    """The backward pass: from `roots`, whose gradients are `seeds`, back to the leaves.

    Returns the Nodes reached, each holding in `_grad` the gradient that reached it (None if
    none did), and {id(leaf): [leaf, its summed gradient]}. With `inputs` (autograd.grad) only
    the Nodes that lead to one of them run, and only those leaves count.
    """
    grads = {}    # Node -> gradient flowing into it so far, summed over all its uses
    leaves = {}   # the same for leaves, by id (a Tensor's own __hash__ is a slower Python call)
    for t, g in zip(roots, seeds):
        if t.grad_fn is None:
            _add_to_leaf(leaves, t, g)
        else:
            grads[t.grad_fn] = grads[t.grad_fn] + g if t.grad_fn in grads else g

    # 1. Count, for every Node reachable from the roots, how many edges lead into it. An explicit
    #    to-do list instead of recursion, so a graph thousands of ops deep is no problem.
    pending = dict.fromkeys(grads, 0)
    todo = list(grads)
    while todo:
        for nxt in todo.pop()._next:
            if isinstance(nxt, Node):
                if nxt in pending:
                    pending[nxt] += 1
                else:
                    pending[nxt] = 1
                    todo.append(nxt)
    needed = None if inputs is None else _leading_to(inputs, pending)

    # 2. Run a Node once all its consumers have handed it their gradient (topological order).
    ready = [n for n in grads if pending[n] == 0]
    while ready:
        node = ready.pop()
        g = grads.pop(node, None)
        if g is not None and node._hooks:
            g = _run_hooks(node._hooks, g)
        node._grad = g
        if g is not None and (needed is None or node in needed):
            backward = node._backward
            if backward is None:
                raise freed_graph()
            saved = node._saved
            if saved is not None:   # check what the rule saved is unchanged, then let it go
                for counter, version, data, producer in saved:
                    if counter[0] != version:   # changed in place since it was saved
                        if isinstance(producer, Tensor):   # named by its grad_fn now, as PyTorch
                            producer = producer.grad_fn and producer.grad_fn.name()
                        raise modified_in_place(_dtypes.from_numpy_dtype(data.dtype)._legacy,
                                                data.shape, producer, counter[0], version)
                if not retain_graph:
                    node._backward = node._saved = None   # the closure held the saved values
            input_grads = backward(g)
        else:   # nothing to pass on, but the inputs must not wait for it
            input_grads = (None,) * len(node._next)
        for nxt, gi in zip(node._next, input_grads):
            if isinstance(nxt, Node):
                if gi is not None:
                    earlier = grads.get(nxt)
                    grads[nxt] = gi if earlier is None else earlier + gi
                count = pending[nxt] - 1
                pending[nxt] = count
                if count == 0:
                    ready.append(nxt)
            elif nxt is not None and gi is not None and (needed is None or id(nxt) in needed):
                _add_to_leaf(leaves, nxt, gi)

    # 3. A leaf's hooks see its total gradient, once.
    for entry in leaves.values():
        hooks = entry[0]._extras and entry[0]._extras.get("hooks")
        if hooks:
            entry[1] = _run_hooks(hooks, entry[1])
    return pending, leaves


def _leading_to(inputs, pending):
    """For autograd.grad: the Nodes from which one of `inputs` can be reached, and the ids of
    the leaves among `inputs`. Running other Nodes would be wasted work, and could fail on values an
    earlier backward freed."""
    remaining = dict(pending)
    order = [n for n, count in remaining.items() if count == 0]
    for node in order:   # grows while we read it: a topological order, roots first
        for nxt in node._next:
            if isinstance(nxt, Node):
                remaining[nxt] -= 1
                if remaining[nxt] == 0:
                    order.append(nxt)
    wanted = {t.grad_fn for t in inputs if t.grad_fn is not None}
    needed = {id(t) for t in inputs if t.grad_fn is None}
    for node in reversed(order):   # inputs' side first: a Node is needed if it feeds one
        for nxt in node._next:
            if isinstance(nxt, Node) and (nxt in needed or nxt in wanted) or \
                    isinstance(nxt, Tensor) and id(nxt) in needed:
                needed.add(node)
                break
    return needed


def _add_to_leaf(leaves, leaf, g):
    entry = leaves.get(id(leaf))
    if entry is None:
        leaves[id(leaf)] = [leaf, g]
    else:
        entry[1] = entry[1] + g


def _run_hooks(hooks, g):
    for hook in list(hooks):
        result = hook(_wrap(g))
        if result is not None:
            g = result._data
    return g


def _seeds(tensors, grad_tensors):
    """The gradient each root starts with: `grad_tensors`, or 1 for a scalar root."""
    grad_tensors = _as_tuple(grad_tensors) or (None,) * len(tensors)
    seeds = []
    for i, (t, g) in enumerate(zip(tensors, grad_tensors)):
        if not t._requires_grad:
            raise RuntimeError(f"element {i} of tensors does not require grad and does not have "
                               "a grad_fn")
        if g is None:
            if t._data.size != 1:
                raise RuntimeError("grad can be implicitly created only for scalar outputs")
            seeds.append(np.ones_like(t._data))
            continue
        g = _as_tensor(g)._data
        if g.shape != t._data.shape:
            raise RuntimeError(f"Mismatch in shape: grad_output[{i}] has a shape of "
                               f"{Size(g.shape)!r} and output[{i}] has a shape of "
                               f"{Size(t._data.shape)!r}.")
        seeds.append(g)
    return seeds


def _as_tuple(x):
    if x is None:
        return None
    return tuple(x) if isinstance(x, (tuple, list)) else (x,)


def _accumulate(t, g):
    g = np.array(g, dtype=t._data.dtype)   # a copy: .grad never aliases other memory
    t._grad = _wrap(g) if t._grad is None else _wrap(t._grad._data + g)


@silent   # inf and nan gradients arrive silently, as in PyTorch
def backward(tensors, grad_tensors=None, retain_graph=None, create_graph=False, inputs=None):
    """torch.autograd.backward: add d(tensors)/d(leaf) into every leaf's `.grad`, and into the
    `.grad` of non-leaf tensors that asked for it with retain_grad()."""
    if create_graph:
        raise unsupported("create_graph=True (higher-order gradients)")
    if inputs is not None:
        raise unsupported("backward(inputs=...)")
    tensors = _as_tuple(tensors)
    nodes, leaves = _walk(tensors, _seeds(tensors, grad_tensors), retain_graph)
    for leaf, g in leaves.values():
        _accumulate(leaf, g)
    for node in nodes:
        owner = node._retain and node._retain()
        if owner is not None and node._grad is not None:
            _accumulate(owner, node._grad)


def tensor_backward(self, gradient=None, retain_graph=None, create_graph=False, inputs=None):
    """Tensor.backward: `gradient` is required unless self is a scalar; it is the vector in the
    vector-Jacobian product."""
    backward((self,), (gradient,), retain_graph, create_graph, inputs)


@silent
def grad(outputs, inputs, grad_outputs=None, retain_graph=None, create_graph=False,
         allow_unused=None, materialize_grads=False):
    """torch.autograd.grad: d(outputs)/d(inputs) as a tuple, leaving every `.grad` untouched."""
    if create_graph:
        raise unsupported("create_graph=True (higher-order gradients)")
    outputs, inputs = _as_tuple(outputs), _as_tuple(inputs)
    nodes, leaves = _walk(outputs, _seeds(outputs, grad_outputs), retain_graph, inputs)
    results = []
    for index, t in enumerate(inputs):
        if not t._requires_grad:
            raise RuntimeError("One of the differentiated Tensors does not require grad")
        if t.grad_fn is None:
            g = leaves[id(t)][1] if id(t) in leaves else None
        else:
            g = t.grad_fn._grad if t.grad_fn in nodes else None
        if g is None and materialize_grads:
            g = np.zeros_like(t._data)
        elif g is None and not allow_unused:
            raise RuntimeError(f"The differentiated Tensor at index {index} appears to not have "
                               "been used in the graph. Set allow_unused=True if this is the "
                               "desired behavior.")
        results.append(None if g is None else _wrap(np.array(g, dtype=t._data.dtype)))
    return tuple(results)
