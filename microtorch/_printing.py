"""repr(tensor) exactly as PyTorch prints it, under the options of `torch.set_printoptions`.

By default floats get 4 decimals, or scientific notation when the values span more than three
orders of magnitude; floats that are all whole numbers print as `1.`; one shared width
right-aligns every element; rows wrap at 80 columns; tensors over 1000 elements show 3 items at
each edge.
"""
import math

import numpy as np

from . import _dtypes

_PROFILES = {
    "default": {"precision": 4, "threshold": 1000, "edgeitems": 3, "linewidth": 80},
    "short": {"precision": 2, "threshold": 1000, "edgeitems": 2, "linewidth": 80},
    "full": {"precision": 4, "threshold": math.inf, "edgeitems": 3, "linewidth": 80},
}


class _Options:
    """The print options in force; sci_mode None lets each tensor's values decide."""

    def __init__(self):
        vars(self).update(_PROFILES["default"], sci_mode=None)


OPTIONS = _Options()


def set_printoptions(precision=None, threshold=None, edgeitems=None, linewidth=None,
                     profile=None, sci_mode=None):
    """A profile ("default", "short", "full") sets the four numbers first, then the ones given
    override it; the others keep their values. sci_mode is set by every call (None: automatic)."""
    vars(OPTIONS).update(_PROFILES.get(profile, {}))
    given = {"precision": precision, "threshold": threshold, "edgeitems": edgeitems,
             "linewidth": linewidth}
    vars(OPTIONS).update({name: value for name, value in given.items() if value is not None},
                         sci_mode=sci_mode)


class _Format:
    """How to print every element of one tensor: decided once from all of its values."""

    def __init__(self, values):
        self.floating = values.dtype.kind == "f"
        self.int_mode = True
        self.sci = False
        self.width = 1
        flat = values.reshape(-1)
        if not self.floating:
            for v in flat.tolist():
                self.width = max(self.width, len(self._plain(v)))
            return
        finite = flat[np.isfinite(flat) & (flat != 0)].astype(np.float64)
        if finite.size == 0:
            return
        big, small = np.abs(finite).max(), np.abs(finite).min()
        self.int_mode = bool((finite == np.ceil(finite)).all())
        with np.errstate(over="ignore"):   # 1e300 / 1e-300 is simply "too wide"
            ratio_too_wide = big / small > 1000.0 or big > 1.0e8
        if self.int_mode:
            self.sci = ratio_too_wide if OPTIONS.sci_mode is None else OPTIONS.sci_mode
            strings = [f"{v:.{OPTIONS.precision}e}" if self.sci else f"{v:.0f}."
                       for v in finite.tolist()]
        else:
            self.sci = (ratio_too_wide or small < 1.0e-4) if OPTIONS.sci_mode is None else \
                OPTIONS.sci_mode
            spec = f".{OPTIONS.precision}{'e' if self.sci else 'f'}"
            strings = [format(v, spec) for v in finite.tolist()]
        self.width = max(len(s) for s in strings)

    @staticmethod
    def _plain(v):
        return str(v)

    def __call__(self, v):
        if not self.floating:
            s = str(v)
        elif self.sci:
            s = f"{v:{self.width}.{OPTIONS.precision}e}"
        elif self.int_mode:
            s = f"{v:.0f}" + ("" if math.isinf(v) or math.isnan(v) else ".")
        else:
            s = f"{v:.{OPTIONS.precision}f}"
        return s.rjust(self.width)


def _edges(values):
    """Only the first and last edgeitems along every dimension: what a summary shows."""
    edge = OPTIONS.edgeitems
    if values.ndim == 0:
        return values
    if values.shape[0] > 2 * edge:
        values = np.concatenate([values[:edge], values[-edge:]])
    if values.ndim == 1:
        return values
    return np.stack([_edges(row) for row in values]) if len(values) else values


def _body(values, fmt, indent, summarize):
    if values.ndim == 0:
        return fmt(values.item())
    n, edge = values.shape[0], OPTIONS.edgeitems
    if values.ndim == 1:
        per_line = max(1, math.floor((OPTIONS.linewidth - indent) / (fmt.width + 2)))
        if summarize and n > 2 * edge:
            items = ([fmt(v) for v in values[:edge].tolist()] + [" ..."]
                     + [fmt(v) for v in values[-edge:].tolist()])
        else:
            items = [fmt(v) for v in values.tolist()]
        lines = [", ".join(items[i:i + per_line]) for i in range(0, len(items), per_line)]
        return "[" + (",\n" + " " * (indent + 1)).join(lines) + "]"
    if summarize and n > 2 * edge:
        rows = ([_body(values[i], fmt, indent + 1, summarize) for i in range(edge)] + ["..."]
                + [_body(values[i], fmt, indent + 1, summarize) for i in range(n - edge, n)])
    else:
        rows = [_body(values[i], fmt, indent + 1, summarize) for i in range(n)]
    return "[" + ("," + "\n" * (values.ndim - 1) + " " * (indent + 1)).join(rows) + "]"


def _with_suffixes(text, suffixes, indent):
    last_line = len(text) - text.rfind("\n") + 1
    for suffix in suffixes:
        if last_line + len(suffix) + 2 > OPTIONS.linewidth:
            text += ",\n" + " " * indent + suffix
            last_line = indent + len(suffix)
        else:
            text += ", " + suffix
            last_line += len(suffix) + 2
    return text + ")"


def tensor_repr(t):
    values = t._data
    prefix = "tensor("
    indent = len(prefix)
    suffixes = []
    dtype = t.dtype
    default_float = _dtypes.get_default_dtype()
    default_dtype = dtype in (default_float, _dtypes.int64, _dtypes.bool_)
    if values.size == 0:
        if values.ndim != 1:
            suffixes.append(f"size={tuple(values.shape)}")
        if dtype is not default_float:
            suffixes.append(f"dtype={dtype!r}")
        body = "[]"
    else:
        if not default_dtype:
            suffixes.append(f"dtype={dtype!r}")
        summarize = values.size > OPTIONS.threshold
        fmt = _Format(_edges(values) if summarize else values)
        body = _body(values, fmt, indent, summarize)
    if t.grad_fn is not None:
        suffixes.append(f"grad_fn=<{type(t.grad_fn).__name__}>")
    elif t._requires_grad:
        suffixes.append("requires_grad=True")
    return _with_suffixes(prefix + body, suffixes, indent)
