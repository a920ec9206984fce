"""PyTorch also accepts NumPy's keyword names: `x.sum(axis=0, keepdims=True)` is
`x.sum(dim=0, keepdim=True)`. Every Tensor method and torch function that takes `dim` or
`keepdim` gets the aliases, including ops added later to ops.py's table."""
import functools
import inspect

_ALIASES = {"axis": "dim", "keepdims": "keepdim"}


def _accepting_numpy_names(function):
    try:
        parameters = inspect.signature(function).parameters
    except (TypeError, ValueError):   # a built-in without a signature
        return function
    if not any(name in parameters for name in _ALIASES.values()):
        return function

    @functools.wraps(function)
    def with_numpy_names(*args, **kwargs):
        for numpy_name, name in _ALIASES.items() if kwargs else ():   # most calls pass none
            if numpy_name in kwargs:
                if name in kwargs:
                    raise TypeError(f"{function.__name__}() got an unexpected keyword argument "
                                    f"'{numpy_name}'")
                kwargs[name] = kwargs.pop(numpy_name)
        return function(*args, **kwargs)
    return with_numpy_names


def accept_numpy_names(tensor_class, torch_functions):
    for name, attribute in list(vars(tensor_class).items()):
        if inspect.isfunction(attribute):
            setattr(tensor_class, name, _accepting_numpy_names(attribute))
    for name, function in torch_functions.items():
        torch_functions[name] = _accepting_numpy_names(function)
