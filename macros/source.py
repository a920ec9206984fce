"""The `source` macro: `{{ source("microtorch.engine._op") }}` quotes a microtorch function or
class exactly as the code has it, as a highlighted code block titled with its file. Lesson 6
reads the real engine this way, so the page shows the new code whenever the engine changes."""

import importlib
import inspect
import re

from .content import ContentError


def quote(name: str, origin: str) -> str:
    """A fenced Python block holding the source of `name`, a dotted name inside microtorch."""
    module_name, _, attribute = name.rpartition(".")
    if not name.startswith("microtorch.") or not attribute:
        raise ContentError(origin, name, "source() quotes a name inside microtorch, "
                                         "like microtorch.engine._op")
    try:
        obj = importlib.import_module(module_name)
        for part in attribute.split("."):
            obj = getattr(obj, part)
        code = inspect.getsource(obj)
    except (ImportError, AttributeError, TypeError, OSError) as error:
        raise ContentError(origin, name, f"cannot quote it: {error}") from None
    path = inspect.getsourcefile(obj).replace("\\", "/")
    title = "microtorch/" + path.rpartition("/microtorch/")[2]
    fence = "`" * max(3, 1 + max((len(run) for run in re.findall(r"`+", code)), default=0))
    return f'{fence}python title="{title}"\n{code.rstrip()}\n{fence}'


def register(env) -> None:
    @env.macro
    def source(name: str) -> str:
        return quote(name, f"docs/{env.page.file.src_uri}")
