"""Whether ops record a graph: `no_grad`, `enable_grad`, `set_grad_enabled`, `inference_mode`.

Two module-level switches that the engine reads on every op. `inference_mode` is `no_grad` plus
a promise, as in PyTorch: the tensors made under it ("inference tensors") never take part in a
graph later, so saving one for backward, or changing one in place outside the mode, is an error.
"""
import functools

_enabled = True      # ops record a graph
_inference = False   # tensors made now are inference tensors


def is_grad_enabled():
    return _enabled


def is_inference_mode_enabled():
    return _inference


class _Mode:
    """A context manager that is also a decorator. Subclasses say which switches they set."""

    def _switches(self):
        raise NotImplementedError

    def __enter__(self):
        global _enabled, _inference
        self._prev = _enabled, _inference
        _enabled, _inference = self._switches()

    def __exit__(self, *exc):
        global _enabled, _inference
        _enabled, _inference = self._prev

    def __call__(self, func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            with self.__class__(*self._args):
                return func(*args, **kwargs)
        return wrapper

    _args = ()


class _NoParamMode(_Mode):
    """One that also decorates without parentheses: `@torch.no_grad` as `@torch.no_grad()`."""

    def __new__(cls, orig_func=None):
        if orig_func is None:
            return super().__new__(cls)
        return cls()(orig_func)


class no_grad(_NoParamMode):
    """Inside `with no_grad():` ops record nothing: results have no grad_fn."""

    def _switches(self):
        return False, _inference


class enable_grad(_NoParamMode):
    def _switches(self):
        return True, _inference


class inference_mode(_Mode):
    """Like no_grad, and every tensor made inside is an inference tensor. `inference_mode(False)`
    switches it off again inside an outer one."""

    def __new__(cls, mode=True):
        if isinstance(mode, bool):
            return super().__new__(cls)
        return cls()(mode)   # used bare: @torch.inference_mode

    def __init__(self, mode=True):
        self._args = (mode,)

    def _switches(self):
        mode = bool(self._args[0])
        return not mode, mode


class set_grad_enabled(_Mode):
    """Switch recording on or off; works as a plain call and as a context manager."""

    def __init__(self, mode):
        global _enabled
        self._args = (mode,)
        self._prev = _enabled, _inference
        _enabled = bool(mode)

    def _switches(self):
        return bool(self._args[0]), _inference

    def __enter__(self):
        return None
