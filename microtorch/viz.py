"""The computation graph behind a tensor, as plain data (for the browser to draw) and as
Graphviz DOT.

    loss.backward()
    viz.graph(loss)                   # {"nodes": [...], "edges": [...]}
    print(viz.to_dot(loss, names={"weight": w}))
    viz.show(loss)   # drawn below the code cell on the site; printed as DOT elsewhere

Nodes are the tensors of the computation: leaves (the tensors that require grad) and op results
(labelled with the op's grad_fn name). A leaf is labelled with the caller's variable that holds
it (`w`, or `model.weight` for a parameter of a module the caller holds), looked up in the
locals and globals of the code that called graph, to_dot or show; `names` gives labels of one's
own, to leaves and op results alike, and wins over a variable's name. Each node carries its
shape, value and gradient (a leaf's `.grad`; for an op result, the gradient that reached it in
the latest backward, or None). An op result's value is known for `tensor` and the tensors in
`names`; for the others it is None, as the graph, like PyTorch's, keeps no values it does not
need. Edges point the way values flow, from an op's inputs to its result. Tensors that do not
require grad (the data) are not part of the graph, as in PyTorch.
"""
import re
import sys

import numpy as np

from ._tensor import Tensor
from .engine import Node
from .nn.modules.module import Module

__all__ = ["graph", "to_dot", "show", "set_display"]

_display = None  # where show() sends the DOT; the site's cell runner installs one


def _as_list(array):
    return None if array is None else np.asarray(array).tolist()


def _op_name(node):
    return re.sub(r"Backward\d*$", "", type(node).__name__)


def _callers_names():
    """{id(tensor): name} for the tensors the calling code's variables hold, and the parameters
    of the modules they hold ("model.0.weight"), from the first frame outside this module. A
    tensor held by several names gets the first found: locals before globals, each in its
    dictionary's order (a cell's: the order its names were first bound)."""
    frame = sys._getframe(1)
    while frame is not None and frame.f_globals.get("__name__") == __name__:
        frame = frame.f_back
    if frame is None:
        return {}
    scopes = [frame.f_locals] if frame.f_locals is frame.f_globals else [frame.f_locals, frame.f_globals]
    found = {}
    for scope in scopes:
        for name, value in list(scope.items()):
            if isinstance(value, Tensor):
                found.setdefault(id(value), name)
    for scope in scopes:
        for name, value in list(scope.items()):
            if isinstance(value, Module):
                for path, parameter in value.named_parameters(prefix=name):
                    found.setdefault(id(parameter), path)
    return found


def graph(tensor, names=None):
    """The graph that produced `tensor` as {"nodes": [...], "edges": [...]}.

    Each node: id ("n0" is `tensor` itself), kind ("op" or "leaf"), op (e.g. "Mul", or None for a
    leaf), grad_fn (e.g. "MulBackward0"), label (the name given in `names`, else, for a leaf,
    the name of the caller's variable that holds it, else the op or "leaf"), shape, value and
    grad (nested lists, grad None when unknown).
    Each edge: {"source": input node id, "target": result node id}.
    """
    if not isinstance(tensor, Tensor):
        raise TypeError(f"viz.graph expects a Tensor, got {type(tensor).__name__}")
    # A leaf is its own node; an op result is found through its grad_fn. The variables name
    # leaves only: a box keeps its op's name, which is what it shows.
    leaf_names = _callers_names()
    labels = {id(t.grad_fn if t.grad_fn is not None else t): name
              for name, t in (names or {}).items()}
    # A Node keeps no values: an op's result is known only if its tensor is at hand.
    values = {id(t.grad_fn): t._data for t in [tensor, *(names or {}).values()]
              if t.grad_fn is not None}
    ids, nodes, edges = {}, [], []

    def visit(item):
        key = id(item)
        if key in ids:
            return ids[key], False
        ids[key] = f"n{len(ids)}"
        if isinstance(item, Node):
            kind, op, grad_fn = "op", _op_name(item), type(item).__name__
            value, grad = values.get(key), item._grad
        else:
            kind, op, grad_fn = "leaf", None, None
            value, grad = item._data, None if item._grad is None else item._grad._data
        nodes.append({"id": ids[key], "kind": kind, "op": op, "grad_fn": grad_fn,
                      "label": labels.get(key, op or leaf_names.get(key, "leaf")),
                      "shape": list(item._shape if kind == "op" else np.shape(value)),
                      "value": _as_list(value), "grad": _as_list(grad)})
        return ids[key], True

    root = tensor.grad_fn if tensor.grad_fn is not None else tensor
    visit(root)
    stack = [root]
    while stack:   # iterative: deep graphs need no recursion
        item = stack.pop()
        if not isinstance(item, Node):
            continue
        for source in item._next:
            if source is None:
                continue
            source_id, new = visit(source)
            edges.append({"source": source_id, "target": ids[id(item)]})
            if new:
                stack.append(source)
    return {"nodes": nodes, "edges": edges}


def _short(values):
    if values is None:
        return "None"
    array = np.asarray(values, dtype=float)
    if array.size > 6:
        return "…"
    return np.array2string(array, precision=4, separator=", ", suppress_small=True)


def to_dot(tensor, names=None):
    """The same graph in Graphviz's DOT language: boxes for results, ellipses for leaves."""
    data = graph(tensor, names)
    # No background of its own: the page's shows through, whatever its colour scheme.
    lines = ["digraph {", "  rankdir=LR;", "  bgcolor=transparent;", '  node [fontname="Helvetica", fontsize=11];']
    for node in data["nodes"]:
        text = "\\n".join([node["label"], "shape " + str(tuple(node["shape"])),
                           "value " + _short(node["value"]), "grad " + _short(node["grad"])])
        text = text.replace('"', '\\"')
        shape = "ellipse" if node["kind"] == "leaf" else "box"
        lines.append(f'  {node["id"]} [label="{text}", shape={shape}];')
    for edge in data["edges"]:
        lines.append(f'  {edge["source"]} -> {edge["target"]};')
    lines.append("}")
    return "\n".join(lines) + "\n"


def set_display(hook):
    """Make show() call `hook(dot)` instead of printing (None: print again). The site's cell
    runner installs a hook that draws the graph below the cell."""
    global _display
    _display = hook


def show(tensor, names=None):
    """Draw the graph that produced `tensor`: below the code cell on the site, as DOT text on a
    terminal. Leaves carry the names of the caller's variables; `names` overrides them."""
    dot = to_dot(tensor, names)
    if _display is None:
        print(dot, end="")
    else:
        _display(dot)
