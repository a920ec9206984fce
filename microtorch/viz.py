"""The computation graph behind a tensor, as plain data (for the browser to draw) and as
Graphviz DOT.

    loss.backward()
    viz.graph(loss, names={"w": w, "b": b})   # {"nodes": [...], "edges": [...]}
    print(viz.to_dot(loss, names={"w": w}))
    viz.show(loss)   # drawn below the code cell on the site; printed as DOT elsewhere

Nodes are the tensors of the computation: leaves (the tensors that require grad) and op results
(labelled with the op's grad_fn name). Each carries its shape, value and gradient (a leaf's
`.grad`; for an op result, the gradient that reached it in the latest backward, or None). An op
result's value is known for `tensor` and the tensors in `names`; for the others it is None, as
the graph, like PyTorch's, keeps no values it does not need. Edges point the way values flow,
from an op's inputs to its result. Tensors that do not require grad (the data) are not part of
the graph, as in PyTorch.
"""
import re

import numpy as np

from ._tensor import Tensor
from .engine import Node

__all__ = ["graph", "to_dot", "show", "set_display"]

_display = None  # where show() sends the DOT; the site's cell runner installs one


def _as_list(array):
    return None if array is None else np.asarray(array).tolist()


def _op_name(node):
    return re.sub(r"Backward\d*$", "", type(node).__name__)


def graph(tensor, names=None):
    """The graph that produced `tensor` as {"nodes": [...], "edges": [...]}.

    Each node: id ("n0" is `tensor` itself), kind ("op" or "leaf"), op (e.g. "Mul", or None for a
    leaf), grad_fn (e.g. "MulBackward0"), label (the name given in `names`, else the op or
    "leaf"), shape, value and grad (nested lists, grad None when unknown).
    Each edge: {"source": input node id, "target": result node id}.
    """
    if not isinstance(tensor, Tensor):
        raise TypeError(f"viz.graph expects a Tensor, got {type(tensor).__name__}")
    # A named result is found through its grad_fn, a named leaf through itself.
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
                      "label": labels.get(key, op or "leaf"),
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
    lines = ["digraph {", "  rankdir=LR;", '  node [fontname="Helvetica", fontsize=11];']
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
    terminal."""
    dot = to_dot(tensor, names)
    if _display is None:
        print(dot, end="")
    else:
        _display(dot)
