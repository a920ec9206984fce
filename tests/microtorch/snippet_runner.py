"""Load the snippet catalogue and run one snippet the way a learner's code cell would.

Shared by scripts/make_golden.py (which runs the snippets under real PyTorch) and
test_differential.py (which runs them under microtorch), so both sides see exactly the same
loading, isolation and capture rules.

Catalogue format (also used by `outside_subset/`, PyTorch code microtorch must refuse): every
`catalogue/<topic>.py` file holds snippets, each starting at a line
`# %% <name>` and running to the next such line. A snippet's id is `<topic>/<name>`.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import importlib
import io
import pkgutil
import re
import sys
import warnings
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

CATALOGUE = Path(__file__).resolve().parent / "catalogue"
OUTSIDE_SUBSET = Path(__file__).resolve().parent / "outside_subset"
CORPUS = Path(__file__).resolve().parent / "corpus"
GOLDEN = Path(__file__).resolve().parent / "golden.json"
_MARKER = re.compile(r"^# %% (.*)$")
_NAME = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Snippet:
    id: str
    code: str

    @property
    def digest(self) -> str:
        """Stored beside each golden output, so an edited snippet with a stale golden is caught
        even where torch is absent."""
        return hashlib.sha256(self.code.encode()).hexdigest()[:16]


def load_catalogue(directory: Path = CATALOGUE) -> list[Snippet]:
    snippets: list[Snippet] = []
    seen: set[str] = set()
    for path in sorted(directory.glob("*.py")):
        name, lines = None, []
        for number, line in enumerate(path.read_text().splitlines() + ["# %% <end>"], start=1):
            match = _MARKER.match(line)
            if not match:
                if name is not None:
                    lines.append(line)
                continue
            if name is not None:
                code = "\n".join(lines).strip() + "\n"
                if not code.strip():
                    raise ValueError(f"{path.name}: snippet '{name}' is empty")
                snippets.append(Snippet(f"{path.stem}/{name}", code))
            name, lines = match.group(1).strip(), []
            if name == "<end>":
                break
            if not _NAME.match(name):
                raise ValueError(f"{path.name}:{number}: snippet name '{name}' is not a lowercase slug")
            if f"{path.stem}/{name}" in seen:
                raise ValueError(f"{path.name}:{number}: snippet name '{name}' is used twice")
            seen.add(f"{path.stem}/{name}")
    return snippets


@contextlib.contextmanager
def importable_as_torch(package: ModuleType):
    """Inside the block, `import torch`, `import torch.nn as nn`, `from torch import optim` ...
    resolve to `package` and its submodules (microtorch, as in the browser). Real torch's own
    modules are hidden meanwhile, so a missing microtorch submodule fails instead of silently
    falling back to PyTorch, and they are put back afterwards."""
    if package.__name__ == "torch":
        yield
        return
    # Import every submodule first: one imported lazily under the alias would be a second copy
    # with its own classes.
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        importlib.import_module(info.name)
    is_torch = lambda key: key == "torch" or key.startswith("torch.")  # noqa: E731
    hidden = {key: sys.modules.pop(key) for key in [k for k in sys.modules if is_torch(k)]}
    prefix = package.__name__
    for key, module in list(sys.modules.items()):
        if key == prefix or key.startswith(prefix + "."):
            sys.modules["torch" + key[len(prefix):]] = module
    try:
        yield
    finally:
        for key in [k for k in sys.modules if is_torch(k)]:
            del sys.modules[key]
        sys.modules.update(hidden)


# PyTorch appends where in its C++ build a warning came from; that is not part of the message.
_BUILD_LOCATION = re.compile(r" \(Triggered internally at .*\)$")


def _first_line(text: str) -> str:
    line = text.strip().splitlines()[0] if text.strip() else ""
    return _BUILD_LOCATION.sub("", line)


def run(snippet: Snippet, package: ModuleType) -> dict:
    """Run the snippet in a fresh namespace with `torch` being `package`; return what a learner
    sees: printed text, the exception (type and first line) and the warnings (category and
    first line), all as plain data."""
    stdout = io.StringIO()
    error = None
    code = compile(snippet.code, f"<snippet {snippet.id}>", "exec")
    collecting = gc.isenabled()  # snippets about reference cycles switch the collector off
    with importable_as_torch(package), warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with contextlib.redirect_stdout(stdout):
            try:
                exec(code, {"__name__": "__main__"})
            except Exception as exc:  # the snippet's own failure is part of its output
                error = f"{type(exc).__name__}: {_first_line(str(exc))}"
            finally:
                if collecting:
                    gc.enable()
    return {
        "stdout": stdout.getvalue(),
        "error": error,
        "warnings": [f"{w.category.__name__}: {_first_line(str(w.message))}" for w in caught],
    }
