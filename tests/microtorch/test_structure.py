"""microtorch's layout: each module imports on its own, the imports form no cycle, and the engine
stays short enough for lesson 6 to read."""
import ast
import subprocess
import sys
from pathlib import Path


PACKAGE = Path(__file__).resolve().parents[2] / "microtorch"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def imports(name: str, path: Path) -> set[str]:
    """The microtorch modules `name` imports anywhere in its file (inside functions too)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name in MODULES}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{base}.{node.module}" if node.module else base
            else:
                base = node.module or ""
            for alias in node.names:   # `from . import engine` imports the module engine
                target = f"{base}.{alias.name}"
                found.add(target if target in MODULES else base)
    return found & set(MODULES)


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """A list of modules that import each other in a circle, or None."""
    state = {}   # name -> "open" while on the current path, "done" after

    def visit(name, path):
        state[name] = "open"
        for nxt in sorted(graph[name]):
            if state.get(nxt) == "open":
                return path[path.index(nxt):] + [nxt]
            if nxt not in state:
                cycle = visit(nxt, path + [nxt])
                if cycle:
                    return cycle
        state[name] = "done"
        return None

    for name in sorted(graph):
        if name not in state:
            cycle = visit(name, [name])
            if cycle:
                return cycle
    return None


def test_the_import_graph_has_no_cycle():
    cycle = find_cycle({name: imports(name, path) for name, path in MODULES.items()})
    assert cycle is None, "import cycle: " + " -> ".join(cycle)


def test_the_cycle_check_sees_a_cycle_and_the_imports_that_make_one():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None
    # relative imports, and imports inside functions, both count
    assert "microtorch.engine" in imports("microtorch.ops", MODULES["microtorch.ops"])
    assert "microtorch._errors" in imports("microtorch._dtypes", MODULES["microtorch._dtypes"])


# One fresh interpreter imports each module with no microtorch module loaded before it (NumPy
# stays loaded: starting ~30 interpreters would take a minute on these machines).
IMPORT_EACH = r"""
import importlib, sys, traceback
failed = []
for name in sys.argv[1:]:
    for loaded in [m for m in sys.modules if m == "microtorch" or m.startswith("microtorch.")]:
        del sys.modules[loaded]
    try:
        importlib.import_module(name)
    except Exception:
        failed.append(name + ":\n" + traceback.format_exc())
print("\n".join(failed))
"""


def test_each_module_imports_alone():
    result = subprocess.run([sys.executable, "-c", "import numpy\n" + IMPORT_EACH, *MODULES],
                            cwd=PACKAGE.parent, capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_the_engine_is_lesson_sized():
    lines = len((PACKAGE / "engine.py").read_text().splitlines())
    assert lines <= 400, f"engine.py has {lines} lines: move what is not the engine elsewhere"
