"""Write gradlab_runner/fontlist.py: the font list that the vendored matplotlib builds for itself
inside Pyodide, which the cell runner puts in place before matplotlib is first imported.

    .venv/bin/python scripts/make_fontlist.py

Pyodide's matplotlib keeps its font list in fontlist.json beside font_manager.py, and the one its
wheel ships is stale (another format version, and the fonts of the machine that built it), so
without ours every page load rebuilds the list: seconds of work and a warning on stderr. The
list is built here by that same matplotlib, in Pyodide under Node (the vendored runtime), so it
is byte for byte what a page would build. Rerun this when the vendored matplotlib changes;
tests/runtime/test_fontlist.py says when it no longer fits.
"""

from __future__ import annotations

import importlib.util
import json
import pprint
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "gradlab_runner" / "fontlist.py"

spec = importlib.util.spec_from_file_location("vendor_pyodide", ROOT / "scripts" / "vendor_pyodide.py")
vendor = importlib.util.module_from_spec(spec)
spec.loader.exec_module(vendor)

# Node loads the vendored Pyodide and matplotlib (with its lock file), lets font_manager build its
# list, and prints the file it wrote.
BUILD = """
const { loadPyodide } = require(process.argv[2]);
(async () => {
  const pyodide = await loadPyodide({ indexURL: process.argv[3], stdout: () => {}, stderr: () => {} });
  await pyodide.loadPackage(["matplotlib"], { messageCallback: () => {} });
  process.stdout.write(pyodide.runPython(`
import pathlib
import matplotlib.font_manager as fm
(pathlib.Path(fm.__file__).parent / "fontlist.json").read_text()`));
})();
"""

HEADER = '''"""The font list Pyodide's matplotlib {version} builds for itself (format {format}), written by
scripts/make_fontlist.py. The cell runner writes it where that matplotlib looks for it before
the first import, so no page load rebuilds it. Generated: do not edit."""

FONT_LIST = '''


def main() -> None:
    cache = vendor.Cache(vendor.cache_dir())
    index = cache.path(vendor.LOCK).parent
    built = subprocess.run(["node", "-", str(index / "pyodide.js"), f"{index}/"], input=BUILD, capture_output=True, text=True)
    if built.returncode != 0:
        raise SystemExit(f"building the font list in Pyodide failed:\n{built.stderr[-3000:]}")
    fonts = json.loads(built.stdout)
    for kind in ("ttflist", "afmlist"):  # sorted: the directory listing's order varies between runs
        fonts[kind].sort(key=lambda font: font["fname"])
    lock = json.loads(cache.path(vendor.LOCK).read_text())
    version = lock["packages"]["matplotlib"]["version"]
    TARGET.write_text(HEADER.format(version=version, format=fonts["_version"]) + pprint.pformat(fonts, sort_dicts=False, width=220) + "\n")
    print(f"{TARGET.relative_to(ROOT)}: {len(fonts['ttflist'])} TrueType and {len(fonts['afmlist'])} AFM fonts, format {fonts['_version']}")


if __name__ == "__main__":
    main()
