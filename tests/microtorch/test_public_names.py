"""The learner's page "What microtorch is" promises names; each must exist, and each argument it
names must be accepted. A sample of PyTorch beyond the subset must be refused by name, never
answered by an AttributeError or a wrong result."""
import builtins
import inspect
import re
from pathlib import Path

import pytest

import microtorch

PAGE = Path(__file__).resolve().parents[2] / "docs" / "microtorch.md"
# Where a bare name on the page may live, searched in this order.
NAMESPACES = ["", "Tensor", "nn", "nn.Module", "nn.functional", "nn.init", "nn.utils", "optim",
              "optim.lr_scheduler", "autograd", "autograd.function", "autograd.functional",
              "utils.data"]
# `name`, `torch.a.b`, `.grad`, `backward()`, `inference_mode(False)` (a call: the values are
# examples) or `backward(gradient=, retain_graph=)` (each `name=` must be a parameter).
NAME = re.compile(r"^\.?(?P<path>[A-Za-z_][\w.]*)(?:\((?P<args>[\w\s,=*.'\"-]*)\))?$")
# Python's own functions applied to tensors (`abs(t)`, `math.floor(t)`) are not microtorch names;
# the catalogue checks that they work.
PYTHON = set(dir(builtins)) | {"math"}


def covered_spans() -> list[str]:
    text = PAGE.read_text()
    section = text.split("## What it covers", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"`([^`\n]+)`", section)


def _sample_tensor():
    """A non-leaf after backward, so `grad_fn` and `.grad` are both there to look up."""
    y = microtorch.tensor([1.0, 2.0], requires_grad=True) * 2
    y.retain_grad()
    y.sum().backward()
    return y


def _attribute(obj, name):
    """obj.name, or for a class an attribute its instances get (ctx.needs_input_grad)."""
    if obj is microtorch.Tensor:
        return getattr(_sample_tensor(), name)
    try:
        return getattr(obj, name)
    except AttributeError:
        if not isinstance(obj, type):
            raise
        try:
            return getattr(obj(), name)
        except TypeError:   # it needs arguments to be made: no instance to ask
            raise AttributeError(name) from None


def resolve(path: str):
    """The object a page name refers to, or None."""
    path = path.removeprefix("torch.").removeprefix("microtorch.")
    if path.startswith("ctx."):   # set on a Function's ctx as it runs, so look where it is set
        source = inspect.getsource(microtorch.autograd.function)
        return path if re.search(rf"ctx\.{path[4:]}\s*=", source) else None
    for namespace in NAMESPACES:
        obj = microtorch
        try:
            for part in filter(None, f"{namespace}.{path}".split(".")):
                obj = _attribute(obj, part)
            return obj
        except (AttributeError, NotImplementedError):
            continue
    return None


def accepts(obj, argument: str) -> bool:
    try:
        parameters = inspect.signature(obj).parameters
    except (TypeError, ValueError):
        return False
    return argument in parameters


NODE = re.compile(r"^([A-Z]\w*Backward\d|CopySlices)$")
SPANS = [span for span in covered_spans() if NAME.match(span) and not NODE.match(span)
         and NAME.match(span)["path"].split(".")[0] not in PYTHON]
NODES = [span for span in covered_spans() if NODE.match(span)]


def test_the_page_lists_many_names():
    assert len(SPANS) >= 60, SPANS


@pytest.mark.parametrize("span", SPANS)
def test_every_name_on_the_page_exists(span):
    match = NAME.match(span)
    obj = resolve(match["path"])
    assert obj is not None, f"docs/microtorch.md promises `{span}`, which microtorch lacks"
    for argument in (a.split("=")[0].strip() for a in (match["args"] or "").split(",") if "=" in a):
        assert accepts(obj, argument), f"`{span}`: {match['path']} takes no argument {argument!r}"


@pytest.mark.parametrize("node", NODES)
def test_every_node_name_on_the_page_is_printed_by_some_op(node):
    sources = "".join(path.read_text() for path in PAGE.parents[1].glob("microtorch/**/*.py"))
    assert re.search(rf"[\"':]{node}\"", sources), f"no microtorch op records a {node}"


OUTSIDE = {
    "nn.Conv2d": "torch.nn.Conv2d",
    "nn.LSTM": "torch.nn.LSTM",
    "nn.Transformer": "torch.nn.Transformer",
    "optim.LBFGS": "torch.optim.LBFGS",
    "fft": "torch.fft",
    "distributions": "torch.distributions",
    "compile": "torch.compile",
    "nn.functional.conv2d": "torch.nn.functional.conv2d",
    "Tensor.to_sparse": "Tensor.to_sparse",
}


@pytest.mark.parametrize("path", sorted(OUTSIDE))
def test_names_outside_the_subset_are_refused_by_name(path):
    obj = microtorch
    *parents, last = path.split(".")
    for part in parents:
        obj = _sample_tensor() if part == "Tensor" else getattr(obj, part)
    with pytest.raises(NotImplementedError) as refusal:
        getattr(obj, last)
    message = str(refusal.value)
    assert message.startswith("microtorch implements a teaching subset of PyTorch; ")
    assert OUTSIDE[path] in message, message
