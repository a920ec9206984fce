"""Which modules of Python's standard library the course imports in the browser's Python: every
lesson's cells and every challenge's programs, run in Pyodide under Node.js with the site's cell
runner, then the stdlib modules in sys.modules, named as scripts/hooks/runtime.py's AT_START
names them. Run it after a Pyodide upgrade or when a lesson imports something new (the lesson
walk, tests/browser/test_lessons.py, fails when a lesson needs a module AT_START lacks).

    .venv/bin/python scripts/stdlib_imports.py        # needs `make runtime` (Pyodide in the cache)

It loads Pyodide's own, whole standard library (from the cache), so what it reports does not
depend on the split it is used to make.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scripts.vendor_pyodide import VERSION, cache_dir  # noqa: E402
from tests.support.course import challenge_programs, lesson_programs  # noqa: E402

# Loads Pyodide and NumPy, imports the runner from the sources (as the worker does from the
# wheel), runs each program's cells in order and prints the files, in the stdlib zip, of the
# modules then in sys.modules.
NODE = """
const [runtime, root, programsFile] = process.argv.slice(1);
const { loadPyodide } = require(runtime + "/pyodide.js");
(async () => {
  const pyodide = await loadPyodide({ indexURL: runtime + "/", stdout: () => {}, stderr: () => {} });
  await pyodide.loadPackage(["numpy"], { messageCallback: () => {} });
  pyodide.FS.mkdir("/src");
  pyodide.FS.mount(pyodide.FS.filesystems.NODEFS, { root }, "/src");
  pyodide.runPython('import sys; sys.path.insert(0, "/src")');
  const runner = pyodide.pyimport("gradlab_runner");
  runner.alias_torch();
  runner.set_emit(() => {});
  for (const program of JSON.parse(require("fs").readFileSync(programsFile, "utf8"))) {
    for (const cell of program.cells) {
      await pyodide.loadPackagesFromImports(`${cell.setup || ""}\\n${cell.code}`, { messageCallback: () => {} });
      runner.run(cell.code, cell.setup || "", cell.isolated ? null : program.id);
    }
    runner.drop(program.id);
  }
  console.log(pyodide.runPython(`import json, sys
files = (getattr(m, "__file__", None) or "" for m in list(sys.modules.values()))
json.dumps(sorted({f.removeprefix("/lib/python312.zip/") for f in files if f.startswith("/lib/python312.zip/")}))`));
})();
"""


def stdlib_imports() -> set[str]:
    """The files of the stdlib zip that the course's imports read ('json/decoder.py')."""
    runtime = cache_dir()
    if not (runtime / "pyodide.js").is_file():
        raise SystemExit(f"Pyodide {VERSION} is not in {runtime}: run `make runtime`")
    with tempfile.TemporaryDirectory() as scratch:
        programs = Path(scratch) / "programs.json"
        programs.write_text(json.dumps(lesson_programs("microtorch") + challenge_programs()))
        result = subprocess.run(["node", "-e", NODE, str(runtime), str(ROOT), str(programs)], capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"running the course in Pyodide failed:\n{result.stderr[-3000:]}")
    return set(json.loads(result.stdout.strip().splitlines()[-1]))


def main() -> None:
    spec = importlib.util.spec_from_file_location("runtime_hook", ROOT / "scripts" / "hooks" / "runtime.py")
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    used = {hook.module_of(file) for file in stdlib_imports()}
    print("the course imports:", " ".join(sorted(used)))
    missing = used - hook.AT_START
    print("missing from AT_START:", " ".join(sorted(missing)) or "none")
    print("in AT_START, not imported by the course:", " ".join(sorted(hook.AT_START - used)) or "none")


if __name__ == "__main__":
    main()
