"""Error texts kept out of the engine's way: the refusal microtorch adds for what it leaves out,
and PyTorch's long autograd messages, word for word."""
import importlib.abc
import re
import sys


def unsupported(feature):
    """The exception to raise for anything outside the teaching subset (never a wrong answer)."""
    return NotImplementedError(
        f"microtorch implements a teaching subset of PyTorch; {feature} is not part of it")


def module_getattr(module_name):
    """A module-level __getattr__ that turns a missing public name into that refusal."""
    def __getattr__(name):
        if name.startswith("_"):
            raise AttributeError(f"module '{module_name}' has no attribute '{name}'")
        raise unsupported(f"{module_name}.{name}")
    return __getattr__


NON_LEAF_GRAD = (
    "The .grad attribute of a Tensor that is not a leaf Tensor is being accessed. Its "
    ".grad attribute won't be populated during autograd.backward(). If you indeed want"
    " the .grad field to be populated for a non-leaf Tensor, use .retain_grad() on "
    "the non-leaf Tensor. If you access the non-leaf Tensor by mistake, make sure you "
    "access the leaf Tensor instead. See github.com/pytorch/pytorch/pull/30531 for "
    "more information.")

T_NOT_2D = (
    "The use of `x.T` on tensors of dimension other than 2 to reverse their shape is "
    "deprecated and it will throw an error in a future release. Consider `x.mT` to "
    "transpose batches of matrices or `x.permute(*torch.arange(x.ndim - 1, -1, -1))` "
    "to reverse the dimensions of a tensor.")


def freed_graph():
    """A second backward through Nodes whose saved values the first one freed."""
    return RuntimeError(
        "Trying to backward through the graph a second time (or directly access saved tensors "
        "after they have already been freed). Saved intermediate values of the graph are freed "
        "when you call .backward() or autograd.grad(). Specify retain_graph=True if you need to "
        "backward through the graph a second time or if you need to access saved tensors after "
        "calling backward.")


def modified_in_place(type_name, shape, producer, now, expected):
    """A saved value changed in place between forward and backward (its version moved on)."""
    what = f"[torch.{type_name} {list(shape)}]"
    if producer is not None:   # the name of the Node whose output it is
        what += f", which is output 0 of {re.sub(r'Backward[0-9]+$', '', producer)},"
    return RuntimeError(
        "one of the variables needed for gradient computation has been modified by an "
        f"inplace operation: {what} is at version {now}; expected version "
        f"{expected} instead. Hint: enable anomaly detection to find the operation that "
        "failed to compute its gradient, with torch.autograd.set_detect_anomaly(True, "
        "check_nan=False).")


class UnsupportedModules(importlib.abc.MetaPathFinder):
    """Last on sys.meta_path: `import torch.utils` (any submodule microtorch lacks) raises the
    subset's refusal naming it, where Python would say only ModuleNotFoundError."""

    def find_spec(self, fullname, path=None, target=None):
        parent, _, child = fullname.rpartition(".")
        owner = sys.modules.get(parent)
        if owner is None or not getattr(owner, "__name__", "").startswith("microtorch"):
            return None
        name = "torch" + f"{owner.__name__}.{child}"[len("microtorch"):]
        raise unsupported(f"the module {name}")


def refuse_missing_modules():
    if not any(isinstance(f, UnsupportedModules) for f in sys.meta_path):
        sys.meta_path.append(UnsupportedModules())

INFERENCE_INPLACE = (
    "Inplace update to inference tensor outside InferenceMode is not allowed.You can make a "
    "clone to get a normal tensor before doing inplace update.See "
    "https://github.com/pytorch/rfcs/pull/17 for more details.")

INFERENCE_SAVED = (
    "Inference tensors cannot be saved for backward. Please do not use Tensors created in "
    "inference mode in computation tracked by autograd. To work around this, you can make a "
    "clone to get a normal tensor and use it in autograd, or use `torch.no_grad()` instead of "
    "`torch.inference_mode()`.")
