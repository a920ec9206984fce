"""The rest of Python's standard library, fetched on its first import.

The site serves Pyodide's standard library in two parts (scripts/hooks/runtime.py, split_stdlib):
what the course imports, which Pyodide loads at start, and the rest, one zip that no lesson needs.
The worker calls `install(url, sha256, modules)` with the second part's address, checksum and
importable names. Importing one of those names then downloads the zip (once, checked against its
sha256), puts it on the import path and imports from it: every module of the standard library
still works, at the cost of one pause on the first such import.

The finder sits last on sys.meta_path, so Python's own finders answer first and only a name the
start part lacks reaches it. A name is a top-level module or package ("xml"), whose submodules
then come from the zip by the usual path, or a submodule of a package split module by module
("encodings.cp1252", imported by name when a codec is looked up).
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.machinery
import sys
import tempfile
from pathlib import Path


class MoreStdlib:
    def __init__(self, url: str, sha256: str, modules, fetch, where: Path):
        self.url, self.sha256, self.modules, self.fetch, self.where = url, sha256, frozenset(modules), fetch, where
        self.archive: Path | None = None

    def find_spec(self, name, path=None, target=None):
        if name not in self.modules:
            return None
        archive = self._archive()
        parent = name.rpartition(".")[0]
        if not parent:
            return importlib.machinery.PathFinder.find_spec(name, [str(archive)])
        # Python imported the parent (from the start part) before asking for its submodule.
        inside = str(archive / parent.replace(".", "/"))
        package = sys.modules[parent]
        if inside not in package.__path__:
            package.__path__.append(inside)
        return importlib.machinery.PathFinder.find_spec(name, [inside])

    def _archive(self) -> Path:
        if self.archive is None:
            try:
                data = self.fetch(self.url)
            except Exception as error:  # a network error of any kind: say what was being fetched
                raise ImportError(f"the rest of Python's standard library could not be downloaded ({self.url}): {error}") from None
            if hashlib.sha256(data).hexdigest() != self.sha256:
                raise ImportError(f"the rest of Python's standard library arrived damaged ({self.url}: wrong sha256)")
            self.where.write_bytes(data)
            importlib.invalidate_caches()
            self.archive = self.where
        return self.archive


def fetch_in_worker(url: str) -> bytes:
    """A synchronous download, which a Web Worker may make (an import cannot wait for a promise)."""
    from js import Uint8Array, XMLHttpRequest

    request = XMLHttpRequest.new()
    request.open("GET", url, False)
    request.responseType = "arraybuffer"
    request.send(None)
    if request.status != 200:
        raise OSError(f"the server answered {request.status}")
    return Uint8Array.new(request.response).to_bytes()


def install(url: str, sha256: str, modules, fetch=fetch_in_worker, where: Path | None = None) -> MoreStdlib:
    """Put the finder last on sys.meta_path (a second call replaces the first). The zip is kept in
    `where` (in the worker, a file of Pyodide's in-memory file system)."""
    sys.meta_path[:] = [finder for finder in sys.meta_path if not isinstance(finder, MoreStdlib)]
    finder = MoreStdlib(url, sha256, modules, fetch, where or Path(tempfile.gettempdir(), "python_stdlib_more.zip"))
    sys.meta_path.append(finder)
    return finder
